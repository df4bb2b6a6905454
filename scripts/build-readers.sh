#!/usr/bin/env bash
# Builds the ORM code readers (readers/: TypeORM, Sequelize, VibORM, with oxc_parser) into a wasm
# module of their own in static/readers/, which the app loads only when one of those languages is
# used. Run by Trunk's pre-build hook, before the app itself.
set -euo pipefail
cd "$(dirname "$0")/.."
out=static/readers
cargo build -p relplay-readers --target wasm32-unknown-unknown --release --locked ${RELPLAY_OFFLINE:+--offline}
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name relplay_readers \
  target/wasm32-unknown-unknown/release/relplay_readers.wasm
if command -v wasm-opt >/dev/null; then
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    "$out/relplay_readers_bg.wasm" -o "$out/relplay_readers_bg.wasm"
fi
