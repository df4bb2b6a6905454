#!/usr/bin/env bash
# Builds the app's wasm modules besides its own into static/modules/: the core worker's first
# module (worker/: the Prisma reader, validation, the diagram, hover and Format, run in a Web
# Worker by js/core-worker.js, copied beside it), the writers (writers/: the same with every
# generator), which the worker loads the first time an output pane or a language switch is asked
# for, the readers (readers/: the writers with SQL from sqlparser and TypeORM, Sequelize and VibORM
# from oxc_parser), which it loads only when one of those languages is read, and the recipes
# (recipes/), which it loads the first time the "Use it" pane is shown. Run by Trunk's pre-build
# hook, before the app itself.
set -euo pipefail
cd "$(dirname "$0")/.."
out=static/modules
mkdir -p "$out"
for crate in relplay_worker relplay_writers relplay_readers relplay_recipes; do
  cargo build -p "${crate//_/-}" --target wasm32-unknown-unknown --release --locked ${RELPLAY_OFFLINE:+--offline}
  wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name "$crate" \
    "target/wasm32-unknown-unknown/release/$crate.wasm"
  if command -v wasm-opt >/dev/null; then
    wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
      "$out/${crate}_bg.wasm" -o "$out/${crate}_bg.wasm"
  fi
done
cp js/core-worker.js "$out/core-worker.js"
