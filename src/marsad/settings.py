"""Every setting once: name, default, help. Packaged defaults, then a user file, then flags; picklable for Dask."""
from __future__ import annotations

import dataclasses
import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from marsad.errors import ResourceFormatError


def _default_db() -> Path:
    return Path(os.environ.get("MARSAD_DB", "marsad.sqlite"))


@dataclass(frozen=True)
class Settings:
    """Marsad's settings. Each field's `help` metadata is what `marsad settings` prints."""

    db: Path = field(default_factory=_default_db, metadata={"help": "the embedded SQLite store (env MARSAD_DB)"})
    user_entities: Path | None = field(
        default=None, metadata={"help": "a YAML file of the user's own entities, added to the catalogue"})
    today: dt.date | None = field(
        default=None, metadata={"help": "the day relative dates and inferred publication dates are bounded by "
                                        "(default: the real today)"})
    quotes_indirect: bool = field(
        default=True, metadata={"help": "also find indirect speech (\"قال إن ...\"), kept apart from direct quotations"})
    batch_size: int = field(default=200, metadata={"help": "documents written to the store per transaction"})
    progress: bool = field(default=True, metadata={"help": "show a progress bar on standard error"})

    def replace(self, **changes) -> "Settings":
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})


def load_settings(path: Path | None = None, **overrides) -> Settings:
    """Defaults, then the user file (YAML; `MARSAD_CONFIG` or ~/.config/marsad/config.yaml), then `overrides`."""
    s = Settings()
    p = path or Path(os.environ.get("MARSAD_CONFIG", Path.home() / ".config" / "marsad" / "config.yaml"))
    if p.is_file():
        with open(p, encoding="utf-8") as fh:
            data = yaml.safe_load(fh) or {}
        if not isinstance(data, dict):
            raise ResourceFormatError(str(p), 1, "the settings file must be a mapping of name: value")
        known = {f.name: f for f in dataclasses.fields(Settings)}
        for k, v in data.items():
            if k not in known:
                raise ResourceFormatError(str(p), 1, f"unknown setting {k!r}; known: {', '.join(known)}")
            s = s.replace(**{k: _coerce(known[k], v)})
    return s.replace(**overrides)


def _coerce(f: dataclasses.Field, v):
    if f.name in ("db", "user_entities") and v is not None:
        return Path(v).expanduser()
    if f.name == "today" and isinstance(v, str):
        return dt.date.fromisoformat(v)
    return v


def describe() -> list[tuple[str, str, str]]:
    """(name, default, help) of every setting."""
    out = []
    for f in dataclasses.fields(Settings):
        default = f.default_factory() if f.default_factory is not dataclasses.MISSING else f.default
        out.append((f.name, str(default), f.metadata.get("help", "")))
    return out
