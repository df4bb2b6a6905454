#!/usr/bin/env bash
# Coverage-guided fuzzing of every reader, the whole pipeline and the share-link decoder
# (fuzz/, cargo-fuzz with libFuzzer on the stable toolchain through RUSTC_BOOTSTRAP).
#   scripts/fuzz.sh [SECONDS] [TARGET…]   each target for SECONDS (default 30), all by default
# The long run stops each target after a number of executions instead, on inputs up to 4 KiB:
#   FUZZ_RUNS=10000000 FUZZ_MAX_LEN=4096 scripts/fuzz.sh 36000 [TARGET…]
# Seeds come from the examples, the fixtures, the real-world corpora and relplay's own output in
# every language; a crash stops the run, its input is in fuzz/artifacts/TARGET/.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"
seconds="${1:-30}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(prisma sql typeorm sequelize viborm pipeline share)

command -v cargo-fuzz >/dev/null || { log "installing cargo-fuzz"; cargo install cargo-fuzz --locked; }
cargo build --locked -p relplay-cli
relplay=target/debug/relplay
seeds=target/fuzz-seeds
rm -rf "$seeds"
for t in prisma sql typeorm sequelize viborm pipeline share; do mkdir -p "$seeds/$t"; done
n=0
add() { # add TARGET FILE [PREFIX-BYTE]
  n=$((n + 1))
  if [ -n "${3:-}" ]; then { printf "\\x$3"; cat "$2"; } > "$seeds/$1/$n"; else cp "$2" "$seeds/$1/$n"; fi
}
prisma_files=$(find examples core/tests/fixtures tests/corpus/prisma -name '*.prisma' 2>/dev/null)
for f in $prisma_files; do
  add prisma "$f"; add pipeline "$f" 00
  
done
for f in $(find tests/corpus/sql -name '*.sql' 2>/dev/null) core/tests/fixtures/rules/*/*.sql; do add sql "$f"; done
for f in $(find examples -name '*.prisma'); do
  for d in postgresql mysql sqlite; do
    "$relplay" convert "$f" --to sql --dialect "$d" --force > "$seeds/sql/$n-$d" 2>/dev/null || true
  done
  "$relplay" convert "$f" --to typeorm --force > "$seeds/typeorm/$n.ts" 2>/dev/null || true
  "$relplay" convert "$f" --to sequelize --force > "$seeds/sequelize/$n.js" 2>/dev/null || true
  "$relplay" convert "$f" --to viborm --force > "$seeds/viborm/$n.ts" 2>/dev/null || true
  "$relplay" share "$f" --base "" 2>/dev/null | sed 's/.*#s=//' > "$seeds/share/$n" || true
  n=$((n + 1))
done
for f in $(find tests/corpus/typeorm -name '*.ts') core/tests/fixtures/rules/*/*.ts; do add typeorm "$f"; add pipeline "$f" 04; done
for f in $(find tests/corpus/sequelize -name '*.[jt]s') core/tests/fixtures/rules/*/*.js; do add sequelize "$f"; add pipeline "$f" 05; done

dict_of() { case "$1" in prisma|pipeline) echo fuzz/dict/prisma.dict;; sql) echo fuzz/dict/sql.dict;; share) echo "";; *) echo fuzz/dict/code.dict;; esac; }
for t in "${targets[@]}"; do
  log "fuzzing $t for ${seconds}s"
  corpus="target/fuzz-corpus/$t"
  mkdir -p "$corpus"
  dict=$(dict_of "$t")
  output="target/fuzz-$t.log"
  (cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run "$t" -s none --release -- \
    "../$corpus" "../$seeds/$t" -max_total_time="$seconds" -max_len="${FUZZ_MAX_LEN:-65536}" \
    ${FUZZ_RUNS:+-runs=$FUZZ_RUNS} -timeout=10 -print_final_stats=1 \
    ${dict:+-dict=../$dict}) > "$output" 2>&1 || true
  grep -E "^Done|stat::number_of_executed_units|panicked|SUMMARY" "$output" || true
  if compgen -G "fuzz/artifacts/$t/crash-*" >/dev/null || compgen -G "fuzz/artifacts/$t/timeout-*" >/dev/null || compgen -G "fuzz/artifacts/$t/oom-*" >/dev/null; then
    log "fuzzing found a failure in $t: fuzz/artifacts/$t/ (keep it as a fixture in core/tests/fixtures/fuzz/)"
    exit 1
  fi
  if ! grep -q "^Done" "$output"; then
    log "the $t fuzzer did not run; its output:"
    tail -20 "$output"
    exit 1
  fi
done
