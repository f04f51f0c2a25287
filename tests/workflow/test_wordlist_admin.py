"""Central admins edit the word lists in the admin; the files change and the next check uses them."""

import shutil

import pytest
from django.core.management import call_command
from django.urls import reverse

from hub.workflow.models import ContentCheck, WordListEdit
from hub.workflow.screening import wordlists

from .conftest import current_task_state, draft_article, submit


@pytest.fixture
def lists_dir(tmp_path, settings):
    """A copy of the shipped lists, so editing them in a test leaves the real files alone."""
    target = tmp_path / "wordlists"
    shutil.copytree(wordlists.wordlist_dir(), target)
    settings.HUB_WORDLIST_DIR = target
    return target


def test_a_central_admin_adds_an_expression_and_the_next_check_finds_it(w, as_user, lists_dir):
    page = draft_article(w.column, text="克州召开老旧小区改造推进会。", owner=w.users["author"])
    central = as_user("central")
    assert central.get(reverse("workflow:wordlists")).status_code == 200
    edit_url = reverse("workflow:wordlist_edit", args=["wording"])
    text = central.get(edit_url).context["form"].initial["text"]
    response = central.post(edit_url, {"text": text + "老旧小区改造推进会 => 老旧小区改造工作推进会 | 会议规范名称\n"})
    assert response.status_code == 302
    assert "老旧小区改造推进会 => " in (lists_dir / "wording.txt").read_text(encoding="utf-8")
    edit = WordListEdit.objects.get(name="wording")
    assert (edit.edited_by.username, edit.entries_after - edit.entries_before) == ("central", 1)

    submit(as_user("author"), page)
    check = ContentCheck.objects.get(page_id=page.pk, task_state__task__name="机器检查")
    assert check.must_fix_count == 1
    assert check.findings.get().suggestion == "老旧小区改造工作推进会"
    assert current_task_state(page) is None  # returned to the author


def test_a_malformed_list_is_not_saved(w, as_user, lists_dir):
    before = (lists_dir / "wording.txt").read_text(encoding="utf-8")
    response = as_user("central").post(
        reverse("workflow:wordlist_edit", args=["wording"]), {"text": "@级别 很严重\nre:([ => 括号\n"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "第 1 行" in html and "第 2 行" in html
    assert (lists_dir / "wording.txt").read_text(encoding="utf-8") == before
    assert not WordListEdit.objects.exists()


def test_a_new_list_can_be_created_and_tried_out(w, as_user, lists_dir):
    central = as_user("central")
    response = central.get(reverse("workflow:wordlists"), {"new": "local-terms"})
    assert response.url == reverse("workflow:wordlist_edit", args=["local-terms"])
    central.post(response.url, {"text": "@名称 本地规范\n@级别 提示\n克州政府 => 克州人民政府\n"})
    assert (lists_dir / "local-terms.txt").is_file()
    html = central.post(reverse("workflow:wordlists"), {"text": "克州政府发布通知"}).content.decode()
    assert "<mark>克州政府</mark>发布通知" in html and "克州人民政府" in html


def test_only_central_admins_edit_the_lists(w, as_user, lists_dir):
    for who in ("webmaster", "reviewer", "egov", "leader"):
        client = as_user(who)
        assert client.get(reverse("workflow:wordlists")).url == reverse("wagtailadmin_home")
        client.post(reverse("workflow:wordlist_edit", args=["wording"]), {"text": "@级别 提示\n"})
    assert not WordListEdit.objects.exists()


def test_check_wordlists_command(lists_dir, capsys):
    call_command("check_wordlists")
    out = capsys.readouterr().out
    assert "prohibited.txt" in out and "[必须修改]" in out
    (lists_dir / "broken.txt").write_text("@级别 不存在\n", encoding="utf-8")
    with pytest.raises(Exception, match="malformed"):
        call_command("check_wordlists")
