"""BM25 over title and body: the arithmetic that must always hold."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mejabantu.knowledge.ranking import Candidate, rank, score, stats_of

words = st.sampled_from(["calon", "syarat", "usia", "partai", "dpt", "kursi", "suara"])
docs = st.lists(
    st.tuples(st.lists(words, max_size=4), st.lists(words, max_size=12)), min_size=1, max_size=8
)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(docs, st.lists(words, min_size=1, max_size=4))
def test_scores_are_never_negative_and_order_is_total(items, query):
    candidates = [Candidate(f"k{i}", tuple(t), tuple(b)) for i, (t, b) in enumerate(items)]
    stats = stats_of(candidates)
    ranked = rank(candidates, query, stats, limit=100)
    assert all(s.score > 0 for s in ranked)
    assert [(-s.score, s.key) for s in ranked] == sorted((-s.score, s.key) for s in ranked)


def test_a_match_in_the_title_weighs_more_than_in_the_body():
    in_title = Candidate("a", ("usia",), ("calon", "bupati"))
    in_body = Candidate("b", ("calon",), ("usia", "bupati"))
    stats = stats_of([in_title, in_body])
    assert score(in_title, ["usia"], stats) > score(in_body, ["usia"], stats)


def test_rare_terms_weigh_more_than_common_ones():
    items = [Candidate(f"d{i}", ("calon",), ("syarat",)) for i in range(5)]
    items.append(Candidate("rare", ("calon",), ("lhkpn",)))
    stats = stats_of(items)
    assert rank(items, ["syarat", "lhkpn"], stats, 1)[0].key == "rare"


def test_ties_are_broken_by_key_not_by_insertion_order():
    a = Candidate("b-key", ("usia",), ())
    b = Candidate("a-key", ("usia",), ())
    stats = stats_of([a, b])
    assert [s.key for s in rank([a, b], ["usia"], stats, 5)] == ["a-key", "b-key"]
