"""tui.core.identity: fingerprints of texts, and which old section and card is which new one."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.identity import (
    CardPlace,
    SectionPlace,
    card_places,
    fingerprint,
    layout,
    layout_from_keys,
    match_cards,
    match_sections,
    rekey,
    similarity,
    split_key,
)
from tui.core.outline import parse
from tui.core.phrases import extract
from tui.core.quiz import card_key, cards_for

BUNDLED = Path(__file__).resolve().parents[2] / "data" / "zuofeng-speech.txt"


@pytest.fixture(scope="module")
def speech() -> str:
    return BUNDLED.read_text("utf-8")


class TestFingerprint:
    def test_the_same_text_is_the_same_document(self, speech: str) -> None:
        assert similarity(fingerprint(speech), fingerprint(speech)) == 1.0

    def test_an_edited_version_is_still_alike(self, speech: str) -> None:
        lines = speech.split("\n")
        lines[8] = lines[8].split("。")[0] + "。这一段完全重写了。"
        edited = "\n".join(lines).replace("，", ",") + "\n补充一句话。\n"
        assert similarity(fingerprint(speech), fingerprint(edited)) > 0.7

    def test_another_text_is_not(self, speech: str) -> None:
        other = "。".join(f"这是另一篇文章的第{n}句话，讲的是完全不同的事情" for n in range(200))
        assert similarity(fingerprint(speech), fingerprint(other)) == 0.0

    def test_its_size_is_bounded(self) -> None:
        long = "。".join(f"第{n}句话的内容各不相同" for n in range(5000))
        assert len(fingerprint(long)) == 256


def places(*rows: tuple[str, str | None]) -> list[SectionPlace]:
    """SectionPlaces from (key, parent) rows: the part is what the key adds to its parent's."""
    return [SectionPlace(key, parent, key[len(parent) + 3 :] if parent else key) for key, parent in rows]


OLD = places(
    ("@preamble", None),
    ("提高政治站位,深化思想认识", None),
    ("提高政治站位,深化思想认识 / 把握核心要义", "提高政治站位,深化思想认识"),
    ("坚持问题导向", None),
    ("坚持问题导向 / 深入查摆问题", "坚持问题导向"),
    ("@closing", None),
)


class TestMatchSections:
    def test_unchanged(self) -> None:
        assert match_sections(OLD, OLD) == {place.key: place.key for place in OLD}

    @pytest.mark.parametrize(
        "heading",
        ["提高政治站位，深化思想认识", "提高政治站位, 深化思想认识。", "提高政治站位,深化思想认知", "提高政治站位,深化思想認識"],
        ids=["full-width comma", "spaces and a full stop", "one character", "two characters"],
    )
    def test_a_heading_fixed_keeps_its_section_and_its_subsections(self, heading: str) -> None:
        new = places(
            ("@preamble", None),
            (heading, None),
            (f"{heading} / 把握核心要义", heading),
            ("坚持问题导向", None),
            ("坚持问题导向 / 深入查摆问题", "坚持问题导向"),
            ("@closing", None),
        )
        matched = match_sections(OLD, new)
        assert matched["提高政治站位,深化思想认识"] == heading
        assert matched["提高政治站位,深化思想认识 / 把握核心要义"] == f"{heading} / 把握核心要义"
        assert matched["坚持问题导向 / 深入查摆问题"] == "坚持问题导向 / 深入查摆问题"

    def test_a_rewritten_heading_is_found_by_its_place(self) -> None:
        new = [place if place.key != "坚持问题导向" else SectionPlace("聚焦突出问题", None, "聚焦突出问题") for place in OLD]
        new = [
            SectionPlace("聚焦突出问题 / 深入查摆问题", "聚焦突出问题", "深入查摆问题") if p.key.endswith("深入查摆问题") else p
            for p in new
        ]
        matched = match_sections(OLD, new)
        assert matched["坚持问题导向"] == "聚焦突出问题"
        assert matched["坚持问题导向 / 深入查摆问题"] == "聚焦突出问题 / 深入查摆问题"
        assert "聚焦突出问题" not in match_sections(OLD, new, by_position=False).values()

    def test_a_section_moved_under_another_parent_is_found_by_its_heading(self) -> None:
        new = places(
            ("@preamble", None),
            ("提高政治站位,深化思想认识", None),
            ("坚持问题导向", None),
            ("坚持问题导向 / 把握核心要义", "坚持问题导向"),
            ("坚持问题导向 / 深入查摆问题", "坚持问题导向"),
            ("@closing", None),
        )
        assert match_sections(OLD, new)["提高政治站位,深化思想认识 / 把握核心要义"] == "坚持问题导向 / 把握核心要义"

    def test_sections_that_are_gone_are_not_matched(self) -> None:
        new = places(("@preamble", None), ("坚持问题导向", None), ("@closing", None))
        matched = match_sections(OLD, new, by_position=False)
        assert matched == {"@preamble": "@preamble", "坚持问题导向": "坚持问题导向", "@closing": "@closing"}

    def test_no_new_section_is_given_twice(self) -> None:
        new = places(("提高政治站位", None))
        old = places(("提高政治站位,深化思想认识", None), ("提高政治站位,深化认识", None))
        assert len(match_sections(old, new)) == 1

    def test_a_layout_rebuilt_from_keys_has_its_ancestors(self) -> None:
        rebuilt = layout_from_keys(["一 / （一）", "@preamble"])
        assert rebuilt == [
            SectionPlace("@preamble", None, "@preamble"),
            SectionPlace("一", None, "一"),
            SectionPlace("一 / （一）", "一", "（一）"),
        ]

    def test_the_layout_of_a_document(self, speech: str) -> None:
        doc = parse(speech, "speech.txt")
        found = layout(doc)
        assert [place.key for place in found] == list(doc.section_keys().values())
        assert found[2] == SectionPlace(
            "提高政治站位,深化思想认识 / 把握核心要义,校准政治方向", "提高政治站位,深化思想认识", "把握核心要义,校准政治方向"
        )


def card(section: str, phrase: str, occurrence: int = 1) -> CardPlace:
    return CardPlace(card_key(section, phrase, occurrence), section, phrase, occurrence)


class TestMatchCards:
    def test_cards_still_made_stay(self) -> None:
        current = [card("一", "零容忍")]
        assert match_cards({current[0].key: "一"}, current) == {}

    def test_an_occurrence_renumbered_keeps_its_history(self) -> None:
        # Two 零容忍 in 一, the second answered; the first is deleted: the second is now #1.
        stored = {card_key("一", "零容忍", 2): "一"}
        assert match_cards(stored, [card("一", "零容忍", 1)]) == {card_key("一", "零容忍", 2): card_key("一", "零容忍", 1)}

    def test_never_onto_a_card_with_a_history_of_its_own(self) -> None:
        stored = {card_key("一", "零容忍", 1): "一", card_key("一", "零容忍", 2): "一"}
        assert match_cards(stored, [card("一", "零容忍", 1)]) == {}

    def test_a_phrase_whose_punctuation_changed(self) -> None:
        stored = {card_key("一", "松口气、歇歇脚", 1): "一"}
        assert match_cards(stored, [card("一", "松口气，歇歇脚")]) == {
            card_key("一", "松口气、歇歇脚", 1): card_key("一", "松口气，歇歇脚", 1)
        }

    def test_a_phrase_gone_from_a_section_that_remains_stays_behind(self) -> None:
        stored = {card_key("一", "零容忍", 1): "一"}
        assert match_cards(stored, [card("一", "两个确立"), card("二", "零容忍")]) == {}

    def test_a_section_gone_its_phrase_once_elsewhere(self) -> None:
        stored = {card_key("一 / （二）", "零容忍", 1): "一 / （二）"}
        moved = match_cards(stored, [card("一 / （一）", "零容忍"), card("一 / （一）", "两个确立")])
        assert moved == {card_key("一 / （二）", "零容忍", 1): card_key("一 / （一）", "零容忍", 1)}

    def test_a_section_gone_its_phrase_in_two_places_is_not_guessed(self) -> None:
        stored = {card_key("三", "零容忍", 1): "三"}
        assert match_cards(stored, [card("一", "零容忍"), card("二", "零容忍")]) == {}

    def test_the_bundled_speech_matches_itself(self, speech: str) -> None:
        doc = parse(speech, "speech.txt")
        current = card_places(doc, cards_for(doc, extract(doc)))
        assert match_cards({place.key: place.section_key for place in current}, current) == {}


class TestKeys:
    @pytest.mark.parametrize("section", ["一", "一 / （一）", "标题 :: 带冒号", "@preamble"])
    def test_split_and_rekey(self, section: str) -> None:
        key = card_key(section, "两个 #确立", 3)
        assert split_key(key, section) == ("两个 #确立", 3)
        assert rekey(key, section, "新") == card_key("新", "两个 #确立", 3)

    def test_a_key_of_another_shape_is_left_alone(self) -> None:
        assert split_key("something else", "一") is None and rekey("一 :: x", "一", "二") is None
