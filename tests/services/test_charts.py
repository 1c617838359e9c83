from __future__ import annotations

import asyncio
import dataclasses
import io
import struct
import warnings
from collections.abc import Callable, Iterator
from datetime import date, timedelta

import pytest
import structlog
from matplotlib import font_manager
from matplotlib import image as mpimage
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from bot.domain import charts, fonts
from bot.domain.charts import (
    Bar,
    DayActivity,
    DigestLabels,
    PollOption,
    bar_chart,
    digest_chart,
    poll_bars,
    poll_chart,
)
from bot.domain.fonts import CJK_SAMPLE, FontMissing, cjk_font

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MISSING_GLYPH = "missing from font"
CJK_FAMILIES = ("CJK", "Source Han", "WenQuanYi", "Noto Sans SC", "Droid Sans Fallback")
ZH_LABELS = DigestLabels(
    title="每日摘要 · 粉丝群 2026-11-28",
    activity="最近14天活跃",
    messages="消息",
    active_fans="活跃粉丝",
    feedback="今日反馈（按标签）",
    no_feedback="今天没有反馈",
)
# Each of these makes mathtext raise while drawing if it is parsed.
MATH_TRAPS = ["$\\nope{$", "$_^$", "cost: $5 or $6", "a$b"]


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_SIGNATURE
    length, chunk = struct.unpack(">I4s", data[8:16])
    assert (length, chunk) == (13, b"IHDR")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def decoded_shape(data: bytes) -> tuple[int, ...]:
    return tuple(mpimage.imread(io.BytesIO(data), format="png").shape)


def assert_png(data: bytes) -> tuple[int, int]:
    width, height = png_size(data)
    assert decoded_shape(data)[:2] == (height, width)
    assert width == charts.WIDTH_INCHES * charts.DPI
    return width, height


def glyph_warnings(render: Callable[[], bytes]) -> tuple[bytes, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        data = render()
    return data, [str(warning.message) for warning in caught]


def test_the_cjk_font_resolves_to_a_cjk_family_with_chinese_glyphs() -> None:
    font = cjk_font()
    assert any(marker in font.family for marker in CJK_FAMILIES), font
    assert font.path.is_file()
    assert font.covers(CJK_SAMPLE + "下一期视频拍什么")
    resolved = font_manager.findfont(font_manager.FontProperties(family=[font.family]))
    assert str(font.path) in str(resolved)


def test_the_glyph_warning_check_catches_a_fallback_font() -> None:
    """The check below can fail: DejaVu Sans alone cannot draw Chinese."""

    def render() -> bytes:
        figure = Figure()
        FigureCanvasAgg(figure)
        figure.suptitle("投票结果", fontfamily=["DejaVu Sans"])
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png")
        return buffer.getvalue()

    _, messages = glyph_warnings(render)
    assert any(MISSING_GLYPH in message for message in messages)


def test_chinese_poll_chart_is_a_png_drawn_without_missing_glyphs() -> None:
    options = [
        PollOption("舞蹈挑战", 42),
        PollOption("粉丝问答 Q&A", 17),
        PollOption("日常 vlog", 3),
    ]
    data, messages = glyph_warnings(
        lambda: poll_chart("下一期视频拍什么？", options, subtitle="62 票 · 已结束")
    )
    assert_png(data)
    assert messages == []


def test_emoji_and_unsupported_characters_are_left_out_not_drawn_as_boxes() -> None:
    options = [PollOption("🔥 舞蹈 🎉", 2), PollOption("👨‍👩‍👧 family ❤️", 1), PollOption("🫠", 0)]
    data, messages = glyph_warnings(lambda: poll_chart("投票 🗳️", options))
    assert_png(data)
    assert messages == []


@pytest.mark.parametrize("trap", MATH_TRAPS)
def test_dollar_signs_are_text_not_mathtext(trap: str) -> None:
    data = poll_chart(trap, [PollOption(trap, 1), PollOption("<b>&amp;</b> <>&", 2)], subtitle=trap)
    assert_png(data)
    labels = DigestLabels(trap, trap, trap, trap, trap, trap)
    activity = [DayActivity(date(2026, 11, 28), 1, 1)]
    assert_png(digest_chart(activity, [Bar(trap, 1, note=trap)], labels))
    assert_png(digest_chart(activity, [], labels))


def test_long_and_empty_labels_are_fitted() -> None:
    long = "一个非常非常长的选项标签，用来测试换行和截断" * 5
    fitted = charts._fit(long, charts.LABEL_COLUMNS, charts.LABEL_LINES)
    lines = fitted.split("\n")
    assert len(lines) == 2
    assert fitted.endswith("…")
    assert charts._fit("word " * 100, 20, 2).split("\n")[0] == "word word word word"
    assert charts._fit("", 20, 2) == charts.EMPTY_LABEL
    assert charts._fit("  \n ", 20, 2) == charts.EMPTY_LABEL
    assert charts._fit("🔥", 20, 2) == charts.EMPTY_LABEL
    data, messages = glyph_warnings(
        lambda: poll_chart(long, [PollOption(long, 1), PollOption("", 1), PollOption("x" * 300, 0)])
    )
    assert_png(data)
    assert messages == []


def test_poll_bars_shares_and_winners() -> None:
    bars = poll_bars([PollOption("a", 3), PollOption("b", 1), PollOption("c", 3)])
    assert [bar.note for bar in bars] == ["3 · 43%", "1 · 14%", "3 · 43%"]
    assert [bar.highlight for bar in bars] == [True, False, True]
    multiple = poll_bars([PollOption("a", 4), PollOption("b", 3)], voters=5)
    assert [bar.note for bar in multiple] == ["4 · 80%", "3 · 60%"]
    nobody = poll_bars([PollOption("a", 0), PollOption("b", 0)])
    assert [bar.note for bar in nobody] == ["0 · 0%", "0 · 0%"]
    assert not any(bar.highlight for bar in nobody)


@pytest.mark.parametrize("count", [1, 2, 12])
def test_one_to_twelve_options_and_zero_votes(count: int) -> None:
    options = [PollOption(f"选项 {n}", 0) for n in range(count)]
    _, height = assert_png(poll_chart("没人投票", options))
    _, taller = assert_png(poll_chart("有人投票", [PollOption("x", n) for n in range(count + 1)]))
    assert taller > height


def test_generic_bar_chart() -> None:
    bars = [Bar("话题建议", 12, "12 (+3)"), Bar("bug", 5), Bar("表扬", 30.5, highlight=True)]
    data, messages = glyph_warnings(lambda: bar_chart("标签", bars))
    assert_png(data)
    assert messages == []
    assert_png(bar_chart("empty", []))


def fourteen_days() -> list[DayActivity]:
    start = date(2026, 11, 15)
    return [
        DayActivity(start + timedelta(days=n), 100 + (n * 37) % 90, 10 + (n * 7) % 25)
        for n in range(14)
    ]


def test_digest_chart_in_chinese() -> None:
    feedback = [Bar("话题建议", 12), Bar("问题反馈", 5), Bar("表扬", 30, highlight=True)]
    data, messages = glyph_warnings(lambda: digest_chart(fourteen_days(), feedback, ZH_LABELS))
    width, height = assert_png(data)
    assert height > width / 2
    assert messages == []


def test_digest_chart_with_no_activity_and_no_feedback() -> None:
    data, messages = glyph_warnings(lambda: digest_chart([], [], ZH_LABELS))
    assert_png(data)
    assert messages == []
    zeros = [DayActivity(day.day, 0, 0) for day in fourteen_days()]
    assert_png(digest_chart(list(reversed(zeros)), [Bar("标签", 0)], ZH_LABELS))


async def test_charts_render_concurrently_off_the_event_loop() -> None:
    jobs = [
        asyncio.to_thread(poll_chart, f"问题 {n}", [PollOption("是", n), PollOption("否", 1)])
        for n in range(4)
    ]
    jobs.append(asyncio.to_thread(digest_chart, fourteen_days(), [Bar("标签", 3)], ZH_LABELS))
    for data in await asyncio.gather(*jobs):
        assert_png(data)


@pytest.fixture
def no_fonts_installed(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    caches = (fonts.cjk_font, charts._families, charts._coverage)
    monkeypatch.setattr(font_manager.fontManager, "ttflist", [])
    monkeypatch.setattr(font_manager, "findSystemFonts", lambda *args, **kwargs: [])
    absent = dataclasses.replace(fonts.PACKAGED_FONT, package="not_installed")
    monkeypatch.setattr(fonts, "PACKAGED_FONT", absent)
    for cache in caches:
        cache.cache_clear()
    yield
    monkeypatch.undo()
    for cache in caches:
        cache.cache_clear()


@pytest.mark.usefixtures("no_fonts_installed")
def test_without_a_cjk_font_the_error_says_what_to_install() -> None:
    with pytest.raises(FontMissing, match="fonts-noto-cjk"):
        cjk_font()
    with structlog.testing.capture_logs() as logs:
        assert charts._families() == [charts.LATIN_FALLBACK]
    assert logs == [
        {"event": "cjk_font_missing", "hint": fonts.INSTALL_HINT, "log_level": "warning"}
    ]
    assert charts._drawable("投票 🔥") == "投票 🔥"
