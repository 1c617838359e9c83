"""The house holds its rule (tests/support/layering.py), and the check catches what it must."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.layering import layer_of, violations

ROOT = Path(__file__).resolve().parent.parent


def test_the_house_has_no_import_against_the_order_and_no_package_cycle() -> None:
    found = violations(ROOT)
    assert not found, "\n".join(str(violation) for violation in found)


def test_every_product_module_has_a_layer() -> None:
    for top in ("bot", "handlers"):
        for path in (ROOT / top).rglob("*.py"):
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            assert layer_of(name) in {
                "domain",
                "foundation",
                "db",
                "services",
                "telegram",
                "handlers",
                "tools",
                "composition",
            }


def _house(tmp_path: Path, files: dict[str, str]) -> Path:
    """A tiny tree shaped like ours: only the files a case needs."""
    base = {
        "bot/__init__.py": "",
        "bot/domain/__init__.py": "",
        "bot/domain/records.py": "X = 1\n",
        "bot/db/__init__.py": "",
        "bot/db/store.py": "from bot.domain.records import X\n",
        "bot/services/__init__.py": "",
        "bot/services/use_case.py": "from bot.db import store\n",
        "bot/telegram/__init__.py": "",
        "bot/telegram/courier.py": "import aiogram\nfrom bot.services import use_case\n",
        "handlers/__init__.py": "",
        "handlers/feature.py": "from bot.telegram import courier\n",
        "bot/emulator/__init__.py": "",
        "bot/emulator/server.py": "import aiogram\nfrom bot.domain import records\n",
    }
    for name, text in {**base, **files}.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def test_a_clean_planted_house_passes(tmp_path: Path) -> None:
    assert violations(_house(tmp_path, {})) == []


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        pytest.param(
            {"bot/db/store.py": "from bot.services.use_case import run\n"},
            "db imports from services, a layer above it",
            id="db-imports-services",
        ),
        pytest.param(
            {"bot/domain/records.py": "from bot.db import store\n"},
            "domain imports from db, a layer above it",
            id="domain-imports-db",
        ),
        pytest.param(
            {"bot/domain/records.py": "def late():\n    import sqlalchemy\n"},
            "sqlalchemy is not for the domain layer",
            id="sqlalchemy-in-domain-function",
        ),
        pytest.param(
            {"bot/services/use_case.py": "from aiogram import Bot\n"},
            "aiogram is not for the services layer",
            id="aiogram-in-services",
        ),
        pytest.param(
            {"bot/telegram/courier.py": "from handlers import feature\n"},
            "telegram imports from handlers, a layer above it",
            id="edge-imports-handlers",
        ),
        pytest.param(
            {"bot/services/use_case.py": "from tests.support import scene\n"},
            "production code imports tests",
            id="product-imports-tests",
        ),
        pytest.param(
            {"bot/services/use_case.py": "from bot.emulator.server import X\n"},
            "the product imports a tool",
            id="product-imports-tool",
        ),
        pytest.param(
            {"bot/services/use_case.py": "from .. import telegram\n"},
            "services imports from telegram, a layer above it",
            id="relative-import-upwards",
        ),
        pytest.param(
            {
                "bot/domain/tagging/__init__.py": "",
                "bot/domain/tagging/rule.py": "from bot.domain.records import X\n",
                "bot/domain/records.py": "from bot.domain.tagging.rule import Y\n",
            },
            "package cycle: bot.domain <-> bot.domain.tagging",
            id="package-cycle-within-a-layer",
        ),
    ],
)
def test_a_planted_violation_is_caught(
    tmp_path: Path, files: dict[str, str], expected: str
) -> None:
    found = violations(_house(tmp_path, files))
    # An upward import also closes a package cycle with the planted house's downward ones.
    assert expected in [violation.reason for violation in found], found
    planted = {path.removesuffix(".py").replace("/", ".") for path in files}
    layered = [v for v in found if not v.reason.startswith("package cycle")]
    assert {violation.importer for violation in layered} <= planted
