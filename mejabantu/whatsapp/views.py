"""The webhook WhatsApp calls, one per office: /whatsapp/<office code>/webhook/.

GET is Meta's verify-token handshake; POST is a delivery signed with the app secret
(X-Hub-Signature-256), stored as received and answered at once: the worker takes it in.
Every refusal is JSON."""

import hashlib
import hmac

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from mejabantu.core import limits
from mejabantu.whatsapp.graph import account
from mejabantu.whatsapp.services import event_store


def _error(status: int, detail: str) -> JsonResponse:
    return JsonResponse({"detail": detail}, status=status)


def signature_ok(secret: str, body: bytes, header: str) -> bool:
    """Whether ``header`` is "sha256=" and the HMAC-SHA256 of the body with the app secret
    (compared in constant time)."""
    if not secret or not header.startswith("sha256="):
        return False
    expected = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, header.removeprefix("sha256=").strip().lower())


@csrf_exempt
def webhook(request: HttpRequest, code: str) -> HttpResponse:
    if request.method not in ("GET", "POST"):
        response = _error(405, _("Use GET for the handshake and POST for deliveries."))
        response["Allow"] = "GET, POST"
        return response
    if limits.over(request, "whatsapp-webhook", settings.WHATSAPP_WEBHOOK_RATE):
        return _error(429, _("Too many requests from your address. Wait a minute and try again."))
    acct = account(code)
    if acct is None:
        return _error(404, _("This office takes no WhatsApp messages."))
    if request.method == "GET":
        mode = request.GET.get("hub.mode", "")
        token = request.GET.get("hub.verify_token", "")
        challenge = request.GET.get("hub.challenge", "")
        if mode == "subscribe" and hmac.compare_digest(token, acct["verify_token"]):
            return HttpResponse(challenge, content_type="text/plain")
        return _error(403, _("The verify token does not match this office's."))
    try:
        body = request.body
    except RequestDataTooBig:
        return _error(413, _("The delivery is too large."))
    header = request.headers.get("X-Hub-Signature-256", "")
    if not signature_ok(acct["app_secret"], body, header):
        return _error(403, _("The signature (X-Hub-Signature-256) does not match this body."))
    event_store(account=code, body=body)
    return JsonResponse({"received": True})
