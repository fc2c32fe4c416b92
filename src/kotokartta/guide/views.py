"""The public guide. For now: the programme's municipalities and their coordinators."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from kotokartta.programme import models as m


def home(request: HttpRequest) -> HttpResponse:
    dataset = m.DataSet.objects.order_by("-loaded_at").first()
    municipalities = m.Municipality.objects.prefetch_related("coordinators")
    return render(
        request,
        "guide/home.html",
        {"dataset": dataset, "municipalities": municipalities},
        status=200 if dataset else 503,
    )


def health(request: HttpRequest) -> JsonResponse:
    dataset = m.DataSet.objects.order_by("-loaded_at").first()
    return JsonResponse(
        {
            "status": "ok" if dataset else "no-data",
            "data_date": dataset.data_date.isoformat() if dataset else None,
            "municipalities": m.Municipality.objects.count(),
        },
        status=200 if dataset else 503,
    )
