"""tui.core.terms_en: English terms by rule (capitalised terms, the X of Y), never across grammar, and English lists."""

from __future__ import annotations

from tests.core.test_phrases import assert_rules, section_of, texts
from tui.core.paragraph import Paragraph
from tui.core.phrases import extract_paragraph


def test_english_notes_get_blanks_too() -> None:
    paragraph = 'The "separation of powers" keeps each branch in check; Congress makes the laws.'
    found = extract_paragraph(paragraph)
    assert "separation of powers" in texts(found)
    assert_rules(section_of(paragraph), {"1": found})


def test_english_lists_need_a_word_a_reader_would_not_supply() -> None:
    from tui.core.terms_en import english_lists

    def lists(text: str) -> list[str]:
        return [text[s:e] for s, e in english_lists(Paragraph(text))]

    assert lists("To define and punish Piracies and Felonies committed on the high Seas.") == ["Piracies and Felonies"]
    # Near misses: common words any reader supplies, and a list cut after its first item.
    assert lists("No Person shall, in Consequence of any Law or Regulation therein, be discharged.") == []
    assert lists("but all Duties, Imposts and Excises shall be uniform.") == ["Duties, Imposts and Excises"]


def test_english_names_the_context_gives_away_are_no_terms() -> None:
    congress = " ".join(f"The Congress shall meet in Session {n}." for n in range(9))
    text = f"{congress} Thereupon Congress shall decide. No Bill of Attainder shall pass without the Consent of the Congress."
    found = texts(extract_paragraph(text))
    assert "Bill of Attainder" in found
    # A name the document uses all through (of the Congress), one capitalised word, an opener.
    assert not {"Consent of the Congress", "Congress", "Thereupon Congress", "Session"} & set(found)


def test_a_blank_never_opens_or_closes_half_a_bracket() -> None:
    from tui.core.paragraph import Paragraph as P

    piece = P('I do solemnly swear (or affirm) that I will faithfully execute the Office.')
    at = piece.text.index("affirm")
    assert not piece.valid(at, piece.text.index(" execute"))
    assert piece.valid(at, at + len("affirm"))


def test_an_english_quote_the_context_gives_away_is_no_blank() -> None:
    states = " ".join(f"Each of the United States shall keep Record {n}." for n in range(8))
    text = f'{states} The Word "Thirty" is written on an Erasure. He shall support the "Constitution of the United States" always.'
    found = texts(extract_paragraph(text))
    assert not {"Thirty", "Constitution of the United States"} & set(found)
    # Near miss: a quoted term of its own.
    found = texts(extract_paragraph('The "separation of powers" keeps each branch in check; Congress makes the laws.'))
    assert "separation of powers" in found


def test_an_english_term_whose_phrase_goes_on_is_no_term() -> None:
    from tui.core.terms_en import english_terms

    def terms(text: str) -> list[str]:
        return [t[2] for t in english_terms(Paragraph(text))]

    # Its of-object is the first item of a list, or an of with a lower-case object follows:
    # a blank of it would cut the phrase.
    assert "Building of Roads" not in terms("The Council may provide for the Building of Roads, Bridges, Canals, and Harbours.")
    assert "Approval of the Members" not in terms("The Approval of the Members of both Houses shall be needed.")
    # Near misses: the same terms where their phrase ends with them.
    assert "Building of Roads" in terms("The Council may provide for the Building of Roads in every County.")
    assert "Approval of the Members" in terms("The Approval of the Members shall be needed.")
