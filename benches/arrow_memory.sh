#!/usr/bin/env bash
# Converts a 4 GiB .npy of packed Person records to Parquet through
# io::Read and reports the peak memory (VmHWM and RssAnon of the
# converting process). The files go to ${TMPDIR:-/tmp} and are deleted.
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${TMPDIR:-/tmp}/typed-layout-arrow-memory-$$"
mkdir -p "$dir"
trap 'rm -rf "$dir"' EXIT
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
cargo build --release --example npy_to_parquet --features arrow
/usr/bin/time -v target/release/examples/npy_to_parquet "$dir/people.npy" "$dir/people.parquet" zstd 2> "$dir/time.txt"
grep -E "Maximum resident|Elapsed" "$dir/time.txt"
ls -l "$dir/people.parquet"
