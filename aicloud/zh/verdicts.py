"""Chinese counterpart of `aicloud.verdicts`: the criteria behind each verdict and the default figures of the
verdicts no data can decide. The labels themselves stay the English keys the rules compare; they are shown
through `LABEL` (and the display catalogue)."""

from __future__ import annotations

from aicloud import verdicts as english
from aicloud.verdicts import (
    ANECDOTE,
    CONTRADICTED,
    DIRECT,
    NO_EVIDENCE,
    NOT_TESTABLE,
    NOT_TESTABLE_HERE,
    PARTLY,
    PROXY,
    SUPPORTED,
    Verdict,
)

# Keys the rules compare: shown in Chinese through LABEL and GRADE, never swapped.
KEYS = ("SUPPORTED", "PARTLY", "CONTRADICTED", "NOT_TESTABLE", "NOT_TESTABLE_HERE", "LABELS", "DIRECT", "PROXY",
        "ANECDOTE", "NO_EVIDENCE", "EVIDENCE_GRADES", "_BAD_TEXT")
# English words for English templates only; the Chinese templates choose their own words.
NOT_SHOWN = {"direction": "English templates' word for a change", "majority": "English templates' word for a share",
             "_AFTER_NOTE": "a pattern matched in the data's English notes, never shown"}

LABEL = {SUPPORTED: "支持", PARTLY: "部分支持", CONTRADICTED: "与证据相悖", NOT_TESTABLE: "公开数据无法检验",
         NOT_TESTABLE_HERE: "本次数据无法检验"}
GRADE = {DIRECT: "直接证据", PROXY: "代理指标", ANECDOTE: "个案", NO_EVIDENCE: "无证据"}

CRITERIA = {
    SUPPORTED: ("按规则写明的检验，论断中数据能检验的每个部分，在数据所含的每一年、每一行上都成立；论断的核心部分在已检验的部分之中，"
                "且未检验的部分不多于成立的部分。未检验的部分在理由中写明，不算作反对论断的证据。"),
    PARTLY: ("论断至少有一部分成立，同时另一部分不成立或只在某些年份成立；或者已检验的部分都成立，但核心部分未经检验，"
             "或未检验的部分多于成立的部分。"),
    CONTRADICTED: "按规则写明的检验，论断中核心的、可检验的部分在数据上不成立（各部分同等重要的论断：已检验的部分全都不成立）。",
    NOT_TESTABLE: "没有任何公开数据能判定这一论断（例如未公开的分配情况或传闻）；理由中写明需要什么数据。",
    NOT_TESTABLE_HERE: "本次运行所用的数据无法判定这一论断（只有一年、缺少某个买家或厂商、几个文件之间没有交集）；"
                       "理由中写明缺什么。",
}
EVIDENCE_CRITERIA = {
    DIRECT: "一手数据（财报、官方发布、公开的测量结果），并对论断做直接检验。",
    PROXY: "第三方估计，或用代理指标代替论断所说的量。",
    ANECDOTE: "单条报道、公告或个例；没有序列，也没有对照组。",
    NO_EVIDENCE: "没有与该论断相关的公开证据。",
}


def label(key: str) -> str:
    """The Chinese of a verdict label (the key itself if it is not one)."""
    return LABEL.get(key, key)


def not_testable_here(cls: type, reason: str, figure: str = "本次数据无法判定",
                      sources: tuple[str, ...] | list[str] = ()) -> Verdict:
    return cls(NOT_TESTABLE_HERE, figure, reason, NO_EVIDENCE, tuple(sources))


def not_testable(cls: type, reason: str, figure: str = "无公开数据",
                 sources: tuple[str, ...] | list[str] = ()) -> Verdict:
    return cls(NOT_TESTABLE, figure, reason, NO_EVIDENCE, tuple(sources))


ATTRIBUTES = {"Verdict.not_testable_here": classmethod(not_testable_here),
              "Verdict.not_testable": classmethod(not_testable)}
assert english.LABELS == tuple(LABEL)
