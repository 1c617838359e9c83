"""The font that draws Chinese in charts, found through matplotlib's font manager.

matplotlib's default font (DejaVu Sans) has no CJK glyphs: Chinese labels would come out as empty
boxes. We look for a known CJK family first (Debian's ``fonts-noto-cjk`` gives "Noto Sans CJK SC"),
then for any installed font that has the glyphs. matplotlib caches its font list on first use, so
a font installed after that cache was written is invisible until we register the system's font
files it has not seen.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from matplotlib import font_manager

INSTALL_HINT = "install a CJK font, e.g. on Debian: apt-get install fonts-noto-cjk"
# Glyphs every candidate must have: common words of our Chinese labels.
CJK_SAMPLE = "投票结果粉丝反馈活跃消息中文"
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
NORMAL_WEIGHT = 400


class FontMissing(RuntimeError):
    """No installed font can draw Chinese."""


@dataclass(frozen=True)
class FontInfo:
    path: Path
    family: str
    face_index: int = 0

    def covers(self, text: str) -> bool:
        return all(ord(char) in charmap(self.family) for char in text)


@functools.cache
def cjk_font() -> FontInfo:
    """The CJK font charts use; ``FontMissing`` (with the install hint) when there is none."""
    found = _best(font_manager.fontManager.ttflist)
    if found is None and _register_unseen_system_fonts():
        found = _best(font_manager.fontManager.ttflist)
    if found is None:
        raise FontMissing(f"no font with Chinese glyphs found: {INSTALL_HINT}")
    return found


@functools.cache
def charmap(family: str) -> frozenset[int]:
    """The code points that the font matplotlib picks for ``family`` can draw."""
    properties = font_manager.FontProperties(family=[family])
    path = font_manager.findfont(properties, fallback_to_default=False)
    return frozenset(font_manager.get_font(path).get_charmap())


def _best(entries: Iterable[font_manager.FontEntry]) -> FontInfo | None:
    regular = [entry for entry in entries if entry.style == "normal"]
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


def _register_unseen_system_fonts() -> bool:
    known = {str(entry.fname) for entry in font_manager.fontManager.ttflist}
    added = False
    for path in map(str, font_manager.findSystemFonts()):
        if path in known:
            continue
        try:
            font_manager.fontManager.addfont(path)
            added = True
        except (OSError, RuntimeError, ValueError):
            continue
    return added
