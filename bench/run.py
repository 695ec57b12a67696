"""The benchmark: the report build beside the toolchain's floor, on the shipped data and
on synthetic datasets of growing size. Prints one table and writes bench/results.md.

    python bench/run.py                 # floor, shipped data, 10k, 100k, 1M claims
    python bench/run.py --sizes 10000   # a quicker run

Each case runs as its own process; its peak memory is the most that the process and
every process under it (the notebook kernels) held together, sampled twice a second
(beside the wait, which alone times the build; a peak shorter than half a second can
be missed) as proportional set size (PSS: a page shared by two kernels, such as the memory-mapped
view, counts half to each, so the sum is what the machine gave the build).
A second table gives each report's time per stage (read, validate, analyse, chapters,
render; crosscheck.stages) and its slowest chapter, so that a regression shows where
it lands.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from generate import generate  # noqa: E402

FLOOR_SCRIPT = """
import sys
from pathlib import Path
import nbformat, papermill
from nbconvert import HTMLExporter
folder = Path(sys.argv[1]); count = int(sys.argv[2])
executed = []
for number in range(count):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    nb.cells = [nbformat.v4.new_code_cell(
        "import pandas as pd\\nimport matplotlib\\nmatplotlib.use('Agg')\\n"
        "import matplotlib.pyplot as plt\\n%matplotlib inline\\n"
        "pd.Series(range(10)).plot()\\nplt.show()")]
    source = folder / f"{number:02d}.ipynb"
    nbformat.write(nb, source)
    executed.append(papermill.execute_notebook(str(source), str(folder / f"out{number}.ipynb"),
                    kernel_name="python3", progress_bar=False))
merged = nbformat.v4.new_notebook(cells=[c for nb in executed for c in nb.cells])
body, _ = HTMLExporter(exclude_input=True).from_notebook_node(merged)
(folder / "floor.html").write_text(body)
"""


STAGES = ("read", "validate", "analyse", "chapters", "render")


SAMPLE_SECONDS = 0.5


def measure(command: list[str], stages: Path | None = None) -> tuple[float, float]:
    """Wall seconds and peak memory (MB) of one command with every process under it,
    summed (tree_memory); with `stages`, the build writes its time per stage there
    (crosscheck.stages). Raises SystemExit with the command's stderr when it fails."""
    environment = dict(os.environ)
    if stages is not None:
        environment["CROSSCHECK_STAGE_TIMES"] = str(stages)
    start = time.perf_counter()
    # stderr to a file: a pipe nobody reads would stop a chatty build once it is full.
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors,
                                   env=environment)  # fmt: skip
        # Memory is sampled beside the wait, so the wall time ends when the build does.
        peaks, done = [0], threading.Event()

        def sample() -> None:
            while not done.wait(SAMPLE_SECONDS):
                peaks.append(max(peaks[-1], tree_memory(process.pid)))

        sampler = threading.Thread(target=sample, daemon=True)
        peaks.append(tree_memory(process.pid))
        sampler.start()
        process.wait()
        elapsed = time.perf_counter() - start
        done.set()
        sampler.join()
        peak = max(peaks)
        if process.returncode != 0:
            errors.seek(0)
            raise SystemExit(f"failed: {' '.join(command)}\n{errors.read().decode()}")
    return elapsed, peak / 1024**2


def tree_memory(pid: int) -> int:
    """Bytes held by a process and all its descendants, as the sum of their PSS
    (Linux's proportional set size, /proc/PID/smaps_rollup). A process that ends while
    it is read counts nothing."""
    try:
        root = psutil.Process(pid)
        processes = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for process in processes:
        with contextlib.suppress(psutil.Error):
            total += process.memory_full_info().pss
    return total


def chapters() -> int:
    return len(list((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")))


def machine() -> str:
    memory = Path("/proc/meminfo").read_text().split("\n")[0].split()[1]
    model = next((line.split(":", 1)[1].strip() for line in
                  Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.machine())  # fmt: skip
    system = f"{platform.system()} {platform.release()}"
    return (f"{os.cpu_count()} cores ({model}), {int(memory) / 1024 / 1024:.0f} GiB, "
            f"Python {platform.python_version()}, {system}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--results", type=Path, default=ROOT / "bench" / "results-latest.md")
    arguments = parser.parse_args()
    crosscheck = str(Path(sys.executable).with_name("crosscheck"))
    rows, stage_rows = [], []
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        floor_dir = scratch / "floor"
        floor_dir.mkdir()
        seconds, memory = measure(
            [sys.executable, "-c", FLOOR_SCRIPT, str(floor_dir), str(chapters())]
        )
        floor = seconds
        rows.append(("floor: papermill + nbconvert", "", seconds, memory,
                     (floor_dir / "floor.html").stat().st_size))  # fmt: skip

        cases = [("crosscheck report, shipped data", ROOT / "data", None)]
        for size in arguments.sizes:
            cases.append((f"crosscheck report, {size:,} claims", None, size))
        for label, data, size in cases:
            if data is None:
                data = generate(size, scratch / f"data-{size}")
            out = scratch / f"out-{label.split()[-2]}"
            times = scratch / f"stages-{label.split()[-2]}.json"
            seconds, memory = measure(
                [crosscheck, "report", "--data", str(data), "--out", str(out), "--quiet"], times
            )
            rows.append((label, size or "", seconds, memory, (out / "index.html").stat().st_size))
            stage_rows.append((label, json.loads(times.read_text())))

    lines = [
        f"Machine: {machine()}",
        "",
        "| case | claims | wall s | × floor | peak MB, all processes | HTML MB |",
        "|---|---|---|---|---|---|",
    ]
    for label, size, seconds, memory, html in rows:
        lines.append(
            f"| {label} | {size:,} | {seconds:.1f} | {seconds / floor:.2f} | {memory:.0f} "
            f"| {html / 1e6:.2f} |" if size else
            f"| {label} | | {seconds:.1f} | {seconds / floor:.2f} | {memory:.0f} "
            f"| {html / 1e6:.2f} |"
        )  # fmt: skip
    lines += ["", stage_table(stage_rows)]
    table = "\n".join(lines)
    print(table)
    arguments.results.write_text(table + "\n")
    print(f"\n(written to {arguments.results})")


def stage_table(stage_rows: list[tuple[str, dict[str, float]]]) -> str:
    """Seconds per stage of each report, and its slowest chapter (chapters run side by
    side, so the chapters' stage is less than the sum of their times)."""
    lines = [
        "| case | " + " | ".join(STAGES) + " | slowest chapter |",
        "|---|" + "---|" * (len(STAGES) + 1),
    ]
    for label, times in stage_rows:
        chapters = {name.split(" ", 1)[1]: value for name, value in times.items()
                    if name.startswith("chapter ")}  # fmt: skip
        slowest = max(chapters, key=chapters.get) if chapters else ""
        cells = [f"{times.get(stage, 0):.1f}" for stage in STAGES]
        lines.append(f"| {label} | {' | '.join(cells)} | {slowest} "
                     f"{chapters.get(slowest, 0):.1f} s |")  # fmt: skip
    return "\n".join(lines)


if __name__ == "__main__":
    main()
