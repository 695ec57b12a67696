"""Builds that go wrong: a dying kernel, an interrupted build. The last good report stays,
no staging folder is left behind, and the next build succeeds."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crosscheck.report import BuildError, BuildOptions, build

from conftest import DATA, chapter


def snapshot(out: Path) -> dict:
    return {
        p.relative_to(out): p.read_bytes()
        for p in out.rglob("*")
        if p.is_file() and "failed" not in p.parts
    }


@pytest.fixture
def last_good(built_report, tmp_path) -> Path:
    out = tmp_path / "reports"
    shutil.copytree(built_report, out)
    return out


def test_a_kernel_that_dies_is_named_and_the_last_good_report_stays(last_good, tmp_path):
    before = snapshot(last_good)
    dying = chapter(tmp_path / "dying", "dying", "import os\nos._exit(3)")
    with pytest.raises(BuildError, match="01_dying.ipynb"):
        build(BuildOptions(data_dir=DATA, out_dir=last_good, notebooks=[dying], progress=False))
    assert snapshot(last_good) == before
    assert not list(last_good.glob(".building-*"))

    fine = chapter(tmp_path / "fine", "fine", "print('fine')")
    build(BuildOptions(data_dir=DATA, out_dir=last_good, notebooks=[fine], progress=False))
    assert "# fine" not in (last_good / "index.html").read_text()  # rendered, not raw
    assert ">fine<" in (last_good / "index.html").read_text()
    assert not (last_good / "failed").exists()


def interrupted(out: Path, chapters: Path, when) -> tuple[int, str]:
    """Run `crosscheck report` on the chapters into out, send Ctrl-C (SIGINT) as soon as
    when() is true, and return its exit code and what it printed."""
    process = subprocess.Popen(
        [sys.executable, "-m", "crosscheck.cli", "report", "--data", str(DATA),
         "--out", str(out), "--notebooks", str(chapters)],
        stderr=subprocess.PIPE, text=True,
        # As in a terminal, Ctrl-C stops the build even when these tests run in the
        # background of a shell, which starts them with SIGINT ignored (POSIX: an
        # asynchronous list inherits SIG_IGN for SIGINT), and Python keeps it so.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )  # fmt: skip
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not when():
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    try:
        _, rest = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
    return process.returncode, rest


def test_an_interrupted_build_leaves_the_last_good_report_and_no_staging(last_good, tmp_path):
    before = snapshot(last_good)
    running = tmp_path / "running"
    cell = f"import pathlib, time\npathlib.Path({str(running)!r}).touch()\ntime.sleep(60)"
    slow = chapter(tmp_path / "slow", "slow", cell)
    # Interrupted while the kernel runs the slow cell.
    code, rest = interrupted(last_good, slow.parent, running.exists)
    assert code == 130
    assert "interrupted" in rest and "unchanged" in rest
    assert snapshot(last_good) == before
    assert not list(last_good.glob(".building-*"))


def test_source_date_epoch_fixes_the_build_time(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1729641600")  # 2024-10-23 00:00 UTC
    fine = chapter(tmp_path / "fine", "fine", "print('fine')")
    build(BuildOptions(data_dir=DATA, out_dir=tmp_path / "a", notebooks=[fine], progress=False))
    build(BuildOptions(data_dir=DATA, out_dir=tmp_path / "b", notebooks=[fine], progress=False))
    first = (tmp_path / "a" / "index.html").read_bytes()
    assert first == (tmp_path / "b" / "index.html").read_bytes()
    assert b"2024-10-23 00:00 UTC" in first


@pytest.mark.skipif(os.name != "posix", reason="signals")
def test_no_kernel_outlives_a_failed_build(tmp_path):
    marker = tmp_path / "kernel-pid"
    leaking = chapter(
        tmp_path / "leak",
        "leak",
        f"import os\nopen({str(marker)!r}, 'w').write(str(os.getpid()))",
        "raise RuntimeError('stop')",
    )
    with pytest.raises(BuildError):
        build(BuildOptions(data_dir=DATA, out_dir=tmp_path / "out", notebooks=[leaking],
                           progress=False))  # fmt: skip
    pid = int(marker.read_text())
    time.sleep(1)
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_a_build_with_relative_paths_lands_where_asked_and_keeps_the_working_folder(
    tmp_path, monkeypatch
):
    """Chapters run in threads side by side; none may move the process's working folder."""
    shutil.copytree(DATA, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    fine = [chapter(tmp_path / "fine", f"fine{n}", "print('fine')") for n in range(3)]
    for number, path in enumerate(fine):
        path.rename(path.with_name(f"0{number + 1}_fine{number}.ipynb"))
    chapters = sorted((tmp_path / "fine").glob("*.ipynb"))
    build(BuildOptions(data_dir=Path("data"), out_dir=Path("reports"), notebooks=chapters,
                       progress=False, jobs=2))  # fmt: skip
    assert Path.cwd() == tmp_path
    assert (tmp_path / "reports" / "index.html").exists()
    assert not list((tmp_path / "reports").glob(".building-*"))
    assert "data folder</th><td>data<" in (tmp_path / "reports" / "index.html").read_text()


def test_a_build_stopped_while_its_kernel_starts_runs_no_chapter_to_its_end(last_good, tmp_path):
    # Ctrl-C may come before the kernel is up: the kernel that starts afterwards must be
    # stopped too, not left to run its chapter to the end.
    before = snapshot(last_good)
    finished = tmp_path / "finished"
    cell = f"import pathlib, time\ntime.sleep(60)\npathlib.Path({str(finished)!r}).touch()"
    slow = chapter(tmp_path / "slow", "slow", cell)
    # papermill writes the notebook it runs before the kernel has started.
    code, rest = interrupted(
        last_good, slow.parent, lambda: bool(list(last_good.glob(".building-*/notebooks/*")))
    )
    assert code == 130 and "interrupted" in rest
    assert not finished.exists()
    assert snapshot(last_good) == before
