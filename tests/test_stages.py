"""The benchmark's time per stage: recorded only when asked, added up per stage."""

import json

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


def test_the_benchmark_shows_each_stage_and_the_slowest_chapter():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "bench" / "run.py"
    spec = importlib.util.spec_from_file_location("bench_run", path)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    times = {"read": 1.04, "validate": 2, "analyse": 3, "chapters": 9, "render": 5,
             "chapter 01_claims": 2.5, "chapter 05_checks": 6.25}  # fmt: skip
    table = bench.stage_table([("1,000 claims", times)]).splitlines()
    assert table[0] == "| case | read | validate | analyse | chapters | render | slowest chapter |"
    assert table[2] == "| 1,000 claims | 1.0 | 2.0 | 3.0 | 9.0 | 5.0 | 05_checks 6.2 s |"
