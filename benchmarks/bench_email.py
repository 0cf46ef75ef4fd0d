"""email.validate against email-validator's validate_email, side by side in one run.

Both get the same already-clean addresses (email-validator cannot read the
full-width forms custinfo normalizes); custinfo's figure includes its
normalization and the domain-typo lookup. Then custinfo's fast path against its
own reference path (``email._check(..., quick=False)``: email-validator for
every address), on popular domains and on company domains that are all
different (the per-domain table is then always learning). Run:

    PYTHONPATH=src python benchmarks/bench_email.py
"""

from __future__ import annotations

import random
import timeit

import email_validator

from custinfo.validators import email


def corpus(size: int, international: float) -> list[str]:
    rng = random.Random(2024)
    return [email.generate(rng, international=rng.random() < international) for _ in range(size)]


def reference(addresses: list[str]) -> None:
    for address in addresses:
        email_validator.validate_email(address, check_deliverability=False)


def ours(addresses: list[str]) -> None:
    for address in addresses:
        email.validate(address)


def measure(label: str, addresses: list[str], repeat: int = 5) -> None:
    ours(addresses)  # warm the provider table and the typo cache
    theirs_s = ours_s = float("inf")
    for _ in range(repeat):  # interleaved, so load from other processes hits both alike
        theirs_s = min(theirs_s, timeit.timeit(lambda: reference(addresses), number=1))
        ours_s = min(ours_s, timeit.timeit(lambda: ours(addresses), number=1))
    n = len(addresses)
    print(
        f"{label:<28} email-validator {n / theirs_s:>10,.0f}/s   "
        f"custinfo {n / ours_s:>10,.0f}/s   ratio {theirs_s / ours_s:5.2f}x"
    )


def company_addresses(size: int) -> list[str]:
    """Addresses at ``size`` different company domains (zhang@c1234.com.cn)."""
    rng = random.Random(7)
    return [f"{email.generate(rng).partition('@')[0]}@c{i}.com.cn" for i in range(size)]


def fast_against_reference(label: str, addresses: list[str], repeat: int = 5) -> None:
    email.check(addresses[0])

    def fast() -> None:
        for address in addresses:
            email.check(address)

    def full() -> None:
        for address in addresses:
            email._check(address, True, quick=False)

    fast_s = full_s = float("inf")
    for _ in range(repeat):
        full_s = min(full_s, timeit.timeit(full, number=1))
        fast_s = min(fast_s, timeit.timeit(fast, number=1))
    n = len(addresses)
    print(
        f"{label:<28} reference path {full_s / n * 1e6:6.2f} µs   "
        f"check {fast_s / n * 1e6:6.2f} µs   ratio {full_s / fast_s:5.1f}x"
    )


def main() -> None:
    measure("ASCII addresses", corpus(5000, 0.0))
    measure("10% internationalized", corpus(5000, 0.1))
    measure("all internationalized", corpus(2000, 1.0))
    fast_against_reference("ASCII addresses", corpus(5000, 0.0))
    fast_against_reference("10,000 company domains", company_addresses(10_000))


if __name__ == "__main__":
    main()
