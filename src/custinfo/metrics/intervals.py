"""Confidence intervals for an accuracy rate, and how many records to audit.

Wilson's score interval is the default (Newcombe 1998 recommends it over the
normal approximation, which leaves [0, 1] and collapses at 0% and 100%);
Clopper–Pearson's exact interval is available. With a population size ``N``
the interval gets the finite-population correction: Wilson with the effective
sample size n·(N−1)/(N−n), Clopper–Pearson as the exact hypergeometric
interval. Everything is pure Python (``statistics.NormalDist`` for quantiles,
a continued fraction for the regularized incomplete beta function).

>>> ci = proportion(389, 400, population=120_000)
>>> ci.summary()
'accuracy 97.2% (95% CI 95.1–98.5%, n=400 of N=120,000)'
>>> ci.summary("zh")
'准确率 97.2%(95% 置信区间 95.1%–98.5%,样本 n=400,总体 N=120,000)'
>>> sample_size(0.05)
385
"""

from __future__ import annotations

import math
from statistics import NormalDist
from typing import Literal

from attrs import define

from custinfo.findings import DefinitionError

__all__ = [
    "METHODS",
    "Interval",
    "Method",
    "beta_ppf",
    "clopper_pearson",
    "margin_of_error",
    "proportion",
    "regularized_beta",
    "sample_size",
    "wilson",
    "z_value",
]

Method = Literal["wilson", "clopper-pearson"]
METHODS: tuple[Method, ...] = ("wilson", "clopper-pearson")

_LABELS = {"en": "accuracy", "zh": "准确率"}


@define(frozen=True, slots=True)
class Interval:
    """A rate with its confidence interval, and what it was computed from.

    ``population`` is the number of records the sample was drawn from (``N``),
    shown in :meth:`summary`; ``fpc`` tells whether the finite-population
    correction narrowed the interval.
    """

    successes: int
    n: int
    low: float
    high: float
    confidence: float = 0.95
    method: Method = "wilson"
    population: int | None = None
    fpc: bool = False

    @property
    def estimate(self) -> float:
        """The observed rate, successes / n."""
        return self.successes / self.n

    @property
    def margin(self) -> float:
        """The larger distance from the estimate to a bound."""
        return max(self.estimate - self.low, self.high - self.estimate)

    def summary(self, locale: str = "en", label: str | None = None) -> str:
        """One sentence: rate, interval, n and N, in ``"en"`` or ``"zh"``."""
        name = label if label is not None else _LABELS.get(locale, _LABELS["en"])
        level = f"{self.confidence * 100:g}%"
        rate, low, high = (_percent(v) for v in (self.estimate, self.low, self.high))
        if locale == "zh":
            size = f"样本 n={self.n:,}"
            if self.population is not None:
                size += f",总体 N={self.population:,}"
            return f"{name} {rate}%({level} 置信区间 {low}%–{high}%,{size})"
        size = f"n={self.n:,}"
        if self.population is not None:
            size += f" of N={self.population:,}"
        return f"{name} {rate}% ({level} CI {low}–{high}%, {size})"

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict, estimate included."""
        return {
            "successes": self.successes,
            "n": self.n,
            "estimate": self.estimate,
            "low": self.low,
            "high": self.high,
            "confidence": self.confidence,
            "method": self.method,
            "population": self.population,
            "fpc": self.fpc,
        }


def _percent(value: float) -> str:
    return f"{value * 100:.1f}"


def z_value(confidence: float) -> float:
    """The two-sided standard normal quantile (1.959964… for 95%)."""
    _check_confidence(confidence)
    return NormalDist().inv_cdf(1 - (1 - confidence) / 2)


def _check_confidence(confidence: float) -> None:
    if not 0 < confidence < 1:
        raise DefinitionError(f"confidence must be between 0 and 1, not {confidence!r}")


def _check_counts(successes: int, n: int, population: int | None) -> None:
    if n < 1 or not 0 <= successes <= n:
        raise DefinitionError(f"need 0 <= successes <= n and n >= 1, got {successes}/{n}")
    if population is not None and population < n:
        raise DefinitionError(f"population {population} is smaller than the sample {n}")


def wilson(
    successes: int, n: int, *, confidence: float = 0.95, population: int | None = None
) -> Interval:
    """Wilson's score interval (with the finite-population correction when ``population``).

    Newcombe (1998), illustrative example 81 of 263, method 3 (score): 0.2553–0.3662.

    >>> ci = wilson(81, 263)
    >>> round(ci.low, 4), round(ci.high, 4)
    (0.2553, 0.3662)
    """
    _check_counts(successes, n, population)
    z = z_value(confidence)
    p = successes / n
    if population is not None and population == n:
        return Interval(successes, n, p, p, confidence, "wilson", population, True)
    # The FPC shrinks the variance by (N-n)/(N-1): the same as a larger sample.
    size = n if population is None else n * (population - 1) / (population - n)
    z2 = z * z / size
    centre = (p + z2 / 2) / (1 + z2)
    half = z * math.sqrt(p * (1 - p) / size + z * z / (4 * size * size)) / (1 + z2)
    low = 0.0 if successes == 0 else max(0.0, centre - half)
    high = 1.0 if successes == n else min(1.0, centre + half)
    return Interval(
        successes, n, low, high, confidence, "wilson", population, population is not None
    )


def clopper_pearson(
    successes: int, n: int, *, confidence: float = 0.95, population: int | None = None
) -> Interval:
    """The exact interval: beta quantiles, or hypergeometric tails with ``population``.

    Newcombe (1998), illustrative example 81 of 263, method 5 (exact): 0.2527–0.3676.

    >>> ci = clopper_pearson(81, 263)
    >>> round(ci.low, 4), round(ci.high, 4)
    (0.2527, 0.3676)
    """
    _check_counts(successes, n, population)
    _check_confidence(confidence)
    alpha = 1 - confidence
    if population is not None:
        low_k, high_k = _hypergeometric_bounds(successes, n, population, alpha / 2)
        return Interval(
            successes, n, low_k / population, high_k / population, confidence,
            "clopper-pearson", population, True,
        )  # fmt: skip
    low = 0.0 if successes == 0 else beta_ppf(alpha / 2, successes, n - successes + 1)
    high = 1.0 if successes == n else beta_ppf(1 - alpha / 2, successes + 1, n - successes)
    return Interval(successes, n, low, high, confidence, "clopper-pearson", population, False)


def proportion(
    successes: int,
    n: int,
    *,
    confidence: float = 0.95,
    method: Method = "wilson",
    population: int | None = None,
) -> Interval:
    """The interval of ``method`` (``"wilson"`` or ``"clopper-pearson"``)."""
    if method == "wilson":
        return wilson(successes, n, confidence=confidence, population=population)
    if method == "clopper-pearson":
        return clopper_pearson(successes, n, confidence=confidence, population=population)
    raise DefinitionError(f"unknown interval method {method!r}; use one of {METHODS}")


# --- the beta distribution, for Clopper–Pearson ------------------------------------------


def regularized_beta(x: float, a: float, b: float) -> float:
    """I_x(a, b), the beta distribution's CDF, by Lentz's continued fraction.

    >>> round(regularized_beta(0.5, 2, 3), 10)  # 11/16
    0.6875
    """
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    log_front = (
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    )
    # The fraction converges fast only on the near side of the mean: use symmetry beyond it.
    if x > (a + 1) / (a + b + 2):
        return 1.0 - math.exp(log_front) * _beta_fraction(1 - x, b, a) / b
    return math.exp(log_front) * _beta_fraction(x, a, b) / a


def _beta_fraction(x: float, a: float, b: float) -> float:
    tiny = 1e-300
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1)
    d = 1.0 / (d if abs(d) > tiny else tiny)
    result = d
    for m in range(1, 10_000):
        for numerator in (
            m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
            -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1)),
        ):
            d = 1.0 + numerator * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + numerator / c
            c = c if abs(c) > tiny else tiny
            result *= c * d
        if abs(c * d - 1.0) < 1e-15:
            break
    return result


def beta_ppf(q: float, a: float, b: float) -> float:
    """The ``q`` quantile of Beta(a, b), by bisection on :func:`regularized_beta`."""
    low, high = 0.0, 1.0
    for _ in range(200):
        mid = (low + high) / 2
        if regularized_beta(mid, a, b) < q:
            low = mid
        else:
            high = mid
        if high - low < 1e-15:
            break
    return (low + high) / 2


# --- the hypergeometric distribution, for Clopper–Pearson with a finite population ---------


def _log_choose(n: int, k: int) -> float:
    return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)


def _hyper_tail(x: int, n: int, population: int, k: int, *, upper: bool) -> float:
    """P(X >= x) (upper) or P(X <= x) for X ~ Hypergeometric(population, k successes, n)."""
    lo, hi = max(0, n - (population - k)), min(n, k)
    span = range(max(x, lo), hi + 1) if upper else range(lo, min(x, hi) + 1)
    total = _log_choose(population, n)
    return sum(
        math.exp(_log_choose(k, i) + _log_choose(population - k, n - i) - total) for i in span
    )


def _hypergeometric_bounds(x: int, n: int, population: int, tail: float) -> tuple[int, int]:
    # The population holds K successes, x <= K <= N - (n - x). P(X >= x | K) grows with K.
    first, last = x, population - (n - x)
    low = first
    if x > 0:
        lo, hi = first, last
        while lo < hi:  # smallest K with P(X >= x | K) > tail
            mid = (lo + hi) // 2
            if _hyper_tail(x, n, population, mid, upper=True) > tail:
                hi = mid
            else:
                lo = mid + 1
        low = lo
    high = last
    if x < n:
        lo, hi = first, last
        while lo < hi:  # largest K with P(X <= x | K) > tail
            mid = (lo + hi + 1) // 2
            if _hyper_tail(x, n, population, mid, upper=False) > tail:
                lo = mid
            else:
                hi = mid - 1
        high = lo
    return low, high


# --- planning ------------------------------------------------------------------------------


def margin_of_error(
    n: int, *, confidence: float = 0.95, population: int | None = None, expected: float = 0.5
) -> float:
    """The normal-approximation margin z·√(p(1−p)/n), with the FPC when ``population``."""
    if n < 1:
        raise DefinitionError("n must be at least 1")
    fpc = 1.0 if population is None else (population - n) / max(population - 1, 1)
    return z_value(confidence) * math.sqrt(expected * (1 - expected) / n * max(fpc, 0.0))


def sample_size(
    margin: float,
    *,
    confidence: float = 0.95,
    population: int | None = None,
    expected: float = 0.5,
) -> int:
    """Records to audit for a target ``margin`` (Cochran: n0 = z²p(1−p)/e², then the FPC).

    ``expected`` is the accuracy you expect; 0.5 is the safe choice when unknown.

    >>> sample_size(0.05, population=1000), sample_size(0.03, population=120_000)
    (278, 1058)
    """
    if not 0 < margin < 1:
        raise DefinitionError(f"margin must be between 0 and 1, not {margin!r}")
    if not 0 < expected < 1:
        raise DefinitionError(f"expected must be between 0 and 1, not {expected!r}")
    n0 = z_value(confidence) ** 2 * expected * (1 - expected) / margin**2
    n = n0 if population is None else n0 / (1 + (n0 - 1) / population)
    needed = math.ceil(round(n, 9))  # 384.0000000001 from rounding noise is 384
    return needed if population is None else min(needed, population)
