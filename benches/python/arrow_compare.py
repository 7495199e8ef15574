"""pyarrow fed from a NumPy structured array: 10 M packed Person records
to a pyarrow Table, beside NumPy's copy of the whole buffer (a memcpy) in
the same run, so the figure is a ratio comparable with benches/arrow.rs.
Medians of 7 runs."""

import json
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


def main():
    dtype = np.dtype([("name", "S32"), ("age", "<i4"), ("salary", "<f8")])
    a = np.zeros(N, dtype)
    a["name"] = np.char.add(b"p", np.arange(N).astype("S8"))
    a["age"] = 18 + np.arange(N) % 70
    a["salary"] = 30_000.0 + (np.arange(N) % 1000) * 55.5
    raw = a.view(np.uint8)
    target = np.ones_like(raw)
    memcpy = median_seconds(lambda: np.copyto(target, raw))
    table = median_seconds(lambda: pa.table({f: a[f] for f in a.dtype.names}))
    print(json.dumps({"pyarrow": pa.__version__, "numpy": np.__version__,
                      "memcpy_ms": memcpy * 1e3, "pa_table_ms": table * 1e3,
                      "pa_table_over_memcpy": table / memcpy}))


if __name__ == "__main__":
    main()
