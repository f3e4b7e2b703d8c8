"""Chinese counterpart of `aicloud.classroom`: the words of the site's exercise sheets and answer key. The course
pack (`python -m aicloud pack`) is in English only."""

from __future__ import annotations

NOT_SHOWN = {"QUOTED_CELL": "a code comment of the course pack's notebooks (English only)",
             "student_config": "configuration comments, not shown"}


def sheet_title(chapter_title: str) -> str:
    from aicloud.zh.findings import heading

    return f"练习单：{heading(chapter_title)}"


SHEET_NOTE = "只有练习，供打印（每章的练习单从新的一页开始）。其中的数字都来自本报告，由其数据和默认参数算出。"
ANSWER_KEY_TITLE = "答案"
ANSWER_KEY_NOTE = "本报告的全部练习及其答案，供教师使用：本页只在教师版中提供。数字都来自本报告，由其数据和默认参数算出。"
