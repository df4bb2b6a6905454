// Share links, autosave and embedding, in headless Chromium against the built app (dist/).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startApp, settled, openPage as openPageIn } from "../support/browser.mjs";
import { encodePayload, encodeBytes } from "../support/share.mjs";
import { join } from "node:path";
import { relplayOk, repoRoot } from "../support/relplay.mjs";

let app;
let server;
let context;

const sourceText = (page) => settled(page).then(() => page.evaluate(() => window.relplayEditor.textIn(document.querySelector(".source-pane"))));
const outputText = (page) => settled(page).then(() => page.evaluate(() => window.relplayEditor.textIn(document.querySelector("[data-testid=code-output]"))));
const draft = (page) => page.evaluate(() => localStorage.getItem("relplay.draft"));

const openPage = (url, readySelector) => openPageIn(context, url, readySelector);

/** Appends text at the end of the source. */
async function typeAtEnd(page, text) {
  await page.locator(".source-pane .cm-line").last().click();
  await page.keyboard.press("Control+End");
  await page.keyboard.insertText(text);
}

before(async () => {
  app = await startApp();
  ({ server, context } = app);
});

after(() => app?.close());

test("share, then open the link in a new page: the same state", async () => {
  const page = await openPage(server.url);
  await page.selectOption("[data-testid=examples]", "many-to-many-explicit");
  await page.click("[data-tab=sql]");
  await page.selectOption("[data-testid=dialect]", "mysql");
  await typeAtEnd(page, "\n// shared on purpose");
  await page.click("[data-testid=share]");
  const link = await page.inputValue("[data-testid=share-link]");
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#s=v1\.[A-Za-z0-9_-]+$/);
  assert.match(await page.inputValue("[data-testid=share-snippet]"), /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?embed=1&view=editor,diagram,sql#s=v1\./);
  // The embed options shape the snippet.
  await page.uncheck("[data-testid=share-dialog] input[data-pane=editor]");
  await page.check("[data-testid=share-dialog] input[data-pane=prisma]");
  await page.check("[data-testid=share-readonly]");
  await page.selectOption("[data-testid=share-theme]", "dark");
  assert.match(await page.inputValue("[data-testid=share-snippet]"), /\?embed=1&view=diagram,prisma,sql&readonly=1&theme=dark#s=v1\./);
  const source = await sourceText(page);

  const opened = await openPage(link);
  assert.equal(await sourceText(opened), source);
  assert.equal(await opened.getAttribute("[data-tab=sql]", "aria-selected"), "true");
  await opened.waitForFunction(() => window.relplayEditor.textIn(document.querySelector("[data-testid=code-output]"))?.includes("CREATE TABLE `Enrollment`"));
  assert.deepEqual(opened.errors, []);
  await opened.close();
  await page.close();
});

test("`relplay share DIR --from typeorm` opens the entity files with the full diagram and no problems", async () => {
  const dir = join(repoRoot, "tests/corpus/typeorm/express-typescript-boilerplate");
  const link = relplayOk(["share", dir, "--from", "typeorm", "--base", server.url]).trim();
  const page = await openPage(link);
  assert.equal(await page.inputValue("[data-testid=language]"), "typeorm");
  await page.waitForFunction(() => document.querySelector("[data-testid=status]")?.innerText === "No problems");
  await page.click("[data-tab=diagram]");
  await page.locator("[data-testid=diagram] [data-entity=Pet]").waitFor();
  await page.locator("[data-testid=diagram] [data-entity=User]").waitFor();
  // The files menu moves the cursor to a file.
  assert.deepEqual(await page.locator("[data-testid=files] option:not([disabled])").allInnerTexts(), ["Pet.ts", "User.ts"]);
  await page.selectOption("[data-testid=files]", "User.ts");
  const line = await page.evaluate(() => {
    const view = document.querySelector(".source-pane .cm-editor");
    return window.getSelection()?.anchorNode ? document.querySelector(".source-pane .cm-activeLine")?.textContent : view?.textContent;
  });
  assert.match(line ?? "", /@filename: User\.ts/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a link to a schema nested 5,000 and 100,000 levels deep opens with the editor and a problem, not a crash", async () => {
  for (const n of [5000, 100000]) {
    const source = `model A {\n  id Int @id @default(${"f(".repeat(n)}${")".repeat(n)})\n}\n`;
    const page = await openPage(`${server.url}#s=${encodePayload({ s: source })}`);
    await page.waitForFunction(() => /error/.test(document.querySelector("[data-testid=status]")?.innerText ?? ""));
    assert.equal((await sourceText(page)).length, source.length);
    assert.deepEqual(page.errors, [], `${n} levels`);
    await page.close();
  }
});

test("a link to SQL opens in SQL mode with its dialect", async () => {
  const sql = "CREATE TABLE author (id INTEGER PRIMARY KEY AUTOINCREMENT);\nCREATE TABLE book (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL REFERENCES author (id));\n";
  const page = await openPage(`${server.url}#s=${encodePayload({ l: { sql: "sqlite" }, s: sql })}`);
  assert.equal(await page.inputValue("[data-testid=language]"), "sql:sqlite");
  assert.equal(await sourceText(page), sql);
  await page.locator("[data-testid=diagram] [data-entity=book]").waitFor();
  assert.equal(await page.locator("[data-testid=diagram] [data-relation]").count(), 1);
  await page.close();
});

test("the URL follows edits and a reload keeps the draft", async () => {
  const page = await openPage(server.url);
  await typeAtEnd(page, "\n// draft kept across reloads");
  await page.waitForFunction(() => localStorage.getItem("relplay.draft")?.includes("draft kept across reloads"));
  await page.waitForFunction(() => location.hash.startsWith("#s=v1."));
  const followed = await openPage(page.url());
  assert.match(await sourceText(followed), /draft kept across reloads/);
  await followed.close();
  // A plain visit, no link: the draft comes back.
  await page.goto(server.url);
  await page.waitForSelector(".source-pane .cm-content");
  assert.match(await sourceText(page), /draft kept across reloads/);
  await page.close();
});

test("a change made just before leaving the page is saved: the pane chosen last comes back", async () => {
  const page = await openPage(server.url);
  await settled(page);
  for (const pane of ["typeorm", "sql"]) {
    await page.click(`[data-tab=${pane}]`);
    // Left at once, before the 300 ms after a change at which the draft is written otherwise.
    await page.goto("about:blank");
    const reopened = await openPage(server.url);
    assert.equal(await reopened.getAttribute(`[data-tab=${pane}]`, "aria-selected"), "true", `the ${pane} pane, chosen just before leaving`);
    assert.match(await draft(reopened), new RegExp(`"p":"${pane}"`));
    await reopened.close();
    await page.goto(server.url);
    await page.waitForSelector(".source-pane .cm-content");
  }
  await page.close();
});

test("opening a shared link keeps the user's draft recoverable", async () => {
  const page = await openPage(server.url);
  await typeAtEnd(page, "\n// my precious draft");
  await page.waitForFunction(() => localStorage.getItem("relplay.draft")?.includes("my precious draft"));
  const link = `${server.url}#s=${encodePayload({ l: "prisma", s: "datasource db {\n  provider = \"sqlite\"\n}\n\nmodel Shared {\n  id Int @id\n}\n" })}`;
  await page.goto(link);
  await page.waitForSelector("[data-testid=notice]");
  assert.match(await sourceText(page), /model Shared/);
  assert.match(await draft(page), /my precious draft/, "merely opening a link must not touch the draft");
  await typeAtEnd(page, "\n// editing the shared one");
  await page.waitForFunction(() => localStorage.getItem("relplay.draft")?.includes("editing the shared one"));
  assert.match(await page.evaluate(() => localStorage.getItem("relplay.draft.previous")), /my precious draft/);
  await page.click("[data-testid=restore-draft]");
  await page.waitForFunction(() => window.relplayEditor.textIn(document.querySelector(".source-pane"))?.includes("my precious draft"));
  await page.close();
});

const bomb = encodeBytes(Buffer.alloc(64 * 1024 * 1024, 32));
const hostileLinks = [
  ["random bytes", "v1.%%%%@@@@!!!!", /damaged or cut short/],
  ["a truncated link", encodePayload({ l: "prisma", s: "model A {\n  id Int @id\n}\n".repeat(40) }).slice(0, 60), /damaged or cut short/],
  ["a zip bomb", bomb, /unpacks to more than 1024 KiB/],
  ["a huge link", `v1.${"A".repeat(300 * 1024)}`, /too long to open/],
  ["a wrong version", "v7.abcdef", /another version of relplay \(format v7\)/],
  ["not a playground", encodeBytes(Buffer.from("[1,2,3]")), /not to a relplay playground/],
];

for (const [name, payload, reason] of hostileLinks) {
  test(`a hostile link (${name}) shows a message and leaves the draft alone`, async () => {
    const page = await openPage(server.url);
    await typeAtEnd(page, `\n// draft before ${name}`);
    await page.waitForFunction((n) => localStorage.getItem("relplay.draft")?.includes(`draft before ${n}`), name);
    const started = Date.now();
    await page.goto(`${server.url}#s=${payload}`);
    const notice = page.locator("[data-testid=notice]");
    await notice.waitFor();
    assert.ok(Date.now() - started < 10_000, "the page answered quickly");
    assert.match(await notice.innerText(), reason);
    assert.match(await sourceText(page), new RegExp(`draft before ${name}`));
    assert.match(await draft(page), new RegExp(`draft before ${name}`));
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

test("script in a shared schema is shown as text, never run", async () => {
  const hostile = "// <script>window.__pwned = 1</script> <img src=x onerror=\"window.__pwned = 2\">\nmodel A {\n  id Int @id\n}\n";
  const page = await openPage(`${server.url}#s=${encodePayload({ l: "prisma", s: hostile, p: "problems" })}`);
  assert.equal(await sourceText(page), hostile);
  for (const tab of ["diagram", "prisma", "sql", "problems", "json"]) {
    await page.click(`[data-tab=${tab}]`);
    await page.waitForTimeout(100);
  }
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator(".source-pane img").count(), 0);
  await page.close();
});

test("the embed page: two playgrounds that resize and answer the postMessage API", async () => {
  const page = await openPage(`${server.url}embed.html`, "#first");
  const events = () => page.evaluate(() => window.relplayEvents);
  // Both frames report ready, their height (and get resized), and a change after set-source.
  await page.waitForFunction(() => ["first", "second"].every((f) => window.relplayEvents.some((e) => e.frame === f && e.type === "relplay:change" && e.source.includes("datasource"))));
  for (const id of ["first", "second"]) {
    await page.waitForFunction((frameId) => document.getElementById(frameId).getBoundingClientRect().height > 400, id);
    const reported = (await events()).filter((e) => e.frame === id && e.type === "relplay:height").at(-1).height;
    assert.equal(Math.round(await page.evaluate((frameId) => document.getElementById(frameId).getBoundingClientRect().height, id)), reported + 2, "iframe height = reported height + its border");
  }
  const first = page.frameLocator("#first");
  assert.match(await first.locator(".source-pane").innerText(), /model Profile/);
  // The second frame is read-only and shows only the diagram and Prisma panes, in the dark theme.
  const second = page.frames().find((f) => f.url().includes("readonly=1"));
  assert.equal(await second.locator(".source-pane").count(), 0);
  assert.deepEqual(await second.locator("[role=tab]").allInnerTexts(), ["Diagram", "Prisma"]);
  assert.equal(await second.evaluate(() => document.documentElement.dataset.theme), "dark");
  assert.equal(await second.evaluate(() => getComputedStyle(document.body).backgroundColor), "rgb(20, 23, 28)", "dark colours, whatever the system's scheme");
  await page.click("#swap");
  await second.locator("[data-entity=PostTag]").waitFor();

  // Messages not in the documented shape are ignored; a bad language is answered with an error.
  const firstFrame = page.frames().find((f) => f.url().includes("view=editor"));
  const before = await firstFrame.evaluate(() => window.relplayEditor.textIn(document.querySelector(".source-pane")));
  await page.evaluate(() => {
    const target = document.getElementById("first").contentWindow;
    target.postMessage("relplay:set-source", "*");
    target.postMessage({ type: "relplay:set-source", source: 42 }, "*");
    target.postMessage({ type: "relplay:unknown", source: "model X {}" }, "*");
    target.postMessage({ type: "relplay:set-source", language: "cobol", source: "model X {}" }, "*");
  });
  await page.waitForFunction(() => window.relplayEvents.some((e) => e.frame === "first" && e.type === "relplay:error"));
  assert.match((await events()).find((e) => e.type === "relplay:error").message, /unknown language "cobol"/);
  assert.equal(await firstFrame.evaluate(() => window.relplayEditor.textIn(document.querySelector(".source-pane"))), before);

  // Every language of the registry is accepted, SQL included; the change event reports it.
  const sql = "CREATE TABLE author (id INT PRIMARY KEY);\nCREATE TABLE book (id INT PRIMARY KEY, author_id INT REFERENCES author (id));\n";
  await page.evaluate((source) => {
    document.getElementById("first").contentWindow.postMessage({ type: "relplay:set-source", language: "sql:mysql", source }, "*");
  }, sql);
  await page.waitForFunction(() => window.relplayEvents.some((e) => e.frame === "first" && e.type === "relplay:change" && e.language === "sql:mysql"));
  assert.equal(await firstFrame.evaluate(() => window.relplayEditor.textIn(document.querySelector(".source-pane"))), sql);
  assert.equal((await events()).filter((e) => e.type === "relplay:error").length, 1, "only the cobol message was refused");
  // The ORM languages too: their reader loads, and the change event counts its problems.
  const orm = {
    typeorm: 'import { Entity, PrimaryGeneratedColumn, ManyToOne } from "typeorm";\n@Entity()\nexport class Team {\n  @PrimaryGeneratedColumn()\n  id: number;\n\n  @ManyToOne(() => Missing)\n  missing: Missing;\n}\n',
    sequelize: 'const { DataTypes } = require("sequelize");\nmodule.exports = (sequelize) => {\n  const Team = sequelize.define("Team", { name: DataTypes.STRING });\n  Team.belongsToMany(Team);\n};\n',
    viborm: 'import { s } from "viborm";\nexport const team = s.model({ id: s.int().id(), lead: s.manyToOne(() => player).fields("leadId").references("id") });\n',
  };
  for (const [language, source] of Object.entries(orm)) {
    await page.evaluate(([language, source]) => {
      document.getElementById("first").contentWindow.postMessage({ type: "relplay:set-source", language, source }, "*");
    }, [language, source]);
    await page.waitForFunction(
      (language) => window.relplayEvents.some((e) => e.frame === "first" && e.type === "relplay:change" && e.language === language && e.errors > 0),
      language,
    );
  }
  await page.evaluate((source) => {
    document.getElementById("first").contentWindow.postMessage({ type: "relplay:set-source", language: "prisma", source }, "*");
  }, before);
  await page.waitForFunction(() => window.relplayEvents.some((e) => e.frame === "first" && e.type === "relplay:change" && e.language === "prisma"));

  // "Open in relplay" carries the same state to the full app.
  const href = await first.locator("[data-testid=open-in-relplay]").getAttribute("href");
  const full = await openPage(href);
  assert.equal(await sourceText(full), before);
  await full.close();
  await page.close();
});

test("links and embeds made by earlier versions still open: the IR pane as `ir`, VibORM's API as `config_first`", async () => {
  const source = "model User {\n  id      Int      @id\n  profile Profile?\n}\n\nmodel Profile {\n  id     Int  @id\n  userId Int  @unique\n  user   User @relation(fields: [userId], references: [id])\n}\n";
  const ir = await openPage(`${server.url}#s=${encodePayload({ l: "prisma", s: source, p: "ir" })}`);
  assert.equal(await ir.locator("[data-tab=json]").getAttribute("aria-selected"), "true");
  assert.match(await outputText(ir), /"entities"/);
  await ir.close();
  const viborm = await openPage(`${server.url}#s=${encodePayload({ l: "prisma", s: source, p: "viborm", v: "config_first" })}`);
  assert.equal(await viborm.inputValue("[data-testid=viborm-api]"), "config-first");
  assert.match(await outputText(viborm), /s\.relation/);
  await viborm.close();
  const embed = await openPage(`${server.url}?embed=1&view=editor,ir#s=${encodePayload({ l: "prisma", s: source })}`);
  assert.deepEqual(await embed.locator("[role=tab]").allInnerTexts(), ["IR (JSON)"]);
  await embed.close();
});
