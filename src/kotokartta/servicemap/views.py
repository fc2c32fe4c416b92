"""Service maps in the guide: the area overview, each municipality's map page and downloads."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from kotokartta.core.cache import versioned_cache
from kotokartta.core.http import NotFound
from kotokartta.core.middleware import csp_allowing_style
from kotokartta.programme.models import Municipality
from kotokartta.servicemap import ahead
from kotokartta.servicemap import render as maprender
from kotokartta.servicemap.selectors import (
    PAPERS,
    area_overview_svg,
    purchase_arrangements,
    service_map,
)


def _second_lang(request: HttpRequest) -> str:
    wanted = request.GET.get("second", "")
    codes = {code for code, _ in settings.LANGUAGES}
    if wanted in codes:
        return wanted
    lang = get_language() or "fi"
    return "en" if lang == "fi" else lang


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "servicemap/index.html",
        {
            "area_svg": area_overview_svg(lang=get_language() or "fi"),
            "arrangements": purchase_arrangements(),
            "municipalities": Municipality.objects.all(),
            "papers": list(PAPERS),
        },
    )


@require_safe
def municipality_map(request: HttpRequest, slug: str) -> HttpResponse:
    municipality = Municipality.objects.find(slug)
    if municipality is None:
        raise NotFound(kind="municipality", term=slug)
    second = _second_lang(request)
    content = service_map(municipality=municipality, second_lang=second)
    context = maprender.map_context(content, paper="web")
    context.update(
        municipality=municipality, second=second, papers=list(PAPERS), languages=settings.LANGUAGES
    )
    return render(request, "servicemap/page.html", context)


@require_safe
def municipality_file(request: HttpRequest, slug: str, fmt: str, paper: str = "a4") -> HttpResponse:
    municipality = Municipality.objects.find(slug)
    if municipality is None or paper not in PAPERS:
        raise NotFound(kind="municipality", term=slug)
    second = _second_lang(request)

    def svg() -> str:
        return maprender.render_svg(service_map(municipality=municipality, second_lang=second))

    # Keyed by what decides the file (not the address: another query string is the same map).
    if fmt == "svg":
        body = versioned_cache.get_or_compute("map", (municipality.id, second), svg)
        response = HttpResponse(body, content_type="image/svg+xml")
        response.headers["Content-Security-Policy"] = csp_allowing_style(maprender.SVG_STYLE)
        filename = f"palvelukartta-{municipality.id}-{second}.svg"
    else:
        ahead.start_warming()
        pdf = ahead.map_pdf(municipality=municipality, second_lang=second, paper=paper)
        response = HttpResponse(pdf, content_type="application/pdf")
        filename = f"palvelukartta-{municipality.id}-{second}-{paper}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_safe
def area_file(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt == "svg":
        return HttpResponse(area_overview_svg(lang="fi"), content_type="image/svg+xml")
    ahead.start_warming()
    pdf = ahead.area_pdf(second_lang=_second_lang(request))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="kainuu-koillismaa-ostopalvelut.pdf"'
    return response
