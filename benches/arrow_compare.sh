#!/usr/bin/env bash
# Records to Arrow: the Rust group (ours, memcpy, serde_arrow) and pyarrow
# fed from NumPy in the same run. Usage: benches/arrow_compare.sh
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install --quiet --disable-pip-version-check numpy pyarrow
cargo bench --bench arrow --features arrow,rayon
python3 benches/python/arrow_compare.py
