"""What a build and an exercise print: a bar of chapters, the messages of crosscheck,
and no third-party chatter (issue 14, item 6)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from crosscheck.report import BuildError, BuildOptions, build

from conftest import DATA, ROOT, chapter, read_rows, set_cell

KERNEL_CONFIG = ROOT / "scripts" / "ipython_kernel_config.py"
INSTALLED_CONFIG = Path(sys.prefix) / "etc" / "ipython" / "ipython_kernel_config.py"
NOISE = ("Kernel is running over TCP", "KeyboardInterrupt", "WARNING", "deprecated", "Kernel died")


def run_report(*arguments: str, data: Path = DATA) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "crosscheck.cli", "report", "--data", str(data), *arguments],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip


def test_a_build_shows_one_bar_of_its_chapters_and_nothing_else(tmp_path):
    folder = tmp_path / "chapters"
    chapter(folder, "first", "print('first')")
    (folder / "01_first.ipynb").rename(folder / "02_second.ipynb")
    chapter(folder, "first", "print('first')")
    done = run_report("--out", str(tmp_path / "out"), "--notebooks", str(folder), "--jobs", "1")
    assert done.returncode == 0, done.stderr
    # tqdm redraws the bar in place: the last state is what the terminal shows.
    last = done.stderr.replace("\r", "\n").strip().splitlines()[-1]
    assert last.startswith("chapters: 2/2") and "02_second.ipynb done" in last
    for noise in NOISE:
        assert noise not in done.stderr


def test_quiet_prints_nothing_on_success(tmp_path):
    folder = tmp_path / "chapters"
    chapter(folder, "only", "print('only')")
    done = run_report("--out", str(tmp_path / "out"), "--notebooks", str(folder), "--quiet")
    assert done.returncode == 0 and done.stderr == ""


def test_a_failed_first_build_does_not_speak_of_a_previous_report(tmp_path):
    failing = chapter(tmp_path / "chapters", "failing", "1 / 0")
    with pytest.raises(BuildError) as raised:
        build(BuildOptions(data_dir=DATA, out_dir=tmp_path / "out", notebooks=[failing],
                           progress=False))  # fmt: skip
    assert "ZeroDivisionError" in str(raised.value)
    assert "previous report" not in str(raised.value)


def test_a_failed_build_over_a_report_says_it_is_unchanged(tmp_path):
    out = tmp_path / "out"
    fine = chapter(tmp_path / "fine", "fine", "print('fine')")
    build(BuildOptions(data_dir=DATA, out_dir=out, notebooks=[fine], progress=False))
    failing = chapter(tmp_path / "failing", "failing", "1 / 0")
    with pytest.raises(BuildError, match=f"The previous report in {out} is unchanged"):
        build(BuildOptions(data_dir=DATA, out_dir=out, notebooks=[failing], progress=False))


def test_the_kernels_of_the_environment_read_the_projects_kernel_config():
    assert INSTALLED_CONFIG.exists(), "run `make setup`: it installs the kernel config"
    assert INSTALLED_CONFIG.read_text() == KERNEL_CONFIG.read_text(), "run `make setup` again"


def test_the_exercise_run_by_papermill_prints_no_kernel_chatter(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "papermill", "--no-progress-bar",
         str(ROOT / "notebooks" / "exercises" / "your_estimate.ipynb"), str(tmp_path / "ana.ipynb"),
         "-p", "student", "ana", "-p", "as_of", "2024-10-23",
         "-p", "data_dir", str(DATA), "-p", "answers_dir", str(tmp_path / "answers")],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "answers" / "ana.csv").exists()
    for noise in NOISE:
        assert noise not in done.stderr


def test_a_build_says_how_it_read_a_cell_it_accepted_but_not_as_written(data_copy, tmp_path):
    claims = data_copy / "claims.csv"
    row = next(i for i, r in enumerate(read_rows(claims)) if r["best"] == "12000")
    line = set_cell(claims, row, "best", "１２０００")  # full-width digits, as typed in Korea
    folder = tmp_path / "chapters"
    chapter(folder, "only", "print('only')")
    done = run_report("--out", str(tmp_path / "out"), "--notebooks", str(folder), data=data_copy)
    assert done.returncode == 0, done.stderr
    [note] = [text for text in done.stderr.splitlines() if f"claims.csv:{line}" in text]
    assert "'best'" in note and "１２０００" in note and "12000" in note
