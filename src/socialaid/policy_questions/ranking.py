"""Ranking knowledge-base entries for a question a family types, by jieba word segmentation and
BM25 (docs/adr/0029: why words rather than pg_trgm's character trigrams). Pure.

A family asks in its own words ("低保多少钱一个月"); the entries are written in the seeds' words
("最低生活保障金", "按月发放"). The query's words are matched against each entry's question
(weighted above its answer) and item name; a few everyday words are also looked up as the
catalogue's word for the same thing.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import jieba

from socialaid.policy_questions.knowledge import Entry

jieba.setLogLevel(logging.WARNING)

# Everyday word → the seeds' word for it. Only words whose meaning in this domain is one thing.
EVERYDAY_WORDS: dict[str, tuple[str, ...]] = {
    "户口": ("户籍",),
    "外地": ("户籍",),
    "补贴": ("补助", "救助"),
    "钱": ("救助金", "保障金", "金额"),
    "多少钱": ("金额", "标准", "差额"),
    "残疾": ("残疾人",),
    "看病": ("医疗", "就医"),
    "上学": ("教育",),
    "工作": ("就业",),
    "丧事": ("殡葬",),
    "去世": ("殡葬",),
    "遭灾": ("受灾",),
}
# Words that say nothing about which answer is wanted.
FILLER = frozenset(
    [
        "的",
        "了",
        "吗",
        "呢",
        "吧",
        "啊",
        "么",
        "我",
        "我们",
        "你",
        "能",
        "能不能",
        "可以",
        "可不可以",
        "什么",
        "怎么",
        "怎么办",
        "哪些",
        "哪个",
        "有",
        "有没有",
        "是",
        "是不是",
        "要",
        "想",
        "需要",
        "一个",
        "个",
        "请问",
        "和",
        "或",
        "还",
        "也",
        "都",
        "在",
        "到",
        "去",
        "给",
        "就",
    ]
)
_PUNCTUATION = re.compile(r"^[\s\W_]+$")
QUESTION_WEIGHT = 3
ITEM_WEIGHT = 2
K1 = 1.2
B = 0.75


@cache
def words(text: str) -> tuple[str, ...]:
    """The words of `text` as jieba's search mode cuts them, without filler and punctuation."""
    return tuple(
        w for w in jieba.lcut_for_search(text) if w not in FILLER and not _PUNCTUATION.match(w)
    )


def query_words(text: str) -> list[str]:
    found = list(words(text))
    for word in list(found):
        found.extend(EVERYDAY_WORDS.get(word, ()))
    return list(dict.fromkeys(found))


@dataclass(frozen=True)
class Ranked:
    entry: Entry
    score: float


def _document(entry: Entry) -> Counter[str]:
    bag: Counter[str] = Counter()
    for word in words(entry.question):
        bag[word] += QUESTION_WEIGHT
    for word in words(entry.item_name):
        bag[word] += ITEM_WEIGHT
    bag.update(words(entry.answer))
    return bag


def rank(entries: Sequence[Entry], search: str) -> list[Ranked]:
    """The entries that share a word with `search`, best first (BM25; ties in entry order)."""
    wanted = query_words(search)
    if not wanted:
        return []
    documents = [_document(e) for e in entries]
    average = sum(sum(d.values()) for d in documents) / max(len(documents), 1)
    frequency = Counter(w for d in documents for w in set(d) if w in wanted)
    ranked = []
    for entry, document in zip(entries, documents, strict=True):
        length = sum(document.values())
        score = 0.0
        for word in wanted:
            tf = document.get(word, 0)
            if not tf:
                continue
            idf = math.log(1 + (len(documents) - frequency[word] + 0.5) / (frequency[word] + 0.5))
            score += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / average))
        if score > 0:
            ranked.append(Ranked(entry, score))
    ranked.sort(key=lambda r: -r.score)
    return ranked
