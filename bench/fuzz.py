"""Build the report on random valid datasets and random subsets of the shipped data.

Every valid input must build, or be refused with a message naming the input; a chapter
that fails or a traceback is a finding. The seed is printed first and last, so a run
replays exactly; the inputs of every finding are kept under build/fuzz/ to rebuild by
hand. Outside `make test` (a run builds about 60 reports); `make fuzz SEED=1`.

    python bench/fuzz.py --seed 1 --datasets 30 --subsets 30
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import seed as hypothesis_seed

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from strategies import datasets, write_dataset  # noqa: E402

from crosscheck.load import load_dataset  # noqa: E402
from crosscheck.problems import DataError  # noqa: E402
from crosscheck.report import BuildError, BuildOptions, build  # noqa: E402

KEPT = ROOT / "build" / "fuzz"


@dataclass
class Outcome:
    name: str
    what: str  # built, refused (a clear message) or failed (a finding)
    message: str = ""
    seconds: float = 0.0


def build_one(name: str, data_dir: Path, **options) -> Outcome:
    """Build one report into a temporary folder; classify how it ended."""
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as out:
        try:
            build(BuildOptions(data_dir=data_dir, out_dir=Path(out), progress=False, **options))
            what, message = "built", ""
        except DataError as error:
            # Generated data is valid by construction: a refusal is a finding too, but a
            # readable one.
            what, message = "failed", error.report(limit=5)
        except BuildError as error:
            # A chapter that failed is a bug of the chapter; any other refusal names the
            # input (an unknown article, a cut-off before the data).
            failed_chapter = "failed in cell" in str(error) or "could not be run" in str(error)
            what, message = ("failed" if failed_chapter else "refused"), str(error)
        except Exception:  # noqa: BLE001 - a traceback is what this run looks for
            what, message = "failed", traceback.format_exc()
    return Outcome(name, what, message, time.monotonic() - started)


def keep(folder: Path, name: str, seed: int) -> Path:
    target = KEPT / f"seed-{seed}" / name
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(folder, target)
    return target


def random_datasets(count: int, seed: int, work: Path) -> list[Outcome]:
    outcomes: list[Outcome] = []

    @hypothesis_seed(seed)
    @settings(
        max_examples=count, phases=[Phase.generate], database=None, deadline=None,
        suppress_health_check=list(HealthCheck),
    )  # fmt: skip
    @given(datasets())
    def one(tables):
        name = f"dataset-{len(outcomes) + 1:02d}"
        folder = write_dataset(tables, work / name / "data")
        outcome = build_one(name, folder)
        if outcome.what == "failed":
            outcome.message += f"\n  input kept in {keep(folder, name, seed)}"
        outcomes.append(outcome)
        report(outcome, len(outcomes), count)

    one()
    return outcomes


def random_subsets(count: int, seed: int) -> list[Outcome]:
    """Cut-offs, article selections and analysis choices drawn from the shipped data."""
    chooser = random.Random(seed)
    data = load_dataset(ROOT / "data")
    days = sorted(data.articles["published_on"].dt.date.unique())
    first, last = days[0].toordinal() - 20, days[-1].toordinal()
    article_ids = sorted(data.articles["article_id"])
    outcomes = []
    for number in range(1, count + 1):
        options: dict = {}
        kind = chooser.choice(["as_of", "articles", "both", "choices"])
        if kind in ("as_of", "both"):
            day = chooser.randint(first, last)
            options["as_of"] = type(days[0]).fromordinal(day).isoformat()
        if kind in ("articles", "both"):
            options["articles"] = chooser.sample(article_ids, chooser.randint(1, 5))
        if kind == "choices":
            options["parameters"] = {
                "window_days": chooser.choice([1, 3, 7, 30, 400]),
                "approximate_margin": chooser.choice([0.0, 0.1, 0.5]),
            }
        name = f"subset-{number:02d} " + " ".join(f"{k}={v}" for k, v in options.items())
        outcome = build_one(name, ROOT / "data", **options)
        outcomes.append(outcome)
        report(outcome, number, count)
    return outcomes


def report(outcome: Outcome, number: int, count: int) -> None:
    print(f"  [{number}/{count}] {outcome.what:8} {outcome.seconds:5.1f} s  {outcome.name}",
          flush=True)  # fmt: skip
    if outcome.what != "built":
        print("      " + outcome.message.strip().replace("\n", "\n      "), flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=None, help="replay a run (default: random)")
    parser.add_argument("--datasets", type=int, default=30, help="random valid datasets (30)")
    parser.add_argument("--subsets", type=int, default=30, help="random subsets (30)")
    arguments = parser.parse_args(argv)
    seed = arguments.seed if arguments.seed is not None else random.randrange(10**6)
    print(f"fuzz seed {seed} (replay: make fuzz SEED={seed})", flush=True)
    with tempfile.TemporaryDirectory() as work:
        print(f"{arguments.datasets} random valid datasets:", flush=True)
        outcomes = random_datasets(arguments.datasets, seed, Path(work))
        print(f"{arguments.subsets} random subsets of the shipped data:", flush=True)
        outcomes += random_subsets(arguments.subsets, seed)
    failed = [outcome for outcome in outcomes if outcome.what == "failed"]
    counts = {what: sum(o.what == what for o in outcomes) for what in ("built", "refused")}
    print(
        f"fuzz seed {seed}: {counts['built']} built, {counts['refused']} refused with a "
        f"message, {len(failed)} failed, of {len(outcomes)}"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
