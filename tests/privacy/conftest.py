"""Privacy and history-import tests reuse the operators' scene (a victim group, its owner and
an administrator, another group, a plain member and a known fan), through the real dispatcher."""

from __future__ import annotations

from tests.operators.conftest import scene  # noqa: F401 - the fixture, shared
