"""Times the benchmark workloads in NumPy, OpenCV and Pillow (the seeds' own
methods) and prints them beside the Rust medians criterion saved.

Run through benches/compare.sh, which creates the virtual environment and
runs `cargo bench` first. Sizes match benches/workloads.rs.
"""

import argparse
import json
import os
import platform
import timeit

import numpy as np

try:
    import cv2
except ImportError:  # reported as n/a in the table
    cv2 = None
try:
    from PIL import Image
except ImportError:
    Image = None


def median_seconds(stmt, repeat=15, number=1):
    times = timeit.repeat(stmt, repeat=repeat, number=number)
    times.sort()
    return times[len(times) // 2] / number


PERSON_PACKED = np.dtype([("name", "S32"), ("age", "<i4"), ("salary", "<f8")])
PERSON_ALIGNED = np.dtype([("name", "S32"), ("age", "<i4"), ("salary", "<f8")], align=True)
PERSON_BE = np.dtype([("name", "S32"), ("age", ">i4"), ("salary", ">f8")])


def python_workloads():
    rng = np.random.default_rng(7)
    out = {}

    for count in (100_000, 10_000_000):
        a = np.frombuffer(rng.bytes(count * 44), dtype=PERSON_PACKED)
        rep = 50 if count < 1_000_000 else 7
        out[f"column_scan_packed_{count}"] = ("numpy a['salary'].sum()", median_seconds(lambda: a["salary"].sum(), rep))
    a = np.frombuffer(rng.bytes(10_000_000 * 48), dtype=PERSON_ALIGNED)
    out["column_scan_aligned_10000000"] = ("numpy a['salary'].sum()", median_seconds(lambda: a["salary"].sum(), 7))
    a = np.frombuffer(rng.bytes(10_000_000 * 44), dtype=PERSON_BE)
    out["column_scan_big_endian_10000000"] = ("numpy a['salary'].sum() ('>f8')", median_seconds(lambda: a["salary"].sum(), 7))
    a = np.frombuffer(bytearray(rng.bytes(10_000_000 * 44)), dtype=PERSON_PACKED)
    def raise_salaries():
        a["salary"] *= 1.1
    out["column_update_packed_10000000"] = ("numpy a['salary'] *= 1.1", median_seconds(raise_salaries, 7))

    buf = bytearray(1 << 30)
    out["from_bytes"] = ("numpy frombuffer(<u8) 1 GiB", median_seconds(lambda: np.frombuffer(buf, dtype="<u8"), 200))

    if cv2 is not None:
        bgra = rng.integers(0, 256, (1080, 1920, 4), dtype=np.uint8)
        rgba = np.empty_like(bgra)
        out["convert_bgra_to_rgba_1920x1080"] = (
            "cv2.cvtColor(BGRA2RGBA, dst=)", median_seconds(lambda: cv2.cvtColor(bgra, cv2.COLOR_BGRA2RGBA, dst=rgba), 50))
        rgbx = rng.integers(0, 256, (8192, 8192, 4), dtype=np.uint8)
        rgb = np.empty((8192, 8192, 3), dtype=np.uint8)
        out["convert_rgbx_to_rgb_8192x8192"] = (
            "cv2.cvtColor(RGBA2RGB, dst=)", median_seconds(lambda: cv2.cvtColor(rgbx, cv2.COLOR_RGBA2RGB, dst=rgb), 7))

        pitch = 1920 * 4 + 64
        raw = rng.integers(0, 256, pitch * 1080, dtype=np.uint8)
        rows = np.lib.stride_tricks.as_strided(raw, (1080, 1920, 4), (pitch, 4, 1))
        pixels3d = np.lib.stride_tricks.as_strided(raw[2:], (1920, 1080, 3), (4, pitch, -1))
        out["downscale_2x_bgra_1920x1080"] = (
            "cv2.resize(INTER_AREA) on (h, w, 4) view",
            median_seconds(lambda: cv2.resize(rows, (960, 540), interpolation=cv2.INTER_AREA), 30))
        out["downscale_2x_bgra_1920x1080 (pixels3d)"] = (
            "cv2.resize(INTER_AREA) on pixels3d view",
            median_seconds(lambda: cv2.resize(pixels3d, (540, 960), interpolation=cv2.INTER_AREA), 15))
        gray = rng.integers(0, 256, (480, 640), dtype=np.uint8)
        out["box_blur_3x3_gray_640x480"] = ("cv2.blur((3, 3))", median_seconds(lambda: cv2.blur(gray, (3, 3)), 50))

    if Image is not None:
        im = Image.frombytes("RGB", (8192, 8192), rng.bytes(8192 * 8192 * 3))
        out["row_table_rgbx_to_rgb_8192x8192"] = ("np.array(im) (Pillow)", median_seconds(lambda: np.array(im), 5))
        out["row_table_rgbx_to_rgb_8192x8192 (asarray)"] = ("np.asarray(im) (Pillow)", median_seconds(lambda: np.asarray(im), 5))
        out["row_table_rgbx_to_rgb_8192x8192 (to_numpy)"] = ("chunk-streaming to_numpy (Pillow)", median_seconds(lambda: to_numpy(im), 5))
    return out


def to_numpy(im):
    """The seed's one-pass copy: stream the encoder's chunks into the array."""
    encoder = Image._getencoder(im.mode, "raw", im.mode)
    if hasattr(encoder, "setimage"):
        encoder.setimage(im.im, (0, 0) + im.size)
    shape, typestr = Image._conv_type_shape(im)
    data = np.empty(shape, dtype=np.dtype(typestr))
    mem = data.data.cast("B", (data.data.nbytes,))
    offset, status = 0, 0
    while not status:
        length, status, chunk = encoder.encode(65536)
        mem[offset:offset + len(chunk)] = chunk
        offset += len(chunk)
    if status < 0:
        raise RuntimeError(f"encoder error {status}")
    return data


# One table row each: (label, criterion group, our bench, Rust baseline in
# the same group, key of the Python timing).
ROWS = [
    ("column scan, packed, 100k", "column_scan_packed_100000", "typed_column", "raw_read_unaligned", "column_scan_packed_100000"),
    ("  ... Column::sum (8 lanes)", "column_scan_packed_100000", "typed_column_lane_sum", "raw_read_unaligned_8_lanes", "column_scan_packed_100000"),
    ("column scan, packed, 10M", "column_scan_packed_10000000", "typed_column", "raw_read_unaligned", "column_scan_packed_10000000"),
    ("  ... Column::sum (8 lanes)", "column_scan_packed_10000000", "typed_column_lane_sum", "raw_read_unaligned_8_lanes", "column_scan_packed_10000000"),
    ("  ... bytemuck pod_read_unaligned", "column_scan_packed_10000000", "bytemuck_pod_read_unaligned", "raw_read_unaligned", None),
    ("  ... zerocopy slice", "column_scan_packed_10000000", "zerocopy_slice", "raw_read_unaligned", None),
    ("column scan, aligned 48 B, 10M", "column_scan_aligned_10000000", "typed_column", "raw_read_unaligned", "column_scan_aligned_10000000"),
    ("column scan, Be<f64>, 10M", "column_scan_big_endian_10000000", "typed_be_column", "raw_from_be_bytes", "column_scan_big_endian_10000000"),
    ("10% raise via columns_mut, 10M", "column_update_packed_10000000", "typed_column_mut", "raw_pointer_loop", "column_update_packed_10000000"),
    ("Records::from_bytes 1 GiB (vs 1 KiB)", "from_bytes", "records_u64/1GiB", "records_u64/1KiB", "from_bytes"),
    ("ImageView::from_bytes 1 GiB (vs 1 KiB)", "from_bytes", "image_bgra8/1GiB", "image_bgra8/1KiB", None),
    ("convert Bgra8->Rgba8 1080p (vs copy)", "convert_bgra_to_rgba_1920x1080", "typed_convert", "copy_from_slice_same_bytes", "convert_bgra_to_rgba_1920x1080"),
    ("  ... naive byte loop", "convert_bgra_to_rgba_1920x1080", "naive_byte_loop", "copy_from_slice_same_bytes", None),
    ("convert Rgbx8->Rgb8 8192^2 (vs copy)", "convert_rgbx_to_rgb_8192x8192", "typed_convert", "copy_from_slice_output_bytes", "convert_rgbx_to_rgb_8192x8192"),
    ("row table -> RGB 8192^2 (vs memcpy)", "row_table_rgbx_to_rgb_8192x8192", "row_table_convert_to", "memcpy_output_size", "row_table_rgbx_to_rgb_8192x8192"),
    ("  ... pack chunks, join, copy", "row_table_rgbx_to_rgb_8192x8192", "pack_chunks_join_copy", "memcpy_output_size", "row_table_rgbx_to_rgb_8192x8192 (asarray)"),
    ("  ... (Python: chunk-streaming to_numpy)", "row_table_rgbx_to_rgb_8192x8192", "row_table_convert_to", "memcpy_output_size", "row_table_rgbx_to_rgb_8192x8192 (to_numpy)"),
    ("2x box downscale 1080p (vs contiguous)", "downscale_2x_bgra_1920x1080", "typed_view_rows", "contiguous_byte_slices", "downscale_2x_bgra_1920x1080"),
    ("  ... per-channel strided views", "downscale_2x_bgra_1920x1080", "per_channel_strided_views", "typed_view_rows", "downscale_2x_bgra_1920x1080 (pixels3d)"),
    ("  ... fast_image_resize (Box) on the view, in place", "downscale_2x_bgra_1920x1080", "fast_image_resize_view", "typed_view_rows", "downscale_2x_bgra_1920x1080"),
    ("  ... fast_image_resize (Box) on the view (Python: pixels3d)", "downscale_2x_bgra_1920x1080", "fast_image_resize_view", "typed_view_rows", "downscale_2x_bgra_1920x1080 (pixels3d)"),
    ("  ... fast_image_resize after packing the rows", "downscale_2x_bgra_1920x1080", "fast_image_resize_packed_copy", "fast_image_resize_view", None),
    ("3x3 box blur, array_windows (vs contiguous)", "box_blur_3x3_gray_640x480", "array_windows_over_view", "contiguous_slice", "box_blur_3x3_gray_640x480"),
    ("  ... windows() sub-views", "box_blur_3x3_gray_640x480", "windows_over_view", "contiguous_slice", None),
    ("par_convert Bgra8->Rgba8 1080p (vs convert)", "parallel_convert_bgra_to_rgba_1920x1080", "par_convert", "convert", "convert_bgra_to_rgba_1920x1080"),
    ("par_row_bands 2x downscale 1080p (vs rows)", "parallel_downscale_2x_bgra_1920x1080", "par_row_bands", "rows", "downscale_2x_bgra_1920x1080"),
]


def criterion_median(root, group, bench):
    path = os.path.join(root, group, bench, "new", "estimates.json")
    try:
        with open(path) as f:
            return json.load(f)["median"]["point_estimate"] / 1e9
    except OSError:
        return None


def fmt(seconds):
    if seconds is None:
        return "n/a"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.3f} ms"
    if seconds >= 1e-6:
        return f"{seconds * 1e6:.2f} us"
    return f"{seconds * 1e9:.1f} ns"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--criterion", default="target/criterion")
    args = parser.parse_args()
    python = python_workloads()
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    threads = f" ({cv2.getNumThreads()} threads)" if cv2 else ""
    print(f"machine: {cpu}, {os.cpu_count()} cores, {platform.system()}; numpy {np.__version__}"
          f"{', opencv ' + cv2.__version__ + threads if cv2 else ''}{', pillow ' + Image.__version__ if Image else ''}")
    print()
    header = "| workload | ours | Rust baseline | ours / baseline | Python stack | Python / ours | Python method |"
    print(header)
    print("|---|---:|---:|---:|---:|---:|---|")
    for label, group, ours_name, base_name, python_key in ROWS:
        ours = criterion_median(args.criterion, group, ours_name)
        base = criterion_median(args.criterion, group, base_name)
        method, py = python.get(python_key, ("", None)) if python_key else ("", None)
        ratio = f"{ours / base:.2f}" if ours and base else ""
        speedup = f"{py / ours:.2f}x" if ours and py else ""
        print(f"| {label} | {fmt(ours)} | {fmt(base)} ({base_name}) | {ratio} | {fmt(py) if python_key else ''} | {speedup} | {method} |")


if __name__ == "__main__":
    main()
