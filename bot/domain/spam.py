"""Spam in the room (issue 18, section 3): a pure, explainable decision per stored message.

Each signal is cheap and has a name; a message is spam when the weights of the signals it
shows reach `THRESHOLD`, and the decision keeps every signal it saw as its reasons, so an
operator reading a report sees why. Texts are compared in the tagger's normal form
(bot/domain/tagging/normalization.py): full-width letters and Traditional characters fold into
the forms the phrase lists are written in. No single weak signal decides: a link alone, a
popular phrase alone or a chant many fans repeat is not spam (a wrongly deleted fan message
costs more than a missed spam, issue 18); a link in a newcomer's first messages together with a
spam phrase is.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum

from bot.domain.tagging.normalization import normalize


class SpamMode(StrEnum):
    OFF = "off"
    REPORT = "report"  # dry run: decided and reported, nothing touched
    ACT = "act"  # the message deleted and its sender restricted


class Reason(StrEnum):
    NEWCOMER_LINK = "newcomer-link"
    NEWCOMER_MENTION = "newcomer-mention"
    NEWCOMER_FORWARD = "newcomer-forward"
    PHRASE = "phrase"
    LEARNED = "learned"
    REPEAT_ACCOUNTS = "repeat-accounts"
    REPEAT_GROUPS = "repeat-groups"
    MASS_MENTION = "mass-mention"
    OPERATOR = "operator"


WEIGHTS = {
    Reason.NEWCOMER_LINK: 2,
    Reason.NEWCOMER_MENTION: 1,
    Reason.NEWCOMER_FORWARD: 1,
    Reason.PHRASE: 2,
    Reason.LEARNED: 3,
    Reason.REPEAT_ACCOUNTS: 2,
    Reason.REPEAT_GROUPS: 2,
    Reason.MASS_MENTION: 3,
    Reason.OPERATOR: 3,
}
THRESHOLD = 3
NEWCOMER_MESSAGES = 3  # a sender with fewer stored messages in the group is a newcomer
MASS_MENTIONS = 5
REPEAT_ACCOUNTS = 3  # distinct accounts sending the same text within the window
REPEAT_GROUPS = 2  # distinct groups of this instance receiving it
FINGERPRINT_WINDOW = timedelta(minutes=30)
# Shorter texts ("哈哈哈", "生日快乐！", "+1") are what fans repeat to each other: never a wave.
MIN_FINGERPRINT_CHARS = 16
MAX_LEARNED = 200  # characters of an operator's spam mark kept as the group's phrase

# Phrases in the normal form (lower case, Simplified). Each one alone is only a hint.
PHRASES: tuple[str, ...] = (
    # English
    "check out my",
    "check my channel",
    "subscribe to my",
    "sub to my",
    "subscribe my channel",
    "visit my channel",
    "my channel",
    "free money",
    "earn money",
    "make money",
    "earn $",
    "per day from home",
    "work from home",
    "passive income",
    "investment opportunity",
    "crypto signals",
    "double your",
    "free bitcoin",
    "airdrop",
    "dm me",
    "text me",
    "click here",
    "click the link",
    "limited offer",
    "you have won",
    "you won",
    "claim your",
    "congratulations! you",
    "free followers",
    "buy followers",
    "promo code",
    "adult dating",
    "hot singles",
    "call now",
    "txt stop",
    "reply stop",
    "urgent! your",
    "cash prize",
    "free entry",
    "guaranteed",
    # Chinese (Simplified; Traditional folds into these)
    "加我微信",
    "加微信",
    "加v",
    "加vx",
    "加qq",
    "私聊我",
    "私信我",
    "兼职",
    "日赚",
    "日结",
    "躺赚",
    "轻松赚",
    "月入",
    "刷单",
    "返利",
    "代理招募",
    "博彩",
    "彩票",
    "时时彩",
    "百家乐",
    "棋牌",
    "usdt",
    "币圈",
    "带单",
    "空投",
    "免费领取",
    "点击链接",
    "低价出售",
    "代开发票",
    "发票",
    "贷款",
    "网贷",
    "套现",
    "色情",
    "约炮",
    "看片",
    "引流",
    "涨粉",
    "推广合作",
    "退订回",
    "回复td",
    "优惠券",
    "恭喜您",
    "中奖",
    # Russian
    "заработ",
    "доход от",
    "в день",
    "пиши в лс",
    "пишите в лс",
    "в личку",
    "подработ",
    "без вложений",
    "удаленн",
    "удалённ",
    "крипт",
    "инвест",
    "казино",
    "ставки",
    "бесплатно",
    "переходи по ссылке",
    "по ссылке",
    "подписывайтесь",
    "скидк",
    "акция",
    "выигр",
    "кредит",
    "займ",
)

_PHRASE_PATTERN = re.compile("|".join(re.escape(p) for p in sorted(PHRASES, key=len, reverse=True)))
_LINK = re.compile(
    r"https?://|www\.|t\.me/|telegram\.me/|wa\.me/|bit\.ly/"
    r"|\b[a-z0-9-]{2,}\.(?:com|net|org|ru|cn|io|me|xyz|top|info|biz|ly|cc|vip|site|online|shop)\b"
)
_MENTION = re.compile(r"(?<![\w@])@[a-z0-9_]{4,32}\b")


@dataclass(frozen=True, slots=True)
class TextSignals:
    """What one text shows by itself, before the group's and the instance's context."""

    links: int
    mentions: int
    phrases: tuple[str, ...]
    fingerprint: str | None  # None: too short to count as the same text sent again
    folded: str


@dataclass(frozen=True, slots=True)
class Context:
    """What the database knows around the message."""

    prior_messages: int = NEWCOMER_MESSAGES  # the sender's stored messages in the group before
    is_forwarded: bool = False
    accounts_with_text: int = 1  # distinct senders of this fingerprint in the window, with this
    groups_with_text: int = 1
    learned: tuple[str, ...] = ()  # the group's phrases, taught by operators' marks

    @property
    def newcomer(self) -> bool:
        return self.prior_messages < NEWCOMER_MESSAGES


@dataclass(frozen=True, slots=True)
class Verdict:
    is_spam: bool
    score: int
    reasons: tuple[str, ...]  # "phrase:加微信", "repeat-accounts:5", ...


def read_text(text: str | None) -> TextSignals:
    folded = " ".join(normalize(text).split()) if text else ""
    phrases = tuple(dict.fromkeys(_PHRASE_PATTERN.findall(folded))) if folded else ()
    return TextSignals(
        links=len(_LINK.findall(folded)),
        mentions=len(_MENTION.findall(folded)),
        phrases=phrases,
        fingerprint=fingerprint(folded),
        folded=folded,
    )


def fingerprint(folded: str) -> str | None:
    """The same words, whatever the spacing, punctuation, digits or emoji around them."""
    letters = "".join(ch for ch in folded if ch.isalpha())
    if len(letters) < MIN_FINGERPRINT_CHARS:
        return None
    return hashlib.blake2b(letters.encode(), digest_size=8).hexdigest()


def learned_phrase(text: str | None) -> str | None:
    """What an operator's spam mark teaches the group: the text in the normal form."""
    folded = " ".join(normalize(text).split())[:MAX_LEARNED] if text else ""
    return folded if len(folded) >= 4 else None


def decide(signals: TextSignals, context: Context) -> Verdict:
    reasons: list[tuple[Reason, str]] = []
    if context.newcomer:
        if signals.links:
            reasons.append((Reason.NEWCOMER_LINK, ""))
        if signals.mentions:
            reasons.append((Reason.NEWCOMER_MENTION, ""))
        if context.is_forwarded:
            reasons.append((Reason.NEWCOMER_FORWARD, ""))
    if signals.phrases:
        reasons.append((Reason.PHRASE, signals.phrases[0]))
    learned = next((p for p in context.learned if p and p in signals.folded), None)
    if learned is not None:
        reasons.append((Reason.LEARNED, learned[:40]))
    if signals.fingerprint is not None:
        if context.accounts_with_text >= REPEAT_ACCOUNTS:
            reasons.append((Reason.REPEAT_ACCOUNTS, str(context.accounts_with_text)))
        if context.groups_with_text >= REPEAT_GROUPS:
            reasons.append((Reason.REPEAT_GROUPS, str(context.groups_with_text)))
    if signals.mentions >= MASS_MENTIONS:
        reasons.append((Reason.MASS_MENTION, str(signals.mentions)))
    score = sum(WEIGHTS[reason] for reason, _ in reasons)
    return Verdict(
        is_spam=score >= THRESHOLD,
        score=score,
        reasons=tuple(
            f"{reason}:{detail}" if detail else str(reason) for reason, detail in reasons
        ),
    )


def worth_judging(text: str | None, is_forwarded: bool) -> bool:
    """A message with nothing to read and not forwarded cannot show any signal."""
    return bool(text) or is_forwarded


SPAM_WORDS = {
    "off": SpamMode.OFF,
    "关": SpamMode.OFF,
    "关闭": SpamMode.OFF,
    "on": SpamMode.REPORT,
    "开": SpamMode.REPORT,
    "report": SpamMode.REPORT,
    "报告": SpamMode.REPORT,
    "act": SpamMode.ACT,
    "delete": SpamMode.ACT,
    "删除": SpamMode.ACT,
}


def parse_mode(typed: str) -> SpamMode | None:
    """`off`, `on` (report only), `report`, `act`, in Chinese too (Traditional folds)."""
    return SPAM_WORDS.get(normalize(typed).strip())
