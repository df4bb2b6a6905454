// Headless Debian Chromium driven by playwright-core (no browser download needed).
import { chromium } from "playwright-core";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const chromiumPath = process.env.RELPLAY_CHROMIUM || "/usr/bin/chromium";

export async function launchBrowser() {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "relplay-chromium-")), {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run", "--disable-quic",
    ],
  });
}

/**
 * Opens `url` in a new page of `context` and waits for `readySelector`; the page's uncaught errors
 * collect in `page.errors`.
 */
export async function openPage(context, url, readySelector = ".source-pane .cm-content, [data-testid=diagram]") {
  const page = await context.newPage();
  page.errors = [];
  page.on("pageerror", (error) => page.errors.push(String(error)));
  await page.goto(url);
  await page.waitForSelector(readySelector);
  return page;
}

/**
 * A first visit to `url` in a new page of `context`: local storage is cleared before the app starts
 * (tests before leave their draft there, in whatever language and pane they ended), `prepare(page)`
 * runs before the page loads (routes, say), and the page is returned once it shows `readySelector`
 * and the core has answered.
 */
export async function firstVisit(context, url, { prepare = async () => {}, readySelector = ".source-pane .cm-content" } = {}) {
  const page = await context.newPage();
  page.errors = [];
  page.on("pageerror", (error) => page.errors.push(String(error)));
  await page.addInitScript(() => localStorage.clear());
  await prepare(page);
  await page.goto(url);
  await page.waitForSelector(readySelector);
  await settled(page);
  return page;
}

/**
 * Waits until the core worker has answered the page's newest request (the app's root is
 * `aria-busy` until then), so that what the page shows is the reading of the text on screen.
 */
export async function settled(page) {
  await page.waitForSelector(".app[aria-busy=false]");
}

/**
 * Serves the built app (dist/, or RELPLAY_DIST) on loopback and starts Chromium: `{ server, context,
 * close }`. Fails with a clear message when the app has not been built.
 */
export async function startApp() {
  const { existsSync } = await import("node:fs");
  const { join } = await import("node:path");
  const { repoRoot } = await import("./relplay.mjs");
  const { serveDirectory } = await import("./static-server.mjs");
  const dist = process.env.RELPLAY_DIST || join(repoRoot, "dist");
  if (!existsSync(join(dist, "index.html"))) throw new Error(`no built app in ${dist}: run \`trunk build --release --offline\` first`);
  const server = await serveDirectory(dist);
  const context = await launchBrowser();
  return {
    server,
    context,
    close: async () => {
      await context.close();
      await server.close();
    },
  };
}
