"""pyarrow fed from a NumPy structured array: 10 M packed Person records to
a pyarrow Table, `pa.table({f: a[f] for f in a.dtype.names})`, beside
NumPy's copy of the whole buffer (a memcpy) in the same run. Medians of 7
runs.

With `--criterion DIR` (benches/arrow_compare.sh passes target/criterion)
it also prints the table of the whole run: the Rust medians of
`records_to_arrow_10M` (benches/arrow.rs) as ratios to their memcpy
baselines, serde_arrow against ours, and pyarrow against ours.
"""

import argparse
import json
import os
import statistics
import time

import numpy as np
import pyarrow as pa

N = 10_000_000


def median_seconds(fn, runs=7):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def python_side():
    dtype = np.dtype([("name", "S32"), ("age", "<i4"), ("salary", "<f8")])
    assert dtype.itemsize == 44
    a = np.zeros(N, dtype)
    a["name"] = np.char.add(b"p", np.arange(N).astype("S8"))
    a["age"] = 18 + np.arange(N) % 70
    a["salary"] = 30_000.0 + (np.arange(N) % 1000) * 55.5
    raw = a.view(np.uint8)
    target = np.ones_like(raw)
    memcpy = median_seconds(lambda: np.copyto(target, raw))
    table = median_seconds(lambda: pa.table({f: a[f] for f in a.dtype.names}))
    return {
        "pyarrow": pa.__version__,
        "numpy": np.__version__,
        "memcpy_ms": memcpy * 1e3,
        "pa_table_ms": table * 1e3,
        "pa_table_over_memcpy": table / memcpy,
    }


def criterion_median_ms(root, group, function):
    path = os.path.join(root, group, function, "new", "estimates.json")
    try:
        with open(path) as f:
            return json.load(f)["median"]["point_estimate"] / 1e6
    except FileNotFoundError:
        return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--criterion", help="criterion's output directory")
    args = parser.parse_args()
    py = python_side()
    print(json.dumps(py))
    if not args.criterion:
        return
    group = "records_to_arrow_10M"
    rust = {
        name: criterion_median_ms(args.criterion, group, name)
        for name in ["memcpy_440MB", "memcpy_440MB_fresh", "to_record_batch",
                     "par_to_record_batch"]
    }
    serde_group = "records_to_arrow_10M_serde"
    serde_memcpy = criterion_median_ms(args.criterion, serde_group, "memcpy_440MB")
    serde = criterion_median_ms(args.criterion, serde_group, "serde_arrow")
    ours = rust["to_record_batch"]
    rows = []

    def row(what, ms, baseline_name, baseline_ms):
        if ms is None or baseline_ms is None:
            return
        rows.append((what, f"{ms:.1f} ms", f"{baseline_name} {baseline_ms:.1f} ms",
                     f"{ms / baseline_ms:.2f}"))

    row("to_record_batch", ours, "memcpy into a written buffer", rust["memcpy_440MB"])
    row("to_record_batch", ours, "memcpy into a fresh allocation",
        rust["memcpy_440MB_fresh"])
    row("par_to_record_batch", rust["par_to_record_batch"], "to_record_batch", ours)
    row("serde_arrow::to_record_batch", serde, "to_record_batch", ours)
    if serde is not None and serde_memcpy is not None:
        row("  (its own group's memcpy)", serde, "memcpy into a written buffer", serde_memcpy)
    row("pa.table(a[f] ...)", py["pa_table_ms"], "to_record_batch", ours)
    if ours is not None and rust["memcpy_440MB"] is not None:
        # The same comparison through each side's own memcpy, in case the
        # machine's speed moved between the two processes.
        ours_over_memcpy = ours / rust["memcpy_440MB"]
        rows.append(("pyarrow / ours, each over its memcpy",
                     f"{py['pa_table_over_memcpy']:.2f}", f"{ours_over_memcpy:.2f}",
                     f"{py['pa_table_over_memcpy'] / ours_over_memcpy:.2f}"))
    print(f"\n10 M packed Person records (440 MB) to Arrow; medians; pyarrow "
          f"{py['pyarrow']}, NumPy {py['numpy']}, load {os.getloadavg()[0]:.2f}")
    print("| workload | time | baseline | ratio |")
    print("|---|---:|---|---:|")
    for r in rows:
        print("| " + " | ".join(r) + " |")


if __name__ == "__main__":
    main()
