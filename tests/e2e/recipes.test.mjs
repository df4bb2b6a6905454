// The "Use it" pane in headless Chromium: the selected relation's recipes in the chosen ORM or
// SQL, exactly as `relplay recipes` writes them; it follows the selection made in the diagram,
// the editor or its own relation menu; the recipes' module is fetched only when the pane is
// first shown; share links keep the chosen ORM; an embed can show the pane alone.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { startApp, settled, firstVisit, openPage } from "../support/browser.mjs";
import { relplayOk, repoRoot } from "../support/relplay.mjs";

let app;
const recipesOf = (example, ...args) => relplayOk(["recipes", join(repoRoot, `examples/${example}.prisma`), ...args]);
const paneText = (page) => page.evaluate(() => window.relplayEditor.textIn(document.querySelector("[data-testid=code-output]")));

/** Waits (up to 15 s) until the pane shows a text `accept` takes, and returns the text shown then. */
async function paneShows(page, accept) {
  const until = Date.now() + 15_000;
  let text = "";
  while (Date.now() < until) {
    await settled(page);
    text = await paneText(page);
    if (accept(text)) return text;
    await page.waitForTimeout(100);
  }
  return text;
}

before(async () => {
  app = await startApp();
});
after(() => app?.close());

test("the Use it pane shows the recipes `relplay recipes` writes, in the ORM chosen, and its module is fetched only then", async () => {
  const fetched = [];
  const page = await firstVisit(app.context, app.server.url, { prepare: async (p) => p.on("request", (r) => fetched.push(new URL(r.url()).pathname)) });
  await settled(page);
  assert.ok(!fetched.some((p) => p.includes("relplay_recipes")), `a first visit fetched ${fetched.join(", ")}`);
  await page.click("[data-tab=recipes]");
  const prisma = recipesOf("user-profile", "--to", "prisma");
  assert.equal(await paneShows(page, (text) => text.includes("prisma.user.create")), prisma);
  assert.ok(fetched.some((p) => p.endsWith("modules/relplay_recipes_bg.wasm")), fetched.join(", "));
  await page.selectOption("[data-testid=recipes-target]", "typeorm");
  assert.equal(await paneShows(page, (text) => text.includes("getRepository")), recipesOf("user-profile", "--to", "typeorm", "--dialect", "postgresql"));
  await page.selectOption("[data-testid=recipes-target]", "sql");
  await page.selectOption("[data-testid=dialect]", "mysql");
  assert.equal(await paneShows(page, (text) => text.includes("`Profile`")), recipesOf("user-profile", "--to", "sql", "--dialect", "mysql"));
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a recipes module that cannot be fetched is said in the pane, and fetched when the pane is shown again", async () => {
  let offline = true;
  const page = await firstVisit(app.context, app.server.url, {
    prepare: (p) => p.route("**/modules/relplay_recipes*", (route) => (offline ? route.abort("internetdisconnected") : route.continue())),
  });
  await page.click("[data-tab=recipes]");
  const failed = page.locator("[data-testid=recipes-failed]");
  await failed.waitFor();
  assert.match(await failed.innerText(), /The recipes could not be fetched \(.+\)\. Your text is untouched/);
  offline = false;
  await page.click("[data-tab=diagram]");
  await page.click("[data-tab=recipes]");
  assert.equal(await paneShows(page, (text) => text.includes("prisma.user.create")), recipesOf("user-profile", "--to", "prisma"));
  assert.equal(await failed.count(), 0);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("the pane follows the selection: a relation chosen in the diagram, or in its own menu", async () => {
  const page = await firstVisit(app.context, app.server.url);
  await page.selectOption("[data-testid=examples]", "self-relation");
  await settled(page);
  const json = JSON.parse(recipesOf("self-relation", "--to", "sequelize", "--format", "json"));
  const [mentorship, management] = json.relations.map((r) => r.heading);
  // In the diagram: the Management relation's line.
  await page.click("[data-tab=diagram]");
  const index = json.relations[1].relation;
  const point = await page.evaluate((i) => {
    const line = document.querySelector(`[data-testid=diagram] [data-relation="${i}"] .rp-hit`);
    const [a, b] = line.getAttribute("points").split(" ").map((p) => p.split(",").map(Number));
    return new DOMPoint((a[0] + b[0]) / 2, (a[1] + b[1]) / 2).matrixTransform(line.getScreenCTM());
  }, index);
  await page.mouse.click(point.x, point.y);
  await page.waitForSelector(`[data-testid=diagram] [data-relation="${index}"].rp-selected`);
  await page.click("[data-tab=recipes]");
  await page.selectOption("[data-testid=recipes-target]", "sequelize");
  let text = await paneShows(page, (t) => t.includes("sequelize.models") && t.includes("Employee.reports"));
  assert.ok(text.includes(management) && !text.includes(mentorship), text);
  assert.ok(text.includes("await manager.countReports()"), text);
  // Its own menu: the mentorship.
  await page.selectOption("[data-testid=recipes-relation]", String(json.relations[0].relation));
  text = await paneShows(page, (t) => t.includes("Employee.mentee"));
  assert.ok(text.includes(mentorship) && !text.includes(management), text);
  assert.equal(await page.inputValue("[data-testid=recipes-relation]"), String(json.relations[0].relation));
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a share link keeps the pane and its ORM, and an embed can show the pane alone", async () => {
  const page = await firstVisit(app.context, app.server.url);
  await page.click("[data-tab=recipes]");
  await page.selectOption("[data-testid=recipes-target]", "viborm");
  await paneShows(page, (t) => t.includes("client.user"));
  await page.click("[data-testid=share]");
  const link = await page.inputValue("[data-testid=share-link]");
  const opened = await openPage(app.context, link);
  assert.equal(await opened.getAttribute("[data-tab=recipes]", "aria-selected"), "true");
  assert.equal(await opened.inputValue("[data-testid=recipes-target]"), "viborm");
  assert.equal(await paneShows(opened, (t) => t.includes("client.user")), recipesOf("user-profile", "--to", "viborm"));
  const embed = await openPage(app.context, `${app.server.url}?embed=1&view=recipes${new URL(link).hash}`, "[data-testid=code-output]");
  assert.deepEqual(await embed.locator("[role=tab]").evaluateAll((tabs) => tabs.map((t) => t.dataset.tab)), ["recipes"]);
  assert.equal(await paneShows(embed, (t) => t.includes("client.user")), recipesOf("user-profile", "--to", "viborm"));
  for (const p of [embed, opened, page]) await p.close();
});
