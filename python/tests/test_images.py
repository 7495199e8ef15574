"""Seed 000: pygame surfaces and NumPy images as typed image views."""
import cv2
import numpy as np
import pygame as pg
import pytest
import typed_layout_test as t


def padded_surface(w, h, rng, margin=(7, 3)):
    """A w x h SRCALPHA subsurface of a larger surface (so its pitch is
    padded), filled with random pixels through pygame's own arrays."""
    parent = pg.Surface((w + margin[0], h + margin[1]), pg.SRCALPHA)
    surface = parent.subsurface((margin[0] // 2, margin[1] // 2, w, h))
    assert surface.get_pitch() > 4 * w
    pixels = rng.integers(0, 256, (w, h, 4), dtype=np.uint8)
    rgb = pg.surfarray.pixels3d(surface)
    rgb[...] = pixels[..., :3]
    del rgb
    alpha = pg.surfarray.pixels_alpha(surface)
    alpha[...] = pixels[..., 3]
    del alpha
    return parent, surface


def reinterpreted(surface):
    """The surface's memory as a row-major (h, w, 4) BGRA array, built
    from pygame's own buffer view (what the seed did with ctypes)."""
    w, h = surface.get_size()
    x_major = np.asarray(surface.get_view("2"))  # (w, h) uint32, strides (4, pitch)
    rows = x_major.T.view(np.uint8).reshape(h, w, 4)
    assert rows.strides == (surface.get_pitch(), 4, 1)
    return rows


@pytest.mark.parametrize("size", [(64, 48), (640, 360), (1920, 1080)])
@pytest.mark.parametrize("threads", [False, True])
def test_downscale_matches_opencv_inter_area(size, threads, rng):
    w, h = size
    _, source = padded_surface(w, h, rng)
    _, target = padded_surface(w // 2, h // 2, rng, margin=(5, 1))
    t.downscale_2x(source, target, threads)
    assert not source.get_locked() and not target.get_locked()
    expected = cv2.resize(reinterpreted(source), (w // 2, h // 2), interpolation=cv2.INTER_AREA)
    got = reinterpreted(target)
    assert np.abs(got.astype(int) - expected.astype(int)).max() <= 1
    # The seed's own path, on pixels3d, agrees too (R, G, B channels).
    slow = cv2.resize(pg.surfarray.pixels3d(source), (h // 2, w // 2), interpolation=cv2.INTER_AREA)
    assert np.abs(slow.astype(int) - pg.surfarray.array3d(target).astype(int)).max() <= 1


@pytest.mark.parametrize("size", [(2, 2), (34, 6), (1922, 10)])
def test_downscale_widths_of_any_remainder(size, rng):
    # Output widths 1, 17, 961: the kernel's blocks of 4 pixels and its tail.
    w, h = size
    source = rng.integers(0, 256, (h, w, 4), dtype=np.uint8)
    target = np.zeros((h // 2, w // 2, 4), np.uint8)
    t.downscale_2x(source, target)
    expected = cv2.resize(source, (w // 2, h // 2), interpolation=cv2.INTER_AREA)
    assert np.abs(target.astype(int) - expected.astype(int)).max() <= 1


def test_downscale_numpy_images(rng):
    source = rng.integers(0, 256, (96, 128, 4), dtype=np.uint8)
    target = np.zeros((48, 64, 4), np.uint8)
    t.downscale_2x(source, target)
    expected = cv2.resize(source, (64, 48), interpolation=cv2.INTER_AREA)
    assert np.abs(target.astype(int) - expected.astype(int)).max() <= 1
    # Strided targets (every other column of a wider array) work as well.
    wide = np.zeros((48, 128, 4), np.uint8)
    t.downscale_2x(source, wide[:, ::2])
    np.testing.assert_array_equal(wide[:, ::2], target)
    assert not wide[:, 1::2].any()


def test_surface_is_x_major_with_its_pitch(rng):
    parent, surface = padded_surface(9, 5, rng)
    w, h, pixel_stride, row_stride, bgra = t.bgra_at(surface, 7, 3)
    assert (w, h, pixel_stride, row_stride) == (9, 5, 4, surface.get_pitch())
    r, g, b, a = surface.get_at((7, 3))
    assert bgra == (b, g, r, a)


def test_pixels3d_is_read_as_bgr_in_memory_order(rng):
    _, surface = padded_surface(9, 5, rng)
    pixels3d = pg.surfarray.pixels3d(surface)  # (w, h, 3), strides (4, pitch, -1)
    assert pixels3d.strides == (4, surface.get_pitch(), -1)
    # Axis 0 is x: the image view has height w and width h.
    width, height, bgr = t.bgr_at(pixels3d, 3, 7)
    assert (width, height) == (5, 9)
    r, g, b, _ = surface.get_at((7, 3))
    assert bgr == (b, g, r)


def test_surface_locked_while_viewed(rng):
    _, surface = padded_surface(8, 4, rng)
    assert t.hold_image_and_call(surface, surface.get_locked) is True
    assert not surface.get_locked()


def test_channel_names_are_checked_against_the_masks(rng):
    _, surface = padded_surface(8, 4, rng)
    with pytest.raises(TypeError, match=r"field `r` of `Rgba8` is 1 byte\(s\) at byte 0 but .* r at byte 2"):
        t.rgba_at(surface, 0, 0)
    opaque = pg.Surface((8, 4), 0, 32)  # no alpha channel: its mask is 0
    with pytest.raises(TypeError, match=r"field `a` of `Bgra8` needs a channel the surface does not have"):
        t.bgra_at(opaque, 0, 0)
    rgb24 = pg.Surface((8, 4), 0, 24)
    with pytest.raises(TypeError, match=r"`Bgra8` is 4 bytes but the surface has 3-byte pixels"):
        t.bgra_at(rgb24, 0, 0)


def test_same_surface_twice_is_refused(rng):
    parent, surface = padded_surface(64, 32, rng)
    before = reinterpreted(surface).copy()
    with pytest.raises(ValueError, match=r"overlap bytes"):
        t.downscale_2x(surface, surface)
    # A subsurface of the source's parent overlaps the source too.
    with pytest.raises(ValueError, match=r"overlap bytes"):
        t.downscale_2x(surface, parent.subsurface((0, 0, 32, 16)))
    np.testing.assert_array_equal(reinterpreted(surface), before)
    assert not surface.get_locked() and not parent.get_locked()


def test_surface_and_its_array_alias(rng):
    _, surface = padded_surface(64, 32, rng)
    same_memory = reinterpreted(surface)[:16, :32]  # a NumPy view of its pixels
    with pytest.raises(ValueError, match=r"overlap"):
        t.downscale_2x(surface, same_memory)


def test_image_refusals():
    image = np.zeros((8, 6, 4), np.uint8)
    with pytest.raises(ValueError, match=r"channels of a pixel are 48 bytes apart"):
        t.bgra_at(np.asfortranarray(image), 0, 0)
    with pytest.raises(TypeError, match=r"3 channels of 1 bytes are 3 bytes, the pixel type has 4"):
        t.bgra_at(np.zeros((8, 6, 3), np.uint8), 0, 0)
    with pytest.raises(TypeError, match=r"field `b` at byte 0 is `\|u1` but the channels are `\|i1`"):
        t.bgra_at(np.zeros((8, 6, 4), np.int8), 0, 0)
    with pytest.raises(TypeError, match=r"4 channels of 4 bytes are 16 bytes"):
        t.bgra_at(np.zeros((8, 6, 4), np.float32), 0, 0)
    with pytest.raises(ValueError, match=r"not 1-D"):
        t.bgra_at(np.zeros(8, np.uint32), 0, 0)
    read_only = np.zeros((4, 4, 4), np.uint8)
    read_only.flags.writeable = False
    with pytest.raises(BufferError, match=r"read-only"):
        t.fill_bgra(read_only, 1, 2, 3, 4)
    # Writable rows that repeat the same bytes (row stride 0).
    repeated_rows = np.lib.stride_tricks.as_strided(np.zeros(64, np.uint8), (4, 4, 4), (0, 4, 1))
    with pytest.raises(ValueError, match=r"mutable view would alias"):
        t.fill_bgra(repeated_rows, 1, 2, 3, 4)


def test_a_cast_memoryview_is_an_image():
    data = bytearray(range(256)) * 3  # 768 bytes: 8 x 24 pixels of 4 bytes
    image = memoryview(data).cast("B", (8, 24, 4))
    w, h, pixel_stride, row_stride, bgra = t.bgra_at(image, 5, 2)
    assert (w, h, pixel_stride, row_stride) == (24, 8, 4, 96)
    assert bgra == tuple(data[2 * 96 + 5 * 4: 2 * 96 + 5 * 4 + 4])
    t.fill_bgra(image, 1, 2, 3, 4)
    assert data[:8] == bytearray([1, 2, 3, 4, 1, 2, 3, 4])
