"""NumPy's side of the .npy round trips in tests/npy_numpy.rs.

    python3 npy_roundtrip.py write DIR          write every case as DIR/<case>.npy
    python3 npy_roundtrip.py check CASE FILE    load FILE (written by Rust) and
                                                compare it with case CASE

Every value is a formula of the element index, so the Rust test can compute
the same values independently. Exit status 0 means every comparison held.
"""

import io
import sys
import warnings

try:
    import numpy as np
except ImportError:
    sys.stderr.write(
        "NumPy is not installed for this python3; the round-trip tests need it: "
        "python3 -m pip install numpy\n"
    )
    sys.exit(3)

N = 37
LONG_FIELDS = 3000
H, W = 6, 5

PERSON = [("name", "S32"), ("age", "<i4"), ("salary", "<f8")]


def people(dtype, n=N):
    a = np.zeros(n, dtype)
    for i in range(n):
        a[i]["name"] = f"person-{i}".encode()
    a["age"] = [(20 + 3 * i) % 90 for i in range(n)]
    a["salary"] = [1000.0 + 12.5 * i for i in range(n)]
    return a


def make(case):
    """(array, save options) for one case."""
    if case == "person_packed":
        return people(np.dtype(PERSON))
    if case == "person_aligned":
        return people(np.dtype(PERSON, align=True))
    if case == "person_big":
        return people(np.dtype([("name", "S32"), ("age", ">i4"), ("salary", ">f8")]))
    if case == "person_2d":
        return people(np.dtype(PERSON), 12).reshape(3, 4)
    if case == "person_empty":
        return people(np.dtype(PERSON), 0)
    if case == "subarray":
        a = np.zeros(N, [("rgb", "u1", (3,)), ("a", "u1"), ("m", "<f4", (2, 3))])
        for i in range(N):
            a[i]["rgb"] = [i % 256, (2 * i) % 256, (3 * i) % 256]
            a[i]["a"] = 255 - i
            a[i]["m"] = np.arange(6, dtype="<f4").reshape(2, 3) + i
        return a
    if case == "nested":
        a = np.zeros(N, [("p", [("x", "<f4"), ("y", "<f4")]), ("id", "<u2")])
        a["p"]["x"] = np.arange(N) * 0.5
        a["p"]["y"] = np.arange(N) * -1.5
        a["id"] = np.arange(N) + 1000
        return a
    if case == "nested_aligned":
        inner = np.dtype([("x", "<i2"), ("y", "<f8")], align=True)
        a = np.zeros(N, np.dtype([("p", inner), ("q", "u1")], align=True))
        a["p"]["x"] = np.arange(N) - 10
        a["p"]["y"] = np.arange(N) * 0.25
        a["q"] = np.arange(N) % 7
        return a
    if case == "bgra":
        y, x = np.mgrid[0:H, 0:W]
        return np.stack([x * 10, y * 20, (x + y) % 256, np.full_like(x, 255)], axis=-1).astype("u1")
    if case == "long_header":
        dtype = np.dtype([(f"field_{k:05}", "<f8") for k in range(LONG_FIELDS)])
        a = np.zeros(4, dtype)
        for k in range(LONG_FIELDS):
            a[f"field_{k:05}"] = [i * 1000.0 + k for i in range(4)]
        return a
    if case == "unicode_names":
        a = np.zeros(N, [("日本", "<f8"), ("ß", "<i4")])
        a["日本"] = np.arange(N) * 2.0
        a["ß"] = -np.arange(N)
        return a
    if case == "plain_f8":
        return np.arange(11, dtype="<f8") * 0.5
    if case == "plain_empty_2d":
        return np.zeros((0, 3), "<f8")
    if case == "scalar_f8":
        return np.array(42.5, "<f8")
    if case == "fortran_f8":
        return np.asfortranarray(np.arange(12, dtype="<f8").reshape(3, 4))
    if case == "datetime":
        return (np.arange(5) * 1_000_000_000).astype("<M8[ns]")
    if case == "mixed_kinds":
        a = np.zeros(N, [("b", "?"), ("c", "<c16"), ("u", "<U3"), ("big", ">u2")])
        a["b"] = np.arange(N) % 2 == 1
        a["c"] = np.arange(N) + 1j * (np.arange(N) * 2)
        a["u"] = [f"{i:03}" for i in range(N)]
        a["big"] = np.arange(N) * 3
        return a
    raise SystemExit(f"unknown case {case}")


CASES = [
    "person_packed", "person_aligned", "person_big", "person_2d", "person_empty",
    "subarray", "nested", "nested_aligned", "bgra", "long_header", "unicode_names",
    "plain_f8", "plain_empty_2d", "scalar_f8", "fortran_f8", "datetime", "mixed_kinds",
]


def load(path):
    # The long-header case is over NumPy's default 10000-byte limit.
    return np.load(path, max_header_size=1 << 20)


def fail(message):
    sys.stderr.write(message + "\n")
    sys.exit(1)


def real_names(dtype):
    return [n for n in (dtype.names or ()) if not n.startswith("_pad")]


def compare(case, got, want):
    """Value-for-value comparison; the Rust type may spell fields
    differently (|u1 arrays for S, explicit _pad fields for gaps)."""
    got = got.reshape(-1)
    want = want.reshape(-1)
    if got.shape != want.shape:
        fail(f"{case}: shape {got.shape} != {want.shape}")
    if got.dtype.itemsize != want.dtype.itemsize:
        fail(f"{case}: itemsize {got.dtype.itemsize} != {want.dtype.itemsize}")
    if want.dtype.names is None:
        if got.dtype != want.dtype and got.view("u1").tobytes() != want.view("u1").tobytes():
            fail(f"{case}: plain dtype {got.dtype} != {want.dtype}")
        if got.tobytes() != want.tobytes():
            fail(f"{case}: data differs")
        return
    compare_fields(case, got, want, "")


def compare_fields(case, got, want, path):
    """Field by field, recursing into nested records: the bytes of gaps
    are not compared (NumPy does not copy them when viewing a field)."""
    if real_names(got.dtype) != real_names(want.dtype):
        fail(f"{case}: fields {got.dtype.names} != {want.dtype.names} at {path or 'top level'}")
    for name in real_names(want.dtype):
        g, w = got[name], want[name]
        if got.dtype.fields[name][1] != want.dtype.fields[name][1]:
            fail(f"{case}: field {path}{name} at offset {got.dtype.fields[name][1]}, want {want.dtype.fields[name][1]}")
        if w.dtype.names is not None:
            compare_fields(case, g, w, f"{path}{name}.")
            continue
        if g.tobytes() != w.tobytes():
            fail(f"{case}: field {path}{name} bytes differ")
        if g.dtype == w.dtype and not np.array_equal(g, w):
            fail(f"{case}: field {path}{name} values differ")


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "write":
        directory = sys.argv[2]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "Stored array in format 2.0/3.0"
            for case in CASES:
                np.save(f"{directory}/{case}.npy", make(case))
        print(f"wrote {len(CASES)} files with numpy {np.__version__}")
        return
    if len(sys.argv) == 4 and sys.argv[1] == "check":
        case, path = sys.argv[2], sys.argv[3]
        got = load(path)
        compare(case, got, make(case))
        # The header is what numpy.save writes for the loaded array.
        buffer = io.BytesIO()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            np.save(buffer, got)
        with open(path, "rb") as f:
            written = f.read()
        if written != buffer.getvalue():
            fail(f"{case}: {path} is not byte-identical to numpy.save of the same array")
        print(f"{case}: ok")
        return
    raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
