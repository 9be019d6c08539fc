"""Settings for the portal, all read from the environment.

Every value comes through one of the typed helpers below, which raise
ImproperlyConfigured on a value they cannot read, so a typo in a deployment
fails at start-up instead of quietly changing behaviour.
"""

import importlib.util
import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from portal import url_prefix
from portal.release import release_digest

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), got {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, got {raw!r}") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [part.strip() for part in raw.split(",") if part.strip()]


DEBUG = env_bool("DEBUG", False)

# The key comes from SECRET_KEY, or from the file SECRET_KEY_FILE names (the
# Makefile writes var/secret-key.txt for a local checkout).
SECRET_KEY_FILE = Path(env_str("SECRET_KEY_FILE", str(BASE_DIR / "var" / "secret-key.txt")))
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY and SECRET_KEY_FILE.is_file():
    SECRET_KEY = SECRET_KEY_FILE.read_text().strip()
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            f"SECRET_KEY must be set when DEBUG is off (or the file {SECRET_KEY_FILE} must hold it)"
        )
    SECRET_KEY = "insecure-development-key-only-used-when-DEBUG-is-on"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.forms",
    "django_filters",
    "django_prose_editor",
    "simple_history",
    "csp",
    "portal.apps.LoginProtectionConfig",  # django-axes
    "disclosure",
]
# The demo content and `manage.py seed_demo` (the app in demo/): on with DEBUG
# unless DEMO says otherwise; `make run` turns it on, production leaves it off.
DEMO = env_bool("DEMO", DEBUG)
if DEMO:
    INSTALLED_APPS += ["demo"]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETag on every page; If-None-Match / If-Modified-Since answered with 304.
    "django.middleware.http.ConditionalGetMiddleware",
    "portal.middleware.RejectNullCharactersMiddleware",
    "portal.middleware.DailyJobsMiddleware",
    # Before the middleware below: a kept page is answered without them, with
    # the headers they gave it when it was built (its CSP, Vary, X-Frame-Options).
    "disclosure.page_cache.PageCacheMiddleware",
    "csp.middleware.CSPMiddleware",
    "portal.middleware.AdminStyleMiddleware",
    "portal.middleware.VaryOnCookieMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

# Public pages kept whole for anonymous visitors (see disclosure/page_cache.py),
# in Django's default cache, each for at most PAGE_CACHE_SECONDS. A change of
# what citizens see makes every kept page obsolete at once.
PAGE_CACHE = env_bool("PAGE_CACHE", True)
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Form widgets may use the project's templates as well as Django's own.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "disclosure.context_processors.site_profile",
                "disclosure.context_processors.legal_numbers",
                "disclosure.context_processors.display_mode",
            ]
        },
    }
]

# SQLite under var/ unless DATABASE_URL names another database, for example
# postgres://user@127.0.0.1:5432/portal (PostgreSQL through psycopg 3). An
# empty DATABASE_URL is the same as none. Each worker thread keeps its
# connection for CONN_MAX_AGE seconds: opening one costs a page kept in the
# cache more than everything else it does.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", "").strip() or f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}",
        conn_max_age=env_int("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Concurrent writers wait for each other instead of failing with "database
    # is locked": write-ahead logging, transactions that take the write lock
    # when they begin, and a generous wait.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": env_int("DB_BUSY_TIMEOUT", 20),
    }
    # Tests use a file as well, not an in-memory database, so that they meet
    # SQLite's locking as `make run` does.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "var" / "test.sqlite3")}
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database that does not answer makes a page fail within seconds (a
    # Chinese 503 page, /healthz 503), never hangs a worker until it is killed.
    # No JIT: compiling a query costs more than the site's short queries take.
    DATABASES["default"]["OPTIONS"] = {
        "connect_timeout": env_int("DB_CONNECT_TIMEOUT", 3),
        "options": f"-c statement_timeout={env_int('DB_STATEMENT_TIMEOUT_MS', 15000)} -c jit=off",
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache every server shares: Redis when REDIS_URL is set (e.g.
# redis://127.0.0.1:6379/0), so that what one server stores or clears is seen by
# the others; otherwise each process keeps its own in memory, which suits a
# single server. CACHE_KEY_PREFIX lets two sites share one Redis. A Redis that
# does not answer is treated as an empty cache (see portal/cache.py): pages are
# built from the database and /healthz answers 503.
REDIS_URL = env_str("REDIS_URL", "").strip()
CACHE_KEY_PREFIX = env_str("CACHE_KEY_PREFIX", "portal")
if REDIS_URL:
    try:
        _redis = urlsplit(REDIS_URL)
        _redis_port = _redis.port
    except ValueError:
        raise ImproperlyConfigured(f"REDIS_URL is not an address: {REDIS_URL!r}") from None
    if _redis.scheme in {"redis", "rediss"}:
        if not _redis.hostname:
            raise ImproperlyConfigured(f"REDIS_URL names no host: {REDIS_URL!r}")
        if _redis.path.strip("/") and not _redis.path.strip("/").isdigit():
            raise ImproperlyConfigured(f"REDIS_URL's database must be a number: {REDIS_URL!r}")
    elif _redis.scheme != "unix" or not _redis.path:
        raise ImproperlyConfigured(
            f"REDIS_URL must be redis://host:port/db, rediss://… or unix:///path, got {REDIS_URL!r}"
        )
    # Keys carry the release too (RELEASE, or a digest of the code, templates
    # and static files): servers of another release never read what this one kept.
    RELEASE = env_str("RELEASE", "").strip() or release_digest(BASE_DIR)
    CACHES = {
        "default": {
            "BACKEND": "portal.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"{CACHE_KEY_PREFIX}:{RELEASE}",
            "TIMEOUT": env_int("CACHE_TIMEOUT", 300),
            "OPTIONS": {
                # A Redis that does not answer costs a request a fraction of a
                # second, not a worker.
                "socket_connect_timeout": 0.5,
                "socket_timeout": 0.5,
            },
        }
    }
    # Sessions are read from Redis and written to the database as well, so that
    # nobody is logged out when Redis restarts or is flushed.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "portal",
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            # Pages of 10-40 KB each: 3,000 of them are at most about 100 MB a
            # process; past that the oldest third is dropped.
            "OPTIONS": {"MAX_ENTRIES": env_int("CACHE_MAX_ENTRIES", 3000)},
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
# Chinese punctuation for Django's own texts, Chinese for those of libraries
# that ship none (django-axes, the rich-text editor's toolbar).
LOCALE_PATHS = [BASE_DIR / "disclosure" / "locale"]
USE_TZ = True

FIXTURE_DIRS = [BASE_DIR / "fixtures"]

# The path the site is served under, e.g. URL_PREFIX=/xxgk/rsj for
# https://www.zlt.gov.cn/xxgk/rsj/; empty for the root of the host. The reverse
# proxy passes the full path on, and gunicorn, started with SCRIPT_NAME set to
# the same path (portal/gunicorn_conf.py does so), strips it (see the README).
URL_PREFIX = url_prefix.normalise(env_str("URL_PREFIX", ""))
_prefixed = url_prefix.settings_for(URL_PREFIX)
FORCE_SCRIPT_NAME = _prefixed["FORCE_SCRIPT_NAME"]
SESSION_COOKIE_PATH = _prefixed["SESSION_COOKIE_PATH"]
CSRF_COOKIE_PATH = _prefixed["CSRF_COOKIE_PATH"]

# WhiteNoise serves STATIC_URL without FORCE_SCRIPT_NAME's part, as it is
# matched against the path the server passes on.
STATIC_URL = _prefixed["STATIC_URL"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "var" / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = _prefixed["MEDIA_URL"]
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
# Uploaded files (attachments, photos, reply letters) go to MEDIA_ROOT, or to
# an S3-compatible bucket when S3_BUCKET is set (django-storages, installed
# with the `s3` extra). Either way they are read only through Django's storage
# API and served only by the portal's own views, which check that the document
# is public: the bucket stays private and its addresses are never shown.
S3_BUCKET = env_str("S3_BUCKET", "").strip()
if S3_BUCKET:
    if importlib.util.find_spec("storages") is None:
        raise ImproperlyConfigured(
            "S3_BUCKET is set but django-storages is not installed (pip install '.[s3]')"
        )
    DEFAULT_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": env_str("S3_ENDPOINT_URL", "").strip() or None,
            "access_key": env_str("S3_ACCESS_KEY_ID", "").strip() or None,
            "secret_key": env_str("S3_SECRET_ACCESS_KEY", "").strip() or None,
            "region_name": env_str("S3_REGION", "").strip() or None,
            "custom_domain": env_str("S3_CUSTOM_DOMAIN", "").strip() or None,
            "location": env_str("S3_LOCATION", "").strip(),
            # Private objects, reached only with signed, short-lived addresses.
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": 300,
            # A second upload of the same name gets a new name, as on disk.
            "file_overwrite": False,
        },
    }
else:
    DEFAULT_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": DEFAULT_STORAGE,
    "staticfiles": {
        # The manifest needs collectstatic; development and tests serve the
        # source files directly.
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}


def static_file_headers(headers, path: str, url: str) -> None:
    """Static files never run as a page of their own (an SVG opened directly, say)."""
    headers["Content-Security-Policy"] = (
        "default-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; sandbox"
    )


WHITENOISE_ADD_HEADERS_FUNCTION = static_file_headers
# In development (and under the tests, which switch DEBUG off at run time)
# static files come from their sources.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

# HTTPS: on by default in production. SECURE_HTTPS=0 serves plain HTTP, for a
# local run of the production configuration.
SECURE_HTTPS = env_bool("SECURE_HTTPS", not DEBUG)
SECURE_SSL_REDIRECT = SECURE_HTTPS
SESSION_COOKIE_SECURE = SECURE_HTTPS
CSRF_COOKIE_SECURE = SECURE_HTTPS
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000) if SECURE_HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
if env_bool("BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 60 * 60)

# Every resource comes from this host; no page may load anything from another.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        # The nonce appears only on pages that use it (the admin's editor).
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Checks a deployment has decided to live with for a while, e.g.
# SILENCED_SYSTEM_CHECKS=disclosure.W002 until the State Council's holiday
# notice for next year is published (see the README).
SILENCED_SYSTEM_CHECKS = env_list("SILENCED_SYSTEM_CHECKS", [])

ADMIN_URL = "admin/"
CSRF_FAILURE_VIEW = "disclosure.views.errors.csrf_failure"
LOGIN_URL = "admin:login"
# Where a login with no (or an unsafe) ?next= ends: the admin home.
LOGIN_REDIRECT_URL = "admin:index"

# The daily jobs (disclosure/services/schedule.py) run on the first request of
# each day; 0 leaves them to `manage.py run_daily_jobs` (from cron, say).
DAILY_JOBS_ON_REQUEST = env_bool("DAILY_JOBS_ON_REQUEST", True)

# The bureau's 统一社会信用代码: the first part of every document's 索引号.
CREDIT_CODE = env_str("CREDIT_CODE", "000000000000000000")
# Largest attachment accepted, in megabytes.
ATTACHMENT_MAX_MB = env_int("ATTACHMENT_MAX_MB", 50)

# manage.py check_links does not ask addresses on private networks (127.0.0.1,
# 10.x, 192.168.x …): a link there is broken for citizens, and the server may
# sit inside a government network. The tests turn this on for their local server.
LINK_CHECK_PRIVATE_ADDRESSES = env_bool("LINK_CHECK_PRIVATE_ADDRESSES", False)

# Citizens' comments, applications and status lookups. Each client (a keyed
# hash of its address) may make so many in so many seconds. Behind a reverse
# proxy, CLIENT_ADDRESS_HEADER names the header that carries the client's
# address (e.g. HTTP_X_REAL_IP); the proxy must overwrite what clients send.
CLIENT_ADDRESS_HEADER = env_str("CLIENT_ADDRESS_HEADER", "REMOTE_ADDR")
RATE_LIMITS = {
    "comment": (env_int("COMMENTS_PER_HOUR", 10), 3600),
    "application": (env_int("REQUESTS_PER_DAY", 10), 24 * 3600),
    "lookup": (env_int("FAILED_LOOKUPS_PER_HOUR", 10), 3600),
    # Requests to the open-data API (/api/v1/), per ten minutes.
    "api": (env_int("API_REQUESTS_PER_10_MINUTES", 600), 600),
}
# Origins (e.g. https://www.zhalantun.gov.cn) whose pages may read the open-data API
# from a browser: each gets Access-Control-Allow-Origin. Empty: no CORS headers at all.
API_CORS_ORIGINS = env_list("API_CORS_ORIGINS", [])
# A form sent back sooner than this after it was shown is taken for a robot's.
SPAM_MIN_SECONDS = env_int("SPAM_MIN_SECONDS", 3)

# Login protection (see disclosure/login_limits.py): wrong passwords are
# counted per user name and address, per address and per user name; a lock
# lasts AXES_COOLOFF_MINUTES and doubles with each repeat that day.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_ADDRESS_FAILURE_LIMIT = env_int("AXES_ADDRESS_FAILURE_LIMIT", 20)
AXES_USERNAME_FAILURE_LIMIT = env_int("AXES_USERNAME_FAILURE_LIMIT", 10)
AXES_COOLOFF_MINUTES = env_int("AXES_COOLOFF_MINUTES", 5)
AXES_COOLOFF_MAX_MINUTES = env_int("AXES_COOLOFF_MAX_MINUTES", 120)
AXES_COOLOFF_TIME = "disclosure.login_limits.cool_off"
AXES_HANDLER = "disclosure.login_limits.LoginLimitsHandler"
AXES_LOCKOUT_CALLABLE = "disclosure.login_limits.lockout_response"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address", "username"]
# Tries during a lock neither count nor make it longer.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_IPWARE_PROXY_COUNT = env_int("AXES_PROXY_COUNT", 0) or None

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"client_errors": {"()": "portal.log_filters.ClientErrorsWithoutTraceback"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.request": {"filters": ["client_errors"]}},
}
