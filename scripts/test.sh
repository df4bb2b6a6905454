#!/usr/bin/env bash
# Runs every test: installs what is missing, then
#   0. rustfmt and clippy (warnings are errors);
#   1. the Rust tests of the core and the CLI (fixtures, snapshots, robustness, CLI behaviour);
#   2. relplay's SQL on real PostgreSQL, MariaDB and SQLite (servers started here, loopback only);
#   3. relplay judged by Prisma's own validator;
#   4. the built app end to end in headless Chromium;
#   and a short coverage-guided fuzzing run of every target (scripts/fuzz.sh).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

# A whole run takes ~6 GB at its peak (Rust builds ~4.5 GB, node_modules, the fuzzers' build, the
# test databases); a full disk shows up much later as a failure that names something else.
free_kb=$(df -Pk "$REPO_ROOT" | awk 'NR == 2 { print $4 }')
if [ "${free_kb:-0}" -lt $((6 * 1024 * 1024)) ]; then
  log "warning: $((free_kb / 1024)) MB free on $(df -P "$REPO_ROOT" | awk 'NR == 2 { print $6 }'); a whole run needs about 6 GB"
fi

need_apt chromium chromium-driver postgresql mariadb-server sqlite3
need_app_toolchain
need_rust_lints

log "formatting and lints"
cargo fmt --all --check
cargo clippy --locked --all-targets -p relplay-core -p relplay-cli -p relplay-readers -p relplay-recipes -- -D warnings
# The app's and its worker's build of the core, without the SQL and ORM code readers (they are a
# module of their own), and the worker's first module and the writers each alone (built so, as
# scripts/build-modules.sh builds them).
cargo clippy --locked -p relplay-core --no-default-features -- -D warnings
cargo clippy --locked --all-targets -p relplay-worker -- -D warnings
cargo clippy --locked --all-targets -p relplay-writers -- -D warnings

log "Rust tests"
cargo test --locked -p relplay-core -p relplay-cli -p relplay-readers -p relplay-recipes
cargo test --locked -p relplay-worker
cargo test --locked -p relplay-writers
cargo test --locked -p relplay-core --no-default-features --lib service
cargo build --locked -p relplay-cli

log "fuzzing every reader, the pipeline and the share decoder (20 s each)"
bash scripts/fuzz.sh 20

log "building the app"
trunk build --release --offline

log "starting PostgreSQL and MariaDB"
# Assigned first so that a server that does not start stops the run here (an `eval` of nothing
# would carry on without the databases).
database_environment="$(scripts/databases.sh start)"
eval "$database_environment"
trap 'scripts/databases.sh stop' EXIT

log "real databases, Prisma's validator, the app in Chromium"
node --test --test-concurrency=1 tests/js/ tests/sql/ tests/prisma/ tests/conformance/ tests/recipes/ tests/e2e/
