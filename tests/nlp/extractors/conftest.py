"""Shared fixtures for the pattern extractors' tests."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

Extractor = Callable[[str], object]


def _seconds(func: Extractor, text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        func(text)
        best = min(best, time.perf_counter() - t0)
    return best


@pytest.fixture
def assert_scales_linearly() -> Callable[[Extractor, str], None]:
    """Check an extractor's time grows linearly from 100 kB to 1 MB of text (no regex backtracking blow-up).

    A fixed wall-clock budget fails or passes with the machine's speed and load; the ratio of the two sizes on the
    same machine does not. Linear work gives about 10×; quadratic gives about 100×. 30× leaves room for a noisy
    neighbour during the large run. The absolute ceiling only catches a gross regression (measured rates are in
    docs/PERFORMANCE.md, `scripts/bench_extractors.py`).
    """

    def check(func: Extractor, para: str) -> None:
        small = (para * (100_000 // len(para) + 1))[:100_000]
        large = (para * (1_000_000 // len(para) + 1))[:1_000_000]
        func(small)  # warm-up: compiled patterns, caches
        t_small = _seconds(func, small, repeat=3)
        t_large = _seconds(func, large, repeat=1)
        name = getattr(func, "__name__", "extractor")
        assert t_large < 30 * max(t_small, 1e-3), f"{name}: 1 MB {t_large:.2f}s vs 100 kB {t_small:.3f}s"
        assert t_large < 30.0, f"{name}: 1 MB took {t_large:.1f}s"

    return check
