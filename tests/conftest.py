"""Shared fixtures: a fresh simulated heap per test (pymalloc + object model + reclaim)."""

import os

import pytest


@pytest.fixture
def heap():
    from heapsim.runtime import build_heap
    return build_heap(audit=True)


def pytest_configure(config):
    # Hash-dependent orders (sets, str hashes) must match the oracle run under the same seed.
    if os.environ.get("PYTHONHASHSEED") != "0":
        raise pytest.UsageError("run the tests with PYTHONHASHSEED=0 (see README.md)")
