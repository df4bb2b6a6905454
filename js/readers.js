// The ORM code readers (TypeORM, Sequelize, VibORM): a wasm module of their own (readers/,
// built into static/readers/ by scripts/build-readers.sh), fetched the first time the app needs
// one of them, so a visitor who writes Prisma or SQL never downloads them.
// Exposed on `window.relplayReaders`; the app reaches it only through src/interop/readers.rs.
let module = null;
let loading = null;

window.relplayReaders = {
  /** The analysis JSON of `text`, or undefined while the module is not loaded. */
  analyze(text, language) {
    return module ? module.analyze(text, language) : undefined;
  },
  /** Loads the module once; `done(ok)` runs when it is ready (or failed to load). */
  load(done) {
    loading ??= import(new URL("readers/relplay_readers.js", document.baseURI).href).then(async (m) => {
      await m.default({ module_or_path: new URL("readers/relplay_readers_bg.wasm", document.baseURI).href });
      module = m;
    });
    loading.then(() => done(true), (error) => {
      console.error("relplay: the ORM code readers did not load", error);
      done(false);
    });
  },
};
