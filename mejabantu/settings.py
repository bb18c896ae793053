"""Settings for Mejabantu, read from the environment (see .env.example)."""

import os
import secrets
from pathlib import Path

import dj_database_url
import dj_email_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("MEJABANTU_VAR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")
DEMO_MODE = env_bool("MEJABANTU_DEMO")
SECURE = env_bool("MEJABANTU_SECURE")
DEMO_PASSWORD = "mejabantu-demo"  # noqa: S105 - public demo password, refused unless DEMO_MODE


def _secret_key() -> str:
    key = os.environ.get("SECRET_KEY", "")
    if key:
        return key
    if not (DEBUG or DEMO_MODE):
        raise ImproperlyConfigured(
            "SECRET_KEY is required when neither DEBUG nor MEJABANTU_DEMO is on."
        )
    path = VAR_DIR / "secret_key"
    if path.exists():
        return path.read_text().strip()
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    path.write_text(key)
    path.chmod(0o600)
    return key


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]" if (DEBUG or DEMO_MODE) else ""
)
if not ALLOWED_HOSTS and not DEBUG:
    raise ImproperlyConfigured("ALLOWED_HOSTS is required when DEBUG is off.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "mejabantu.core",
    "mejabantu.mail",
    "mejabantu.whatsapp",
    "mejabantu.offices",
    "mejabantu.accounts",
    "mejabantu.knowledge",
    "mejabantu.candidacy",
    "mejabantu.helpdesk",
    "mejabantu.schedule",
    "mejabantu.reports",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "template_partials",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "csp",
    "ninja",  # serves Swagger UI from its own static files, not a CDN
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "mejabantu.core.middleware.IndonesianByDefaultMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

# Content-Security-Policy (django-csp): scripts, styles and everything else from this site
# only; no inline script, style attribute or eval, no framing, forms post here only.
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

ROOT_URLCONF = "mejabantu.urls"
WSGI_APPLICATION = "mejabantu.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.tz",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "mejabantu.accounts.context_processors.roles",
            ],
            "builtins": ["template_partials.templatetags.partials"],
        },
    },
    {
        # plain-text mail: the same templates, nothing HTML-escaped (mail.services.mail_render)
        "NAME": "text",
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"autoescape": False},
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'mejabantu.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the worker write while the web server reads; IMMEDIATE avoids lock upgrades.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
        ),
    }
# Cached pages are keyed by versions kept in the database rows they show (core.page_cache),
# so a cache per process is correct; CACHE_URL=redis://... shares one between processes and
# machines (and keeps the sessions in front of the database).
CACHE_URL = os.environ.get("CACHE_URL", "locmem://")
if CACHE_URL.startswith(("redis://", "rediss://")):
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "mejabantu",
            "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("CACHE_MAX_ENTRIES", "2000"))},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "mejabantu.accounts.backends.DemoAwareModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# Trusted reverse proxies in front of the app (0: clients connect directly). With 1 or more,
# the client's address is taken from X-Forwarded-For as the nearest proxy saw it, for the
# sign-in lockout, the rate limits and the API's throttling alike (core.limits.client_ip).
# API tokens end after this many days (and at once when the password changes).
API_TOKEN_DAYS = int(os.environ.get("MEJABANTU_API_TOKEN_DAYS", "90"))
PROXY_HOPS = int(os.environ.get("MEJABANTU_PROXY_HOPS", "0"))
AXES_CLIENT_IP_CALLABLE = "mejabantu.core.limits.client_ip"
AXES_LOCKOUT_CALLABLE = "mejabantu.accounts.views.locked_out"
NINJA_NUM_PROXIES = PROXY_HOPS
# What anyone may send without signing in ("count/period", period s, m, h or d; empty: none):
# questions per client address and per e-mail address, API token requests per address.
PUBLIC_ASK_RATE = os.environ.get("MEJABANTU_PUBLIC_ASK_RATE", "20/h")
PUBLIC_ASK_EMAIL_RATE = os.environ.get("MEJABANTU_PUBLIC_ASK_EMAIL_RATE", "5/h")
TOKEN_RATE = os.environ.get("MEJABANTU_TOKEN_RATE", "10/m")

# Lockout after repeated failures (django-axes): 5 failures per user and address, 30 minutes.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "0.5"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Indonesian")), ("en", _("English"))]
LOCALE_PATHS: list = []
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise serves from finders; keep it quiet
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
if not MEDIA_ROOT.is_absolute():
    MEDIA_ROOT = BASE_DIR / MEDIA_ROOT
MEDIA_URL = None  # attachments are served only through permission-checked views
MAX_UPLOAD_MB = int(os.environ.get("MEJABANTU_MAX_UPLOAD_MB", "10"))
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

_email = dj_email_url.parse(os.environ.get("EMAIL_URL", "console://"))
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email["EMAIL_HOST"]
EMAIL_PORT = _email["EMAIL_PORT"]
EMAIL_HOST_USER = _email["EMAIL_HOST_USER"]
EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"]
EMAIL_USE_TLS = _email["EMAIL_USE_TLS"]
EMAIL_USE_SSL = _email["EMAIL_USE_SSL"]
EMAIL_TIMEOUT = _email.get("EMAIL_TIMEOUT") or 10
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Meja Bantuan Pencalonan <meja-bantuan@localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Mail in: the mailboxes the worker reads, one per office, as "CODE=imaps://user:pass@host/INBOX"
# separated by spaces or commas (the office's e-mail address is then the Reply-To of its mails)
MEJABANTU_MAILBOXES = dict(
    item.split("=", 1)
    for item in os.environ.get("MEJABANTU_MAILBOXES", "").replace(",", " ").split()
    if "=" in item
)
IMAP_CA_FILE = os.environ.get("IMAP_CA_FILE", "")  # a private CA the IMAP server's TLS uses
IMAP_TIMEOUT = int(os.environ.get("IMAP_TIMEOUT", "30"))
MAIL_POLL_SECONDS = int(os.environ.get("MEJABANTU_MAIL_POLL_SECONDS", "60"))
MAIL_SENDER_RATE = int(os.environ.get("MEJABANTU_MAIL_SENDER_RATE", "20"))  # mails an hour
# WhatsApp (Business Cloud API): one number per office, as
# "CODE=<phone number id>:<access token>:<app secret>:<verify token>" separated by spaces or
# commas; its webhook is /whatsapp/CODE/webhook/ (docs/operations.md, "WhatsApp").
MEJABANTU_WHATSAPP = {
    code: dict(zip(("phone_number_id", "token", "app_secret", "verify_token"), parts, strict=True))
    for code, parts in (
        (item.split("=", 1)[0], item.split("=", 1)[1].split(":", 3))
        for item in os.environ.get("MEJABANTU_WHATSAPP", "").replace(",", " ").split()
        if "=" in item
    )
    if len(parts) == 4
}
WHATSAPP_GRAPH_URL = os.environ.get("WHATSAPP_GRAPH_URL", "https://graph.facebook.com/v21.0")
WHATSAPP_TIMEOUT = int(os.environ.get("WHATSAPP_TIMEOUT", "15"))  # seconds per Graph API call
# The approved template a reply goes out as once the 24-hour window is over: its body takes
# two parameters, the ticket's reference and the link to the answer.
WHATSAPP_TEMPLATE = os.environ.get("WHATSAPP_TEMPLATE", "mejabantu_balasan")
WHATSAPP_TEMPLATE_LANGUAGE = os.environ.get("WHATSAPP_TEMPLATE_LANGUAGE", "id")
# Webhook deliveries per client address (Meta's servers send them; empty for no limit).
WHATSAPP_WEBHOOK_RATE = os.environ.get("WHATSAPP_WEBHOOK_RATE", "600/m")
# The public address of this site, for links in e-mail.
# By default the address `mejabantu run` serves on (HOST, PORT).
MEJABANTU_SITE_URL = os.environ.get(
    "MEJABANTU_SITE_URL",
    f"http://{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}",
)
MEJABANTU_DEFAULT_OFFICE = os.environ.get("MEJABANTU_DEFAULT_OFFICE", "19.02")

TASKS = {
    "default": {
        "BACKEND": os.environ.get("MEJABANTU_TASK_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# Django's database sessions; with a shared cache (Redis) read through it first.
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db"
    if CACHE_URL.startswith(("redis://", "rediss://"))
    else "django.contrib.sessions.backends.db"
)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if SECURE:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {"mejabantu": {"level": os.environ.get("LOG_LEVEL", "INFO")}},
}
