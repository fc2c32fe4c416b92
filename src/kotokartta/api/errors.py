"""One error shape for the whole API, whatever went wrong:

    {"error": {"status": 400, "code": "invalid_parameter", "parameter": "client",
               "message": "…", "allowed": ["job-seeker", "other"]}}

`ApiError` is raised by the views; `exception_handler` (DRF's EXCEPTION_HANDLER) turns it, every
DRF and Django exception, and anything unexpected into that shape, so no request ever gets an
HTML page or a bare 500 from the API.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from http import HTTPStatus
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import DatabaseError
from django.http import Http404, HttpRequest, JsonResponse
from rest_framework import exceptions, serializers
from rest_framework.response import Response
from rest_framework.views import set_rollback

from kotokartta.api.headers import add_api_headers
from kotokartta.core.errors import database_error_message
from kotokartta.programme.models import NoProgrammeLoaded

logger = logging.getLogger(__name__)

# Every `code` the API gives, with its HTTP status.
INVALID_PARAMETER = "invalid_parameter"
MISSING_PARAMETER = "missing_parameter"
UNKNOWN_PARAMETER = "unknown_parameter"
NOT_FOUND = "not_found"
METHOD_NOT_ALLOWED = "method_not_allowed"
NO_DATA = "no_data"
DATABASE_ERROR = "database_error"
INTERNAL_ERROR = "internal_error"
BAD_REQUEST = "bad_request"
FORBIDDEN = "forbidden"

ERROR_CODES: tuple[str, ...] = (
    INVALID_PARAMETER,
    MISSING_PARAMETER,
    UNKNOWN_PARAMETER,
    BAD_REQUEST,
    NOT_FOUND,
    METHOD_NOT_ALLOWED,
    FORBIDDEN,
    NO_DATA,
    DATABASE_ERROR,
    INTERNAL_ERROR,
)


class ApiError(Exception):
    """An error answer in the shared shape."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        parameter: str | None = None,
        allowed: Sequence[str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.parameter = parameter
        self.allowed = list(allowed) if allowed is not None else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "error": {
                "status": self.status,
                "code": self.code,
                "parameter": self.parameter,
                "message": self.message,
                "allowed": self.allowed,
            }
        }


def invalid(parameter: str, message: str, allowed: Sequence[str] | None = None) -> ApiError:
    return ApiError(400, INVALID_PARAMETER, message, parameter=parameter, allowed=allowed)


def not_found(message: str, parameter: str | None = None) -> ApiError:
    return ApiError(404, NOT_FOUND, message, parameter=parameter)


def _from_exception(exc: BaseException) -> ApiError:
    if isinstance(exc, ApiError):
        return exc
    if isinstance(exc, NoProgrammeLoaded):
        return ApiError(503, NO_DATA, str(exc))
    if isinstance(exc, DatabaseError):
        # The details (table names, addresses) go to the log, not to the public.
        logger.error("%s", database_error_message(exc))
        return ApiError(
            503, DATABASE_ERROR, "The database could not be read; please try again later."
        )
    if isinstance(exc, Http404):
        return ApiError(404, NOT_FOUND, "No such resource.")
    # DRF's own messages are translated into the active language; ours are English.
    if isinstance(exc, exceptions.MethodNotAllowed):
        return ApiError(
            405,
            METHOD_NOT_ALLOWED,
            "The API is read-only: use GET, HEAD or OPTIONS.",
            allowed=["GET", "HEAD", "OPTIONS"],
        )
    if isinstance(exc, exceptions.NotFound):
        return ApiError(404, NOT_FOUND, "No such resource.")
    if isinstance(exc, PermissionDenied | exceptions.PermissionDenied):
        return ApiError(403, FORBIDDEN, "Not allowed.")
    if isinstance(exc, exceptions.APIException):
        status = exc.status_code
        phrase = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else ""
        if status >= 500:
            return ApiError(status, INTERNAL_ERROR, phrase or "Something went wrong on our side.")
        return ApiError(status, BAD_REQUEST, phrase or "The request is not valid.")
    logger.exception("unexpected error in the API", exc_info=exc)
    return ApiError(500, INTERNAL_ERROR, "Something went wrong on our side.")


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response:
    """DRF's EXCEPTION_HANDLER: every exception becomes the shared error shape."""
    error = _from_exception(exc)
    set_rollback()
    headers = {"Allow": "GET, HEAD, OPTIONS"} if error.status == 405 else None
    return Response(error.as_dict(), status=error.status, headers=headers)


def json_error(request: HttpRequest, error: ApiError) -> JsonResponse:
    """The shared shape from a plain Django view (outside DRF)."""
    response = JsonResponse(
        error.as_dict(),
        status=error.status,
        content_type="application/json; charset=utf-8",
        json_dumps_params={"ensure_ascii": False},
    )
    add_api_headers(response)
    return response


# Schema components: the error document, described once and referenced by every operation.
class ErrorDetailSerializer(serializers.Serializer):
    status = serializers.IntegerField(help_text="The HTTP status code, repeated.")
    code = serializers.ChoiceField(
        choices=ERROR_CODES,
        help_text="What kind of error: a stable, machine-readable word.",
    )
    parameter = serializers.CharField(
        allow_null=True,
        help_text="The query or path parameter at fault, when one is.",
    )
    message = serializers.CharField(help_text="What went wrong, in English, for a person.")
    allowed = serializers.ListField(
        child=serializers.CharField(),
        allow_null=True,
        help_text="The accepted values (or accepted parameter names), when they form a short list.",
    )


class ErrorSerializer(serializers.Serializer):
    error = ErrorDetailSerializer()
