"""GET /api/v1/knowledge/search: open to everyone, published items only."""


def test_search_api_works_without_login_and_returns_whole_text(client, kb):
    data = client.get(
        "/api/v1/knowledge/search", {"q": "brp umur minimal cabup", "limit": 2}
    ).json()
    assert len(data["results"]) == 2
    first = data["results"][0]
    assert set(first) >= {"id", "kind", "title", "snippet", "text", "citations", "url", "score"}
    assert first["kind"] == "answer"
    assert first["text"].startswith("Calon bupati dan calon wakil bupati paling rendah")
    assert first["citations"][0]["key"] == "uu-10-2016/7/2/e"
    assert first["url"].endswith("/pengetahuan/jawaban/usia-minimal-calon-bupati/")


def test_search_api_never_returns_drafts(client, kb, office):
    from mejabantu.knowledge import services

    services.answer_create(
        question="Draf rahasia zebra?", body="Zebra.", category="lainnya", office=office
    )
    assert client.get("/api/v1/knowledge/search", {"q": "zebra"}).json() == {"results": []}


def test_search_api_names_the_bad_parameter(client, kb):
    response = client.get("/api/v1/knowledge/search", {"q": "usia", "limit": 500})
    assert response.status_code == 422
    assert "limit" in response.json()["detail"]
