"""Chinese counterpart of `aicloud.myst_plain`: the headings of exercises and solutions on the site's exercise
sheets and answer key."""

from __future__ import annotations

NOT_SHOWN = {"DIRECTIVE": "a pattern of MyST syntax, not text"}


def exercise_heading(number: int) -> str:
    return f"练习 {number}"


def solution_heading(number: int) -> str:
    return f"练习 {number} 的答案"
