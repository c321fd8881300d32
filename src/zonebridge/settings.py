"""The one settings module: everything comes from environment variables, with production-safe defaults.

DEBUG is off unless `DEBUG=true` is set (`make demo` sets it); with DEBUG off, SECRET_KEY must be set.
Secrets have no production default.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = Path(os.environ.get("ZONEBRIDGE_HOME", BASE_DIR.parent.parent)).resolve()
VAR_DIR = Path(os.environ.get("ZONEBRIDGE_VAR", PROJECT_DIR / "var"))


def envbool(name: str, default: str) -> bool:
    """Read a strict true/false environment variable; anything else is a configuration error."""
    value = os.environ.get(name, default).strip().lower()
    if value not in ("true", "false"):
        raise ImproperlyConfigured(f"{name} must be 'true' or 'false', got {value!r}")
    return value == "true"


def envint(name: str, default: int) -> int:
    """Read a whole-number environment variable; anything else is a configuration error."""
    value = os.environ.get(name, str(default)).strip()
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, got {value!r}") from None


def envlist(name: str, default: str) -> list[str]:
    """Read a comma-separated environment variable."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# Off by default: a forgotten variable must never show tracebacks and settings to the world.
DEBUG = envbool("DEBUG", "false")
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is false")
    SECRET_KEY = "demo-only-insecure-key-never-use-in-production"
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", "")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django_htmx",
    "ninja",
    "huey.contrib.djhuey",
    "axes",
    "csp",
    "zonebridge.core",
    "zonebridge.accounts",
    "zonebridge.directory",
    "zonebridge.landing",
    "zonebridge.bulletins",
    "zonebridge.events",
    "zonebridge.programmes",
    "zonebridge.opportunities",
    "zonebridge.demo",
    "zonebridge.operations",
]

MIDDLEWARE = [
    "zonebridge.core.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # After the language is known (its refusals are translated), before anything reads the body or queries.
    "zonebridge.middleware.RequestGuardMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "zonebridge.accounts.middleware.UserLocaleMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last: it turns a sign-in refused for too many failures into the "try again at" page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "zonebridge.urls"
WSGI_APPLICATION = "zonebridge.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "zonebridge.core.context_processors.notification_bell",
            ],
        },
    },
]

# --- Database: SQLite (WAL) by default, anything dj-database-url understands by DATABASE_URL.
VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'zonebridge.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- API: every paginated list uses the project's pagination class (bounded page numbers).
NINJA_PAGINATION_CLASS = "zonebridge.api_pagination.PageNumberPagination"

# --- Redis: optional; when set it backs the cache and the task queue.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Task queue (Huey): SQLite storage by default, Redis when REDIS_URL is set.
HUEY_IMMEDIATE = envbool("HUEY_IMMEDIATE", "false")
if REDIS_URL:
    HUEY = {"huey_class": "huey.RedisHuey", "name": "zonebridge", "url": REDIS_URL, "immediate": HUEY_IMMEDIATE}
else:
    HUEY = {
        "huey_class": "huey.SqliteHuey",
        "name": "zonebridge",
        "filename": str(VAR_DIR / "tasks.sqlite3"),
        "immediate": HUEY_IMMEDIATE,
    }

# --- Accounts
AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    # First: refuses a sign-in while the account or the address is locked out, before any password check.
    "zonebridge.accounts.throttle.ThrottledSignInBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "directory:home"
LOGOUT_REDIRECT_URL = "directory:home"

# --- Throttling (django-axes): failed sign-ins, password-reset requests and bad API tokens count per account
# and per address; AXES_FAILURE_LIMIT of them within AXES_COOLOFF_TIME lock that account or address until
# the cool-off has passed since the last one. One limit for both: an address shared by many people (a campus
# network) should get a higher limit, which axes cannot express per parameter.
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 10)
AXES_COOLOFF_TIME = timedelta(minutes=envint("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = "zonebridge.accounts.throttle.lockout_parameters"
AXES_LOCKOUT_CALLABLE = "zonebridge.accounts.throttle.lockout_response"
AXES_CLIENT_IP_CALLABLE = "zonebridge.accounts.throttle.client_ip"
AXES_USERNAME_CALLABLE = "zonebridge.accounts.throttle.client_username"
AXES_VERBOSE = False
# A success must not reset the address's count: an attacker with one account could then clear it at will.
AXES_RESET_ON_SUCCESS = False

# --- E-mail: the console by default, SMTP when EMAIL_HOST is set.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", "true")
else:
    EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "ZoneBridge <noreply@zonebridge.local>")

# --- Languages and time: store UTC, show each zone's own time zone.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("zh-hans", _("Simplified Chinese")), ("zh-hant", _("Traditional Chinese"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "zonebridge_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
USE_I18N = True
USE_TZ = True
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Shanghai")

# --- Static and uploaded files. Front-end packages come from npm (package-lock.json) into node_modules.
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", PROJECT_DIR / "staticfiles"))
NODE_MODULES = Path(os.environ.get("NODE_MODULES", PROJECT_DIR / "node_modules"))
STATICFILES_DIRS = [
    ("vendor/htmx", NODE_MODULES / "htmx.org" / "dist"),
    ("vendor/pico", NODE_MODULES / "@picocss" / "pico" / "css"),
]
# The manifest storage whatever DEBUG is: collectstatic then always writes the manifest that production
# pages need (collecting in debug mode used to leave none, and every page answered 500). In debug mode
# Django links unhashed names anyway. Not strict: a file missing from the manifest is linked by its plain
# name (and answers 404) instead of failing the whole page.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MANIFEST_STRICT = False
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Uploads that are not public (CVs, application documents, reports): never under MEDIA_ROOT, served by policy.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))
# Uploaded files anyone may fetch at /media/<dir>/... (organisation logos); every other upload (CVs) is
# personal data and never served from /media/.
PUBLIC_MEDIA_DIRS = ("logos",)

# --- Request size: a body over the limit is answered 413 before anything reads it. Forms and JSON bodies get
# Django's DATA_UPLOAD_MAX_MEMORY_SIZE; a multipart body with files (logo, CV) gets MAX_UPLOAD_SIZE in all.
DATA_UPLOAD_MAX_MEMORY_SIZE = envint("DATA_UPLOAD_MAX_MEMORY_SIZE", 2_621_440)
MAX_UPLOAD_SIZE = envint("MAX_UPLOAD_SIZE", 10 * 1024 * 1024)

# --- Security headers that cost nothing in the demo and matter in production.
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SESSION_COOKIE_SECURE = envbool("SECURE_COOKIES", "true")
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

# --- HTTPS. Behind a proxy that terminates TLS (BEHIND_TLS_PROXY=true), trust its X-Forwarded-Proto (so links
# in e-mails are https:// and SECURE_SSL_REDIRECT does not loop) and its X-Forwarded-For (the client's address
# for throttling). Only set it behind a proxy that overwrites both headers: a client could forge them otherwise.
BEHIND_TLS_PROXY = envbool("BEHIND_TLS_PROXY", "false")
if BEHIND_TLS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", "false")
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", "false")
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", "false")

# --- Content-Security-Policy (django-csp): scripts and styles only from our own origin, no inline code.
# htmx is told (meta htmx-config in base.html) not to inject its indicator <style> and not to eval; the
# indicator styles are in site.css. Images may be data: URIs (Pico's form icons, Swagger UI).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {"zonebridge.personal_data": {"level": "INFO", "propagate": True}},
}
