"""The benchmark's time per stage: recorded only when asked, added up per stage."""

import json
import os

from crosscheck import stages
from crosscheck.load import load_dataset


def test_nothing_is_recorded_unless_a_stage_file_is_named(monkeypatch, tmp_path):
    monkeypatch.delenv(stages.STAGES_VARIABLE, raising=False)
    monkeypatch.chdir(tmp_path)
    with stages.stage("read"):
        pass
    assert list(tmp_path.iterdir()) == []


def test_a_stage_entered_twice_adds_up(monkeypatch, tmp_path):
    target = tmp_path / "stages.json"
    monkeypatch.setenv(stages.STAGES_VARIABLE, str(target))
    times = []
    for _ in range(2):
        with stages.stage("analyse"):
            pass
        times.append(json.loads(target.read_text())["analyse"])
    assert 0 <= times[0] <= times[1]
    assert list(json.loads(target.read_text())) == ["analyse"]


def test_loading_records_reading_apart_from_validating(monkeypatch, tmp_path, data_copy):
    target = tmp_path / "stages.json"
    monkeypatch.setenv(stages.STAGES_VARIABLE, str(target))
    load_dataset(data_copy)
    assert sorted(json.loads(target.read_text())) == ["read", "validate"]


def _bench():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "bench" / "run.py"
    spec = importlib.util.spec_from_file_location("bench_run", path)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    return bench


def test_the_benchmarks_memory_counts_the_processes_a_build_starts():
    # A build's kernels are its children: a child holding 300 MB is in the sum.
    import subprocess
    import sys
    import time

    bench = _bench()
    alone = bench.tree_memory(os.getpid())
    child = subprocess.Popen([sys.executable, "-c",
        "import time; block = b\"x\" * (300 * 2**20); print(flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE)  # fmt: skip
    try:
        child.stdout.readline()  # the block is allocated and written
        time.sleep(0.2)
        assert bench.tree_memory(os.getpid()) - alone > 250 * 2**20
    finally:
        child.kill()
        child.wait()
    assert bench.tree_memory(2**22 + 7) == 0  # no such process: nothing, no error


def test_the_benchmark_shows_each_stage_and_the_slowest_chapter():
    bench = _bench()
    times = {"read": 1.04, "validate": 2, "analyse": 3, "chapters": 9, "render": 5,
             "chapter 01_claims": 2.5, "chapter 05_checks": 6.25}  # fmt: skip
    table = bench.stage_table([("1,000 claims", times)]).splitlines()
    assert table[0] == "| case | read | validate | analyse | chapters | render | slowest chapter |"
    assert table[2] == "| 1,000 claims | 1.0 | 2.0 | 3.0 | 9.0 | 5.0 | 05_checks 6.2 s |"
