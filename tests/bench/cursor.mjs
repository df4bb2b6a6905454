// Where the browser benchmarks type: after the name of the schema's first model, the cursor
// brought there as a person would (a click in the editor, then the arrow keys), and that line
// scrolled to the middle of the editor — the arrows leave it on one of the editor's last visible
// lines, where headless Chromium presents a change under the active line's background only with
// the next frame that changes something else (see the README's browser benchmark).

/** Puts the cursor of `page`'s source editor after the first model's name in `text`; returns the name. */
export async function placeCursorAfterFirstModelName(page, text) {
  const name = /^model (\w+) \{/m.exec(text)[1];
  const line = text.split("\n").findIndex((l) => l.startsWith(`model ${name} {`));
  await page.click(".source-pane .cm-content");
  await page.keyboard.press("Control+Home");
  for (let i = 0; i < line; i++) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Home");
  for (let i = 0; i < `model ${name}`.length; i++) await page.keyboard.press("ArrowRight");
  await page.evaluate(() => {
    const scroller = document.querySelector(".source-pane .cm-scroller");
    const cursor = document.querySelector(".source-pane .cm-cursor").getBoundingClientRect();
    const box = scroller.getBoundingClientRect();
    scroller.scrollTop += cursor.top - (box.top + box.height / 2);
  });
  return name;
}
