"""The font that draws Chinese in charts, found through matplotlib's font manager.

matplotlib's default font (DejaVu Sans) has no CJK glyphs: Chinese labels would come out as empty
boxes. In order:

1. an installed system font that really draws our sample (Debian's ``fonts-noto-cjk`` gives
   "Noto Sans CJK SC"), preferred families first. matplotlib caches its font list on first use,
   so a font installed after that cache was written is invisible until we register the system's
   font files it has not seen;
2. the Noto Sans CJK collection that the ``noto-cjk-sans-otc`` dependency ships, used only when
   the file's SHA-256 is the one pinned here;
3. none: ``FontMissing`` with the install hint, and the charts warn.

"Really draws" is the point: a font's character map is a claim, not a glyph. matplotlib bundles
Unicode's Last Resort font, whose map claims every code point and sends each one to a box that
names its block; accepting it drew every label, English included, as boxes.
"""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, cast

import structlog
from matplotlib import font_manager, ft2font

if TYPE_CHECKING:
    from matplotlib.ft2font import GlyphIndexType

log = structlog.get_logger(__name__)

INSTALL_HINT = (
    "install a CJK font, e.g. on Debian: apt-get install fonts-noto-cjk, "
    "or the pinned Python package: pip install noto-cjk-sans-otc==0.0.1"
)
# Glyphs every candidate must draw: words of our Chinese labels, Simplified and Traditional, and
# the full-width punctuation they use. Latin and digits may come from the fallback font.
CJK_SAMPLE = "投票结果粉丝反馈活跃消息中文" + "投票結果粉絲回饋活躍訊息" + "｜：，（）"
PREFERRED_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Noto Sans CJK TC",
    "Noto Sans CJK JP",
    "Source Han Sans",
    "Droid Sans Fallback",
    "AR PL UMing CN",
    "Noto Serif CJK SC",
)
# Fonts made to stand in for missing glyphs: never a candidate, whatever they claim.
PLACEHOLDER_FAMILIES = ("last resort", "lastresort")
NORMAL_WEIGHT = 400


class FontMissing(RuntimeError):
    """No installed font can draw Chinese."""


@dataclass(frozen=True)
class PackagedFont:
    """A font file shipped by a pinned PyPI package, trusted only with the expected SHA-256."""

    package: str  # the importable package that holds the file
    file: str
    sha256: str
    family: str  # the face of the file that charts use

    def path(self) -> Path | None:
        try:
            path = Path(str(resources.files(self.package).joinpath(self.file)))
        except (ModuleNotFoundError, TypeError):
            return None
        return path if path.is_file() else None


# Noto Sans CJK 2.004 Regular, byte-identical to Debian's fonts-noto-cjk (1:20220127).
PACKAGED_FONT = PackagedFont(
    package="noto_cjk_sans_otc",
    file="NotoSansCJK-Regular.ttc",
    sha256="b76b0433203017ca80401b2ee0dd69350349871c4b19d504c34dbdd80541690a",
    family="Noto Sans CJK SC",
)


@dataclass(frozen=True)
class FontInfo:
    path: Path
    family: str
    face_index: int = 0

    def covers(self, text: str) -> bool:
        return draws(self.path, self.face_index, text)


@functools.cache
def cjk_font() -> FontInfo:
    """The CJK font charts use; ``FontMissing`` (with the install hint) when there is none."""
    found = _best_system_font()
    if found is None and _register_unseen_system_fonts():
        found = _best_system_font()
    if found is None:
        found = _packaged_font(PACKAGED_FONT)
    if found is None:
        raise FontMissing(f"no font with Chinese glyphs found: {INSTALL_HINT}")
    return found


@functools.cache
def charmap(family: str) -> frozenset[int]:
    """The code points that the font matplotlib picks for ``family`` can draw."""
    properties = font_manager.FontProperties(family=[family])
    path = font_manager.findfont(properties, fallback_to_default=False)
    return frozenset(font_manager.get_font(path).get_charmap())


def draws(path: Path | str, face_index: int, text: str) -> bool:
    """Whether the face itself has a real glyph for every non-space character of ``text``.

    A real glyph is not .notdef (index 0), has an outline, is not drawn like .notdef, and is not
    shared with another character of ``text``: Last Resort maps every ideograph to one box glyph
    that has an outline and a non-zero index, so only that last test catches it.
    """
    # A bare FT2Font: ``font_manager.get_font`` chains Last Resort as a fallback, and loading a
    # character through it would count the fallback's boxes as this face's glyphs.
    face = ft2font.FT2Font(os.fspath(path), face_index=face_index)
    notdef = _outline(face, cast("GlyphIndexType", 0))
    characters = {char for char in text if not char.isspace()}
    glyphs = set()
    for char in characters:
        index = face.get_char_index(ord(char))
        if index == 0:
            return False
        outline = _outline(face, index)
        if not outline or outline == notdef:
            return False
        glyphs.add(index)
    return len(glyphs) == len(characters)


def is_placeholder(family: str) -> bool:
    return family.casefold().startswith(PLACEHOLDER_FAMILIES)


def _outline(face: ft2font.FT2Font, index: GlyphIndexType) -> bytes:
    face.load_glyph(index, flags=ft2font.LoadFlags.NO_HINTING)
    vertices, _codes = face.get_path()
    return bytes(vertices.tobytes())


def _best_system_font() -> FontInfo | None:
    packaged = PACKAGED_FONT.path()
    entries = [
        entry
        for entry in font_manager.fontManager.ttflist
        if packaged is None or not _same_file(entry.fname, packaged)
    ]
    return _best(entries)


def _best(entries: Iterable[font_manager.FontEntry]) -> FontInfo | None:
    regular = [e for e in entries if e.style == "normal" and not is_placeholder(e.name)]
    regular.sort(key=lambda entry: abs(int(entry.weight) - NORMAL_WEIGHT))
    by_name = {entry.name: entry for entry in reversed(regular)}
    ordered = [by_name[name] for name in PREFERRED_FAMILIES if name in by_name]
    ordered += [entry for name, entry in sorted(by_name.items()) if name not in PREFERRED_FAMILIES]
    for entry in ordered:
        info = FontInfo(Path(entry.fname), entry.name, int(getattr(entry, "index", 0)))
        try:
            if info.covers(CJK_SAMPLE):
                return info
        except (OSError, RuntimeError, ValueError):
            continue  # a broken font file: not ours to fix
    return None


def _packaged_font(packaged: PackagedFont) -> FontInfo | None:
    path = packaged.path()
    if path is None:
        return None  # not installed: the caller's FontMissing names what to install
    actual = hashlib.sha256(path.read_bytes()).hexdigest()
    if actual != packaged.sha256:
        log.warning(
            "cjk_font_package_refused",
            reason="the font file's SHA-256 is not the pinned one",
            path=str(path),
            expected=packaged.sha256,
            actual=actual,
        )
        return None
    if not any(_same_file(entry.fname, path) for entry in font_manager.fontManager.ttflist):
        font_manager.fontManager.addfont(path)
    for entry in font_manager.fontManager.ttflist:
        if entry.name == packaged.family and _same_file(entry.fname, path):
            info = FontInfo(path, entry.name, int(getattr(entry, "index", 0)))
            if info.covers(CJK_SAMPLE):
                return info
    log.warning("cjk_font_package_unusable", path=str(path), family=packaged.family)
    return None


def _same_file(name: str | Path, path: Path) -> bool:
    return os.path.realpath(name) == os.path.realpath(path)


def _register_unseen_system_fonts() -> bool:
    known = {os.path.realpath(entry.fname) for entry in font_manager.fontManager.ttflist}
    added = False
    for path in map(str, font_manager.findSystemFonts()):
        if os.path.realpath(path) in known:
            continue
        try:
            font_manager.fontManager.addfont(path)
            added = True
        except (OSError, RuntimeError, ValueError):
            continue
    return added
