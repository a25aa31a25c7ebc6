"""tui.core.terms: noun phrases kept whole and ranked by how specific they are; no filler where nothing is worth it."""

from __future__ import annotations

from tests.core.test_phrases import texts
from tui.core.model import Document, Section
from tui.core.paragraph import Paragraph
from tui.core.phrases import extract, extract_paragraph
from tui.core.terms import chinese_terms


def terms_of(text: str) -> list[str]:
    return [t.text for t in chinese_terms(Paragraph(text))]


def law(*articles: str) -> Document:
    return Document(
        "t", "text", [Section(str(i), "heading", 2, "", f"第{i}条", [a]) for i, a in enumerate(articles, 1)]
    )


def test_a_defined_term_is_a_blank_where_it_is_defined() -> None:
    doc = law(
        "数字化，是指借阅档案经过整理，使其在不借助纸质卡片的情况下可以随时查询的过程。",
        "标签化，是指馆藏图书经过整理可以自动识别位置且不会混放的过程。",
    )
    found = extract(doc)
    assert "数字化" in texts(found["1"]) and "标签化" in texts(found["2"])


def test_a_framed_term_is_a_blank() -> None:
    found = extract_paragraph("党必须坚持民主集中制，严明政治纪律和政治规矩，这是一段足够长的话，再长一些。")
    assert ("民主集中制", "term") in [(p.text, p.kind) for p in found]


def test_a_repeated_compound_is_kept_whole() -> None:
    doc = law(
        "举办大型集体活动的，学校管理部门应当事前进行校园安全风险评估，并对活动情况进行记录。",
        "校园安全风险评估应当包括下列内容，这是一段足够长的话，再长一些也无妨。",
        "校园安全风险评估报告和活动情况记录应当至少保存三年，这是一段足够长的话。",
        "市教育部门负责统筹协调校园安全工作和相关督导检查工作。",
    )
    found = [p for ps in extract(doc).values() for p in ps]
    assert "校园安全风险评估" in texts(found)
    assert not {"风险评估", "安全风险评估", "评估"} & set(texts(found))


def parts(*paragraphs: str) -> Document:
    """A report's parts: headings of its own, no articles."""
    return Document(
        "t", "text", [Section(str(i), "heading", 1, "一、", f"第{i}部分", [p]) for i, p in enumerate(paragraphs, 1)]
    )


def test_repetition_alone_makes_a_term_only_in_a_law_or_a_text_that_defines_its_terms() -> None:
    body = (
        "举办大型集体活动的，学校管理部门应当事前进行校园安全风险评估，并对活动情况进行记录。",
        "校园安全风险评估应当包括下列内容，这是一段足够长的话，再长一些也无妨。",
        "校园安全风险评估报告和活动情况记录应当至少保存三年，这是一段足够长的话。",
        "市教育部门负责统筹协调校园安全工作和相关督导检查工作。",
    )
    definition = "数字化，是指借阅档案经过整理，使其在不借助纸质卡片的情况下可以随时查询的过程。"

    def blanks(doc: Document) -> list[str]:
        return [p.text for ps in extract(doc).values() for p in ps]

    assert "校园安全风险评估" in blanks(law(*body))
    assert "校园安全风险评估" in blanks(parts(*body, definition))
    numbered = [f"**第{n}条** {paragraph}" for n, paragraph in enumerate(body, 1)]  # articles in Markdown
    assert "校园安全风险评估" in blanks(parts(*numbered))
    # Near miss: the same parts in a report, which neither defines terms nor is written as
    # articles: a phrase said again is its wording.
    assert "校园安全风险评估" not in blanks(parts(*body))


def test_a_clause_is_not_a_term() -> None:
    # A verb with its object, a verb with its complement, a subject and its verb.
    assert "公立学校处理会计凭证" not in terms_of("公立学校处理会计凭证，应当依照章程规定的权限和程序进行。")
    assert "读者权益造成不利影响" not in terms_of("避免因借阅记录不准确对读者权益造成不利影响。")
    assert not any("违反" in t for t in terms_of("图书馆管理员违反本办法规定出借馆藏图书的，应当停止。"))


def test_pointers_and_generic_words_are_not_terms() -> None:
    found = texts(extract_paragraph("依照本法规定召开会议，会议研究了有关情况，决定实行民主集中制。"))
    assert "民主集中制" in found
    assert not {"本法规定", "会议", "情况", "有关情况"} & set(found)


def test_a_term_is_never_cut_out_of_a_longer_compound() -> None:
    terms = terms_of("个人信息处理者应当指定个人信息保护负责人，负责对个人信息处理活动进行监督。")
    assert "个人信息处理者" in terms
    assert not {"个人信息处理", "负责人", "保护负责人", "处理者"} & set(terms)


def test_a_section_with_nothing_worth_recalling_gets_no_filler() -> None:
    doc = Document(
        "t",
        "text",
        [
            Section("1", "heading", 1, "一、", "甲", ["要建立作风建设的跟踪问效机制,定期对作风建设情况进行评估考核。通过持续跟踪问效,确保作风建设常抓不懈。"]),
            Section("2", "heading", 1, "二、", "乙", ["组织部门要加强作风建设,选优配强干部,为作风建设提供人才保障,把干部队伍建设摆在突出位置。"]),
            Section("3", "heading", 1, "三、", "丙", ["宣传部门要加大作风建设宣传力度,营造良好的舆论氛围,推动作风建设取得实效,让群众看到变化。"]),
        ],
    )
    found = extract(doc)
    assert found["2"] == []  # 人才保障, 突出位置: nothing to recall, so no blank to make up a count
    for section in doc.walk():
        assert all(p.kind == "term" for p in found[section.id])
        # Words found in every section sink; generic verbs never rise.
        assert not {"作风建设", "作风", "坚持", "加强", "推进"} & set(texts(found[section.id]))


def test_terms_are_not_used_where_better_phrases_exist() -> None:
    found = extract_paragraph("延安时期,党对作风问题“零容忍”的坚定立场十分鲜明。我们要坚决克服“松口气、歇歇脚”的麻痹思想。")
    assert texts(found) == ["零容忍", "松口气、歇歇脚"]


def test_half_of_a_pair_is_no_term() -> None:
    text = "统筹推进基层法治和社会法治，以良法促进发展。我们统筹推进基层法治，以良法保障善治。"
    found = extract_paragraph(text)
    # 基层法治 joined to 社会法治 is half a unit; where it stands alone it may be a blank.
    assert [(p.text, p.start) for p in found if p.text == "基层法治"] == [("基层法治", text.rindex("基层法治"))]
    english = extract_paragraph("The accused shall be informed of the nature and cause of the accusation.")
    assert "cause of the accusation" not in texts(english)


def test_a_subject_and_its_predicate_after_de_is_no_term() -> None:
    found = extract_paragraph("由负责校园食品安全监督的部门责令改正，给予批评，收回所发补贴。")
    assert "部门责令改正" not in texts(found)


def test_a_verb_with_its_object_or_a_negated_quality_is_no_term() -> None:
    text = "个人信息处理者采取措施能够有效避免信息泄露的，可以不通知个人。不得实行不合理的差别待遇。"
    found = {t.text for t in chinese_terms(Paragraph(text))}
    assert not {"采取措施", "不合理"} & found
    assert "差别待遇" in found  # near miss: a noun next to them is still one


def test_a_term_met_all_through_a_document_is_a_blank_only_where_it_is_defined() -> None:
    body = "处理者开展个人信息处理活动，应当遵守规定。"
    sections = [Section(str(i), "heading", 1, f"{i}、", f"第{i}条", [body * 2]) for i in range(1, 6)]
    sections.append(Section("9", "heading", 1, "9、", "附则", ["个人信息处理活动是指收集、存储、使用个人信息的活动。"]))
    found = extract(Document("t", "text", sections))
    where = [sid for sid, phrases in found.items() if "个人信息处理活动" in texts(phrases)]
    assert set(where) <= {"9"}  # met ten times: never where it is only used


def test_a_one_character_head_before_de_is_no_term() -> None:
    text = "新时代党的创新理论深入人心，新时代党的建设新的伟大工程取得成效。"
    assert "新时代党" not in texts(extract_paragraph(text))


def test_a_subject_with_its_predicate_is_no_term_whatever_the_tags() -> None:
    found = {t.text for t in chinese_terms(Paragraph("发现违规使用借阅信息涉嫌犯罪的，应当建立便捷的读者行使权利的申请受理机制。"))}
    assert not {"借阅信息涉嫌犯罪", "读者行使权利"} & found
    assert "校园安全风险评估" in {t.text for t in chinese_terms(Paragraph("应当进行校园安全风险评估。"))}


def test_two_things_joined_inside_are_no_term() -> None:
    text = "为学校和家庭各项工作提供科学思想方法，学校和家庭各项工作蓬勃发展。"
    assert "学校和家庭各项工作" not in texts(extract_paragraph(text))
    # Near miss: 和平 is a word, not a join.
    assert "和平发展道路" in {t.text for t in chinese_terms(Paragraph("坚定不移走和平发展道路。"))}


def test_a_verb_before_zai_ends_a_clause_not_a_term() -> None:
    text = "馆方应当将在本地收集和产生的档案资料存储在本地。档案资料存储期限应当最短。"
    found = [(p.text, p.start) for p in extract_paragraph(text)]
    assert ("档案资料存储", text.index("档案资料存储")) not in found


def test_the_work_on_something_is_no_term_and_a_familiar_term_needs_a_heading() -> None:
    found = {t.text for t in chinese_terms(Paragraph("指导、监督各中小学校开展校园安全保护工作。"))}
    assert "校园安全保护工作" not in found
    body = "国家机关为履行法定职责处理个人信息，应当依照规定进行。" * 2
    others = ["建设美丽乡村需要长期努力。", "发展数字经济推动产业升级。", "完善社会保障体系覆盖全民。", "保护生态环境建设美丽中国。", "促进文化繁荣满足精神需求。"]

    def document(heading: str) -> Document:
        sections = [Section(str(i), "heading", 1, f"{i}、", f"第{i}条", [body]) for i in range(1, 4)]
        sections += [Section(str(i), "heading", 1, f"{i}、", f"其他{i}", [t]) for i, t in enumerate(others, 4)]
        sections[-1] = Section("8", "heading", 1, "8、", heading, [others[-1]])
        return Document("t", "text", sections)

    # Met six times and named by no heading: the context gives it away.
    found = extract(document("文化繁荣"))
    assert not any("法定职责" in texts(phrases) for phrases in found.values())
    # Near miss: a heading names it, so it is a point of the document.
    found = extract(document("法定职责"))
    assert any("法定职责" in texts(phrases) for phrases in found.values())


def test_words_set_side_by_side_are_no_term_alone() -> None:
    padding = "这是为了让段落足够长而写的说明文字，没有别的意思。"
    found = texts(extract_paragraph(f"{padding}推进作风建设常态化长效化。{padding}"))
    assert not any(t.endswith(("常态化", "长效化")) for t in found)


def test_the_theme_with_a_word_before_it_is_no_term() -> None:
    sections = [
        Section(str(i), "heading", 1, f"{i}、", f"第{i}条", [f"处理个人信息应当遵守第{i}项规定，保护个人信息安全。"])
        for i in range(1, 6)
    ]
    sections.append(Section("6", "heading", 1, "6、", "第六条", ["在境内处理自然人个人信息的活动，适用本法。"]))
    sections[0] = Section("1", "heading", 1, "1、", "自然人个人信息的保护", sections[0].paragraphs)
    found = extract(Document("t", "text", sections))
    assert "自然人个人信息" not in texts(found["6"])


def test_of_a_name_used_all_through_counts_its_plural_too() -> None:
    legislature = " ".join(f"The Legislature shall meet in Session {n}." for n in range(4))
    legislatures = " ".join(f"The Legislatures shall sit in Place {n}." for n in range(4))
    text = f"{legislature} {legislatures} On Application of the Legislatures the Congress shall act."
    assert "Application of the Legislatures" not in texts(extract_paragraph(text))


def test_the_last_member_of_a_list_and_an_everyday_compound_are_no_terms() -> None:
    text = "借阅信息的使用目的、使用方式和使用的借阅信息种类发生变更的，应当重新取得读者同意。"
    assert "借阅信息种类" not in texts(extract_paragraph(text * 3))
    found = texts(extract_paragraph("负责对处理活动以及采取的保护措施等进行监督。采取保护措施。落实保护措施。" * 2))
    assert "保护措施" not in found
    # Near miss: a member of no list, after a 和 that joins two subjects (in a law: a term of art).
    text = "市教育部门和市政府有关部门依照本办法负责校园安全工作。市教育部门负责统筹协调。"
    assert "市教育部门" in [p.text for ps in extract(law(text, text)).values() for p in ps]


def test_praise_and_a_predicate_are_no_terms() -> None:
    found = texts(extract_paragraph("形成全校师生共建书香校园的强大合力。凝聚强大合力。汇聚强大合力。"))
    assert "强大合力" not in found
    terms = {t.text for t in chinese_terms(Paragraph("城市公共服务体系和服务能力信息化水平明显提高。"))}
    assert not any(t.endswith("明显提高") for t in terms)
    # Near miss: a superlative sets a limit, and that is a point.
    text = "采集读者信息，应当限于实现借阅目的的最小范围。处理应当限于最小范围。保存限于最小范围。"
    assert "最小范围" in [p.text for ps in extract(law(text, "读者应当爱护图书。")).values() for p in ps]


def test_a_term_before_zhi_or_with_an_empty_head_is_no_term() -> None:
    found = texts(extract_paragraph("地方特色发展之路越走越宽广。地方特色发展之路。地方特色发展之路。"))
    assert "地方特色发展" not in found
    terms = {t.text for t in chinese_terms(Paragraph("加大奖学金、助学贷款、勤工助学等的资助力度。"))}
    assert "资助力度" not in terms
    # Near miss: the same kind of term with nothing after it.
    assert "民主集中制" in {t.text for t in chinese_terms(Paragraph("坚持民主集中制。"))}


def test_a_heading_vouches_only_for_words_it_shares_whole() -> None:
    from tui.core.term_scores import TermStats

    stats = TermStats()
    stats.add_heading("坚持现代化建设")
    stats.add_heading("持续跟踪问效")
    # 代化建设 is the end of one word and a second: 城市现代化建设 shares no word with the heading.
    assert not stats.in_heading("城市现代化建设")
    # Near miss: 跟踪|问效 are the term's own first two words.
    assert stats.in_heading("跟踪问效机制")


def test_a_judgement_on_a_term_met_all_through_is_no_term() -> None:
    from tui.core.term_scores import TermStats, _judged_theme

    stats = TermStats(count={"数据处理活动": 10, "监管部门": 10, "山区特色农业": 12})
    assert _judged_theme("违规数据处理活动", stats)
    assert _judged_theme("发展山区特色农业", stats)  # 支持和|发展……: the verb's object
    # Near misses: a noun before the frequent term names a body; a rare term is the document's own.
    assert not _judged_theme("市场监管部门", stats)
    assert not _judged_theme("违规收集行为", stats)


def test_in_case_of_is_a_preposition_not_a_term() -> None:
    from tui.core.term_places import _compound_preposition
    from tui.core.terms import Term

    def ruled_out(text: str, term: str) -> bool:
        start = text.index(term)
        return _compound_preposition(text, Term(start, start + len(term), term, len(term.split()), english=True))

    assert ruled_out("and in Case of Default by the Tenant, the Owner may act", "Case of Default")
    assert ruled_out("no Fee shall be paid but in Consequence of Services rendered", "Consequence of Services")
    # Near misses: a plural names the cases; no preposition before the term.
    assert not ruled_out("except in Cases of Fraud, shall be heard by the Board", "Cases of Fraud")
    assert not ruled_out("the Board shall have Power to set the Penalty of Fraud", "Penalty of Fraud")


def test_a_verb_opening_its_clause_with_its_object_is_no_term() -> None:
    from tui.core.term_places import misplaced

    def placed(text: str, term: str) -> bool:
        paragraph = Paragraph(text)
        found = [t for t in chinese_terms(paragraph) if t.text == term]
        assert found, (term, [t.text for t in chinese_terms(paragraph)])
        return misplaced(paragraph, found[0])

    assert placed("健全基层治理制度，优化城乡公共服务布局。", "优化城乡公共服务布局")
    assert placed("提升服务质量和水平，加快建设现代化物流体系，着力提高效率。", "建设现代化物流体系")
    # 弘扬 is a verb of a call to action, however the dictionary tags it.
    assert placed("要营造良好氛围。弘扬社会主义劳动精神，传承中华优秀传统美德。", "弘扬社会主义劳动精神")
    # Near misses: after a verb that takes it as its object, the same words are a name.
    assert not placed("我们要完成优化城乡公共服务布局的任务。", "优化城乡公共服务布局")
    assert not placed("这是关于弘扬社会主义劳动精神的意见。", "弘扬社会主义劳动精神")


def test_praise_before_a_compound_is_no_term_unless_the_document_names_it_again() -> None:
    from tui.core.term_scores import TermStats, _static_score
    from tui.core.terms import Term

    def score(term: str, sections: int) -> float | None:
        stats = TermStats(count={term: 2}, sections={term: sections}, articles=2)
        return _static_score(Term(0, len(term), term, 3), stats, False)

    assert score("庄严政治责任", 1) is None
    # Near misses: a praised name met in two sections is the document's own; no praise before it.
    assert score("伟大抗洪精神", 2) is not None
    assert score("崇高历史使命", 1) is not None  # 崇高 is no quality in the dictionary


def test_one_side_of_an_equation_is_no_term() -> None:
    from tui.core.term_places import misplaced

    paragraph = Paragraph("我们坚持生态效益就是经济效益的理念，坚持一体化保护。")
    found = {t.text: t for t in chinese_terms(paragraph)}
    assert misplaced(paragraph, found["经济效益"]) and misplaced(paragraph, found["生态效益"])
    # Near miss: the same term with no 就是 beside it.
    paragraph = Paragraph("我们守护生态效益，坚持一体化保护。")
    found = {t.text: t for t in chinese_terms(paragraph)}
    assert not misplaced(paragraph, found["生态效益"])


def test_only_a_definition_lifts_a_term_over_a_list() -> None:
    from tui.core.phrase_rules import SCORES
    from tui.core.term_scores import TermStats, _static_score
    from tui.core.terms import Term

    stats = TermStats(count={"跟踪问效机制": 4}, framed={"跟踪问效机制"})
    found = _static_score(Term(0, 6, "跟踪问效机制", 3), stats, False)
    assert found is not None and found < SCORES["list"]
    # Near miss: the same term where it is defined outranks any list.
    defined = _static_score(Term(0, 6, "跟踪问效机制", 3, defined=True), stats, False)
    assert defined is not None and defined > SCORES["list"] + 10


def test_asking_for_a_paragraphs_terms_again_gives_the_same_terms() -> None:
    from tui.core.terms import all_terms

    paragraph = Paragraph("坚持民主集中制，and the House of Representatives shall chuse their Speaker.")
    first = all_terms(paragraph)
    assert all_terms(paragraph) == first  # the English terms are not added to the kept list again
    assert not any(t.english for t in chinese_terms(paragraph))


def test_a_sentence_saying_what_a_term_is_defines_it_but_makes_no_law() -> None:
    from tui.core.terms import _definition_starts

    text = "编目的目的是方便查找。图书编目规则是图书馆对馆藏图书进行描述的规则，由馆长制定。"
    at = text.index("图书编目规则")
    assert (at, at + len("图书编目规则")) in _definition_starts(text)
    # The copula is never inside a term (图书编目规则是图书馆).
    assert [t.text for t in chinese_terms(Paragraph(text)) if t.defined] == ["图书编目规则"]
    # Near misses: 是 inside a clause (目的是) and 是 after a comma open no definition.
    assert (0, len("编目的目的")) not in _definition_starts(text)
    assert not _definition_starts("面对困难，特别是突如其来的风险挑战，我们迎难而上。")
    # Such a sentence is what a textbook says, not a law: repetition alone still makes no term.
    body = (
        "举办大型集体活动的，学校管理部门应当事前进行校园安全风险评估，并对活动情况进行记录。",
        "校园安全风险评估应当包括下列内容，这是一段足够长的话，再长一些也无妨。",
        "校园安全风险评估报告和活动情况记录应当至少保存三年，这是一段足够长的话。",
        text,
    )
    found = [p.text for ps in extract(parts(*body)).values() for p in ps]
    assert "图书编目规则" in found and "校园安全风险评估" not in found
