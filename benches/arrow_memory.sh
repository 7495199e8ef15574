#!/usr/bin/env bash
# Converts a 4 GiB .npy of packed Person records to Parquet and reports the
# peak memory: `typed-layout convert` (input streamed through io::Read, so
# its maximum RSS is its own memory: the file's pages stay in the page
# cache) and the npy_to_parquet example (VmHWM, and RssAnon sampled after
# every batch). Needs about 6 GiB free in ${TMPDIR:-/tmp}; the files are
# deleted at the end. Usage: benches/arrow_memory.sh [zstd|snappy|lz4|none]
set -euo pipefail
cd "$(dirname "$0")/.."
compression="${1:-zstd}"
dir="${TMPDIR:-/tmp}/typed-layout-arrow-memory-$$"
mkdir -p "$dir"
trap 'rm -rf "$dir"' EXIT
free_kb=$(df -Pk "$dir" | awk 'NR == 2 { print $4 }')
if [ "$free_kb" -lt $((6 * 1024 * 1024)) ]; then
    echo "arrow_memory: $dir has $((free_kb / 1024)) MiB free; 6 GiB needed" >&2
    exit 1
fi
cargo build --release -p typed-layout-cli --features arrow
cargo build --release --example npy_to_parquet --features arrow
python3 - "$dir/people.npy" <<'PY'
import sys
import numpy as np
dtype = np.dtype([("name", "S32"), ("age", "<i4"), ("salary", "<f8")])
rows = (4 << 30) // dtype.itemsize
out = np.lib.format.open_memmap(sys.argv[1], mode="w+", dtype=dtype, shape=(rows,))
step = 1 << 22
for start in range(0, rows, step):
    n = min(step, rows - start)
    i = np.arange(start, start + n)
    out["name"][start:start + n] = np.char.add(b"p", i.astype("S10"))
    out["age"][start:start + n] = 18 + i % 70
    out["salary"][start:start + n] = 30_000.0 + (i % 1000) * 55.5
out.flush()
print("wrote", rows, "records,", rows * dtype.itemsize, "bytes of data")
PY
ls -l "$dir/people.npy"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
# The maximum RSS of each child, from the kernel's rusage.
python3 - "$dir" "$compression" <<'PY'
import os, resource, subprocess, sys, time
dir, compression = sys.argv[1], sys.argv[2]
start = time.perf_counter()
subprocess.run([os.environ.get("CARGO_TARGET_DIR", "target") + "/release/typed-layout", "convert", f"{dir}/people.npy",
                f"{dir}/people.parquet", "--compression", compression], check=True)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"typed-layout convert ({compression}): {seconds:.1f} s, peak RSS {peak / 1024:.0f} MiB")
PY
ls -l "$dir/people.parquet"
rm -f "$dir/people.parquet"
"${CARGO_TARGET_DIR:-target}"/release/examples/npy_to_parquet "$dir/people.npy" "$dir/people.parquet" "$compression"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
