"""Each chapter runs under Papermill with its defaults and with a second parameter set on other data, and the
second run tells the truth about that data: no name or year that only the default data has leaks into it."""

import re
from pathlib import Path

import pytest
import yaml

from aicloud import book, data, pipeline
from aicloud.glued import glued
from aicloud.standalone import fill_glue

PARAMS = Path(__file__).parent / "params"
CHAPTERS = book.chapters()
NAME_COLUMNS = {"buyer", "vendor", "company", "provider", "organisation", "stack", "hardware", "model"}


def run(ch, overrides, tmp_path):
    resolved = ch.resolve(overrides)
    result = pipeline.execute(ch, resolved, tmp_path / f"{ch.name}.ipynb", use_cache=False)
    assert result.status == "executed", f"{ch.name} failed in cell {result.cell}: {result.error}"
    return result.output


def prose_of(notebook: Path) -> str:
    import nbformat

    nb = nbformat.read(str(notebook), as_version=4)
    values = glued(notebook)
    text = [fill_glue(c.source, values) for c in nb.cells if c.cell_type == "markdown"]
    return "\n".join(text + list(values.values()))


def test_every_chapter_has_a_second_parameter_set():
    missing = [ch.name for ch in CHAPTERS if not (PARAMS / f"{ch.name}.yaml").exists()]
    assert not missing, f"no tests/params/<chapter>.yaml for {missing}"


@pytest.mark.parametrize("ch", CHAPTERS, ids=[c.name for c in CHAPTERS])
def test_chapter_runs_with_defaults_and_records_its_claims(ch, tmp_path):
    out = run(ch, {}, tmp_path)
    values = glued(out)
    claims = data.load("claims")
    own = claims[claims["chapter"] == ch.name]["id"]
    missing = [c for c in own if f"{c}_verdict" not in values]
    assert not missing, f"{ch.name} records no verdict for {missing}"


@pytest.mark.parametrize("ch", CHAPTERS, ids=[c.name for c in CHAPTERS])
def test_chapter_adapts_to_other_data(ch, tmp_path):
    spec = PARAMS / f"{ch.name}.yaml"
    if not spec.exists():
        pytest.fail(f"missing {spec}")
    overrides = yaml.safe_load(spec.read_text(encoding="utf-8"))
    out = run(ch, overrides, tmp_path)
    prose = prose_of(out)
    assert "[missing value" not in prose
    # Names and years found only in the default data must not appear in the rerun's text, unless the article's
    # own claims name them (a verdict on a claim about Tencent may say Tencent).
    claims_text = " ".join(data.load("claims")["paraphrase"]) + " " + " ".join(data.load("claims")["id"])
    declared = ch.declared
    sources = {"sources": data.resolve(overrides.get("sources_csv", "data/sources.csv"))}
    default_words: set[str] = set()
    alt_words: set[str] = set()
    for name, path in overrides.items():
        resource = declared[name].resource if name in declared else None
        if not resource or resource == "sources":
            continue
        default_frame = data.load(resource)
        alt_frame = data.load(resource, data.resolve(path), overrides=sources)
        columns = [f["name"] for f in data.fields(resource)
                   if f["name"] in NAME_COLUMNS or f.get("type") == "year"]
        for column in columns:
            default_words |= set(default_frame[column].dropna().astype(str))
            alt_words |= set(alt_frame[column].dropna().astype(str))
    leaks = [w for w in default_words - alt_words
             if w not in claims_text and re.search(rf"\b{re.escape(w)}\b", prose)]
    assert not leaks, f"{ch.name} rerun on other data still mentions {sorted(set(leaks))}"


@pytest.mark.parametrize("source", sorted((data.ROOT / "notebooks").glob("*.md")), ids=lambda p: p.stem)
def test_every_styled_table_escapes_html_from_the_data(source):
    # Styler.format() with a formatter turns escaping off for every column unless escape="html" is given.
    text = source.read_text(encoding="utf-8")
    calls = text.count(".style.format(")
    assert text.count('.style.format(escape="html"') == calls
    assert "to_html(escape=False" not in text or "html.escape(" in text


def test_the_ledger_has_every_claim_of_the_article_with_evidence(site):
    from aicloud import claims as claims_mod
    from aicloud.pages import ledger_table

    outputs = {ch.name: data.ROOT / "book" / "chapters" / f"{ch.name}.ipynb" for ch in CHAPTERS}
    table = ledger_table(outputs).set_index("id")
    expected = sorted(data.load("claims")["id"])  # the article's 38, and any a new chapter added
    assert {f"C{i:02d}" for i in range(1, 39)} <= set(expected)
    assert sorted(table.index) == expected
    for cid in expected:
        row = table.loc[cid]
        assert row["verdict"] in claims_mod.VERDICTS, f"{cid} has no verdict"
        assert row["figure"] and row["reason"], f"{cid} has no deciding figure or reason"
        if row["verdict"] != claims_mod.NOT_TESTABLE:
            assert row["sources"], f"{cid} is judged from data but cites no source"
