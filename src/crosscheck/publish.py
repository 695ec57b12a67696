"""Putting a finished build in place: a failed or half-done build never replaces the
last good one (the house rule "a failed build never replaces the last good report").

A build writes everything into a staging folder beside its output folder; `staged`
gives that folder and removes it afterwards, and `put_in_place` moves the outputs in by
rename, the page a reader opens last.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def staged(out_dir: Path) -> Iterator[Path]:
    """A new, empty folder beside out_dir (same file system, so moves are renames),
    removed on exit whether the build finished or failed. out_dir's parent is made."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-", dir=out_dir.parent))
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def put_in_place(staging: Path, out_dir: Path, names: list[str]) -> list[Path]:
    """Move each of `names` (files or folders, in this order: put the page last) from
    staging into out_dir, replacing what is there. A name the build did not write is
    removed from out_dir, so that no output of an earlier build (a PDF printed before
    Chromium went missing) stands beside the new ones as if it were theirs. Returns the
    paths now in out_dir.

    All or nothing: when a move fails (a file held open elsewhere), the outputs already
    moved are taken out again and the earlier ones put back, then the OSError is raised.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    old = staging / ".old"
    old.mkdir(exist_ok=True)
    set_aside, placed = [], []
    try:
        for name in names:
            target = out_dir / name
            if target.exists():
                # A folder cannot be renamed over a folder that has files: set it aside.
                os.replace(target, old / name)
                set_aside.append(name)
            if (staging / name).exists():
                os.replace(staging / name, target)
                placed.append(name)
    except OSError:
        for name in placed:
            target = out_dir / name
            if target.is_dir():
                shutil.rmtree(target)
            else:
                target.unlink(missing_ok=True)
        for name in set_aside:
            os.replace(old / name, out_dir / name)
        raise
    return [out_dir / name for name in placed]
