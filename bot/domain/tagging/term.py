"""What one automaton key stands for: a tag keyword, a sentiment word, or both."""

from __future__ import annotations

ASCII_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

# What a lexicon word does besides carrying a polarity (see sentiment.assess).
PLAIN = 0
NEGATOR = 1
CONTRAST = 2
PAST = 3


class Term:
    """One normalised key. Built once per Tagger and never changed after the build.

    The boundary rule: an ASCII letter or digit at either end of a key must not touch another
    ASCII letter or digit in the text, so "bug" misses "debugger" and "bugs" while "bug" in
    "bug!", "#bug" or "bug修复" matches. Ends made of anything else (CJK, emoji, punctuation)
    match as plain substrings, since Chinese has no spaces between words.
    """

    __slots__ = (
        "check_end",
        "check_start",
        "in_lexicon",
        "length",
        "polarity",
        "role",
        "tag_weights",
        "tags",
        "text",
        "weights",
    )

    def __init__(self, text: str) -> None:
        self.text = text
        self.length = len(text)
        self.check_start = text[0] in ASCII_WORD_CHARS
        self.check_end = text[-1] in ASCII_WORD_CHARS
        self.tags: tuple[str, ...] = ()
        self.polarity = 0
        self.role = PLAIN
        self.in_lexicon = False
        self.weights: tuple[float, float, float] | None = None  # a learned feature's, per class
        self.tag_weights: tuple[float, ...] | None = None  # per tag of the learned tag model

    def add_tag(self, tag: str) -> None:
        if tag not in self.tags:
            self.tags = (*self.tags, tag)
