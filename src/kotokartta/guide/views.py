"""The public guide: thin views over the selectors. Every page works without JavaScript; nothing
a visitor types is stored or logged; no cookies."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from kotokartta.core.http import NotFound
from kotokartta.core.text import content_language
from kotokartta.eligibility import present as eligibility
from kotokartta.eligibility.rules import decide
from kotokartta.guide import selectors
from kotokartta.guide.forms import PathForm
from kotokartta.paths.engine import Profile
from kotokartta.paths.selectors import municipality_overview, path_for
from kotokartta.programme import content
from kotokartta.programme import models as m
from kotokartta.programme.vocabulary import PHASE_BY_ID, PHASES, ClientGroup


def _lang() -> str:
    return get_language() or "fi"


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    dataset = selectors.current_dataset()
    lang = _lang()
    return render(
        request,
        "guide/home.html",
        {
            "dataset": dataset,
            "municipalities": selectors.municipality_list(lang=content_language(lang)),
            "map_svg": selectors.area_map(lang=lang),
            "form": PathForm(),
            "phases": PHASES,
            "intro_text": content.intro(lang),
        },
        status=200 if dataset else 503,
    )


@require_safe
def municipality(request: HttpRequest, slug: str) -> HttpResponse:
    found = m.Municipality.objects.find(slug)
    if found is None:
        raise NotFound(kind="municipality", term=slug)
    if found.id != slug:
        return redirect("guide:municipality", slug=found.id, permanent=True)
    lang = content_language(_lang())
    return render(
        request,
        "guide/municipality.html",
        {
            "municipality": found,
            "overview": municipality_overview(municipality=found, lang=lang),
            "coordinators": selectors.coordinators(municipality=found, lang=lang),
            "flags": selectors.municipality_flags(municipality=found, lang=lang),
        },
    )


@require_safe
def path(request: HttpRequest) -> HttpResponse:
    if not request.GET:
        return render(request, "guide/wizard.html", {"form": PathForm()})
    form = PathForm(request.GET)
    if not form.is_valid():
        unknown = any(
            e.code == "unknown_municipality" for e in form.errors.as_data().get("municipality", [])
        )
        return render(
            request,
            "guide/wizard.html",
            {"form": form, "municipalities": selectors.municipality_list(lang="fi")},
            status=404 if unknown and len(form.errors) == 1 else 400,
        )
    data = form.cleaned_data
    profile = Profile(
        client=ClientGroup(data["client"]),
        uses_finnish=form.uses_finnish(),
        residence_basis=form.residence_basis(),
    )
    lang = _lang()
    content_lang = content_language(lang)
    municipality_obj: m.Municipality = data["municipality"]
    person_path = path_for(municipality=municipality_obj, profile=profile, lang=content_lang)
    finnish_path = (
        person_path
        if content_lang == "fi"
        else path_for(municipality=municipality_obj, profile=profile, lang="fi")
    )
    answers = data.get("answers")
    rules = eligibility.as_document(decide(answers), lang=lang) if answers else None
    context: dict[str, Any] = {
        "form": form,
        "path": person_path.as_dict(),
        "steps": list(
            zip(person_path.as_dict()["steps"], finnish_path.as_dict()["steps"], strict=True)
        ),
        "side_by_side": content_lang != "fi" or lang != "fi",
        "municipality": municipality_obj,
        "profile": profile,
        "rules": rules,
        "share_url": request.build_absolute_uri(),
    }
    response = render(request, "guide/path.html", context)
    if answers:  # computed from one person's dates: for them only, never kept
        patch_cache_control(response, private=True, no_store=True)
    return response


@require_safe
def phase(request: HttpRequest, phase_id: str) -> HttpResponse:
    if phase_id not in PHASE_BY_ID:
        raise NotFound(kind="phase", term=phase_id)
    lang = content_language(_lang())
    return render(
        request,
        "guide/phase.html",
        {
            "phase": PHASE_BY_ID[phase_id],
            "rows": selectors.phase_across_municipalities(phase=phase_id, lang=lang),
        },
    )


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    municipality_term = request.GET.get("municipality", "").strip()
    municipality_obj = None
    if municipality_term:
        municipality_obj = m.Municipality.objects.find(municipality_term)
        if municipality_obj is None:
            raise NotFound(kind="municipality", term=municipality_term)
    results = (
        selectors.search(query=query, municipality=municipality_obj, lang=_lang()) if query else []
    )
    return render(
        request,
        "guide/search.html",
        {"query": query, "results": results, "municipality": municipality_obj},
    )
