// The playground as people meet it, in headless Chromium against the built app (dist/): in a narrow
// documentation column that follows its height, on a phone, with the keyboard alone, and as
// axe-core judges it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { startApp, settled, firstVisit } from "../support/browser.mjs";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

let app;

before(async () => {
  app = await startApp();
});

after(() => app?.close());

/** axe-core's critical and serious violations on `page` (or in its frame `frame`), one line each. */
async function seriousViolations(target) {
  await target.addScriptTag({ path: axePath });
  const violations = await target.evaluate(async () => (await window.axe.run(document, { resultTypes: ["violations"] })).violations);
  return violations
    .filter((v) => v.impact === "critical" || v.impact === "serious")
    .flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id}: ${n.target.join(" ")} — ${n.failureSummary.replace(/\s+/g, " ")}`));
}

/** The element that has the focus, as `tag.class[data-testid]`, and whether it is inside `selector`. */
const focusIn = (page, selector) => page.evaluate((s) => Boolean(document.activeElement?.closest(s)), selector);

test("axe-core finds nothing critical or serious: first visit, the SQL, Use it and Problems panes, Share open, a switch that asks, dark theme, phone, embed", async () => {
  const page = await firstVisit(app.context, app.server.url);
  assert.deepEqual(await seriousViolations(page), [], "first visit");
  for (const tab of ["sql", "recipes", "problems"]) {
    await page.click(`[data-tab=${tab}]`);
    await settled(page);
    assert.deepEqual(await seriousViolations(page), [], `the ${tab} pane`);
  }
  await page.click("[data-testid=share]");
  await page.locator("[data-testid=share-dialog]").waitFor();
  assert.deepEqual(await seriousViolations(page), [], "Share open");
  await page.keyboard.press("Escape");
  // A loose comment, which the rewrite cannot place, makes the switch ask first.
  await page.evaluate(() => {
    const view = window.relplayEditor.viewIn(document.querySelector(".source-pane"));
    view.dispatch({ changes: { from: view.state.doc.length, insert: "\n// a loose note\n" } });
  });
  await settled(page);
  await page.selectOption("[data-testid=language]", "typeorm");
  await page.locator("[data-testid=switch-notice]").waitFor();
  assert.deepEqual(await seriousViolations(page), [], "a language switch asking first");
  await page.close();

  const dark = await firstVisit(app.context, `${app.server.url}?theme=dark`);
  // The cursor on a line with a comment: the active line's background under the comment's colour.
  await dark.locator(".source-pane .cm-line", { hasText: "model Profile" }).click();
  assert.deepEqual(await seriousViolations(dark), [], "dark theme");
  await dark.click("[data-tab=sql]");
  await dark.locator("[data-testid=code-output] .cm-line", { hasText: 'CREATE TABLE "User"' }).click();
  assert.deepEqual(await seriousViolations(dark), [], "dark theme, a table selected in the SQL pane");
  await dark.click("[data-testid=share]");
  assert.deepEqual(await seriousViolations(dark), [], "dark theme, Share open");
  await dark.close();

  const phone = await firstVisit(app.context, app.server.url, { prepare: (p) => p.setViewportSize({ width: 390, height: 844 }) });
  assert.deepEqual(await seriousViolations(phone), [], "phone");
  await phone.close();

  const embed = await firstVisit(app.context, `${app.server.url}?embed=1&view=editor,diagram,sql`);
  assert.deepEqual(await seriousViolations(embed), [], "embed");
  await embed.close();
});

test("on a phone (390×844) nothing is off screen or scrolls sideways, and the panes stack", async () => {
  const page = await firstVisit(app.context, app.server.url, { prepare: (p) => p.setViewportSize({ width: 390, height: 844 }) });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), `the page is ${await page.evaluate(() => document.documentElement.scrollWidth)} px wide`);
  const outside = await page.evaluate(() =>
    // The tab row scrolls sideways within itself: the row must fit, not every tab in it.
    [...document.querySelectorAll(".topbar select, .topbar button, .topbar .brand, .pane-head:not(.tabs) > *, .tabs, .toolbar > *")]
      .filter((e) => e.getClientRects().length > 0)
      .map((e) => ({ what: e.dataset.testid || e.className || e.tagName, ...e.getBoundingClientRect().toJSON() }))
      .filter((r) => r.left < 0 || r.right > 390),
  );
  assert.deepEqual(outside, [], "controls off screen");
  const [source, output] = await Promise.all([".source-pane", ".output-pane"].map((s) => page.locator(s).boundingBox()));
  assert.ok(output.y >= source.y + source.height, "the output pane is below the editor");
  assert.ok(source.height >= 200 && output.height >= 300, `pane heights ${source.height} and ${output.height}`);
  // The Example menu and Share are in reach and work.
  await page.selectOption("[data-testid=examples]", "many-to-many-implicit");
  await page.waitForFunction(() => window.relplayEditor.textIn(document.querySelector(".source-pane"))?.includes("model Tag {"));
  await page.click("[data-testid=share]");
  const dialog = await page.locator("[data-testid=share-dialog]").boundingBox();
  assert.ok(dialog.x >= 0 && dialog.x + dialog.width <= 390, "the Share dialog fits the screen");
  await page.close();
});

for (const width of [390, 700, 1000]) {
  test(`embedded in a ${width} px documentation column that follows its height, the playground settles`, async () => {
    const host = await app.context.newPage();
    await host.setViewportSize({ width: Math.max(width + 40, 420), height: 900 });
    await host.goto(`${app.server.url}embed.html`);
    // A column of `width` px with one playground that follows relplay:height, as the README says.
    await host.evaluate(([src, width]) => {
      // A bordered frame, sized to the reported height plus its border (a frame that feeds its own
      // size back into what it reports grows by the border at every message).
      document.body.innerHTML = `<div style="width:${width}px"><iframe id="frame" title="relplay" style="width:100%;border:1px solid #ccc;display:block;height:150px"></iframe></div>`;
      window.heights = [];
      window.addEventListener("message", (event) => {
        if (event.data?.type !== "relplay:height") return;
        window.heights.push(event.data.height);
        document.getElementById("frame").style.height = `${event.data.height + 2}px`;
      });
      document.getElementById("frame").src = src;
    }, [`${app.server.url}?embed=1&view=editor,diagram,sql`, width]);
    const frame = host.frameLocator("#frame");
    await frame.locator("[data-testid=diagram] svg").waitFor();
    const quiet = async () => {
      // Settled: no height message for a second (a frame that never settles fails below, after 10 s).
      let count = -1;
      for (let i = 0; i < 10 && count !== (count = await host.evaluate(() => window.heights.length)); i++) await host.waitForTimeout(1000);
      return count;
    };
    const first = await quiet();
    assert.ok(first <= 4, `${first} height messages while opening`);
    // The app's own box: the document is never shorter than the frame, so it would not show a frame taller than its content.
    const contentHeight = () => host.frames().find((f) => f.url().includes("embed=1")).evaluate(() => Math.ceil(document.querySelector(".app").getBoundingClientRect().height));
    const lastReported = () => host.evaluate(() => window.heights.at(-1));
    // Inside its border, the frame is the reported height plus the 2 px this host adds.
    const frameHeight = () => host.evaluate(() => document.getElementById("frame").getBoundingClientRect().height - 2);
    assert.equal(await lastReported(), await contentHeight(), "the reported height is the content's");
    assert.equal(Math.round(await frameHeight()), (await contentHeight()) + 2);
    assert.ok((await frameHeight()) < 1400, `${await frameHeight()} px tall`);
    // A new schema from the host: a couple of messages at most, the diagram fitted to show it all.
    await host.evaluate(() => {
      const models = Array.from({ length: 12 }, (_, i) => `model M${i} {\n  id Int @id\n  next M${(i + 1) % 12}? @relation("r${i}", fields: [nextId], references: [id])\n  nextId Int? @unique\n  prev M${(i + 11) % 12}? @relation("r${(i + 11) % 12}")\n}\n`).join("\n");
      document.getElementById("frame").contentWindow.postMessage({ type: "relplay:set-source", language: "prisma", source: models }, "*");
    });
    await frame.locator("[data-testid=diagram] [data-entity=M11]").waitFor();
    const after = await quiet();
    assert.ok(after - first <= 2, `${after - first} height messages after a new schema`);
    assert.equal(await lastReported(), await contentHeight());
    assert.equal(Math.round(await frameHeight()), (await contentHeight()) + 2);
    const inView = await frame.locator("[data-testid=diagram]").evaluate((diagram) => {
      const view = diagram.getBoundingClientRect();
      return [...diagram.querySelectorAll(".rp-entity .rp-box")].every((box) => {
        const r = box.getBoundingClientRect();
        return r.left >= view.left - 1 && r.right <= view.right + 1 && r.top >= view.top - 1 && r.bottom <= view.bottom + 1;
      });
    });
    assert.ok(inView, "every entity of the new schema is in view");
    await host.close();
  });
}

test("the Share dialog is modal: focus stays inside, Escape closes it, focus returns to Share", async () => {
  const page = await firstVisit(app.context, app.server.url);
  const before = await page.evaluate(() => window.relplayEditor.textIn(document.querySelector(".source-pane")));
  await page.focus("[data-testid=share]");
  await page.keyboard.press("Enter");
  await page.locator("[data-testid=share-dialog]").waitFor();
  assert.ok(await focusIn(page, "[data-testid=share-dialog]"), "focus moves into the dialog");
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press(i % 5 === 4 ? "Shift+Tab" : "Tab");
    assert.ok(await focusIn(page, "[data-testid=share-dialog]"), `focus left the dialog after ${i + 1} presses`);
  }
  await page.keyboard.press("Escape");
  await page.locator("[data-testid=share-dialog]").waitFor({ state: "detached" });
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "share");
  assert.equal(await page.evaluate(() => window.relplayEditor.textIn(document.querySelector(".source-pane"))), before, "the schema behind was not touched");
  // The Close button and a click beside the dialog close it too.
  await page.click("[data-testid=share]");
  await page.click("[data-testid=share-dialog] .close");
  await page.locator("[data-testid=share-dialog]").waitFor({ state: "detached" });
  await page.close();
});

test("the output tabs follow the ARIA tabs pattern: one tab stop, arrow keys, Home and End", async () => {
  const page = await firstVisit(app.context, app.server.url);
  const selected = () => page.evaluate(() => document.querySelector("[role=tab][aria-selected=true]").dataset.tab);
  const focused = () => page.evaluate(() => document.activeElement?.dataset.tab);
  assert.deepEqual(await page.locator("[role=tab][tabindex='0']").count(), 1, "one tab in the tab order");
  await page.focus("[role=tab][aria-selected=true]");
  assert.equal(await selected(), "diagram");
  await page.keyboard.press("ArrowRight");
  assert.equal(await selected(), "prisma");
  assert.equal(await focused(), "prisma");
  await page.keyboard.press("End");
  assert.equal(await selected(), "json");
  await page.keyboard.press("ArrowRight");
  assert.equal(await selected(), "diagram", "wraps around");
  await page.keyboard.press("ArrowLeft");
  assert.equal(await selected(), "json");
  await page.keyboard.press("Home");
  assert.equal(await selected(), "diagram");
  const panel = await page.evaluate(() => {
    const tab = document.querySelector("[role=tab][aria-selected=true]");
    const panel = document.getElementById(tab.getAttribute("aria-controls"));
    return { role: panel?.getAttribute("role"), labelledBy: panel?.getAttribute("aria-labelledby") === tab.id };
  });
  assert.deepEqual(panel, { role: "tabpanel", labelledBy: true });
  await page.close();
});

test("a code pane takes the focus and scrolls by keys", async () => {
  const page = await firstVisit(app.context, `${app.server.url}#s=${await longSchemaPayload()}`);
  await page.click("[data-tab=sql]");
  await settled(page);
  await page.focus("[data-testid=code-output] .cm-content");
  assert.ok(await focusIn(page, "[data-testid=code-output]"));
  const scrollTop = () => page.evaluate(() => document.querySelector("[data-testid=code-output] .cm-scroller").scrollTop);
  assert.equal(await scrollTop(), 0);
  await page.keyboard.press("PageDown");
  await page.waitForFunction(() => document.querySelector("[data-testid=code-output] .cm-scroller").scrollTop > 100);
  await page.keyboard.press("Control+End");
  await page.waitForFunction(() => {
    const s = document.querySelector("[data-testid=code-output] .cm-scroller");
    return s.scrollTop + s.clientHeight >= s.scrollHeight - 2;
  });
  await page.close();
});

test("entities are reachable without a mouse: the finder selects one and brings it into view", async () => {
  const page = await firstVisit(app.context, `${app.server.url}#s=${await longSchemaPayload()}`);
  await page.locator("[data-testid=diagram] svg").waitFor();
  await page.click("[data-testid=zoom-in]");
  await page.click("[data-testid=zoom-in]");
  await page.click("[data-testid=zoom-in]");
  await page.focus("[data-testid=find-entity]");
  await page.keyboard.type("Model39");
  await page.keyboard.press("Enter");
  await page.waitForSelector("[data-testid=diagram] [data-entity=Model39].rp-selected");
  await page.waitForFunction(() => {
    const view = document.querySelector("[data-testid=diagram]").getBoundingClientRect();
    const box = document.querySelector("[data-testid=diagram] [data-entity=Model39] .rp-box").getBoundingClientRect();
    return box.left >= view.left && box.right <= view.right && box.top >= view.top && box.bottom <= view.bottom;
  });
  assert.match(await page.evaluate(() => window.relplayEditor.selectionIn(document.querySelector(".source-pane"))), /^model Model39 \{/);
  // A name that is not there says so.
  await page.fill("[data-testid=find-entity]", "Nowhere");
  await page.keyboard.press("Enter");
  assert.match(await page.locator("[data-testid=find-entity-result]").innerText(), /No entity named “Nowhere”/);
  await page.close();
});

test("the editor says how to leave it with the keyboard, and Escape then Tab does", async () => {
  const page = await firstVisit(app.context, app.server.url);
  const describedBy = await page.getAttribute(".source-pane .cm-content", "aria-describedby");
  assert.ok(describedBy, "the editor has a description");
  assert.match(await page.locator(`#${describedBy}`).innerText(), /Esc.*Tab/);
  await page.locator(".source-pane .cm-line").first().click();
  const before = await page.evaluate(() => window.relplayEditor.textIn(document.querySelector(".source-pane")));
  await page.keyboard.press("Escape");
  await page.keyboard.press("Tab");
  assert.ok(!(await focusIn(page, ".source-pane .cm-content")), "focus left the editor");
  assert.equal(await page.evaluate(() => window.relplayEditor.textIn(document.querySelector(".source-pane"))), before);
  await page.close();
});

/** A share payload of 40 models, each related to the one before: more than a pane shows at once. */
async function longSchemaPayload() {
  const { encodePayload } = await import("../support/share.mjs");
  const models = Array.from({ length: 40 }, (_, i) =>
    i === 0 ? "model Model0 {\n  id Int @id\n  next Model1[]\n}\n" : `model Model${i} {\n  id Int @id\n  prevId Int\n  prev Model${i - 1} @relation(fields: [prevId], references: [id])${i < 39 ? `\n  next Model${i + 1}[]` : ""}\n}\n`,
  ).join("\n");
  return encodePayload({ l: "prisma", s: `datasource db {\n  provider = "postgresql"\n}\n\n${models}` });
}
