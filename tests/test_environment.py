"""environment.yml (conda) and pyproject.toml (pip) must pin the same packages."""

import re
import tomllib

import yaml

from conftest import ROOT


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = {}
    for spec in project["dependencies"] + project["optional-dependencies"]["test"]:
        name, _, version = spec.partition("==")
        assert version, f"{spec} is not pinned"
        if name.startswith("dask[distributed]"):  # conda-forge ships the extra as its own package
            wanted["dask"] = wanted["distributed"] = version
            continue
        wanted[_norm(name)] = version
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    found = {}
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            for spec in dep["pip"]:
                name, _, version = spec.partition("==")
                found[_norm(name)] = version
        elif dep != "pip" and not dep.startswith("python="):
            name, _, version = dep.partition("=")
            found[_norm(name)] = version
    assert found == wanted
    assert "python=3.11" in env["dependencies"]
    assert project["requires-python"].startswith(">=3.11")
