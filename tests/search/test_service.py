"""The search service: scope, facets, language, visibility, exact lookup, best bets, empty results, hot list."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction
from wagtail.rich_text import RichText

from hub.i18n.languages import set_published_languages
from hub.search.excerpts import without_repeated_summary
from hub.search.models import PromotedPage, Promotion, QueryDailyHits
from hub.search.service import Audience, SearchParams, search
from hub.taxonomy.models import Subject
from hub.tenancy.onboarding import set_online
from tests import factories

pytestmark = pytest.mark.django_db


def ask(department, query, language="zh-hans", **params):
    return search(SearchParams(query=query, **params), Audience(department=department, language=language), log=False)


def found(outcome):
    return {hit.page.pk for hit in outcome.hits}


@pytest.fixture
def spread(group, article, document):
    """Pages about 乡村振兴 on three sites, over two years and two topics."""
    agriculture = Subject.objects.get(code="06")
    affairs = Subject.objects.get(code="02")
    return {
        "portal": article(group.portal, "全州乡村振兴工作会议召开", date=datetime.date(2023, 4, 1), subject=affairs),
        "edu_news": article(group.education, "教育助力乡村振兴", date=datetime.date(2024, 6, 1), subject=affairs),
        "edu_doc": document(
            group.education,
            "关于印发乡村振兴教育行动计划的通知",
            "克教发〔2024〕3号",
            date=datetime.date(2024, 2, 1),
            subject=agriculture,
        ),
        "finance": article(group.finance, "乡村振兴衔接资金下达", date=datetime.date(2024, 9, 1), subject=agriculture),
        "unrelated": article(group.finance, "财政预算公开", "部门预算公开。"),
    }


def test_subsites_search_themselves_and_the_portal_searches_everything(group, spread):
    on_subsite = ask(group.education, "乡村振兴")
    assert on_subsite.scope == "site"
    assert found(on_subsite) == {spread["edu_news"].pk, spread["edu_doc"].pk}

    on_portal = ask(group.portal, "乡村振兴")
    assert on_portal.scope == "all"
    assert found(on_portal) == {spread[k].pk for k in ("portal", "edu_news", "edu_doc", "finance")}

    assert found(ask(group.education, "乡村振兴", scope="all")) == found(on_portal)
    assert found(ask(group.portal, "乡村振兴", scope="site")) == {spread["portal"].pk}


def counts(facet):
    return {value.value: value.count for value in facet}


def test_facet_counts_are_right(group, spread):
    outcome = ask(group.portal, "乡村振兴")
    assert outcome.total == 4
    assert counts(outcome.facets["site"]) == {group.portal.code: 1, group.education.code: 2, group.finance.code: 1}
    assert counts(outcome.facets["type"]) == {"common.articlepage": 3, "common.governmentdocumentpage": 1}
    assert counts(outcome.facets["year"]) == {"2023": 1, "2024": 3}
    assert counts(outcome.facets["topic"]) == {"06": 2, "02": 2}


def test_choosing_a_facet_filters_results_and_the_other_facets(group, spread):
    outcome = ask(group.portal, "乡村振兴", site=group.education.code)
    assert found(outcome) == {spread["edu_news"].pk, spread["edu_doc"].pk}
    assert outcome.total == 2
    # The chosen facet still offers its other values; the others count within the choice.
    assert counts(outcome.facets["site"]) == {group.portal.code: 1, group.education.code: 2, group.finance.code: 1}
    assert [v.value for v in outcome.facets["site"] if v.selected] == [group.education.code]
    assert counts(outcome.facets["type"]) == {"common.articlepage": 1, "common.governmentdocumentpage": 1}
    assert counts(outcome.facets["year"]) == {"2024": 2}

    assert found(ask(group.portal, "乡村振兴", year=2023)) == {spread["portal"].pk}
    assert found(ask(group.portal, "乡村振兴", topic="06")) == {spread["edu_doc"].pk, spread["finance"].pk}
    assert found(ask(group.portal, "乡村振兴", type="common.governmentdocumentpage")) == {spread["edu_doc"].pk}
    both = ask(group.portal, "乡村振兴", topic="06", year=2024, type="common.articlepage")
    assert found(both) == {spread["finance"].pk}


def test_results_show_site_date_type_and_a_highlighted_excerpt(group, article):
    article(
        group.education, "工作动态", "为做好控辍保学工作，克州教育局召开专题会议。", date=datetime.date(2024, 5, 20)
    )
    hit = ask(group.portal, "控辍保学").hits[0]
    assert hit.department == group.education
    assert hit.date == datetime.date(2024, 5, 20)
    assert hit.type_label == "新闻和公告"
    assert "<mark>控辍保学</mark>" in hit.excerpt_html


def test_pagination_and_sort_by_date(group, article):
    pages = [
        article(group.education, f"第{n}次督导检查", "控辍保学督导检查。", date=datetime.date(2020 + n, 1, 1))
        for n in range(5)
    ]
    first = ask(group.education, "督导检查", per_page=2, sort="date")
    assert first.total == 5
    assert first.page.paginator.num_pages == 3
    assert [hit.page.pk for hit in first.hits] == [pages[4].pk, pages[3].pk]
    last = ask(group.education, "督导检查", per_page=2, sort="date", page=3)
    assert [hit.page.pk for hit in last.hits] == [pages[0].pk]


def test_unpublished_private_and_offline_pages_never_appear(group, article):
    public = article(group.education, "营商环境优化公开", "营商环境优化。")
    draft = factories.make_article(group.news(group.education), title="营商环境优化草稿", publish=False, live=False)
    unpublished = article(group.education, "营商环境优化撤回", "营商环境优化。")
    unpublished.unpublish()
    private = article(group.education, "营商环境优化内部", "营商环境优化。")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    private_column = factories.make_column(group.news(group.education), title="内部栏目")
    PageViewRestriction.objects.create(page=private_column, restriction_type=PageViewRestriction.LOGIN)
    under_private = factories.make_article(private_column, title="营商环境优化内部通报")
    offline = article(group.finance, "营商环境优化财政", "营商环境优化。")
    set_online(group.finance, False)

    visible = found(ask(group.portal, "营商环境优化"))
    assert visible == {public.pk}
    for page in (draft, unpublished, private, under_private, offline):
        assert page.pk not in visible


def translate(page, language, title):
    translation = page.copy_for_translation(Locale.objects.get(language_code=language), copy_parents=True)
    translation.title = title
    translation.save_revision().publish()
    return translation


def test_results_follow_the_visitors_language(group, article):
    set_published_languages(group.education, ["ug"])
    zh = article(group.education, "双语教育工作", "推进双语教育。")
    ug = translate(zh, "ug", "قوش تىللىق مائارىپ خىزمىتى")

    assert found(ask(group.education, "双语教育")) == {zh.pk}
    assert found(ask(group.education, "双语教育", language="ug")) == {ug.pk}
    assert found(ask(group.education, "مائارىپ", language="ug")) == {ug.pk}
    assert found(ask(group.education, "مائارىپ")) == set()


def test_sites_not_published_in_a_language_are_not_searched_in_it(group, article):
    set_published_languages(group.education, ["ug"])
    education = translate(article(group.education, "教育", "教育。"), "ug", "مائارىپ ئىدارىسى")
    finance = translate(article(group.finance, "财政", "财政。"), "ug", "مائارىپ مەبلىغى")
    assert found(ask(group.portal, "مائارىپ", language="ug")) == {education.pk}
    set_published_languages(group.finance, ["ug"])
    assert found(ask(group.portal, "مائارىپ", language="ug")) == {education.pk, finance.pk}


def test_document_and_index_numbers_go_straight_to_the_document(group, document):
    page = document(group.education, "关于做好春季学期开学工作的通知", "克教发〔2024〕9号")
    page.refresh_from_db()
    for query in [
        "克教发〔2024〕9号",
        "克教发[2024]9号",
        "克教发（2024）9号",
        " 克教发【2024】9号 ",
        page.index_number,
    ]:
        assert ask(group.portal, query).exact == page.page_ptr, query
    assert ask(group.portal, "克教发〔2024〕19号").exact is None
    assert ask(group.portal, "春季学期").exact is None


def test_an_ambiguous_number_prefers_the_visitors_site_and_otherwise_does_not_jump(group, document):
    on_portal = document(group.portal, "转发通知", "克政办发〔2024〕1号")
    on_education = document(group.education, "转发通知", "克政办发〔2024〕1号")
    assert ask(group.education, "克政办发〔2024〕1号").exact == on_education.page_ptr
    assert ask(group.portal, "克政办发〔2024〕1号").exact == on_portal.page_ptr
    assert ask(group.finance, "克政办发〔2024〕1号").exact is None


def test_best_bets_come_first_in_the_visitors_language(group, article):
    target = article(group.education, "招生报名指南", "义务教育阶段招生报名。")
    promotion = Promotion.objects.create(department=group.education, query=" 招生 ")
    PromotedPage.objects.create(promotion=promotion, page=target, description="新生入学报名入口")

    outcome = ask(group.education, "招生")
    assert [hit.page.pk for hit in outcome.promoted] == [target.pk]
    assert outcome.promoted[0].description == "新生入学报名入口"
    assert ask(group.finance, "招生").promoted == []
    assert ask(group.education, "招生", language="ug").promoted == []
    target.unpublish()
    assert ask(group.education, "招生").promoted == []


def test_empty_results_offer_the_whole_group_and_partial_matches(group, article):
    other = article(group.finance, "财政衔接资金", "乡村振兴衔接资金下达。")
    outcome = ask(group.education, "衔接资金")
    assert outcome.total == 0
    assert outcome.other_scope_total == 1

    partial = ask(group.portal, "衔接资金 无花果")
    assert partial.total == 0
    assert [hit.page.pk for hit in partial.partial_hits] == [other.pk]


def test_queries_are_logged_anonymously_and_feed_the_hot_list(group, article):
    article(group.education, "高考报名", "高考报名时间。")
    audience = Audience(department=group.education, language="zh-hans")
    for _ in range(3):
        search(SearchParams(query="高考报名"), audience)
    search(SearchParams(query="高考 报名 13912345678"), audience)
    search(SearchParams(query="无人搜过"), audience)
    search(SearchParams(query="高考报名", page=2), audience)

    row = QueryDailyHits.objects.get(query="高考报名")
    assert (row.hits, row.results, row.department, row.date) == (3, 1, group.education, timezone.localdate())
    assert not QueryDailyHits.objects.filter(query__contains="139").exists()
    assert {f.name for f in QueryDailyHits._meta.fields} == {
        "id",
        "query",
        "department",
        "language",
        "date",
        "hits",
        "results",
    }
    hot = search(SearchParams(), audience).hot
    assert hot == [("高考报名", 3)]
    assert search(SearchParams(), Audience(department=group.education, language="ug")).hot == []


def test_the_excerpt_says_the_summarys_sentence_once(group, article):
    """The body opens with the sentence the summary was taken from; the excerpt shows it once."""
    lead = "克州教育局召开控辍保学专题会议，部署新学期工作。"
    page = article(group.education, "控辍保学专题会议召开", summary=lead)
    page.body = [
        ("paragraph", RichText(f"<p>{lead}会议要求各县市落实包保责任。</p>")),
        ("paragraph", RichText("<p>会议强调，要把控辍保学作为教育脱贫的底线任务。</p>")),
    ]
    page.save_revision().publish()

    for query in ("部署新学期", "包保责任", "底线任务"):
        html = ask(group.education, query).hits[0].excerpt_html
        plain = html.replace("<mark>", "").replace("</mark>", "")
        assert plain.count("部署新学期工作") == 1, (query, html)
    # Words of the summary and of the body are still found and marked.
    assert "<mark>包保</mark>" in ask(group.education, "包保责任").hits[0].excerpt_html


def test_a_summary_not_taken_from_the_body_leaves_the_body_whole():
    whole = "摘要一句话。正文第一句话很长。"
    assert without_repeated_summary(whole, "别的摘要内容在此。") == whole
    text = "全州召开教育大会，部署全年工作任务。 全州召开教育大会，部署全年工作任务。会议指出……"
    assert without_repeated_summary(text, "全州召开教育大会，部署全年工作任务。") == (
        "全州召开教育大会，部署全年工作任务。 会议指出……"
    )
    # A summary cut short (…) is no sentence of the body: the body keeps it.
    cut = "全州召开教育大会，部署全年…"
    assert without_repeated_summary(f"{cut} 全州召开教育大会，部署全年工作任务。", cut).endswith("工作任务。")
