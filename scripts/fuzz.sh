#!/usr/bin/env bash
# Builds and runs every fuzz target for SECONDS each (default 60), starting
# from the seed corpus kept in fuzz/corpus/<target>/seed-*. Needs the nightly
# toolchain and cargo-fuzz (`cargo install cargo-fuzz`); without them it
# prints a notice and exits 0. Crashes are saved under fuzz/artifacts/.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds=${1:-60}
shift || true
if ! rustup run nightly rustc --version >/dev/null 2>&1 || ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    echo "fuzz: nightly toolchain or cargo-fuzz missing; skipped"
    exit 0
fi
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    mapfile -t targets < <(cargo +nightly fuzz list)
fi
cargo +nightly fuzz build
for target in "${targets[@]}"; do
    mkdir -p "corpus/$target"
    echo "== fuzz $target for ${seconds}s"
    cargo +nightly fuzz run "$target" "corpus/$target" -- \
        -max_total_time="$seconds" -print_final_stats=1 2>&1 |
        grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|Done|==[0-9]+==|SUMMARY|thread)" || true
    if ls "artifacts/$target"/crash-* >/dev/null 2>&1; then
        echo "fuzz: $target found a crash; see fuzz/artifacts/$target" >&2
        exit 1
    fi
done
echo "fuzz: no crashes"
