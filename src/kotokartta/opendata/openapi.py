"""The OpenAPI description of the HSDS API under /api/hsds/, as this site implements it: the
paths of Open Referral's HSDS 3.0 openapi.json, the parameters the views accept (with their
types, bounds and enums, so that a request the schema calls valid is answered), the `Page` shape
of lists, NDJSON with `format=ndjson`, and the error answers (`{"error": …, "status": …}`).

The objects themselves are described by shape (an object with a string `id`); their full
definitions are Open Referral's schemas, linked from each response and checked against the
official files in tests/test_hsds.py. Served at /api/hsds/schema/ (YAML, or JSON with
`?format=json`) and committed as openapi-hsds.yaml; a test fails when the two differ. To write
the file again:

    python3 -m uv run python -m kotokartta.opendata.openapi > openapi-hsds.yaml
"""

from __future__ import annotations

from typing import Any

import yaml

HSDS_LANGUAGES = ("fi", "en")
PREFIX = "/api/hsds"
SCHEMA_BASE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
MAX_PER_PAGE = 1000
MAX_SEARCH_CHARS = 200

_LISTS = {
    "services": ("service", "Services", "compiled/service.json"),
    "organizations": ("organization", "Organizations", "compiled/organization.json"),
    "service_at_locations": (
        "service_at_location",
        "Services at locations",
        "compiled/service_at_location.json",
    ),
    "taxonomies": ("taxonomy", "Taxonomies", "taxonomy.json"),
    "taxonomy_terms": ("taxonomy_term", "Taxonomy terms", "taxonomy_term.json"),
}

_FILTERS: dict[str, list[str]] = {
    "services": ["organization_id", "taxonomy_term_id", "taxonomy_id"],
    "organizations": ["full"],
    "service_at_locations": ["organization_id", "taxonomy_term_id", "taxonomy_id"],
    "taxonomies": [],
    "taxonomy_terms": ["taxonomy_id", "parent_id", "top_only"],
}

_BOOLEAN = {"type": "string", "enum": ["true", "false", "1", "0", "yes", "no"]}


def _parameter(name: str, description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": False, "description": description,
            "schema": schema}  # fmt: skip


PARAMETERS: dict[str, dict[str, Any]] = {
    "lang": _parameter(
        "lang",
        "Language of the texts (an extension of HSDS): Finnish by default.",
        {"type": "string", "enum": list(HSDS_LANGUAGES)},
    ),
    "page": _parameter(
        "page",
        "Page number, from 1 (default 1). A page past the last one is a 404.",
        {"type": "integer", "minimum": 1, "maximum": 10**9},
    ),
    "per_page": _parameter(
        "per_page",
        f"Items per page, 1–{MAX_PER_PAGE} (default 50).",
        {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE},
    ),
    "format": _parameter(
        "format",
        "`ndjson`: every item, one JSON object a line, no paging.",
        {"type": "string", "enum": ["json", "ndjson"]},
    ),
    "search": _parameter(
        "search",
        "Words that must all occur in the name, alternate name or description (case-insensitive).",
        {"type": "string", "maxLength": MAX_SEARCH_CHARS},
    ),
    "organization_id": _parameter(
        "organization_id", "Only those of this organization.", {"type": "string", "format": "uuid"}
    ),
    "taxonomy_term_id": _parameter(
        "taxonomy_term_id",
        "Only those linked to this taxonomy term.",
        {"type": "string", "format": "uuid"},
    ),
    "taxonomy_id": _parameter(
        "taxonomy_id",
        "Only those linked to a term of this taxonomy (terms: of this taxonomy).",
        {"type": "string", "format": "uuid"},
    ),
    "parent_id": _parameter(
        "parent_id", "Only the children of this term.", {"type": "string", "format": "uuid"}
    ),
    "top_only": _parameter("top_only", "Only terms without a parent.", _BOOLEAN),
    "full": _parameter("full", "Each organization fully nested.", _BOOLEAN),
}

ERROR = {
    "type": "object",
    "required": ["error", "status"],
    "properties": {
        "error": {"type": "string", "description": "What went wrong, in English."},
        "status": {"type": "integer", "description": "The HTTP status again."},
    },
}


def _error(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


ERRORS = {
    "400": _error("A query parameter is not valid; the message names it."),
    "503": _error("No programme data is loaded, or the database is not available."),
}


def _object(schema_file: str) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["id"],
        "properties": {"id": {"type": "string", "format": "uuid"}},
        "description": f"An HSDS 3.0 object: {SCHEMA_BASE}{schema_file}",
    }


def _list_operation(name: str) -> dict[str, Any]:
    singular, title, schema_file = _LISTS[name]
    page = {
        "allOf": [
            {"$ref": "#/components/schemas/Page"},
            {
                "type": "object",
                "properties": {"contents": {"type": "array", "items": _object(schema_file)}},
            },
        ]
    }
    return {
        "get": {
            "operationId": f"list_{name}",
            "summary": f"{title}, a page at a time",
            "description": f"The {name.replace('_', ' ')} of the programme as HSDS 3.0 "
            f"`{singular}` objects in the HSDS `Page` shape, or every one as NDJSON with "
            "`format=ndjson`.",
            "parameters": [
                PARAMETERS[p]
                for p in ("lang", "page", "per_page", "format", "search", *_FILTERS[name])
            ],
            "responses": {
                "200": {
                    "description": "A page, or NDJSON.",
                    "content": {
                        "application/json": {"schema": page},
                        "application/x-ndjson": {"schema": {"type": "string"}},
                    },
                },
                **ERRORS,
                "404": _error("The page is past the last one."),
            },
        }
    }


def _detail_operation(name: str) -> dict[str, Any]:
    singular, _, schema_file = _LISTS[name]
    return {
        "get": {
            "operationId": f"get_{singular}",
            "summary": f"One {singular.replace('_', ' ')} by id",
            "description": f"One HSDS 3.0 `{singular}` object"
            + (", fully nested." if name != "taxonomies" else "."),
            "parameters": [
                {
                    "name": "id",
                    "in": "path",
                    "required": True,
                    "description": "The object's id (a UUID).",
                    "schema": {"type": "string", "minLength": 1, "pattern": "^[^/]+$"},
                },
                PARAMETERS["lang"],
            ],
            "responses": {
                "200": {
                    "description": f"The {singular.replace('_', ' ')}.",
                    "content": {"application/json": {"schema": _object(schema_file)}},
                },
                **ERRORS,
                "404": _error("No such object."),
            },
        }
    }


def hsds_openapi() -> dict[str, Any]:
    """The OpenAPI 3.0 description of /api/hsds/ as a dict."""
    paths: dict[str, Any] = {
        f"{PREFIX}/": {
            "get": {
                "operationId": "hsds_root",
                "summary": "About this HSDS API",
                "description": "The HSDS version, profile, the official openapi.json, the data "
                "date, the language, links to the lists, the source and licence notes.",
                "parameters": [PARAMETERS["lang"]],
                "responses": {
                    "200": {
                        "description": "About the API.",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Root"}}
                        },
                    },
                    **ERRORS,
                },
            }
        }
    }
    for name in _LISTS:
        paths[f"{PREFIX}/{name}"] = _list_operation(name)
        paths[f"{PREFIX}/{name}/{{id}}"] = _detail_operation(name)
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Kotokartta HSDS API",
            "version": "3.0",
            "description": "The integration programme as Open Referral Human Services Data "
            "Specification (HSDS) 3.0, read-only: GET and HEAD only (anything else is a 405), "
            "no authentication, `Access-Control-Allow-Origin: *`. Lists are paged in the HSDS "
            "`Page` shape. The data is public: see the licence notes at /api/hsds/.",
        },
        "paths": paths,
        "components": {
            "schemas": {
                "Error": ERROR,
                "Page": {
                    "type": "object",
                    "required": [
                        "total_items",
                        "total_pages",
                        "page_number",
                        "size",
                        "first_page",
                        "last_page",
                        "empty",
                        "contents",
                    ],
                    "properties": {
                        "total_items": {"type": "integer", "minimum": 0},
                        "total_pages": {"type": "integer", "minimum": 1},
                        "page_number": {"type": "integer", "minimum": 1},
                        "size": {"type": "integer", "minimum": 0},
                        "first_page": {"type": "boolean"},
                        "last_page": {"type": "boolean"},
                        "empty": {"type": "boolean"},
                        "contents": {"type": "array", "items": {"type": "object"}},
                    },
                },
                "Root": {
                    "type": "object",
                    "required": ["version", "profile", "openapi_url", "language", "links"],
                    "properties": {
                        "version": {"type": "string"},
                        "profile": {"type": "string", "format": "uri"},
                        "openapi_url": {"type": "string", "format": "uri"},
                        "title": {"type": "string"},
                        "data_date": {"type": "string"},
                        "language": {"type": "string", "enum": list(HSDS_LANGUAGES)},
                        "links": {
                            "type": "object",
                            "additionalProperties": {"type": "string", "format": "uri"},
                        },
                        "source": {"type": "string"},
                        "notes": {"type": "array", "items": {"type": "string"}},
                    },
                },
            }
        },
    }


def hsds_openapi_yaml() -> str:
    return yaml.safe_dump(hsds_openapi(), sort_keys=False, allow_unicode=True, width=100)


if __name__ == "__main__":
    print(hsds_openapi_yaml(), end="")
