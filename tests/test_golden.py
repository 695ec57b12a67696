"""Golden checksums: the page and every exported CSV, built from the shipped data and
from 10,000 synthetic claims, are what the code before issue 17 (a million claims in a
minute) built. Faster reading, validation and chapters must not change one byte of what
a reader gets.

The checksums are in tests/golden/checksums.json. They were recorded by the code before
that work (the page with code was added later, on 30 Nov); record them again only when a
change to the output is meant (new data, a new column), with `python tests/test_golden.py`,
and say why in the commit.

Because every build of the same inputs must give these bytes, the checksums are also the
suite's test that two builds of the same inputs differ only in their build line.
"""

from __future__ import annotations

import hashlib
import json
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden" / "checksums.json"
SYNTHETIC_CLAIMS, SYNTHETIC_SEED = 10_000, 1


def checksums(report: Path) -> dict[str, str]:
    """SHA-256 of the page (and of the page with code, when built) without its build line
    ('built at', the one field two builds of the same inputs differ in) and of every CSV
    under data/ and of the JSON-LD file of every claim (added 30 Nov, recorded from the
    code before its encoding was sped up: the same bytes), by path. The page with code
    shows the data folder as it was given, an absolute path in the suite: the clone's
    own folder is written as `<clone>`, so that a clone anywhere (CI's among them) gives
    the same sums."""
    sums = {}
    for name in ("index.html", "report-with-code.html"):
        if (report / name).exists():
            page = "\n".join(
                line
                for line in (report / name).read_text(encoding="utf-8").splitlines()
                if "built at" not in line
            ).replace(str(ROOT), "<clone>")
            sums[name] = hashlib.sha256(page.encode("utf-8")).hexdigest()
    for table in sorted([*(report / "data").rglob("*.csv"), *(report / "data").glob("*.jsonld")]):
        sums[table.relative_to(report).as_posix()] = hashlib.sha256(table.read_bytes()).hexdigest()
    return sums


def synthetic_report(folder: Path) -> Path:
    """The report on bench/generate.py's 10,000 claims (seed 1), built into folder."""
    sys.path.insert(0, str(ROOT / "bench"))
    from generate import generate

    from crosscheck.report import BuildOptions, build

    data = generate(SYNTHETIC_CLAIMS, folder / "data", seed=SYNTHETIC_SEED)
    build(BuildOptions(data_dir=data, out_dir=folder / "report", progress=False))
    return folder / "report"


def _golden() -> dict[str, dict[str, str]]:
    return json.loads(GOLDEN.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def synthetic(tmp_path_factory) -> Path:
    return synthetic_report(tmp_path_factory.mktemp("golden"))


def _differences(expected: dict[str, str], got: dict[str, str]) -> list[str]:
    return [
        f"{name}: {'missing' if name not in got else 'new' if name not in expected else 'changed'}"
        for name in sorted(set(expected) | set(got))
        if expected.get(name) != got.get(name)
    ]


def test_the_shipped_datas_page_and_csvs_are_byte_for_byte_the_golden_ones(built_report):
    assert _differences(_golden()["shipped"], checksums(built_report)) == []


def test_ten_thousand_synthetic_claims_give_the_golden_page_and_csvs(synthetic):
    assert _differences(_golden()["synthetic 10k"], checksums(synthetic)) == []


def test_a_changed_csv_is_named_by_the_checksums(built_report, tmp_path):
    # The check can fail: one changed byte in one CSV is named.
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(built_report, copy)
    target = sorted((copy / "data").rglob("*.csv"))[0]
    target.write_bytes(target.read_bytes() + b"\n")
    name = target.relative_to(copy).as_posix()
    assert _differences(_golden()["shipped"], checksums(copy)) == [f"{name}: changed"]


if __name__ == "__main__":
    # Record the golden checksums (see the module's docstring for when).
    from crosscheck.report import BuildOptions, build

    with tempfile.TemporaryDirectory() as tmp:
        shipped = Path(tmp) / "shipped"
        build(BuildOptions(data_dir=ROOT / "data", out_dir=shipped, with_code=True,
                           progress=False))  # fmt: skip
        recorded = {
            "shipped": checksums(shipped),
            "synthetic 10k": checksums(synthetic_report(Path(tmp) / "synthetic")),
        }
    GOLDEN.write_text(json.dumps(recorded, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"recorded {sum(map(len, recorded.values()))} checksums in {GOLDEN}")
