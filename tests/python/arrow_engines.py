"""The engines people use read the Parquet and Arrow IPC files typed-layout
writes, and typed-layout reads what pyarrow writes (tests/arrow_engines.rs).

    arrow_engines.py write DIR   NumPy writes one .npy file per case; pyarrow
                                 writes people tables for the way back.
    arrow_engines.py check DIR   pyarrow, DuckDB and DataFusion read every
                                 CASE.parquet / CASE.arrow the Rust side wrote:
                                 pyarrow's values equal NumPy's (value by
                                 value), DuckDB's and DataFusion's equal
                                 pyarrow's, and the mean salary by age decade
                                 equals NumPy's answer in every engine.
"""

import json
import os
import sys

import numpy as np

ROWS = 20_000


def cases():
    """name -> structured array, each written by NumPy itself."""
    rng = np.random.default_rng(17)
    n = ROWS
    names = np.array([b"person-%d" % i for i in range(n)], dtype="S32")
    ages = rng.integers(18, 90, n).astype(np.int32)
    salaries = rng.normal(50_000, 15_000, n).round(2)
    out = {}
    for case, dtype in [
        ("people_packed", np.dtype([("name", "S32"), ("age", "<i4"), ("salary", "<f8")])),
        ("people_aligned", np.dtype([("name", "S32"), ("age", "<i4"), ("salary", "<f8")], align=True)),
        ("people_big", np.dtype([("name", "S32"), ("age", ">i4"), ("salary", ">f8")])),
    ]:
        a = np.zeros(n, dtype)
        a["name"], a["age"], a["salary"] = names, ages, salaries
        out[case] = a

    nested = np.zeros(n, [("id", "<u8"), ("pos", [("x", "<f4"), ("y", ">f4")]),
                          ("meta", [("flag", "?"), ("code", "<i2")]), ("age", "<i4"), ("salary", "<f8")])
    nested["id"] = np.arange(n)
    nested["pos"]["x"] = rng.random(n, dtype=np.float32)
    nested["pos"]["y"] = -rng.random(n, dtype=np.float32)
    nested["meta"]["flag"] = rng.random(n) < 0.5
    nested["meta"]["code"] = rng.integers(-300, 300, n)
    nested["age"], nested["salary"] = ages, salaries
    out["nested"] = nested

    sub = np.zeros(n, [("id", "<i4"), ("v", "<f4", (3,)), ("m", ">u2", (2, 3)),
                       ("pts", [("x", "<f4"), ("y", "<f4")], (2,)), ("age", "<i4"), ("salary", "<f8")])
    sub["id"] = np.arange(n)
    sub["v"] = rng.random((n, 3), dtype=np.float32)
    sub["m"] = rng.integers(0, 60000, (n, 2, 3))
    sub["pts"]["x"] = rng.random((n, 2), dtype=np.float32)
    sub["pts"]["y"] = rng.random((n, 2), dtype=np.float32)
    sub["age"], sub["salary"] = ages, salaries
    out["subarray"] = sub

    fam = np.zeros(n, [("b", "?"), ("i1", "i1"), ("u2", "<u2"), ("i8", ">i8"), ("u8", "<u8"),
                       ("h", "<f2"), ("f", ">f4"), ("s", "S5"), ("u", "<U4"), ("ub", ">U2"),
                       ("c8", "<c8"), ("c16", ">c16"), ("t", "<M8[ns]"), ("ts", ">M8[s]"),
                       ("tms", "<M8[ms]"), ("tus", "<M8[us]"), ("day", "<M8[D]"),
                       ("td", "<m8[ms]"), ("tdn", ">m8[ns]"), ("v", "V3"),
                       ("age", "<i4"), ("salary", "<f8")])
    fam["b"] = rng.random(n) < 0.3
    fam["i1"] = rng.integers(-128, 128, n)
    fam["u2"] = rng.integers(0, 65536, n)
    fam["i8"] = rng.integers(-2**62, 2**62, n)
    fam["u8"] = rng.integers(0, 2**63, n, dtype=np.uint64) * 2 + 1
    fam["h"] = (rng.integers(-2048, 2048, n) / 16).astype("<f2")
    fam["f"] = rng.random(n, dtype=np.float32)
    words = ["", "a", "\u00e9t\u00e9", "\U0001F600x", "abcd", "z\u03bc"]
    fam["s"] = [w.encode("utf-8")[:5] for w in np.array(words)[np.arange(n) % len(words)]]
    fam["u"] = [words[i % len(words)] for i in range(n)]
    fam["ub"] = [words[(i + 1) % len(words)][:2] for i in range(n)]
    fam["c8"] = rng.random(n) + 1j * rng.random(n)
    fam["c16"] = rng.random(n) - 1j * rng.random(n)
    secs = rng.integers(0, 2_000_000_000, n)
    fam["t"] = (secs * 1_000_000_000 + 7).astype("M8[ns]")
    fam["ts"] = secs.astype("M8[s]")
    fam["tms"] = (secs * 1000).astype("M8[ms]")
    fam["tus"] = (secs * 1_000_000).astype("M8[us]")
    fam["day"] = (secs // 86400).astype("M8[D]")
    fam["td"] = rng.integers(-10**9, 10**9, n).astype("m8[ms]")
    fam["tdn"] = rng.integers(-10**12, 10**12, n).astype("m8[ns]")
    for field in ("t", "ts", "day", "td"):
        fam[field][::97] = np.datetime64("NaT") if field != "td" else np.timedelta64("NaT")
    fam["v"] = [bytes([i % 256, 0, 255]) for i in range(n)]
    fam["age"], fam["salary"] = ages, salaries
    out["families"] = fam

    out["plain"] = rng.random((n, 4))
    return out


def write(directory):
    import pyarrow as pa
    import pyarrow.parquet as pq
    import pyarrow.ipc as ipc

    for case, array in cases().items():
        np.save(os.path.join(directory, case + ".npy"), array)
    # The way back: pyarrow writes people from the NumPy array; the byte
    # strings as FixedSizeBinary (for the .npy dtype) and as
    # FixedSizeList<UInt8> (for a Rust `name: [u8; 32]` field).
    people = cases()["people_packed"]
    as_binary = pa.table({
        "name": pa.array(people["name"], type=pa.binary(32)),
        "age": pa.array(people["age"]),
        "salary": pa.array(people["salary"]),
    })
    as_list = pa.table({
        "name": pa.FixedSizeListArray.from_arrays(pa.array(np.ascontiguousarray(people["name"]).view("u1").reshape(-1)), 32),
        "age": pa.array(people["age"]),
        "salary": pa.array(people["salary"]),
    })
    for name, table in [("pyarrow_binary", as_binary), ("pyarrow_list", as_list)]:
        pq.write_table(table, os.path.join(directory, name + ".parquet"), row_group_size=3000)
        with ipc.new_file(os.path.join(directory, name + ".arrow"), table.schema) as sink:
            for batch in table.to_batches(max_chunksize=5000):
                sink.write_batch(batch)


def expected(dtype, value):
    """The Python value pyarrow should give for one NumPy value, with
    datetimes as their integer counts (None for NaT)."""
    if dtype.subdtype is not None:
        base, shape = dtype.subdtype
        value = np.asarray(value)
        inner = np.dtype((base, shape[1:])) if len(shape) > 1 else base
        return [expected(inner, v) for v in value]
    if dtype.names is not None:
        return {name: expected(dtype.fields[name][0], value[name]) for name in dtype.names}
    kind = dtype.kind
    if kind == "b":
        return bool(value)
    if kind in "iu":
        return int(value)
    if kind == "f":
        return float(value)
    if kind == "c":
        return {"re": float(value.real), "im": float(value.imag)}
    if kind == "S":
        return bytes(value).ljust(dtype.itemsize, b"\0")
    if kind == "V":
        return bytes(value)
    if kind == "U":
        return str(value)
    if kind in "Mm":
        if np.isnat(value):
            return None
        return int(np.asarray(value).astype(np.int64))
    raise AssertionError("unexpected dtype %r" % dtype)


def integer_times(arrow_type):
    """The same type with timestamps, durations and dates as integers."""
    import pyarrow as pa
    t = arrow_type
    if pa.types.is_timestamp(t) or pa.types.is_duration(t):
        return pa.int64()
    if pa.types.is_date32(t):
        return pa.int32()
    if pa.types.is_fixed_size_list(t):
        return pa.list_(pa.field(t.value_field.name, integer_times(t.value_type)), t.list_size)
    if pa.types.is_struct(t):
        return pa.struct([pa.field(f.name, integer_times(f.type)) for f in t])
    return t


def has_type(arrow_type, test):
    import pyarrow as pa
    if test(arrow_type):
        return True
    if pa.types.is_fixed_size_list(arrow_type):
        return has_type(arrow_type.value_type, test)
    if pa.types.is_struct(arrow_type):
        return any(has_type(f.type, test) for f in arrow_type)
    return False


def comparable(table):
    import pyarrow as pa
    schema = pa.schema([pa.field(f.name, integer_times(f.type)) for f in table.schema])
    return table.cast(schema).to_pylist()


def rows_of(array):
    """Rows as dicts of the non-padding fields (a plain array: column f0)."""
    if array.dtype.names is None:
        return [{"f0": expected(np.dtype((array.dtype, array.shape[1:])), v)} for v in array]
    return [expected(array.dtype, v) for v in array]


def same(a, b):
    """Equal, with floats equal to within float16/float32 rounding of the
    engines that widen them."""
    if isinstance(a, float) or isinstance(b, float):
        return a == b or (a is not None and b is not None and abs(a - b) <= 1e-6 * max(1.0, abs(a)))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b


def first_difference(got, want):
    for row, (g, w) in enumerate(zip(got, want)):
        if not same(g, w):
            for key in w:
                if not same(g.get(key), w[key]):
                    return "row %d column %s: got %r, NumPy/pyarrow %r" % (row, key, g.get(key), w[key])
    if len(got) != len(want):
        return "%d rows instead of %d" % (len(got), len(want))
    return None


def decade_means_numpy(array):
    ages = array["age"].astype(np.int64)
    salary = array["salary"].astype(np.float64)
    decades = ages // 10 * 10
    return {int(d): float(salary[decades == d].mean()) for d in np.unique(decades)}


# Integer division is `//` in DuckDB and `/` of integers in DataFusion.
DUCKDB_QUERY = "SELECT (CAST(age AS BIGINT) // 10) * 10 AS decade, AVG(salary) AS mean FROM t GROUP BY 1 ORDER BY 1"
DATAFUSION_QUERY = "SELECT (CAST(age AS BIGINT) / 10) * 10 AS decade, AVG(salary) AS mean FROM t GROUP BY 1 ORDER BY 1"


def check(directory):
    import duckdb
    import datafusion
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.ipc as ipc
    import pyarrow.parquet as pq

    report = {"versions": {"numpy": np.__version__, "pyarrow": pa.__version__,
                           "duckdb": duckdb.__version__, "datafusion": datafusion.__version__},
              "checked": []}
    failures = []
    for case, source in sorted((c, np.load(os.path.join(directory, c + ".npy"))) for c in cases()):
        want = rows_of(source)
        for ext in ("parquet", "arrow"):
            path = os.path.join(directory, case + "." + ext)
            ours = pq.read_table(path) if ext == "parquet" else ipc.open_file(path).read_all()
            problem = first_difference(comparable(ours), want)
            if problem:
                failures.append("pyarrow %s.%s: %s" % (case, ext, problem))
                continue
            con = duckdb.connect()
            if ext == "parquet":
                duck = con.sql("SELECT * FROM read_parquet('%s')" % path).to_arrow_table()
            else:
                # DuckDB reads Arrow data through the Arrow C stream of the
                # opened file (its own IPC reader is an extension). It does
                # not import Arrow's Float16, and imports durations as its
                # INTERVAL, which it cannot hand back as Arrow durations
                # (it reads both from Parquet, checked above): those
                # columns are left out here, and reported.
                t = ipc.open_file(path).read_all()
                left_out = [f.name for f in t.schema if has_type(f.type, pa.types.is_float16)
                            or has_type(f.type, pa.types.is_duration)]
                if left_out:
                    report.setdefault("duckdb_ipc_left_out", []).append("%s.%s: %s" % (case, ext, ", ".join(left_out)))
                    t = t.drop_columns(left_out)
                duck = con.sql("SELECT * FROM t").to_arrow_table()
            ctx = datafusion.SessionContext()
            if ext == "parquet":
                ctx.register_parquet("t", path)
            else:
                ctx.register_arrow("t", path)
            fusion = pa.Table.from_batches(ctx.sql("SELECT * FROM t").collect())
            for engine, table in (("duckdb", duck), ("datafusion", fusion)):
                schema = pa.schema([ours.schema.field(name) for name in table.column_names])
                reference = comparable(ours.select(table.column_names))
                try:
                    got = comparable(table.cast(schema))
                except (pa.ArrowInvalid, pa.ArrowNotImplementedError) as error:
                    failures.append("%s %s.%s: cannot cast to our schema: %s" % (engine, case, ext, error))
                    continue
                # SQL gives no row order without ORDER BY (DataFusion reads
                # IPC batches in parallel): compare the rows as multisets.
                problem = first_difference(sorted(got, key=repr), sorted(reference, key=repr))
                if problem:
                    failures.append("%s %s.%s: %s" % (engine, case, ext, problem))
            if source.dtype.names and "age" in source.dtype.names:
                numpy_means = decade_means_numpy(source)
                decade = pc.multiply(pc.divide(ours["age"].cast(pa.int64()), 10), 10)
                grouped = pa.table({"decade": decade, "salary": ours["salary"]}).group_by("decade").aggregate([("salary", "mean")])
                results = {"pyarrow": dict(zip(grouped["decade"].to_pylist(), grouped["salary_mean"].to_pylist()))}
                t = ours.select(["age", "salary"])
                results["duckdb"] = {r[0]: r[1] for r in con.sql(DUCKDB_QUERY).fetchall()}
                sql = ctx.sql(DATAFUSION_QUERY).to_pydict()
                results["datafusion"] = dict(zip(sql["decade"], sql["mean"]))
                for engine, means in results.items():
                    if means.keys() != numpy_means.keys() or any(
                            abs(means[d] - numpy_means[d]) > 1e-9 * abs(numpy_means[d]) for d in numpy_means):
                        failures.append("%s %s.%s: mean salary by decade %r, NumPy %r" % (engine, case, ext, means, numpy_means))
            report["checked"].append("%s.%s" % (case, ext))
    print(json.dumps(report))
    if failures:
        print("\n".join(failures), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    {"write": write, "check": check}[sys.argv[1]](sys.argv[2])
