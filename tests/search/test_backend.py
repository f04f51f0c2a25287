"""The segmenting backend finds Chinese words inside longer runs, where stock Wagtail search does not."""

import pytest
from wagtail.models import Locale, Page

from tests import factories

from .conftest import STOCK_BACKEND, index_with, search_ids

pytestmark = pytest.mark.django_db


def test_words_inside_body_text_are_found_where_stock_search_misses_them(group, article):
    page = article(group.education, "网站简介", "克州政府门户网站建于2002年，州长信箱受理群众来信。")

    for word in ["门户", "门户网站", "来信", "信箱", "克州政府", "2002"]:
        assert page.pk in search_ids(word), word

    index_with(STOCK_BACKEND, page)
    for word in ["门户", "来信", "信箱"]:
        assert page.pk not in search_ids(word, backend=STOCK_BACKEND), word


def test_words_inside_titles_are_found_and_rank_first(group, article):
    in_title = article(group.education, "阿合奇县农村饮水安全工程竣工验收", "工程已全部完工。")
    in_body = article(group.education, "简介", "我县推进农村饮水安全工程建设，饮水安全有保障。")

    results = list(Page.objects.live().search("饮水安全"))
    assert [page.pk for page in results[:2]] == [in_title.pk, in_body.pk]

    index_with(STOCK_BACKEND, in_title, in_body)
    assert search_ids("饮水安全", backend=STOCK_BACKEND) == set()


def test_rich_text_fields_are_segmented(group):
    column = factories.column(group.education, "xxgk", "jgzn")
    functions = "<p>负责全州义务教育<b>均衡发展</b>和控辍保学工作。</p>"
    page = factories.make_function(column, title="主要职责", functions=functions)
    assert page.pk in search_ids("控辍保学")
    assert page.pk in search_ids("均衡发展")

    index_with(STOCK_BACKEND, page)
    assert page.pk not in search_ids("控辍保学", backend=STOCK_BACKEND)


def test_all_query_words_must_match(group, article):
    both = article(group.education, "春季学期开学", "阿图什市各中小学做好疫情防控工作。")
    one = article(group.education, "秋季运动会", "阿图什市举办中小学生运动会。")

    assert search_ids("阿图什市 疫情防控") == {both.pk}
    assert search_ids("阿图什市 疫情防控", operator="or") >= {both.pk, one.pk}


def test_a_compound_query_matches_a_page_that_spells_it_in_parts(group, article):
    page = article(group.education, "资金发放", "全面落实草原生态保护补助奖励政策，资金已发放到户。")
    assert page.pk in search_ids("草原生态保护补助奖励")
    assert page.pk in search_ids("乌恰县草原生态保护补助奖励", operator="or")


def test_mixed_chinese_and_numbers_and_document_numbers(group, document):
    page = document(group.portal, "关于印发乡村振兴实施方案的通知", "克政发〔2006〕12号", "2023年第3批项目资金下达。")
    other = document(group.portal, "关于印发营商环境实施方案的通知", "克政发〔2006〕13号")

    assert search_ids("克政发〔2006〕12号") == {page.pk}
    assert search_ids("克政发[2006]12号") == {page.pk}
    assert page.pk in search_ids("2023年乡村振兴")
    assert other.pk not in search_ids("2023年乡村振兴")


def test_index_numbers_are_searchable(group, document):
    page = document(group.education, "关于规范校外培训的通知", "克教发〔2024〕7号")
    page.refresh_from_db()
    assert page.index_number
    assert page.pk in search_ids(page.index_number)


def test_uyghur_kyrgyz_and_english_words_are_found(group, article):
    zh = article(group.education, "双语教育", "推进双语教育。")
    ug = zh.copy_for_translation(Locale.objects.get(language_code="ug"), copy_parents=True)
    ug.title = "قوش تىللىق مائارىپ"
    ug.body = factories.body("قىزىلسۇ ئوبلاستىدا مەكتەپلەر يېڭى ئوقۇش يىلىنى باشلىدى")
    ug.save_revision().publish()
    en = zh.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    en.title = "Bilingual Education Policies"
    en.body = factories.body("Schools across Kizilsu prefecture started the new term.")
    en.save_revision().publish()

    assert ug.pk in search_ids("مەكتەپلەر")
    assert ug.pk in search_ids("ئوبلاستىدا")
    assert en.pk in search_ids("policy")
    assert en.pk in search_ids("SCHOOL prefecture")
    assert en.pk in search_ids("Kizilsu's")


def test_autocomplete_completes_the_last_word(group, article):
    page = article(group.education, "门户网站改版上线", "新版网站正式上线。")
    assert page.pk in {p.pk for p in Page.objects.live().autocomplete("门户网")}
    assert page.pk in {p.pk for p in Page.objects.live().autocomplete("改版")}


def test_stock_admin_page_search_uses_the_segmenting_backend(group, article, admin_client):
    page = article(group.education, "州长信箱开通", "克州政府门户网站开通州长信箱。")
    response = admin_client.get("/admin/pages/search/", {"q": "信箱"})
    assert response.status_code == 200
    assert page.title in response.content.decode()


def test_punctuation_only_queries_match_nothing(group, article):
    article(group.education, "会议", "会议召开。")
    assert search_ids("，。！") == set()


def test_names_are_found_whatever_the_context_made_of_them(group, article):
    # The segmenter guesses unknown names from context: 由马明主持 is read 由马明 / 主持.
    page = article(group.education, "专题会议", "会议由马明主持，吐尔逊江出席。")
    assert page.pk in search_ids("马明")
    assert page.pk in search_ids("吐尔逊江")


def test_known_words_do_not_match_across_word_boundaries(group, article):
    page = article(group.education, "户籍窗口", "各部门户籍窗口延长服务时间。")
    assert page.pk not in search_ids("门户")
    assert page.pk in search_ids("户籍")
