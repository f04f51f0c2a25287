"""The feed checks used above do fail on feeds that break the specifications."""

from pathlib import Path

from .validation import atom_problems, rss_problems

DATA = Path(__file__).parent / "data"


def test_the_rss_check_reports_malformed_feeds_missing_elements_and_bad_dates():
    assert rss_problems((DATA / "malformed.rss").read_bytes())[0].startswith("not well-formed")
    problems = rss_problems((DATA / "bad_date.rss").read_bytes())
    assert any("pubDate '2024年5月20日' is not RFC 822" in problem for problem in problems)
    assert any("atom:link rel=self" in problem for problem in problems)
    assert any("link None is not absolute" in problem for problem in problems)
    assert rss_problems((DATA / "tv.atom").read_bytes()) != []


def test_the_atom_check_reports_bad_dates_and_missing_ids():
    valid = (DATA / "tv.atom").read_text(encoding="utf-8")
    assert atom_problems(valid.encode()) == []
    broken = valid.replace("2024-05-19T21:00:00+08:00", "19 May 2024").replace(
        "<id>tag:tv.example.test,2024:news-1002</id>", ""
    )
    problems = atom_problems(broken.encode())
    assert any("'19 May 2024' is not RFC 3339" in problem for problem in problems)
    assert any("entry 2 must have exactly one <id>" in problem for problem in problems)
    assert atom_problems((DATA / "newspaper.rss").read_bytes()) != []
