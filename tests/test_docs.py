"""The docs stay honest: every CLI command and every setting is documented in the README."""
from __future__ import annotations

from pathlib import Path

import pytest
import typer.main

from marsad.serve.cli import app
from marsad.settings import describe

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _commands():
    group = typer.main.get_command(app)
    for name, cmd in group.commands.items():
        subs = getattr(cmd, "commands", None)
        if subs:
            yield from (f"{name} {s}" for s in subs)
        else:
            yield name


@pytest.mark.parametrize("command", sorted(_commands()))
def test_every_command_is_in_the_readme(command):
    assert f"marsad {command}" in README


@pytest.mark.parametrize("name", [n for n, _, _ in describe()])
def test_every_setting_is_in_the_readme(name):
    assert f"`{name}`" in README
