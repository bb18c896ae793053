"""The search index and its two backends (SQLite FTS5, PostgreSQL full text).

Only published answers and the articles of regulations are indexed, as the analyzer's tokens:
the question or the article's reference is the title (weight A / FTS column ``title``), the
rest is the body. The database finds the candidates (at most ``CANDIDATES`` by its own rank);
``ranking.rank`` orders them in Python with corpus statistics read from the index, so SQLite
and PostgreSQL give the same order for the same data.

- ``vocabulary``: the surface words seen in the index, for correcting misspelt queries;
- ``documents``: the title and body an answer or article is indexed with;
- ``indexing``: writing entries, document frequencies and totals (``index_answer`` ...);
- ``query``: reading: query tokens, candidates, corpus statistics (``search_index`` ...).
"""

from mejabantu.knowledge.search.documents import answer_document, article_document
from mejabantu.knowledge.search.indexing import (
    clear_index,
    index_answer,
    index_article,
    index_articles_bulk,
    remove_entry,
)
from mejabantu.knowledge.search.query import (
    CANDIDATES,
    Filters,
    Hit,
    corpus_stats,
    find_candidates,
    query_tokens,
    search_index,
    search_with_tokens,
    selective,
)
from mejabantu.knowledge.search.vocabulary import vocabulary_lookup, vocabulary_near

__all__ = [
    "CANDIDATES",
    "Filters",
    "Hit",
    "answer_document",
    "article_document",
    "clear_index",
    "corpus_stats",
    "find_candidates",
    "index_answer",
    "index_article",
    "index_articles_bulk",
    "query_tokens",
    "remove_entry",
    "search_index",
    "search_with_tokens",
    "selective",
    "vocabulary_lookup",
    "vocabulary_near",
]
