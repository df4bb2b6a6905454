// The diagram in headless Chromium: every entity of a large real schema without overlaps,
// selection linked across the diagram, the editor and the outputs, dragging kept in the link,
// zoom, and SVG/PNG export.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { corpusDir, relplay, relplayOk } from "../support/relplay.mjs";
import { startApp, firstVisit, openPage as openPageIn } from "../support/browser.mjs";
import { encodePayload } from "../support/share.mjs";

let app;
let server;
let context;

/**
 * Opens the app once the diagram is drawn: with a share payload when given, else as a first visit
 * (on the default example, whatever draft and pane the test before left).
 */
const openPage = (hashPayload) =>
  hashPayload
    ? openPageIn(context, `${server.url}#s=${hashPayload}`, "[data-testid=diagram] svg")
    : firstVisit(context, server.url, { readySelector: "[data-testid=diagram] svg" });

/** The screen point at the middle of a relation's first segment. */
async function relationPoint(page, index) {
  return page.evaluate((i) => {
    const line = document.querySelector(`[data-testid=diagram] [data-relation="${i}"] .rp-hit`);
    const [a, b] = line.getAttribute("points").split(" ").map((p) => p.split(",").map(Number));
    const matrix = line.getScreenCTM();
    const point = new DOMPoint((a[0] + b[0]) / 2, (a[1] + b[1]) / 2).matrixTransform(matrix);
    return { x: point.x, y: point.y };
  }, index);
}

const selectedIn = (page, selector) => page.evaluate((s) => window.relplayEditor.selectionIn(document.querySelector(s)), selector);

before(async () => {
  app = await startApp();
  ({ server, context } = app);
});

after(() => app?.close());

test("documenso: every entity is drawn and no two boxes overlap", async () => {
  const file = join(corpusDir, "prisma/documenso.prisma");
  const entities = JSON.parse(relplayOk(["convert", file, "--to", "json"])).entities.map((e) => e.name).sort();
  const page = await openPage(encodePayload({ l: "prisma", s: readFileSync(file, "utf8") }));
  const boxes = await page.evaluate(() =>
    [...document.querySelectorAll("[data-testid=diagram] .rp-entity")].map((g) => {
      // A box is drawn at the origin of its group, which its transform places.
      const [, x, y] = /^translate\(([-\d.]+) ([-\d.]+)\)$/.exec(g.getAttribute("transform"));
      const r = g.querySelector(".rp-box");
      return { name: g.dataset.entity, x: +x, y: +y, w: +r.getAttribute("width"), h: +r.getAttribute("height") };
    }),
  );
  assert.equal(entities.length, 51);
  assert.deepEqual(boxes.map((b) => b.name).sort(), entities);
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
      assert.ok(!overlap, `${a.name} overlaps ${b.name}`);
    }
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("an edit patches the diagram: the picture equals one drawn anew, and unchanged boxes keep their elements", async () => {
  const file = join(corpusDir, "prisma/documenso.prisma");
  const text = readFileSync(file, "utf8");
  const page = await openPage(encodePayload({ l: "prisma", s: text }));
  // The picture's size is the viewport's `data-picture`; the SVG element keeps a size that holds
  // the picture while it can (a new size lays out every text again).
  const drawn = () =>
    page.evaluate(() => {
      const svg = document.querySelector("[data-testid=diagram] svg");
      for (const g of svg.querySelectorAll("g")) g.classList.remove("rp-selected");
      const picture = document.querySelector("[data-testid=diagram]").dataset.picture;
      const [x, y, w, h] = picture.split(" ").map(Number);
      const [fx, fy, fw, fh] = svg.getAttribute("viewBox").split(" ").map(Number);
      const holds = fx === x && fy === y && fw >= w && fh >= h && +svg.getAttribute("width") === fw && +svg.getAttribute("height") === fh;
      return { size: holds ? picture : `the SVG (${svg.getAttribute("viewBox")}) does not hold the picture (${picture})`, groups: [...svg.children].map((e) => e.outerHTML) };
    });
  // What the same text draws from scratch (the CLI's SVG, parsed by the page).
  const anew = (source) =>
    page.evaluate((svgText) => {
      const template = document.createElement("template");
      template.innerHTML = svgText;
      const svg = template.content.querySelector("svg");
      return { size: svg.getAttribute("viewBox"), groups: [...svg.children].map((e) => e.outerHTML) };
    }, relplay(["diagram", "--from", "prisma", "-"], source).stdout);
  const setSource = (source) =>
    page.evaluate((s) => window.relplayEditor.setText(window.relplayEditor.viewIn(document.querySelector(".source-pane")), s), source);
  assert.deepEqual(await drawn(), await anew(text));
  const mark = (value) =>
    page.evaluate((on) => {
      for (const g of document.querySelectorAll("[data-testid=diagram] svg > g")) {
        if (on) g.dataset.before = "";
        else delete g.dataset.before;
      }
    }, value);
  // A renamed model: its relations become errors, so lines go and boxes move; the rest stays.
  await mark(true);
  const renamed = text.replace("model Passkey {", "model PasskeyQ {");
  await setSource(renamed);
  await page.waitForSelector("[data-testid=diagram] [data-entity=PasskeyQ]");
  const kept = await page.evaluate(() => ({
    kept: document.querySelectorAll("[data-testid=diagram] svg > g[data-before]").length,
    all: document.querySelectorAll("[data-testid=diagram] svg > g").length,
    boxes: document.querySelectorAll("[data-testid=diagram] svg > g.rp-entity[data-before]").length,
    renamed: document.querySelector("[data-testid=diagram] [data-entity=PasskeyQ]").hasAttribute("data-before"),
  }));
  assert.ok(kept.kept > 0 && kept.kept < kept.all, `some groups kept, some drawn anew: ${JSON.stringify(kept)}`);
  assert.equal(kept.renamed, false, "the renamed box is drawn anew");
  // Every box whose line is unchanged but for its place kept its element (this rename moves none).
  // A box's line without its place, and its place, as the CLI draws `source`.
  const places = (source) =>
    new Map(
      relplay(["diagram", "--from", "prisma", "-"], source)
        .stdout.split("\n")
        .filter((line) => line.startsWith('<g class="rp-entity'))
        .map((line) => [line.replace(/ transform="[^"]*"/, ""), / transform="([^"]*)"/.exec(line)[1]]),
    );
  const original = places(text);
  const unchanged = [...places(renamed).keys()].filter((line) => original.has(line)).length;
  assert.ok(unchanged > 40, `${unchanged} of 51 boxes unchanged but for their place`);
  assert.equal(kept.boxes, unchanged, "the boxes unchanged but for their place keep their elements");
  await mark(false);
  assert.deepEqual(await drawn(), await anew(renamed));
  await setSource(text);
  await page.waitForSelector("[data-testid=diagram] [data-entity=Passkey]");
  assert.deepEqual(await drawn(), await anew(text));
  // Renaming User drops its relations and moves boxes: the boxes that only moved keep their
  // elements too, placed by their new transform.
  const userless = text.replace("model User {", "model UserQ {");
  const userlessPlaces = places(userless);
  const onlyMoved = [...userlessPlaces].filter(([line, place]) => original.has(line) && original.get(line) !== place).length;
  assert.ok(onlyMoved > 20, `${onlyMoved} boxes only moved`);
  await mark(true);
  await setSource(userless);
  await page.waitForSelector("[data-testid=diagram] [data-entity=UserQ]");
  const keptBoxes = await page.evaluate(() => document.querySelectorAll("[data-testid=diagram] svg > g.rp-entity[data-before]").length);
  assert.equal(keptBoxes, [...userlessPlaces.keys()].filter((line) => original.has(line)).length, "the boxes that only moved keep their elements");
  await mark(false);
  assert.deepEqual(await drawn(), await anew(userless));
  await setSource(text);
  await page.waitForSelector("[data-testid=diagram] [data-entity=User]");
  assert.deepEqual(await drawn(), await anew(text));
  // The same models in another order: kept elements move into the new order.
  const blocks = text.split(/\n(?=model )/);
  const reordered = [blocks[0], ...blocks.slice(2), blocks[1]].join("\n");
  await setSource(reordered);
  await page.waitForFunction(
    (last) => [...document.querySelectorAll("[data-testid=diagram] svg > g.rp-entity")].at(-1)?.dataset.entity === last,
    /^model (\w+)/.exec(blocks[1])[1],
  );
  assert.deepEqual(await drawn(), await anew(reordered));
  // Another schema altogether.
  const other = "model A {\n  id Int @id\n  bs B[]\n}\n\nmodel B {\n  id  Int @id\n  aId Int\n  a   A   @relation(fields: [aId], references: [id])\n}\n";
  await setSource(other);
  await page.waitForSelector("[data-testid=diagram] [data-entity=B]");
  assert.deepEqual(await drawn(), await anew(other));
  assert.deepEqual(page.errors, []);
  await page.close();
});

for (const [file, dialect] of [["sakila-mysql.sql", "mysql"], ["chinook-sqlite.sql", "sqlite"]]) {
  test(`${file}: the imported SQL shows its full diagram`, async () => {
    const path = join(corpusDir, "sql", file);
    const ir = JSON.parse(relplayOk(["convert", path, "--from", `sql:${dialect}`, "--to", "json"]));
    const page = await openPage(encodePayload({ l: { sql: dialect }, s: readFileSync(path, "utf8") }));
    assert.equal(await page.inputValue("[data-testid=language]"), `sql:${dialect}`);
    const drawn = await page.evaluate(() => [...document.querySelectorAll("[data-testid=diagram] .rp-entity")].map((g) => g.dataset.entity).sort());
    assert.deepEqual(drawn, ir.entities.map((e) => e.name).sort());
    assert.equal(await page.locator("[data-testid=diagram] [data-relation]").count(), ir.relations.length);
    assert.ok(ir.entities.length >= 10, `${ir.entities.length} entities`);
    await page.close();
  });
}

test("clicking a relation highlights it in the editor and in the outputs", async () => {
  const page = await openPage();
  const point = await relationPoint(page, 0);
  await page.mouse.click(point.x, point.y);
  await page.waitForSelector("[data-testid=diagram] [data-relation='0'].rp-selected");
  assert.match(await selectedIn(page, ".source-pane"), /^user\s+User\s+@relation\(fields: \[userId\]/);
  await page.click("[data-tab=prisma]");
  await page.waitForFunction(() => /@relation\(fields: \[userId\]/.test(window.relplayEditor.selectionIn(document.querySelector("[data-testid=code-output]")) ?? ""));
  await page.click("[data-tab=sql]");
  await page.waitForFunction(() => (window.relplayEditor.selectionIn(document.querySelector("[data-testid=code-output]")) ?? "").startsWith('CONSTRAINT "Profile_userId_fkey" FOREIGN KEY'));
  await page.close();
});

test("placing the cursor in a model selects its entity in the diagram and the outputs", async () => {
  const page = await openPage();
  await page.locator(".source-pane .cm-line", { hasText: "model Profile" }).click();
  await page.waitForSelector("[data-testid=diagram] [data-entity=Profile].rp-selected");
  await page.click("[data-tab=sql]");
  await page.waitForFunction(() => (window.relplayEditor.selectionIn(document.querySelector("[data-testid=code-output]")) ?? "").startsWith('CREATE TABLE "Profile"'));
  // And back: clicking a table in the SQL selects its entity.
  await page.locator("[data-testid=code-output] .cm-line", { hasText: 'CREATE TABLE "User"' }).click();
  await page.click("[data-tab=diagram]");
  await page.waitForSelector("[data-testid=diagram] [data-entity=User].rp-selected");
  await page.close();
});

test("a dragged entity stays where it was dropped, also through the share link", async () => {
  const page = await openPage();
  // Where a box is: its group's transform (the box is drawn at the group's origin).
  const placeIn = (target) =>
    target.evaluate(() => {
      const [, x, y] = /^translate\(([-\d.]+) ([-\d.]+)\)$/.exec(document.querySelector("[data-testid=diagram] [data-entity=Profile]").getAttribute("transform"));
      return { x: Number(x), y: Number(y) };
    });
  const placedAt = (target, expected, tolerance) =>
    target.waitForFunction(
      ([x, within]) => {
        const place = /^translate\(([-\d.]+) /.exec(document.querySelector("[data-testid=diagram] [data-entity=Profile]")?.getAttribute("transform") ?? "");
        return place !== null && Math.abs(Number(place[1]) - x) <= within;
      },
      [expected, tolerance],
    );
  const before = await placeIn(page);
  const scale = Number(await page.getAttribute("[data-testid=diagram]", "data-scale"));
  const bounds = await page.locator("[data-testid=diagram] [data-entity=Profile] .rp-box").boundingBox();
  await page.mouse.move(bounds.x + 20, bounds.y + 8);
  await page.mouse.down();
  await page.mouse.move(bounds.x + 120, bounds.y + 8, { steps: 5 });
  await page.mouse.move(bounds.x + 220, bounds.y + 8, { steps: 5 });
  await page.mouse.up();
  const expectedX = Math.round(before.x + 200 / scale);
  await placedAt(page, expectedX, 1);
  assert.equal((await placeIn(page)).y, before.y);
  await page.waitForFunction(() => location.hash.startsWith("#s=v1."));
  await page.waitForTimeout(400);
  const reopened = await context.newPage();
  await reopened.goto(page.url());
  await reopened.locator("[data-testid=diagram] [data-entity=Profile] .rp-box").waitFor();
  assert.ok(Math.abs((await placeIn(reopened)).x - expectedX) <= 1);
  await reopened.click("[data-testid=reset-layout]");
  await placedAt(reopened, before.x, 0);
  await reopened.close();
  await page.close();
});

test("zoom buttons and fit change the scale", async () => {
  const page = await openPage();
  const scale = async () => Number(await page.getAttribute("[data-testid=diagram]", "data-scale"));
  const start = await scale();
  await page.click("[data-testid=zoom-in]");
  assert.ok((await scale()) > start);
  await page.click("[data-testid=zoom-out]");
  await page.click("[data-testid=zoom-out]");
  assert.ok((await scale()) < start);
  await page.click("[data-testid=fit]");
  assert.ok(Math.abs((await scale()) - start) < 0.01);
  await page.close();
});

test("the SVG export is a valid SVG document and the PNG export a PNG", async () => {
  const page = await openPage();
  const [svgDownload] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid=download]")]);
  assert.equal(svgDownload.suggestedFilename(), "relplay-diagram.svg");
  const svg = readFileSync(await svgDownload.path(), "utf8");
  const parsed = await page.evaluate((text) => {
    const document = new DOMParser().parseFromString(text, "image/svg+xml");
    return {
      error: document.querySelector("parsererror")?.textContent ?? null,
      root: document.documentElement.localName,
      entities: [...document.querySelectorAll("[data-entity]")].map((g) => g.getAttribute("data-entity")),
    };
  }, svg);
  assert.deepEqual(parsed, { error: null, root: "svg", entities: ["User", "Profile"] });
  const [pngDownload] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid=export-png]")]);
  assert.equal(pngDownload.suggestedFilename(), "relplay-diagram.png");
  const png = readFileSync(await pngDownload.path());
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.ok(png.length > 2000, `PNG of ${png.length} bytes`);
  await page.close();
});
