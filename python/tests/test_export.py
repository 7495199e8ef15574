"""RecordBuf and ImageBuf handed to Python, viewed by NumPy in place."""
import gc
import zlib

import numpy as np
import pytest
import typed_layout_test as t
from conftest import PERSON


def test_records_become_a_structured_array():
    buffer = t.make_people(5)
    assert type(buffer).__name__ == "LayoutBuffer"
    assert buffer.format == "T{(32)B:name:i:age:=d:salary:}"
    assert (buffer.shape, buffer.strides) == ([5], [44])
    a = np.asarray(buffer)
    assert a.dtype.names == ("name", "age", "salary")
    assert a.dtype.itemsize == 44 and a.dtype.fields["salary"][1] == 36
    np.testing.assert_array_equal(a["age"], 20 + np.arange(5))
    np.testing.assert_array_equal(a["salary"], 1000.0 + np.arange(5))
    assert bytes(a["name"][3]).rstrip(b"\0") == b"person 3"
    # Same memory: a second array sees writes through the first.
    a["age"][2] = 99
    assert np.asarray(buffer)["age"][2] == 99
    # And the records go back into Rust as records (same dtype).
    assert t.mean_salary(buffer) == pytest.approx(1002.0)
    # The NumPy dtype NumPy itself would write for the same bytes.
    as_numpy = a.view(PERSON)
    assert t.mean_salary(as_numpy) == pytest.approx(1002.0)


def test_padded_records_keep_their_gaps():
    a = np.asarray(t.make_people_aligned(4))
    assert a.dtype.itemsize == 48
    assert a.dtype.fields["salary"][1] == 40 and a.dtype.fields["age"][1] == 32
    np.testing.assert_array_equal(a["salary"], 0.5 * np.arange(4))


def test_the_array_keeps_the_buffer_alive():
    a = np.asarray(t.make_people(10_000))
    gc.collect()
    churn = [np.ones(1000) for _ in range(1000)]  # reuse freed memory, if any
    del churn
    np.testing.assert_array_equal(a["salary"], 1000.0 + np.arange(10_000))
    assert type(a.base).__name__ in ("LayoutBuffer", "memoryview")


def test_images_become_arrays():
    rgb = np.asarray(t.make_rgb(5, 3))
    assert rgb.shape == (3, 5, 3) and rgb.dtype == np.uint8
    np.testing.assert_array_equal(rgb[2, 4], [4, 2, 7])
    bgra = np.asarray(t.make_image(3, 2))
    assert bgra.shape == (2, 3) and bgra.dtype.names == ("b", "g", "r", "a")
    assert bgra.strides == (64, 4)  # rows padded to 64 bytes
    assert bgra[1, 2]["r"] == 3
    as_channels = bgra.view(np.uint8).reshape(2, 3, 4)
    np.testing.assert_array_equal(as_channels[1, 2], [2, 1, 3, 255])


def test_padded_image_refuses_contiguous_requests():
    buffer = t.make_image(3, 2)
    with pytest.raises(BufferError, match=r"not C-contiguous"):
        zlib.crc32(buffer)  # PyBUF_SIMPLE: one run of bytes
    # Strided consumers see the pixels without the row padding.
    assert bytes(buffer) == bytes(np.asarray(buffer).view(np.uint8).reshape(2, 12))
    assert len(bytes(buffer)) == 24
    packed = t.make_rgb(2, 1)
    assert zlib.crc32(packed) == zlib.crc32(bytes([0, 0, 7, 1, 0, 7]))
