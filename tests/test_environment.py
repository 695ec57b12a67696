"""environment.yml (conda) and pyproject.toml (pip) must install the same things."""

from __future__ import annotations

import re
import tomllib

import yaml

from conftest import ROOT


def _name(requirement: str) -> str:
    return re.split(r"[=<>!~ ]", requirement, maxsplit=1)[0].strip().lower().replace("_", "-")


def _pins(requirements: list[str]) -> dict[str, str]:
    return {_name(r): re.sub(r"^[^=<>!~]+", "", r).replace(" ", "") for r in requirements}


def pyproject_pins() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    requirements = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        requirements.extend(extra)
    return _pins(requirements)


def conda_pins() -> dict[str, str]:
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    requirements = [item for item in environment["dependencies"] if isinstance(item, str)]
    # conda's own single '=' means the same as pip's '=='
    requirements = [re.sub(r"(?<![=<>!])=(?!=)", "==", item) for item in requirements]
    return {name: pin for name, pin in _pins(requirements).items() if name not in {"python", "pip"}}


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
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert f"python{project['requires-python']}" in environment["dependencies"]
