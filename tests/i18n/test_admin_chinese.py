"""The admin reads in Chinese for a Chinese user: no message of Wagtail, its libraries or our own code is left
in English on the screens of the isolation matrix.

Every screen of tests/isolation (the probes of its TABLE: lists, edit and create forms, choosers,
exports; the confirmations and actions too), every entry of the admin menu, and the create and edit
form of every page type the two-tenant world can hold, are visited by a superuser and by a tenant's
webmaster, both with Chinese as their admin language. While they render, every message looked up
through gettext is recorded, and one that comes back as its own English message id fails the test;
the visible text and the attributes a user reads (title, placeholder, aria-label) are also searched
for untranslated upstream messages and Python's True/False/None; the JavaScript catalogues are
checked against the `djangojs` messages of Wagtail and wagtail-localize.
"""

import json
import re
from collections import defaultdict

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.db import transaction
from django.test import Client
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import trans_real
from wagtail.models import Page
from wagtail.users.models import UserProfile

from hub.i18n.chinese import LANGUAGE, _source_catalogue, _upstream_apps
from tests.isolation import surfaces as s
from tests.isolation.browser import body_text
from tests.isolation.test_admin_matrix import TABLE
from tests.isolation.world import build_world

# Right to stay in Latin letters: names, abbreviations and formats a Chinese admin writes this way too.
ALLOWED = {
    "RSS",
    "URL",
    "ICP",
    "API",
    "ID",
    "HTML",
    "PDF",
    "CSV",
    "XLSX",
    "Wagtail",
    "Wagtail API v3",
    "Wagtail %(current_version)s editor guide",
    "OK",
    "KB",
    "MB",
    "GB",
    "English",  # the language's own name, as the language switchers write every language
}
PLACEHOLDER = re.compile(r"%\(\w+\)[sdr]|%[sdr]|\{\w*\}|<[^>]+>|&\w+;")
LATIN = re.compile(r"[A-Za-z]{2,}")
PYTHON_VALUES = {"True", "False", "None"}
READ_ATTRIBUTES = ("title", "placeholder", "aria-label", "alt")


HAN = re.compile(r"[\u3400-\u9fff]")
# A Chinese message id with an English one before it, e.g. "letter (来信)".
ENGLISH_FIRST = re.compile(r"^[A-Za-z][A-Za-z' -]+ [(（][^()（）]*[\u3400-\u9fff]")


def is_english(message):
    """An English message (or an English one with its Chinese in brackets), not one of the allowed words."""
    words = PLACEHOLDER.sub("", message)
    if message in ALLOWED or words.strip() in ALLOWED or not LATIN.search(words):
        return False
    return not HAN.search(words) or bool(ENGLISH_FIRST.match(words))


class Recorder:
    """Stands for Django's zh-hans translation object and notes every lookup that finds no translation."""

    def __init__(self, translation_object):
        self._translation = translation_object
        self.missed = set()

    def __getattr__(self, name):
        return getattr(self._translation, name)

    def _note(self, message, result):
        if result == message and is_english(message.split("\x04")[-1]):
            self.missed.add(message.split("\x04")[-1])
        return result

    def gettext(self, message):
        return self._note(message, self._translation.gettext(message))

    def ngettext(self, singular, plural, number):
        result = self._translation.ngettext(singular, plural, number)
        self._note(singular if number == 1 else plural, result)
        if result in (singular, plural):
            self._note(singular, singular)
        return result

    def pgettext(self, context, message):
        return self._note(message, self._translation.pgettext(context, message))

    def npgettext(self, context, singular, plural, number):
        result = self._translation.npgettext(context, singular, plural, number)
        if result in (singular, plural):
            self._note(singular, singular)
        return result


@pytest.fixture
def recorder(monkeypatch):
    """Every activation of zh-hans (the admin's per-user override included) hands out the recorder."""
    real = trans_real.translation(LANGUAGE)
    recording = Recorder(real)
    monkeypatch.setitem(trans_real._translations, LANGUAGE, recording)
    monkeypatch.setattr(trans_real, "_default", recording)
    with translation.override(LANGUAGE):
        yield recording


def upstream_messages(domain, apps=""):
    """Every message id of the installed packages' catalogues of a domain (of the apps whose name starts so)."""
    found = set()
    for app, folder in _upstream_apps():
        if not app.startswith(apps):
            continue
        for entry in _source_catalogue(folder, domain) or []:
            if not entry.obsolete and entry.msgid:
                found.add(entry.msgid)
    return found


def default_model_names():
    """The names Django makes up for models without a verbose name ("locale"), which gettext never sees."""
    names = set()
    for model in apps.get_models():
        if model.__module__.startswith("tests."):
            continue  # the isolation world's own form page
        name = model._meta.verbose_name
        if isinstance(name, str) and LATIN.search(name):
            names |= {
                name,
                capfirst(name),
                str(model._meta.verbose_name_plural),
                capfirst(model._meta.verbose_name_plural),
            }
    return names


UPSTREAM = {message for message in upstream_messages("django") if not PLACEHOLDER.search(message)}
UPSTREAM |= default_model_names()


def untranslated_text(html):
    """Visible text nodes and read attributes equal to an English upstream message or a Python value."""
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup(["script", "style", "template", "noscript"]):
        hidden.decompose()
    for hidden in soup.find_all(hidden=True):
        hidden.decompose()
    texts = [text.strip() for text in soup.find_all(string=True)]
    texts += [tag.get(name, "").strip() for tag in soup.find_all(True) for name in READ_ATTRIBUTES]
    return {text for text in texts if text and (text in PYTHON_VALUES or (text in UPSTREAM and is_english(text)))}


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        with transaction.atomic():
            built = build_world()
            for user in (built.superuser, built.a.users["webmaster"]):
                profile = UserProfile.get_for_user(user)
                profile.preferred_language = LANGUAGE
                profile.save()
            yield built
            transaction.set_rollback(True)


def chinese_client(user):
    client = Client(raise_request_exception=True, HTTP_ACCEPT_LANGUAGE=LANGUAGE)
    client.force_login(user)
    return client


def page_screens(world):
    """The create form of every page type the tenant's tree can take, and the edit form of each page there."""
    root = world.a.department.site.root_page
    screens, types = [], set()
    for page in Page.objects.descendant_of(root, inclusive=True).specific():
        screens.append(f"/admin/pages/{page.pk}/edit/")
        for model in page.specific_class.creatable_subpage_models():
            if model not in types:
                types.add(model)
                screens.append(f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{page.pk}/")
    return sorted(set(screens))


def menu_screens(client):
    """Every address of the admin menu the user sees (read from the sidebar's data)."""
    html = client.get("/admin/").content.decode()
    props = BeautifulSoup(html, "html.parser").find(id="wagtail-sidebar-props")
    urls = set(re.findall(r'"(/admin/[^"\s]*)"', props.string if props else ""))
    return sorted(url for url in urls if "logout" not in url)


def visit(recorder, found, where, fetch):
    """Run one screen inside a savepoint rolled back afterwards; note what it left in English."""
    recorder.missed = set()
    with transaction.atomic():
        response = fetch()
        transaction.set_rollback(True)
    for message in recorder.missed:
        found[message].add(where)
    content_type = response.get("Content-Type", "")
    if content_type.startswith("text/html") and not getattr(response, "streaming", False):
        for text in untranslated_text(body_text(response)):
            found[text].add(where)


def test_admin_screens_read_in_chinese(world, recorder, db):
    found = defaultdict(set)
    users = {"superuser": world.superuser, "webmaster": world.a.users["webmaster"]}
    for role, user in users.items():
        client, reader = chinese_client(user), chinese_client(world.superuser)
        ctx = s.Context(world=world, tenant=world.a, client=client, reader=reader)
        for row in TABLE:
            visit(
                recorder,
                found,
                f"{role}: {row.surface} ({row.action})",
                lambda row=row, ctx=ctx: row.probe(ctx).response,
            )
        # The page forms are the same for both; the webmaster meets them through the matrix's rows.
        for url in [*menu_screens(client), *(page_screens(world) if role == "superuser" else [])]:
            visit(recorder, found, f"{role}: {url}", lambda url=url, client=client: client.get(url))
    report = "\n".join(
        f"{message!r}: {', '.join(sorted(screens)[:3])}{' …' if len(screens) > 3 else ''}"
        for message, screens in sorted(found.items())
    )
    assert not found, f"{len(found)} messages shown in English to a Chinese user:\n{report}"


def javascript_catalogue(client, url):
    text = client.get(url).content.decode()
    return json.loads(re.search(r"const newcatalog = (\{.*?\});", text, re.S).group(1))


def test_admin_scripts_read_in_chinese(world, db):
    """Wagtail's and wagtail-localize's JavaScript catalogues translate every message of their scripts."""
    client = chinese_client(world.superuser)
    served = {}
    for url in ("/admin/jsi18n/", "/admin/localize/jsi18n/"):
        served.update(javascript_catalogue(client, url))
    english = sorted(message for message in upstream_messages("djangojs", apps="wagtail") if is_english(message))
    missing = [message for message in english if message not in served]
    assert english and not missing, f"{len(missing)} script messages in English:\n" + "\n".join(missing)


def test_the_recorder_notes_english_lookups_only(recorder):
    for message in ("Saved", "A message no catalogue has", "保存", "RSS", "letter (来信)", "下载 CSV"):
        translation.gettext(message)
    translation.ngettext("%(count)s thing left in English", "%(count)s things left in English", 2)
    translation.pgettext("按钮", "Another message no catalogue has")
    assert recorder.missed == {
        "A message no catalogue has",
        "letter (来信)",
        "%(count)s thing left in English",
        "%(count)s things left in English",
        "Another message no catalogue has",
    }


def test_the_page_text_is_searched_for_upstream_messages_and_python_values():
    html = (
        '<p>Saved</p><td>True</td><span hidden>None</span><p>已保存</p><input placeholder="Search all pages…">'
        "<p>Saved, with more words</p><script>var x = 'Saved';</script>"
    )
    assert untranslated_text(html) == {"Saved", "True", "Search all pages…"}
