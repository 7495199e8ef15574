"""The NumPy corpus: .npy and .npz files written by real NumPy (and a few by
hand, as other writers lay them out), covering every dtype family, padding,
nested records and sub-arrays, titles, byte orders, images, Fortran order,
data at odd offsets, header versions 1.0 to 3.0 and archives.

    python3 scripts/numpy_corpus.py write DIR       write DIR/<case>.npy|.npz,
                                                    DIR/<case>.values (NumPy's
                                                    values) and DIR/manifest.tsv
    python3 scripts/numpy_corpus.py check DIR OURS  NumPy loads every file the
                                                    Rust tests wrote in OURS and
                                                    compares it with DIR

A values file has one line per element and scalar leaf, in C order:
`index<TAB>leaf<TAB>value`, where a leaf is a field path (`p.x`, `m[3]`) and
the value is rendered by kind: ints in decimal, bools 1/0, floats as the hex
bits of their value, complex as two such, bytes (`S`, `V`) in hex, unicode as
hex code points, times as int64 counts. tests/npy_corpus.rs renders what it
reads the same way. The manifest lists `case<TAB>file<TAB>kind<TAB>notes`.

`OURS` holds `<case>.<variant>.npy` (and `.npz`) files: `bytes` and `write_as`
(the file's dtype: must equal the original and be byte-identical to
np.save of it), `derived` (the generated struct's dtype: must load with an
equal dtype and equal bytes), `derived_bytes` (a dtype Rust has no spelling
for: equal itemsize and bytes).
"""

import io
import os
import struct
import sys
import warnings

try:
    import numpy as np
except ImportError:
    sys.stderr.write("NumPy is not installed for this python3: python3 -m pip install numpy\n")
    sys.exit(3)

N = 37
H, W = 6, 5
PERSON = [("name", "S32"), ("age", "<i4"), ("salary", "<f8")]
RNG = np.random.default_rng(20240601)


def people(dtype, n=N):
    a = np.zeros(n, dtype)
    for i in range(n):
        a[i]["name"] = f"person-{i}".encode()
    a["age"] = [(20 + 3 * i) % 90 for i in range(n)]
    a["salary"] = [1000.0 + 12.5 * i for i in range(n)]
    return a


def filled(dtype, shape):
    """An array whose every scalar is pseudo-random but valid; gaps are zero."""
    dtype = np.dtype(dtype)
    count = int(np.prod(shape))
    raw = bytearray(count * dtype.itemsize)
    for _, leaf_dtype, offset in leaves(dtype, "", 0):
        values = random_values(leaf_dtype, count)
        for i in range(count):
            at = i * dtype.itemsize + offset
            raw[at : at + leaf_dtype.itemsize] = values[i : i + 1].tobytes()
    return np.frombuffer(bytes(raw), dtype).reshape(shape).copy()


def random_values(dt, n):
    kind, size = dt.kind, dt.itemsize
    if kind == "b":
        return RNG.integers(0, 2, n).astype(dt)
    if kind in "iu":
        # Random bytes: every value of the type is possible.
        return np.frombuffer(RNG.integers(0, 256, n * size).astype("u1").tobytes(), dt.newbyteorder("=")).astype(dt)
    if kind == "f":
        v = RNG.standard_normal(n) * 1000
        if n > 2:
            v[1] = -0.0
            v[2] = np.inf
        return v.astype(dt)
    if kind == "c":
        return (RNG.standard_normal(n) + 1j * RNG.standard_normal(n)).astype(dt)
    if kind == "S":
        return np.array([bytes(RNG.integers(97, 123, RNG.integers(0, size + 1))) for _ in range(n)], dt)
    if kind == "U":
        chars = "aé日ß🎉z"
        return np.array(["".join(RNG.choice(list(chars), RNG.integers(0, size // 4 + 1))) for _ in range(n)], dt)
    if kind == "V":
        return np.frombuffer(RNG.integers(0, 256, n * size).astype("u1").tobytes(), dt)
    if kind in "Mm":
        v = RNG.integers(-(10**12), 10**12, n).astype("i8")
        if n > 1:
            v[1] = np.iinfo("i8").min  # NaT
        return v.view(dt)
    raise ValueError(f"no values for {dt}")


def leaves(dt, prefix, offset):
    """(path, dtype, offset) of every scalar, in offset order."""
    if dt.names is not None:
        fields = sorted(((dt.fields[name][1], name) for name in dt.names))
        for off, name in fields:
            fdt = dt.fields[name][0]
            path = f"{prefix}.{name}" if prefix else name
            yield from leaves(fdt, path, offset + off)
    elif dt.subdtype is not None:
        base, shape = dt.subdtype
        count = int(np.prod(shape))
        for k in range(count):
            yield from leaves(base, f"{prefix}[{k}]", offset + k * base.itemsize)
    else:
        yield prefix, dt, offset


def render(dt, raw):
    """One scalar of dtype `dt` in `raw` bytes, as NumPy reads it."""
    kind, size = dt.kind, dt.itemsize
    value = np.frombuffer(raw, dt)[0]
    if kind == "b":
        return "1" if value else "0"
    if kind in "iu":
        return str(int(value))
    if kind == "f":
        native = np.array([value], dt.newbyteorder("="))
        return "0x" + native.view(f"u{size}")[0].item().to_bytes(size, "big").hex()
    if kind == "c":
        half = np.dtype(f"f{size // 2}")
        return ",".join(render(half, np.array([part], half).tobytes()) for part in (value.real, value.imag))
    if kind == "S":
        return bytes(value).hex()
    if kind == "U":
        return ",".join(f"{ord(c):x}" for c in str(value))
    if kind == "V":
        return bytes(value).hex()
    if kind in "Mm":
        return str(int(np.array([value]).view("i8")[0]))
    raise ValueError(f"cannot render {dt}")


def values_text(a):
    flat = np.ravel(a, order="C")
    lines = []
    item_leaves = list(leaves(a.dtype, "", 0))
    for i in range(flat.size):
        item = np.ascontiguousarray(flat[i : i + 1]).tobytes()
        for path, dt, off in item_leaves:
            lines.append(f"{i}\t{path}\t{render(dt, item[off : off + dt.itemsize])}")
    return "\n".join(lines) + ("\n" if lines else "")


def header(descr, shape, fortran, total, version=(1, 0)):
    """A .npy header of exactly `total` bytes (another writer's padding)."""
    d = "{'descr': %s, 'fortran_order': %s, 'shape': %s, }" % (descr, fortran, shape)
    length_size = 2 if version == (1, 0) else 4
    pad = total - 8 - length_size - len(d) - 1
    assert pad >= 0, (total, d)
    text = (d + " " * pad + "\n").encode("latin1")
    return b"\x93NUMPY" + bytes(version) + len(text).to_bytes(length_size, "little") + text


def descr_text(dt):
    return repr(np.lib.format.dtype_to_descr(dt))


# case -> (array, how): how is "save" (np.save), ("offset", total header
# bytes, version) for hand-written headers, or "npz"/"npz_compressed".
def cases():
    out = {}
    out["person_packed"] = people(np.dtype(PERSON))
    out["person_aligned"] = people(np.dtype(PERSON, align=True))
    out["person_big"] = people(np.dtype([("name", "S32"), ("age", ">i4"), ("salary", ">f8")]))
    out["person_2d"] = people(np.dtype(PERSON), 12).reshape(3, 4)
    out["person_empty"] = people(np.dtype(PERSON), 0)
    out["subarray"] = filled([("rgb", "u1", (3,)), ("a", "u1"), ("m", "<f4", (2, 3))], N)
    out["nested"] = filled([("p", [("x", "<f4"), ("y", "<f4")]), ("id", "<u2")], N)
    inner = np.dtype([("x", "<i2"), ("y", "<f8")], align=True)
    out["nested_aligned"] = filled(np.dtype([("p", inner), ("q", "u1")], align=True), N)
    out["big_nested"] = filled([("hdr", [("len", ">u4"), ("tag", "|S4")]), ("pts", [("x", ">f8"), ("y", ">f8")], (2,))], 9)
    out["nested_subarray"] = filled([("c", ("<f8", (5,)), (2,)), ("k", "<i2")], 7)
    out["int_kinds"] = filled([(f"{k}{s}", f"<{k}{s}") for k in "iu" for s in (1, 2, 4, 8)], 11)
    out["void_field"] = filled([("v", "V8"), ("x", "<i4")], 6)
    out["keywords"] = filled([("type", "<i4"), ("match", "<f4"), ("fn", "u1")], 5)
    out["titles"] = filled(np.dtype({"names": ["temp", "p"], "formats": ["<f8", "<f4"], "titles": ["Temperature in K", "Pressure"]}), 5)
    out["dict_gaps"] = filled(np.dtype({"names": ["a", "b"], "formats": ["<u2", "<f8"], "offsets": [2, 4], "itemsize": 16}), 8)
    out["unicode_names"] = filled([("日本", "<f8"), ("ß", "<i4")], N)
    out["bgra_image"] = filled("u1", (H, W, 4))
    out["rgb16_image"] = filled("<u2", (H, W, 3))
    out["points_xy"] = filled("<f4", (20, 2))
    out["gray_image"] = filled("u1", (H, W))
    out["plain_f8"] = filled("<f8", (11,))
    out["plain_empty_2d"] = np.zeros((0, 3), "<f8")
    out["scalar_f8"] = np.array(42.5, "<f8")
    out["big_f4"] = filled(">f4", (7,))
    out["fortran_f8"] = np.asfortranarray(filled("<f8", (3, 4)))
    out["fortran_hwc"] = np.asfortranarray(filled("u1", (4, 5, 3)))
    out["fortran_4d"] = np.asfortranarray(filled("<f4", (2, 3, 2, 2)))
    out["float16"] = filled("<f2", (9,))
    out["float16_record"] = filled([("h", "<f2"), ("w", ">f2")], 9)
    out["complex64"] = filled("<c8", (8,))
    out["complex128_big"] = filled([("z", ">c16"), ("n", "<i2")], 8)
    out["bool_plain"] = filled("?", (13,))
    out["bool_record"] = filled([("ok", "?"), ("n", "<i4")], 13)
    out["bytes_s8"] = filled("|S8", (10,))
    out["unicode_u4"] = filled("<U4", (10,))
    out["unicode_big"] = filled([("u", ">U3"), ("k", "<u2")], 10)
    out["datetime_ns"] = filled("<M8[ns]", (6,))
    out["timedelta_s"] = filled("<m8[s]", (6,))
    units = ["Y", "M", "W", "D", "h", "m", "s", "ms", "us", "ns", "ps", "fs", "as"]
    out["datetime_units"] = filled([(f"t_{u}", f"<M8[{u}]") for u in units], 4)
    out["datetime_big"] = filled([("t", ">M8[us]"), ("d", ">m8[ms]")], 5)
    out["mixed_kinds"] = filled([("b", "?"), ("c", "<c16"), ("u", "<U3"), ("big", ">u2")], N)
    fam = [("h", "<f2"), ("z", "<c8"), ("b", "?"), ("s", "S3"), ("u", "<U2"), ("t", "<M8[ns]"), ("d", "<m8[s]"), ("c", "<c16")]
    out["families_packed"] = filled(fam, 12)
    out["families_aligned"] = filled(np.dtype(fam, align=True), 12)
    out["long_header"] = filled([(f"field_{k:05}", "<f8") for k in range(3000)], 4)
    # Another writer's layout: a 2.0 header padded to 70 bytes puts the data
    # at byte 82 (NumPy loads it); a 1.0 header padded to 90 bytes, at 100.
    out["offset82"] = (filled("<f8", (5,)), ("offset", 82, (2, 0)))
    out["offset100_record"] = (filled([("x", "<f8"), ("n", "<i4")], 5), ("offset", 100, (1, 0)))
    out["arrays"] = ({"x": filled("<f8", (50,)), "people": people(np.dtype(PERSON)), "image": filled("u1", (H, W, 4))}, "npz")
    out["arrays_compressed"] = ({"x": filled("<f8", (50,)), "people": people(np.dtype(PERSON, align=True)), "when": filled("<M8[s]", (3,))}, "npz_compressed")
    return out


def write(directory):
    os.makedirs(directory, exist_ok=True)
    manifest = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Stored array in format 2.0/3.0"
        for case, value in cases().items():
            how = "save"
            if isinstance(value, tuple):
                value, how = value
            if how in ("npz", "npz_compressed"):
                path = os.path.join(directory, f"{case}.npz")
                (np.savez if how == "npz" else np.savez_compressed)(path, **value)
                for key, a in value.items():
                    with open(os.path.join(directory, f"{case}.{key}.values"), "w", encoding="utf-8") as f:
                        f.write(values_text(a))
                manifest.append((case, f"{case}.npz", "npz", ",".join(value)))
                continue
            path = os.path.join(directory, f"{case}.npy")
            if how == "save":
                np.save(path, value)
                notes = ""
            else:
                _, total, version = how
                with open(path, "wb") as f:
                    f.write(header(descr_text(value.dtype), repr(value.shape), False, total, version))
                    f.write(np.ascontiguousarray(value).tobytes())
                notes = f"data at byte {total}"
            # The file as NumPy reads it back is the reference.
            loaded = np.load(path, max_header_size=1 << 20)
            with open(os.path.join(directory, f"{case}.values"), "w", encoding="utf-8") as f:
                f.write(values_text(loaded))
            manifest.append((case, f"{case}.npy", "npy", notes))
    with open(os.path.join(directory, "manifest.tsv"), "w", encoding="utf-8") as f:
        for row in manifest:
            f.write("\t".join(row) + "\n")
    print(f"wrote {len(manifest)} files with numpy {np.__version__}")


def load(path):
    return np.load(path, max_header_size=1 << 20)


def same_dtype(a, b):
    """Equal dtypes, and the parts that equality leaves implicit."""
    if a != b or a.itemsize != b.itemsize:
        return False
    if a.names is None:
        return a.str == b.str and a.shape == b.shape
    return a.names == b.names and all(a.fields[n][:2] == b.fields[n][:2] for n in a.names)


def data_bytes(a):
    """The bytes of every scalar leaf, element by element. Gap bytes are left
    out: np.load of a compressed member fills a fresh array field by field,
    so its gaps hold whatever the memory held."""
    raw = np.ascontiguousarray(a).reshape(-1).view("u1").reshape(-1, a.dtype.itemsize) if a.dtype.itemsize else np.zeros((0, 0), "u1")
    spans = [(off, off + dt.itemsize) for _, dt, off in leaves(a.dtype, "", 0)]
    return b"".join(raw[:, start:end].tobytes() for start, end in spans)


def check(directory, ours):
    failures, counts = [], {"files": 0, "dtype": 0, "bytes": 0, "identical": 0}
    for name in sorted(os.listdir(ours)):
        case, variant, ext = name.rsplit(".", 2)
        path = os.path.join(ours, name)
        original = os.path.join(directory, f"{case}.{ext}")
        if ext == "npz":
            want, got = np.load(original), np.load(path)
            pairs = [(f"{name}[{k}]", want[k], got[k] if k in got.files else None) for k in want.files]
        else:
            pairs = [(name, load(original), load(path))]
        for label, want_a, got_a in pairs:
            counts["files"] += 1
            if got_a is None:
                failures.append(f"{label}: missing")
                continue
            if variant == "derived_bytes":
                # A dtype Rust cannot spell (titles, nested sub-arrays, raw
                # void, big-endian unicode): the same bytes at the same
                # offsets, under another spelling.
                if got_a.dtype.itemsize != want_a.dtype.itemsize:
                    failures.append(f"{label}: itemsize {got_a.dtype.itemsize} != {want_a.dtype.itemsize}")
                    continue
                if got_a.shape != want_a.shape or np.ascontiguousarray(got_a).tobytes() != np.ascontiguousarray(want_a).tobytes():
                    failures.append(f"{label}: shape {got_a.shape} or bytes differ")
                    continue
                counts["bytes"] += 1
                continue
            if not same_dtype(want_a.dtype, got_a.dtype):
                failures.append(f"{label}: dtype {got_a.dtype.descr if got_a.dtype.names else got_a.dtype} != {want_a.dtype.descr if want_a.dtype.names else want_a.dtype}")
                continue
            counts["dtype"] += 1
            if got_a.shape != want_a.shape or data_bytes(got_a) != data_bytes(want_a):
                failures.append(f"{label}: shape {got_a.shape} or bytes differ")
                continue
            counts["bytes"] += 1
        if ext == "npy" and variant in ("bytes", "write_as"):
            buffer = io.BytesIO()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                np.save(buffer, load(original))
            with open(path, "rb") as f:
                if f.read() == buffer.getvalue():
                    counts["identical"] += 1
                else:
                    failures.append(f"{name}: not byte-identical to np.save of the original")
    print(
        f"numpy {np.__version__} loaded {counts['files']} arrays: {counts['dtype']} with equal dtype, "
        f"{counts['bytes']} with equal bytes; {counts['identical']} files byte-identical to np.save"
    )
    for failure in failures:
        print("FAILED", failure)
    sys.exit(1 if failures else 0)


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "write":
        write(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "check":
        check(sys.argv[2], sys.argv[3])
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
