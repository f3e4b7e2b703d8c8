"""The caches keep their most recently used entries and drop the rest (`aicloud.layout.prune_caches`)."""

from __future__ import annotations

import os
import time

from aicloud import layout


def _entries(folder, names, start):
    folder.mkdir(parents=True, exist_ok=True)
    for i, name in enumerate(names):
        path = folder / name
        path.write_text("x")
        os.utime(path, (start + i, start + i))  # later names are more recent


def test_prune_keeps_the_most_recent_chapters_and_recent_charts(tmp_path, monkeypatch):
    monkeypatch.setattr(layout, "CACHE", tmp_path)
    monkeypatch.setattr(layout, "CHAPTER_CACHE", tmp_path / "chapters")
    monkeypatch.setattr(layout, "CHAPTER_CACHE_KEEP", 3)
    monkeypatch.setattr(layout, "CHART_CACHE_FILES", 4)
    now = time.time()
    _entries(tmp_path / "chapters" / "gpu", [f"{i}.ipynb" for i in range(5)], now - 100)
    _entries(tmp_path / "chapters" / "maas", ["a.ipynb"], now - 100)
    _entries(tmp_path / "charts", ["old.svg"], now - 40 * 86400)
    _entries(tmp_path / "charts", [f"c{i}.svg" for i in range(5)], now - 100)

    removed = layout.prune_caches(now)

    assert sorted(p.name for p in (tmp_path / "chapters" / "gpu").iterdir()) == ["2.ipynb", "3.ipynb", "4.ipynb"]
    assert [p.name for p in (tmp_path / "chapters" / "maas").iterdir()] == ["a.ipynb"]
    assert sorted(p.name for p in (tmp_path / "charts").iterdir()) == ["c1.svg", "c2.svg", "c3.svg", "c4.svg"]
    assert len(removed) == 2 + 2  # two chapters, the 30-day-old chart and the least recent beyond the cap


def test_a_hit_refreshes_an_entry_so_pruning_keeps_it(tmp_path, monkeypatch):
    monkeypatch.setattr(layout, "CACHE", tmp_path)
    monkeypatch.setattr(layout, "CHAPTER_CACHE", tmp_path / "chapters")
    monkeypatch.setattr(layout, "CHAPTER_CACHE_KEEP", 1)
    _entries(tmp_path / "chapters" / "gpu", ["old.ipynb", "new.ipynb"], time.time() - 100)
    layout.touch(tmp_path / "chapters" / "gpu" / "old.ipynb")
    layout.prune_caches()
    assert [p.name for p in (tmp_path / "chapters" / "gpu").iterdir()] == ["old.ipynb"]
