// The Prisma, TypeORM, Sequelize and VibORM panes in headless Chromium: each shows exactly what the core
// generates (the CLI's output for the same schema and options), their options change the output,
// and a share link keeps the chosen options.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { startApp, settled, firstVisit, openPage as openPageIn } from "../support/browser.mjs";
import { relplayOk, repoRoot } from "../support/relplay.mjs";

let app;
const example = join(repoRoot, "examples/user-profile.prisma");
const cli = (...args) => relplayOk(["convert", example, ...args]);
/** A first visit: the default example (the user-profile example), whatever the tests before left. */
const openDefault = () => firstVisit(app.context, app.server.url);
const outputText = (page) => settled(page).then(() => page.evaluate(() => window.relplayEditor.textIn(document.querySelector("[data-testid=code-output]"))));

/** Waits until the output pane shows `expected` exactly. */
async function showsExactly(page, expected) {
  await page.waitForFunction((text) => window.relplayEditor.textIn(document.querySelector("[data-testid=code-output]")) === text, expected, { timeout: 10_000 }).catch(() => {});
  assert.equal(await outputText(page), expected);
}

before(async () => {
  app = await startApp();
});
after(() => app?.close());

test("the TypeORM pane shows the core's entities, with column types of the chosen database", async () => {
  const page = await openDefault();
  await page.click("[data-tab=typeorm]");
  await showsExactly(page, cli("--to", "typeorm", "--dialect", "postgresql"));
  assert.match(await outputText(page), /@OneToOne\(\(\) => User, \(user\) => user\.profile/);
  await page.selectOption("[data-testid=dialect]", "mysql");
  await showsExactly(page, cli("--to", "typeorm", "--dialect", "mysql"));
  assert.match(await outputText(page), /type: "varchar", length: 191/);
  await page.selectOption("[data-testid=typeorm-cascade]", "all");
  await page.check("[data-testid=typeorm-eager]");
  await showsExactly(page, cli("--to", "typeorm", "--dialect", "mysql", "--cascade", "all", "--eager"));
  assert.match(await outputText(page), /eager: true/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("the Sequelize pane switches between define() and class models", async () => {
  const page = await openDefault();
  await page.click("[data-tab=sequelize]");
  await showsExactly(page, cli("--to", "sequelize"));
  await page.selectOption("[data-testid=sequelize-style]", "class");
  await showsExactly(page, cli("--to", "sequelize", "--style", "class"));
  assert.match(await outputText(page), /export class Profile extends Model \{\}/);
  await page.close();
});

test("the VibORM pane switches between the builder and the config-first API", async () => {
  const page = await openDefault();
  await page.click("[data-tab=viborm]");
  await showsExactly(page, cli("--to", "viborm"));
  await page.selectOption("[data-testid=viborm-api]", "config-first");
  await showsExactly(page, cli("--to", "viborm", "--api", "config-first"));
  assert.match(await outputText(page), /s\.relation\s*\.fields\("userId"\)/);
  await page.close();
});

test("the Prisma pane writes for Prisma 7 or 6, and the choice judges a Prisma source and stays in the link", async () => {
  const page = await openDefault();
  await page.click("[data-tab=prisma]");
  await showsExactly(page, cli("--to", "prisma"));
  await page.selectOption("[data-testid=prisma-version]", "6");
  await showsExactly(page, cli("--to", "prisma", "--prisma", "6"));
  assert.match(await outputText(page), /url\s+= env\("DATABASE_URL"\)/);
  // The example has no `url`, which Prisma 6 needs: the problems say so.
  await page.waitForFunction(() => /1 error/.test(document.querySelector("[data-testid=status]")?.innerText ?? ""));
  await page.click("[data-testid=share]");
  const opened = await openPageIn(app.context, await page.inputValue("[data-testid=share-link]"));
  assert.equal(await opened.inputValue("[data-testid=prisma-version]"), "6");
  await showsExactly(opened, cli("--to", "prisma", "--prisma", "6"));
  await opened.close();
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a share link keeps the pane and its options", async () => {
  const page = await openDefault();
  await page.click("[data-tab=sequelize]");
  await page.selectOption("[data-testid=sequelize-style]", "class");
  await page.click("[data-testid=share]");
  const link = await page.inputValue("[data-testid=share-link]");
  const opened = await openPageIn(app.context, link);
  assert.equal(await opened.getAttribute("[data-tab=sequelize]", "aria-selected"), "true");
  assert.equal(await opened.inputValue("[data-testid=sequelize-style]"), "class");
  await showsExactly(opened, cli("--to", "sequelize", "--style", "class"));
  await opened.close();
  await page.close();
});

test("a relation selected in the diagram is highlighted in each ORM pane, and clicking there selects it back", async () => {
  const page = await openDefault();
  await page.locator(".source-pane .cm-line", { hasText: "user   User" }).click();
  const selected = () => page.evaluate(() => window.relplayEditor.selectionIn(document.querySelector("[data-testid=code-output]")) ?? "");
  await page.click("[data-tab=typeorm]");
  await page.waitForFunction(() => (window.relplayEditor.selectionIn(document.querySelector("[data-testid=code-output]")) ?? "").includes("@OneToOne(() => User"));
  await page.click("[data-tab=sequelize]");
  await page.waitForFunction(() => (window.relplayEditor.selectionIn(document.querySelector("[data-testid=code-output]")) ?? "").includes("Profile.belongsTo(User"));
  await page.click("[data-tab=viborm]");
  await page.waitForFunction(() => (window.relplayEditor.selectionIn(document.querySelector("[data-testid=code-output]")) ?? "").includes("s.oneToOne(() => user)"));
  assert.match(await selected(), /fields\("userId"\)/);
  // Back: clicking the User class in the TypeORM pane selects the User entity in the diagram.
  await page.click("[data-tab=typeorm]");
  await page.locator("[data-testid=code-output] .cm-line", { hasText: "export class User" }).click();
  await page.click("[data-tab=diagram]");
  await page.waitForSelector("[data-testid=diagram] [data-entity=User].rp-selected");
  await page.close();
});
