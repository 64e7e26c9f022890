"""The one settings module of Municipium, read from the environment.

Three modes, chosen by ``MUNICIPIUM_ENV``:

* ``dev`` (the default): the demo and local work. No configuration needed: SQLite and a file
  cache under ``var/``, a secret key generated once into ``var/secret_key``.
* ``production``: refuses to start without ``SECRET_KEY`` and ``ALLOWED_HOSTS``; HTTPS-only
  cookies and HSTS so that ``manage.py check --deploy`` is clean.
* ``test``: chosen automatically under pytest; local-memory cache and immediate tasks.
"""

import datetime
import secrets
import sys
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

PACKAGE_DIR = Path(__file__).resolve().parent
env = environ.Env()

MUNICIPIUM_ENV = env.str("MUNICIPIUM_ENV", default="test" if "pytest" in sys.modules else "dev")
if MUNICIPIUM_ENV not in {"dev", "production", "test"}:
    raise ImproperlyConfigured(
        f"MUNICIPIUM_ENV must be dev, production or test, not {MUNICIPIUM_ENV!r}."
    )
PRODUCTION = MUNICIPIUM_ENV == "production"
TESTING = MUNICIPIUM_ENV == "test"

VAR_DIR = Path(env.str("MUNICIPIUM_VAR_DIR", default=str(Path.cwd() / "var")))
if not PRODUCTION:
    VAR_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env.bool("DEBUG", default=False)
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DEBUG must be off in production.")


def _secret_key() -> str:
    if key := env.str("SECRET_KEY", default=""):
        return key
    if PRODUCTION:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set: production refuses to start without one."
        )
    if TESTING:
        return "municipium-tests-only-" + "x" * 40
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        key_file.parent.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()

if PRODUCTION:
    ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("ALLOWED_HOSTS is not set: list the municipalities' hosts.")
else:
    ALLOWED_HOSTS = env.list(
        "ALLOWED_HOSTS", default=[".localhost", "localhost", "127.0.0.1", "[::1]", "testserver"]
    )

# Hosts that show the index of the installation's sites instead of a municipality.
MUNICIPIUM_INDEX_HOSTS = env.list("MUNICIPIUM_INDEX_HOSTS", default=["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "municipium.core",
    "municipium.tenancy",
    "municipium.organisation",
    "municipium.cases",
    "municipium.desk",
    "municipium.culture",
    "municipium.events",
    "municipium.archive",
    "municipium.halls",
    "municipium.portal",
    "municipium.directory",
    "municipium.news",
    "municipium.search",
    "municipium.accounts",
    "municipium.open311",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.table_block",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
]

MIDDLEWARE = [
    # First: what the proxy in front says of the client (address, scheme) is believed only
    # when the peer is that proxy (TRUSTED_PROXIES); everyone else's such headers are dropped.
    "municipium.core.proxy.TrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "municipium.core.http.HeadWithoutBodyMiddleware",
    "municipium.core.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "municipium.tenancy.middleware.TenantMiddleware",
    "municipium.core.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "municipium.tenancy.middleware.StaffCalendarMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "municipium.core.http.PageRedirectMiddleware",
    # Last: turns a login that django-axes refused into the lockout answer (municipium.accounts).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "municipium.urls"
WSGI_APPLICATION = "municipium.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "municipium.tenancy.context_processors.tenant",
                "municipium.portal.context_processors.alerts",
            ],
        },
    },
]

# Database: SQLite in WAL mode with IMMEDIATE transactions by default (no 'database is locked'
# under concurrent writers, see REFERENCE.md); PostgreSQL through DATABASE_URL.
DATABASES = {"default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=20000;"
            ),
        }
    )
else:
    DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)
# A worker keeps its connection between requests: on SQLite too, where opening one runs the
# four PRAGMAs above on every request otherwise.
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: shared by all worker processes, so that a purge in one is seen by the others.
# Files by default; Redis (or anything django-environ knows) through CACHE_URL.
if TESTING:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    CACHES = {"default": env.cache_url("CACHE_URL", default=f"filecache://{VAR_DIR / 'cache'}")}
    CACHES["default"].setdefault("TIMEOUT", 3600)
    if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
        # Several app servers: Redis, failing open (a Redis that is down or restarting gives
        # uncached pages, never error pages; core.cache_backends). Wagtail's renditions share
        # it, so that deleting a rendition (purge_from_cache) reaches every server.
        CACHES["default"]["BACKEND"] = "municipium.core.cache_backends.FailOpenRedisCache"
    if CACHES["default"]["BACKEND"].endswith("FileBasedCache"):
        CACHES["default"].setdefault("OPTIONS", {}).setdefault("MAX_ENTRIES", 20000)
        # Wagtail writes every rendition it serves to its cache, on every render: on files
        # that was a second file written per uncached page. A rendition's key names the
        # image's file hash and focal point, so a copy per worker process is never stale.
        CACHES["renditions"] = {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "TIMEOUT": 3600,
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }

# Seconds an anonymous page is kept in the page cache at most; a publish purges it sooner.
MUNICIPIUM_PAGE_CACHE_SECONDS = env.int("MUNICIPIUM_PAGE_CACHE_SECONDS", default=600)

# Working days before a case's deadline when its owner (or its unit) is reminded.
MUNICIPIUM_CASE_REMINDER_DAYS = env.int("MUNICIPIUM_CASE_REMINDER_DAYS", default=2)

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="municipium@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Languages: the union of every municipality's languages. Each site serves only its own
# (municipium.tenancy.middleware), whatever the browser asks for.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("tr", "Türkçe"),
    ("fa", "فارسی"),
    ("pl", "Polski"),
    ("en", "English"),
]
LANGUAGES_BIDI = ["fa"]
# The project's catalogue first; then the Wagtail strings Wagtail's own catalogues lack (kept
# apart so `make messages` never drops them; refreshed by scripts/wagtail_messages.py).
LOCALE_PATHS = [PACKAGE_DIR / "locale", PACKAGE_DIR / "wagtail_locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE = False

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(VAR_DIR / "static")))
if not PRODUCTION:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
STORAGES = {
    "default": {
        "BACKEND": env.str("MEDIA_STORAGE", default="django.core.files.storage.FileSystemStorage"),
    },
    # Files of staff work (case attachments): never under MEDIA_URL; served by views that
    # check who asks. In production, object storage without public access (a signed URL per
    # download) by PRIVATE_STORAGE and its OPTIONS; here a directory beside the media, each
    # file flushed to disk before the transaction that names it commits (core.storage).
    "private": {
        "BACKEND": env.str(
            "PRIVATE_STORAGE", default="municipium.core.storage.DurableFileSystemStorage"
        ),
        "OPTIONS": {"location": env.str("PRIVATE_MEDIA_ROOT", default=str(VAR_DIR / "private"))},
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        ),
    },
}
WHITENOISE_MAX_AGE = 3600

# Content-Security-Policy (core.security): where media live when they are not on this server
# (object storage), and which sites embedded videos may come from.
CSP_MEDIA_ORIGINS = env.list("CSP_MEDIA_ORIGINS", default=[])
CSP_FRAME_ORIGINS = env.list(
    "CSP_FRAME_ORIGINS",
    default=[
        "https://www.youtube-nocookie.com",
        "https://www.youtube.com",
        "https://player.vimeo.com",
    ],
)

# The requests desk (municipium.desk): the map's tiles (a URL template, {s}{z}{x}{y}) and their
# credit line; the tile server's origin is allowed in the Content-Security-Policy's img-src.
MUNICIPIUM_MAP_TILES_URL = env.str(
    "MUNICIPIUM_MAP_TILES_URL", default="https://tile.openstreetmap.org/{z}/{x}/{y}.png"
)
MUNICIPIUM_MAP_ATTRIBUTION = env.str(
    "MUNICIPIUM_MAP_ATTRIBUTION",
    default='&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
)
# Photos with a request: how many, how large each; requests per address and window.
MUNICIPIUM_DESK_PHOTOS_MAX = env.int("MUNICIPIUM_DESK_PHOTOS_MAX", default=5)
MUNICIPIUM_DESK_PHOTO_MAX_BYTES = env.int("MUNICIPIUM_DESK_PHOTO_MAX_BYTES", default=10 * 2**20)
MUNICIPIUM_DESK_RATE_LIMIT = env.int("MUNICIPIUM_DESK_RATE_LIMIT", default=5)
MUNICIPIUM_DESK_RATE_SECONDS = env.int("MUNICIPIUM_DESK_RATE_SECONDS", default=3600)
# Open311's limits, (hits, seconds) per window, over open311.api.RATE_LIMITS: a JSON object
# such as {"key": [100000, 3600], "post": [100000, 3600]} (bench/intake.py raises them so that
# its 32 clients on one address are not refused; keep the defaults in a deployment).
OPEN311_RATE_LIMITS = env.json("OPEN311_RATE_LIMITS", default={})
# Registrations for events from one address per window (a family registers several children).
MUNICIPIUM_REGISTRATION_RATE_LIMIT = env.int("MUNICIPIUM_REGISTRATION_RATE_LIMIT", default=20)
MUNICIPIUM_REGISTRATION_RATE_SECONDS = env.int("MUNICIPIUM_REGISTRATION_RATE_SECONDS", default=3600)

TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if TESTING
            else "django_tasks_db.DatabaseBackend"
        )
    }
}

WAGTAIL_SITE_NAME = "Municipium"
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
# Search: the project's own index in the database by default; with OPENSEARCH_URL, Wagtail's
# OpenSearch backend (install opensearch-py) answers the site search instead.
OPENSEARCH_URL = env.str("OPENSEARCH_URL", default="")
if OPENSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.opensearch3",
            "URLS": [OPENSEARCH_URL],
            "INDEX": env.str("OPENSEARCH_INDEX", default="municipium"),
            "TIMEOUT": 5,
        }
    }
    MUNICIPIUM_SEARCH_BACKEND = "municipium.search.backends.wagtail.WagtailSearchBackend"
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
    MUNICIPIUM_SEARCH_BACKEND = "municipium.search.backends.database.DatabaseSearchBackend"
# Documents are served only through Wagtail's view (/documents/<id>/<name>), which checks that
# the host is the document's municipality's and the collection's view restrictions; never from
# the storage's own address (core.urls serves only image renditions under MEDIA_URL). How the
# bytes then leave, by MUNICIPIUM_DOCUMENTS_DELIVERY (docs/security.md):
# * "django" (the default): the application streams the file.
# * "nginx": an X-Accel-Redirect to nginx's internal location MUNICIPIUM_DOCUMENTS_INTERNAL_URL.
# * "storage": a redirect to the storage's URL, for object storage that signs its URLs with an
#   expiry (MEDIA_STORAGE, e.g. S3 with querystring_auth): never a public bucket.
MUNICIPIUM_DOCUMENTS_DELIVERY = env.str("MUNICIPIUM_DOCUMENTS_DELIVERY", default="django")
MUNICIPIUM_DOCUMENTS_INTERNAL_URL = env.str(
    "MUNICIPIUM_DOCUMENTS_INTERNAL_URL", default="/protected-media/"
)
if MUNICIPIUM_DOCUMENTS_DELIVERY == "django":
    WAGTAILDOCS_SERVE_METHOD = "serve_view"
elif MUNICIPIUM_DOCUMENTS_DELIVERY == "nginx":
    WAGTAILDOCS_SERVE_METHOD = "serve_view"
    SENDFILE_BACKEND = "municipium.core.sendfile_nginx"
elif MUNICIPIUM_DOCUMENTS_DELIVERY == "storage":
    WAGTAILDOCS_SERVE_METHOD = "redirect"
else:
    raise ImproperlyConfigured(
        "MUNICIPIUM_DOCUMENTS_DELIVERY must be django, nginx or storage, "
        f"not {MUNICIPIUM_DOCUMENTS_DELIVERY!r}."
    )
# Wagtail's image formats and SVG (a municipality's logo): SVG renditions stay SVG and are
# served so that they run no script (core.views.media_image, docs/security.md).
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp", "svg"]
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
# No third-party avatar service: staff without an uploaded avatar get Wagtail's own default image,
# and the admin never sends their e-mail's hash to gravatar.com.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

LOGIN_URL = "wagtailadmin_login"

# Sign-in throttling (django-axes, municipium.accounts.throttle): an account is locked after
# LOGIN_FAILURE_LIMIT failed sign-ins in a row, an address after LOGIN_ADDRESS_FAILURE_LIMIT
# (higher: a town hall's staff share one address behind its router), for LOGIN_LOCKOUT_MINUTES
# counted from the lockout. The axes backend comes first, so that a locked account is refused
# even with the right password.
AUTHENTICATION_BACKENDS = [
    "municipium.accounts.throttle.ThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
LOGIN_ADDRESS_FAILURE_LIMIT = env.int("LOGIN_ADDRESS_FAILURE_LIMIT", default=20)
LOGIN_LOCKOUT_MINUTES = env.int("LOGIN_LOCKOUT_MINUTES", default=15)
AXES_HANDLER = "municipium.accounts.throttle.ThrottleHandler"
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_COOLOFF_TIME = datetime.timedelta(minutes=LOGIN_LOCKOUT_MINUTES)
# Attempts during a lockout are refused without being counted: the cool-off runs from the
# lockout, so whoever owns the account is back after it however long an attacker keeps trying.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "municipium.accounts.throttle.lockout_response"
AXES_ENABLE_ADMIN = False  # Wagtail's admin has its own view (Settings → Sign-in lockouts)
# Only the failures are kept (AccessAttempt, deleted after the cool-off), not a row for every
# successful sign-in that nothing would ever delete.
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False
# The client's address is REMOTE_ADDR, the peer of the socket, unless the operator names a
# header that the proxy in front always sets itself (nginx: proxy_set_header X-Real-IP
# $remote_addr). A header a client can send is never trusted by default: anyone could then
# pick the address they are counted under, or lock out the proxy's.
CLIENT_IP_HEADER = env.str("CLIENT_IP_HEADER", default="")
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ("HTTP_" + CLIENT_IP_HEADER.upper().replace("-", "_"), "REMOTE_ADDR")
    if CLIENT_IP_HEADER
    else ("REMOTE_ADDR",)
)

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"  # Wagtail marks its own preview responses SAMEORIGIN.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# The proxies in front of the app servers (nginx, a load balancer): addresses of the peers
# whose X-Forwarded-For and X-Forwarded-Proto are believed (core.proxy). From any other peer
# those headers are removed before anything reads them, so SECURE_PROXY_SSL_HEADER is safe to
# set in every mode: only a trusted proxy can say that the client used HTTPS.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=["127.0.0.1", "::1"])
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
if PRODUCTION:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}
