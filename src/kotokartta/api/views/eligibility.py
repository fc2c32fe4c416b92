"""GET /api/v1/eligibility — the same answer as `kotokartta eligibility --json`.

The person's answers travel in the query string, are used for one response and forgotten: not
stored, not logged, not cached (`Cache-Control: private, no-store`; the page cache skips such
responses). Every problem is a 400 in the shared error shape, its message in the asked language.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone, translation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kotokartta.api import language
from kotokartta.api.errors import INVALID_PARAMETER, UNKNOWN_PARAMETER, ApiError
from kotokartta.api.views.base import ApiView, responses
from kotokartta.eligibility import present
from kotokartta.eligibility.languages import DEFAULT, LANGUAGES
from kotokartta.eligibility.parse import FIELDS, answers_from
from kotokartta.eligibility.rules import BASES, DEADLINE_LAWS, InputError, decide

PARAMETERS = (*FIELDS, "lang")
NO_STORE = "private, no-store"


def _parameter(name: str, kind: Any, description: str, **extra: Any) -> OpenApiParameter:
    return OpenApiParameter(name, kind, OpenApiParameter.QUERY, description=description, **extra)


_DATE_HELP = "YYYY-MM-DD, not after `today`."
_YES_NO = ["yes", "no"]
_FLAG = ["yes", "no", "true", "false", "1", "0"]
QUERY_PARAMETERS = [
    _parameter(
        "permit",
        OpenApiTypes.DATE,
        "Date of the first residence permit, residence card, EU registration or Nordic "
        "registration: the 3 years of KotoL 14 § and 20 § run from it. " + _DATE_HELP,
        required=True,
    ),
    _parameter("basis", OpenApiTypes.STR, "Why the person may stay in Finland.", enum=BASES),
    _parameter(
        "unemployed_job_seeker",
        OpenApiTypes.STR,
        "An unemployed job seeker (14 § 1 mom. 1 k.). A registered job seeker who works is `no`.",
        enum=_YES_NO,
    ),
    _parameter("age", OpenApiTypes.INT, "Age in whole years, 0–130."),
    _parameter(
        "home_municipality",
        OpenApiTypes.STR,
        "Has a home municipality (kotikunta); matters for temporary protection (2 § 3 mom.).",
        enum=_YES_NO,
    ),
    _parameter(
        "home_care_allowance", OpenApiTypes.STR, "Receives child home care allowance.", enum=_FLAG
    ),
    _parameter(
        "social_assistance",
        OpenApiTypes.STR,
        "Receives social assistance, not only temporarily.",
        enum=_FLAG,
    ),
    _parameter(
        "unaccompanied_minor",
        OpenApiTypes.STR,
        "Came to Finland as a minor without a guardian (a ground until 23, 2 § 6 mom.).",
        enum=_FLAG,
    ),
    _parameter(
        "trafficking_victim",
        OpenApiTypes.STR,
        "A victim of human trafficking (the 3-year limit can be waived).",
        enum=_FLAG,
    ),
    _parameter("requested", OpenApiTypes.STR, "The person asks for the assessment.", enum=_FLAG),
    _parameter("assessment", OpenApiTypes.DATE, "Date of the assessment, if made. " + _DATE_HELP),
    _parameter("plan", OpenApiTypes.DATE, "Date of the first integration plan. " + _DATE_HELP),
    _parameter("review", OpenApiTypes.DATE, "Date of the last review of the plan (needs `plan`)."),
    _parameter("today", OpenApiTypes.DATE, "Count from this date instead of today (reproducible)."),
    _parameter(
        "lang",
        OpenApiTypes.STR,
        "Language of the texts and of error messages. Without it the Accept-Language header "
        "decides, then Finnish.",
        enum=LANGUAGES,
    ),
]


class GroundSerializer(serializers.Serializer):
    section = serializers.IntegerField(help_text="Section (pykälä) of KotoL.")
    subsection = serializers.IntegerField(allow_null=True, help_text="Subsection (momentti).")
    item = serializers.IntegerField(allow_null=True, help_text="Item (kohta).")
    id = serializers.CharField(help_text="Stable id of the ground.")
    law = serializers.CharField(help_text="The sections cited, e.g. `KotoL 14 § 1 mom. 2 k.`.")
    text = serializers.CharField(help_text="The ground in words, in the answer's language.")


class AssessmentSerializer(serializers.Serializer):
    mandatory = serializers.BooleanField(help_text="Whether the 14 § assessment is mandatory.")
    grounds = GroundSerializer(many=True)
    outcome = serializers.ChoiceField(choices=["mandatory", "on_request", "guidance_only"])
    authority = serializers.ChoiceField(choices=["employment_authority", "municipality"])


class DeadlineSerializer(serializers.Serializer):
    id = serializers.ChoiceField(choices=list(DEADLINE_LAWS))
    date = serializers.DateField()
    law = serializers.CharField()
    passed = serializers.BooleanField(help_text="The date is before `today`.")
    condition = serializers.CharField(
        allow_null=True, help_text="When the date applies only on a condition, the condition."
    )
    text = serializers.CharField(help_text="What the date is, in words.")


class NextStepSerializer(serializers.Serializer):
    id = serializers.CharField()
    text = serializers.CharField()


class EligibilityDocumentSerializer(serializers.Serializer):
    assessment = AssessmentSerializer()
    deadlines = DeadlineSerializer(many=True)
    messages = serializers.ListField(
        child=serializers.CharField(),
        help_text="Sentences for the person: outcome, who is responsible, next step, notes.",
    )
    next_step = NextStepSerializer()
    lang = serializers.ChoiceField(choices=list(LANGUAGES))


def _error(code: str, parameter: str, message: str) -> ApiError:
    return ApiError(400, code, message, parameter=parameter)


@extend_schema(
    tags=["eligibility"],
    summary="Eligibility for the assessment and the statutory dates",
    description="Whether the assessment of skills and integration service needs (KotoL 14 §) "
    "is mandatory, available on request, or only guidance applies (10 §), with its grounds, "
    "and every statutory date that follows from the dates given (20 §, 22 §, 23 §, 31 §), each "
    "saying whether it has passed. The same answer as `kotokartta eligibility --json`. Nothing "
    "asked is stored, logged or cached.",
    parameters=QUERY_PARAMETERS,
    responses=responses(EligibilityDocumentSerializer, "The answer."),
    examples=[
        OpenApiExample(
            "A quota refugee with a plan",
            value={"permit": "2025-02-01", "basis": "quota_refugee", "plan": "2025-03-31"},
            parameter_only=("permit", OpenApiParameter.QUERY),
        )
    ],
)
class EligibilityView(ApiView):
    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        APIView.initial(self, request, *args, **kwargs)
        query = request.query_params
        asked = query.get("lang")
        self.lang = DEFAULT
        self.params = {}
        if request.method == "OPTIONS":
            return
        if asked is not None and asked not in LANGUAGES:
            raise self._invalid(
                InputError("bad_choice", "lang", value=asked[:40], allowed=" ".join(LANGUAGES))
            )
        self.lang = asked or language.negotiate(request, None)
        if self.lang not in LANGUAGES:
            self.lang = DEFAULT
        for name in query:
            if name not in PARAMETERS or len(query.getlist(name)) > 1:
                with translation.override(self.lang):
                    message = present.error_text(InputError("bad_option", name, value=name))
                raise _error(UNKNOWN_PARAMETER, name, message)
        self.params = {name: query[name] for name in query}

    def _invalid(self, error: InputError) -> ApiError:
        with translation.override(self.lang):
            return _error(INVALID_PARAMETER, error.field, present.error_text(error))

    def get(self, request: Request) -> Response:
        values: dict[str, str | None] = {name: self.params.get(name) for name in FIELDS}
        try:
            answers = answers_from(values, today=timezone.localdate(), empty_is_unanswered=False)
            answer = decide(answers)
        except InputError as error:
            raise self._invalid(error) from None
        return Response(present.as_document(answer, lang=self.lang))

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        response = super().finalize_response(request, response, *args, **kwargs)
        response.headers["Cache-Control"] = NO_STORE
        return response
