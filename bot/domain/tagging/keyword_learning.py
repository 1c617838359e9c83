"""Keywords a group's own corrections propose for one of its tags. Pure: texts in, proposals out.

The labels are the comments operators tagged by hand that the tagger had missed (`missed`), and
against them the comments they took the tag off plus the group's other recent comments
(`others`). A candidate is a word of the missed comments: a run of 2-4 Chinese characters, an
English word or two words in a row. It is proposed when it occurs in at least MIN_SUPPORT of them
and would have been right at least MIN_PRECISION of the times it occurs at all. Candidates are
taken most supported first, then longest (the most precise on comments to come), and one that
explains no missed comment the earlier ones do not is left out (对不上 makes 不上 and 字幕对
redundant). Operators accept a proposal by tap; nothing here changes a tag.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection, Iterable, Sequence
from typing import NamedTuple

from bot.domain.tagging.normalization import normalize

MIN_SUPPORT = 2
MIN_PRECISION = 0.8
MAX_PROPOSALS = 5  # per tag
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
_WORD = re.compile(r"[a-z0-9][a-z0-9'’-]*")
_HAN_SIZES = (2, 3, 4)


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


# Words too common in any comment to tell one tag from another.
_STOP_EN = _words(
    """
    the a an and or but is are was were be been it its it's this that these those i you he she
    we they me my your our their his her them to of in on at for with from by as so if not no
    do does did have has had just very really too can could would will should what when where
    who how why all any some more most than then there here out up down about again also only
    one two get got like video videos channel
    """
)
_STOP_ZH = _words(
    """
    这个 那个 一个 我们 你们 他们 就是 还是 但是 什么 怎么 视频 up主 真的 可以 没有 自己 因为
    所以 已经 现在 时候 感觉 觉得 这么 那么 还有 这样 那样 大家 一下 一直 不是 是不 我的 你的
    """
)


class Proposal(NamedTuple):
    tag: str
    keyword: str
    support: int  # missed comments it would have tagged
    against: int  # other comments it would have tagged wrongly

    @property
    def key(self) -> str:
        """A short stable name for a button (callback data holds 64 bytes, a keyword may not)."""
        return proposal_key(self.tag, self.keyword)


def proposal_key(tag: str, keyword: str) -> str:
    return hashlib.blake2s(f"{tag}\x00{keyword}".encode(), digest_size=5).hexdigest()


def candidates(text: str) -> set[str]:
    """The candidate keywords of one comment, in normal form."""
    norm = normalize(text)
    found: set[str] = set()
    for run in _HAN_RUN.findall(norm):
        for size in _HAN_SIZES:
            found.update(run[i : i + size] for i in range(len(run) - size + 1))
    words = [word.strip("'’-") for word in _WORD.findall(norm)]
    found.update(word for word in words if len(word) >= 3 and word not in _STOP_EN)
    found.update(
        f"{first} {second}"
        for first, second in zip(words, words[1:], strict=False)
        if not (first in _STOP_EN and second in _STOP_EN)
    )
    return found - _STOP_ZH


def propose(
    tag: str,
    missed: Sequence[str],
    others: Iterable[str],
    known: Collection[str] = (),
) -> list[Proposal]:
    """Up to MAX_PROPOSALS keywords for `tag`, most supported first. `known` are its keywords
    already and the ones operators declined, in normal form: neither they nor a word inside or
    around them is proposed again."""
    support: dict[str, set[int]] = {}
    for index, text in enumerate(missed):
        for candidate in candidates(text):
            support.setdefault(candidate, set()).add(index)
    strong = {
        candidate: found
        for candidate, found in support.items()
        if len(found) >= MIN_SUPPORT and not any(k in candidate or candidate in k for k in known)
    }
    if not strong:
        return []
    against = dict.fromkeys(strong, 0)
    for text in others:
        for candidate in candidates(text) & against.keys():
            against[candidate] += 1
    ranked = sorted(
        (
            candidate
            for candidate, found in strong.items()
            if len(found) / (len(found) + against[candidate]) >= MIN_PRECISION
        ),
        # Of equally supported candidates the longest is the most precise one to come.
        key=lambda c: (-len(strong[c]), against[c], -len(c), c),
    )
    chosen: list[str] = []
    explained: set[int] = set()
    for candidate in ranked:
        if strong[candidate] <= explained:
            continue
        chosen.append(candidate)
        explained |= strong[candidate]
        if len(chosen) == MAX_PROPOSALS:
            break
    return [Proposal(tag, _as_written(c, missed), len(strong[c]), against[c]) for c in chosen]


def _as_written(candidate: str, texts: Sequence[str]) -> str:
    """The candidate as a fan first wrote it (涼了 stays Traditional, Bug keeps its case)."""
    for text in texts:
        norm = normalize(text)
        start = norm.find(candidate)
        if start >= 0 and len(norm) == len(text):
            return text[start : start + len(candidate)]
    return candidate
