// Where a keystroke's time goes: types into the editor of the release build (dist/) with a
// Chromium trace running, then prints, per keystroke, the main thread's and the core worker's
// tasks from the keydown to the frame that shows the new name, and the frames' paint (the whole
// trace is written to target/keystroke-trace.json, for chrome://tracing or Perfetto).
//
//   node tests/bench/keystroke-trace.mjs [SCHEMA] [PANE] [KEYSTROKES]
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { chromium } from "playwright-core";
import { repoRoot } from "../support/relplay.mjs";
import { serveDirectory } from "../support/static-server.mjs";
import { chromiumPath } from "../support/browser.mjs";
import { placeCursorAfterFirstModelName } from "./cursor.mjs";

const file = process.argv[2] ?? join(repoRoot, "tests/corpus/prisma/documenso.prisma");
const pane = process.argv[3] ?? "typeorm";
const keystrokes = Number(process.argv[4] ?? 6);
const dist = process.env.RELPLAY_DIST || join(repoRoot, "dist");
const server = await serveDirectory(dist);
const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ["--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
const text = readFileSync(file, "utf8");
const link = execFileSync(join(repoRoot, "target/debug/relplay"), ["share", file, "--base", server.url], { encoding: "utf8" }).trim();
await page.goto(link);
await page.waitForSelector(".source-pane .cm-content");
await page.click(`[data-tab=${pane}]`);
await page.waitForTimeout(1500);
await placeCursorAfterFirstModelName(page, text);
await page.waitForTimeout(1000);
await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "disabled-by-default-devtools.timeline.frame", "blink.user_timing", "toplevel", "benchmark", "latencyInfo", "cc", "viz", "gpu"] });
// RELPLAY_TRACE_KEYS=ArrowDown,ArrowUp: other keys, in turn (a letter added and taken away by default).
const keys = (process.env.RELPLAY_TRACE_KEYS ?? "Q,Backspace").split(",");
for (let i = 0; i < keystrokes; i++) {
  await page.keyboard.press(keys[i % keys.length]);
  await page.waitForTimeout(400);
}
const buffer = await browser.stopTracing();
writeFileSync(join(repoRoot, "target/keystroke-trace.json"), buffer);
await browser.close();
await server.close();

const events = JSON.parse(buffer.toString()).traceEvents;
const threadNames = new Map();
for (const e of events) if (e.name === "thread_name") threadNames.set(`${e.pid}:${e.tid}`, e.args.name);
const keydowns = events.filter((e) => e.name === "EventDispatch" && e.args?.data?.type === "keydown").sort((a, b) => a.ts - b.ts);
const rendererPid = keydowns[0]?.pid;
const wanted = /^(EventDispatch|HandlePostMessage|ProxyMain::BeginMainFrame|Paint|Commit|TimerFire|FireIdleCallback|RunMicrotasks|MajorGC|MinorGC|Layout|UpdateLayoutTree|FunctionCall|RasterTask|ProxyImpl::NotifyReadyToActivate|DisplayScheduler::DrawAndSwap|Graphics.Pipeline|PipelineReporter|Scheduler::BeginFrame)$/;
const complete = events.filter((e) => e.ph === "X" && e.dur >= 500 && e.pid === rendererPid && wanted.test(e.name));
for (const [index, keydown] of keydowns.entries()) {
  const start = keydown.ts;
  const end = keydowns[index + 1]?.ts ?? start + 400_000;
  console.log(`\nkeystroke ${index + 1}`);
  const rows = complete.filter((e) => e.ts >= start - 1000 && e.ts < Math.min(end, start + 250_000)).sort((a, b) => a.ts - b.ts);
  let lastEnd = 0;
  for (const e of rows) {
    const thread = threadNames.get(`${e.pid}:${e.tid}`) ?? e.tid;
    const detail = e.args?.data?.type ?? e.args?.data?.functionName ?? e.args?.data?.url?.split("/").pop() ?? "";
    console.log(`${((e.ts - start) / 1000).toFixed(1).padStart(7)} +${(e.dur / 1000).toFixed(1).padStart(5)}  ${String(thread).slice(0, 16).padEnd(16)} ${e.name} ${detail}`);
  }
}
