"""Putting a finished build in place (crosscheck.publish): all of it, or none of it."""

from __future__ import annotations

import os

import pytest

from crosscheck import publish


def _outputs(folder, text: str) -> None:
    (folder / "data").mkdir(parents=True)
    (folder / "data" / "table.csv").write_text(f"{text} table", encoding="utf-8")
    (folder / "page.html").write_text(f"{text} page", encoding="utf-8")


def _read(folder) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_the_new_outputs_replace_the_old_and_a_name_not_written_goes(tmp_path):
    out = tmp_path / "out"
    _outputs(out, "old")
    (out / "handout.pdf").write_text("old pdf", encoding="utf-8")
    (out / "notes.txt").write_text("the user's own file", encoding="utf-8")
    with publish.staged(out) as staging:
        _outputs(staging, "new")
        placed = publish.put_in_place(staging, out, ["data", "handout.pdf", "page.html"])
    assert [path.name for path in placed] == ["data", "page.html"]
    assert _read(out) == {
        "data/table.csv": "new table",
        "notes.txt": "the user's own file",  # not a name of the build: left alone
        "page.html": "new page",
    }
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out"]  # no staging left


def test_a_move_that_fails_puts_the_earlier_outputs_back(tmp_path, monkeypatch):
    out = tmp_path / "out"
    _outputs(out, "old")
    before = _read(out)
    real_replace, calls = os.replace, []

    def failing_replace(source, target):
        calls.append(target)
        if len(calls) == 4:  # data moved, the old page set aside; the new page fails
            raise PermissionError("page.html is open in another program")
        return real_replace(source, target)

    with (
        pytest.raises(PermissionError, match="open in another program"),
        publish.staged(out) as staging,
    ):
        _outputs(staging, "new")
        monkeypatch.setattr(publish.os, "replace", failing_replace)
        publish.put_in_place(staging, out, ["data", "page.html"])
    monkeypatch.undo()
    assert _read(out) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out"]
