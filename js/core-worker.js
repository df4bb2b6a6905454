// The app's core in a Web Worker (copied into static/modules/ beside the wasm modules by
// scripts/build-modules.sh). The page posts requests (JSON strings of relplay_core::service::Request)
// and gets back {reply}, {loading} while the readers' module is fetched, {readersFailed} or
// {recipesFailed} when a module could not be fetched, or {crashed} when the core failed — after which this worker closes
// and the page starts a new one.
import initCore, { answer } from "./relplay_worker.js";

const ready = initCore({ module_or_path: new URL("relplay_worker_bg.wasm", import.meta.url) });
// The modules the core loads when a request first needs them: the readers (SQL and ORM code)
// and the recipes (the "Use it" pane). Each is fetched once.
const modules = {
  readers: { script: "./relplay_readers.js", wasm: "relplay_readers_bg.wasm", loaded: null, loading: null },
  recipes: { script: "./relplay_recipes.js", wasm: "relplay_recipes_bg.wasm", loaded: null, loading: null },
};
let newest = null;
let busy = false;

function load(name) {
  const module = modules[name];
  module.loading ??= import(module.script).then(async (m) => {
    await m.default({ module_or_path: new URL(module.wasm, import.meta.url) });
    module.loaded = m;
  });
  return module.loading;
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
      let reply = answer(request, modules.readers.loaded?.analyze, modules.recipes.loaded?.recipesView);
      // The request needs a module not loaded yet: load it, then ask again (a newer request
      // may have come meanwhile, which is then answered instead).
      while (reply in modules) {
        const name = reply;
        if (name === "readers") self.postMessage({ loading: true });
        try {
          await load(name);
        } catch (error) {
          modules[name].loading = null;
          const reason = String(error?.message ?? error);
          self.postMessage(name === "readers" ? { readersFailed: reason } : { recipesFailed: reason });
          reply = null;
          break;
        }
        if (newest !== null) {
          reply = null;
          break;
        }
        reply = answer(request, modules.readers.loaded?.analyze, modules.recipes.loaded?.recipesView);
      }
      if (reply !== null) self.postMessage({ reply });
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
