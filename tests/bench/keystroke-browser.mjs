// Browser benchmark of typing: the release build (dist/) in headless Chromium. For each schema and
// each pane, renames the schema's first model one keystroke at a time (a letter added, then taken
// away) and measures, in the page, the time from the keydown event to the first frame where the
// open pane shows the new name (p50, p95), and the longest input event (the Event Timing API:
// every keydown, keypress, input, click… from the input to the frame after its handlers), both
// while typing and while the cursor is brought to the name (a click and the arrow keys), with
// the event's input delay and its handlers' time (the rest is the wait for the frame).
// Also reports what a first visit downloads (wasm and JavaScript, each file gzipped -9), and the
// frames while panning and zooming the diagram of each schema (the longest frame and the 95th
// percentile, from requestAnimationFrame times while the mouse drags the background and the wheel
// zooms).
//
//   cargo run --release -p relplay-core --example pipeline_bench 200 1000   # writes the schemas
//   trunk build --release --offline && node tests/bench/keystroke-browser.mjs [SAMPLES]
//
// RELPLAY_BENCH_PANES=diagram,sql picks the panes (empty: the first visit and the diagram frames only);
// RELPLAY_BENCH_SCHEMAS=documenso keeps the schemas whose label holds the text.
//
// RELPLAY_BENCH_CORE=instant measures the page with the core's time taken out: the benchmark serves
// a core worker that answers a request it has answered before (the same text, language and views)
// at once with that answer. Typing alternates between two texts, so from the third keystroke every
// answer comes without the core working; what is left is the page's own time (the keystroke, the
// messages, showing the answer) and the wait for frames.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { execFileSync } from "node:child_process";
import { repoRoot } from "../support/relplay.mjs";
import { serveDirectory } from "../support/static-server.mjs";
import { launchBrowser } from "../support/browser.mjs";
import { placeCursorAfterFirstModelName } from "./cursor.mjs";

const samples = Number(process.argv[2] ?? 20);
const dist = process.env.RELPLAY_DIST || join(repoRoot, "dist");
const relplay = join(repoRoot, "target/debug/relplay");
const schemas = [
  ["documenso (51 models)", join(repoRoot, "tests/corpus/prisma/documenso.prisma")],
  ["generated, 200 models", join(repoRoot, "target/bench-schemas/shapes-200.prisma")],
  ["generated, 1,000 models", join(repoRoot, "target/bench-schemas/shapes-1000.prisma")],
].filter(([label]) => label.includes(process.env.RELPLAY_BENCH_SCHEMAS ?? ""));
const panes = (process.env.RELPLAY_BENCH_PANES ?? "diagram,prisma,sql,typeorm,sequelize,viborm").split(",").filter(Boolean);

const server = await serveDirectory(dist);
const context = await launchBrowser();
if (process.env.RELPLAY_BENCH_CORE === "instant") {
  await context.route("**/modules/core-worker.js", async (route) => {
    const script = readFileSync(join(dist, "modules/core-worker.js"), "utf8");
    await route.fulfill({ contentType: "text/javascript", body: answeringAtOnce(script) });
  });
}
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

/** The core worker's script with its `ask` answering again-asked requests from a cache. */
function answeringAtOnce(script) {
  const asking = "function ask(request) {";
  if (!script.includes(asking)) throw new Error("modules/core-worker.js has no `function ask(request)` to wrap");
  const cached = `const answered = new Map();
function ask(request) {
  // The request's id is its first field, as is the reply's.
  const id = /^\\{"id":(\\d+)/.exec(request)[1];
  const key = request.slice(request.indexOf(","));
  const known = answered.get(key);
  if (known !== undefined) return known.replace(/^\\{"id":\\d+/, \`{"id":\${id}\`);
  const reply = askCore(request);
  if (typeof reply === "string" && reply.startsWith('{"id":')) answered.set(key, reply);
  return reply;
}
function askCore(request) {`;
  return script.replace(asking, cached);
}

async function firstVisitBytes() {
  const page = await context.newPage();
  const fetched = new Set();
  page.on("request", (request) => fetched.add(new URL(request.url()).pathname));
  await page.goto(server.url);
  await page.evaluate(() => localStorage.clear());
  fetched.clear();
  await page.reload();
  await page.waitForFunction(() => document.querySelector("[data-testid=status]")?.innerText === "No problems");
  await page.waitForTimeout(500);
  await page.close();
  const rows = [...fetched]
    .filter((path) => /\.(js|wasm)$/.test(path))
    .map((path) => {
      const bytes = readFileSync(join(dist, decodeURIComponent(path)));
      return { path, raw: bytes.length, gzipped: gzipSync(bytes, { level: 9 }).length };
    });
  return rows.sort((a, b) => b.gzipped - a.gzipped);
}

async function measure(file, pane) {
  const text = readFileSync(file, "utf8");
  const link = execFileSync(relplay, ["share", file, "--base", server.url], { encoding: "utf8" }).trim();
  const page = await context.newPage();
  await page.goto(link);
  await page.waitForSelector(".source-pane .cm-content");
  await page.click(`[data-tab=${pane}]`);
  const name = /^model (\w+) \{/m.exec(text)[1];
  const shows = (candidate) =>
    pane === "diagram"
      ? `document.querySelector('[data-testid=diagram] [data-entity="${candidate}"]') !== null`
      : `(window.relplayEditor.textIn(document.querySelector('[data-testid=code-output]')) ?? '').includes(${JSON.stringify(candidate)})`;
  await page.waitForFunction(shows(name), null, { timeout: 120_000 });
  await page.evaluate(() => {
    window.relplayProbe = { events: [], latencies: [], typing: false };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        window.relplayProbe.events.push({
          name: entry.name,
          duration: entry.duration,
          delay: entry.processingStart - entry.startTime,
          processing: entry.processingEnd - entry.processingStart,
          typing: window.relplayProbe.typing,
        });
      }
    }).observe({ type: "event", durationThreshold: 16, buffered: false });
    document.addEventListener("keydown", (event) => (window.relplayProbe.start = event.timeStamp), true);
  });
  await placeCursorAfterFirstModelName(page, text);
  await page.waitForTimeout(100);
  await page.evaluate(() => (window.relplayProbe.typing = true));
  for (let i = 0; i < samples; i++) {
    const adding = i % 2 === 0;
    const expected = adding ? `${name}Q` : name;
    await page.evaluate(() => delete window.relplayProbe.start);
    await page.keyboard.press(adding ? "Q" : "Backspace");
    const latency = await page.evaluate(
      (source) =>
        new Promise((resolve) => {
          const check = new Function(source);
          const frame = (now) => (check() ? resolve(now - window.relplayProbe.start) : requestAnimationFrame(frame));
          requestAnimationFrame(frame);
        }),
      `return ${shows(expected)}`,
    );
    await page.evaluate((value) => window.relplayProbe.latencies.push(value), latency);
    await page.waitForTimeout(50);
  }
  // Entries come to the observer after their frame: wait for the last ones.
  await page.waitForTimeout(200);
  const probe = await page.evaluate(() => window.relplayProbe);
  await page.close();
  const longest = (events) => events.reduce((a, b) => (b.duration > (a?.duration ?? 0) ? b : a), undefined);
  return {
    p50: percentile(probe.latencies, 50),
    p95: percentile(probe.latencies, 95),
    typing: longest(probe.events.filter((e) => e.typing)),
    moving: longest(probe.events.filter((e) => !e.typing)),
  };
}

async function panAndZoom(file) {
  const link = execFileSync(relplay, ["share", file, "--base", server.url], { encoding: "utf8" }).trim();
  const page = await context.newPage();
  await page.goto(link);
  await page.click("[data-tab=diagram]");
  await page.waitForSelector("[data-testid=diagram] svg [data-entity]", { timeout: 120_000 });
  await page.waitForTimeout(500);
  const box = await page.locator("[data-testid=diagram]").boundingBox();
  await page.evaluate(() => {
    window.relplayFrames = [];
    let last = performance.now();
    const frame = (now) => {
      window.relplayFrames.push(now - last);
      last = now;
      if (!window.relplayFramesStop) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  // A drag starting on the background (the pane's top-left corner, left of the first layer).
  const transform = () => page.evaluate(() => document.querySelector("[data-testid=diagram] [style*=transform]")?.style.transform ?? "");
  const before = await transform();
  const x = box.x + 4;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let step = 1; step <= 60; step++) await page.mouse.move(x + step * 6, y + step * 3);
  await page.mouse.up();
  const panned = await transform();
  if (panned === before) throw new Error(`the drag did not pan the diagram (transform ${before})`);
  for (let step = 0; step < 20; step++) await page.mouse.wheel(0, step < 10 ? -120 : 120);
  await page.waitForTimeout(300);
  const frames = await page.evaluate(() => {
    window.relplayFramesStop = true;
    return window.relplayFrames.slice(1);
  });
  await page.close();
  return { frames: frames.length, p95: percentile(frames, 95), longest: Math.max(...frames) };
}

try {
  const bytes = await firstVisitBytes();
  console.log("First visit (the default Prisma example), each file gzipped -9:\n");
  console.log("| file | bytes | gzipped |\n|---|---:|---:|");
  for (const row of bytes) console.log(`| ${row.path} | ${row.raw.toLocaleString("en")} | ${row.gzipped.toLocaleString("en")} |`);
  const total = bytes.reduce((sum, row) => sum + row.gzipped, 0);
  console.log(`| **total** | ${bytes.reduce((s, r) => s + r.raw, 0).toLocaleString("en")} | **${total.toLocaleString("en")}** |\n`);
  console.log(`Keystroke to pane (${samples} keystrokes each; ms):\n`);
  console.log("| schema | pane | p50 | p95 | longest input event, typing | longest, moving the cursor there |\n|---|---|---:|---:|---:|---:|");
  const event = (entry) =>
    entry ? `${entry.duration.toFixed(0)} (${entry.name}: delay ${entry.delay.toFixed(0)}, handlers ${entry.processing.toFixed(0)})` : "< 16";
  for (const [label, file] of schemas) {
    for (const pane of panes) {
      const result = await measure(file, pane);
      console.log(`| ${label} | ${pane} | ${result.p50.toFixed(0)} | ${result.p95.toFixed(0)} | ${event(result.typing)} | ${event(result.moving)} |`);
    }
  }
  console.log("\nPanning (60 pointer moves) and zooming (20 wheel steps) the diagram, frame times (ms):\n");
  console.log("| schema | frames | p95 | longest |\n|---|---:|---:|---:|");
  for (const [label, file] of schemas) {
    const result = await panAndZoom(file);
    console.log(`| ${label} | ${result.frames} | ${result.p95.toFixed(0)} | ${result.longest.toFixed(0)} |`);
  }
} finally {
  await context.close();
  await server.close();
}
