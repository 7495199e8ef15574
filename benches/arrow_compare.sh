#!/usr/bin/env bash
# Records to Arrow: the Rust group (ours, memcpy, serde_arrow) and pyarrow
# fed from NumPy in the same run, then one table of ratios.
# Usage: benches/arrow_compare.sh [criterion filter]
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install --quiet --disable-pip-version-check numpy pyarrow
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
cargo bench -p typed-layout-benches --bench arrow --features arrow,rayon -- "$@"
python3 benches/python/arrow_compare.py --criterion target/criterion
