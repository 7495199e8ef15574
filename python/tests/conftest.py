"""Shared fixtures of the typed_layout_test pytest suite.

The extension is built by .ci/run (maturin) and put on PYTHONPATH; the
libraries are the real ones (.ci/run installs them with pip).
"""
import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import numpy as np
import pytest

PERSON = np.dtype([("name", "S32"), ("age", "<i4"), ("salary", "<f8")])
PERSON_ALIGNED = np.dtype(PERSON.descr, align=True)


def people(n, dtype=PERSON, seed=1):
    """n Person records with random ages and salaries."""
    rng = np.random.default_rng(seed)
    a = np.zeros(n, dtype)
    a["name"] = [b"person %d" % i for i in range(n)]
    a["age"] = rng.integers(18, 90, n)
    a["salary"] = rng.uniform(1000, 9000, n).round(2)
    return a


@pytest.fixture
def rng():
    return np.random.default_rng(2024)
