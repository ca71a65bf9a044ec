"""Settings for InduCult Hub.

Everything a deployment changes comes from environment variables read through the typed readers in
``inducult.env``; a bad value stops start-up with a message naming the variable. With no variables
set, the platform runs on an SQLite file under ``var/`` (the embedded default). See
docs/operations.md for every variable.
"""

from __future__ import annotations

import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from inducult.env import env_bool, env_choice, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
SRC_DIR = BASE_DIR / "src" / "inducult"
VAR_DIR = Path(env_str("INDUCULT_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)
# HTTPS=1 turns on the settings a public deployment behind TLS needs (secure cookies, HSTS,
# redirect); the embedded default serves plain HTTP on 127.0.0.1 and must keep cookies usable there.
HTTPS = env_bool("INDUCULT_HTTPS", False)


def _secret_key() -> str:
    """SECRET_KEY from the environment, or a key generated once and kept in var/ for local runs."""
    key = env_str("SECRET_KEY", "")
    if key:
        if len(key) < 50:
            raise ImproperlyConfigured("SECRET_KEY must be at least 50 characters long")
        return key
    if HTTPS:
        raise ImproperlyConfigured("SECRET_KEY must be set when INDUCULT_HTTPS is on (a public deployment)")
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(64))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI served from our own static files (no CDN: the CSP allows 'self' only)
    "inducult.core",
    "inducult.regions",
    "inducult.network",
    "inducult.engagement",
    "inducult.strategy",
    "inducult.heritage",
    "inducult.tours",
    "inducult.actionplan",
    "inducult.cooperation",
    "inducult.practices",
    "inducult.analytics",
    "inducult.reports",
    "inducult.backoffice",
    "inducult.portal",
    "inducult.api",
    "inducult.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "inducult.regions.middleware.RegionLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Back office, admin and account pages: Cache-Control no-store (personal data).
    "inducult.core.middleware.PrivatePagesMiddleware",
]

ROOT_URLCONF = "inducult.urls"
WSGI_APPLICATION = "inducult.wsgi.application"
ASGI_APPLICATION = "inducult.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SRC_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "inducult.regions.context_processors.region",
            ],
        },
    }
]

# Database: SQLite under var/ unless DATABASE_URL names another (PostgreSQL in production).
_default_db = f"sqlite:///{VAR_DIR / 'inducult.sqlite3'}"
_database_url = env_str("DATABASE_URL", "") or _default_db
try:
    DATABASES = {"default": dj_database_url.parse(_database_url, conn_max_age=env_int("DB_CONN_MAX_AGE", 0))}
except ValueError as error:
    raise ImproperlyConfigured(f"DATABASE_URL is not a database URL this platform understands: {error}") from None
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    # WAL lets readers go on while an import writes; the timeout waits out a short write lock
    # instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
elif DATABASES["default"]["ENGINE"] not in ("django.db.backends.postgresql",):
    raise ImproperlyConfigured("DATABASE_URL must name SQLite or PostgreSQL (postgres://…)")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Backups serialise rows with every microsecond kept (core/backup/exact_json.py).
SERIALIZATION_MODULES = {"inducult-exact-json": "inducult.core.backup.exact_json"}

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
_redis_url = env_str("REDIS_URL", "")
if _redis_url:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _redis_url}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
# Throttled sign-in and password reset (core.throttle, decision 0016): after this many failed
# sign-ins of one account, or from one address, within the window, both are refused until it ends,
# even with the right password; an address may ask for this many password resets per window.
INDUCULT_LOGIN_FAILURES_PER_ACCOUNT = env_int("INDUCULT_LOGIN_FAILURES_PER_ACCOUNT", 5, minimum=1)
INDUCULT_LOGIN_FAILURES_PER_ADDRESS = env_int("INDUCULT_LOGIN_FAILURES_PER_ADDRESS", 20, minimum=1)
INDUCULT_LOGIN_WINDOW_SECONDS = env_int("INDUCULT_LOGIN_WINDOW_SECONDS", 15 * 60, minimum=60)
INDUCULT_PASSWORD_RESETS_PER_ADDRESS = env_int("INDUCULT_PASSWORD_RESETS_PER_ADDRESS", 5, minimum=1)
INDUCULT_PASSWORD_RESETS_PER_EMAIL = env_int("INDUCULT_PASSWORD_RESETS_PER_EMAIL", 3, minimum=1)
INDUCULT_PASSWORD_RESET_WINDOW_SECONDS = env_int("INDUCULT_PASSWORD_RESET_WINDOW_SECONDS", 60 * 60, minimum=60)
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "cs"
LANGUAGES = [("cs", _("Czech")), ("en", _("English")), ("de", _("German"))]
LOCALE_PATHS = [SRC_DIR / "locale"]
FORMAT_MODULE_PATH = ["inducult.formats"]
USE_I18N = True
TIME_ZONE = env_str("TIME_ZONE", "Europe/Prague")
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [SRC_DIR / "static"]
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("INDUCULT_STATIC_MANIFEST", True)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Mail: the console by default (password-reset mails appear in the server's output); SMTP when
# EMAIL_HOST is set. Django 6.1 configures mailers through MAILERS.
_email_host = env_str("EMAIL_HOST", "")
MAILERS = {
    "default": (
        {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": _email_host,
                "port": env_int("EMAIL_PORT", 587, minimum=1, maximum=65535),
                "username": env_str("EMAIL_HOST_USER", ""),
                "password": env_str("EMAIL_HOST_PASSWORD", ""),
                "use_tls": env_bool("EMAIL_USE_TLS", True),
            },
        }
        if _email_host
        else {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
    )
}
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "inducult-hub@localhost")

# Imports: a spreadsheet of a region's contacts is a few MB at most; anything far larger is a
# mistake (a wrong file) and is refused before it is parsed.
INDUCULT_IMPORT_MAX_BYTES = env_int("INDUCULT_IMPORT_MAX_BYTES", 20 * 1024 * 1024, minimum=1024)
# What of a spreadsheet is read (network.services.importing.reading.Limits): data rows below the header
# (twice the 100,000 the import is measured at), columns (the export has 19), characters in one cell
# (Excel's own maximum) and the bytes a workbook unpacks to (100,000 exported rows unpack to ~95 MB).
# A file past any of them is refused with a message naming the limit, before or while it is read.
INDUCULT_IMPORT_MAX_ROWS = env_int("INDUCULT_IMPORT_MAX_ROWS", 200_000, minimum=10)
INDUCULT_IMPORT_MAX_COLUMNS = env_int("INDUCULT_IMPORT_MAX_COLUMNS", 100, minimum=20, maximum=16_384)
INDUCULT_IMPORT_MAX_CELL_CHARS = env_int("INDUCULT_IMPORT_MAX_CELL_CHARS", 32_767, minimum=1000, maximum=131_072)
INDUCULT_IMPORT_MAX_UNPACKED_BYTES = env_int(
    "INDUCULT_IMPORT_MAX_UNPACKED_BYTES", 256 * 1024 * 1024, minimum=1024 * 1024
)
# Attachments of engagements and evidence of deliverables (PDF, office documents, images).
INDUCULT_ATTACHMENT_MAX_BYTES = env_int("INDUCULT_ATTACHMENT_MAX_BYTES", 20 * 1024 * 1024, minimum=1024)
# Site photos: refused above these limits, stored re-encoded with at most MAX_EDGE pixels a side.
INDUCULT_PHOTO_MAX_BYTES = env_int("INDUCULT_PHOTO_MAX_BYTES", 15 * 1024 * 1024, minimum=1024)
INDUCULT_PHOTO_MAX_PIXELS = env_int("INDUCULT_PHOTO_MAX_PIXELS", 50_000_000, minimum=40_000)
INDUCULT_PHOTO_MAX_EDGE = env_int("INDUCULT_PHOTO_MAX_EDGE", 1600, minimum=200, maximum=8000)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Map tiles (Leaflet's URL template) and their attribution. Markers and filters work without them:
# only the background is missing when the tile server cannot be reached. The map pages allow images
# from the tile server's origin in their Content-Security-Policy (core.views.maps.allow_tiles).
INDUCULT_MAP_TILES = env_str("INDUCULT_MAP_TILES", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
INDUCULT_MAP_ATTRIBUTION = env_str(
    "INDUCULT_MAP_ATTRIBUTION", "© OpenStreetMap contributors (https://www.openstreetmap.org/copyright)"
)

# Travel times of the tour planner: an OSRM or Valhalla server's table/matrix service when one is
# set; otherwise (and for public transport, which neither answers) great-circle distance × a road
# factor ÷ a speed per mode (inducult.tours.domain.travel, decision 0013). INDUCULT_TOUR_MODES stays
# as written here: the tours app reads it and stops start-up on a bad value (ToursConfig.ready).
INDUCULT_ROUTING_ENGINE = env_choice("INDUCULT_ROUTING_ENGINE", "", ["", "osrm", "valhalla"])
INDUCULT_ROUTING_URL = env_str("INDUCULT_ROUTING_URL", "")
INDUCULT_ROUTING_TIMEOUT = env_int("INDUCULT_ROUTING_TIMEOUT", 4, minimum=1, maximum=60)
INDUCULT_TOUR_MODES = env_str("INDUCULT_TOUR_MODES", "")
# How long the planner searches for a visitor's day (the issue promises a plan within two seconds).
INDUCULT_TOUR_SEARCH_MS = env_int("INDUCULT_TOUR_SEARCH_MS", 1000, minimum=100, maximum=10000)
if INDUCULT_ROUTING_ENGINE and not INDUCULT_ROUTING_URL.startswith(("http://", "https://")):
    raise ImproperlyConfigured("INDUCULT_ROUTING_URL must be the routing server's http(s) address")

# Who may frame the embeds for partners' websites (/embed/…): any site by default, since tourist
# information centres and museums embed the map and programmes; every other page may not be framed.
INDUCULT_EMBED_ANCESTORS = env_list("INDUCULT_EMBED_ANCESTORS", ["*"])

# Security headers. A strict Content-Security-Policy: no inline scripts or styles anywhere.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = HTTPS and env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000 if HTTPS else 0, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS and env_bool("SECURE_HSTS_PRELOAD", True)
if env_bool("USE_X_FORWARDED_PROTO", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# The REST API (/api/v1/, inducult.api, decision 0019): JSON only, public data read anonymously, the
# registry and the engagement log with a personal token (Authorization: Bearer …); no session or basic
# authentication, so that no browser cookie ever reaches it (and no CSRF question).
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_AUTHENTICATION_CLASSES": ["inducult.api.authentication.TokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_PAGINATION_CLASS": "inducult.api.pagination.Pages",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "InduCult Hub API",
    "DESCRIPTION": "The public data of a region's Living Industrial Culture: sites, events, the touring "
    "exhibition and the strategy's progress. See docs/api.md.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1/",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {},
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"one_line_refusals": {"()": "inducult.core.logging.OneLineRefusals"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    # A refused request (403) in one line, without a traceback.
    "loggers": {"django.request": {"filters": ["one_line_refusals"]}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}
