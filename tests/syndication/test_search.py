"""A synced copy on the portal repeats its original: group-wide search shows the original once.

Where the original is within the search (the portal's default group-wide search, a department's
own search, an editor's search) only the original is listed, under its department; where it is not
(a search of the portal site alone) the copy stands in for it, at the portal's address.
"""

import pytest

from hub.search.service import Audience, SearchParams, search
from hub.syndication.actions import AcceptSubmission, SubmitToPortal
from tests import factories

pytestmark = pytest.mark.django_db

WORD = "雪豹保护宣传周"


def ask(department, query=WORD, user=None, **params):
    audience = Audience(department=department, language="zh-hans", user=user)
    return search(SearchParams(query=query, **params), audience, log=False)


def hit_ids(outcome):
    return [hit.page.pk for hit in outcome.hits]


@pytest.fixture
def accepted(w):
    """An article of the education bureau, accepted onto the portal's 政务信息 column."""
    article = factories.make_article(
        w.news, title=f"州教育局启动{WORD}活动", body=factories.body(f"全州中小学开展{WORD}主题教育。")
    )
    submission = SubmitToPortal(article, user=w.user("editor")).execute()
    submission = AcceptSubmission(submission, user=w.user("portal_editor"), column=w.portal_column).execute()
    return article, submission.copy


def test_the_portals_group_wide_search_lists_the_original_once(w, accepted):
    article, copy = accepted
    outcome = ask(w.portal, scope="all")
    assert hit_ids(outcome) == [article.pk]
    assert outcome.total == 1
    assert outcome.hits[0].department == w.tenant
    # Facets count it once, under the department that published it.
    sites = {choice.value: choice.count for choice in outcome.facets["site"]}
    assert sites.get(w.tenant.code) == 1 and w.portal.code not in sites


def test_a_search_of_the_portal_alone_finds_the_copy(w, accepted):
    _article, copy = accepted
    outcome = ask(w.portal, scope="site")
    assert hit_ids(outcome) == [copy.pk]
    assert outcome.hits[0].department == w.portal


def test_the_departments_own_search_and_an_editors_search_list_it_once(w, accepted):
    article, _copy = accepted
    assert hit_ids(ask(w.tenant, scope="site")) == [article.pk]
    assert hit_ids(ask(w.tenant, scope="all")) == [article.pk]
    assert hit_ids(ask(None, user=w.user("central"))) == [article.pk]


def test_an_edit_of_the_original_is_found_once(w, accepted):
    article, _copy = accepted
    article = article.specific
    article.title = "州教育局启动雪豹保护宣传周暨生态文明教育活动"
    article.save_revision().publish()
    outcome = ask(w.portal, query="生态文明教育")
    assert hit_ids(outcome) == [article.pk]


def test_an_unpublished_original_is_found_nowhere(w, accepted):
    article, _copy = accepted
    article.specific.unpublish()
    assert ask(w.portal, scope="all").total == 0
    assert ask(w.portal, scope="site").total == 0
