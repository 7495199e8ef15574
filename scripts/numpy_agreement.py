"""Situations for the reader, with NumPy's verdict on each: what the tests of
NumPy's own reader exercise (numpy/lib/tests/test_format.py: basic and
structured arrays in both byte orders, 0-d, empty, Fortran-ordered, nested
and padded records, bad magic, bad versions, bad headers, truncated files;
the PEP 3118 tests of numpy/_core/tests/test_multiarray.py: padding, byte
order switches, nested structs, sub-arrays, unnamed fields), rebuilt here by
generators of our own, and the test files of NumPy, npyz and ndarray-npy.

    python3 scripts/numpy_agreement.py DIR [PEER_DATA]

writes DIR/cases.tsv and the .npy files it names. Each line is
`category<TAB>id<TAB>input<TAB>verdict<TAB>detail`: the input is hex text
(dtype strings, PEP 3118 formats) or a file name in DIR (or a peer-data
path); the verdict is `ok` with the canonical dtype and shape, or `error`.
The canonical form lists every scalar leaf as `path@offset=typestr` (titles
in parentheses, sub-array elements as [k]) and the itemsize, so two readers
agree when they see the same fields at the same offsets with the same types.
tests/npy_agreement.rs replays every case against the library.
"""

import os
import sys
import warnings

try:
    import numpy as np
    from numpy._core._internal import _dtype_from_pep3118
except ImportError:
    sys.stderr.write("NumPy is not installed for this python3: python3 -m pip install numpy\n")
    sys.exit(3)

RNG = np.random.default_rng(7)


def fnv(data):
    """FNV-1a, 64 bits: a digest both sides compute without a library."""
    h = 0xCBF29CE484222325
    for b in data:
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return f"{h:016x}"


def leaves(dt, prefix, offset):
    if dt.names is not None:
        for name in sorted(dt.names, key=lambda n: dt.fields[n][1]):
            entry = dt.fields[name]
            title = f"({entry[2]})" if len(entry) > 2 and entry[2] is not None else ""
            path = f"{prefix}.{name}{title}" if prefix else f"{name}{title}"
            yield from leaves(entry[0], path, offset + entry[1])
    elif dt.subdtype is not None:
        base, shape = dt.subdtype
        for k in range(int(np.prod(shape))):
            yield from leaves(base, f"{prefix}[{k}]", offset + k * base.itemsize)
    else:
        yield prefix, dt, offset


def canon(dt):
    parts = [f"{path}@{off}={leaf.str}" for path, leaf, off in leaves(dt, "", 0)]
    return ";".join(parts) + f"|{dt.itemsize}"


def data_digest(a):
    """The bytes of every leaf, element by element in file order."""
    order = "F" if a.flags.f_contiguous and not a.flags.c_contiguous else "C"
    flat = np.ravel(a, order=order)
    raw = flat.view("u1").reshape(-1, a.dtype.itemsize) if a.dtype.itemsize and flat.size else np.zeros((0, 0), "u1")
    spans = [(off, off + leaf.itemsize) for _, leaf, off in leaves(a.dtype, "", 0)]
    return fnv(b"".join(raw[i, s:e].tobytes() for i in range(raw.shape[0]) for s, e in spans))


class Cases:
    def __init__(self, directory):
        self.directory = directory
        self.rows = []

    def add(self, category, text, verdict):
        self.rows.append((category, str(len(self.rows)), text.encode("utf-8").hex(), *verdict))

    def add_file(self, category, name, verdict):
        self.rows.append((category, str(len(self.rows)), name, *verdict))

    def write(self):
        with open(os.path.join(self.directory, "cases.tsv"), "w", encoding="utf-8") as f:
            for row in self.rows:
                f.write("\t".join(row) + "\n")


def verdict_dtype(make):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            dt = make()
    except Exception as e:  # NumPy's refusal, whatever its type
        return ("error", type(e).__name__)
    if dt.hasobject:
        return ("error", "object")
    return ("ok", canon(dt))


def verdict_file(path):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            a = np.load(path, allow_pickle=False, max_header_size=1 << 30)
    except Exception as e:
        return ("error", type(e).__name__)
    if isinstance(a, np.lib.npyio.NpzFile):
        return ("ok", "npz " + ",".join(a.files))
    fortran = a.flags.f_contiguous and not a.flags.c_contiguous and a.ndim > 1
    return ("ok", f"{canon(a.dtype)} shape={list(a.shape)} fortran={fortran} data={data_digest(a)}")


# ---------------------------------------------------------------------------
# Dtype strings, as np.dtype reads them (and a .npy descr may hold).

def dtype_strings(cases):
    orders = ["", "<", ">", "|", "="]
    letters = ["b", "i", "u", "f", "c", "S", "a", "U", "V", "M", "m", "O", "?", "x", "e", "d", "q", "B", "F"]
    sizes = ["", "0", "1", "2", "3", "4", "8", "12", "16", "32"]
    for order in orders:
        for letter in letters:
            for size in sizes:
                text = order + letter + size
                cases.add("dtype string", text, verdict_dtype(lambda: np.dtype(text)))
    names = [
        "bool", "bool_", "int8", "uint8", "int16", "int32", "int64", "uint64", "float16", "float32",
        "float64", "float128", "complex64", "complex128", "complex256", "int", "float", "complex",
        "bytes", "str", "void", "object", "half", "single", "double", "longdouble", "byte", "ubyte",
        "short", "ushort", "intc", "uintc", "intp", "uintp", "long", "ulong", "longlong",
        "ulonglong", "csingle", "cdouble", "clongdouble", "bytes_", "str_", "int_", "uint",
        "unicode", "float_", "string", "Int32", "F8", "<float64", "datetime64", "timedelta64",
    ]
    for name in names:
        cases.add("dtype string", name, verdict_dtype(lambda: np.dtype(name)))
    units = ["Y", "M", "W", "D", "h", "m", "s", "ms", "us", "ns", "ps", "fs", "as", "xx", "", "25s", "1ns", "0s", "-1s", "B", "2"]
    for kind in ["M8", "m8", "<M8", ">m8", "datetime64", "<datetime64", "timedelta64"]:
        for unit in units:
            text = f"{kind}[{unit}]"
            cases.add("dtype string", text, verdict_dtype(lambda: np.dtype(text)))
    for text in ["3i", "(2,3)f8", "i4,f8", "i4, f8", "(2)u1, >f4", "2S3", "i4,", "(3)(2)f"]:
        cases.add("dtype string", text, verdict_dtype(lambda: np.dtype(text)))


# ---------------------------------------------------------------------------
# Random dtypes: descr literals, PEP 3118 exports, and .npy files of them.

SCALARS = ["|b1", "|i1", "|u1", "<i2", ">i2", "<u4", ">i4", "<i8", ">u8", "<f2", ">f2", "<f4", ">f4",
           "<f8", ">f8", "<c8", ">c16", "|S1", "|S7", "<U1", ">U3", "|V3", "<M8[ns]", ">m8[s]", "<M8[D]"]
NAMES = ["a", "b", "x", "y", "value", "type", "日本", "ß", "_hidden", "f0", "f1", "long_name_" * 3]


def random_dtype(depth=0):
    roll = RNG.random()
    if depth > 2 or roll < 0.45:
        return np.dtype(str(RNG.choice(SCALARS)))
    if roll < 0.6:
        base = random_dtype(depth + 1)
        shape = tuple(int(d) for d in RNG.integers(1, 4, RNG.integers(1, 3)))
        return np.dtype((base, shape))
    count = int(RNG.integers(1, 5))
    names = list(RNG.choice(NAMES, count, replace=False))
    formats = [random_dtype(depth + 1) for _ in names]
    style = RNG.integers(0, 4)
    if style == 0:
        return np.dtype(list(zip(names, formats)))
    if style == 1:
        return np.dtype(list(zip(names, formats)), align=True)
    if style == 2:
        titles = [f"title of {n}" if RNG.random() < 0.5 else None for n in names]
        return np.dtype({"names": names, "formats": formats, "titles": titles})
    offsets, at = [], 0
    for f in formats:
        at += int(RNG.integers(0, 5))
        offsets.append(at)
        at += f.itemsize
    return np.dtype({"names": names, "formats": formats, "offsets": offsets, "itemsize": at + int(RNG.integers(0, 4))})


def plain(value):
    """The descr with Python strs (NumPy 2 gives np.str_ names, whose repr is
    not the literal a .npy header holds)."""
    if isinstance(value, (list, tuple)):
        return type(value)(plain(v) for v in value)
    if isinstance(value, str):
        return str(value)
    return value


def random_dtypes(cases, directory, count):
    made = 0
    while made < count:
        dt = random_dtype()
        if dt.subdtype is not None:
            continue  # an array's dtype is never a sub-array
        made += 1
        descr = plain(np.lib.format.dtype_to_descr(dt))
        text = repr(descr)
        cases.add("descr", text, verdict_dtype(lambda: np.lib.format.descr_to_dtype(descr)))
        try:
            fmt = memoryview(np.zeros(2, dt)).format
        except Exception:
            fmt = None
        if fmt is not None:
            cases.add("pep3118 export", fmt, verdict_dtype(lambda: _dtype_from_pep3118(fmt)))
        a = np.zeros(int(RNG.integers(0, 4)), dt)
        raw = RNG.integers(0, 256, a.nbytes).astype("u1").tobytes()
        a = np.frombuffer(raw, dt).copy() if a.nbytes else a
        name = f"random-{made}.npy"
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            np.save(os.path.join(directory, name), a)
        cases.add_file("npy random", name, verdict_file(os.path.join(directory, name)))


# ---------------------------------------------------------------------------
# PEP 3118 situations: padding, alignment, byte order, nesting, names.

def pep3118_strings(cases):
    items = ["b", "B", "h", "H", "i", "I", "l", "L", "q", "Q", "e", "f", "d", "g", "Zf", "Zd", "?", "c", "3s", "2w", "x", "3x"]
    orders = ["", "@", "=", "<", ">", "!", "^"]
    for order in orders:
        for item in items:
            for text in [f"{order}{item}", f"{order}T{{{item}:a:}}", f"{order}T{{b:a:{item}:b:}}", f"T{{b:a:{order}{item}:b:}}"]:
                cases.add("pep3118", text, verdict_dtype(lambda: _dtype_from_pep3118(text)))
    hand = [
        "xxxi", "ix", "T{i:a:}xxx", "x3T{xi}", "T{xi}", "(3)T{ix}", "T{ix}", "@T{^i}xi", "T{i:b:i:a:}",
        "ii", "T{i:f0:i:f1:}", "T{i::i:f0:}", "T{i:a:i::i:b:}", "(2)3i", "(2)(5)d", "(2,3)h",
        "T{(2)(5)d:c:}", "T{T{f:x:f:y:}:p:H:id:}", "T{>i:a:=d:b:}", "T{32s:name:i:age:=d:salary:}",
        "T{32s:name:i:age:xxxxd:salary:}", "T{i:a:i:a:}", "T{", "T{i:a}", "}", "", "(2", "3", "Zx",
        "T{i:a:}T{i:b:}", "T{i:a:}:b:", "&i", "O", "u", "t", "X{}", "T{:a:}", "ixxxT{xi:a:}:b:",
    ]
    for text in hand:
        cases.add("pep3118", text, verdict_dtype(lambda: _dtype_from_pep3118(text)))


# ---------------------------------------------------------------------------
# .npy headers: magic, versions, literals, keys, shapes, descrs, data.

def npy_bytes(header_text, version=(1, 0), data=b"", align=64, raw_header=None):
    text = header_text.encode("latin1" if version != (3, 0) else "utf-8") if raw_header is None else raw_header
    length_size = 2 if version[0] == 1 else 4
    pad = (-(6 + 2 + length_size + len(text) + 1)) % align
    body = text + b" " * pad + b"\n"
    return b"\x93NUMPY" + bytes(version) + len(body).to_bytes(length_size, "little") + body + data


def npy_headers(cases, directory):
    def add(label, content):
        name = f"header-{len(cases.rows)}.npy"
        path = os.path.join(directory, name)
        with open(path, "wb") as f:
            f.write(content)
        cases.add_file("npy header", name, verdict_file(path))

    f8 = np.arange(3, dtype="<f8").tobytes()
    good = "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }"
    add("good", npy_bytes(good, data=f8))
    for magic in [b"\x92NUMPY", b"\x93numpy", b"\x93NUMP", b"\x00NUMPY", b"", b"\x93NUMPY"[:3]]:
        add("magic", magic + b"\x01\x00" + npy_bytes(good, data=f8)[8:])
    for version in [(1, 0), (2, 0), (3, 0), (1, 1), (0, 0), (2, 1), (4, 0), (255, 255)]:
        add("version", npy_bytes(good, version=version, data=f8))
    variants = [
        "{'descr': '<f8', 'fortran_order': False, 'shape': (3,)}",
        "{'shape': (3,), 'fortran_order': False, 'descr': '<f8'}",
        "{'descr':'<f8','fortran_order':False,'shape':(3,)}",
        "{\"descr\": \"<f8\", \"fortran_order\": False, \"shape\": (3,)}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (0x3,)}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (0o3,)}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (0b11,)}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (3_0,)}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (3,)} # a comment",
        "{'descr': '<f8', # the type\n 'fortran_order': False, 'shape': (3,)}",
        "{'descr': '<' 'f8', 'fortran_order': False, 'shape': (3,)}",
        "{'descr': u'<f8', 'fortran_order': False, 'shape': (3,)}",
        "{'descr': r'<f8', 'fortran_order': False, 'shape': (3,)}",
        "{'descr': b'<f8', 'fortran_order': False, 'shape': (3,)}",
        "{'descr': '''<f8''', 'fortran_order': False, 'shape': (3,)}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (3L,)}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (True, 3)}",
        "{'descr': '<f8', 'fortran_order': 0, 'shape': (3,)}",
        "{'descr': '<f8', 'fortran_order': None, 'shape': (3,)}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': [3]}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': 3}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (3.0,)}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (-3,)}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), 'extra': 1}",
        "{'descr': '<f8', 'fortran_order': False}",
        "{'descr': '<f8', 'shape': (3,)}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), 'descr': '<f8'}",
        "('descr', '<f8')",
        "[1, 2]",
        "{1: 2}",
        "",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (3,),",
        "{'descr': 'd', 'fortran_order': False, 'shape': (3,)}",
        "{'descr': 'float64', 'fortran_order': False, 'shape': (3,)}",
        "{'descr': '<i16', 'fortran_order': False, 'shape': (3,)}",
        "{'descr': '<M8[xx]', 'fortran_order': False, 'shape': (3,)}",
        "{'descr': {'names': ['a'], 'formats': ['<f8']}, 'fortran_order': False, 'shape': (3,)}",
        "{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (3,)}",
        "{'descr': [('a', '<i4'), ('', '<i4')], 'fortran_order': False, 'shape': (3,)}",
        "{'descr': [('a', '<i4'), ('', '|V4')], 'fortran_order': False, 'shape': (3,)}",
        "{'descr': [(('t', 'a'), '<f8')], 'fortran_order': False, 'shape': (3,)}",
        "{'descr': [('a', '<f8', 1)], 'fortran_order': False, 'shape': (3,)}",
        "{'descr': [('a', '<f4', (2,))], 'fortran_order': False, 'shape': (3,)}",
        "{'descr': ('<f4', (2,)), 'fortran_order': False, 'shape': (3,)}",
        "{'descr': '|O', 'fortran_order': False, 'shape': (3,)}",
        "{'descr': [('a', '|O')], 'fortran_order': False, 'shape': (3,)}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (0, 4611686018427387904)}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (0, 18446744073709551615)}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (0, 1152921504606846975)}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': %s}" % repr((1,) * 65),
        "{'descr': '<f8', 'fortran_order': False, 'shape': %s}" % repr((1,) * 64),
    ]
    for text in variants:
        count = 3
        add("literal", npy_bytes(text, data=np.zeros(count * 8, "u1").tobytes()))
    # Truncations and lies about lengths.
    whole = npy_bytes(good, data=f8)
    for cut in [0, 5, 8, 9, 10, 20, 60, 127, 128, 140, len(whole) - 1]:
        add("truncated", whole[:cut])
    add("trailing bytes", whole + b"extra")
    add("header length past the end", whole[:8] + (60000).to_bytes(2, "little") + whole[10:])
    add("header length short", whole[:8] + (10).to_bytes(2, "little") + whole[10:])
    add("latin-1 name in 1.0", npy_bytes("{'descr': [('\xe9', '<f8')], 'fortran_order': False, 'shape': (3,)}", data=f8))
    add("utf-8 name in 3.0", npy_bytes("{'descr': [('日本', '<f8')], 'fortran_order': False, 'shape': (3,)}", version=(3, 0), data=f8))
    add("bad utf-8 in 3.0", npy_bytes("", version=(3, 0), data=f8, raw_header=b"{'descr': '<f8', 'fortran_order': False, 'shape': (3,), '\xff': 1}"))
    add("old 16-byte alignment", npy_bytes(good, data=f8, align=16))
    add("no alignment", npy_bytes(good, data=f8, align=1))


# ---------------------------------------------------------------------------
# Arrays as NumPy's tests save them: each scalar type in both byte orders,
# empty, 0-d, 2-D, transposed (Fortran order), sliced; nested and padded
# records.

def npy_arrays(cases, directory):
    scalars = ["u1", "i1", "u2", "i2", "u4", "i4", "u8", "i8", "f4", "f8", "c8", "c16", "f2", "?", "S5", "U3", "M8[us]", "m8[ms]"]
    n = 0
    for scalar in scalars:
        for endian in "<>":
            dt = np.dtype(scalar).newbyteorder(endian) if np.dtype(scalar).byteorder not in "|" else np.dtype(scalar)
            basic = (np.arange(15) % 2).astype(dt) if dt.kind in "b" else np.arange(15).astype(dt)
            for a in [np.array([], dt), np.array(basic[3]), basic, basic.reshape(3, 5), basic.reshape(3, 5).T, basic.reshape(3, 5)[::-1, ::2]]:
                n += 1
                name = f"array-{n}.npy"
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    np.save(os.path.join(directory, name), a)
                cases.add_file("npy array", name, verdict_file(os.path.join(directory, name)))
    records = [
        [("x", "i4", (2,)), ("y", "f8", (2, 2)), ("z", "u1")],
        [("x", "i4", (2,)), ("info", [("value", "c16"), ("y2", "f8"), ("deep", [("name", "S2"), ("value", "c16", (2,)), ("z3", "u4", (2,))]), ("name", "S2"), ("z2", "b1")]), ("color", "S2"), ("u", [("Name", "U8"), ("Value", "c16")])],
        np.dtype([("a", "u1"), ("b", "<f8")], align=True),
        np.dtype({"names": ["a", "b"], "formats": ["<i2", "<f8"], "offsets": [6, 8], "itemsize": 24}),
        np.dtype([("c", ("<f8", (5,)), (2,))]),
    ]
    for dt in records:
        for shape in [(0,), (4,), (2, 3)]:
            n += 1
            name = f"array-{n}.npy"
            a = np.zeros(shape, dt)
            raw = RNG.integers(0, 256, a.nbytes).astype("u1").tobytes()
            if a.nbytes:
                a = np.frombuffer(raw, a.dtype).reshape(shape).copy()
            np.save(os.path.join(directory, name), a)
            cases.add_file("npy array", name, verdict_file(os.path.join(directory, name)))


def peer_files(cases, peer):
    for root, _, files in sorted(os.walk(peer)):
        for f in sorted(files):
            if f.endswith((".npy", ".npz")):
                path = os.path.join(root, f)
                cases.add_file("peer data", os.path.relpath(path, peer), verdict_file(path))


def main():
    if len(sys.argv) not in (2, 3):
        raise SystemExit(__doc__)
    directory = sys.argv[1]
    os.makedirs(directory, exist_ok=True)
    cases = Cases(directory)
    dtype_strings(cases)
    pep3118_strings(cases)
    random_dtypes(cases, directory, 300)
    npy_headers(cases, directory)
    npy_arrays(cases, directory)
    if len(sys.argv) == 3 and os.path.isdir(sys.argv[2]):
        peer_files(cases, sys.argv[2])
    cases.write()
    counts = {}
    for row in cases.rows:
        counts[row[0]] = counts.get(row[0], 0) + 1
    print(f"wrote {len(cases.rows)} cases with numpy {np.__version__}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
