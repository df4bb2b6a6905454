// The page's side of the core worker (js/core-worker.js, in modules/ of the site): it starts the
// worker on the first request, passes requests and replies, and starts a new worker after a crash.
// Exposed on `window.relplayCore`; the app reaches it only through src/interop/core.rs.
let worker = null;
let listener = null;

function start() {
  worker = new Worker(new URL("modules/core-worker.js", document.baseURI), { type: "module" });
  worker.onmessage = (event) => {
    const message = event.data;
    if (message.crashed !== undefined) {
      worker.terminate();
      worker = null;
    }
    listener?.(message.reply ?? null, message.crashed ?? null, Boolean(message.loading), message.readersFailed ?? null, message.recipesFailed ?? null, message.writersFailed ?? null);
  };
  worker.onerror = (event) => {
    // The script or a module could not load: the page says so and tries again on the next edit.
    event.preventDefault();
    worker?.terminate();
    worker = null;
    listener?.(null, `the core did not start (${event.message || "the worker failed to load"})`, false, null, null, null);
  };
}

window.relplayCore = {
  /** `callback(reply, crashed, loading, readersFailed, recipesFailed, writersFailed)` for every message from the core. */
  listen(callback) {
    listener = callback;
  },
  /** Sends a request (its JSON) to the core, starting it if it is not running. */
  send(request) {
    if (!worker) start();
    worker.postMessage(request);
  },
};
