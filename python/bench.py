"""Benchmarks of the pyo3 feature against NumPy, OpenCV and Pillow, in one
Python process, printed as ratios (medians of repeated runs).

    PYTHONPATH=python/target/site python3 python/bench.py [--quick]

Build the extension first (see .ci/run): maturin build --release.
"""
import os
import statistics
import sys
import time

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import cv2
import numpy as np
import pygame as pg
import typed_layout_test as t
from PIL import Image

QUICK = "--quick" in sys.argv
PERSON = np.dtype([("name", "S32"), ("age", "<i4"), ("salary", "<f8")])


def median_seconds(*works, repeat, number=1, pause=0.0):
    """Per-call medians over `repeat` rounds of `number` calls of each work.
    The works take turns within each round, so a busy machine slows them
    alike (this machine is shared: absolute times move, ratios less). After
    each turn, `pause` seconds (not timed) let thread pools that spin while
    idle (OpenCV's, rayon's) go to sleep before the next work is timed: on
    two cores a spinning pool halves the next single-threaded run."""
    for work in works:
        work()  # warm up (page faults, caches, lazy imports)
    times = [[] for _ in works]
    for _ in range(repeat):
        for work, spent in zip(works, times):
            start = time.perf_counter()
            for _ in range(number):
                work()
            spent.append((time.perf_counter() - start) / number)
            if pause:
                time.sleep(pause)
    medians = [statistics.median(spent) for spent in times]
    return medians if len(works) > 1 else medians[0]


def fmt(seconds):
    if seconds < 1e-6:
        return f"{seconds * 1e9:8.1f} ns"
    if seconds < 1e-3:
        return f"{seconds * 1e6:8.2f} us"
    return f"{seconds * 1e3:8.3f} ms"


results = []


def report(name, ours, other, other_name, target=None, higher_is_better=True):
    """One line: our time, the other's, other/ours, and the target."""
    ratio = other / ours
    verdict = ""
    if target is not None:
        met = ratio >= target if higher_is_better else ratio <= target
        verdict = f"  target ratio {'>=' if higher_is_better else '<='} {target}: {'met' if met else 'MISSED'}"
    line = f"{name:<52} {fmt(ours)}  {other_name:<34} {fmt(other)}  ratio {ratio:6.2f}{verdict}"
    print(line, flush=True)
    results.append(line)


def per_call_overhead():
    print("-- taking a buffer: 1000 packed Person records (3 fields, 44 bytes)")
    a = np.zeros(1000, PERSON)
    number, repeat = (2000, 50) if QUICK else (20000, 50)
    taking, nothing, memview = median_seconds(
        lambda: t.count_people(a), lambda: t.count_nothing(a), lambda: memoryview(a),
        repeat=repeat, number=number)
    print(f"{'count_people(a): PyRecords<Person> taken':<52} {fmt(taking)}")
    print(f"{'count_nothing(a): the same call without a view':<52} {fmt(nothing)}")
    print(f"{'memoryview(a) (NumPy export, for scale)':<52} {fmt(memview)}")
    cost = taking - nothing
    print(f"{'cost of taking the buffer (difference)':<52} {fmt(cost)}  target <= 2 us: "
          f"{'met' if cost <= 2e-6 else 'MISSED'}")
    results.append(f"taking a 3-field record buffer: {fmt(cost)} per call")


def seed_000():
    w, h = (1920, 1080)
    print(f"-- seed 000: 2x INTER_AREA downscale of a {w}x{h} SRCALPHA surface with padded pitch")
    parent = pg.Surface((w + 64, h), pg.SRCALPHA)
    source = parent.subsurface((32, 0, w, h))
    rng = np.random.default_rng(0)
    rgb = pg.surfarray.pixels3d(source)
    rgb[...] = rng.integers(0, 256, rgb.shape, dtype=np.uint8)
    del rgb
    target_parent = pg.Surface((w // 2 + 32, h // 2), pg.SRCALPHA)
    target = target_parent.subsurface((16, 0, w // 2, h // 2))
    print(f"   source pitch {source.get_pitch()} bytes (width x 4 = {4 * w})")

    repeat = 10 if QUICK else 40

    # The seed's slow path: OpenCV on pygame's pixels3d view (w, h, 3),
    # strides (4, pitch, -1).
    pixels3d = pg.surfarray.pixels3d(source)
    ours_slow, slow = median_seconds(
        lambda: t.downscale_2x(source, target),
        lambda: cv2.resize(pixels3d, (h // 2, w // 2), interpolation=cv2.INTER_AREA),
        repeat=max(3, repeat // 4), pause=0.02,
    )
    del pixels3d

    # The seed's fast path: the same memory reinterpreted as (h, w, 4), here
    # through pygame's own buffer view instead of ctypes.
    def rows(surface):
        sw, sh = surface.get_size()
        return np.asarray(surface.get_view("2")).T.view(np.uint8).reshape(sh, sw, 4)

    src_rows, dst_rows = rows(source), rows(target)
    fast, ours, ours_2 = median_seconds(
        lambda: cv2.resize(src_rows, (w // 2, h // 2), dst_rows, interpolation=cv2.INTER_AREA),
        lambda: t.downscale_2x(source, target),
        lambda: t.downscale_2x(source, target, True),
        repeat=repeat, pause=0.02,
    )
    del src_rows, dst_rows
    threads = cv2.getNumThreads()
    report("downscale_2x(surface, surface), one thread", ours_slow, slow,
           "cv2 on pixels3d", target=10)
    report("downscale_2x(surface, surface), one thread", ours, fast,
           f"cv2 on reinterpreted ({threads} threads)", target=round(1 / 1.5, 3))
    report("downscale_2x(..., threads=True), rayon bands", ours_2, fast,
           f"cv2 on reinterpreted ({threads} threads)")


def seed_001():
    for n in ([1_000_000] if QUICK else [1_000_000, 10_000_000]):
        print(f"-- seed 001: {n:,} packed Person records ({n * 44 / 1e6:.0f} MB)")
        a = np.zeros(n, PERSON)
        a["salary"] = np.random.default_rng(1).uniform(1000, 9000, n)
        repeat = 5 if QUICK else 15
        assert abs(t.mean_salary(a) - a["salary"].mean()) < 1e-6
        assert abs(t.mean_salary_threads(a) - a["salary"].mean()) < 1e-6
        ours, numpy, threads = median_seconds(
            lambda: t.mean_salary(a), lambda: a["salary"].mean(),
            lambda: t.mean_salary_threads(a), repeat=repeat, pause=0.02)
        report("mean_salary(a): Column::sum, one thread", ours, numpy,
               "a['salary'].mean()")
        report("mean_salary_threads(a): rayon chunks", threads, numpy,
               "a['salary'].mean()", target=1.3 if n == 10_000_000 else None)
        # The salaries sit in every 64-byte line of the records, so both
        # sides read all the bytes: one thread is bound by memory bandwidth.
        print(f"  read rate, one thread: ours {a.nbytes / ours / 1e9:.1f} GB/s, "
              f"NumPy {a.nbytes / numpy / 1e9:.1f} GB/s")

        def numpy_raise():
            a["salary"] *= 1.1

        ours, numpy = median_seconds(lambda: t.raise_salary(a, 1.1), numpy_raise, repeat=repeat)
        report("raise_salary(a, 1.1): columns_mut().salary", ours, numpy, "a['salary'] *= 1.1")
        del a


def seed_002():
    print("-- seed 002: Pillow RGB image to a (h, w, 3) NumPy array")
    rng = np.random.default_rng(2)
    before = Image.core.get_block_size()
    for w, h in [(2000, 2000), (4096, 4096)]:
        # One block: Pillow's default block is 16 MiB; raise it for the
        # larger image so it stays one Arrow array.
        Image.core.set_block_size(max(before, w * h * 4))
        image = Image.fromarray(rng.integers(0, 256, (h, w, 3), dtype=np.uint8), "RGB")
        Image.core.set_block_size(before)
        assert np.array_equal(np.asarray(t.pillow_to_rgb(image)), np.asarray(image))
        repeat = 5 if QUICK else 15
        ours, asarray, array = median_seconds(
            lambda: np.asarray(t.pillow_to_rgb(image)), lambda: np.asarray(image),
            lambda: np.array(image), repeat=repeat, pause=0.02)
        report(f"{w}x{h}: np.asarray(pillow_to_rgb(im)), one pass", ours, asarray, "np.asarray(im)")
        report(f"{w}x{h}: np.asarray(pillow_to_rgb(im)), one pass", ours, array, "np.array(im)")


def main():
    print(f"numpy {np.__version__}, opencv {cv2.__version__}, pygame {pg.version.ver}, "
          f"Pillow {Image.__version__}, python {sys.version.split()[0]}, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f}")
    per_call_overhead()
    seed_000()
    seed_001()
    seed_002()


if __name__ == "__main__":
    main()
