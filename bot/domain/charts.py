"""Chart images as PNG bytes: poll results, the daily digest, and a generic horizontal bar chart;
and the digest's activity panel as SVG for the dashboard (`activity_svg`).

Pure and synchronous: each call builds its own ``Figure`` on the Agg canvas (never pyplot, which
keeps global state), so callers render off the event loop with ``asyncio.to_thread``.

User text is drawn as typed: mathtext is off (a ``$`` in a poll option is a dollar sign), and
characters that none of our fonts can draw (most emoji) are left out rather than drawn as
boxes. Chinese needs the CJK font from ``bot.domain.fonts``; without one the charts still
render, with a logged warning, and Chinese comes out as boxes. The SVG keeps its text as text
(`svg.fonttype: none`), drawn with the reader's own fonts, on a transparent background so that
Telegram's theme shows through.
"""

from __future__ import annotations

import functools
import io
import math
import re
import textwrap
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import matplotlib
import structlog
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from bot.domain.chart_data import Bar, DayActivity, DigestLabels, PollOption, poll_bars
from bot.domain.fonts import INSTALL_HINT, FontMissing, charmap, cjk_font

log = structlog.get_logger(__name__)

__all__ = [
    "Bar",
    "DayActivity",
    "DigestLabels",
    "PollOption",
    "bar_chart",
    "activity_svg",
    "digest_chart",
    "draw_bars",
    "funnel_chart",
    "poll_bars",
    "poll_chart",
]

DPI = 150
WIDTH_INCHES = 8.0
LATIN_FALLBACK = "DejaVu Sans"  # matplotlib's own font: symbols the CJK fonts lack
EMPTY_LABEL = "—"
LABEL_COLUMNS = 28
LABEL_LINES = 2
TITLE_COLUMNS = 60
TITLE_LINES = 3
ACCENT = "#2f9e44"
MUTED = "#a5b4c4"
MESSAGES_COLOR = "#4c6ef5"
FANS_COLOR = "#f08c00"
INK = "#212529"
SOFT_INK = "#6c757d"
DAILY_LABELS_ALL = 16
DAILY_LABELS_MOST = 12
SVG_WIDTH_INCHES = 4.8  # a phone's width at the dashboard's scale
# The fonts named in an SVG are the drawing machine's; the reader's own sans-serif comes last.
_SVG_FONT = re.compile(r"(font-family: ?|font: [^;\"']*?px )([^;\"]+)")


@dataclass(frozen=True)
class Ink:
    """Text and axis colours for the background the chart is shown on."""

    text: str = INK
    soft: str = SOFT_INK


LIGHT_INK = Ink()
DARK_INK = Ink(text="#e9ecef", soft="#adb5bd")


def bar_chart(title: str, bars: Sequence[Bar], *, subtitle: str = "") -> bytes:
    """Horizontal bars, first bar on top; highlighted bars in the accent colour."""
    figure = _figure(1.4 + 0.5 * max(len(bars), 1) + (0.3 if subtitle else 0))
    axes = figure.add_subplot()
    figure.suptitle(_fit(title, TITLE_COLUMNS, TITLE_LINES), **_text(size=13, weight="bold"))
    if subtitle:
        axes.set_title(_fit(subtitle, TITLE_COLUMNS, 1), **_text(size=9, color=SOFT_INK))
    draw_bars(axes, bars)
    return _png(figure)


def poll_chart(
    question: str,
    options: Sequence[PollOption],
    *,
    voters: int | None = None,
    subtitle: str = "",
) -> bytes:
    """Poll results: votes and share per option, the leading option(s) highlighted."""
    return bar_chart(question, poll_bars(options, voters=voters), subtitle=subtitle)


def digest_chart(
    activity: Sequence[DayActivity], feedback: Sequence[Bar], labels: DigestLabels
) -> bytes:
    """Two panels: messages and active fans per day, then the day's feedback per tag."""
    feedback_height = 0.45 * max(len(feedback), 2)
    figure = _figure(4.2 + feedback_height)
    top, bottom = figure.subplots(2, 1, height_ratios=[3.2, max(feedback_height, 1.0)])
    figure.suptitle(_fit(labels.title, TITLE_COLUMNS, 2), **_text(size=13, weight="bold"))
    _draw_activity(top, sorted(activity, key=lambda day: day.day), labels)
    bottom.set_title(_fit(labels.feedback, TITLE_COLUMNS, 1), **_text(size=11, loc="left"))
    if feedback:
        draw_bars(bottom, feedback)
    else:
        bottom.set_axis_off()
        bottom.text(
            0.5,
            0.5,
            _fit(labels.no_feedback, TITLE_COLUMNS, 2),
            **_text(size=10, color=SOFT_INK, ha="center", va="center", transform=bottom.transAxes),
        )
    return _png(figure)


def draw_bars(axes: Axes, bars: Sequence[Bar]) -> None:
    """Draw horizontal bars on an existing axes (for charts that combine panels)."""
    positions = range(len(bars))
    values = [bar.value for bar in bars]
    colors = [ACCENT if bar.highlight else MUTED for bar in bars]
    axes.barh(positions, values, color=colors, height=0.65)
    axes.set_yticks(list(positions), [_fit(bar.label, LABEL_COLUMNS, LABEL_LINES) for bar in bars])
    axes.tick_params(axis="y", length=0, labelfontfamily=_families(), labelsize=10)
    for label in axes.get_yticklabels():
        label.set_parse_math(False)
    axes.invert_yaxis()
    peak = max(values, default=0)
    axes.set_xlim(0, peak * 1.3 if peak > 0 else 1)
    axes.set_xticks([])
    for side in ("top", "right", "bottom"):
        axes.spines[side].set_visible(False)
    for position, bar in zip(positions, bars, strict=True):
        note = bar.note or f"{bar.value:g}"
        axes.annotate(
            _drawable(note),
            (bar.value, position),
            xytext=(4, 0),
            textcoords="offset points",
            **_text(size=9, va="center", weight="bold" if bar.highlight else "normal"),
        )


def activity_svg(
    activity: Sequence[DayActivity], labels: DigestLabels, *, dark: bool = False
) -> str:
    """The digest's activity panel (messages and active fans per day) as SVG text."""
    ink = DARK_INK if dark else LIGHT_INK
    figure = Figure(figsize=(SVG_WIDTH_INCHES, 2.6), layout="constrained")
    FigureCanvasAgg(figure)
    _draw_activity(figure.add_subplot(), sorted(activity, key=lambda day: day.day), labels, ink)
    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "fanpulse"}):
        figure.savefig(buffer, format="svg", transparent=True, metadata={"Date": None})
    return _SVG_FONT.sub(_with_reader_font, buffer.getvalue())


def _with_reader_font(found: re.Match[str]) -> str:
    families = found[2].rstrip()
    return found[0] if families.endswith("sans-serif") else f"{found[1]}{families}, sans-serif"


def _draw_activity(
    axes: Axes, days: Sequence[DayActivity], labels: DigestLabels, ink: Ink | None = None
) -> None:
    """`ink`: colours for the dashboard's themes; the digest's PNG keeps matplotlib's own."""
    positions = list(range(len(days)))
    messages = axes.bar(positions, [day.messages for day in days], color=MESSAGES_COLOR, width=0.6)
    fans_axes = axes.twinx()
    (fans,) = fans_axes.plot(
        positions, [day.active_fans for day in days], color=FANS_COLOR, marker="o", linewidth=2
    )
    if labels.activity:  # the dashboard titles the chart on the page
        axes.set_title(_fit(labels.activity, TITLE_COLUMNS, 1), **_text(size=11, loc="left"))
    # Every day up to a fortnight and a bit (the digest's 14), then about a dozen: 90 overlap.
    step = 1 if len(days) <= DAILY_LABELS_ALL else math.ceil(len(days) / DAILY_LABELS_MOST)
    shown = positions[::-1][::step][::-1]  # always today's
    axes.set_xticks(shown, [f"{days[n].day:%m-%d}" for n in shown])
    axes.tick_params(axis="x", labelsize=8, labelrotation=45)
    axes.set_ylim(0, max([day.messages for day in days] + [1]) * 1.15)
    fans_axes.set_ylim(0, max([day.active_fans for day in days] + [1]) * 1.15)
    for side in (axes, fans_axes):
        side.spines["top"].set_visible(False)
        side.yaxis.set_major_locator(MaxNLocator(nbins="auto", integer=True))
    axes.tick_params(axis="y", colors=MESSAGES_COLOR, labelsize=8)
    fans_axes.tick_params(axis="y", colors=FANS_COLOR, labelsize=8)
    legend = axes.legend(
        [messages, fans],
        [_fit(labels.messages, LABEL_COLUMNS, 1), _fit(labels.active_fans, LABEL_COLUMNS, 1)],
        loc="upper left",
        frameon=False,
        prop={"family": _families(), "size": 8},
    )
    for text in legend.get_texts():
        text.set_parse_math(False)
    if ink is not None:
        _ink(axes, fans_axes, legend.get_texts(), ink)


def _ink(axes: Axes, fans_axes: Axes, legend: Sequence[Any], ink: Ink) -> None:
    axes.tick_params(axis="x", colors=ink.soft)
    for side in (axes, fans_axes):
        for spine in side.spines.values():
            spine.set_color(ink.soft)
    for text in legend:
        text.set_color(ink.text)


def _figure(height: float) -> Figure:
    figure = Figure(figsize=(WIDTH_INCHES, height), dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)
    return figure


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def _text(**properties: Any) -> dict[str, Any]:
    return {"fontfamily": _families(), "parse_math": False, "color": INK, **properties}


@functools.cache
def _families() -> list[str]:
    try:
        return [cjk_font().family, LATIN_FALLBACK]
    except FontMissing:
        log.warning("cjk_font_missing", hint=INSTALL_HINT)
        return [LATIN_FALLBACK]


@functools.cache
def _coverage() -> frozenset[int] | None:
    families = _families()
    if len(families) == 1:
        return None  # no CJK font: keep every character, boxes show that text was there
    return frozenset().union(*(charmap(family) for family in families))


def _drawable(text: str) -> str:
    coverage = _coverage()
    if coverage is None:
        return text
    return "".join(char for char in text if char.isspace() or ord(char) in coverage)


def _fit(text: str, columns: int, lines: int) -> str:
    """User text in at most ``lines`` lines of ``columns`` (CJK characters count two)."""
    words = " ".join(_drawable(text).split())
    if not words:
        return EMPTY_LABEL
    wrapped: list[str] = []
    for word_line in textwrap.wrap(words, width=columns, break_long_words=False) or [words]:
        wrapped.extend(_cut_columns(word_line, columns))
    if len(wrapped) > lines:
        wrapped = [*wrapped[: lines - 1], _cut_columns(wrapped[lines - 1], columns - 1)[0] + "…"]
    return "\n".join(wrapped)


def _cut_columns(text: str, columns: int) -> list[str]:
    pieces, current, used = [], "", 0
    for char in text:
        width = 2 if unicodedata.east_asian_width(char) in {"W", "F"} else 1
        if used + width > columns and current:
            pieces.append(current)
            current, used = "", 0
        current += char
        used += width
    return [*pieces, current] if current else pieces


def funnel_chart(
    title: str, panels: Sequence[tuple[str, Sequence[Bar]]], *, subtitle: str = ""
) -> bytes:
    """One panel per platform, its funnel's stages top to bottom. Plays outnumber joins by
    orders of magnitude, so bar lengths are logarithmic; the notes carry the real numbers."""
    rows = sum(max(len(bars), 1) for _, bars in panels)
    figure = _figure(1.2 + 0.42 * rows + 0.45 * len(panels) + (0.3 if subtitle else 0))
    figure.suptitle(_fit(title, TITLE_COLUMNS, TITLE_LINES), **_text(size=13, weight="bold"))
    if subtitle:
        figure.supxlabel(_fit(subtitle, TITLE_COLUMNS + 20, 2), **_text(size=8, color=SOFT_INK))
    heights = [max(len(bars), 1) for _, bars in panels] or [1]
    axes_list = figure.subplots(len(heights), 1, height_ratios=heights, squeeze=False)[:, 0]
    peak = max((bar.value for _, bars in panels for bar in bars), default=0)
    for axes, (platform, bars) in zip(axes_list, panels, strict=True):
        axes.set_title(_fit(platform, TITLE_COLUMNS, 1), **_text(size=11, loc="left"))
        scaled = [
            Bar(
                bar.label, _log_length(bar.value, peak), bar.note or f"{bar.value:g}", bar.highlight
            )
            for bar in bars
        ]
        draw_bars(axes, scaled)
        axes.set_xlim(0, 1.35)
    return _png(figure)


def _log_length(value: float, peak: float) -> float:
    if value <= 0 or peak <= 0:
        return 0.0
    return math.log10(value + 1) / math.log10(peak + 1)
