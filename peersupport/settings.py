"""PeerSupport settings, all read from the environment through django-environ.

Unset `DATABASE_URL` and `REDIS_URL` give the embedded default (SQLite, in-memory channel
layer, local-memory cache, eager Celery); setting them switches to PostgreSQL and Redis.
"""

from pathlib import Path

import environ
from csp import constants as csp
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
if (BASE_DIR / ".env").exists():
    environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=True)
# Issue 17 §3: even under DEBUG (the embedded default) people see the product's 404/403/500
# pages; a developer who wants Django's technical pages (URL list, traceback) sets this to 1.
# Ignored when DEBUG is off.
DEBUG_TECHNICAL_PAGES = DEBUG and env.bool("DEBUG_TECHNICAL_PAGES", default=False)

if DEBUG:
    SECRET_KEY = env.str("SECRET_KEY", default="insecure-embedded-default-only-for-local-use")
else:
    SECRET_KEY = env.str("SECRET_KEY", default="")
    if len(SECRET_KEY) < 50:
        raise ImproperlyConfigured("SECRET_KEY must be set (50+ characters) when DEBUG=0.")

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "daphne",
    # Django's admin, entered only through allauth's login and its two-factor step.
    "accounts.apps.PeerSupportAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "channels",
    # Single sign-on (sso/, docs/sso.md); before allauth so its socialaccount pages win.
    "sso",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "allauth.socialaccount.providers.saml",
    "accounts",
    "groups",
    "sessions.apps.SessionsConfig",
    "chat",
    "recognition",
    "dashboards",
    "support",
    "activities",
    "training",
    "django_scim",
    "scim",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy (django-csp; the policy is under "Security" below), plus the
    # identity providers that signing in and out lead to (sso.middleware).
    "sso.middleware.ContentSecurityPolicyMiddleware",
    # Permissions-Policy, and no caching of pages shown to a signed-in person.
    "accounts.middleware.PrivateResponseHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "peersupport.middleware.RejectNulCookiesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language: the one chosen in the footer's switcher (a cookie), else the browser's.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "peersupport.middleware.RejectNulBytesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Whatever the door, a login that skipped its second factor is asked for it first.
    "accounts.middleware.SecondFactorMiddleware",
    "accounts.middleware.UserTimezoneMiddleware",
    # A signed-in person's saved language overrides the switcher's cookie and the browser.
    "accounts.middleware.UserLanguageMiddleware",
    # Without SITE_URL, links in emails sent while answering point where the request came.
    "peersupport.site.RequestOriginMiddleware",
    # Last, so it sees a view's exception first: the product's error pages under DEBUG too.
    "peersupport.errors.ProductErrorPagesMiddleware",
]

ROOT_URLCONF = "peersupport.urls"
WSGI_APPLICATION = "peersupport.wsgi.application"
ASGI_APPLICATION = "peersupport.asgi.application"

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
                "peersupport.context_processors.roles",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DB_CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # JIT costs 30-100 ms on each large dashboard aggregate and gains nothing at this size.
    # Every wait is bounded: a database that is down or unreachable fails the connection in
    # DB_CONNECT_TIMEOUT seconds (not TCP's minutes), one that stops answering mid-query is given
    # up by the kernel (keepalives, tcp_user_timeout), and a statement or a lock wait that runs
    # away is cancelled by the server. 0 turns a timeout off (e.g. for a long one-off migration).
    _statement_ms = env.int("DB_STATEMENT_TIMEOUT", default=60) * 1000
    _lock_ms = env.int("DB_LOCK_TIMEOUT", default=10) * 1000
    DATABASES["default"].setdefault("OPTIONS", {}).update({
        "options": f"-c jit=off -c statement_timeout={_statement_ms} -c lock_timeout={_lock_ms}",
        "connect_timeout": env.int("DB_CONNECT_TIMEOUT", default=2),
        "keepalives": 1,
        "keepalives_idle": 10,
        "keepalives_interval": 2,
        "keepalives_count": 3,
        "tcp_user_timeout": 10_000,
    })
else:
    # SQLite: wait for a writer instead of failing at once when chat and web write together.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Redis: channel layer, cache, Celery broker ---------------------------------------------
REDIS_URL = env.str("REDIS_URL", default="")

# Every Redis call is bounded (connect and read), so a Redis that hangs or vanishes is a failure
# the code handles (docs/realtime.md, "When Redis or the database fails") and never a wait.
REDIS_TIMEOUT = env.float("REDIS_TIMEOUT", default=2.0)

if REDIS_URL:
    CHANNEL_LAYERS = {
        "default": {
            # channels_redis with a short blocking read (peersupport.channel_layer), so the
            # socket timeout below can be short and an idle room still never times out.
            "BACKEND": "peersupport.channel_layer.RedisChannelLayer",
            "CONFIG": {
                # A pool large enough for every open socket (redis-py's newer default is not).
                "hosts": [{"address": REDIS_URL, "max_connections": 10_000,
                           "socket_connect_timeout": REDIS_TIMEOUT,
                           "socket_timeout": REDIS_TIMEOUT + 2}],
                "prefix": env.str("CHANNELS_PREFIX", default="peersupport"),
                "capacity": 1500,
                "expiry": 10,
                # A channel whose process died (SIGKILL: nothing left its groups) leaves them
                # after this; live sockets re-add theirs every CHAT_ACCESS_RECHECK_SECONDS.
                "group_expiry": env.int("CHANNELS_GROUP_EXPIRY", default=180),
            },
        }
    }
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.str("CACHE_PREFIX", default="peersupport"),
            "OPTIONS": {"socket_connect_timeout": REDIS_TIMEOUT,
                        "socket_timeout": REDIS_TIMEOUT},
        }
    }
    CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=REDIS_URL)
    CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    CELERY_BROKER_URL = "memory://"
    CELERY_TASK_ALWAYS_EAGER = True

CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "UTC"
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
# Reminders (sessions/services/notices.py): a worker's claim on a notice is a lease of this many
# seconds; a notice whose worker died is sent by the next dispatch after it. It must outlast one
# send, which EMAIL_TIMEOUT bounds. A dispatch run sends batch after batch for at most
# NOTICE_DISPATCH_BUDGET seconds (under the beat interval, 60 s) and NOTICE_DISPATCH_MAX_BATCHES
# batches of NOTICE_DISPATCH_BATCH.
NOTICE_CLAIM_LEASE = env.int("NOTICE_CLAIM_LEASE", default=300)
NOTICE_DISPATCH_BUDGET = env.float("NOTICE_DISPATCH_BUDGET", default=50.0)
NOTICE_DISPATCH_MAX_BATCHES = env.int("NOTICE_DISPATCH_MAX_BATCHES", default=100)
NOTICE_DISPATCH_BATCH = env.int("NOTICE_DISPATCH_BATCH", default=500)
# Periodic work: due-times live in the database; these tasks pick them up (see each app's tasks).
CELERY_BEAT_SCHEDULE = {
    "sessions-dispatch-due-notices": {
        "task": "sessions.tasks.dispatch_due_notices",
        "schedule": 60.0,
    },
    "sessions-close-unattended": {
        "task": "sessions.tasks.close_unattended_sessions",
        "schedule": 60.0,
    },
    "chat-purge-expired-messages": {
        "task": "chat.tasks.purge_expired_messages",
        "schedule": 3600.0,
    },
    "recognition-weekly-digest": {
        "task": "recognition.tasks.send_weekly_digests",
        "schedule": 3600.0,
    },
    "training-refresher-reminders": {
        "task": "training.tasks.send_refresher_reminders",
        "schedule": 3600.0,
    },
    "training-purge-breakout-messages": {
        "task": "training.tasks.purge_expired_breakout_messages",
        "schedule": 3600.0,
    },
    "dashboards-materialise-daily": {
        "task": "dashboards.tasks.materialise_daily_aggregates",
        "schedule": 3600.0,
    },
}

# --- Auth and allauth ------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
ACCOUNT_LOGOUT_REDIRECT_URL = "account_login"
# A newcomer first chooses the name colleagues see and their time zone.
ACCOUNT_SIGNUP_REDIRECT_URL = "accounts:profile"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
# "optional" (default): people may use the site before confirming their address; "mandatory":
# nobody logs in until they have followed the link in the confirmation email.
ACCOUNT_EMAIL_VERIFICATION = env.str("ACCOUNT_EMAIL_VERIFICATION", default="optional")
if ACCOUNT_EMAIL_VERIFICATION not in ("optional", "mandatory", "none"):
    raise ImproperlyConfigured("ACCOUNT_EMAIL_VERIFICATION must be optional, mandatory or none.")
# Subjects in the product's one style: sentence case, no prefix (the sender is PeerSupport).
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
# Sign-up never says whether an address is registered (accounts.forms.SignupForm): it always ends
# on "check your inbox"; confirming the address in the same browser logs the newcomer in.
ACCOUNT_FORMS = {"signup": "sso.forms.SignupForm", "login": "sso.forms.LoginForm"}
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
# Work addresses only, when set (e.g. "example.com,example.org"); empty lets any address sign up.
SIGNUP_EMAIL_DOMAINS = [d.lower().lstrip("@") for d in env.list("SIGNUP_EMAIL_DOMAINS", default=[])]
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = True
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_SESSION_REMEMBER = None
# accounts.adapters.AccountAdapter, plus single sign-on (sso.adapters).
ACCOUNT_ADAPTER = "sso.adapters.AccountAdapter"
# Counted in the default cache: Redis whenever REDIS_URL is set, so limits hold across web replicas.
# Failed passwords are counted by accounts.login_guard (per browser or place, never locking the
# owner out); "login_failed" here limits the two-factor code step.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
}
# How many reverse proxies stand in front of the app (the compose stack has one: nginx), so the
# per-IP limits count the client from X-Forwarded-For and not the proxy.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("ALLAUTH_TRUSTED_PROXY_COUNT", default=0)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "PeerSupport"
# Facilitators and HR admins must have two-factor authentication before their pages open.
# Only with DEBUG on may the demo accounts skip it, so a newcomer can look around.
MFA_REQUIRED_FOR_ROLES = True
MFA_EXEMPT_EMAILS = (
    env.list("MFA_EXEMPT_EMAILS", default=["facilitator@example.com", "hr@example.com"])
    if DEBUG
    else []
)

# --- SCIM provisioning (/scim/v2/, django-scim2 with the scim app's adapters) --------------
# Tokens are created in the admin. SCIM_BEARER_TOKEN, when set, is accepted as one more token
# (stored hashed on first use, revocable in the admin): for development and tests only.
SCIM_BEARER_TOKEN = env.str("SCIM_BEARER_TOKEN", default="")
SCIM_SERVICE_PROVIDER = {
    "USER_MODEL_GETTER": "scim.adapters.person_model",
    "USER_ADAPTER": "scim.adapters.SCIMPerson",
    "GROUP_MODEL": "scim.models.ProvisionedDepartment",
    "GROUP_ADAPTER": "scim.adapters.SCIMDepartment",
    "USER_FILTER_PARSER": "scim.filters.PersonFilter",
    "GROUP_FILTER_PARSER": "scim.filters.DepartmentFilter",
    "SERVICE_PROVIDER_CONFIG_MODEL": "scim.adapters.ServiceProviderConfig",
    "BASE_LOCATION_GETTER": "scim.adapters.base_location",
    "GET_EXTRA_MODEL_FILTER_KWARGS_GETTER": "scim.adapters.organisation_scope",
    "GET_QUERYSET_POST_PROCESSOR_GETTER": "scim.adapters.with_related",
    "AUTH_CHECK_MIDDLEWARE": "scim.auth.BearerTokenCheck",
    "AUTHENTICATION_SCHEMES": [{
        "type": "oauthbearertoken", "name": "Bearer token", "primary": True,
        "description": "A token created in PeerSupport's admin (SCIM tokens).",
    }],
    "WWW_AUTHENTICATE_HEADER": 'Bearer realm="PeerSupport SCIM"',
}
# --- Single sign-on (docs/sso.md) ------------------------------------------------------------
# OpenID Connect and SAML providers from SSO_PROVIDERS (a JSON list) and from the admin (Social
# applications); email-domain rules from either. Nothing the provider says about a person is
# kept beyond the display name, department and manager (sso.providers).
from sso.environment import providers_from_environment  # noqa: E402

SOCIALACCOUNT_PROVIDERS = providers_from_environment(env.str("SSO_PROVIDERS", default=""))
SOCIALACCOUNT_ADAPTER = "sso.adapters.SocialAccountAdapter"
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
SOCIALACCOUNT_EMAIL_VERIFICATION = "none"
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_LOGIN_ON_GET = False

# --- Email ----------------------------------------------------------------------------------
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
# A hung mail server must not hold a worker (and its claimed reminder) for long.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="PeerSupport <no-reply@peersupport.local>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The public origin for links in emails and .ics files (production). Unset on the embedded
# default: the origin the app is served at is used instead (peersupport.site).
SITE_URL = env.str("SITE_URL", default="")

# --- i18n / time ----------------------------------------------------------------------------
LANGUAGE_CODE = "en-gb"
# Each app keeps its own catalogue in <app>/locale/ (its templates, Python and JavaScript);
# what belongs to no app (base.html, error pages, the sign-in pages) is in locale/.
LANGUAGES = [
    ("en-gb", "English"),
    ("es", "Español"),
    ("fr", "Français"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- Static files ---------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Serve files from the finders when DEBUG (whitenoise's own default), from STATIC_ROOT otherwise.
WHITENOISE_AUTOREFRESH = DEBUG
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# --- Security -------------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
# A refused form (stale page, cookies off) gets a product page, not Django's CSRF explainer.
CSRF_FAILURE_VIEW = "peersupport.errors.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# A strict policy: nothing inline (scripts and styles are static files), nothing from elsewhere,
# never framed. Images may be data: URIs (the authenticator app's QR code). The chat's websocket
# origin is added per request (accounts.middleware.ContentSecurityPolicyMiddleware).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [csp.SELF],
        "script-src": [csp.SELF],
        "style-src": [csp.SELF],
        "img-src": [csp.SELF, "data:"],
        "font-src": [csp.SELF],
        "connect-src": [csp.SELF],
        "manifest-src": [csp.SELF],
        "object-src": [csp.NONE],
        "base-uri": [csp.NONE],
        "form-action": [csp.SELF],
        "frame-ancestors": [csp.NONE],
        **({} if DEBUG else {"upgrade-insecure-requests": True}),
    },
}
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)

# --- Product settings -----------------------------------------------------------------------
# Minimum number of distinct people behind any figure HR sees (never below 3).
DASHBOARD_MIN_GROUP_SIZE = max(3, env.int("DASHBOARD_MIN_GROUP_SIZE", default=5))
RECOGNITION_WEEKLY_LIMIT = env.int("RECOGNITION_WEEKLY_LIMIT", default=10)
CHAT_RETENTION_DAYS = env.int("CHAT_RETENTION_DAYS", default=90)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"outages": {"()": "peersupport.outages.OutageLogFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"},
                # A request failing on a dependency outage: one line per outage, no traceback.
                "django.request": {"filters": ["outages"]}},
}
