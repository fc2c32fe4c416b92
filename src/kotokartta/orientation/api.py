"""POST /api/v1/orientation/plan — the planner for staff scripts and tools.

The only API endpoint that is not public: it needs a signed-in staff session with the right to
plan (`permissions.may_plan`), and Django's CSRF token like any form post. It takes the demand as
CSV (`text/csv`, parameters in the query string) or JSON (`{"demand": [...], "parameters":
{...}}`) and answers with the same plan document as `kotokartta orientation plan --json`.
Nothing is stored.
"""

from __future__ import annotations

import json
from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.authentication import SessionAuthentication
from rest_framework.request import Request
from rest_framework.response import Response

from kotokartta.api.errors import (
    BAD_REQUEST,
    FORBIDDEN,
    METHOD_NOT_ALLOWED,
    NOT_AUTHENTICATED,
    ApiError,
    ErrorSerializer,
    invalid,
)
from kotokartta.api.views.base import ApiView
from kotokartta.orientation import permissions
from kotokartta.orientation.demand import DemandError, read_csv, read_items
from kotokartta.orientation.labels import TEXT_LANGUAGES
from kotokartta.orientation.selectors import resolve_many, resolve_municipality
from kotokartta.orientation.services import run_plan

MAX_TIME_LIMIT = 30.0


class PlanParams(serializers.Serializer):
    lang = serializers.ChoiceField(
        choices=list(TEXT_LANGUAGES),
        required=False,
        default="en",
        help_text="Language of the sentences (`explanation`, `reason`) and of `language_name`; "
        "with a JSON body it may also be given in the query string. The facts they are written "
        "from are in `explanation_facts` and `reason_facts`.",
    )
    min_size = serializers.IntegerField(
        required=False, min_value=1, max_value=500, default=6, help_text="Smallest group."
    )
    max_size = serializers.IntegerField(
        required=False, min_value=1, max_value=500, default=20, help_text="Largest group."
    )
    max_travel_km = serializers.FloatField(
        required=False,
        min_value=0,
        max_value=2000,
        default=80.0,
        help_text="Farthest distance between municipality centres for in-person participation.",
    )
    remote = serializers.BooleanField(
        required=False,
        default=True,
        help_text="Whether remote and hybrid participation is allowed.",
    )
    hosts = serializers.CharField(
        required=False,
        allow_blank=True,
        help_text="Municipalities that can host in person, comma-separated (name, code or alias); "
        "default: those receiving quota refugees; empty: none.",
    )
    max_start_spread_months = serializers.IntegerField(
        required=False,
        min_value=0,
        max_value=120,
        allow_null=True,
        default=None,
        help_text="Earliest start months within a group differ by at most this much.",
    )
    time_limit_seconds = serializers.FloatField(
        required=False,
        min_value=0.1,
        max_value=MAX_TIME_LIMIT,
        default=10.0,
        help_text="Solver time limit; a plan cut short reports `optimal: false` and its `gap`.",
    )


class DemandRowSerializer(serializers.Serializer):
    municipality = serializers.CharField(help_text="Name, code or alias.")
    language = serializers.CharField(help_text="ISO 639-1 code.")
    count = serializers.IntegerField(min_value=0)
    earliest_start = serializers.CharField(required=False, help_text="YYYY-MM.")


class PlanRequestSerializer(serializers.Serializer):
    demand = DemandRowSerializer(many=True)
    parameters = PlanParams(required=False)


class RefSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class MemberSerializer(serializers.Serializer):
    municipality = RefSerializer()
    count = serializers.IntegerField()
    mode = serializers.ChoiceField(choices=["in_person", "remote"])
    distance_km = serializers.FloatField(allow_null=True)
    earliest_start = serializers.CharField(allow_null=True)


class GroupSerializer(serializers.Serializer):
    language = serializers.CharField()
    language_name = serializers.CharField()
    host = RefSerializer(allow_null=True)
    mode = serializers.ChoiceField(choices=["in_person", "hybrid", "remote"])
    size = serializers.IntegerField()
    hours = serializers.IntegerField(help_text="At least 70 (KotoL 25 §, decree 576/2024).")
    starts = serializers.CharField(allow_null=True)
    members = MemberSerializer(many=True)
    explanation_facts = serializers.DictField(
        help_text="What the explanation says, as values: language, size, municipalities, "
        "min_size, max_size, max_travel_km, host, near, far, remote_because (no_hosts, "
        "none_near, farther or null), starts."
    )
    explanation = serializers.CharField(help_text="Why the group is as it is, in `lang`.")


class UnservedSerializer(serializers.Serializer):
    municipality = RefSerializer()
    language = serializers.CharField()
    count = serializers.IntegerField()
    reason_code = serializers.ChoiceField(
        choices=["too_few_in_area", "out_of_reach", "too_few_in_reach", "left_over"]
    )
    reason_facts = serializers.DictField(
        help_text="The reason as values: `code` and, by code, language, total, reachable, "
        "count, min_size, municipality, hosts_given, max_travel_km, start_spread."
    )
    reason = serializers.CharField(help_text="Why they have no group, in `lang`.")


class PlanDocumentSerializer(serializers.Serializer):
    groups = GroupSerializer(many=True)
    unserved = UnservedSerializer(many=True)
    parameters = serializers.DictField()
    objective = serializers.DictField(
        child=serializers.FloatField(),
        help_text="unserved, groups, remote, person_km: minimised in this order.",
    )
    optimal = serializers.BooleanField()
    gap = serializers.FloatField(help_text="The largest of `gaps`; 0 when `optimal`.")
    gaps = serializers.DictField(
        child=serializers.FloatField(),
        help_text="Relative optimality gap per criterion when the time limit stopped the solver.",
    )
    hours = serializers.IntegerField()
    legal_basis = serializers.CharField()


def _problems(error: DemandError) -> Response:
    body = ApiError(
        400, "invalid_parameter", "The demand was rejected: " + "; ".join(map(str, error.problems)),
        parameter="demand",
    ).as_dict()  # fmt: skip
    body["error"]["problems"] = [p.as_dict() for p in error.problems]
    return Response(body, status=400)


def _parameters(data: Any) -> dict[str, Any]:
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise invalid("parameters", "parameters must be an object.")
    data = dict(data)
    if isinstance(data.get("hosts"), list):
        data["hosts"] = ",".join(str(h) for h in data["hosts"])
    unknown = sorted(set(data) - set(PlanParams().fields))
    if unknown:
        raise invalid(unknown[0], f"Unknown parameter: {', '.join(unknown)}.")
    serializer = PlanParams(data=data)
    if not serializer.is_valid():
        name, messages = next(iter(serializer.errors.items()))
        raise invalid(str(name), f"{name}: {' '.join(str(m) for m in messages)}")
    values = dict(serializer.validated_data)
    if values["min_size"] > values["max_size"]:
        raise invalid("max_size", "max_size must not be smaller than min_size.")
    return values


@extend_schema(
    tags=["orientation"],
    summary="Plan joint civic orientation groups (staff only)",
    description="From aggregate demand (municipality × language × count, optionally the earliest "
    "start month; no personal data), the lexicographically best groups: fewest people without a "
    "group, then fewest groups, then fewest remote participants, then least travel. The same "
    "document as `kotokartta orientation plan --json`. Needs a signed-in staff session allowed to "
    "plan, and the CSRF token. Send CSV (`text/csv`, columns "
    "`municipality,language,count[,earliest_start]`, parameters in the query string) or JSON "
    '(`{"demand": [...], "parameters": {...}}`). Nothing is stored.',
    parameters=[PlanParams],
    request={
        "application/json": PlanRequestSerializer,
        "text/csv": OpenApiTypes.STR,
    },
    examples=[
        OpenApiExample(
            "JSON",
            value={
                "demand": [
                    {"municipality": "Kajaani", "language": "ar", "count": 9},
                    {"municipality": "Paltamo", "language": "ar", "count": 3},
                ],
                "parameters": {"min_size": 6, "max_size": 20},
            },
            request_only=True,
            media_type="application/json",
        )
    ],
    responses={
        200: OpenApiResponse(PlanDocumentSerializer, description="The plan."),
        400: OpenApiResponse(
            ErrorSerializer,
            description="Bad demand or a bad parameter. For bad demand `error.parameter` is "
            "`demand` and `error.problems` lists every problem as `{line, field, message}`.",
        ),
        401: OpenApiResponse(ErrorSerializer, description="Not signed in."),
        403: OpenApiResponse(ErrorSerializer, description="Signed in but not allowed to plan."),
        415: OpenApiResponse(ErrorSerializer, description="Neither CSV nor JSON."),
    },
)
class OrientationPlanView(ApiView):
    authentication_classes = [SessionAuthentication]
    http_method_names = ["post", "options"]
    params_class = PlanParams

    def http_method_not_allowed(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        raise ApiError(405, METHOD_NOT_ALLOWED, "Use POST.", allowed=["POST", "OPTIONS"])

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code == 405:
            response["Allow"] = "POST, OPTIONS"
        response["Access-Control-Allow-Methods"] = "POST, OPTIONS"
        response["Cache-Control"] = "private, no-store"
        return response

    def post(self, request: Request) -> Response:
        user = request.user
        if user is None or not user.is_authenticated:
            raise ApiError(401, NOT_AUTHENTICATED, "Sign in as staff to plan.")
        if not permissions.may_plan(user):
            raise ApiError(403, FORBIDDEN, "Not allowed to plan orientation groups.")
        kind = (request.content_type or "").split(";")[0].strip().lower()
        body = request.body
        try:
            if kind == "text/csv":
                demand = read_csv(body, resolve=resolve_municipality)
                values = _parameters(dict(request.query_params.items()))
            elif kind == "application/json":
                try:
                    document = json.loads(body)
                except (UnicodeDecodeError, json.JSONDecodeError) as error:
                    raise ApiError(400, BAD_REQUEST, f"The body is not JSON: {error}") from None
                if not isinstance(document, dict) or set(document) - {"demand", "parameters"}:
                    raise ApiError(
                        400, BAD_REQUEST, 'Expected {"demand": [...], "parameters": {...}}.'
                    )
                demand = read_items(document.get("demand"), resolve=resolve_municipality)
                given = document.get("parameters")
                if "lang" in request.query_params and (given is None or isinstance(given, dict)):
                    given = {"lang": request.query_params["lang"], **(given or {})}
                values = _parameters(given)
            else:
                raise ApiError(
                    415, BAD_REQUEST, "Send text/csv or application/json.",
                    allowed=["text/csv", "application/json"],
                )  # fmt: skip
        except DemandError as error:
            return _problems(error)
        hosts = None
        if "hosts" in values:
            terms = [t.strip() for t in values["hosts"].split(",") if t.strip()]
            hosts, unknown = resolve_many(terms)
            if unknown:
                raise invalid("hosts", f"Unknown municipality: {', '.join(unknown)}.")
        result = run_plan(
            demand=demand,
            min_size=values["min_size"],
            max_size=values["max_size"],
            max_travel_km=values["max_travel_km"],
            remote_allowed=values["remote"],
            hosts=hosts,
            max_start_spread_months=values["max_start_spread_months"],
            time_limit_seconds=values["time_limit_seconds"],
            lang=values["lang"],
        )
        return Response(result.as_dict(lang=values["lang"]))
