#!/usr/bin/env bash
# Runs the Rust benchmarks and the same workloads in NumPy, OpenCV and
# Pillow, then prints one table. Usage: benches/compare.sh [criterion filter]
set -euo pipefail
cd "$(dirname "$0")/.."

venv=target/bench-venv
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check numpy opencv-python-headless pillow

# The rayon feature adds the parallel groups beside their sequential forms,
# fast_image_resize its resize beside our downscale.
cargo bench -p typed-layout-benches --bench workloads --features rayon,fast_image_resize -- "$@"
"$venv/bin/python" benches/python/compare.py --criterion target/criterion
