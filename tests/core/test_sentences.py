"""Tests for tui/core/sentences.py: the sentence (or clause) around a phrase, and sentence groups."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.core.test_quiz import speech, speech_phrases
from tui.core.model import Card, Document, Phrase, Section
from tui.core.quiz import cards_for
from tui.core.sentences import card_texts, sentence_around, sentence_bounds, sentence_for, sentence_group

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

    def test_a_long_sentence_is_cut_to_whole_clauses_around_the_phrase(self) -> None:
        long = "我们必须以延安整风精神为镜鉴,站在党的作风关系人心向背的政治高度,学深悟透重要论断,始终牢记作风建设永远在路上的告诫,清醒认识作风问题的顽固性。"
        start = long.index("党的作风关系人心向背")
        text, s, e = sentence_around(long, start, start + 10, max_chars=18)
        assert text == "…站在党的作风关系人心向背的政治高度,…"
        assert text[s:e] == "党的作风关系人心向背"
        # More room: the clauses around come in, the one before first, each whole.
        assert sentence_around(long, start, start + 10, max_chars=33)[0] == "我们必须以延安整风精神为镜鉴,站在党的作风关系人心向背的政治高度,…"
        assert sentence_around(long, start, start + 10, max_chars=44)[0] == (
            "我们必须以延安整风精神为镜鉴,站在党的作风关系人心向背的政治高度,学深悟透重要论断,…"
        )
        assert sentence_around(long, start, start + 10)[0] == long  # a card shows the whole sentence

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

    def test_a_long_english_clause_is_cut_between_words(self) -> None:
        text = "The people shall choose electors by a vote of the legislature thereof in such manner as directed."
        start = text.index("electors")
        shown, s, e = sentence_around(text, start, start + 8, max_chars=40)
        assert shown[s:e] == "electors"
        assert shown.startswith("…") and shown.endswith("…")
        words = set(text.replace(".", "").split())
        assert all(word in words for word in shown.strip("…").split())

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


# ---------------------------------------------------------------- what a review card shows


def one_section(*paragraphs: str) -> Document:
    return Document("t", "text", [Section("a", "heading", 1, "一、", "甲", list(paragraphs))])


def cards_of(doc: Document, *texts: str) -> list[Card]:
    """A card for every occurrence of each of `texts` in the section's paragraphs."""
    found = []
    for number, paragraph in enumerate(doc.sections[0].paragraphs):
        for text in texts:
            at = paragraph.find(text)
            while at >= 0:
                found.append(Phrase(number, at, at + len(text), text, "list"))
                at = paragraph.find(text, at + 1)
    return cards_for(doc, {"a": found})


class TestCardText:
    PARALLEL = "会议指出，各级干部务必守住底线、不越红线，务必敢于担当、勇于作为，务必真抓实干、务求实效，不断开创工作新局面。"
    ITEMS = ("守住底线、不越红线", "敢于担当、勇于作为", "真抓实干、务求实效")

    def test_a_card_shows_its_whole_sentence_and_knows_the_other_phrases_in_it(self) -> None:
        doc = one_section(self.PARALLEL)
        cards = cards_of(doc, *self.ITEMS)
        texts = card_texts(doc, cards)
        first = texts[cards[0].key]
        assert first.text == self.PARALLEL  # not the clause 务必____， alone: three answers would fit it
        assert first.text[first.start : first.end] == "守住底线、不越红线"
        assert first.others == ("敢于担当、勇于作为", "真抓实干、务求实效")

    def test_a_short_sentence_brings_the_one_before(self) -> None:
        paragraph = "这次会议开得很成功，大家畅所欲言。要坚持“两个确立”。"
        doc = one_section(paragraph)
        [card] = cards_of(doc, "两个确立")
        text = card_texts(doc, [card])[card.key]
        assert text.text == paragraph
        assert text.text[text.start : text.end] == "两个确立"

    def test_a_short_first_sentence_brings_the_one_after(self) -> None:
        paragraph = "要坚持“两个确立”。这次会议开得很成功，大家畅所欲言。"
        doc = one_section(paragraph)
        [card] = cards_of(doc, "两个确立")
        assert card_texts(doc, [card])[card.key].text == paragraph

    def test_a_sentence_whose_words_hold_another_phrase_elsewhere_brings_the_one_before(self) -> None:
        first = "理论学习要走深走实。我们在任何时候都必须坚持“两个确立”不动摇。"
        second = "文化建设要守正创新。我们在任何时候都必须坚持“四个自信”不动摇。"
        lone = "基层工作要抓常抓细。我们在任何时候都必须坚持“人民至上”的理念。"
        doc = one_section(first, second, lone)
        cards = cards_of(doc, "两个确立", "四个自信", "人民至上")
        texts = card_texts(doc, cards)
        assert [texts[card.key].text for card in cards] == [first, second, lone[lone.index("我们") :]]

    def test_only_the_cards_wanted_are_worked_out(self) -> None:
        doc = one_section(self.PARALLEL)
        cards = cards_of(doc, *self.ITEMS)
        assert list(card_texts(doc, cards, wanted=cards[1:2])) == [cards[1].key]
