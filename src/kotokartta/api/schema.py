"""The OpenAPI schema: drf-spectacular hooks, the schema as a dict, and the plain HTML reference
page generated from it (the docs pages; no JavaScript, nothing from another host)."""

from __future__ import annotations

import base64
import hashlib
import re
import threading
from typing import Any

from django.utils import translation
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from drf_spectacular.generators import SchemaGenerator

from kotokartta.api.geo import GEOJSON_COMPONENTS

_lock = threading.Lock()
_cache: dict[str, Any] = {}


API_PREFIX = "/api/v1/"


def only_api_v1(endpoints: list[tuple[Any, ...]], **kwargs: Any) -> list[tuple[Any, ...]]:
    """drf-spectacular preprocessing hook: the schema describes /api/v1/ and nothing else, even
    if another app mounts DRF views elsewhere."""
    return [endpoint for endpoint in endpoints if str(endpoint[0]).startswith(API_PREFIX)]


def add_geojson_components(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """drf-spectacular postprocessing hook: the GeoJSON geometry components the map endpoints
    reference."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas.update(GEOJSON_COMPONENTS)
    result["components"]["schemas"] = dict(sorted(schemas.items()))
    return result


def api_schema() -> dict[str, Any]:
    """The schema as a dict, in English, generated once per process."""
    with _lock:
        if "schema" in _cache:
            return _cache["schema"]
    with translation.override("en"):
        schema = SchemaGenerator().get_schema(request=None, public=True)
    with _lock:
        _cache["schema"] = schema
    return schema


STYLE = (
    "body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;"
    "color:#1a1a1a}code{background:#f2f2f2;padding:0 .2em}h2{margin-top:2.5rem;"
    "border-top:1px solid #ccc;padding-top:1rem}table{border-collapse:collapse;width:100%}"
    "th,td{text-align:left;vertical-align:top;border-bottom:1px solid #ddd;padding:.3rem .5rem}"
    ".method{font-weight:bold;color:#05563b}"
)
STYLE_HASH = "sha256-" + base64.b64encode(hashlib.sha256(STYLE.encode()).digest()).decode()
CSP = (
    f"default-src 'none'; style-src '{STYLE_HASH}'; img-src 'self' data:; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'"
)


_CODE = re.compile(r"`([^`]+)`")
_STRONG = re.compile(r"\*\*([^*]+)\*\*")


def _inline(text: str) -> SafeString:
    """The little Markdown the schema's texts use: `code` and **strong**; everything else is
    escaped."""
    html = _CODE.sub(r"<code>\1</code>", str(escape(text)))
    return mark_safe(_STRONG.sub(r"<strong>\1</strong>", html))  # built from escaped text


def _paragraphs(text: str) -> SafeString:
    return format_html_join("", "<p>{}</p>", ((_inline(p),) for p in text.split("\n\n") if p))


def _type(schema: dict[str, Any]) -> str:
    kind = str(schema.get("type", "string"))
    if "format" in schema:
        kind += f" ({schema['format']})"
    bounds = []
    if "minimum" in schema:
        bounds.append(f"≥ {schema['minimum']}")
    if "maximum" in schema:
        bounds.append(f"≤ {schema['maximum']}")
    if "maxLength" in schema:
        bounds.append(f"at most {schema['maxLength']} characters")
    return kind + (", " + ", ".join(bounds) if bounds else "")


def _parameters(parameters: list[dict[str, Any]]) -> str:
    if not parameters:
        return format_html("<p>{}</p>", "No parameters.")
    rows = format_html_join(
        "",
        "<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
        (
            (
                p["name"],
                p["in"],
                "yes" if p.get("required") else "no",
                _type(p.get("schema", {})),
                format_html(
                    "{}{}",
                    _inline(p.get("description", "")),
                    format_html(
                        " Allowed: {}.",
                        format_html_join(
                            ", ", "<code>{}</code>", ((v,) for v in p["schema"]["enum"])
                        ),
                    )
                    if "enum" in p.get("schema", {})
                    else "",
                ),
            )
            for p in parameters
        ),
    )
    return format_html(
        "<table><thead><tr><th>name</th><th>in</th><th>required</th><th>type</th>"
        "<th>description</th></tr></thead><tbody>{}</tbody></table>",
        rows,
    )


def _responses(responses: dict[str, Any]) -> str:
    return format_html(
        "<ul>{}</ul>",
        format_html_join(
            "",
            "<li><code>{}</code> {} — {}</li>",
            (
                (
                    status,
                    ", ".join(response.get("content", {})) or "no body",
                    _inline(response.get("description", "")),
                )
                for status, response in responses.items()
            ),
        ),
    )


def reference_html(title: str, schema_url: str, note: str) -> str:
    """Every operation of the schema with its summary, description, parameters and responses."""
    schema = api_schema()
    info = schema.get("info", {})
    sections = []
    for path, item in schema.get("paths", {}).items():
        for method, operation in item.items():
            if method not in {"get", "head", "post"}:
                continue
            sections.append(
                format_html(
                    '<section id="{}"><h2><span class="method">{}</span> <code>{}</code></h2>'
                    "<p><strong>{}</strong></p>{}<h3>Parameters</h3>{}"
                    "<h3>Responses</h3>{}</section>",
                    operation.get("operationId", ""),
                    method.upper(),
                    path,
                    operation.get("summary", ""),
                    _paragraphs(operation.get("description", "")),
                    _parameters(operation.get("parameters", [])),
                    _responses(operation.get("responses", {})),
                )
            )
    toc = format_html_join(
        "",
        '<li><a href="#{}"><code>{}</code></a> — {}</li>',
        (
            (operation.get("operationId", ""), path, operation.get("summary", ""))
            for path, item in schema.get("paths", {}).items()
            for method, operation in item.items()
            if method in {"get", "post"}
        ),
    )
    return format_html(
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>{}</title><style>{}</style></head><body><main><h1>{}</h1>{}"
        '<p>{}</p><p>Schema: <a href="{}">OpenAPI 3 (YAML)</a>, '
        '<a href="{}?format=json">JSON</a>.</p><h2>Endpoints</h2><ul>{}</ul>{}</main></body>'
        "</html>",
        title,
        mark_safe(STYLE),  # a constant; its hash is in the CSP
        title,
        _paragraphs(info.get("description", "")),
        note,
        schema_url,
        schema_url,
        toc,
        mark_safe("".join(sections)),  # each built by format_html
    )
