"""The segmenter: what gets indexed and how a query is read (no database needed)."""

import pytest

from hub.search.segmenter import Segmenter, latin_token, normalize


@pytest.fixture(scope="module")
def segmenter():
    return Segmenter()


def test_compound_words_are_indexed_with_the_words_inside_them(segmenter):
    tokens = segmenter.index_tokens("克州政府门户网站建于2002年，州长信箱受理群众来信。")
    for word in ["克州", "政府", "门户", "网站", "门户网站", "州长信箱", "信箱", "来信", "2002", "年"]:
        assert word in tokens


def test_local_names_from_the_dictionary_stay_whole(segmenter):
    assert segmenter.words_of("阿图什市人民政府召开会议") == ["阿图什市", "人民政府", "召开", "会议"]
    assert segmenter.words_of("乌恰县吉根乡边境小康村")[:2] == ["乌恰县", "吉根乡"]
    assert "柯尔克孜族" in segmenter.words_of("柯尔克孜族传统节日")


def test_dictionary_entries_need_no_frequency_and_accept_a_tag(tmp_path):
    dictionary = tmp_path / "extra.txt"
    dictionary.write_text("# 注释\n托帕口岸\n博古孜 2000 ns\nlatin-word\n", encoding="utf-8")
    segmenter = Segmenter(paths=[dictionary])
    assert segmenter.words_of("托帕口岸通关")[0] == "托帕口岸"
    assert "博古孜" in segmenter.words
    assert "latin-word" not in segmenter.words


def test_a_query_reads_a_compound_as_the_word_or_its_parts(segmenter):
    groups = segmenter.query("乌恰县草原生态保护补助奖励")
    assert [group.alternatives[0] for group in groups] == [("乌恰县",), ("草原生态保护补助奖励",)]
    assert groups[1].alternatives[1] == ("草原", "生态", "保护", "补助", "奖励")


def test_document_numbers_are_read_as_prefix_year_and_serial(segmenter):
    words = [group.alternatives[0] for group in segmenter.query("克政发〔2006〕12号")]
    assert words == [("克政发",), ("2006",), ("12",), ("号",)]


def test_function_words_are_dropped_from_queries_unless_alone(segmenter):
    assert [g.alternatives[0] for g in segmenter.query("关于做好的通知")] == [("关于",), ("做好",), ("通知",)]
    assert [g.alternatives[0] for g in segmenter.query("的")] == [("的",)]


def test_uyghur_and_kyrgyz_text_is_split_on_words_and_normalised(segmenter):
    # Tatweel and short-vowel marks do not change a word; the Persian kaf is read as the Arabic one.
    assert normalize("ئۇيغۇرـچە") == "ئۇيغۇرچە"
    assert normalize("\u06a9\u0649\u0631") == "\u0643\u0649\u0631"
    assert segmenter.index_tokens("قىزىلسۇ ئوبلاستى، ئاتۇش شەھىرى") == ["قىزىلسۇ", "ئوبلاستى", "ئاتۇش", "شەھىرى"]


def test_english_is_case_folded_and_plurals_fold_onto_the_singular(segmenter):
    assert segmenter.index_tokens("Government Documents of Kizilsu's portal") == [
        "government",
        "document",
        "of",
        "kizilsu",
        "portal",
    ]
    assert latin_token("policies") == "policy"
    assert latin_token("café") == "cafe"
    assert normalize("ＡＢＣ１２３") == "abc123"


def test_match_spans_follow_the_segmentation(segmenter):
    text = "部门户籍管理；克州政府门户网站"
    spans = segmenter.match_spans(text, segmenter.highlight_terms("门户"))
    assert [text[start:end] for start, end in spans] == ["门户"]
    assert spans[0][0] == text.index("政府门户") + 2


def test_search_segment_shows_how_a_text_is_read():
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("search_segment", "乌恰县草原生态保护补助奖励", stdout=out)
    output = out.getvalue()
    assert "kizilsu.txt" in output
    assert "query words: 乌恰县 | 草原生态保护补助奖励" in output
    assert "草原生态保护补助奖励  or  草原 + 生态 + 保护 + 补助 + 奖励" in output


def test_unknown_two_character_words_may_match_as_characters(segmenter):
    assert [g.alternatives for g in segmenter.query("马明")] == [(("马明",), ("马", "明"))]
    assert [g.alternatives for g in segmenter.query("门户")] == [(("门户",),)]
