"""Seed 001: structured NumPy arrays as typed records and columns."""
import array

import numpy as np
import pytest
import typed_layout_test as t
from conftest import PERSON, PERSON_ALIGNED, people


@pytest.mark.parametrize("n", [0, 1, 7, 1000, 200_000])
def test_mean_salary_packed(n):
    a = people(n)
    assert a.dtype.itemsize == 44 and a.dtype.fields["salary"][1] == 36
    if n == 0:
        assert np.isnan(t.mean_salary(a)) and np.isnan(t.mean_salary_threads(a))
    else:
        assert t.mean_salary(a) == pytest.approx(a["salary"].mean(), rel=1e-12)
        assert t.mean_salary_threads(a) == pytest.approx(a["salary"].mean(), rel=1e-12)


def test_mean_salary_aligned():
    a = people(1000, PERSON_ALIGNED)
    assert a.dtype.itemsize == 48 and a.dtype.fields["salary"][1] == 40
    assert t.mean_salary_aligned(a) == pytest.approx(a["salary"].mean(), rel=1e-12)


def test_mean_salary_big_endian_copy():
    a = people(1000)
    be = a.astype(PERSON.newbyteorder(">"))
    assert be.dtype["salary"].byteorder == ">"
    assert t.mean_salary_be(be) == pytest.approx(a["salary"].mean(), rel=1e-12)


@pytest.mark.parametrize("dtype", [PERSON, PERSON_ALIGNED, PERSON.newbyteorder(">")])
def test_raise_in_place_equals_numpy(dtype):
    a = people(1000, dtype)
    expected = a["salary"] * 1.1
    raise_salary = {
        PERSON: t.raise_salary,
        PERSON_ALIGNED: t.raise_salary_aligned,
    }.get(dtype, t.raise_salary_be)
    raise_salary(a, 1.1)
    np.testing.assert_array_equal(a["salary"], expected)


def test_sliced_and_reversed():
    a = people(1000)
    every_third = a[::3]
    assert every_third.strides == (132,)
    assert t.mean_salary(every_third) == pytest.approx(every_third["salary"].mean(), rel=1e-12)
    assert t.ages(a[::-3]) == list(a[::-3]["age"])
    untouched = a[1::3]["salary"].copy()
    expected = a[::3]["salary"] * 1.1
    t.raise_salary(a[::3], 1.1)
    np.testing.assert_array_equal(a[::3]["salary"], expected)
    np.testing.assert_array_equal(a[1::3]["salary"], untouched)


def test_field_view_is_a_column():
    a = people(1000)
    salary = a["salary"]
    assert salary.strides == (44,) and memoryview(salary).format == "=d"
    assert t.mean_column(salary) == pytest.approx(salary.mean(), rel=1e-12)
    expected = salary * 1.1
    t.scale_column(a["salary"], 1.1)
    np.testing.assert_array_equal(a["salary"], expected)
    # The field of an aligned array is aligned; of a reversed one, negative.
    b = people(100, PERSON_ALIGNED)
    assert t.mean_column(b["salary"][::-1]) == pytest.approx(b["salary"].mean(), rel=1e-12)


def test_c_ordered_nd_arrays_flatten():
    a = people(60).reshape(3, 4, 5)
    assert t.mean_salary(a) == pytest.approx(a["salary"].mean(), rel=1e-12)
    assert t.ages(a[1]) == list(a[1].ravel()["age"])
    # A 0-d array (NumPy exports it without shape or strides) is one record.
    zero_d = people(1)[0:1].reshape(())
    assert t.ages(zero_d) == [int(zero_d["age"])]


def test_other_buffer_objects():
    data = bytes(range(256)) * 3
    assert t.sum_bytes(data) == sum(data)
    buf = bytearray(data)
    t.increment_bytes(buf)
    assert buf == bytearray((b + 1) % 256 for b in data)
    assert t.sum_bytes(memoryview(buf)[10:20]) == sum(buf[10:20])
    assert t.sum_bytes(memoryview(buf)[::-7]) == sum(buf[::-7])
    doubles = array.array("d", [1.5, 2.5, 4.0])
    assert t.mean_column(doubles) == pytest.approx(8.0 / 3)
    t.scale_column(doubles, 2.0)
    assert list(doubles) == [3.0, 5.0, 8.0]


# ---------------------------------------------------------------- refusals


def test_wrong_dtype_is_a_type_error_naming_the_field():
    a = np.zeros(3, [("name", "S32"), ("age", "<i4"), ("salary", "<f4")])
    with pytest.raises(TypeError, match=r"dtypes differ at field `salary`") as info:
        t.mean_salary(a)
    assert "'<f4'" in str(info.value) and "'<f8'" in str(info.value)
    with pytest.raises(TypeError, match=r"field `age`: the byte orders differ.*use Be<T> or Le<T>"):
        t.mean_salary(people(3).astype(PERSON.newbyteorder(">")))
    with pytest.raises(TypeError, match=r"field `salary`: the offsets differ: expected .* at offset 36, found .* at offset 40"):
        t.mean_salary(people(3, PERSON_ALIGNED))
    with pytest.raises(TypeError, match=r"buffer protocol"):
        t.mean_salary([1, 2, 3])


def test_read_only_buffer_for_a_mutable_view():
    a = people(10)
    a.flags.writeable = False
    with pytest.raises(BufferError, match=r"read-only"):
        t.raise_salary(a, 1.1)
    with pytest.raises(BufferError, match=r"read-only"):
        t.increment_bytes(b"immutable")
    # Reading is fine.
    assert t.mean_salary(a) == pytest.approx(a["salary"].mean())


@pytest.mark.parametrize(
    "pair",
    [
        lambda a: (a, a[::2][: len(a) // 2]),
        lambda a: (a[::2][: len(a) // 2], a),
        lambda a: (a[:500], a[499:999]),
        lambda a: (a, a),
    ],
)
def test_aliasing_arguments_are_refused(pair):
    a = people(1000)
    before = a.copy()
    source, target = pair(a)
    with pytest.raises(ValueError, match=r"overlap bytes .* already lent to a read-only view"):
        t.copy_people(source, target)
    np.testing.assert_array_equal(a, before)  # nothing written
    # Both views were released: the same arrays work when they do not overlap.
    t.copy_people(a[:500], a[500:])
    np.testing.assert_array_equal(a[500:], before[:500])


def test_shared_views_may_overlap():
    a = people(100)
    both = t.mean_salary_of_both(a, a[::2])
    expected = (a["salary"].sum() + a[::2]["salary"].sum()) / 150
    assert both == pytest.approx(expected, rel=1e-12)


def test_aliasing_through_another_exporter():
    a = people(10)
    with pytest.raises(ValueError, match=r"overlap"):
        t.copy_people(memoryview(a), a)


def test_fortran_arrays_do_not_flatten():
    a = np.asfortranarray(people(12).reshape(3, 4))
    with pytest.raises(ValueError, match=r"not nested in C order .* shape \[3, 4\], strides \[44, 132\]|shape \[3, 4\], strides \[44, 132\].*not nested in C order"):
        t.mean_salary(a)
    # One column of it is a plain strided run.
    assert t.mean_salary(a[:, 1]) == pytest.approx(a[:, 1]["salary"].mean(), rel=1e-12)


def test_misaligned_records_are_a_value_error_with_the_numbers():
    raw = np.zeros(48 * 4 + 1, np.uint8)
    a = raw[1:].view(PERSON_ALIGNED)
    with pytest.raises(ValueError, match=r"8-byte alignment.*1 bytes past"):
        t.mean_salary_aligned(a)


def test_export_holds_the_array():
    holder = [np.zeros(100, np.uint8)]
    other = np.zeros(1, np.uint8)
    # Control: nothing holds holder[0], so NumPy may resize it.
    t.hold_bytes_and_call(other, lambda: holder[0].resize(200))
    assert holder[0].shape == (200,)
    # A view holds the buffer (and a reference): NumPy refuses.
    with pytest.raises(ValueError, match=r"cannot resize"):
        t.hold_bytes_and_call(holder[0], lambda: holder[0].resize(300))
    assert holder[0].shape == (200,)


def test_format_cache_follows_renamed_fields():
    dtype = np.dtype(PERSON.descr)  # its own dtype object: renamed below
    a = people(10, dtype)
    assert t.mean_salary(a) == pytest.approx(a["salary"].mean())
    assert t.mean_salary(a[::2]) == pytest.approx(a[::2]["salary"].mean())  # same dtype
    a.dtype.names = ("name", "age", "pay")  # renames the dtype object in place
    with pytest.raises(TypeError, match=r"the field names differ.*'salary'.*'pay'|'pay'.*'salary'"):
        t.mean_salary(a)
    a.dtype.names = ("name", "age", "salary")
    assert t.mean_salary(a) == pytest.approx(a["salary"].mean())


def test_many_dtypes_through_the_format_cache():
    # More distinct dtype objects than the cache keeps (64): it starts over
    # and every answer stays right.
    arrays = [people(5, np.dtype(PERSON.descr), seed=i) for i in range(150)]
    for _ in range(2):
        for a in arrays:
            assert t.ages(a) == list(a["age"])
