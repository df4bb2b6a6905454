// Screenshots of the built app (dist/) as people meet it, to look at:
//   node scripts/screenshots.mjs [OUT_DIR]     (default target/screenshots)
// desktop and phone in light and dark (with the Use it pane), the Share dialog in dark, the embed in a 390 px column, and
// documenso's diagram right after it is pasted into the editor.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { startApp, firstVisit, settled } from "../tests/support/browser.mjs";
import { corpusDir, repoRoot } from "../tests/support/relplay.mjs";

const out = process.argv[2] || join(repoRoot, "target", "screenshots");
mkdirSync(out, { recursive: true });
const app = await startApp();
const shot = async (page, name) => {
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(out, `${name}.png`) });
  console.log(join(out, `${name}.png`));
};

try {
  for (const theme of ["light", "dark"]) {
    const desktop = await firstVisit(app.context, `${app.server.url}?theme=${theme}`);
    await shot(desktop, `desktop-${theme}`);
    await desktop.click("[data-tab=sql]");
    await settled(desktop);
    await shot(desktop, `desktop-${theme}-sql`);
    await desktop.click("[data-tab=recipes]");
    await desktop.selectOption("[data-testid=recipes-target]", "typeorm");
    await desktop.waitForFunction(() => window.relplayEditor.textIn(document.querySelector("[data-testid=code-output]")).includes("getRepository"));
    await shot(desktop, `desktop-${theme}-recipes`);
    await desktop.click("[data-testid=share]");
    await shot(desktop, `share-${theme}`);
    await desktop.close();

    const phone = await firstVisit(app.context, `${app.server.url}?theme=${theme}`, { prepare: (p) => p.setViewportSize({ width: 390, height: 844 }) });
    await shot(phone, `phone-${theme}`);
    await phone.screenshot({ path: join(out, `phone-${theme}-full.png`), fullPage: true });
    await phone.click("[data-tab=recipes]");
    await phone.waitForFunction(() => window.relplayEditor.textIn(document.querySelector("[data-testid=code-output]")).includes("prisma.user"));
    await phone.locator(".output-pane").scrollIntoViewIfNeeded();
    await shot(phone, `phone-${theme}-recipes`);
    await phone.close();
  }

  const host = await app.context.newPage();
  await host.setViewportSize({ width: 430, height: 900 });
  await host.goto(`${app.server.url}embed.html`);
  await host.evaluate((src) => {
    document.body.innerHTML = `<main style="width:390px;margin:0 auto;font:15px system-ui"><p>A documentation column, 390 px wide.</p><iframe id="frame" title="relplay" style="width:100%;border:1px solid #ccc;display:block;height:150px"></iframe><p>Text after the playground.</p></main>`;
    window.addEventListener("message", (event) => {
      if (event.data?.type === "relplay:height") document.getElementById("frame").style.height = `${event.data.height + 2}px`;
    });
    document.getElementById("frame").src = src;
  }, `${app.server.url}?embed=1&view=editor,diagram,sql`);
  await host.frameLocator("#frame").locator("[data-testid=diagram] svg").waitFor();
  await host.waitForTimeout(1500);
  await host.screenshot({ path: join(out, "embed-390.png"), fullPage: true });
  console.log(join(out, "embed-390.png"));
  await host.close();

  const paste = await firstVisit(app.context, app.server.url);
  const documenso = readFileSync(join(corpusDir, "prisma", "documenso.prisma"), "utf8");
  await paste.locator(".source-pane .cm-content").click();
  await paste.keyboard.press("Control+A");
  await paste.evaluate((text) => {
    const view = window.relplayEditor.viewIn(document.querySelector(".source-pane"));
    view.dispatch(view.state.replaceSelection(text));
  }, documenso);
  await paste.locator("[data-testid=diagram] [data-entity=Envelope], [data-testid=diagram] [data-entity=Document]").first().waitFor();
  await settled(paste);
  await shot(paste, "documenso-pasted");
  await paste.close();
} finally {
  await app.close();
}
