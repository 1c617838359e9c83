"""The screens' own formatting, run in the browser that shows it: numbers per locale (a large
count reads 1.2万 in Chinese) and the Fluent patterns of bot/locales with their plural rules."""

from __future__ import annotations

from tests.dashboard.browser.support import Screens
from tests.support.cast import ADMIN, VICTIM
from tests.support.scene import Scene

# The modules are imported from where the page loaded app.js (the versioned path).
MODULES = 'document.querySelector("script[type=module]").src'
FORMAT = f"""async ([locale, value]) => {{
  const {{ Formats }} = await import(new URL("format.js", {MODULES}));
  return new Formats(locale).compact(value);
}}"""
FLUENT = f"""async ([locale, key, args]) => {{
  const {{ Messages }} = await import(new URL("fluent.js", {MODULES}));
  const patterns = await (await fetch(`texts/${{locale}}.json`)).json();
  return new Messages(locale, patterns).t(key, args);
}}"""


async def test_large_numbers_read_short_in_each_language(scene: Scene, screens: Screens) -> None:
    await scene.say(VICTIM, ADMIN, "hello fans")
    page = await screens.open(ADMIN)
    assert await page.evaluate(FORMAT, ["zh", 12345]) == "1.2万"
    assert await page.evaluate(FORMAT, ["zh-Hant", 12345]) == "1.2萬"
    assert await page.evaluate(FORMAT, ["en", 12345]) == "12.3K"
    assert await page.evaluate(FORMAT, ["en", 9876]) == "9,876"


async def test_fluent_patterns_choose_plurals_and_fill_in_names(
    scene: Scene, screens: Screens
) -> None:
    await scene.say(VICTIM, ADMIN, "hello fans")
    page = await screens.open(ADMIN)
    total = ["en", "ui-inbox-total", {"count": 1, "more": "false"}]
    assert await page.evaluate(FLUENT, total) == "1 item"
    total[2] = {"count": 1000, "more": "true"}
    assert await page.evaluate(FLUENT, total) == "More than 1000 items"
    total[2] = {"count": 3, "more": "false"}
    assert await page.evaluate(FLUENT, total) == "3 items"
    total[0] = "zh"
    assert await page.evaluate(FLUENT, total) == "共 3 条"
    hours = ["zh-Hant", "ui-overview-hours", {"timezone": "Asia/Taipei"}]
    assert await page.evaluate(FLUENT, hours) == "最活躍的時段（Asia/Taipei）"
