#!/usr/bin/env bash
# Runs the test suite (UI tests excluded: they only compile) under
# AddressSanitizer (nightly) and under valgrind memcheck (stable).
#
#   scripts/sanitize.sh          both
#   scripts/sanitize.sh asan     AddressSanitizer only
#   scripts/sanitize.sh valgrind valgrind only
#
# A missing nightly toolchain or valgrind is reported and skipped, never a
# failure; a sanitizer report is a failure.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-all}
host=$(rustc -vV | sed -n 's/^host: //p')
skip_ui=(-- --skip compile_fail --skip compile_pass)

run_asan() {
    if ! rustup run nightly rustc --version >/dev/null 2>&1; then
        echo "asan: no nightly toolchain installed; skipped"
        return 0
    fi
    echo "== AddressSanitizer (nightly, $host)"
    # --target keeps the sanitizer flags off proc macros and build scripts.
    # allocator_may_return_null: an impossible allocation returns null, as
    # the system allocator does, instead of aborting in ASan itself; the
    # tests check that the library turns it into AllocationFailed.
    RUSTFLAGS="-Zsanitizer=address" ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1" \
        CARGO_TARGET_DIR=target/asan \
        cargo +nightly test --workspace --tests --target "$host" "${skip_ui[@]}"
    echo "== AddressSanitizer, interop features (their unsafe code runs only there)"
    RUSTFLAGS="-Zsanitizer=address" ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1" \
        CARGO_TARGET_DIR=target/asan \
        cargo +nightly test -p typed-layout --target "$host" \
        --features bytemuck,image,ndarray,rayon \
        --test with_bytemuck --test with_image --test with_ndarray --test with_rayon
}

run_valgrind() {
    if ! command -v valgrind >/dev/null; then
        echo "valgrind: not installed; skipped"
        return 0
    fi
    echo "== valgrind memcheck (stable)"
    local binaries
    # The whole suite, then the interop tests with their features (without
    # them those files are empty).
    binaries=$({
        CARGO_TARGET_DIR=target/valgrind cargo test --workspace --tests --no-run --message-format=json
        CARGO_TARGET_DIR=target/valgrind cargo test -p typed-layout --no-run --message-format=json \
            --features bytemuck,image,ndarray,rayon \
            --test with_bytemuck --test with_image --test with_ndarray --test with_rayon
    } 2>/dev/null |
        python3 -c 'import json,sys
for line in sys.stdin:
    m = json.loads(line)
    target = m.get("target", {})
    if m.get("reason") == "compiler-artifact" and m.get("executable") and m.get("profile", {}).get("test") and target["name"] != "ui" and "proc-macro" not in target["kind"]:
        print(m["executable"])')
    for binary in $binaries; do
        echo "-- $binary"
        # Fewer property-test cases: valgrind is ~50x slower.
        PROPTEST_CASES=32 valgrind --quiet --error-exitcode=99 --track-origins=yes \
            "$binary" --test-threads=1 -q
    done
}

case "$mode" in
    asan) run_asan ;;
    valgrind) run_valgrind ;;
    all) run_asan; run_valgrind ;;
    *) echo "usage: $0 [asan|valgrind|all]" >&2; exit 2 ;;
esac
echo "sanitize: clean"
