"""Every glyph a chart draws is a real glyph of the font chosen for it, whatever the machine has.

The renderer is watched while it draws: for each piece of text, the font object and glyph index
that matplotlib's Agg backend lays out are recorded, then checked against the font file itself.
Machine states are simulated on matplotlib's font manager: the cache of a machine that has only
Python (matplotlib's own fonts, Last Resort among them), the same cache with a CJK font installed
after it was written, and this machine as it is.

``FANPULSE_CHART_PNG_DIR=/some/dir`` keeps the PNGs there to look at.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import shutil
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import matplotlib
import pytest
import structlog
from matplotlib import font_manager, ft2font
from matplotlib.backends.backend_agg import RendererAgg, get_hinting_flag

from bot.domain import charts, fonts
from bot.domain.charts import Bar, DayActivity, DigestLabels, PollOption
from bot.domain.fonts import CJK_SAMPLE, PACKAGED_FONT, FontInfo, FontMissing, cjk_font

if TYPE_CHECKING:
    from matplotlib.ft2font import GlyphIndexType

MPL_FONTS = Path(os.path.realpath(matplotlib.get_data_path())) / "fonts"
LAST_RESORT = MPL_FONTS / "ttf" / "LastResortHE-Regular.ttf"
DEJAVU_SANS = MPL_FONTS / "ttf" / "DejaVuSans.ttf"
SIMPLIFIED = "投票结果粉丝反馈"
TRADITIONAL = "投票結果粉絲回饋"
PUNCTUATION = "｜：，（）"


@dataclass(frozen=True)
class Drawn:
    text: str  # one glyph's cluster: usually one character, "fi" when a ligature draws both
    family: str
    path: Path
    face_index: int
    glyph: int


@dataclass(frozen=True)
class Chart:
    name: str
    render: Callable[[], bytes]
    words: tuple[str, ...]  # what the chart must show, each character drawn


def _days() -> list[DayActivity]:
    start = date(2026, 11, 15)
    return [
        DayActivity(start + timedelta(days=n), 100 + (n * 37) % 90, 10 + (n * 7) % 25)
        for n in range(14)
    ]


DIGEST_LABELS = DigestLabels(
    title=f"粉丝群 Fan Club：日报｜粉絲群日報 {SIMPLIFIED}",
    activity="最近 14 天 · Last 14 days",
    messages="消息 Messages",
    active_fans="活跃粉丝 活躍粉絲",
    feedback=f"按标签的反馈（Feedback by tag）{TRADITIONAL}",
    no_feedback="没有带标签的反馈，沒有帶標籤的回饋 No tagged feedback",
)
POLL_OPTIONS = [
    PollOption("舞蹈挑战 Dance", 42),
    PollOption("粉絲問答 Q&A", 17),
    PollOption("日常 vlog", 3),
]
VIDEO_BARS = [
    Bar("哔哩哔哩", 12000, "12,000 · 8%", highlight=True),
    Bar("抖音（Douyin）", 8000, "8,000 · 5%"),
    Bar("YouTube", 3000, "3,000 · 12%"),
]
FUNNEL_PANELS = [
    (
        "抖音",
        [
            Bar("播放", 12_000, "12,000"),
            Bar("入群", 4, "4 · 0.033%", highlight=True),
            Bar("留满 7 天", 2, "2 · 50%"),
            Bar("發言", 2, "2 · 50%"),
        ],
    ),
    ("小紅書", [Bar("Plays", 0, "–"), Bar("Joined", 3, "3", highlight=True)]),
]
CHARTS = [
    Chart(
        "poll",
        lambda: charts.poll_chart(
            f"下一期视频拍什么？下一期影片拍什麼？ {SIMPLIFIED}",
            POLL_OPTIONS,
            subtitle=f"62 人投票 · 62 voters｜{TRADITIONAL}",
        ),
        ("下一期视频拍什么？", "影片拍什麼？", SIMPLIFIED, TRADITIONAL, "62 voters", "42 · 68%")
        + tuple(option.label for option in POLL_OPTIONS),
    ),
    Chart(
        "digest",
        lambda: charts.digest_chart(
            _days(),
            [Bar("话题建议", 12), Bar("問題回饋 bug", 5), Bar("Praise 表扬", 30, highlight=True)],
            DIGEST_LABELS,
        ),
        (
            DIGEST_LABELS.title,
            DIGEST_LABELS.activity,
            DIGEST_LABELS.messages,
            DIGEST_LABELS.active_fans,
            DIGEST_LABELS.feedback,
            "话题建议",
            "問題回饋 bug",
            "Praise 表扬",
            "11-28",
        ),
    ),
    Chart(
        "digest_without_feedback",
        lambda: charts.digest_chart(_days()[:3], [], DIGEST_LABELS),
        (DIGEST_LABELS.title, DIGEST_LABELS.no_feedback),
    ),
    Chart(
        "video_card",
        lambda: charts.bar_chart(
            "v12 · 舞蹈挑战（第二期）粉絲回饋 Dance challenge",
            VIDEO_BARS,
            subtitle="各平台播放量（累计）· 互动率｜Plays per platform",
        ),
        ("v12 · 舞蹈挑战（第二期）粉絲回饋 Dance challenge", "各平台播放量（累计）· 互动率")
        + tuple(bar.label for bar in VIDEO_BARS)
        + tuple(bar.note for bar in VIDEO_BARS),
    ),
    Chart(
        "video_funnel",
        lambda: charts.funnel_chart(
            "v12 · 舞蹈挑战：从播放到粉丝",
            FUNNEL_PANELS,
            subtitle="播放（导入）→ 通过链接入群 → 留满 7 天 → 第一周内发言｜第一週內發言",
        ),
        ("v12 · 舞蹈挑战：从播放到粉丝", "第一週內發言")
        + tuple(panel for panel, _ in FUNNEL_PANELS)
        + tuple(bar.label for _, bars in FUNNEL_PANELS for bar in bars)
        + tuple(bar.note for _, bars in FUNNEL_PANELS for bar in bars),
    ),
]


def _forget_fonts() -> None:
    for cache in (fonts.cjk_font, fonts.charmap, charts._families, charts._coverage):
        cache.cache_clear()
    # matplotlib memoizes font look-ups; a restored font list must not get answers from the last.
    font_manager.fontManager._findfont_cached.cache_clear()  # type: ignore[attr-defined]


def _real(path: str | Path) -> Path:
    return Path(os.path.realpath(path))


def _bundled_entries() -> list[font_manager.FontEntry]:
    return [
        entry
        for entry in font_manager.fontManager.ttflist
        if _real(entry.fname).is_relative_to(MPL_FONTS)
    ]


@pytest.fixture(scope="session")
def late_cjk_font(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A CJK font file at a path matplotlib's cache has never seen, as if installed after it."""
    packaged = PACKAGED_FONT.path()
    assert packaged is not None, "the pinned font package is a dependency: pip install -e ."
    copy = tmp_path_factory.mktemp("usr-share-fonts") / packaged.name
    shutil.copyfile(packaged, copy)
    return copy


@pytest.fixture
def font_state(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    """Changes to the font manager and the font caches, undone (and forgotten) afterwards."""
    monkeypatch.setattr(font_manager.fontManager, "ttflist", list(font_manager.fontManager.ttflist))
    _forget_fonts()
    yield monkeypatch
    monkeypatch.undo()
    _forget_fonts()


def only_python(state: pytest.MonkeyPatch, system_fonts: list[str]) -> None:
    """matplotlib's cache as a machine with only Python writes it; the system has these fonts."""
    bundled = _bundled_entries()
    assert any(_real(entry.fname) == LAST_RESORT for entry in bundled)
    assert not any("CJK" in entry.name for entry in bundled)
    state.setattr(font_manager.fontManager, "ttflist", bundled)
    state.setattr(font_manager, "findSystemFonts", lambda *args, **kwargs: list(system_fonts))


MACHINES = ("only_python", "cjk_font_installed_after_the_cache", "this_machine")


def arrange(machine: str, state: pytest.MonkeyPatch, late_font: Path) -> Path | None:
    """Set up ``machine``; the font file that must be chosen, None when this machine decides."""
    packaged = PACKAGED_FONT.path()
    if machine == "only_python":
        only_python(state, [])
        return packaged
    if machine == "cjk_font_installed_after_the_cache":
        only_python(state, [str(late_font)])
        return late_font
    return None


@contextmanager
def drawn_glyphs() -> Iterator[list[Drawn]]:
    """Record each glyph the Agg renderer lays out for text, with the font object it came from."""
    drawn: list[Drawn] = []
    original: Any = RendererAgg.draw_text
    hinting: Any = get_hinting_flag

    def draw_text(self: RendererAgg, *args: Any, **kwargs: Any) -> None:
        _gc, _x, _y, text, prop, _angle, *rest = args
        if not (rest[0] if rest else kwargs.get("ismath", False)):
            font = cast(Any, self)._prepare_font(prop)
            for item in font._layout(text, flags=hinting()):
                face = item.ft_object
                drawn.append(
                    Drawn(
                        item.char,
                        face.family_name,
                        _real(face.fname),
                        face.face_index,
                        item.glyph_index,
                    )
                )
        original(self, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(RendererAgg, "draw_text", draw_text)
        yield drawn


def _outline(path: Path, face_index: int, glyph: int) -> bytes:
    face = ft2font.FT2Font(str(path), face_index=face_index)
    face.load_glyph(cast("GlyphIndexType", glyph), flags=ft2font.LoadFlags.NO_HINTING)
    return bytes(face.get_path()[0].tobytes())


def _is_cjk(text: str) -> bool:
    return any(unicodedata.east_asian_width(char) in {"W", "F"} for char in text)


def assert_real_glyphs(
    drawn: list[Drawn], chosen: FontInfo, words: tuple[str, ...], *, only_file: bool = False
) -> None:
    """Each glyph: from the chosen family (CJK always) or the Latin fallback, and a real glyph.

    ``only_file``: the chosen file is the family's only file (bold text too comes from it).
    """
    for glyph in drawn:
        assert glyph.path != LAST_RESORT, glyph
        assert glyph.family in {chosen.family, charts.LATIN_FALLBACK}, glyph
        if _is_cjk(glyph.text):
            assert glyph.family == chosen.family, glyph
        if only_file and glyph.family == chosen.family:
            assert (glyph.path, glyph.face_index) == (_real(chosen.path), chosen.face_index), glyph
        assert glyph.glyph != 0, f"{glyph.text!r} drawn as .notdef of {glyph.path.name}"
        if not glyph.text.isspace():
            outline = _outline(glyph.path, glyph.face_index, glyph.glyph)
            assert outline, f"{glyph.text!r} drawn as an empty glyph of {glyph.path.name}"
            assert outline != _outline(glyph.path, glyph.face_index, 0), glyph
    shown = "".join(glyph.text for glyph in drawn)
    for word in words:
        missing = {char for char in word if not char.isspace() and char not in shown}
        assert not missing, f"{word!r}: {sorted(missing)} never drawn"


def keep_png(name: str, data: bytes, tmp_path: Path) -> None:
    folder = Path(os.environ.get("FANPULSE_CHART_PNG_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.png").write_bytes(data)


@pytest.mark.parametrize("machine", MACHINES)
@pytest.mark.parametrize("chart", CHARTS, ids=[chart.name for chart in CHARTS])
def test_every_glyph_of_every_chart_is_a_real_glyph_of_the_chosen_font(
    machine: str,
    chart: Chart,
    font_state: pytest.MonkeyPatch,
    late_cjk_font: Path,
    tmp_path: Path,
) -> None:
    expected = arrange(machine, font_state, late_cjk_font)
    chosen = cjk_font()
    if expected is not None:
        assert _real(chosen.path) == _real(expected)
    assert chosen.covers(CJK_SAMPLE + SIMPLIFIED + TRADITIONAL + PUNCTUATION)
    with drawn_glyphs() as drawn:
        data = chart.render()
    assert data.startswith(b"\x89PNG")
    assert_real_glyphs(drawn, chosen, chart.words, only_file=expected is not None)
    keep_png(f"{machine}-{chart.name}", data, tmp_path)


def test_the_glyph_check_catches_boxes_of_last_resort() -> None:
    """The check above can fail: a chart drawn in Last Resort, as the bug drew it, is caught."""
    last_resort = FontInfo(LAST_RESORT, "Last Resort High-Efficiency")
    with drawn_glyphs() as drawn:
        figure = charts._figure(2)
        figure.suptitle(f"{SIMPLIFIED} Results", fontfamily=[last_resort.family])
        charts._png(figure)
    assert {glyph.path for glyph in drawn} == {LAST_RESORT}
    with pytest.raises(AssertionError, match="Last"):
        assert_real_glyphs(drawn, last_resort, (SIMPLIFIED,))


def test_the_glyph_check_catches_notdef_boxes() -> None:
    """Without Last Resort behind it, a font that lacks Chinese draws its own .notdef."""
    dejavu = FontInfo(DEJAVU_SANS, charts.LATIN_FALLBACK)
    with (
        matplotlib.rc_context({"font.enable_last_resort": False}),
        pytest.warns(UserWarning, match="missing from"),
        drawn_glyphs() as drawn,
    ):
        figure = charts._figure(2)
        figure.suptitle(f"{SIMPLIFIED} Results", fontfamily=[dejavu.family])
        charts._png(figure)
    assert {glyph.path for glyph in drawn} == {DEJAVU_SANS}
    with pytest.raises(AssertionError, match=r"drawn as \.notdef of DejaVuSans"):
        assert_real_glyphs(drawn, dejavu, (SIMPLIFIED,))


def test_last_resort_claims_every_code_point_and_draws_none_of_our_sample() -> None:
    face = ft2font.FT2Font(str(LAST_RESORT))
    assert all(face.get_char_index(ord(char)) != 0 for char in CJK_SAMPLE + "Results")
    assert not fonts.draws(LAST_RESORT, 0, CJK_SAMPLE)
    assert not fonts.draws(LAST_RESORT, 0, "Results")
    assert fonts.is_placeholder("Last Resort High-Efficiency")
    assert fonts.is_placeholder("LastResort")
    assert fonts.draws(DEJAVU_SANS, 0, "Results 0123456789")
    assert not fonts.draws(DEJAVU_SANS, 0, SIMPLIFIED)


@pytest.mark.parametrize("claims_believed", [False, True])
def test_last_resort_is_never_chosen(font_state: pytest.MonkeyPatch, claims_believed: bool) -> None:
    """Neither by its glyphs nor, were the glyph check fooled, by its name."""
    only_python(font_state, [])
    font_state.setattr(fonts, "PACKAGED_FONT", dataclasses.replace(PACKAGED_FONT, package="absent"))
    if claims_believed:
        font_state.setattr(fonts, "draws", lambda path, face_index, text: True)
        last_resort = [e for e in font_manager.fontManager.ttflist if _real(e.fname) == LAST_RESORT]
        font_state.setattr(font_manager.fontManager, "ttflist", last_resort)
    with pytest.raises(FontMissing, match="noto-cjk-sans-otc"):
        cjk_font()


def test_a_system_cjk_font_wins_over_the_packaged_one(
    font_state: pytest.MonkeyPatch, late_cjk_font: Path
) -> None:
    only_python(font_state, [str(late_cjk_font)])
    packaged = PACKAGED_FONT.path()
    assert packaged is not None
    font_state.setattr(font_manager.fontManager, "ttflist", _bundled_entries())
    font_manager.fontManager.addfont(packaged)  # registered earlier in this process
    chosen = cjk_font()
    assert _real(chosen.path) == _real(late_cjk_font)
    assert chosen.family == "Noto Sans CJK SC"


def test_a_packaged_font_with_another_sha256_is_refused(font_state: pytest.MonkeyPatch) -> None:
    only_python(font_state, [])
    wrong = "0" * 64
    font_state.setattr(fonts, "PACKAGED_FONT", dataclasses.replace(PACKAGED_FONT, sha256=wrong))
    with structlog.testing.capture_logs() as logs:
        with pytest.raises(FontMissing):
            cjk_font()
        assert charts._families() == [charts.LATIN_FALLBACK]
    refused = [entry for entry in logs if entry["event"] == "cjk_font_package_refused"]
    assert refused and refused[0]["log_level"] == "warning"
    assert refused[0]["expected"] == wrong
    assert refused[0]["actual"] == PACKAGED_FONT.sha256
    assert {"event": "cjk_font_missing", "hint": fonts.INSTALL_HINT, "log_level": "warning"} in logs
    packaged = PACKAGED_FONT.path()
    assert packaged is not None
    assert not any(_real(e.fname) == _real(packaged) for e in font_manager.fontManager.ttflist)


def test_the_pinned_sha256_is_the_installed_font_file() -> None:
    packaged = PACKAGED_FONT.path()
    assert packaged is not None
    assert hashlib.sha256(packaged.read_bytes()).hexdigest() == PACKAGED_FONT.sha256


def test_with_no_font_at_all_charts_render_and_warn(
    font_state: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    only_python(font_state, [])
    font_state.setattr(fonts, "PACKAGED_FONT", dataclasses.replace(PACKAGED_FONT, package="absent"))
    with structlog.testing.capture_logs() as logs, pytest.warns(UserWarning, match="missing from"):
        data = CHARTS[0].render()
    assert data.startswith(b"\x89PNG")
    assert {"event": "cjk_font_missing", "hint": fonts.INSTALL_HINT, "log_level": "warning"} in logs
    keep_png("no_font_at_all-poll", data, tmp_path)
