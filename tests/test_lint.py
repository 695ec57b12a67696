"""ruff check and ruff format keep the code, tests and notebooks clean."""

import subprocess
import sys

from conftest import ROOT


def ruff(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ruff", *arguments], cwd=ROOT, capture_output=True, text=True
    )


def test_ruff_check_finds_nothing():
    result = ruff("check", ".")
    assert result.returncode == 0, result.stdout


def test_ruff_format_would_change_nothing():
    result = ruff("format", "--check", ".")
    assert result.returncode == 0, result.stdout
