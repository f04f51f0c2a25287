"""A tenant with pages translated through wagtail-localize, the way an editor and a translator do it."""

from dataclasses import dataclass, field

import pytest
from django.utils import timezone
from wagtail.rich_text import RichText

from hub.i18n.languages import set_published_languages
from hub.i18n.translating import translate
from sites.common.models import ArticlePage
from tests import factories

# What a translator delivers: {Chinese source text: translation} per language.
MEMORY = {
    "ug": {
        "克孜勒苏柯尔克孜自治州测试局": "قىزىلسۇ قىرغىز ئاپتونوم ئوبلاستى سىناق ئىدارىسى",
        "工作动态": "خىزمەت ھەرىكەتلىرى",
        "测试局召开干部大会": "سىناق ئىدارىسى كادىرلار يىغىنى ئاچتى",
        "会议部署了全年重点工作。": "يىغىندا پۈتۈن يىللىق مۇھىم خىزمەتلەر ئورۇنلاشتۇرۇلدى.",
        "工作进展": "خىزمەت ئەھۋالى",
        "测试局召开干部大会，部署全年重点工作。": (
            "سىناق ئىدارىسى كادىرلار يىغىنى ئېچىپ، پۈتۈن يىللىق مۇھىم خىزمەتلەرنى ئورۇنلاشتۇردى."
        ),
        "克州融媒体中心": "قىزىلسۇ ئوبلاستلىق مېدىيا مەركىزى",
    },
    "ky": {
        "克孜勒苏柯尔克孜自治州测试局": "قىزىلسۇۇ قىرعىز اپتونوم وبلاسى سىنوو باشقارماسى",
        "工作动态": "قىزمات جاڭىلىقتارى",
        "测试局召开干部大会": "سىنوو باشقارماسى قادرلار جىيىنىن ۅتكۅزدۉ",
        "会议部署了全年重点工作。": "جىيىندا جىل ىچىندەگى نەگىزگى قىزماتتار بەلگىلەندى.",
        "工作进展": "قىزماتتىن جۉرۉشۉ",
        "测试局召开干部大会，部署全年重点工作。": (
            "سىنوو باشقارماسى قادرلار جىيىنىن ۅتكۅزۉپ، جىل ىچىندەگى نەگىزگى قىزماتتاردى بەلگىلەدى."
        ),
        "克州融媒体中心": "قىزىلسۇۇ وبلاستىق مەدىا بوربورۇ",
    },
    "en": {
        "克孜勒苏柯尔克孜自治州测试局": "Kizilsu Test Bureau",
        "工作动态": "News",
        "测试局召开干部大会": "Test Bureau holds staff meeting",
        "会议部署了全年重点工作。": "The meeting set out the year's priorities.",
        "工作进展": "Progress",
        "测试局召开干部大会，部署全年重点工作。": (
            "The Test Bureau held a staff meeting and set out the year's priorities."
        ),
        "克州融媒体中心": "Kizilsu Media Centre",
    },
}


@dataclass
class TranslatedSite:
    department: object
    article: object
    column: object
    translations: dict = field(default_factory=dict)  # language → translated article

    @property
    def host(self):
        return self.department.hostname

    def path(self, page):
        return page.get_url_parts()[2]


def translate_chain(pages, language, memory=None):
    """Translate pages (a site root first, then its descendants in order), publish each, return the translations."""
    memory = MEMORY[language] if memory is None else memory
    return [translate(page, language, memory)[0].get_target_instance() for page in pages]


@pytest.fixture
def publish_on_commit(django_capture_on_commit_callbacks):
    """wagtail-localize publishes translations when the transaction commits; tests run inside one."""

    def run(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return run


def make_article(department):
    column = factories.column(department, "gzdt")
    article = factories.make_article(
        column,
        title="测试局召开干部大会",
        slug="gbdh",
        summary="会议部署了全年重点工作。",
        body=[("heading", "工作进展"), ("paragraph", RichText("<p>测试局召开干部大会，部署全年重点工作。</p>"))],
        date=timezone.localdate(),
    )
    return column, ArticlePage.objects.get(pk=article.pk)


@pytest.fixture
def bare_site(db):
    """A tenant publishing Chinese, Uyghur, Kyrgyz and English, with one Chinese article and no translations."""
    department = factories.make_site(name="克孜勒苏柯尔克孜自治州测试局", short_name="测试局")
    set_published_languages(department, ["ug", "ky", "en"])
    column, article = make_article(department)
    return TranslatedSite(department=department, article=article, column=column)


@pytest.fixture
def translated_site(bare_site, publish_on_commit):
    """The same tenant with its home page, the 工作动态 column and the article translated into every language."""
    root = bare_site.department.site.root_page
    for language in ("ug", "ky", "en"):
        pages = publish_on_commit(translate_chain, [root, bare_site.column, bare_site.article], language)
        bare_site.translations[language] = pages[-1]
    return bare_site
