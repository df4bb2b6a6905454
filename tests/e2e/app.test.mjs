// The built app (dist/, from `trunk build`) in headless Chromium, used as a person would:
// type into the editor and watch the problems, the SQL and the diagram follow.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startApp, settled, firstVisit as firstVisitIn } from "../support/browser.mjs";
import { prismaValidate } from "../support/prisma-validator.mjs";

let app;
let page;
const pageErrors = [];

/** The full text of the output pane's editor. */
const outputText = () => settled(page).then(() => page.evaluate(() => window.relplayEditor.textIn(document.querySelector("[data-testid=code-output]"))));
const sourceText = () => settled(page).then(() => page.evaluate(() => window.relplayEditor.textIn(document.querySelector(".source-pane"))));
const status = () => settled(page).then(() => page.locator("[data-testid=status]").innerText());

/** Deletes the first ` word` (or `word`, without `space`) on the source line containing `needle`, with the keyboard. */
async function eraseOnLine(needle, word, space = true) {
  const line = page.locator(".source-pane .cm-line", { hasText: needle }).first();
  const text = await line.innerText();
  const end = text.indexOf(word) + word.length;
  await line.click();
  // From the end of the line: Home would stop at the indentation.
  await page.keyboard.press("End");
  for (let i = 0; i < text.length - end; i++) await page.keyboard.press("ArrowLeft");
  for (let i = 0; i < word.length + (space ? 1 : 0); i++) await page.keyboard.press("Backspace");
}

/**
 * Picks `language` in the Language menu. A schema with comments that belong to no model or field
 * is rewritten only once the user says so: the notice names what is left out
 * (`losses`), and "Rewrite" takes it. Without `losses`, no notice may appear.
 */
async function switchLanguage(target, language, losses) {
  await target.selectOption("[data-testid=language]", language);
  await settled(target);
  if (!losses) {
    assert.equal(await target.locator("[data-testid=switch-notice]").count(), 0, "a switch that loses nothing asks nothing");
    return;
  }
  const notice = target.locator("[data-testid=switch-notice]");
  await notice.waitFor();
  assert.match(await notice.innerText(), losses);
  await target.click("[data-testid=switch-anyway]");
  await notice.waitFor({ state: "detached" });
}

/** Puts the cursor at the end of the source line containing `needle`. */
async function cursorAtEndOfLine(needle) {
  const line = page.locator(".source-pane .cm-line", { hasText: needle }).first();
  await line.click();
  await page.keyboard.press("End");
}

before(async () => {
  app = await startApp();
  page = await app.context.newPage();
  page.on("pageerror", (error) => pageErrors.push(String(error)));
  page.on("console", (message) => {
    if (message.type() === "error") pageErrors.push(message.text());
  });
  await page.goto(app.server.url);
  await page.waitForSelector(".source-pane .cm-content");
});

after(() => app?.close());

test("the page opens on the User/Profile example with no problems", async () => {
  assert.match(await sourceText(), /model Profile/);
  assert.equal(await status(), "No problems");
  const svg = page.locator("[data-testid=diagram] svg");
  await svg.waitFor();
  assert.equal(await svg.locator("[data-entity=User]").count(), 1);
  assert.equal(await svg.locator("[data-entity=Profile]").count(), 1);
  assert.equal(await svg.locator("[data-relation]").count(), 1);
});

test("the SQL pane shows UNIQUE on the foreign key", async () => {
  await page.click("[data-tab=sql]");
  await page.waitForFunction(() => window.relplayEditor.textIn(document.querySelector("[data-testid=code-output]"))?.includes("CREATE TABLE"));
  const sql = await outputText();
  assert.match(sql, /CONSTRAINT "Profile_userId_key" UNIQUE \("userId"\)/);
  assert.match(sql, /FOREIGN KEY \("userId"\) REFERENCES "User" \("id"\) ON DELETE CASCADE ON UPDATE CASCADE/);
  // The SQL highlighting is a chunk of its own, fetched now: the keywords get their colour.
  await page.waitForFunction(() =>
    [...document.querySelectorAll("[data-testid=code-output] .cm-line span")].some((span) => span.textContent === "CREATE" && getComputedStyle(span).color !== getComputedStyle(span.parentElement).color),
  );
});

test("the Prisma pane's text is accepted by Prisma's validator", async () => {
  await page.click("[data-tab=prisma]");
  await page.waitForFunction(() => window.relplayEditor.textIn(document.querySelector("[data-testid=code-output]"))?.includes("model Profile"));
  const prisma = await outputText();
  assert.match(prisma, /userId Int\s+@unique/);
  const verdict = prismaValidate(prisma);
  assert.ok(verdict.valid, verdict.message);
  await page.click("[data-tab=sql]");
});

test("typing away @unique gives a diagnostic in place and changes the SQL", async () => {
  await eraseOnLine("userId Int", "@unique");
  await page.waitForFunction(() => document.querySelector("[data-testid=status]")?.innerText.startsWith("1 error"));
  // CodeMirror underlines the relation field and marks the gutter.
  await page.locator(".source-pane .cm-lintRange-error").first().waitFor();
  assert.ok(await page.locator(".source-pane .cm-lint-marker-error").count() >= 1);
  const sql = await outputText();
  assert.doesNotMatch(sql, /Profile_userId_key/);
  assert.match(sql, /one-to-one/);
  assert.equal(await page.locator(".banner").count(), 1);
});

test("hovering the squiggle explains the rule, and its quick fix repairs the schema", async () => {
  await page.locator(".source-pane .cm-lintRange-error").first().hover();
  const tooltip = page.locator(".cm-tooltip-lint");
  await tooltip.waitFor();
  assert.match(await tooltip.innerText(), /foreign key must be unique/);
  assert.match(await tooltip.locator("summary").innerText(), /R017 · One-to-one key not unique/);
  await tooltip.locator(".cm-diagnosticAction").click();
  await page.waitForFunction(() => document.querySelector("[data-testid=status]")?.innerText === "No problems");
  assert.match(await sourceText(), /userId Int\s+@unique/);
});

test("the Problems pane names the rule and its fix restores the schema", async () => {
  await eraseOnLine("userId Int", "@unique");
  await page.waitForFunction(() => document.querySelector("[data-testid=status]")?.innerText.startsWith("1 error"));
  await page.click("[data-tab=problems]");
  const problem = page.locator("[data-testid=problems] li[data-code=R017]");
  await problem.waitFor();
  assert.match(await problem.innerText(), /add `@unique` to `Profile\.userId`/);
  // The rule's one line (rule-docs.json, fetched the first time a problem shows).
  await problem.locator(".doc").waitFor();
  assert.match(await problem.locator(".doc").innerText(), /^One-to-one key not unique — /);
  await problem.locator("button.fix").click();
  await page.waitForFunction(() => document.querySelector("[data-testid=status]")?.innerText === "No problems");
  assert.match(await sourceText(), /userId Int\s+@unique/);
});

test("Apply all fixes repairs several problems at once", async () => {
  await eraseOnLine("userId Int", "@unique");
  await eraseOnLine("profile Profile", "?", false);
  await page.waitForFunction(() => document.querySelector("[data-testid=status]")?.innerText.startsWith("2 errors"));
  await page.click("[data-tab=problems]");
  await page.click("[data-testid=fix-all]");
  await page.waitForFunction(() => document.querySelector("[data-testid=status]")?.innerText === "No problems");
  const source = await sourceText();
  assert.match(source, /userId Int\s+@unique/);
  assert.match(source, /profile Profile\?/);
});

test("typing a new model updates every pane", async () => {
  await cursorAtEndOfLine("profile Profile?");
  await page.keyboard.type("\n  posts   Post[]");
  await page.waitForFunction(() => document.querySelector("[data-testid=status]")?.innerText.includes("error"));
  const last = page.locator(".source-pane .cm-line").last();
  await last.click();
  await page.keyboard.press("End");
  // insertText pastes the block in one go, as a paste would (typing it would meet auto-closed brackets).
  await page.keyboard.insertText("\nmodel Post {\n  id Int @id\n  authorId Int\n  author User @relation(fields: [authorId], references: [id])\n}");
  await page.waitForFunction(() => document.querySelector("[data-testid=status]")?.innerText === "No problems");
  await page.click("[data-tab=sql]");
  await page.waitForFunction(() => window.relplayEditor.textIn(document.querySelector("[data-testid=code-output]"))?.includes('CREATE TABLE "Post"'));
  await page.click("[data-tab=diagram]");
  await page.locator("[data-testid=diagram] [data-entity=Post]").waitFor();
});

test("the dialect switch and the examples menu change the output", async () => {
  await page.click("[data-tab=sql]");
  await page.selectOption("[data-testid=dialect]", "mysql");
  await page.waitForFunction(() => window.relplayEditor.textIn(document.querySelector("[data-testid=code-output]"))?.includes("CREATE TABLE `User`"));
  await page.selectOption("[data-testid=examples]", "many-to-many-implicit");
  await page.waitForFunction(() => window.relplayEditor.textIn(document.querySelector("[data-testid=code-output]"))?.includes("CREATE TABLE `_PostToTag`"));
  assert.equal(await status(), "No problems");
  await page.click("[data-tab=prisma]");
  await page.waitForFunction(() => window.relplayEditor.textIn(document.querySelector("[data-testid=code-output]"))?.includes("tags  Tag[]"));
});

test("switching to SQL rewrites the schema as DDL, which stays editable and converts back", async () => {
  await switchLanguage(page, "sql:mysql");
  await page.waitForFunction(() => window.relplayEditor.textIn(document.querySelector(".source-pane"))?.includes("CREATE TABLE `_PostToTag`"));
  assert.match(await page.locator(".source-pane .pane-title").innerText(), /SQL DDL \(MySQL\)/);
  assert.equal(await status(), "No problems");
  await page.locator(".source-pane .cm-line").last().click();
  await page.keyboard.press("Control+End");
  await page.keyboard.insertText("\nCREATE TABLE `Comment` (`id` INT NOT NULL PRIMARY KEY, `postId` INT NOT NULL, FOREIGN KEY (`postId`) REFERENCES `Post` (`id`));\n");
  await page.click("[data-tab=diagram]");
  await page.locator("[data-testid=diagram] [data-entity=Comment]").waitFor();
  await page.click("[data-tab=prisma]");
  await page.waitForFunction(() => /model Comment \{[\s\S]*post\s+Post\s+@relation\(fields: \[postId\]/.test(window.relplayEditor.textIn(document.querySelector("[data-testid=code-output]")) ?? ""));
  await switchLanguage(page, "prisma");
  await page.waitForFunction(() => window.relplayEditor.textIn(document.querySelector(".source-pane"))?.includes("model Comment {"));
  assert.equal(await status(), "No problems");
});

test("switching to TypeORM rewrites the schema as entity classes, which stay editable and convert back", async () => {
  await page.selectOption("[data-testid=examples]", "one-to-many");
  await page.waitForFunction(() => window.relplayEditor.textIn(document.querySelector(".source-pane"))?.includes("model Post {"));
  await switchLanguage(page, "typeorm");
  await page.waitForFunction(() => window.relplayEditor.textIn(document.querySelector(".source-pane"))?.includes("export class Post {"));
  assert.match(await page.locator(".source-pane .pane-title").innerText(), /TypeORM entities/);
  // The TypeORM reader is a module of its own, loaded now: the problems follow when it is there.
  await page.waitForFunction(() => document.querySelector("[data-testid=status]")?.innerText === "No problems");
  await page.locator(".source-pane .cm-line").last().click();
  await page.keyboard.press("Control+End");
  await page.keyboard.insertText(
    '\n@Entity("Note")\nexport class Note {\n  @PrimaryGeneratedColumn()\n  id!: number;\n\n  @ManyToOne(() => Post, { nullable: false, onDelete: "CASCADE" })\n  post!: Post;\n}\n',
  );
  await page.click("[data-tab=diagram]");
  await page.locator("[data-testid=diagram] [data-entity=Note]").waitFor();
  await page.click("[data-tab=sql]");
  await page.waitForFunction(() => /CREATE TABLE `Note`[\s\S]*`postId` INTEGER NOT NULL[\s\S]*REFERENCES `Post` \(`id`\) ON DELETE CASCADE/.test(window.relplayEditor.textIn(document.querySelector("[data-testid=code-output]")) ?? ""));
  // A mistake is a problem at its place, in TypeORM's words.
  await page.keyboard.press("Control+End");
  await page.locator(".source-pane .cm-line").last().click();
  await page.keyboard.insertText("\n@Entity()\nexport class Tag {\n  @PrimaryGeneratedColumn()\n  id!: number;\n\n  @ManyToOne(() => Missing)\n  missing!: Missing;\n}\n");
  await page.waitForFunction(() => /1 error/.test(document.querySelector("[data-testid=status]")?.innerText ?? ""));
  await page.keyboard.press("Control+z");
  await page.waitForFunction(() => document.querySelector("[data-testid=status]")?.innerText === "No problems");
  await switchLanguage(page, "prisma");
  await page.waitForFunction(() => /model Note \{[\s\S]*post\s+Post\s+@relation\(fields: \[postId\]/.test(window.relplayEditor.textIn(document.querySelector(".source-pane")) ?? ""));
  assert.equal(await status(), "No problems");
});

test("switching to Sequelize rewrites the schema as models and associations that read back", async () => {
  await page.selectOption("[data-testid=examples]", "many-to-many-implicit");
  await page.waitForFunction(() => window.relplayEditor.textIn(document.querySelector(".source-pane"))?.includes("model Tag {"));
  await switchLanguage(page, "sequelize");
  await page.waitForFunction(() => window.relplayEditor.textIn(document.querySelector(".source-pane"))?.includes("belongsToMany"));
  assert.match(await page.locator(".source-pane .pane-title").innerText(), /Sequelize models/);
  await page.waitForFunction(() => document.querySelector("[data-testid=status]")?.innerText === "No problems");
  await page.click("[data-tab=diagram]");
  await page.locator("[data-testid=diagram] [data-entity=Tag]").waitFor();
  // relplay's own notes (the summary above each association) are not the user's: nothing to ask.
  await switchLanguage(page, "prisma");
  await page.waitForFunction(() => /model Tag \{/.test(window.relplayEditor.textIn(document.querySelector(".source-pane")) ?? ""));
  assert.equal(await status(), "No problems");
});

/**
 * A first visit in a new page, on the default example, once `prepare(page)` has run. The tests'
 * main page first writes the draft it would write within 300 ms (as it does when hidden), so
 * that it cannot land in the new page's cleared storage while that page starts.
 */
async function firstVisit(prepare) {
  await page.evaluate(() => window.dispatchEvent(new Event("pagehide")));
  return firstVisitIn(app.context, app.server.url, { prepare });
}

test("the editor completes Prisma (types, attributes, @relation's arguments, field names) and indents inside a block", async () => {
  const fresh = await firstVisit();
  const offered = () => fresh.locator(".cm-tooltip-autocomplete li .cm-completionLabel").allInnerTexts();
  // Then past CodeMirror's interaction delay (75 ms), within which Enter is not yet the list's.
  const waitOffered = (label) =>
    fresh.waitForFunction((l) => [...document.querySelectorAll(".cm-tooltip-autocomplete li")].some((li) => li.innerText.startsWith(l)), label).then(() => fresh.waitForTimeout(150));
  const newLine = async () => {
    await fresh.keyboard.press("Escape");
    await fresh.keyboard.press("Enter");
  };
  await fresh.locator(".source-pane .cm-line").last().click();
  // Completion and the closing of brackets come with the editor's focus (a chunk of their own).
  await fresh.evaluate(() => window.relplayEditor.extrasReady(window.relplayEditor.viewIn(document.querySelector(".source-pane"))));
  await fresh.keyboard.press("Control+End");
  await fresh.keyboard.type("model Post {");
  await newLine();
  await fresh.keyboard.type("id Int @id");
  await newLine();
  await fresh.keyboard.type("authorId Int");
  await newLine();
  await fresh.keyboard.type("author Us");
  await waitOffered("User");
  await fresh.keyboard.press("Enter");
  await fresh.keyboard.type(" @rel");
  await waitOffered("@relation()");
  await fresh.keyboard.press("Enter");
  await fresh.keyboard.type("fi");
  await waitOffered("fields: []");
  await fresh.keyboard.press("Enter");
  await fresh.keyboard.press("Control+Space");
  await waitOffered("authorId");
  const fields = await offered();
  assert.ok(fields.includes("id") && fields.includes("authorId") && !fields.includes("author"), `fields: ${fields}`);
  await fresh.keyboard.type("authorI");
  await fresh.keyboard.press("Enter");
  await fresh.keyboard.press("ArrowRight");
  await fresh.keyboard.type(", ref");
  await waitOffered("references: []");
  await fresh.keyboard.press("Enter");
  await fresh.keyboard.press("Control+Space");
  await waitOffered("email");
  const references = await offered();
  assert.ok(references.includes("id") && !references.includes("profile"), `references: ${references}`);
  await fresh.keyboard.type("id");
  await fresh.keyboard.press("Escape");
  await fresh.keyboard.press("End");
  await fresh.keyboard.press("Enter");
  // Every line was indented by Enter alone, and the brace the editor closed stays at the margin.
  const text = await fresh.evaluate(() => window.relplayEditor.textIn(document.querySelector(".source-pane")));
  assert.ok(
    text.endsWith("model Post {\n  id Int @id\n  authorId Int\n  author User @relation(fields: [authorId], references: [id])\n  \n}"),
    JSON.stringify(text.slice(-120)),
  );
  await fresh.close();
});

test("F12 or Ctrl+click on a type goes to its model, and every view selects it", async () => {
  const fresh = await firstVisit();
  const cursorLine = () => fresh.evaluate(() => document.querySelector(".source-pane .cm-activeLine")?.innerText ?? "");
  /** Puts the cursor inside the first `needle` of the source (after its first character). */
  const cursorIn = (needle) =>
    fresh.evaluate((n) => {
      const view = window.relplayEditor.viewIn(document.querySelector(".source-pane"));
      const at = view.state.doc.toString().indexOf(n) + 1;
      view.focus();
      view.dispatch({ selection: { anchor: at } });
    }, needle);
  // `user   User   @relation(…)` in Profile: F12 on `User` goes to `model User {`.
  await cursorIn("User   @relation");
  await fresh.keyboard.press("F12");
  await fresh.waitForFunction(() => document.querySelector(".source-pane .cm-activeLine")?.innerText.startsWith("model User"));
  await fresh.click("[data-tab=diagram]");
  await fresh.waitForSelector("[data-testid=diagram] [data-entity=User].rp-selected");
  // Ctrl+click on `Profile?` in User goes to `model Profile {`.
  const point = await fresh.evaluate(() => {
    const view = window.relplayEditor.viewIn(document.querySelector(".source-pane"));
    const coords = view.coordsAtPos(view.state.doc.toString().indexOf("Profile?") + 2);
    return { x: coords.left, y: (coords.top + coords.bottom) / 2 };
  });
  await fresh.keyboard.down("Control");
  await fresh.mouse.click(point.x, point.y);
  await fresh.keyboard.up("Control");
  await fresh.waitForFunction(() => document.querySelector(".source-pane .cm-activeLine")?.innerText.startsWith("model Profile"));
  // A word that names no model goes nowhere.
  await cursorIn("bio    String");
  const before = await cursorLine();
  await fresh.keyboard.press("F12");
  await fresh.waitForTimeout(200);
  assert.equal(await cursorLine(), before);
  await fresh.close();
});

test("a switch that would leave comments out asks first: keeping the text keeps it, and an edit drops the question", async () => {
  const fresh = await firstVisit();
  const text = () => fresh.evaluate(() => window.relplayEditor.textIn(document.querySelector(".source-pane")));
  // The example's comments go with the schema and its models; a loose one at the end cannot.
  await fresh.evaluate(() => {
    const view = window.relplayEditor.viewIn(document.querySelector(".source-pane"));
    view.dispatch({ changes: { from: view.state.doc.length, insert: "\n// a loose note\n" } });
  });
  await settled(fresh);
  const before = await text();
  await fresh.selectOption("[data-testid=language]", "viborm");
  const notice = fresh.locator("[data-testid=switch-notice]");
  await notice.waitFor();
  assert.match(await notice.innerText(), /Rewriting the schema in VibORM leaves out:\s+1 comment that belongs to no model, field or relation/);
  await fresh.click("[data-testid=switch-keep]");
  await notice.waitFor({ state: "detached" });
  assert.equal(await text(), before);
  assert.equal(await fresh.inputValue("[data-testid=language]"), "prisma");
  assert.match(await fresh.locator(".source-pane .pane-title").innerText(), /Prisma schema/);
  // Asked again, then the text is edited: the offered rewrite is stale and goes.
  await fresh.selectOption("[data-testid=language]", "viborm");
  await notice.waitFor();
  await fresh.locator(".source-pane .cm-line").last().click();
  await fresh.keyboard.press("Control+End");
  await fresh.keyboard.insertText("\n");
  await notice.waitFor({ state: "detached" });
  assert.equal(await fresh.inputValue("[data-testid=language]"), "prisma");
  await fresh.close();
});

test("the SQL and ORM code readers are fetched only once such a language is used", async () => {
  const fetched = [];
  const fresh = await firstVisit((page) => page.on("request", (request) => fetched.push(new URL(request.url()).pathname)));
  await fresh.waitForFunction(() => document.querySelector("[data-testid=status]")?.innerText === "No problems");
  assert.ok(!fetched.some((p) => p.includes("relplay_readers")), `a Prisma visit fetched ${fetched.join(", ")}`);
  // The core itself runs in a worker, fetched on the first visit; the generators are not (the
  // diagram is the pane shown).
  assert.ok(fetched.some((p) => p.endsWith("modules/relplay_worker_bg.wasm")), fetched.join(", "));
  assert.ok(!fetched.some((p) => p.includes("relplay_writers")), `a first visit fetched ${fetched.join(", ")}`);
  // An output pane fetches them.
  await fresh.click("[data-tab=sql]");
  await fresh.waitForFunction(() => window.relplayEditor.textIn(document.querySelector("[data-testid=code-output]"))?.includes("CREATE TABLE"));
  assert.ok(fetched.some((p) => p.endsWith("modules/relplay_writers_bg.wasm")), fetched.join(", "));
  assert.ok(!fetched.some((p) => p.includes("relplay_readers")), `the SQL pane fetched ${fetched.join(", ")}`);
  await switchLanguage(fresh, "typeorm");
  // The status says the reader is loading until it is there, then judges the code.
  await fresh.waitForFunction(() => document.querySelector(".source-pane .pane-title")?.innerText.includes("TypeORM"));
  await settled(fresh);
  assert.equal(await fresh.locator("[data-testid=status]").innerText(), "No problems");
  assert.ok(fetched.some((p) => p.endsWith("modules/relplay_readers_bg.wasm")), fetched.join(", "));
  await fresh.close();
});

test("a first visit fetches neither the rules' documentation nor the editor's search and completion", async () => {
  const fetched = [];
  const fresh = await firstVisit((page) => page.on("request", (request) => fetched.push(new URL(request.url()).pathname)));
  await fresh.waitForFunction(() => document.querySelector("[data-testid=status]")?.innerText === "No problems");
  const chunks = () => fetched.filter((p) => p.includes("/editor/chunks/")).length;
  const before = chunks();
  assert.ok(!fetched.some((p) => p.endsWith("rule-docs.json")), fetched.join(", "));
  // The share link in the address bar is the browser's compression of the playground.
  await fresh.waitForFunction(() => location.hash.startsWith("#s=v1."));
  // Search and completion come with the editor's focus; Ctrl+F opens the search panel.
  await fresh.locator(".source-pane .cm-line").first().click();
  await fresh.evaluate(() => window.relplayEditor.extrasReady(window.relplayEditor.viewIn(document.querySelector(".source-pane"))));
  assert.ok(chunks() > before, `focus fetched no chunk: ${fetched.join(", ")}`);
  await fresh.keyboard.press("Control+f");
  await fresh.locator(".source-pane .cm-search").waitFor();
  await fresh.keyboard.press("Escape");
  // A problem fetches the documentation.
  await fresh.evaluate(() => {
    const view = window.relplayEditor.viewIn(document.querySelector(".source-pane"));
    view.dispatch({ changes: { from: view.state.doc.length, insert: "\nmodel Broken {\n  id Nope @id\n}\n" } });
  });
  await fresh.waitForFunction(() => document.querySelector("[data-testid=status]")?.innerText.includes("error"));
  await fresh.waitForFunction(() => performance.getEntriesByType("resource").some((e) => e.name.endsWith("/rule-docs.json")));
  // The hash follows the edit: it decodes (Node's inflate) to the text now in the editor.
  const { inflateRawSync } = await import("node:zlib");
  await fresh.waitForFunction(() => location.hash.length > 0 && window.relplayEditor.viewIn(document.querySelector(".source-pane")).state.doc.toString().includes("Broken"));
  await fresh.waitForTimeout(600);
  const [hash, text] = await fresh.evaluate(() => [location.hash, window.relplayEditor.viewIn(document.querySelector(".source-pane")).state.doc.toString()]);
  const shared = JSON.parse(inflateRawSync(Buffer.from(hash.slice("#s=v1.".length), "base64url")).toString());
  assert.equal(shared.s, text);
  await fresh.close();
});

/** A first visit whose core worker traps (as a panic or exhausted memory would) on any text containing `marker`. */
async function pageWithTrappingCore(marker) {
  return firstVisit((fresh) => fresh.route("**/modules/core-worker.js", async (route) => {
    const original = await (await route.fetch()).text();
    const call = "let reply = ask(";
    assert.ok(original.includes(call), "the worker script no longer calls `ask` as this test expects");
    const trapping = original.replace(call, `if (request.includes(${JSON.stringify(marker)})) throw new WebAssembly.RuntimeError("unreachable");\n      ${call}`);
    await route.fulfill({ body: trapping, contentType: "text/javascript" });
  }));
}

test("when the core traps, the page stays, says so, keeps the text, and the next edit starts a new core", async () => {
  const fresh = await pageWithTrappingCore("TrapHere");
  const freshStatus = () => settled(fresh).then(() => fresh.locator("[data-testid=status]").innerText());
  assert.equal(await freshStatus(), "No problems");
  const typed = "\nmodel TrapHere {\n  id Int @id\n}\n";
  await fresh.locator(".source-pane .cm-line").last().click();
  await fresh.keyboard.press("Control+End");
  await fresh.keyboard.insertText(typed);
  await fresh.locator("[data-testid=core-notice]").waitFor();
  assert.match(await fresh.locator("[data-testid=core-notice]").innerText(), /core stopped while reading this text \(an internal error in relplay: unreachable\)/);
  assert.equal(await freshStatus(), "Not read");
  const source = () => fresh.evaluate(() => window.relplayEditor.textIn(document.querySelector(".source-pane")));
  assert.ok((await source()).endsWith(typed), "the text typed before the trap is still in the editor");
  // Renaming the model away from the marker: a new worker answers, with the new model in the diagram.
  await fresh.locator(".source-pane .cm-line", { hasText: "model TrapHere" }).click();
  await fresh.keyboard.press("End");
  for (let i = 0; i < " {".length; i++) await fresh.keyboard.press("ArrowLeft");
  for (let i = 0; i < "Here".length; i++) await fresh.keyboard.press("Backspace");
  assert.equal(await freshStatus(), "No problems");
  assert.equal(await fresh.locator("[data-testid=core-notice]").count(), 0);
  await fresh.locator("[data-testid=diagram] [data-entity=Trap]").waitFor();
  await fresh.close();
});

test("a reader module that cannot be fetched is reported, and picked up once it can be", async () => {
  let offline = true;
  const fresh = await firstVisit((page) =>
    page.route("**/modules/relplay_readers*", (route) => (offline ? route.abort("internetdisconnected") : route.continue())),
  );
  await switchLanguage(fresh, "sql:postgresql");
  await fresh.locator("[data-testid=core-notice]").waitFor();
  assert.match(await fresh.locator("[data-testid=core-notice]").innerText(), /reader of this language could not be fetched/);
  assert.match(await fresh.evaluate(() => window.relplayEditor.textIn(document.querySelector(".source-pane"))), /CREATE TABLE "Profile"/);
  offline = false;
  await fresh.locator(".source-pane .cm-line").last().click();
  await fresh.keyboard.press("Control+End");
  await fresh.keyboard.insertText("\n");
  await settled(fresh);
  assert.equal(await fresh.locator("[data-testid=status]").innerText(), "No problems");
  assert.equal(await fresh.locator("[data-testid=core-notice]").count(), 0);
  await fresh.close();
});

test("a writers' module that cannot be fetched is reported, the reading stands, and it is picked up once it can be", async () => {
  let offline = true;
  const fresh = await firstVisit((page) =>
    page.route("**/modules/relplay_writers*", (route) => (offline ? route.abort("internetdisconnected") : route.continue())),
  );
  await fresh.click("[data-tab=sql]");
  await fresh.locator("[data-testid=core-notice]").waitFor();
  assert.match(await fresh.locator("[data-testid=core-notice]").innerText(), /writers of the other languages could not be fetched/);
  // The first module still read the text.
  assert.equal(await fresh.locator("[data-testid=status]").innerText(), "No problems");
  offline = false;
  await fresh.locator(".source-pane .cm-line").last().click();
  await fresh.keyboard.press("Control+End");
  await fresh.keyboard.insertText("\n");
  await fresh.waitForFunction(() => window.relplayEditor.textIn(document.querySelector("[data-testid=code-output]"))?.includes("CREATE TABLE"));
  assert.equal(await fresh.locator("[data-testid=core-notice]").count(), 0);
  await fresh.close();
});

test("a text over the 4 MiB limit is one clear problem at once, keeps the last link, and undo brings the schema back", async () => {
  const fresh = await firstVisit();
  await fresh.waitForFunction(() => location.hash.startsWith("#s="));
  const hashBefore = await fresh.evaluate(() => location.hash);
  // As a paste would: one change that appends 5 MiB of models.
  await fresh.evaluate(() => {
    const view = window.relplayEditor.viewIn(document.querySelector(".source-pane"));
    const model = (i) => `\nmodel Pasted${i} {\n  id Int @id\n}\n`;
    let big = "";
    for (let i = 0; big.length < 5 * 1024 * 1024; i++) big += model(i);
    view.dispatch({ changes: { from: view.state.doc.length, insert: big } });
  });
  await settled(fresh);
  assert.equal(await fresh.locator("[data-testid=status]").innerText(), "1 error, 0 warnings");
  await fresh.click("[data-testid=status]");
  assert.match(await fresh.locator(".problems-pane").innerText(), /P021[\s\S]*more than the 4096 KiB relplay reads; nothing was read/);
  await fresh.waitForTimeout(600);
  assert.equal(await fresh.evaluate(() => location.hash), hashBefore, "the URL kept the last link that opens");
  await fresh.click("[data-testid=share]");
  assert.match(await fresh.locator("[data-testid=share-hint]").innerText(), /a link carries up to 1024 KiB, so this one would not open/);
  await fresh.click(".dialog .close");
  // The dialog hands the focus back to Share once its close event has run, which can come after
  // a quick next step: wait for it, or the Ctrl+Z below lands on the Share button, not the editor.
  await fresh.locator("[data-testid=share-dialog]").waitFor({ state: "detached" });
  await fresh.waitForFunction(() => document.activeElement?.matches("[data-testid=share]"));
  await fresh.locator(".source-pane .cm-content").focus();
  await fresh.keyboard.press("Control+z");
  await fresh.waitForFunction(() => !window.relplayEditor.textIn(document.querySelector(".source-pane")).includes("model Pasted0"));
  await settled(fresh);
  assert.equal(await fresh.locator("[data-testid=status]").innerText(), "No problems");
  await fresh.close();
});

test("no errors in the browser console", () => {
  assert.deepEqual(pageErrors, []);
});
