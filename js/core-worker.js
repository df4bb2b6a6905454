// The app's core in a Web Worker (copied into static/modules/ beside the wasm modules by
// scripts/build-modules.sh). The page posts requests (JSON strings of relplay_core::service::Request)
// and gets back {reply}, {loading} while the readers' module is fetched, or {crashed} when the
// core failed — after which this worker closes and the page starts a new one.
import initCore, { answer } from "./relplay_worker.js";

const ready = initCore({ module_or_path: new URL("relplay_worker_bg.wasm", import.meta.url) });
let readers = null;
let readersLoading = null;
let newest = null;
let busy = false;

function loadReaders() {
  readersLoading ??= import("./relplay_readers.js").then(async (m) => {
    await m.default({ module_or_path: new URL("relplay_readers_bg.wasm", import.meta.url) });
    readers = m;
  });
  return readersLoading;
}

// Only the newest request is answered: one that a newer one overtook while the core was busy is
// dropped, since the page no longer shows its text.
self.onmessage = (event) => {
  newest = event.data;
  if (!busy) void work();
};

async function work() {
  busy = true;
  try {
    await ready;
    while (newest !== null) {
      const request = newest;
      newest = null;
      let reply = answer(request, readers?.analyze);
      if (reply === undefined) {
        // The text is SQL or ORM code: the readers' module reads it.
        self.postMessage({ loading: true });
        try {
          await loadReaders();
        } catch (error) {
          readersLoading = null;
          self.postMessage({ readersFailed: String(error?.message ?? error) });
          continue;
        }
        if (newest !== null) continue;
        reply = answer(request, readers.analyze);
      }
      self.postMessage({ reply });
    }
  } catch (error) {
    // A trap (a panic, the stack or memory exhausted) leaves the wasm instance unusable.
    self.postMessage({ crashed: inPlainWords(String(error?.message ?? error)) });
    self.close();
  } finally {
    busy = false;
  }
}

/** What a trap's message means, followed by the message itself. */
function inPlainWords(message) {
  // The core's own stack lives in its memory: running past it is an access out of bounds.
  if (/call stack|stack overflow|memory access out of bounds/i.test(message)) return `it ran out of stack: ${message}`;
  if (/out of memory|allocation/i.test(message)) return `it ran out of memory: ${message}`;
  if (/unreachable/i.test(message)) return `an internal error in relplay: ${message}`;
  return message;
}
