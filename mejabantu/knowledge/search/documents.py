"""What an item is indexed as: its title and body text, and which articles are indexed."""

from __future__ import annotations

from mejabantu.knowledge.models import Answer, Article


def article_indexed(article: Article) -> bool:
    """Index an article unless a broader unit that is present already contains its text.

    An imported pasal carries the text of its ayat and letters, so those would only repeat
    it; a seed ayat that holds only its lead-in ("... sebagai berikut:") does not, and its
    letters are indexed on their own.
    """
    parts = article.key.split("/")
    parents = ["/".join(parts[:i]) for i in range(2, len(parts))]
    if not parents:
        return True
    text = " ".join(article.text.split())
    return not any(
        text in " ".join(parent.split())
        for parent in Article.objects.filter(key__in=parents).values_list("text", flat=True)
    )


def answer_document(answer: Answer) -> tuple[str, str]:
    """The title and body text an answer is indexed with."""
    citations = " ".join(c.label for c in answer.citations.all())
    return answer.question, f"{answer.body}\n{citations}"


def article_document(article: Article) -> tuple[str, str]:
    """The title and body text an article is indexed with."""
    regulation = article.regulation
    title = f"{article.reference} {regulation.short_name} {article.heading}".strip()
    return title, f"{article.text}\n{regulation.title}"
