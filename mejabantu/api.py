"""The JSON API under /api/v1 (django-ninja); each app adds its router."""

import logging

from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.parser import Parser

from mejabantu.accounts.api_auth import bearer, optional_bearer  # noqa: F401 (routers' too)
from mejabantu.core import api_errors

logger = logging.getLogger("mejabantu.api")

ERROR_RESPONSES = {  # what the handlers below answer, as the OpenAPI document lists them
    400: "The body is not JSON.",
    401: "Sign in first: no token, or one that no longer works.",
    403: "Signed in, but this account may not do this.",
    404: "Not found, or not yours to see.",
    409: "Changed meanwhile: read it again and repeat the change.",
    422: "Invalid data; `errors` names each field.",
    429: "Too many requests: wait and try again.",
    500: "A failure on our side; retry with the same idempotency key.",
}


class ObjectParser(Parser):
    """Every body of this API is a JSON object: an array or a bare value is refused (400)
    instead of being read as an empty change."""

    def parse_body(self, request):
        data = super().parse_body(request)
        if not isinstance(data, dict):
            raise ValueError("the body is not a JSON object")
        return data


class MejabantuAPI(NinjaAPI):
    """django-ninja's API with the error answers in the OpenAPI document: every operation
    lists the errors it can give (the body is always ``{"detail": ...}``), and an operation
    open to anyone that reads a token when one is sent shows its sign-in as optional."""

    def get_openapi_schema(self, *args, **kwargs):
        schema = super().get_openapi_schema(*args, **kwargs)
        components = schema.setdefault("components", {})
        components.setdefault("schemas", {})["Error"] = {
            "type": "object",
            "properties": {"detail": {"type": "string"}, "errors": {"type": "array"}},
            "required": ["detail"],
        }
        components.get("securitySchemes", {}).pop("OptionalBearerAuth", None)
        for path, operations in schema["paths"].items():
            for method, operation in operations.items():
                security = operation.get("security")
                if security == [{"OptionalBearerAuth": []}]:
                    operation["security"] = [{}, {"BearerAuth": []}]
                codes = [400, 422, 429, 500]
                if operation.get("security"):
                    codes += [401, 403]
                if "{" in path:
                    codes.append(404)
                if method == "patch":
                    codes.append(409)
                responses = operation.setdefault("responses", {})
                for code in sorted(codes):
                    responses.setdefault(
                        code,
                        {
                            "description": ERROR_RESPONSES[code],
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Error"}
                                }
                            },
                        },
                    )
        return schema


api = MejabantuAPI(
    parser=ObjectParser(),
    title="Mejabantu API",
    version="1",
    description="The candidacy helpdesk of a KPU office: tickets, knowledge, checks, schedule.",
    urls_namespace="api",
    auth=bearer,
)


def _field_name(loc: list) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "payload", "form")]
    return ".".join(parts) or "request"


@api.exception_handler(ValidationError)
def validation_error(request, exc: ValidationError):
    errors = []
    for err in exc.errors:
        field = _field_name(list(err.get("loc", [])))
        errors.append({"field": field, "message": err.get("msg", "")})
    message = "; ".join(f"{e['field']}: {e['message']}" for e in errors)
    return api.create_response(
        request, {"detail": api_errors.invalid_data(message), "errors": errors}, status=422
    )


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": api_errors.not_found()}, status=404)


@api.exception_handler(AuthenticationError)
def unauthorized(request, exc):
    return api.create_response(
        request,
        {"detail": api_errors.sign_in_needed()},
        status=401,
    )


@api.exception_handler(HttpError)
def http_error(request, exc: HttpError):
    # ninja's own 400 is the only one: a body it could not parse (ours are 401/403/409/422)
    detail = api_errors.unreadable_body() if exc.status_code == 400 else str(exc)
    return api.create_response(request, {"detail": detail}, status=exc.status_code)


@api.exception_handler(Exception)
def server_error(request, exc: Exception):
    """Any other failure is a JSON 500 too (logged with its traceback), never an HTML page."""
    logger.error("API error on %s %s", request.method, request.path, exc_info=exc)
    return api.create_response(request, {"detail": api_errors.server_error()}, status=500)


def _add_routers() -> None:
    from mejabantu.accounts.api import router as accounts_router
    from mejabantu.candidacy.api import router as candidacy_router
    from mejabantu.helpdesk.api import router as helpdesk_router
    from mejabantu.helpdesk.api_guidance import router as guidance_router
    from mejabantu.knowledge.api import router as knowledge_router
    from mejabantu.offices.api import router as offices_router
    from mejabantu.reports.api import router as reports_router
    from mejabantu.schedule.api import router as schedule_router

    api.add_router("/auth", accounts_router)
    api.add_router("/offices", offices_router)
    api.add_router("/tickets", helpdesk_router)
    api.add_router("/guidance", guidance_router)
    api.add_router("/knowledge", knowledge_router)
    api.add_router("/candidacy", candidacy_router)
    api.add_router("/reports", reports_router)
    api.add_router("/", schedule_router)


_add_routers()
