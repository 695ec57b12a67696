"""Any dataset valid under the schema loads whole and is analysed: the fast half of the
fuzz run (bench/fuzz.py builds whole reports on the same strategies)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from strategies import datasets, write_dataset

from crosscheck import analysis, findings
from crosscheck.load import load_dataset


# Few examples, no shrinking: each loads and analyses a whole dataset (about a second);
# the fuzz run draws many more and builds reports on them.
@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
@given(datasets(max_claims=30))
def test_a_drawn_dataset_loads_every_figure_and_is_analysed(tables):
    with tempfile.TemporaryDirectory() as folder:
        dataset = load_dataset(write_dataset(tables, Path(folder) / "data"))
        view = analysis.analyse(dataset, analysis.Parameters.parse())
    assert len(dataset.claims) == len(tables["claims"])
    drawn = [int(row["best"]) for row in tables["claims"] if row["best"]]
    assert sorted(dataset.claims["best"].dropna().astype(int)) == sorted(drawn)
    measured = {row["measure"] for row in tables["claims"] if row["measure"]}
    assert set(view.figures["measure"]) == measured
    lines = findings.key_findings(view)
    # A finding is about a measure of the data; without a figure there is none to state.
    assert set(lines["measure_id"]) <= measured
    assert measured or lines.empty
