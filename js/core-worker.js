// The app's core in a Web Worker (copied into static/modules/ beside the wasm modules by
// scripts/build-modules.sh). The page posts requests (JSON strings of relplay_core::service::Request)
// and gets back {reply}, {loading} while the readers' module is fetched, or {crashed} when the
// core failed — after which this worker closes and the page starts a new one.
import initCore, { answer, reader_needed } from "./relplay_worker.js";

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
      if (reader_needed(request) && !readers) {
        self.postMessage({ loading: true });
        try {
          await loadReaders();
        } catch (error) {
          readersLoading = null;
          self.postMessage({ readersFailed: String(error?.message ?? error) });
          continue;
        }
        if (newest !== null) continue;
      }
      const reply = answer(request, readers ? readers.analyze : undefined);
      self.postMessage({ reply });
    }
  } catch (error) {
    // A trap (a panic, the stack or memory exhausted) leaves the wasm instance unusable.
    self.postMessage({ crashed: String(error?.message ?? error) });
    self.close();
  } finally {
    busy = false;
  }
}
