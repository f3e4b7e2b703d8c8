"""The claims ledger shows the verdict scale (issue 13, section 2): the written criteria of each verdict and each
evidence grade, every claim's evidence grade and robustness, and whether one verdict holds most claims.

"No grade may hold more than half of the claims unless the criteria, applied as written, put them there": that
judgement cannot be made by a test. The last test fails when a verdict holds more than half of the claims and
lists them; each such claim then needs a written justification in `tests/verdict_scale_justifications.yaml`
(claim id: why the criteria, applied as written, give that verdict), which the lead writes and a reviewer reads.
"""

import json
from pathlib import Path

import yaml

from aicloud import data, pages
from aicloud.verdicts import CRITERIA, EVIDENCE_CRITERIA, LABELS, PARTLY, SUPPORTED

JUSTIFICATIONS = Path(__file__).parent / "verdict_scale_justifications.yaml"


def executed_notebook(path: Path, glued: dict[str, str]) -> Path:
    """A minimal executed notebook holding `glued` values as myst-nb glues them."""
    outputs = [{"output_type": "display_data", "metadata": {"scrapbook": {"name": k, "mime_prefix": ""}},
                "data": {"text/plain": repr(v)}} for k, v in glued.items()]
    nb = {"cells": [{"cell_type": "code", "source": "", "metadata": {}, "outputs": outputs,
                     "execution_count": 1}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    path.write_text(json.dumps(nb), encoding="utf-8")
    return path


def verdicts(ids, label, evidence="direct", robustness=None):
    out = {}
    for cid in ids:
        out |= {f"{cid}_verdict": label, f"{cid}_figure": "1 of 2", f"{cid}_reason": "Because.",
                f"{cid}_sources": "article", f"{cid}_evidence": evidence}
        if robustness:
            out[f"{cid}_robustness"] = robustness
    return out


def test_the_ledger_shows_criteria_evidence_and_robustness(tmp_path):
    glued = verdicts(["C03"], SUPPORTED, "proxy", "supported over the whole range of x 1 to 2")
    glued |= {"C04_verdict": PARTLY, "C04_figure": "2", "C04_reason": "Old-style record.", "C04_sources": ""}
    page, table = pages.claims_ledger({"gpu_allocation": executed_notebook(tmp_path / "a.ipynb", glued)})
    rows = table.set_index("id")
    assert rows.loc["C03", "evidence"] == "proxy"
    assert rows.loc["C03", "robustness"].startswith("supported over the whole range")
    assert rows.loc["C04", "evidence"] == pages.NOT_GRADED and rows.loc["C04", "robustness"] == pages.NOT_SWEPT
    assert rows.loc["C05", "verdict"] == pages.PENDING and rows.loc["C05", "evidence"] == ""
    for text in [*CRITERIA.values(), *EVIDENCE_CRITERIA.values()]:
        assert text.replace("'", "&#x27;") in page
    assert 'id="ledger-evidence"' in page and 'data-evidence="proxy"' in page
    assert 'id="ledger-verdict"' in page and 'id="ledger-phase"' in page and "<details>" in page
    assert pages.SCALE_BALANCED in page
    assert pages.NOT_GRADED_CRITERION in page
    # Sphinx gives the page's section the id "claims-ledger" (from its title): the table must not reuse it.
    assert f'id="{pages.LEDGER_TABLE_ID}"' in page and 'id="claims-ledger"' not in page


def test_a_verdict_holding_more_than_half_of_the_claims_is_named(tmp_path):
    ids = sorted(data.load("claims")["id"])
    half = len(ids) // 2 + 1
    glued = verdicts(ids[:half], PARTLY) | verdicts(ids[half:], SUPPORTED)
    page, table = pages.claims_ledger({"x": executed_notebook(tmp_path / "b.ipynb", glued)})
    assert pages.dominant_labels(table) == {PARTLY: ids[:half]}
    assert f"holds {half} of {len(ids)} claims, more than half" in page
    exactly_half = verdicts(ids[:len(ids) // 2], PARTLY) | verdicts(ids[len(ids) // 2:], SUPPORTED)
    _, table = pages.claims_ledger({"x": executed_notebook(tmp_path / "c.ipynb", exactly_half)})
    assert pages.dominant_labels(table) == {}
    assert set(pages.scale_distribution(table)) == set(LABELS)


def test_the_justifications_file_names_only_claims_with_a_reason():
    entries = yaml.safe_load(JUSTIFICATIONS.read_text(encoding="utf-8")) or {}
    known = set(data.load("claims")["id"])
    assert isinstance(entries, dict)
    for cid, why in entries.items():
        assert cid in known, f"{cid} is not a claim"
        assert isinstance(why, str) and len(why.split()) >= 8, f"{cid}: write why the criteria give this verdict"


def test_no_verdict_holds_more_than_half_of_the_claims_without_a_written_justification():
    from aicloud import cli, pipeline

    outputs = {ch.name: data.ROOT / "book" / "chapters" / f"{ch.name}.ipynb" for ch in pipeline.chapters()}
    if not any(path.exists() for path in outputs.values()):  # `make test` builds first; a lone run builds here
        cli.main(["build"])
    assert any(path.exists() for path in outputs.values()), "no executed chapter: the verdicts cannot be read"
    table = pages.ledger_table(outputs)
    justified = yaml.safe_load(JUSTIFICATIONS.read_text(encoding="utf-8")) or {}
    unjustified = {label: [c for c in ids if c not in justified]
                   for label, ids in pages.dominant_labels(table).items()}
    unjustified = {label: ids for label, ids in unjustified.items() if ids}
    assert not unjustified, "; ".join(
        f"'{label}' holds {len(table[table['verdict'] == label])} of {len(table)} claims; justify each in "
        f"{JUSTIFICATIONS.name} or revisit: {', '.join(ids)}" for label, ids in unjustified.items())


def test_a_chapter_result_glues_each_verdicts_robustness_for_the_ledger(monkeypatch):
    import myst_nb

    from aicloud.analysis import ChapterResult
    from aicloud.robustness import Robustness
    from aicloud.verdicts import Verdict

    glued = {}
    monkeypatch.setattr(myst_nb, "glue", lambda name, value, display=True: glued.__setitem__(name, value))
    result = ChapterResult(verdicts={"C03": Verdict(SUPPORTED, "1 of 2", "Because."),
                                     "C04": Verdict(PARTLY, "2", "Because.")})
    result.glue({"C03": Robustness("C03", SUPPORTED, ())})
    assert glued["C03_robustness"] == Robustness("C03", SUPPORTED, ()).summary()
    assert glued["C03_evidence"] == "proxy" and "C04_robustness" not in glued
