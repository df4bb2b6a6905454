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
