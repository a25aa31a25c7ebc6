"""Tests for tui/core/sentences.py: the sentence (or clause) around a phrase, and sentence groups."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.core.test_quiz import speech, speech_phrases
from tui.core.model import Document, Phrase, Section
from tui.core.quiz import cards_for
from tui.core.sentences import sentence_around, sentence_bounds, sentence_for, sentence_group

PARAGRAPH = "我们要从百年党史中汲取智慧。习近平总书记强调:“作风建设永远在路上。”坚决克服“松口气、歇歇脚”的麻痹思想!"


class TestSentence:
    def test_the_sentence_holding_the_phrase(self) -> None:
        start = PARAGRAPH.index("松口气")
        text, s, e = sentence_around(PARAGRAPH, start, start + 7)
        assert text == "坚决克服“松口气、歇歇脚”的麻痹思想!"
        assert text[s:e] == "松口气、歇歇脚"

    def test_closing_quote_stays_with_its_sentence(self) -> None:
        start = PARAGRAPH.index("作风建设")
        text, s, e = sentence_around(PARAGRAPH, start, start + 9)
        assert text == "习近平总书记强调:“作风建设永远在路上。”"
        assert text[s:e] == "作风建设永远在路上"

    def test_a_long_sentence_is_cut_to_its_clause(self) -> None:
        long = "我们必须以延安整风精神为镜鉴,站在党的作风关系人心向背的政治高度,学深悟透重要论断,始终牢记作风建设永远在路上的告诫,清醒认识作风问题的顽固性。"
        start = long.index("党的作风关系人心向背")
        text, s, e = sentence_around(long, start, start + 10, max_chars=30)
        assert text == "站在党的作风关系人心向背的政治高度,"
        assert text[s:e] == "党的作风关系人心向背"

    def test_a_long_clause_is_windowed_with_ellipses(self) -> None:
        clause = "甲" * 50 + "两个确立" + "乙" * 50 + "。"
        start = clause.index("两个确立")
        text, s, e = sentence_around(clause, start, start + 4, max_chars=20)
        assert text[s:e] == "两个确立"
        assert text.startswith("…") and text.endswith("…")
        assert len(text) == 22

    @settings(max_examples=300, deadline=None)
    @given(st.text(alphabet="作风建设,。!“”、 ab.", min_size=1, max_size=120), st.data())
    def test_the_phrase_is_always_where_it_says(self, paragraph: str, data: st.DataObject) -> None:
        start = data.draw(st.integers(0, len(paragraph) - 1))
        end = data.draw(st.integers(start + 1, min(len(paragraph), start + 15)))
        text, s, e = sentence_around(paragraph, start, end, max_chars=30)
        assert text[s:e] == paragraph[start:end]
        assert len(text) <= 30 + 2

    def test_english_sentences_end_at_a_full_stop_before_a_space(self) -> None:
        text = "Version 2.5 is out. We the People of the United States ordain this. Done."
        start = text.index("People")
        sentence, s, e = sentence_around(text, start, start + 6)
        assert sentence == "We the People of the United States ordain this."
        assert sentence[s:e] == "People"

    def test_the_sentence_of_a_review_card(self) -> None:
        doc = speech()
        cards = cards_for(doc, speech_phrases(doc))
        card = next(c for c in cards if c.phrase.text == "两个维护")
        text, s, e = sentence_for(doc, card)
        assert text == "捍卫“两个确立”,做到“两个维护”。"
        assert text[s:e] == "两个维护"

    def test_bounds_and_groups(self) -> None:
        first = PARAGRAPH.index("百年")
        second = PARAGRAPH.index("松口气")
        assert sentence_bounds(PARAGRAPH, first, first + 2)[0] == 0
        doc = Document("t", "text", [Section("a", "heading", 1, "一、", "甲", [PARAGRAPH])])
        phrases = {
            "a": [
                Phrase(0, first, first + 2, "百年", "keyword"),
                Phrase(0, first + 2, first + 4, "党史", "keyword"),
                Phrase(0, second, second + 3, "松口气", "keyword"),
            ]
        }
        group = sentence_group(doc)
        cards = cards_for(doc, phrases)
        assert group(cards[0]) == group(cards[1])
        assert group(cards[0]) != group(cards[2])
