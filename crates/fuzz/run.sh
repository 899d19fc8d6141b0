#!/usr/bin/env bash
# Runs one fuzz target (or all) for a while: seeds its corpus from the
# repository and ../shared at run time (nothing large is committed), then
# `cargo fuzz run` with the bounds of issue 19: 1 s per input (FUZZ_TIMEOUT),
# 512 MB.
#
#   crates/fuzz/run.sh rules 60        # one target, 60 seconds
#   crates/fuzz/run.sh all 3600        # every target, an hour each
#   crates/fuzz/run.sh replay diff     # every kept input of a target once (below)
#
# Needs cargo-fuzz (`cargo install cargo-fuzz --locked`). On a stable toolchain,
# RUSTC_BOOTSTRAP=1 lets cargo-fuzz use the nightly flags it needs; it is set
# here for this build only.
set -euo pipefail
cd "$(dirname "$0")/../.."

TARGETS=(rules facts lift fmt_roundtrip diff)
target="${1:?target: ${TARGETS[*]}, all, or replay TARGET}"
seconds="${2:-60}"
# The bound per input (issue 19: no input over 1 s). On a loaded shared machine
# a sanitized run of a lexicon-sized input can pass it for want of CPU alone;
# .ci/run allows 5 s for that reason, the campaign keeps 1 s.
per_input="${FUZZ_TIMEOUT:-1}"
shared="${TIAOLI_SHARED:-../shared}"
fuzz=crates/fuzz
export RUSTC_BOOTSTRAP=1
# AddressSanitizer keeps 256 MB of freed memory by default, which counts against
# the 512 MB bound; a smaller quarantine keeps the bound about tiaoli's memory.
export ASAN_OPTIONS="${ASAN_OPTIONS:-quarantine_size_mb=64}"

seed() {
  local t="$1" dir="$fuzz/corpus/$1"
  mkdir -p "$dir"
  case "$t" in
    rules|fmt_roundtrip|diff)
      for f in rules/*.tiaoli rules/lexicon/*.tiaoli examples/*.tiaoli tests/fixtures/*.tiaoli \
               tests/fixtures/*/*.tiaoli; do
        [ -f "$f" ] && cp "$f" "$dir/seed-$(echo "$f" | tr / _)"
      done ;;
    facts)
      # The first byte chooses the format: 0 YAML, 1 JSON, 2 JSON Lines.
      for f in examples/*.yaml tests/fixtures/bad_input/*.yaml; do
        [ -f "$f" ] && { printf '\000'; cat "$f"; } > "$dir/seed-$(echo "$f" | tr / _)"
      done
      printf '\001{"as_of":"2025-03-01","units":[{"id":"a","kind":"公安部门","level":"县","region":"海东市/平安区","events":[{"type":"挂牌督办","date":"2024-11-01","deadline":"2025-02-01"}]}]}' > "$dir/seed-json"
      printf '\002{"id":"a","kind":"公安部门","level":"县","region":"海东市"}\n{"id":"b","kind":"学校","level":"市"}\n' > "$dir/seed-jsonl" ;;
    lift)
      for f in "$shared"/corpus/*.txt "$shared"/seeds/*.txt tests/fixtures/bad_input/*.txt; do
        [ -f "$f" ] && cp "$f" "$dir/seed-$(basename "$f")"
      done ;;
  esac
}

run() {
  local t="$1"
  seed "$t"
  mkdir -p "$fuzz/artifacts/$t"
  echo "== fuzz $t for ${seconds}s"
  cargo fuzz run --fuzz-dir "$fuzz" -O "$t" "$fuzz/corpus/$t" -- \
    -max_total_time="$seconds" -timeout="$per_input" -rss_limit_mb=512 \
    -artifact_prefix="$fuzz/artifacts/$t/" -print_final_stats=1
}

# Every input kept (the corpus and the artifacts) run once, with the same
# bounds, on an idle machine: libFuzzer's timeout is wall-clock, so a campaign
# starved of CPU reports "timeouts" that say nothing about the inputs; this says
# which inputs really pass the bound. Prints the counts and the slowest inputs
# (libFuzzer's `Executed … in N ms` includes the rerun of a leak check, which
# the per-input timeout does not count).
replay() {
  local t="$1" list out
  seed "$t"
  cargo fuzz build --fuzz-dir "$fuzz" -O "$t"
  list=$(mktemp); out=$(mktemp)
  mkdir -p "$fuzz/artifacts/$t"
  find "$fuzz/corpus/$t" "$fuzz/artifacts/$t" -type f | sort > "$list"
  xargs -r -n 100 "$fuzz/target/x86_64-unknown-linux-gnu/release/$t" \
    -timeout="$per_input" -rss_limit_mb=512 < "$list" > "$out" 2>&1 || true
  echo "$t: $(wc -l < "$list") inputs, $(grep -c '^Executed' "$out") run," \
    "$(grep -c 'ALARM' "$out") timeouts, $(grep -E 'ERROR|panicked' "$out" | grep -vc 'timeout after') crashes or OOMs;" \
    "slowest (ms):"
  grep '^Executed' "$out" | awk '{print $(NF-1), $2}' | sort -rn | head -3 || true
  rm -f "$list" "$out"
}

if [ "$target" = replay ]; then
  replay "${2:?replay: which target}"
elif [ "$target" = all ]; then
  for t in "${TARGETS[@]}"; do run "$t"; done
else
  run "$target"
fi
