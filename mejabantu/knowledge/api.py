"""JSON API of the knowledge app (mounted by mejabantu/api.py at /api/v1/knowledge)."""

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from mejabantu.accounts.api_auth import optional_bearer
from mejabantu.knowledge import selectors
from mejabantu.offices.models import Office

router = Router(tags=["knowledge"])


class SearchParams(Schema):
    q: str = Field(..., min_length=1, max_length=300, description="the question, as typed")
    limit: int = Field(5, ge=1, le=50)
    office: str = Field("", description="office code (e.g. 19.02): its answers and those above")
    kind: str = Field("", pattern="^(|answer|article)$")


class CitationOut(Schema):
    key: str
    label: str
    url: str
    status: str
    context: bool = False  # cited as history or context, not as the rule in force


class ResultOut(Schema):
    id: int
    kind: str
    title: str
    snippet: str
    text: str
    citations: list[CitationOut]
    url: str
    score: float
    uncertain: bool
    needs_review: bool


class SearchOut(Schema):
    results: list[ResultOut]


@router.get("/search", response=SearchOut, auth=optional_bearer)
def search(request: HttpRequest, params: Query[SearchParams]):
    """Search published answers and articles (no login needed); best first.

    `text` is the whole answer or article; `citations` its legal basis with links.
    """
    office = Office.objects.filter(code=params.office).first() if params.office else None
    kinds = (params.kind,) if params.kind else ("answer", "article")
    results = selectors.search(
        params.q, office=office, kinds=kinds, limit=params.limit, log_source="api"
    )
    return {
        "results": [
            {
                "id": r.id,
                "kind": r.kind,
                "title": r.title,
                "snippet": r.snippet,
                "text": r.text,
                "citations": r.citations,
                "url": request.build_absolute_uri(r.url),
                "score": round(r.score, 4),
                "uncertain": r.uncertain,
                "needs_review": r.needs_review,
            }
            for r in results
        ]
    }
