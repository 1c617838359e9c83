"""Statistical checks that the draw is uniform, with a stdlib chi-square test.

Every sample is derived from fixed seeds, so each test is deterministic: it either always passes
or always fails. The threshold is p > 0.001; the sanity tests show the same test rejects a
sampler with modulo bias and the classic wrong shuffle.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence

import pytest

from bot.domain import fairness
from bot.domain.fairness import Drbg

ALPHA = 0.001
EPSILON = 1e-15
TINY = 1e-300
MAX_ITERATIONS = 10_000


def chi_square_sf(statistic: float, degrees_of_freedom: int) -> float:
    """P(X >= statistic) for X chi-square distributed: Q(k/2, x/2)."""
    return regularized_gamma_q(degrees_of_freedom / 2, statistic / 2)


def regularized_gamma_q(a: float, x: float) -> float:
    """Upper regularised incomplete gamma, as in Numerical Recipes (gammq)."""
    if a <= 0 or x < 0:
        raise ValueError("need a > 0 and x >= 0")
    if x == 0:
        return 1.0
    if x < a + 1:
        return 1.0 - _lower_series(a, x)
    return _upper_continued_fraction(a, x)


def _prefactor(a: float, x: float) -> float:
    return math.exp(-x + a * math.log(x) - math.lgamma(a))


def _lower_series(a: float, x: float) -> float:
    term = total = 1.0 / a
    denominator = a
    for _ in range(MAX_ITERATIONS):
        denominator += 1
        term *= x / denominator
        total += term
        if abs(term) < abs(total) * EPSILON:
            return total * _prefactor(a, x)
    raise ArithmeticError("the gamma series did not converge")


def _upper_continued_fraction(a: float, x: float) -> float:
    # Modified Lentz evaluation of the continued fraction for Q(a, x).
    b = x + 1 - a
    c = 1 / TINY
    d = 1 / b
    fraction = d
    for i in range(1, MAX_ITERATIONS):
        an = -i * (i - a)
        b += 2
        d = an * d + b
        d = TINY if abs(d) < TINY else d
        c = b + an / c
        c = TINY if abs(c) < TINY else c
        d = 1 / d
        delta = d * c
        fraction *= delta
        if abs(delta - 1) < EPSILON:
            return fraction * _prefactor(a, x)
    raise ArithmeticError("the gamma continued fraction did not converge")


def chi_square(counts: Sequence[int]) -> float:
    expected = sum(counts) / len(counts)
    return sum((count - expected) ** 2 / expected for count in counts)


def assert_uniform(counts: Sequence[int]) -> None:
    statistic = chi_square(counts)
    p_value = chi_square_sf(statistic, len(counts) - 1)
    assert p_value > ALPHA, f"chi2={statistic:.2f}, p={p_value:.3g}, counts={list(counts)}"


def even_dof_sf(x: float, degrees_of_freedom: int) -> float:
    half = x / 2
    return math.exp(-half) * sum(
        half**k / math.factorial(k) for k in range(degrees_of_freedom // 2)
    )


class TestChiSquareSurvival:
    @pytest.mark.parametrize("x", [0.01, 0.5, 1.0, 2.0, 3.841458820694124, 10.0, 50.0])
    def test_one_degree_of_freedom_is_erfc(self, x: float) -> None:
        assert chi_square_sf(x, 1) == pytest.approx(math.erfc(math.sqrt(x / 2)), rel=1e-10)

    @pytest.mark.parametrize("dof", [2, 4, 10, 30])
    @pytest.mark.parametrize("x", [0.3, 1.0, 5.0, 9.0, 20.0, 60.0])
    def test_even_degrees_of_freedom_match_the_closed_form(self, dof: int, x: float) -> None:
        assert chi_square_sf(x, dof) == pytest.approx(even_dof_sf(x, dof), rel=1e-9)

    @pytest.mark.parametrize(
        ("x", "dof", "p"),
        [(3.841458820694124, 1, 0.05), (27.877164871256568, 9, 0.001), (20.515, 5, 0.001)],
    )
    def test_tabulated_critical_values(self, x: float, dof: int, p: float) -> None:
        assert chi_square_sf(x, dof) == pytest.approx(p, rel=1e-3)

    def test_zero_is_certain(self) -> None:
        assert chi_square_sf(0.0, 9) == 1.0

    def test_the_test_rejects_modulo_bias(self) -> None:
        drbg = Drbg(bytes(32))
        counts = Counter(drbg.next_u64() % 8 % 3 for _ in range(30_000))
        statistic = chi_square([counts[k] for k in range(3)])
        assert chi_square_sf(statistic, 2) < ALPHA


def first_winner_counts(n: int, draws: int, seed_offset: int) -> list[int]:
    """1-winner draws among ``n``: the winner is position 0, i.e. ``entrants[uniform_below(n)]``."""
    entrants = fairness.canonical_entrants(fairness.entrant_ids(bytes(32), range(n)).values())
    digest = fairness.entrant_digest(entrants)
    counts = [0] * n
    for index in range(seed_offset, seed_offset + draws):
        counts[Drbg.for_draw(index.to_bytes(32, "big"), digest).uniform_below(n)] += 1
    return counts


@pytest.mark.parametrize("n", [10, 3, 7])
def test_a_million_single_winner_draws_are_uniform(n: int) -> None:
    assert_uniform(first_winner_counts(n, 1_000_000, seed_offset=n * 10_000_000))


def test_the_primitive_is_what_the_draw_uses() -> None:
    entrants = fairness.canonical_entrants(fairness.entrant_ids(bytes(32), range(10)).values())
    digest = fairness.entrant_digest(entrants)
    for index in range(200):
        seed = index.to_bytes(32, "big")
        winner = entrants[Drbg.for_draw(seed, digest).uniform_below(10)]
        assert fairness.draw(seed, entrants, 1, {}).winners == (winner,)


def test_twenty_thousand_full_draws_are_uniform() -> None:
    counts = [0] * 10
    for index in range(20_000):
        seed = (index + 1).to_bytes(32, "big")
        user_of = {entrant: user for user, entrant in fairness.entrant_ids(seed, range(10)).items()}
        entrants = fairness.canonical_entrants(user_of)
        counts[user_of[fairness.draw(seed, entrants, 1, {}).winners[0]]] += 1
    assert_uniform(counts)


def permutation_counts(shuffle: Callable[[bytes, list[str]], list[str]], samples: int) -> list[int]:
    """How often each order of the input positions comes out, over ``samples`` seeds."""
    entrants = fairness.canonical_entrants(fairness.entrant_ids(bytes(32), range(3)).values())
    counts: Counter[tuple[int, ...]] = Counter()
    for index in range(samples):
        order = shuffle((index + 7).to_bytes(32, "big"), entrants)
        counts[tuple(entrants.index(entrant) for entrant in order)] += 1
    assert len(counts) == 6
    return list(counts.values())


def naive_shuffle(seed: bytes, entrants: list[str]) -> list[str]:
    """The classic mistake: swap each position with ANY position."""
    drbg = Drbg.for_draw(seed, fairness.entrant_digest(entrants))
    pool = list(entrants)
    for i in range(len(pool)):
        j = drbg.uniform_below(len(pool))
        pool[i], pool[j] = pool[j], pool[i]
    return pool


def test_all_six_orders_of_three_are_equally_likely() -> None:
    assert_uniform(permutation_counts(fairness.permutation, 60_000))


def test_the_permutation_test_catches_the_naive_shuffle() -> None:
    counts = permutation_counts(naive_shuffle, 60_000)
    assert chi_square_sf(chi_square(counts), 5) < ALPHA
