"""Wall time of each stage of a build, for the benchmark.

A build's stages are read, validate, analyse, chapters and render; within them,
handoff (writing the view for the chapters, part of analyse) and one entry per
chapter notebook. Nothing is recorded unless the environment
variable CROSSCHECK_STAGE_TIMES names a JSON file: `bench/run.py` sets it for each
case and prints the times beside the totals, so that a slower build shows the stage
it slowed down in.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
import time
from pathlib import Path

STAGES_VARIABLE = "CROSSCHECK_STAGE_TIMES"
_lock = threading.Lock()


@contextlib.contextmanager
def stage(name: str):
    """Add the wall seconds spent inside the block to `name` in the stage file (if any).

    The file holds one JSON object, stage name -> seconds (float); a stage entered
    twice (two loads of a cut-down build) adds up. Chapters run in threads, hence the
    lock. Raises nothing of its own: a stage file that cannot be written is an OSError
    of the benchmark, not of the build, and is left to surface there.
    """
    target = os.environ.get(STAGES_VARIABLE)
    start = time.perf_counter()
    try:
        yield
    finally:
        if target:
            _add(Path(target), name, time.perf_counter() - start)


def _add(path: Path, name: str, seconds: float) -> None:
    with _lock:
        times = json.loads(path.read_text()) if path.exists() and path.stat().st_size else {}
        times[name] = times.get(name, 0.0) + seconds
        path.write_text(json.dumps(times, indent=1))
