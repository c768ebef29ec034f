"""Shared fixtures. Tests that need ../shared (real news text, third-party data) skip cleanly when it is absent."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The workplace's shared folder (seeds, gold, data); skips the test when it is not there."""
    if not (SHARED / "data").is_dir():
        pytest.skip("../shared is absent: this test needs the real data beside the project")
    return SHARED
