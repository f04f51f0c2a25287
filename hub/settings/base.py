"""Settings shared by every environment; safe for production, configured from the environment.

Insecure conveniences (DEBUG, a fixed SECRET_KEY, SQLite) live only in dev.py and test.py.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Cross-site core
    "hub.tenancy",
    # Admin isolation between tenants: every override of Wagtail's admin
    "hub.isolation",
    "hub.taxonomy",
    "hub.workflow",
    "hub.search",
    "hub.directory",
    "hub.syndication",
    "hub.feeds",
    "hub.i18n",
    "hub.interaction",
    "hub.services",
    "hub.sitemaps",
    "hub.inspection",
    "hub.linkcheck",
    "hub.cache",
    # Page types sites are built from
    "sites.common",
    "sites.portal",
    "sites.department",
    # Themes and the demo
    "themes",
    "fixtures",
    # Wagtail and Django
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_tasks_db",
    # Not used by our code: Wagtail's admin formats times with its naturaltime, whose Chinese is here.
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Anonymous visitors' pages from the cache, before the rest of the stack (hub/cache).
    "hub.cache.middleware.PageCacheMiddleware",
    # Before anything reads the database: may this request read from the replica (hub/db/routers.py)?
    "hub.db.routers.ReplicaMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # After LocaleMiddleware: addresses in a language a page or tenant lacks lead to the Chinese page.
    "hub.i18n.fallback.LanguageFallbackMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "hub.urls"
WSGI_APPLICATION = "hub.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # The standard theme's templates; variants are CSS, chosen per tenant.
        "DIRS": [BASE_DIR / "themes" / "standard" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "hub.tenancy.context_processors.tenancy",
                # After tenancy: the tenant's names in the language shown.
                "hub.i18n.context_processors.languages",
            ],
        },
    },
]

# DATABASE_URL, e.g. postgres://user:pass@host:5432/portalhub. No default here: production must say.
if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60)}
else:
    DATABASES = {}


def with_replica(databases):
    """Add the streaming replica named by DATABASE_REPLICA_URL as the alias `replica` (hub/db/routers.py)."""
    url = os.environ.get("DATABASE_REPLICA_URL")
    if url and "default" in databases:
        databases["replica"] = dj_database_url.parse(url, conn_max_age=60)
        # Tests create their database on the primary only; the replica receives it by replication.
        databases["replica"]["TEST"] = {"MIRROR": "default"}
    return databases


DATABASES = with_replica(DATABASES)
DATABASE_ROUTERS = ["hub.db.routers.ReplicaRouter"]
# After a visitor's POST, their requests read from the primary for this long (read-your-writes).
HUB_REPLICA_STICKY_SECONDS = int(os.environ.get("HUB_REPLICA_STICKY_SECONDS", "15"))


def caches_from_url(url):
    """CACHES for CACHE_URL: redis://host:6379/0 (django-redis, shared by several app servers),
    locmem:// (the default: one process), file:///path (one machine's worker processes), or dummy://
    (no cache)."""
    if url.startswith(("redis://", "rediss://", "unix://")):
        return {
            "default": {
                "BACKEND": "django_redis.cache.RedisCache",
                "LOCATION": url,
                # Errors are not ignored: a swallowed write could leave an invalidation undone.
                "OPTIONS": {
                    "SOCKET_CONNECT_TIMEOUT": 1,
                    "SOCKET_TIMEOUT": 1,
                },
                "KEY_PREFIX": "hub",
            }
        }
    if url.startswith("locmem://"):
        return {
            "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 5000}}
        }
    if url.startswith("file://"):
        # One folder shared by every worker process of one machine (file:///var/cache/portalhub).
        return {
            "default": {
                "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                "LOCATION": url.removeprefix("file://"),
                "OPTIONS": {"MAX_ENTRIES": 20000},
            }
        }
    if url.startswith("dummy://"):
        return {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    raise ImproperlyConfigured(f"CACHE_URL scheme not supported: {url!r}")


CACHE_URL = os.environ.get("CACHE_URL", "locmem://")
CACHES = caches_from_url(CACHE_URL)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: Chinese is the default content language; Uyghur and Kyrgyz are
# written in Arabic script (right to left) in Xinjiang.
LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = True
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("zh-hans", "简体中文"),
    ("ug", "ئۇيغۇرچە"),
    ("ky", "قىرعىزچا"),
    ("en", "English"),
]
# The admin offers these four too (Wagtail's default lists some fifty, one of them in English).
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Django marks ug as bidirectional but not ky; Kyrgyz in Xinjiang uses Arabic script.
RTL_LANGUAGES = {"ug", "ky"}
# The project's own messages, then Django's own Kyrgyz messages in Arabic script (Django ships Cyrillic).
LOCALE_PATHS = [BASE_DIR / "hub" / "locale", BASE_DIR / "hub" / "i18n" / "catalogues"]
# Django's own Kyrgyz formats are Cyrillic; Xinjiang Kyrgyz is written in Arabic script.
FORMAT_MODULE_PATH = ["hub.i18n.formats"]
# A page submitted for translation starts as a draft in the target language and goes live when its
# translator publishes it (wagtail-localize would publish the untranslated copy at once).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "themes" / "standard" / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "static"))
STATIC_URL = "/static/"
# Files the web server answers at the site root on every tenant's hostname (favicon.ico: browsers
# and crawlers ask for it there whatever the page links).
WHITENOISE_ROOT = BASE_DIR / "themes" / "standard" / "root"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "克孜勒苏柯尔克孜自治州门户网站群"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://portal.localhost:8000")
# Chinese-aware database search (PostgreSQL or SQLite, chosen by the connection); see hub/search.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "hub.search.backends"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "doc", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xls", "xlsx", "zip", "wps"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_ALLOW_UNICODE_SLUGS = True
# Staff avatars are uploaded or Wagtail's built-in default: nothing is fetched from gravatar.com,
# which a closed government network cannot reach (the images show broken and hold up page loads).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Portal Hub
# Page types onboarding builds a site from, named by app label so hub/ never imports sites/.
HUB_PORTAL_HOME_PAGE_MODEL = "portal.PortalHomePage"
HUB_DEPARTMENT_HOME_PAGE_MODEL = "department.DepartmentHomePage"
HUB_COLUMN_PAGE_MODEL = "common.ColumnIndexPage"
# The standard citizen pages the column plan places ("page" entries): 信箱, 联系我们, 办事指南, 依申请公开.
HUB_MAILBOX_PAGE_MODEL = "common.MailboxPage"
HUB_CONTACT_PAGE_MODEL = "common.ContactPage"
HUB_SERVICE_INDEX_PAGE_MODEL = "common.ServiceIndexPage"
HUB_DISCLOSURE_REQUEST_PAGE_MODEL = "common.DisclosureRequestPage"
# The standard column plan (栏目) every new subsite starts with; one editable JSON file.
HUB_COLUMN_PLAN = Path(os.environ.get("HUB_COLUMN_PLAN", BASE_DIR / "hub" / "tenancy" / "column_plan.json"))
# Page types a department may submit to the portal (信息报送); accepted ones appear there as synced copies.
HUB_SYNDICATION_PAGE_MODELS = ["common.ArticlePage", "common.GovernmentDocumentPage"]
# Feeds: the page types RSS/Atom feeds list, and the type outside feed items are imported as
# (it needs title, date, source, summary and a body StreamField with a "paragraph" block).
HUB_FEED_PAGE_MODELS = [
    "common.ArticlePage",
    "common.GovernmentDocumentPage",
    "common.SpeechPage",
    "common.AppointmentNoticePage",
]
HUB_FEED_IMPORT_PAGE_MODEL = "common.ArticlePage"
# Search: the segmenter's dictionaries (plain files, one word a line); a deployment may add one.
HUB_SEARCH_DICTIONARIES = [BASE_DIR / "hub" / "search" / "dictionary" / "kizilsu.txt"] + env_list(
    "HUB_SEARCH_EXTRA_DICTIONARY"
)
# Visual variants of the standard theme a tenant may choose: (key, label, primary colour).
HUB_THEME_VARIANTS = [
    ("red", "政务红", "#b8141b"),
    ("blue", "科技蓝", "#1f5aa6"),
    ("green", "生态绿", "#23784a"),
    ("teal", "天山青", "#127275"),
    ("brown", "高原褐", "#8a4b16"),
]

# Review chain (三审). The word lists are plain files a central admin edits in the admin (审校词库);
# with several application servers, point HUB_WORDLIST_DIR at storage they share.
HUB_WORDLIST_DIR = Path(os.environ.get("HUB_WORDLIST_DIR", BASE_DIR / "hub" / "workflow" / "wordlists"))
# Where the availability probe connects, naming each site in the Host header; empty: each site's own address.
HUB_PROBE_ADDRESS = os.environ.get("HUB_PROBE_ADDRESS", "")
# Days a page may wait at one review step before it is flagged overdue.
HUB_REVIEW_OVERDUE_DAYS = int(os.environ.get("HUB_REVIEW_OVERDUE_DAYS", "3"))
# The chain's last approval publishes (final approvers hold no publish permission of their own).
WAGTAIL_FINISH_WORKFLOW_ACTION = "hub.workflow.publishing.publish_approved"

# Citizen channels (mailboxes, consultation, disclosure requests, online applications). Citizens'
# files live outside MEDIA_ROOT and are served to staff only through a permission-checked view.
HUB_PRIVATE_MEDIA_ROOT = Path(os.environ.get("HUB_PRIVATE_MEDIA_ROOT", BASE_DIR / "var" / "private"))
# Working days a letter must be answered in (a mailbox may set its own); request headers naming
# the client address behind a trusted proxy, for rate limits (e.g. HTTP_X_REAL_IP).
HUB_LETTER_REPLY_DAYS = int(os.environ.get("HUB_LETTER_REPLY_DAYS", "5"))
HUB_CLIENT_IP_HEADER = os.environ.get("HUB_CLIENT_IP_HEADER", "")
# The national 我为政府网站找错 platform every public page's footer links to (a link only, never fetched).
HUB_ERROR_REPORT_PLATFORM_URL = os.environ.get("HUB_ERROR_REPORT_PLATFORM_URL", "https://zfwzzc.www.gov.cn/")

# Django's task framework: Wagtail's own tasks run at once, in the request (its default); inspections
# asked for in the admin are queued in the database and run by `manage.py db_worker --backend inspection`.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "inspection": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
}
# Site inspection: deductions of the scoring items, by key of hub.inspection.conf.DEDUCTIONS (unconfirmed values).
HUB_INSPECTION_DEDUCTIONS = {}

# Page cache for anonymous visitors (hub/cache): seconds a page is kept (0 switches it off; every change
# invalidates at once, this only bounds memory), addresses never cached, and the HTTP caches in front
# to send bans to (e.g. http://127.0.0.1:6081 for deploy/varnish/default.vcl).
HUB_PAGE_CACHE_SECONDS = int(os.environ.get("HUB_PAGE_CACHE_SECONDS", "300"))
HUB_PAGE_CACHE_SKIP_PATHS = ["/admin/", "/django-admin/", "/search/", "/documents/"]
HUB_FRONT_CACHE_URLS = env_list("HUB_FRONT_CACHE_URLS")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {"hub": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO"), "propagate": False}},
}
