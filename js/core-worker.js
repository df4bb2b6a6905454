// The app's core in a Web Worker (copied into static/modules/ beside the wasm modules by
// scripts/build-modules.sh). The page posts requests (JSON strings of relplay_core::service::Request)
// and gets back {reply}, {loading} while the readers' module is fetched, {readersFailed},
// {writersFailed} or {recipesFailed} when a module could not be fetched, or {crashed} when the core
// failed — after which this worker closes and the page starts a new one.
//
// The core is three modules, each answering everything the one before does: the first (fetched
// with the page: Prisma, the diagram, hover, Format), the writers (every generator) and the
// readers (the writers with the SQL and ORM code readers). A module that cannot answer a request
// names the one that can; that one is loaded and answers from then on. The recipes are a module
// the writers and readers call.
import initCore, { answer as answerFirst } from "./relplay_worker.js";

const ready = initCore({ module_or_path: new URL("relplay_worker_bg.wasm", import.meta.url) });
const modules = {
  writers: { script: "./relplay_writers.js", wasm: "relplay_writers_bg.wasm", loaded: null, loading: null },
  readers: { script: "./relplay_readers.js", wasm: "relplay_readers_bg.wasm", loaded: null, loading: null },
  recipes: { script: "./relplay_recipes.js", wasm: "relplay_recipes_bg.wasm", loaded: null, loading: null },
};
// The module that answers: "first", then "writers" or "readers" once one was needed (each can do
// all the one before does, so the worker never goes back).
let answering = "first";
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

function ask(request) {
  if (answering === "first") return answerFirst(request);
  return modules[answering].loaded.answer(request, modules.recipes.loaded?.recipesView);
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
      let reply = ask(request);
      // The request needs a module not loaded yet: load it, then ask again (a newer request
      // may have come meanwhile, which is then answered instead).
      while (reply in modules) {
        const name = reply;
        if (name === "readers") self.postMessage({ loading: true });
        try {
          await load(name);
        } catch (error) {
          modules[name].loading = null;
          self.postMessage({ [`${name}Failed`]: String(error?.message ?? error) });
          reply = null;
          break;
        }
        if (name !== "recipes" && !(answering === "readers" && name === "writers")) answering = name;
        if (newest !== null) {
          reply = null;
          break;
        }
        reply = ask(request);
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
