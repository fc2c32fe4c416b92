"""Kotokartta's one settings module. Every variable is read here once, with a type and a safe
default; docs/configuration.md lists them. With no variables at all Kotokartta runs on an
embedded SQLite database in ./var/ (development mode is still off: DEBUG defaults to False).
"""

from __future__ import annotations

import secrets
from datetime import timedelta as _timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent

env = environ.Env()

VAR_DIR = Path(env.str("KOTOKARTTA_VAR_DIR", default=str(PROJECT_DIR / "var")))
DATA_DIR = Path(
    env.str("KOTOKARTTA_DATA_DIR", default=str(PROJECT_DIR / "data" / "kainuu-koillismaa"))
)

DEBUG = env.bool("KOTOKARTTA_DEBUG", default=False)
PRODUCTION = env.bool("KOTOKARTTA_PRODUCTION", default=False)

# Outside production a per-checkout secret is generated once and kept in var/ (never committed).
if PRODUCTION:
    SECRET_KEY = env.str("KOTOKARTTA_SECRET_KEY")
    ALLOWED_HOSTS = env.list("KOTOKARTTA_ALLOWED_HOSTS")
else:

    def _local_secret() -> str:
        path = VAR_DIR / "secret-key"
        try:
            return path.read_text().strip()
        except OSError:
            key = secrets.token_urlsafe(50)
            try:
                VAR_DIR.mkdir(parents=True, exist_ok=True)
                path.write_text(key)
            except OSError:
                pass
            return key

    SECRET_KEY = env.str("KOTOKARTTA_SECRET_KEY", default="") or _local_secret()
    ALLOWED_HOSTS = env.list(
        "KOTOKARTTA_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]", "testserver"]
    )

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.staticfiles",
    "kotokartta.core",
    "kotokartta.site",
    "kotokartta.programme",
    "kotokartta.paths",
    "kotokartta.eligibility",
    "kotokartta.search",
    "kotokartta.guide",
    "kotokartta.servicemap",
    "kotokartta.documents",
    "kotokartta.coverage",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "kotokartta.api",
    "kotokartta.opendata",
    "kotokartta.integrations.ptv",
    "kotokartta.devtools",
    "kotokartta.orientation",
    # Staff editing (/staff/): sessions, sign-in throttling, one-time codes, history.
    "django.contrib.sessions",
    "django.contrib.messages",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "simple_history",
    "kotokartta.staff",
]

MIDDLEWARE = [
    # The data version, read once per request by everything keyed on it (core/dataversion.py).
    "kotokartta.core.dataversion.version_per_request",
    # Validators, 304s and Cache-Control per kind (core/httpcache.py); outermost after the
    # per-request memo of the data version, so that a conditional GET that still matches costs
    # one one-row query, and a page answered after it asks for the version no more.
    "kotokartta.core.httpcache.http_cache",
    "kotokartta.core.pagecache.page_cache",
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "kotokartta.core.middleware.privacy_headers",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Sessions and the CSRF cookie are scoped to /staff/ (SESSION_COOKIE_PATH, CSRF_COOKIE_PATH):
    # a public page never receives or sets a cookie.
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Sets no cookie unless a template asks for a token (no public page does: their forms are GET).
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Deny by default: every /staff/ address but the sign-in needs a signed-in staff member
    # (and a verified one-time code for publishers and area admins).
    "kotokartta.staff.middleware.staff_gate",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kotokartta.urls"
WSGI_APPLICATION = "kotokartta.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "kotokartta.site.context.site",
                "django.contrib.messages.context_processors.messages",
                "kotokartta.staff.context.staff",
            ],
        },
    },
]

# Development (and `scripts/run`) use an embedded SQLite file in var/; production names its
# database or refuses to start: it must never quietly write to a local file.
if PRODUCTION and not env.str("DATABASE_URL", default=""):
    raise ImproperlyConfigured(
        "KOTOKARTTA_PRODUCTION is on but DATABASE_URL is not set: production needs its "
        "database named, e.g. DATABASE_URL=postgres://user:password@host:5432/kotokartta "
        "(see docs/configuration.md)"
    )
_default_db = f"sqlite:///{VAR_DIR / 'kotokartta.sqlite3'}"
DATABASES = {"default": env.db_url("DATABASE_URL", default=_default_db)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20, "init_command": "PRAGMA journal_mode=WAL;"}
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "fi"
# The guide's languages: Finnish and Swedish, English, and the programme's orientation languages
# plus InfoFinland's reach. Each is named in itself in the language menu.
LANGUAGES = [
    ("fi", "suomi"),
    ("sv", "svenska"),
    ("en", "English"),
    ("uk", "українська"),
    ("ru", "русский"),
    ("ar", "العربية"),
    ("fa", "فارسی"),
    ("so", "Soomaali"),
    ("sw", "Kiswahili"),
    ("rw", "Ikinyarwanda"),
    ("vi", "Tiếng Việt"),
    ("th", "ไทย"),
]
LANGUAGES_BIDI = ["ar", "fa"]
# The shared interface catalogue, then each app's own (`<app>/locale/`), so that an app brings its
# words with it; listed here so that plain Python packages (not installed apps) are found too.
LOCALE_PATHS = [
    BASE_DIR / "locale",
    *sorted(BASE_DIR.glob("*/locale")),
    *sorted(BASE_DIR.glob("*/*/locale")),
]

EXTRA_LANG_INFO = {
    "rw": {"bidi": False, "code": "rw", "name": "Kinyarwanda", "name_local": "Ikinyarwanda"},
    "so": {"bidi": False, "code": "so", "name": "Somali", "name_local": "Soomaali"},
}
from django.conf import locale as _django_locale  # noqa: E402

for _code, _info in EXTRA_LANG_INFO.items():
    _django_locale.LANG_INFO.setdefault(_code, _info)

# The national Service Information Repository's open read API (PTV v11); only `kotokartta ptv`
# commands call it, never a page or a test.
PTV_BASE_URL = env.str(
    "KOTOKARTTA_PTV_BASE_URL", default="https://api.palvelutietovaranto.suomi.fi/api/v11"
)

# The public address of the guide: QR codes and printed documents point here.
PUBLIC_URL = env.str("KOTOKARTTA_PUBLIC_URL", default="http://127.0.0.1:8000").rstrip("/")

CONTENT_DIR = Path(env.str("KOTOKARTTA_CONTENT_DIR", default=str(PROJECT_DIR / "data" / "content")))
GEO_DIR = Path(env.str("KOTOKARTTA_GEO_DIR", default=str(PROJECT_DIR / "data" / "geo")))
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# In production `collectstatic` writes here and whitenoise serves the compressed, hashed files.
# Elsewhere whitenoise serves straight from the apps' static folders.
_static_root = env.str("KOTOKARTTA_STATIC_ROOT", default="")
STATIC_ROOT = Path(_static_root) if _static_root else (VAR_DIR / "static" if PRODUCTION else None)
WHITENOISE_USE_FINDERS = not PRODUCTION
# Whole public responses cached in each worker's memory (core/pagecache.py); benchmarks switch it
# off to measure the work behind a page.
PAGE_CACHE = env.bool("KOTOKARTTA_PAGE_CACHE", default=True)

# Rendered PDFs (service maps, the area overview, the programme document) are kept on disk, one
# folder per data version, shared by every worker and the warm-up (core/cache.py, the disk tier).
# The variable was KOTOKARTTA_MAPS_DIR while it held only maps: refuse the old name rather than
# quietly keep files where nobody looks.
if env.str("KOTOKARTTA_MAPS_DIR", default=""):
    raise ImproperlyConfigured(
        "KOTOKARTTA_MAPS_DIR was renamed KOTOKARTTA_CACHE_DIR (it now keeps every rendered PDF, "
        "not only the maps): set KOTOKARTTA_CACHE_DIR instead and remove KOTOKARTTA_MAPS_DIR "
        "(see docs/configuration.md)"
    )
CACHE_DIR = Path(env.str("KOTOKARTTA_CACHE_DIR", default=str(VAR_DIR / "cache")))
# A map request starts `kotokartta map --warm` in the background when a data version's maps are
# not rendered yet (servicemap/ahead.py). On in production (and in scripts/run), off elsewhere.
MAPS_AHEAD = env.bool("KOTOKARTTA_MAPS_AHEAD", default=PRODUCTION)

# Files served at the site's root as they are (benchmarks use it to serve a page as a static file).
WHITENOISE_ROOT = env.str("KOTOKARTTA_WHITENOISE_ROOT", default="") or None
if PRODUCTION:
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if PRODUCTION:
    SECURE_SSL_REDIRECT = env.bool("KOTOKARTTA_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("KOTOKARTTA_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("KOTOKARTTA_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env.bool("KOTOKARTTA_HSTS_PRELOAD", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Staff sign-in (docs/staff.md). Django's own users and password hashing; django-axes locks an
# account after AXES_FAILURE_LIMIT failed attempts for KOTOKARTTA_LOCKOUT_MINUTES, whatever
# password comes next; publishers and area admins add a TOTP code (django-otp). The backend list
# is the one place to plug in single sign-on later (docs/adr/0007-staff-editing.md).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "staff:login"
LOGIN_REDIRECT_URL = "staff:dashboard"
SESSION_COOKIE_PATH = "/staff/"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = env.int("KOTOKARTTA_STAFF_SESSION_SECONDS", default=8 * 3600)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_PATH = "/staff/"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = _timedelta(minutes=env.int("KOTOKARTTA_LOCKOUT_MINUTES", default=30))
# The account is locked, whatever address the attempts come from (behind a proxy every
# visitor may share one address, so locking by address would lock everyone out). axes.W006
# warns about address-based lockout only; it does not apply to this setting.
AXES_LOCKOUT_PARAMETERS = ["username"]
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "staff/locked.html"
AXES_VERBOSE = False
OTP_TOTP_ISSUER = "Kotokartta"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("KOTOKARTTA_LOG_LEVEL", default="WARNING")},
}

# The public REST API (kotokartta.api, /api/v1/): read-only, open to all, no authentication, no
# cookies or sessions; errors in one shape (kotokartta.api.errors).
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_RENDERER_CLASSES": ["kotokartta.api.renderers.UTF8JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "kotokartta.api.pagination.ApiPagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "kotokartta.api.errors.exception_handler",
    "UNICODE_JSON": True,
    "STRICT_JSON": True,
}

SPECTACULAR_SETTINGS = {
    # Swagger UI and Redoc from the installed sidecar package: nothing loads from another host.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "TITLE": "Kotokartta API",
    "DESCRIPTION": (
        "The Kainuu-Koillismaa integration programme (kotoutumisohjelma) as open data: its "
        "municipalities, organisations, places, phases, provisions and activities, a person's "
        "path through the programme, search, coverage and maps. Read-only and public: no "
        "authentication, no cookies, and nothing asked is stored; any site may call it "
        "(`Access-Control-Allow-Origin: *`).\n\n"
        "**Languages.** `?lang=` or the Accept-Language header chooses the language of texts "
        "(Finnish by default). In the records every translated text is an object "
        '`{"text": …, "lang": …}` whose `lang` says which language it is actually in: a text '
        "missing in the requested language falls back to English, then Finnish. The path, "
        "search and coverage documents exist in Finnish and English and say their language in "
        "a `lang` member.\n\n"
        "**Lists** are paginated: `page` (from 1) and `page_size` (1–200, default 50).\n\n"
        "**Errors** all have one shape: "
        '`{"error": {"status", "code", "parameter", "message", "allowed"}}`. A query parameter '
        "an endpoint does not list is an error (400, `unknown_parameter`).\n\n"
        "Every fact comes from the programme document with its section and quote. Municipal "
        "borders: © Maanmittauslaitos, CC BY 4.0."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SORT_OPERATIONS": False,
    "ENUM_GENERATE_CHOICE_DESCRIPTION": False,
    "ENUM_NAME_OVERRIDES": {
        name: f"kotokartta.api.enums.{value}"
        for name, value in {
            "Language": "LANGUAGES",
            "DocumentLanguage": "DOCUMENT_LANGUAGES",
            "PhaseId": "PHASE_IDS",
            "ClientGroup": "CLIENTS",
            "Status": "STATUSES",
            "FlagKind": "FLAG_KINDS",
            "OrganisationKind": "ORGANISATION_KINDS",
            "ActivityKind": "ACTIVITY_KINDS",
            "Mode": "MODES",
            "ResidenceBasis": "RESIDENCE_BASES",
            "Section": "SECTION_IDS",
            "StatusClass": "STATUS_CLASSES",
            "GapKind": "GAP_KIND_IDS",
            "ErrorCode": "ERROR_CODES",
            "GeoJSONFeatureType": "FEATURE",
            "GeoJSONFeatureCollectionType": "FEATURE_COLLECTION",
        }.items()
    },
    "PREPROCESSING_HOOKS": ["kotokartta.api.schema.only_api_v1"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "kotokartta.api.schema.add_geojson_components",
    ],
}
