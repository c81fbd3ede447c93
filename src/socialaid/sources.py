"""Where a piece of reference data comes from: a seed document and its section."""

from __future__ import annotations

import re
import unicodedata

from pydantic import BaseModel, ConfigDict, Field

SEED_FILES = {
    "000_140f49d7d74dd147.txt": "沪民救发〔2021〕10号 上海市社会救助“一件事”业务流程优化再造改革工作方案",
    "001_02dcbafffb41dcb7.txt": "长社救联办〔2021〕3号 长宁区关于改革完善社会救助制度的实施办法",
    "002_3b8c3d8fe2173d47.txt": "江阴市地方标准 社会救助联动工作规范",
    "003_2610f75d9152240d.txt": "沪民救发〔2022〕9号 关于切实做好本市困难群众基本生活保障工作的通知",
    "004_96cf332014ae0963.txt": "晋民发〔2025〕14号 “高效办成社会救助一件事”工作方案",
}


class SourceRef(BaseModel):
    """A citation: a seed file (or an external document named in `document`) and a section."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    seed: str | None = Field(default=None, description="seed file name under docs/seeds/")
    document: str | None = Field(default=None, description="an external document, by title/文号")
    section: str
    quote: str | None = None

    def model_post_init(self, _context: object) -> None:
        if self.seed is None and self.document is None:
            raise ValueError("a source names a seed file or a document")
        if self.seed is not None and self.seed not in SEED_FILES:
            raise ValueError(f"unknown seed file {self.seed!r}")


# ---------------------------------------------------------------- a seed's numbered sections
#
# Citations name a section the way the seeds number them: 一 / 一（六） / 三（二）2 for the Chinese
# outline (一、 （一） 1.), 5.1.3 for the decimal clauses of a standard (002), 附件2 for an
# attachment, 前言 for a named heading. The text before the first heading (发文机关, 文号, the
# notice, the title; a standard's 封面) is not told apart: FRONT_MATTER names all of it. 正文 is
# everything but the attachments; 落款 the body's lines after its last sentence (ending in 。). A
# section's text includes its sub-sections'.

FRONT_MATTER = ("发文机关", "发文对象", "主送", "文号", "文头", "封面")
BODY = "正文"
# The issuers' names and the date after a notice's last sentence (its 落款), and what follows them.
CLOSING = "落款"
_NUMERALS = "一二三四五六七八九十"
_CHAPTER = re.compile(rf"^([{_NUMERALS}]+)、")
_PART = re.compile(rf"^\(([{_NUMERALS}]+)\)")
_POINT = re.compile(r"^(\d+)\.")
_CLAUSE = re.compile(r"^(\d+(?:\.\d+)*)(?:\s+\S.*)?$")
_NUMBERED_ATTACHMENT = re.compile(r"^附件(\d+)$")
_TITLED_ATTACHMENT = re.compile(r"^附件:(.+)$")
_NAMED_HEADINGS = frozenset({"前言", "目次"})
# A table of contents' line ends in its page number (5.1 申请救助方式<TAB>2, 前 言<TAB>II).
_CONTENTS_LINE = re.compile(r"\t\s*(\d+|[IVX]+)\s*$")
_CITATION_SEPARATORS = re.compile(r"[、;；]")


def normalise(text: str) -> str:
    """Text as compared for quotes: full-width forms folded to half-width (NFKC), markdown
    emphasis and all spacing dropped, so line breaks and page breaks inside a sentence vanish."""
    return re.sub(r"[\s*]+", "", unicodedata.normalize("NFKC", text))


def cited_sections(section: str) -> list[str]:
    """The sections one citation names: `三（二）1、五（一）` or `5.1; 6.2` name two."""
    return [part.strip() for part in _CITATION_SEPARATORS.split(section) if part.strip()]


def _heading_line(line: str) -> str:
    """A line as headings are recognised: half-width, no markdown heading marks or emphasis."""
    return unicodedata.normalize("NFKC", line).replace("*", "").lstrip("#").strip()


class _Outline:
    """The chain of headings a line falls under, as it is read from top to bottom."""

    def __init__(self, decimal: bool) -> None:
        self.decimal = decimal
        self.chain: tuple[str, ...] = ()
        self.in_attachments = False

    def heading(self, raw: str) -> tuple[str, ...] | None:
        """The new chain if `raw` is a heading, else None."""
        if _CONTENTS_LINE.search(raw):
            return None
        line = _heading_line(raw)
        compact = re.sub(r"\s+", "", line)
        if match := _NUMBERED_ATTACHMENT.match(compact):
            self.in_attachments = True
            return (f"附件{match[1]}",)
        if match := _TITLED_ATTACHMENT.match(compact):
            self.in_attachments = True
            return (f"附件 {match[1].strip('《》')}",)
        if self.in_attachments:
            return None
        if compact in _NAMED_HEADINGS:
            return (compact,)
        return self._decimal(line) if self.decimal else self._outline(line)

    def _decimal(self, line: str) -> tuple[str, ...] | None:
        match = _CLAUSE.match(line)
        if match is None or ("." not in match[1] and line == match[1]):
            return None  # a bare number is a page number, not a clause
        parts = match[1].split(".")
        return tuple(".".join(parts[: i + 1]) for i in range(len(parts)))

    def _outline(self, line: str) -> tuple[str, ...] | None:
        if match := _CHAPTER.match(line):
            return (match[1],)
        chapter = self.chain[0] if self.chain else ""
        if not chapter or chapter.strip(_NUMERALS):
            return None  # before the first chapter, or under 前言: no parts or points
        if match := _PART.match(line):
            return (chapter, f"{chapter}（{match[1]}）")
        if match := _POINT.match(line):
            # under the part when there is one (三（二）1), else under the chapter (五2)
            above = (chapter, *(c for c in self.chain[1:2] if c.endswith("）")))
            return (*above, f"{above[-1]}{match[1]}")
        return None


def seed_sections(text: str) -> dict[str, str]:
    """Each section of a seed by its label, with the text under it (sub-sections included), plus
    FRONT_MATTER's names for the text before the first heading and BODY for all but attachments."""
    decimal = not any(_CHAPTER.match(_heading_line(line)) for line in text.splitlines())
    outline = _Outline(decimal)
    lines: dict[str, list[str]] = {}
    front: list[str] = []
    body: list[str] = []
    for line in text.splitlines():
        chain = outline.heading(line)
        if chain is not None:
            outline.chain = chain
        for label in outline.chain:
            lines.setdefault(label, []).append(line)
        if not outline.chain:
            front.append(line)
        if not outline.in_attachments:
            body.append(line)
    sections = {label: "\n".join(held) for label, held in lines.items()}
    sections |= dict.fromkeys(FRONT_MATTER, "\n".join(front))
    sections[BODY] = "\n".join(body)
    last_sentence = max(
        (i for i, line in enumerate(body) if line.rstrip().endswith("。")), default=-1
    )
    sections[CLOSING] = "\n".join(body[last_sentence + 1 :])
    return sections
