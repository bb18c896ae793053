"""Benchmark: threshold verdicts for every coalition in every Pilkada region.

A synthetic data set of 545 regions (37 provinces, 415 kabupaten, 93 kota) with the 18
national parties of Pemilu 2024: DPT, valid votes and seats drawn at random (seeded).
For each region and each shipped rule set, every party alone and every coalition of up
to 4 parties (4,047 per region, 2.2 million in all) gets a verdict through the pure rules
(`mejabantu.candidacy.rules.threshold.coalition_verdicts`). A sample is cross-checked
against the full `ThresholdRule.check`, which also writes the reasons. Goal: under 1 s
for all regions under the rule set in force (PKPU 10/2024).

Run:  .venv/bin/python bench/candidacy_verdicts.py [--repeat 3] [--max-size 4]
No database and no Django setup is needed.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from math import comb
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mejabantu.candidacy.rules.params import load_shipped  # noqa: E402
from mejabantu.candidacy.rules.threshold import (  # noqa: E402
    PartyResult,
    ThresholdRule,
    coalition_verdicts,
)

PARTIES = 18
LEVELS = ["provinsi"] * 37 + ["kabupaten"] * 415 + ["kota"] * 93


def synthetic_regions(seed: int = 2024) -> list[dict]:
    rng = random.Random(seed)
    regions = []
    for i, level in enumerate(LEVELS):
        if level == "provinsi":
            dpt = rng.randint(400_000, 36_000_000)
            seats_total = rng.choice([35, 45, 55, 65, 85, 100, 120])
        else:
            dpt = rng.randint(15_000, 3_000_000)
            seats_total = rng.choice([20, 25, 30, 35, 40, 45, 50, 55])
        valid = int(dpt * rng.uniform(0.65, 0.85))
        weights = [rng.paretovariate(1.2) for _ in range(PARTIES)]
        total_w = sum(weights)
        votes = [int(valid * w / total_w) for w in weights]
        valid = sum(votes)
        # seats roughly proportional, largest remainders, weakest parties often get none
        quotas = [seats_total * v / valid for v in votes]
        seats = [int(q) for q in quotas]
        rest = sorted(range(PARTIES), key=lambda j: quotas[j] - seats[j], reverse=True)
        for j in rest[: seats_total - sum(seats)]:
            seats[j] += 1
        regions.append(
            {
                "code": f"R{i:03d}",
                "level": level,
                "dpt": dpt,
                "valid": valid,
                "seats_total": seats_total,
                "votes": votes,
                "seats": seats,
            }
        )
    return regions


def run(rule_set, regions, max_size: int) -> tuple[float, int, int]:
    start = time.perf_counter()
    verdicts = eligible = 0
    for r in regions:
        out = coalition_verdicts(
            rule_set,
            level=r["level"],
            dpt=r["dpt"],
            valid_votes_total=r["valid"],
            seats_total=r["seats_total"],
            votes=r["votes"],
            seats=r["seats"],
            max_size=max_size,
        )
        verdicts += len(out)
        eligible += sum(out)
    return time.perf_counter() - start, verdicts, eligible


def cross_check(rule_set, regions, samples: int = 300) -> None:
    """Compare the fast path with the full rule on random coalitions."""
    from itertools import combinations

    rng = random.Random(7)
    rule = ThresholdRule(rule_set)
    for _ in range(samples):
        r = rng.choice(regions)
        k = rng.randint(1, 4)
        chosen = sorted(rng.sample(range(PARTIES), k))
        fast = coalition_verdicts(
            rule_set,
            level=r["level"],
            dpt=r["dpt"],
            valid_votes_total=r["valid"],
            seats_total=r["seats_total"],
            votes=r["votes"],
            seats=r["seats"],
            max_size=k,
        )
        index = sum(comb(PARTIES, s) for s in range(1, k)) + list(
            combinations(range(PARTIES), k)
        ).index(tuple(chosen))
        full = rule.check(
            level=r["level"],
            dpt=r["dpt"],
            valid_votes_total=r["valid"],
            seats_total=r["seats_total"],
            parties=[PartyResult(str(j), str(j), r["votes"][j], r["seats"][j]) for j in chosen],
        )
        assert fast[index] == (full.eligible is True), (r["code"], chosen)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--max-size", type=int, default=4)
    args = parser.parse_args()
    regions = synthetic_regions()
    per_region = sum(comb(PARTIES, k) for k in range(1, args.max_size + 1))
    print(
        f"{len(regions)} regions × {per_region} coalitions (1–{args.max_size} of {PARTIES} "
        f"parties) = {len(regions) * per_region:,} verdicts per rule set"
    )
    for code in ("pkpu10-2024", "uu10-2016-pkpu8-2024"):
        rule_set = load_shipped(code)
        cross_check(rule_set, regions)
        times = []
        for _ in range(args.repeat):
            elapsed, verdicts, eligible = run(rule_set, regions, args.max_size)
            times.append(elapsed)
        best = min(times)
        print(
            f"{code:24s} best {best:.3f} s of {args.repeat} "
            f"({verdicts / best / 1e6:.1f} M verdicts/s); eligible {eligible:,}; "
            f"cross-check of 300 samples against ThresholdRule.check: ok"
        )
    print("rerun: .venv/bin/python bench/candidacy_verdicts.py [--repeat N] [--max-size K]")


if __name__ == "__main__":
    main()
