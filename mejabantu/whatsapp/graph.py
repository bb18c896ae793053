"""The few calls of the WhatsApp Business Cloud API (Graph API) Mejabantu makes, over HTTPS
with the office's access token: send a text or a template message, fetch a media file.

``WHATSAPP_GRAPH_URL`` is the API's address (tests point it at a stand-in on loopback).
"""

import json
import urllib.error
import urllib.request
from dataclasses import dataclass

from django.conf import settings


class GraphError(Exception):
    """The API answered with an error; ``permanent`` when trying again cannot help (4xx)."""

    def __init__(self, message: str, *, status: int = 0):
        super().__init__(message)
        self.status = status
        self.permanent = 400 <= status < 500 and status != 429


@dataclass(frozen=True)
class Media:
    content: bytes
    mime_type: str


def account(code: str) -> dict[str, str] | None:
    """The office's number and secrets (``MEJABANTU_WHATSAPP``), or None."""
    found = settings.MEJABANTU_WHATSAPP.get(code)
    return dict(found) if found else None


def _request(
    url: str, token: str, *, payload: dict | None = None, limit: int = 1 << 20
) -> tuple[bytes, str]:
    data = json.dumps(payload).encode() if payload is not None else None
    request = urllib.request.Request(url, data=data, method="POST" if data else "GET")  # noqa: S310 - https, or the loopback stand-in in tests
    request.add_header("Authorization", f"Bearer {token}")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=settings.WHATSAPP_TIMEOUT) as response:  # noqa: S310
            body = response.read(limit + 1)
            if len(body) > limit:
                raise GraphError(f"answer larger than {limit} bytes", status=413)
            return body, response.headers.get_content_type()
    except urllib.error.HTTPError as exc:
        detail = exc.read(2000).decode("utf-8", "replace")
        raise GraphError(f"HTTP {exc.code}: {detail}", status=exc.code) from exc


def _call(path: str, token: str, payload: dict | None = None) -> dict:
    body, _type = _request(
        f"{settings.WHATSAPP_GRAPH_URL.rstrip('/')}/{path}", token, payload=payload
    )
    try:
        answer = json.loads(body)
    except ValueError as exc:
        raise GraphError("the answer is not JSON") from exc
    if not isinstance(answer, dict):
        raise GraphError("the answer is not a JSON object")
    return answer


def send(code: str, payload: dict) -> str:
    """POST one message (``payload`` without messaging_product) from the office's number;
    return its wamid."""
    acct = account(code)
    if acct is None:
        raise GraphError(f"no WhatsApp number for office {code}", status=400)
    answer = _call(
        f"{acct['phone_number_id']}/messages",
        acct["token"],
        {"messaging_product": "whatsapp", "recipient_type": "individual", **payload},
    )
    try:
        return str(answer["messages"][0]["id"])
    except (KeyError, IndexError, TypeError) as exc:
        raise GraphError(f"no message id in the answer: {answer}") from exc


def text_payload(to: str, body: str) -> dict:
    return {"to": to, "type": "text", "text": {"preview_url": False, "body": body[:4096]}}


def template_payload(to: str, params: list[str]) -> dict:
    return {
        "to": to,
        "type": "template",
        "template": {
            "name": settings.WHATSAPP_TEMPLATE,
            "language": {"code": settings.WHATSAPP_TEMPLATE_LANGUAGE},
            "components": [
                {
                    "type": "body",
                    "parameters": [{"type": "text", "text": str(p)} for p in params],
                }
            ],
        },
    }


def media_fetch(code: str, media_id: str, limit: int) -> Media:
    """Fetch a media file a number sent: its URL first (GET /{media-id}), then the file with
    the same token; refuse one over ``limit`` bytes before downloading it."""
    acct = account(code)
    if acct is None:
        raise GraphError(f"no WhatsApp number for office {code}", status=400)
    meta = _call(media_id, acct["token"])
    url = meta.get("url")
    if not isinstance(url, str) or not url.startswith(("https://", "http://")):
        raise GraphError(f"no media URL in the answer: {meta}", status=404)
    size = meta.get("file_size")
    if isinstance(size, int) and size > limit:
        raise GraphError(f"file of {size} bytes", status=413)
    content, mime_type = _request(url, acct["token"], limit=limit)
    return Media(content, str(meta.get("mime_type") or mime_type))
