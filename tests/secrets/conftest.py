"""Secret tests reuse the operators' scene (a victim group, its owner and an administrator)."""

from __future__ import annotations

from tests.operators.conftest import scene  # noqa: F401 - the fixture, shared
