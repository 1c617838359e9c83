"""Every text exists in English and Chinese with the same variables; no user-visible text is
written in code; arguments are escaped for HTML."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from fluent.syntax import FluentParser
from fluent.syntax import ast as ftl
from fluent.syntax.visitor import Visitor

from bot.__main__ import build_dispatcher
from bot.config import load_settings
from bot.devtools.recording_session import TOKEN
from bot.i18n import LOCALES, LOCALES_DIR, Html, MissingText, Translator, choose_locale
from bot.services.health import PLANNED_FEATURES, Requirement
from handlers import command_menus

ROOT = Path(__file__).resolve().parents[2]
CODE_DIRS = [ROOT / "handlers", ROOT / "bot" / "telegram"]
SENDING_METHODS = {
    "answer",
    "reply",
    "send_message",
    "edit_text",
    "edit_message_text",
    "answer_callback_query",
    "send_photo",
    "send_document",
    "send_poll",
    "edit_caption",
}
# What Telegram shows people (an HTTP answer to Telegram's webhook is not user-visible).
BUILDERS = {"button", "InlineKeyboardButton", "KeyboardButton", "BotCommand"}
TEXT_KEYWORDS = {"text", "caption", "question", "description"}
TRANSLATING_CALLS = {"texts", "plain", "text"}


class Variables(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def visit_VariableReference(self, node: ftl.VariableReference) -> None:  # noqa: N802
        self.names.add(node.id.name)


def messages(locale: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in sorted((LOCALES_DIR / locale).glob("*.ftl")):
        resource = FluentParser().parse(path.read_text(encoding="utf-8"))
        for entry in resource.body:
            assert not isinstance(entry, ftl.Junk), f"{path}: {entry.annotations}"
            if isinstance(entry, ftl.Message):
                assert entry.id.name not in found, f"{locale}: {entry.id.name} defined twice"
                variables = Variables()
                variables.visit(entry)
                found[entry.id.name] = variables.names
    return found


@pytest.mark.parametrize("locale", ["zh", "zh-Hant"])
def test_every_key_exists_in_every_language_with_the_same_variables(locale: str) -> None:
    english, other = messages("en"), messages(locale)
    assert sorted(set(english) - set(other)) == [], f"missing in {locale}"
    assert sorted(set(other) - set(english)) == [], "missing in en"
    assert {k: v for k, v in english.items() if other[k] != v} == {}


def test_the_traditional_texts_are_written_in_traditional_characters() -> None:
    """A Simplified character left in zh-Hant reads wrong to Taiwan and Hong Kong readers."""
    from opencc import OpenCC  # noqa: PLC0415 - a dev dependency, only this test needs it

    # Taiwan's character forms: already-Traditional text comes back unchanged.
    to_traditional = OpenCC("s2tw")
    for path in sorted((LOCALES_DIR / "zh-Hant").glob("*.ftl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            converted = to_traditional.convert(line)
            assert converted == line, f"{path.name}:{number}: Simplified in {line!r}"


def python_files() -> list[Path]:
    return [path for directory in CODE_DIRS for path in sorted(directory.rglob("*.py"))]


def literal_keys(tree: ast.AST) -> set[str]:
    keys = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else None
        name = node.func.id if isinstance(node.func, ast.Name) else name
        if isinstance(node.func, ast.Call):  # translator.bind(locale)("key")
            name = "texts"
        if name not in TRANSLATING_CALLS:
            continue
        for arg in node.args:
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                keys.add(arg.value)
                break
    return keys


def test_every_key_used_in_code_exists() -> None:
    translator = Translator.load()
    used: set[str] = set()
    for path in python_files():
        used |= literal_keys(ast.parse(path.read_text(encoding="utf-8")))
    assert len(used) > 30
    for locale in LOCALES:
        assert sorted(key for key in used if not translator.has(locale, key)) == []


def written_text(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and bool(node.value.strip())
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return written_text(node.left) or written_text(node.right)
    return False


def text_arguments(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else None
        name = node.func.id if isinstance(node.func, ast.Name) else name
        if name not in SENDING_METHODS | BUILDERS:
            continue
        candidates = [kw.value for kw in node.keywords if kw.arg in TEXT_KEYWORDS]
        if name in SENDING_METHODS:
            candidates += node.args[:2]
        found += [(node.lineno, ast.unparse(arg)) for arg in candidates if written_text(arg)]
    return found


def test_no_user_visible_text_is_written_in_code() -> None:
    offenders = {
        str(path.relative_to(ROOT)): found
        for path in python_files()
        if (found := text_arguments(ast.parse(path.read_text(encoding="utf-8"))))
    }
    assert offenders == {}


def test_the_scan_catches_text_written_in_code() -> None:
    sample = 'async def f(message):\n    await message.answer(f"Hello {name}")\n'
    sample += '    builder.button(text="Next", callback_data=x)\n'
    assert sorted(line for line, _ in text_arguments(ast.parse(sample))) == [2, 3]


def test_dynamic_keys_exist() -> None:
    translator = Translator.load()
    dispatcher = build_dispatcher(load_settings(bot_token=TOKEN))
    menus = command_menus(dispatcher)
    consoles = [name for names in menus.consoles.values() for name in names]
    names = {*menus.fans, *menus.administrators, *menus.private, *consoles}
    keys = {f"menu-{name}" for name in names} | {f"requirement-{r}" for r in Requirement}
    for locale in LOCALES:
        assert sorted(key for key in keys if not translator.has(locale, key)) == []
        for feature in PLANNED_FEATURES:
            line = translator.text(locale, "status-feature-none-yet", feature=feature)
            assert not line.startswith(feature), (locale, line)


def test_arguments_are_escaped_and_translated_fragments_are_not() -> None:
    translator = Translator.load()
    texts = translator.bind("en")
    assert texts("status-title", title="<b>x</b> & y") == (
        "<b>Health of &lt;b&gt;x&lt;/b&gt; &amp; y</b>"
    )
    assert texts("audit-person", name=Html("<i>kept</i>")) == "<i>kept</i>"
    assert texts.plain("groups-button", title="A & <B>") == "A & <B>"
    with pytest.raises(MissingText):
        texts("no-such-key")


@pytest.mark.parametrize(
    ("chosen", "telegram", "expected"),
    [
        (None, "zh-hans", "zh"),
        (None, "zh-TW", "zh-Hant"),
        (None, "zh-hant", "zh-Hant"),
        (None, "zh-HK", "zh-Hant"),
        (None, "zh-CN", "zh"),
        ("zh-Hant", "zh-hans", "zh-Hant"),
        ("繁體", None, "zh-Hant"),
        ("简体", "zh-TW", "zh"),
        ("English", "zh", "en"),
        (None, "en-GB", "en"),
        (None, "es", "en"),
        (None, None, "en"),
        ("en", "zh-hans", "en"),
        ("zh", "en", "zh"),
    ],
)
def test_a_readers_language(chosen: str | None, telegram: str | None, expected: str) -> None:
    assert choose_locale(chosen, telegram, "en") == expected
