"""The planner's staff pages under /staff/orientation/: plan, save, compare, export, enter demand.

Server-rendered, no JavaScript. Every view is behind `staff_only`: anonymous people are sent to
the staff sign-in, signed-in people without the right get 403. Staff pages show exact counts.
"""

from __future__ import annotations

import json
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from kotokartta.orientation import permissions
from kotokartta.orientation.demand import DemandError, Problem, read_csv, write_csv
from kotokartta.orientation.engine import DemandRow
from kotokartta.orientation.forms import DemandForm, PlanForm
from kotokartta.orientation.labels import with_texts
from kotokartta.orientation.maps import plan_map_data_uri, plan_map_svg
from kotokartta.orientation.models import Scenario
from kotokartta.orientation.permissions import staff_only
from kotokartta.orientation.render import csv_from_dict
from kotokartta.orientation.selectors import (
    default_hosts,
    entered_demand,
    municipality_choices,
    municipality_codes,
    resolve_municipality,
)
from kotokartta.orientation.services import demand_replace, run_plan, scenario_save


def _lang() -> str:
    return (get_language() or "fi").split("-")[0]


def _initial_demand() -> str:
    rows = entered_demand()
    return write_csv(rows, municipality_codes()) if rows else ""


@require_http_methods(["GET", "HEAD", "POST"])
@staff_only(permissions.may_plan)
def planner(request: HttpRequest) -> HttpResponseBase:
    choices = municipality_choices(lang=_lang())
    problems: list[Problem] = []
    result = None
    plan_data = None
    if request.method == "POST":
        form = PlanForm(request.POST, request.FILES, municipalities=choices)
        if form.is_valid():
            data = form.cleaned_data
            upload = data.get("demand_file")
            raw: bytes | str = upload.read() if upload else data["demand_text"]
            try:
                demand = read_csv(raw, resolve=resolve_municipality)
            except DemandError as error:
                problems = list(error.problems)
            else:
                result = run_plan(
                    demand=demand,
                    min_size=data["min_size"],
                    max_size=data["max_size"],
                    max_travel_km=data["max_travel_km"],
                    remote_allowed=data["remote_allowed"],
                    hosts=data["hosts"],
                    max_start_spread_months=data["max_start_spread_months"],
                )
                unnamed = request.POST.get("action") == "save" and not data["name"].strip()
                if request.POST.get("action") == "save" and not unnamed:
                    scenario = scenario_save(
                        name=data["name"], result=result, acting_user=request.user
                    )
                    return redirect("orientation:scenario", pk=scenario.pk)
                plan_data = result.as_dict(lang=_lang())
                # Keep the demand in the form (an upload becomes text) so "save" carries it.
                form = PlanForm(
                    {**request.POST.dict(), "demand_text": write_csv(demand, municipality_codes())}
                    | {"hosts": data["hosts"]},
                    municipalities=choices,
                )
                form.is_valid()
                if unnamed:
                    form.add_error("name", _("Give the scenario a name to save it."))
    else:
        form = PlanForm(
            initial={"hosts": list(default_hosts()), "demand_text": _initial_demand()},
            municipalities=choices,
        )
    status = 400 if request.method == "POST" and (problems or form.errors) else 200
    context: dict[str, Any] = {
        "form": form,
        "problems": problems,
        "plan": plan_data,
        "map_svg": plan_map_svg(plan_data, lang=_lang()) if plan_data else "",
        "scenarios": Scenario.objects.all()[:100],
    }
    return render(request, "orientation/planner.html", context, status=status)


@require_safe
@staff_only(permissions.may_plan)
def scenario(request: HttpRequest, pk: int) -> HttpResponseBase:
    item = get_object_or_404(Scenario, pk=pk)
    return render(
        request,
        "orientation/scenario.html",
        {
            "scenario": item,
            "plan": with_texts(item.result, _lang()),
            "map_svg": plan_map_svg(item.result, lang=_lang(), id_prefix=f"s{item.pk}"),
        },
    )


def _filename(item: Scenario, extension: str) -> str:
    slug = slugify(item.name) or "scenario"
    return f"orientation-{item.pk}-{slug}.{extension}"


@require_safe
@staff_only(permissions.may_plan)
def scenario_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponseBase:
    if fmt not in ("csv", "json", "pdf"):
        raise Http404
    item = get_object_or_404(Scenario, pk=pk)
    plan = with_texts(item.result, _lang())
    if fmt == "json":
        body = json.dumps({"name": item.name, **plan}, ensure_ascii=False, indent=2)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
    elif fmt == "csv":
        response = HttpResponse(csv_from_dict(plan), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(render_pdf(item), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{_filename(item, fmt)}"'
    return response


def render_pdf(item: Scenario) -> bytes:
    """A printable plan (A4): the map, every group with its members, and the unserved."""
    from weasyprint import HTML

    html = render_to_string(
        "orientation/print.html",
        {
            "scenario": item,
            "plan": with_texts(item.result, _lang()),
            "map_uri": plan_map_data_uri(item.result, lang=_lang()),
            "lang": _lang(),
        },
    )
    return bytes(HTML(string=html).write_pdf())


@require_safe
@staff_only(permissions.may_plan)
def compare(request: HttpRequest) -> HttpResponseBase:
    scenarios = list(Scenario.objects.all()[:200])
    chosen: list[Scenario] = []
    for key in ("a", "b"):
        value = request.GET.get(key, "")
        if value.isdigit():
            found = next((s for s in scenarios if s.pk == int(value)), None)
            if found is None:
                found = Scenario.objects.filter(pk=int(value)).first()
            if found is not None:
                chosen.append(found)
    columns = [
        {
            "scenario": s,
            "plan": with_texts(s.result, _lang()),
            "map_svg": plan_map_svg(s.result, lang=_lang(), id_prefix=f"c{i}"),
        }
        for i, s in enumerate(chosen)
    ]
    return render(
        request,
        "orientation/compare.html",
        {
            "scenarios": scenarios,
            "columns": columns,
            "a": request.GET.get("a"),
            "b": request.GET.get("b"),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@staff_only(permissions.may_enter_any_demand)
def demand(request: HttpRequest) -> HttpResponseBase:
    choices = municipality_choices(lang=_lang())
    allowed_ids = permissions.demand_municipality_ids(request.user, [c[0] for c in choices])
    allowed = [c for c in choices if c[0] in allowed_ids]
    problems: list[Problem] = []
    saved = None
    if request.method == "POST":
        form = DemandForm(request.POST)
        form.is_valid()
        text = form.cleaned_data.get("demand_text", "") or ""
        rows: list[DemandRow] = []
        if text.strip():
            try:
                rows = read_csv(text, resolve=resolve_municipality)
            except DemandError as error:
                problems = list(error.problems)
        if not problems:
            problems = _outside(text, rows, set(allowed_ids), dict(choices))
        if not problems:
            saved = demand_replace(
                municipality_ids=allowed_ids, rows=rows, acting_user=request.user
            )
    else:
        rows = entered_demand(municipality_ids=allowed_ids)
        form = DemandForm(initial={"demand_text": write_csv(rows, municipality_codes())})
    return render(
        request,
        "orientation/demand.html",
        {"form": form, "problems": problems, "allowed": allowed, "saved": saved},
        status=400 if problems else 200,
    )


def _outside(
    text: str, rows: list[DemandRow], allowed: set[str], names: dict[str, str]
) -> list[Problem]:
    """A problem for each row about a municipality the user may not enter demand for."""
    problems = []
    data_lines = [n for n, line in enumerate(text.splitlines(), start=1) if line.strip()][1:]
    for line, row in zip(data_lines, rows, strict=False):
        if row.municipality not in allowed:
            problems.append(
                Problem(
                    line,
                    "municipality",
                    _("you may enter demand only for: %(names)s")
                    % {"names": ", ".join(names[m] for m in sorted(allowed)) or "—"},
                )
            )
    return problems
