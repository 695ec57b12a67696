"""pyproject.toml (pip), environment.yml (conda) and the hashed locks in requirements/
must install the same things."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

from conftest import ROOT

LOCK = ROOT / "requirements" / "lock.txt"
LAB_LOCK = ROOT / "requirements" / "lock-lab.txt"
BUILD_INPUTS = ROOT / "requirements" / "build.in"
RELOCK = "run `make lock` and commit requirements/"

# One pinned line of a uv or pip-tools lock: `name==version`, an optional
# environment marker after ';', and the '\' that continues into its hashes.
LOCKED_LINE = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>[^\s;\\]+)")


def _name(requirement: str) -> str:
    # PEP 503's normal form, as lock files write names: PyYAML and pyyaml are one.
    name = re.split(r"[=<>!~ ;\[]", requirement, maxsplit=1)[0].strip()
    return re.sub(r"[-_.]+", "-", name).lower()


def _pins(requirements: list[str]) -> dict[str, str]:
    return {_name(r): re.sub(r"^[^=<>!~]+", "", r).replace(" ", "") for r in requirements}


def _project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())


def pyproject_pins(*extras: str) -> dict[str, str]:
    """The direct dependencies and those of `extras` (all extras when none is named)."""
    project = _project()["project"]
    requirements = list(project["dependencies"])
    for extra, extra_requirements in project["optional-dependencies"].items():
        if not extras or extra in extras:
            requirements.extend(extra_requirements)
    return _pins(requirements)


def conda_pins() -> dict[str, str]:
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    requirements = [item for item in environment["dependencies"] if isinstance(item, str)]
    # conda's own single '=' means the same as pip's '=='
    requirements = [re.sub(r"(?<![=<>!])=(?!=)", "==", item) for item in requirements]
    return {name: pin for name, pin in _pins(requirements).items() if name not in {"python", "pip"}}


def locked(lock: Path) -> dict[str, set[str]]:
    """Name -> the versions a lock pins (more than one only where it forks by marker)."""
    versions: dict[str, set[str]] = {}
    for line in lock.read_text().splitlines():
        if match := LOCKED_LINE.match(line):
            versions.setdefault(_name(match["name"]), set()).add(match["version"])
    return versions


def drift(pins: dict[str, str], lock: Path) -> list[str]:
    """Each pin of `pins` that `lock` lacks or locks at another version, said for a person."""
    versions = locked(lock)
    problems = []
    for name, pin in sorted(pins.items()):
        wanted = pin.removeprefix("==")
        if name not in versions:
            problems.append(f"{name}{pin} is not in {lock.name}")
        elif versions[name] != {wanted}:
            problems.append(f"{name}{pin} is locked at {', '.join(sorted(versions[name]))}")
    return problems


def test_environment_yml_pins_exactly_what_pyproject_pins():
    assert conda_pins() == pyproject_pins()


def test_every_dependency_is_pinned_to_one_version():
    assert all(pin.startswith("==") for pin in pyproject_pins().values())


def test_conda_installs_this_package_too():
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip_section = next(
        item["pip"] for item in environment["dependencies"] if isinstance(item, dict)
    )
    assert "-e ." in pip_section


def test_both_ask_for_the_same_python():
    project = _project()["project"]
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert f"python{project['requires-python']}" in environment["dependencies"]


def test_the_lock_pins_each_dependency_and_test_dependency_at_pyprojects_version():
    problems = drift(pyproject_pins("test"), LOCK)
    assert not problems, f"{LOCK.name} is behind pyproject.toml: {RELOCK}\n" + "\n".join(problems)


def test_the_lab_lock_pins_jupyterlab_and_the_rest_at_pyprojects_version():
    problems = drift(pyproject_pins("test", "lab"), LAB_LOCK)
    assert not problems, f"{LAB_LOCK.name} is behind pyproject.toml: {RELOCK}\n" + "\n".join(
        problems
    )


def test_a_lock_behind_pyproject_names_each_pin_it_lacks_or_locks_elsewhere(tmp_path):
    lock = tmp_path / "lock.txt"
    lock.write_text(
        "pandas==3.1.0 \\\n    --hash=sha256:00\n"
        "colorama==0.4.6 ; sys_platform == 'win32' \\\n    --hash=sha256:11\n"
    )
    pins = {"pandas": "==3.1.1", "colorama": "==0.4.6", "pyyaml": "==6.0.3"}
    assert drift(pins, lock) == [
        "pandas==3.1.1 is locked at 3.1.0",
        "pyyaml==6.0.3 is not in lock.txt",
    ]


def test_the_lab_lock_adds_to_the_build_lock_without_moving_a_version():
    # `make lab` installs the lab lock over the build's .venv: a version it moved
    # would make the tests run other code than a build without JupyterLab.
    build, lab = locked(LOCK), locked(LAB_LOCK)
    moved = {name: (versions, lab.get(name)) for name, versions in build.items()
             if lab.get(name) != versions}  # fmt: skip
    assert not moved, f"{RELOCK}; build lock vs lab lock: {moved}"
    assert "jupyterlab" in lab and "jupyterlab" not in build


def test_every_locked_version_carries_its_hashes():
    # pip's --require-hashes refuses the whole install otherwise; a hand edit is
    # the usual way to lose one.
    for lock in (LOCK, LAB_LOCK):
        entries = re.split(r"\n(?=\S)", lock.read_text())
        pinned = [entry for entry in entries if LOCKED_LINE.match(entry)]
        unhashed = [entry.split()[0] for entry in pinned if "--hash=sha256:" not in entry]
        assert len(pinned) > 50 and not unhashed, f"{lock.name}: {unhashed}: {RELOCK}"


def test_the_build_backend_is_one_exact_setuptools_in_pyproject_and_in_the_lock():
    backend = _project()["build-system"]["requires"]
    assert len(backend) == 1 and re.fullmatch(r"setuptools==[\d.]+", backend[0]), backend
    version = backend[0].split("==")[1]
    # PEP 639's `license = "MIT"` is read from setuptools 77 on.
    assert int(version.split(".")[0]) >= 77, backend
    assert backend[0] in BUILD_INPUTS.read_text().splitlines(), f"requirements/build.in: {RELOCK}"
    assert locked(LOCK)["setuptools"] == {version}, RELOCK


def test_the_licence_is_an_spdx_expression_as_pep_639_has_it():
    # The table form `{ text = "MIT" }` makes setuptools print a deprecation
    # banner on every install and build.
    assert _project()["project"]["license"] == "MIT"
