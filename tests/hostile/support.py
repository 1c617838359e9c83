"""What the hostile tests share with their conftest."""

from __future__ import annotations

EXAMPLES_RUN: list[int] = []  # one entry per example, whatever the test
