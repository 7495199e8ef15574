"""Seed 002: Pillow images viewed through their Arrow export, and to NumPy
in one pass."""
import numpy as np
import pytest
import typed_layout_test as t
from PIL import Image


def random_image(mode, size, rng):
    w, h = size
    bands = len(Image.new(mode, (1, 1)).getbands())
    pixels = rng.integers(0, 256, (h, w, bands), dtype=np.uint8)
    return Image.fromarray(pixels[..., 0] if bands == 1 else pixels, mode)


@pytest.mark.parametrize("size", [(1, 1), (5, 3), (640, 480), (1999, 1001)])
def test_rgb_to_numpy_in_one_pass(size, rng):
    image = random_image("RGB", size, rng)
    got = np.asarray(t.pillow_to_rgb(image))
    expected = np.asarray(image)
    assert got.shape == expected.shape == (size[1], size[0], 3)
    np.testing.assert_array_equal(got, expected)
    got[0, 0] = 0  # writable, its own memory
    assert image.getpixel((0, 0)) == tuple(expected[0, 0])


def test_rgb_pixels_are_four_bytes_in_place(rng):
    image = random_image("RGB", (7, 4), rng)
    r, g, b, x = t.rgbx_at(image, 6, 3)
    assert (r, g, b) == image.getpixel((6, 3))
    assert x == 255  # Pillow's unused byte
    assert t.rgbx_at(image, 7, 0) is None


def test_rgba_and_one_band_modes(rng):
    rgba = random_image("RGBA", (9, 6), rng)
    assert t.rgba_at(rgba, 8, 5) == rgba.getpixel((8, 5))
    gray = random_image("L", (33, 17), rng)
    assert t.gray_sum(gray) == int(np.asarray(gray, dtype=np.uint64).sum())
    floats = Image.fromarray(rng.random((12, 10), dtype=np.float32), "F")
    assert t.float_sum(floats) == pytest.approx(float(np.asarray(floats, dtype=np.float64).sum()), rel=1e-6)


def test_pixel_type_is_checked_against_the_mode(rng):
    image = random_image("RGB", (4, 4), rng)
    with pytest.raises(TypeError, match=r"field `a` of `Rgba8` is not a band of mode RGB.*3: unused"):
        t.rgba_at(image, 0, 0)
    with pytest.raises(TypeError, match=r"ImageView<Bgra8>: field `b` of `Bgra8` is 1 byte\(s\) at byte 0 but band `b` is byte 2"):
        t.bgra_at(image, 0, 0)
    with pytest.raises(TypeError, match=r"does not hold a mode L pixel"):
        t.float_sum(random_image("L", (4, 4), rng))
    with pytest.raises(TypeError, match=r"read-only"):
        t.fill_bgra(random_image("RGBA", (4, 4), rng), 1, 2, 3, 4)


def test_multi_block_images_are_refused_clearly(rng):
    big = Image.new("RGB", (3000, 3000))  # 36 MB: more than one 16 MiB block
    with pytest.raises(ValueError, match=r"several blocks of rows.*set_block_size"):
        t.pillow_to_rgb(big)
    before = Image.core.get_block_size()
    Image.core.set_block_size(64 << 20)
    try:
        one_block = Image.new("RGB", (3000, 3000), (1, 2, 3))
        got = np.asarray(t.pillow_to_rgb(one_block))
        assert got.shape == (3000, 3000, 3) and (got == [1, 2, 3]).all()
    finally:
        Image.core.set_block_size(before)
