"""Query parameters, one serializer per endpoint. The same class validates a request and documents
the operation's parameters in the OpenAPI schema (names, types, enums, bounds), so the two cannot
drift apart. Any parameter an endpoint does not list is an error, and so is one given twice.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.http import QueryDict
from django.utils import translation
from drf_spectacular.utils import OpenApiExample, OpenApiParameter
from rest_framework import serializers

from kotokartta.api.errors import (
    MISSING_PARAMETER,
    NO_DATA,
    NOT_FOUND,
    UNKNOWN_PARAMETER,
    ApiError,
    invalid,
)
from kotokartta.api.language import DOCUMENT_LANGUAGES, GUIDE_LANGUAGES
from kotokartta.api.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from kotokartta.programme.models import Municipality
from kotokartta.programme.vocabulary import (
    PHASES,
    ClientGroup,
    ResidenceBasis,
    Status,
)

CLIENTS = [c.value for c in ClientGroup]
STATUSES = [s.value for s in Status]
PHASE_IDS = [p.id for p in PHASES]
RESIDENCE_BASES = [b.value for b in ResidenceBasis]
MUNICIPALITY_HELP = (
    "A municipality of the programme by Finnish or Swedish name, official code or alias, "
    "case-insensitively: `kajaani`, `205`, `Kajana` and `Hyrnsalmi` all work. Any text is a "
    "well-formed name: one that names no municipality of the loaded data is a 404 whose "
    "`error.allowed` lists the municipalities' codes."
)
MUNICIPALITY_NOT_FOUND = (
    "No municipality of the programme has this name, code or alias (`error.parameter` is "
    "`municipality`; `error.allowed` lists the codes)."
)


class QueryParams(serializers.Serializer):
    lang = serializers.ChoiceField(
        choices=list(GUIDE_LANGUAGES),
        required=False,
        help_text=(
            "Language of translated texts. Without it the Accept-Language header decides, then "
            "Finnish. A text missing in the language falls back to English, then Finnish; every "
            "translated field says which language it is in."
        ),
    )


class DocumentQueryParams(serializers.Serializer):
    lang = serializers.ChoiceField(
        choices=list(DOCUMENT_LANGUAGES),
        required=False,
        help_text=(
            "Language of the texts, `fi` or `en`. Without it the Accept-Language header decides "
            "(another guide language gives English, as the guide does), then Finnish. The "
            "document's `lang` member says which language it is in."
        ),
    )


class PageParams(QueryParams):
    page = serializers.IntegerField(
        min_value=1,
        required=False,
        help_text="Page number, from 1 (default 1). A page past the last one is a 404.",
    )
    page_size = serializers.IntegerField(
        min_value=1,
        max_value=MAX_PAGE_SIZE,
        required=False,
        help_text=f"Items per page, 1–{MAX_PAGE_SIZE} (default {DEFAULT_PAGE_SIZE}).",
    )


class ProvisionParams(PageParams):
    municipality = serializers.CharField(
        required=False,
        max_length=100,
        help_text=MUNICIPALITY_HELP
        + " Gives the provisions that serve its residents: its own and the area-wide ones.",
    )
    phase = serializers.ChoiceField(
        choices=PHASE_IDS, required=False, help_text="Only provisions of this phase."
    )
    client = serializers.ChoiceField(
        choices=CLIENTS, required=False, help_text="Only provisions for this client group."
    )
    status = serializers.ChoiceField(
        choices=STATUSES, required=False, help_text="Only provisions with this status."
    )
    purchased = serializers.ChoiceField(
        choices=["true", "false"],
        required=False,
        help_text="`true`: only purchased services (ostopalvelu); `false`: only the others.",
    )


class PathParams(DocumentQueryParams):
    municipality = serializers.CharField(max_length=100, help_text=MUNICIPALITY_HELP)
    client = serializers.ChoiceField(
        choices=CLIENTS,
        help_text="`job-seeker` (registered with employment services) or `other`.",
    )
    uses_finnish = serializers.ChoiceField(
        choices=["yes", "no"],
        required=False,
        help_text="Whether the person can use Finnish with the services.",
    )
    residence_basis = serializers.ChoiceField(
        choices=RESIDENCE_BASES, required=False, help_text="Basis of the residence permit."
    )


class SearchParams(DocumentQueryParams):
    q = serializers.CharField(
        max_length=200,
        help_text="Words to look for (Finnish-aware: base forms and compounds; English works too).",
    )
    municipality = serializers.CharField(
        required=False, max_length=100, help_text=MUNICIPALITY_HELP + " Only this municipality."
    )


class CoverageParams(DocumentQueryParams):
    today = serializers.DateField(
        required=False,
        input_formats=["iso-8601"],
        help_text="The date against which planned start years are late (default: today).",
    )


def municipality_parameter(params_class: type[serializers.Serializer]) -> OpenApiParameter:
    """The `municipality` query parameter as `params_class` defines it, with examples (the
    schema tests send them, so that generated requests also name real municipalities, and one
    that is well-formed but unknown). minLength 1: a blank name is not valid (a 400)."""
    field = params_class().fields["municipality"]
    return OpenApiParameter(
        "municipality",
        {"type": "string", "minLength": 1, "maxLength": field.max_length},
        OpenApiParameter.QUERY,
        required=field.required,
        description=str(field.help_text),
        examples=[
            *(OpenApiExample(value, value=value) for value in ("kajaani", "205", "Kajana")),
            OpenApiExample(
                "Atlantis",
                value="Atlantis",
                summary="Well-formed, but no municipality of the programme: a 404.",
            ),
        ],
    )


def _message(field: serializers.Field, name: str, value: str, detail: Any) -> str:
    if isinstance(field, serializers.ChoiceField):
        choices = ", ".join(str(c) for c in field.choices)
        return f"{name}={value!r} is not accepted; use one of: {choices}."
    if isinstance(field, serializers.IntegerField):
        low = field.min_value
        high = field.max_value
        bounds = f" from {low}" if low is not None else ""
        bounds += f" to {high}" if high is not None else ""
        return f"{name}={value!r} is not accepted; use a whole number{bounds}."
    if isinstance(field, serializers.DateField):
        return f"{name}={value!r} is not accepted; use a date as YYYY-MM-DD."
    with translation.override("en"):
        text = " ".join(str(d) for d in detail) if isinstance(detail, list) else str(detail)
    return f"{name}={value!r} is not accepted: {text}"


def validate_query(
    params_class: type[serializers.Serializer], query: QueryDict
) -> Mapping[str, Any]:
    """The validated parameters, or an `ApiError` about the first parameter at fault."""
    fields = params_class().fields
    unknown = sorted(set(query) - set(fields))
    if unknown:
        names = ", ".join(unknown)
        raise ApiError(
            400,
            UNKNOWN_PARAMETER,
            f"Unknown query parameter{'s' if len(unknown) > 1 else ''}: {names}. "
            f"This endpoint accepts: {', '.join(fields) or 'none'}.",
            parameter=unknown[0],
            allowed=list(fields),
        )
    for name in fields:
        if len(query.getlist(name)) > 1:
            raise invalid(name, f"{name} is given more than once; give it once.")
    serializer = params_class(data={name: query[name] for name in query})
    if serializer.is_valid():
        return serializer.validated_data
    for name, field in fields.items():
        if name not in serializer.errors:
            continue
        if name not in query:
            raise ApiError(400, MISSING_PARAMETER, f"{name} is required.", parameter=name)
        value = str(query[name])
        allowed = (
            [str(c) for c in field.choices] if isinstance(field, serializers.ChoiceField) else None
        )
        raise invalid(name, _message(field, name, value, serializer.errors[name]), allowed)
    raise invalid("", "The query parameters are not valid.")  # pragma: no cover


def find_municipality(term: str, parameter: str = "municipality") -> Municipality:
    """`Municipality.objects.find`, or a 404 naming the parameter and the accepted codes.

    A 404, not a 400: any text is a well-formed name (the schema cannot list the municipalities,
    which come with the data), so a name that matches none is a resource not found, like an
    unknown code in /municipalities/{code}/."""
    municipality = Municipality.objects.find(term)
    if municipality is None:
        known = list(Municipality.objects.all())
        if not known:
            raise ApiError(503, NO_DATA, "No programme data is loaded.")
        listing = ", ".join(f"{m.name.get('fi', m.id)} ({m.code})" for m in known)
        raise ApiError(
            404,
            NOT_FOUND,
            f"Unknown municipality {term!r}. The programme's municipalities are: {listing}. "
            "Give a name, code or alias.",
            parameter=parameter,
            allowed=[m.code for m in known],
        )
    return municipality
