"""Knowledge-base search: quality on the development set, latency with 10,000 items.

Quality: for each question of bench/knowledge_devset.json (written the way LOs type), the
answers that answer it; we report hit@1, hit@3 and MRR (over the top 10) for our search and,
side by side on the same published answers, for plain BM25 with lower-cased whitespace
tokens (no Indonesian analyzer). Latency: the whole search call (analysis with misspelling
lookup, database candidates, BM25 in Python, loading the objects) after synthetic articles
bring the index to 10,000 items, on SQLite and on PostgreSQL (DATABASE_URL).

Each database run happens in a child process with a throw-away database (SQLite: a temporary
file; PostgreSQL: Django's test database next to DATABASE_URL's), so nothing is left behind.

    .venv/bin/python bench/knowledge_search.py                     # SQLite only
    DATABASE_URL=postgres:///mejabantu .venv/bin/python bench/knowledge_search.py
    .venv/bin/python bench/knowledge_search.py --items 2000 --devset other.json

Goals: hit@3 >= 0.9, p95 < 20 ms.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "bench" / "knowledge_devset.json"
DATA = ROOT / "mejabantu" / "knowledge" / "data"
RERUN = (
    "rerun: .venv/bin/python bench/knowledge_search.py "
    "(with DATABASE_URL=postgres:///NAME for PostgreSQL too)"
)


def _metrics(ranks: list[int | None]) -> dict[str, float]:
    n = len(ranks) or 1
    return {
        "hit@1": sum(1 for r in ranks if r is not None and r <= 1) / n,
        "hit@3": sum(1 for r in ranks if r is not None and r <= 3) / n,
        "mrr": sum(1 / r for r in ranks if r is not None) / n,
    }


def _first_rank(found: list[str], wanted: set[str]) -> int | None:
    for i, key in enumerate(found[:10], start=1):
        if key in wanted:
            return i
    return None


def child(args: argparse.Namespace) -> None:
    """Run in a fresh database: load the seed, measure quality, grow to N items, time it."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mejabantu.settings")
    os.environ.setdefault("MEJABANTU_DEMO", "1")
    import django

    django.setup()
    from django.db import connection

    vendor = connection.vendor
    if vendor == "sqlite":
        connection.settings_dict["TEST"]["NAME"] = args.sqlite_file
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        _measure(args, vendor)
    finally:
        connection.creation.destroy_test_db(connection.settings_dict["NAME"], verbosity=0)


def _measure(args: argparse.Namespace, vendor: str) -> None:
    from django.db import connection

    from mejabantu.knowledge import analyzer, ranking, search, selectors
    from mejabantu.knowledge import demo as knowledge_demo
    from mejabantu.knowledge.models import Answer, Article, Regulation, SearchEntry
    from mejabantu.offices import demo as offices_demo

    offices_demo.load()
    knowledge_demo.load_regulations(Path(args.regulations))
    knowledge_demo.load_answers(Path(args.faq))
    from mejabantu.knowledge.services import index_rebuild

    index_rebuild()
    devset = json.loads(Path(args.devset).read_text(encoding="utf-8"))

    ours: list[int | None] = []
    for item in devset:
        found = [r.key for r in selectors.search(item["q"], kinds=("answer",), limit=10)]
        ours.append(_first_rank(found, set(item["answers"])))

    answers = list(Answer.objects.filter(state=Answer.State.PUBLISHED))
    plain = [
        ranking.Candidate(
            a.slug, tuple(analyzer.analyze_plain(a.question)), tuple(analyzer.analyze_plain(a.body))
        )
        for a in answers
    ]
    stats = ranking.stats_of(plain)
    baseline: list[int | None] = []
    for item in devset:
        found = [s.key for s in ranking.rank(plain, analyzer.analyze_plain(item["q"]), stats, 10)]
        baseline.append(_first_rank(found, set(item["answers"])))

    misses = [item["q"] for item, rank in zip(devset, ours, strict=True) if not rank or rank > 3]

    # Grow the index to N items with synthetic articles: the seed's own words plus made-up
    # words, drawn with a Zipf-like law as in real text (a few words everywhere, most rare).
    rng = random.Random(42)
    seed_words = sorted(
        {w.lower() for a in answers for w in (a.question + " " + a.body).split() if w.isalpha()}
        | {w.lower() for a in Article.objects.all() for w in a.text.split() if w.isalpha()}
    )
    syllables = ["ka", "ta", "ra", "ma", "na", "sa", "la", "pa", "ba", "ga", "da", "ja"]
    syllables += [s.replace("a", v) for s in syllables for v in "iueo"]
    made_up = sorted(
        {"".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(20000)}
    )
    vocabulary = seed_words + made_up
    rng.shuffle(vocabulary)
    weights = list(itertools.accumulate(1 / (rank**1.07) for rank in range(1, len(vocabulary) + 1)))
    existing = SearchEntry.objects.count()
    regulation = Regulation.objects.create(
        code="sintetis-1-2099", kind="keputusan", number="1", year=2099, title="Data sintetis"
    )
    synthetic = [
        Article(
            key=f"sintetis-1-2099/{i}",
            regulation=regulation,
            pasal=str(i),
            text=" ".join(rng.choices(vocabulary, cum_weights=weights, k=rng.randint(25, 70))),
            position=i,
        )
        for i in range(1, max(args.items - existing, 0) + 1)
    ]
    Article.objects.bulk_create(synthetic, batch_size=1000)
    created = list(Article.objects.filter(regulation=regulation).select_related("regulation"))
    search.index_articles_bulk(created)
    total = SearchEntry.objects.count()
    with connection.cursor() as cursor:  # as autovacuum would after a bulk load
        cursor.execute("ANALYZE")

    queries = [item["q"] for item in devset]
    for q in queries[:5]:
        selectors.search(q, limit=5)  # warm caches (stemmer, connections)
    if args.profile:
        import cProfile
        import pstats

        profile = cProfile.Profile()
        profile.enable()
        for q in queries:
            selectors.search(q, limit=5)
        profile.disable()
        pstats.Stats(profile, stream=sys.stderr).sort_stats("cumulative").print_stats(
            "mejabantu|sqlite3/base|query.py.*(in_bulk|prefetch)", 40
        )
        from mejabantu.knowledge.search import Filters

        for q in queries:
            t0 = time.perf_counter()
            tokens = search.query_tokens(q)
            t1 = time.perf_counter()
            stats = search.corpus_stats(tokens)
            t2 = time.perf_counter()
            finding = search.selective(tokens, stats)
            cands = search.find_candidates(finding, Filters())
            t3 = time.perf_counter()
            ranking.rank(cands, tokens, stats, 10)
            t4 = time.perf_counter()
            selectors.search(q, limit=5)
            t5 = time.perf_counter()
            print(
                f"{q[:30]!r} tokens={len(tokens)} finding={finding} cands={len(cands)} "
                f"analyze={1000 * (t1 - t0):.1f} stats={1000 * (t2 - t1):.1f} "
                f"cand={1000 * (t3 - t2):.1f} rank={1000 * (t4 - t3):.1f} "
                f"full={1000 * (t5 - t4):.1f}",
                file=sys.stderr,
            )
    # the order at full size, compared between the databases by main()
    top10 = {q: [f"{h.kind}:{h.key}" for h in selectors.search(q, limit=10)] for q in queries}
    timings, cpu = [], []
    for _ in range(args.rounds):
        for q in queries:
            start, start_cpu = time.perf_counter(), time.process_time()
            selectors.search(q, limit=5)
            timings.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
    timings.sort()
    cpu.sort()
    p50 = statistics.median(timings)
    p95 = timings[max(int(len(timings) * 0.95) - 1, 0)]
    print(
        json.dumps(
            {
                "vendor": vendor,
                "questions": len(devset),
                "answers": len(answers),
                "ours": _metrics(ours),
                "plain": _metrics(baseline),
                "misses": misses,
                "items": total,
                "searches": len(timings),
                "p50_ms": round(p50, 2),
                "p95_ms": round(p95, 2),
                "cpu_p50_ms": round(statistics.median(cpu), 2),
                "cpu_p95_ms": round(cpu[max(int(len(cpu) * 0.95) - 1, 0)], 2),
                "load": round(os.getloadavg()[0], 1),
                "top10": top10,
            }
        )
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", default=str(DEVSET))
    parser.add_argument("--faq", default=str(DATA / "faq.json"))
    parser.add_argument("--regulations", default=str(DATA / "regulations.json"))
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--profile", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--sqlite-file", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return 0
    for label, path in (("development set", args.devset), ("FAQ seed", args.faq)):
        if not Path(path).exists():
            print(f"No {label} at {path}: nothing to measure.")
            print(RERUN)
            return 0
    if not Path(args.regulations).exists():
        print(f"No regulations seed at {args.regulations}: nothing to measure.")
        return 0

    runs = [("SQLite", {k: v for k, v in os.environ.items() if k != "DATABASE_URL"})]
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        runs.append(("PostgreSQL", dict(os.environ)))
    else:
        print("DATABASE_URL is not PostgreSQL: measuring SQLite only.")
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for label, env in runs:
            env = {**env, "MEJABANTU_DEMO": "1", "MEJABANTU_VAR": tmp}
            command = [
                sys.executable,
                __file__,
                "--child",
                "--devset", args.devset,
                "--faq", args.faq,
                "--regulations", args.regulations,
                "--items", str(args.items),
                "--rounds", str(args.rounds),
                "--sqlite-file", str(Path(tmp) / "bench.sqlite3"),
            ]  # fmt: skip
            print(f"{label}: loading the seed and {args.items} items ...", flush=True)
            out = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
            if out.returncode:
                print(out.stderr[-3000:])
                return out.returncode
            results.append((label, json.loads(out.stdout.strip().splitlines()[-1])))

    first = results[0][1]
    print()
    print(f"Quality on {first['questions']} questions, {first['answers']} published answers")
    print(f"{'':24}{'hit@1':>8}{'hit@3':>8}{'MRR':>8}")
    for name, key in (("our search", "ours"), ("plain BM25 (baseline)", "plain")):
        m = first[key]
        print(f"{name:24}{m['hit@1']:8.3f}{m['hit@3']:8.3f}{m['mrr']:8.3f}")
    if first["misses"]:
        print("Not in our top 3:")
        for q in first["misses"]:
            print(f"  - {q}")
    print()
    print("Latency of one search (analysis, candidates, BM25, loading), milliseconds;")
    print("wall clock, and this process's CPU time (less sensitive to a busy machine)")
    for label, data in results:
        print(
            f"{label:12} items={data['items']:>6} searches={data['searches']:>4} "
            f"p50={data['p50_ms']:6.2f}  p95={data['p95_ms']:6.2f}  "
            f"cpu p50={data['cpu_p50_ms']:6.2f}  cpu p95={data['cpu_p95_ms']:6.2f}  "
            f"(load average {data['load']})"
        )
    if len(results) == 2:
        a, b = results[0][1]["top10"], results[1][1]["top10"]
        same = [q for q in a if a[q] == b.get(q)]
        print(
            f"Same top 10, in the same order, on both databases ({first['items']} items): "
            f"{len(same)} of {len(a)} queries"
        )
        for q in a:
            if a[q] != b.get(q):
                print(f"  - differs: {q}")
    print()
    print("Goals: hit@3 >= 0.9, p95 < 20 ms.")
    print(RERUN)
    return 0


if __name__ == "__main__":
    sys.exit(main())
