"""The one normal form in which keywords, hashtags and comments are compared.

normalize(text) == NFKC(text).casefold() mapped through a 1:1 Traditional -> Simplified table.
NFKC folds full-width forms (ＢＵＧ, ＃, ？) into plain ones; casefold is the Unicode caseless form.
Both may change the length of a string ('ß' -> 'ss', 'ﬁ' -> 'fi', '㎏' -> 'kg'), so offsets
of a match refer to the normalised text, never to the original. The Chinese map is character for
character and never changes the length. The map is generated from OpenCC (see generate_hant_map).
"""

from __future__ import annotations

import unicodedata

from bot.domain.tagging.hant_map import SIMPLIFIED, TRADITIONAL

_FULLWIDTH_ASCII = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_IDEOGRAPHIC_SPACE = {0x3000: 0x20}


# Enough for every character real comments use; past it, misses are answered but not remembered,
# so text crafted from many distinct code points cannot grow the table without bound.
_CACHE_LIMIT = 1 << 16


class _TranslationTable(dict[int, int]):
    """A str.translate table that remembers identity lookups.

    A miss makes CPython raise and clear a KeyError for every such character; caching the
    identity answer turns later lookups into plain hits. A racing insert from another thread
    writes the same value.
    """

    def __missing__(self, code_point: int) -> int:
        if len(self) < _CACHE_LIMIT:
            self[code_point] = code_point
        return code_point


_HANT = _TranslationTable(str.maketrans(TRADITIONAL, SIMPLIFIED))
_HANT_AND_FULLWIDTH = _TranslationTable(
    {**str.maketrans(TRADITIONAL, SIMPLIFIED), **_FULLWIDTH_ASCII, **_IDEOGRAPHIC_SPACE}
)


# Ingest normalises each text several times (search index, tagger, spam check): the recent
# answers are remembered. Cleared when full, so crafted traffic cannot grow it.
_RECENT_LIMIT = 1024
_RECENT: dict[str, str] = {}


def normalize(text: str) -> str:
    if text.isascii():
        # NFKC leaves ASCII alone, casefold equals lower on it, and it holds no Han characters.
        return text.lower()
    known = _RECENT.get(text)
    if known is None:
        if len(_RECENT) >= _RECENT_LIMIT:
            _RECENT.clear()
        known = _RECENT[text] = _normalize(text)
    return known


def _normalize(text: str) -> str:
    # Fast path, equal to the slow one: replacing a character by its compatibility decomposition
    # (full-width 'Ａ' by 'A') never changes the NFKC of a string, and Han ideographs neither
    # compose nor change case, so if the pre-mapped text is already NFKC it is NFKC(text) mapped.
    premapped = text.translate(_HANT_AND_FULLWIDTH)
    if unicodedata.is_normalized("NFKC", premapped):
        return premapped.casefold()
    return unicodedata.normalize("NFKC", text).casefold().translate(_HANT)
