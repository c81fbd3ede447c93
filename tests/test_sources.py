"""The splitting of a seed into its numbered sections, on small texts written for each rule."""

from __future__ import annotations

from socialaid.sources import cited_sections, normalise, seed_sections

NOTICE = """上海市民政局

沪民救发〔2021〕10号

## 一、当前现状梳理

社会救助“一件事”涉及的具体事项，包括教育救助（含学前教育资助）。

### （一）最低生活保障家庭生活救助

本市户籍家庭。

## （二）低收入困难家庭认定

低收入困难家庭是指未纳入最低生活保障范围的本市户籍家庭。

## 三、流程优化改革

### (一) 改革内容

#### 1.打造社会救助事项联办模式

一口受理。

### 2.规范社会救助事项联办标准

统一规范。

### （二）办理流程

#### 1.申请受理环节

填写个人基本信息。

四、预期成效

（一）“减环节”。减少了20%。

五、组织保障

- 附件： 1. 办理流程图
2. 申请表

附件 1

办理流程图

附件 2

一、不是一个章节

申请表
"""


def test_the_outline_numbers_chapters_parts_and_points_as_citations_write_them() -> None:
    sections = seed_sections(NOTICE)
    assert [label for label in sections if label[0] in "一二三四五"] == [
        "一",
        "一（一）",
        "一（二）",
        "三",
        "三（一）",
        "三（一）1",
        "三（一）2",
        "三（二）",
        "三（二）1",
        "四",
        "四（一）",
        "五",
        "五2",
    ]


def test_a_section_holds_its_sub_sections_and_stops_at_the_next_of_its_rank() -> None:
    sections = seed_sections(NOTICE)
    assert "学前教育资助" in sections["一"] and "本市户籍家庭" in sections["一"]
    assert "学前教育资助" not in sections["一（一）"]
    assert "未纳入" in sections["一（二）"] and "未纳入" not in sections["一（一）"]
    assert "一口受理" in sections["三（一）1"] and "统一规范" not in sections["三（一）1"]
    assert "填写个人基本信息" in sections["三（二）1"]
    assert "填写个人基本信息" not in sections["三（一）"]


def test_half_width_parentheses_and_markdown_marks_do_not_change_a_heading() -> None:
    sections = seed_sections(
        "一、章\n### **(三) 健全各类专项救助**\n医疗救助。\n**5. 健全医疗救助制度。**正文\n"
    )
    assert "医疗救助。" in sections["一（三）"]
    assert "正文" in sections["一（三）5"]


def test_a_paragraph_that_starts_with_a_part_number_is_that_part() -> None:
    assert "减少了20%" in seed_sections(NOTICE)["四（一）"]


def test_attachments_are_numbered_and_nothing_inside_them_is_a_heading() -> None:
    sections = seed_sections(NOTICE)
    assert sections["附件1"].strip().endswith("办理流程图")
    assert "一、不是一个章节" in sections["附件2"]
    assert "不是一个章节" not in sections.get("一", "")
    assert "附件 1" not in sections["五"]


def test_an_attachment_without_a_number_is_named_by_its_title() -> None:
    text = "一、章\n正文。\n附件：《部门任务分工表》\n**附件：****部门任务分工表**\n1\t完善\n"
    sections = seed_sections(text)
    assert "1\t完善" in sections["附件 部门任务分工表"]
    assert "1\t完善" not in sections["一"]


def test_the_text_before_the_first_heading_is_the_front_matter_and_the_body_excludes_attachments() -> (
    None
):
    sections = seed_sections(NOTICE)
    for name in ("发文机关", "发文对象", "文头", "封面"):
        assert "沪民救发〔2021〕10号" in sections[name]
        assert "当前现状梳理" not in sections[name]
    assert "减少了20%" in sections["正文"] and "不是一个章节" not in sections["正文"]


def test_a_notices_closing_is_what_follows_its_last_sentence_and_the_number_is_front_matter() -> (
    None
):
    notice = "上海市民政局\n\n沪民救发〔2022〕9 号\n\n一、要求\n\n做好工作。\n\n上海市民政局\n\n2022 年 7 月 19 日\n"

    sections = seed_sections(notice)

    assert "沪民救发〔2022〕9 号" in sections["文号"] and "做好工作" not in sections["文号"]
    assert sections["落款"].split() == ["上海市民政局", "2022", "年", "7", "月", "19", "日"]


STANDARD = """社会救助联动工作规范

目 次

前 言\tII
5.1 申请救助方式\t2

前 言

本文件由江阴市标准化管理委员会提出。

1 范围

本文件规定了社会救助联动的工作流程。

3.1

社会救助联动 social relief linkage

5 工作要求

5.1 申请救助方式

5.1.3 “12345”等政府公共服务平台应提供社会救助咨询。

5.2 一门受理

各部门社会救助事项宜统一入驻。

2021
"""


def test_a_standard_numbers_its_clauses_in_decimals_each_inside_the_one_above() -> None:
    sections = seed_sections(STANDARD)
    assert "12345" in sections["5.1.3"] and "12345" in sections["5.1"] and "12345" in sections["5"]
    assert "统一入驻" in sections["5.2"] and "统一入驻" not in sections["5.1"]
    assert "social relief linkage" in sections["3.1"]
    assert "2021" not in sections  # a bare number is not a clause


def test_a_table_of_contents_line_is_not_a_heading() -> None:
    sections = seed_sections(STANDARD)
    assert "江阴市标准化管理委员会" in sections["前言"]
    assert "申请救助方式\t2" in sections["目次"]
    assert "社会救助联动工作规范" in sections["封面"] and "目 次" not in sections["封面"]


def test_normalising_folds_widths_and_drops_spacing_line_breaks_and_emphasis() -> None:
    assert normalise("（一） 申请 条件，\n\n符合**16**周岁") == "(一)申请条件,符合16周岁"
    assert normalise("赡养(扶养、扶养义务人信息)") == normalise("赡养（扶养、扶养义务人信息）")


def test_a_citation_names_several_sections_with_either_separator() -> None:
    assert cited_sections("三（二）1、五（一）") == ["三（二）1", "五（一）"]
    assert cited_sections("5.1; 6.2") == ["5.1", "6.2"]
    assert cited_sections("三（一）；三（二）2") == ["三（一）", "三（二）2"]
    assert cited_sections("附件 部门任务分工表") == ["附件 部门任务分工表"]


def test_a_part_or_point_before_the_first_chapter_is_front_matter() -> None:
    sections = seed_sections("（一）通知正文\n1. 附言\n一、章\n（一）节\n")
    assert "通知正文" in sections["封面"] and "附言" in sections["封面"]
    assert list(sections)[:2] == ["一", "一（一）"]
