"""The dashboard served over the shared scene (tests/support/fixtures/scene.py)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.dashboard.support import Dashboard, dashboard_over
from tests.support.scene import Scene


@pytest.fixture
async def dashboard(scene: Scene) -> AsyncIterator[Dashboard]:
    async with dashboard_over(scene) as served:
        yield served
