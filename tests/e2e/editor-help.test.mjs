// The editor's help beyond problems, in headless Chromium. Hover: resting the pointer on a relation
// field, a model's name, a column or a SQL foreign key shows what relplay made of it (the core's
// `hover_at`, asked through the worker); a SQL key read as one-to-many offers the fix that makes
// it unique, and after the fix the same hover says one-to-one. Format: the button and Shift+Alt+F
// lay the schema out exactly as `relplay format` does (which Prisma's formatter judges in
// tests/prisma/format.test.mjs), as one undoable change; a schema that does not read is left as
// written, with the reason.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startApp, settled, firstVisit } from "../support/browser.mjs";
import { relplay } from "../support/relplay.mjs";

let app;
before(async () => {
  app = await startApp();
});
after(() => app?.close());

const sourceView = "window.relplayEditor.viewIn(document.querySelector('.source-pane'))";

/** Replaces the whole source with `text`, as a paste would. */
async function setSource(page, text) {
  await page.evaluate(
    ([t, view]) => {
      const editor = eval(view);
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: t } });
    },
    [text, sourceView],
  );
  await settled(page);
}

const source = (page) => page.evaluate((view) => eval(view).state.doc.toString(), sourceView);

/** A first visit switched to PostgreSQL (the example's comments all go with it: nothing is asked), showing `sql`. */
async function sqlPage(sql) {
  const page = await firstVisit(app.context, app.server.url);
  await page.selectOption("[data-testid=language]", "sql:postgresql");
  await settled(page);
  await setSource(page, sql);
  return page;
}

/** Rests the pointer on the `plus`th character of the first `needle` in the source, and returns the hover shown. */
async function hoverOn(page, needle, plus = 1) {
  // Away first, so a hover already open closes and a new one is asked for.
  await page.mouse.move(0, 0);
  await page.locator("[data-testid=hover]").waitFor({ state: "detached" });
  const point = await page.evaluate(
    ([n, p, view]) => {
      const editor = eval(view);
      const at = editor.state.doc.toString().indexOf(n);
      if (at < 0) throw new Error(`no ${n} in the source`);
      const coords = editor.coordsAtPos(at + p);
      return { x: coords.left + 2, y: (coords.top + coords.bottom) / 2 };
    },
    [needle, plus, sourceView],
  );
  await page.mouse.move(point.x, point.y);
  const hover = page.locator("[data-testid=hover]");
  await hover.waitFor({ timeout: 10_000 });
  return hover;
}

test("hovering a relation field, a model's type and a column says what each is", async () => {
  const page = await firstVisit(app.context, app.server.url);
  // `user   User   @relation(…)` in Profile (the default example).
  let hover = await hoverOn(page, "user   User");
  assert.match(await hover.locator(".rp-hover-title").innerText(), /^Profile\.user → User · one-to-one$/);
  const text = await hover.innerText();
  assert.match(text, /Each Profile has one User; each User has at most one Profile \(User\.profile\)\./);
  assert.match(text, /Key: Profile\.userId → User\.id\./);
  assert.match(text, /When the User row is deleted: Cascade/);
  hover = await hoverOn(page, "User   @relation");
  assert.equal(await hover.locator(".rp-hover-title").innerText(), "model User");
  hover = await hoverOn(page, "email   String");
  assert.equal(await hover.locator(".rp-hover-title").innerText(), "User.email: String");
  assert.match(await hover.innerText(), /Unique\./);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a SQL foreign key says how it was read, and its fix makes it one-to-one", async () => {
  const sql = [
    "CREATE TABLE users (",
    "  id INT PRIMARY KEY",
    ");",
    "CREATE TABLE posts (",
    "  id INT PRIMARY KEY,",
    "  author_id INT NOT NULL REFERENCES users (id) ON DELETE CASCADE",
    ");",
    "",
  ].join("\n");
  const page = await sqlPage(sql);
  let hover = await hoverOn(page, "author_id");
  assert.equal(await hover.locator(".rp-hover-title").innerText(), "posts.author → users · one-to-many");
  assert.match(await hover.innerText(), /Read as one-to-many because `author_id` is not unique in `posts`/);
  await hover.locator("button", { hasText: "unique" }).click();
  const fixed = await page.evaluate((view) => eval(view).state.doc.toString(), sourceView);
  assert.match(fixed, /ON DELETE CASCADE,\n  UNIQUE \(author_id\)\n\);/);
  await settled(page);
  hover = await hoverOn(page, "author_id");
  assert.equal(await hover.locator(".rp-hover-title").innerText(), "posts.author → users · one-to-one");
  assert.match(await hover.innerText(), /Read as one-to-one because `author_id` is unique in `posts`\./);
  assert.equal(await hover.locator("button").count(), 0, "nothing to fix");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("Format lays the schema out as relplay format does, undoably, and says why when it cannot", async () => {
  const page = await firstVisit(app.context, app.server.url);
  const messy = "model User {\nid Int @id @default(autoincrement())\n    email String    @unique\n  posts Post[]\n  @@map(\"users\")\n}\nmodel Post {\n  id Int @id\n  authorId Int\n  author User @relation(fields:[authorId],references:[id])\n}\n";
  const expected = relplay(["format", "-", "--from", "prisma"], messy).stdout;
  assert.notEqual(expected, messy);
  await setSource(page, messy);
  await page.click("[data-testid=format]");
  await page.waitForFunction(([view, want]) => eval(view).state.doc.toString() === want, [sourceView, expected]);
  // One undo brings the text back as it was.
  await page.evaluate((view) => eval(view).focus(), sourceView);
  await page.keyboard.press("Control+z");
  await page.waitForFunction(([view, want]) => eval(view).state.doc.toString() === want, [sourceView, messy]);
  // The keyboard: Shift+Alt+F in the editor.
  await page.keyboard.press("Shift+Alt+F");
  await page.waitForFunction(([view, want]) => eval(view).state.doc.toString() === want, [sourceView, expected]);
  // A schema that does not read is left as it is, and the notice says why.
  const broken = "model A {\n  id Int @id(\n}\n";
  await setSource(page, broken);
  await page.click("[data-testid=format]");
  const notice = page.locator("[data-testid=notice]");
  await notice.waitFor();
  assert.match(await notice.innerText(), /Format left the text as it is: The schema has syntax errors/);
  assert.equal(await source(page), broken);
  // The button is for Prisma only.
  await page.selectOption("[data-testid=language]", "sql:postgresql");
  await settled(page);
  assert.equal(await page.locator("[data-testid=format]").count(), 0);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("in a SQL foreign key, REFERENCES completes the script's tables, then that table's columns", async () => {
  const page = await sqlPage('CREATE TABLE users (\n  id INT PRIMARY KEY,\n  "Email" TEXT UNIQUE\n);\nCREATE TABLE posts (\n  id INT PRIMARY KEY,\n  author TEXT REFERENCES \n);\n');
  const offered = () => page.locator(".cm-tooltip-autocomplete li .cm-completionLabel").allInnerTexts();
  await page.evaluate((view) => {
    const editor = eval(view);
    const at = editor.state.doc.toString().indexOf("REFERENCES ") + "REFERENCES ".length;
    editor.focus();
    editor.dispatch({ selection: { anchor: at } });
    // Completion comes with the editor's focus (a chunk of its own).
    return window.relplayEditor.extrasReady(editor);
  }, sourceView);
  await page.keyboard.type("us");
  await page.locator(".cm-tooltip-autocomplete").waitFor();
  assert.ok((await offered()).includes("users"), String(await offered()));
  assert.ok(!(await offered()).includes("posts"), "only tables that match what is typed");
  await page.waitForTimeout(150);
  await page.keyboard.press("Enter");
  await page.keyboard.type(" (");
  await page.keyboard.press("Control+Space");
  await page.locator(".cm-tooltip-autocomplete").waitFor();
  // The table's columns come first (the dialect's keywords follow them).
  assert.deepEqual((await offered()).slice(0, 2).sort(), ['"Email"', "id"]);
  // Past CodeMirror's interaction delay, within which Enter is not yet the list's.
  await page.waitForTimeout(150);
  await page.keyboard.press("Enter");
  assert.match(await source(page), /author TEXT REFERENCES users \((id|"Email")/);
  assert.deepEqual(page.errors, []);
  await page.close();
});
