"""The official HSDS 3.0 JSON schemas, offline: validators for our HSDS objects and API responses.

The schema files in `data/hsds-3.0-schema/` are byte-for-byte copies of Open Referral's (see its
NOTICE.md). They declare no `$schema`; HSDS 3.0 uses JSON Schema draft 2020-12 (the OpenAPI
file's `jsonSchemaDialect`, and the HSDS profiles reference), so validation uses
`Draft202012Validator` with its format checker: `uuid`, `uri`, `email` and `date-time` are
asserted, not just annotated.

Each file is registered under its canonical address,
`https://raw.githubusercontent.com/openreferral/specification/3.0/schema/<file>`, so the files'
relative `$ref`s ("phone.json") and the OpenAPI file's absolute ones resolve from the local copies
and nothing is fetched. Three compiled files the copy leaves out on purpose
(`compiled/service.json`, `compiled/organization.json`, `compiled/service_at_location.json`:
"fully inlined expansions of the source schemas … they add no new rules", NOTICE.md) are stood
in for by a `$ref` to the source schema they expand.

`strict=True` adds one check of our own on top of the official rules: no property the schema
does not declare (`additionalProperties: false` on every object schema of an in-memory copy).
HSDS itself allows extra properties, so a misspelt field name would otherwise pass silently.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.conf import settings

if TYPE_CHECKING:  # jsonschema is imported where it validates: it is slow to import
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource

__all__ = [
    "BASE_URI",
    "api_validator",
    "errors",
    "schema_dir",
    "validator",
]

BASE_URI = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"

# Compiled files not shipped in the copy, and the source schema each one expands.
_STAND_INS = {
    "compiled/service.json": "service.json",
    "compiled/organization.json": "organization.json",
    "compiled/service_at_location.json": "service_at_location.json",
}

# API path (as in openapi.json) → JSON pointer of its 200 response schema.
API_PATHS = (
    "/",
    "/services",
    "/services/{id}",
    "/organizations",
    "/organizations/{id}",
    "/service_at_locations",
    "/service_at_locations/{id}",
    "/taxonomies",
    "/taxonomies/{id}",
    "/taxonomy_terms",
    "/taxonomy_terms/{id}",
)


def schema_dir() -> Path:
    return Path(settings.PROJECT_DIR) / "data" / "hsds-3.0-schema"


def _strict(schema: Any) -> Any:
    """A copy in which every object schema with `properties` forbids other properties."""
    if isinstance(schema, dict):
        out = {key: _strict(value) for key, value in schema.items()}
        if isinstance(schema.get("properties"), dict) and schema.get("type") == "object":
            out.setdefault("additionalProperties", False)
        return out
    if isinstance(schema, list):
        return [_strict(item) for item in schema]
    return schema


def _files(folder: Path) -> Iterator[tuple[str, Path]]:
    for path in sorted(folder.glob("*.json")):
        yield path.name, path
    for path in sorted((folder / "compiled").glob("*.json")):
        yield f"compiled/{path.name}", path


@lru_cache(maxsize=4)
def registry(folder: Path | None = None, *, strict: bool = False) -> Registry:
    """All schema files under their canonical addresses. Raises FileNotFoundError without them."""
    from referencing import Registry
    from referencing.jsonschema import DRAFT202012

    folder = folder or schema_dir()
    resources: list[tuple[str, Resource[Any]]] = []
    names: set[str] = set()
    for name, path in _files(folder):
        contents = json.loads(path.read_text(encoding="utf-8"))
        if strict and name != "openapi.json":
            contents = _strict(copy.deepcopy(contents))
        resources.append((BASE_URI + name, DRAFT202012.create_resource(contents)))
        names.add(name)
    if "service.json" not in names:
        raise FileNotFoundError(f"no HSDS schema files in {folder}")
    for name, source in _STAND_INS.items():
        if name not in names:
            resources.append(
                (BASE_URI + name, DRAFT202012.create_resource({"$ref": BASE_URI + source}))
            )
    return Registry().with_resources(resources)


def validator(schema_file: str, *, strict: bool = False) -> Draft202012Validator:
    """A validator for one HSDS object, e.g. `validator("service.json")`."""
    return _validator(BASE_URI + schema_file, strict)


def api_validator(path: str) -> Draft202012Validator:
    """A validator for the 200 response of an HSDS API path, e.g. `api_validator("/services")`,
    taken from the official openapi.json."""
    if path not in API_PATHS:
        raise KeyError(path)
    pointer = "/paths/" + path.replace("~", "~0").replace("/", "~1")
    pointer += "/get/responses/200/content/application~1json/schema"
    return _validator(f"{BASE_URI}openapi.json#{pointer}", False)


@lru_cache(maxsize=64)
def _validator(uri: str, strict: bool) -> Draft202012Validator:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(
        {"$ref": uri},
        registry=registry(strict=strict),
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


def errors(instance: Any, schema_file: str, *, strict: bool = False) -> list[str]:
    """Every validation error of `instance`, as "path: message" lines."""
    return [
        f"{'/'.join(str(p) for p in error.absolute_path) or '(object)'}: {error.message}"
        for error in validator(schema_file, strict=strict).iter_errors(instance)
    ]
