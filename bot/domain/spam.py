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
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum
from typing import Any

import ahocorasick  # type: ignore[import-not-found]  # C extension without type information

from bot.domain.tagging.normalization import normalize


class SpamMode(StrEnum):
    OFF = "off"
    REPORT = "report"  # dry run: decided and reported, nothing touched
    ACT = "act"  # the message deleted and its sender restricted


class Reason(StrEnum):
    NEWCOMER_LINK = "newcomer-link"
    NEWCOMER_MENTION = "newcomer-mention"
    NEWCOMER_FORWARD = "newcomer-forward"
    NEWCOMER_PHRASE = "newcomer-phrase"
    MEDIA_LINK = "newcomer-media-link"
    PITCH = "pitch"
    PHRASE = "phrase"
    PHRASE_MORE = "phrase-more"
    LEARNED = "learned"
    REPEAT_ACCOUNTS = "repeat-accounts"
    REPEAT_GROUPS = "repeat-groups"
    MASS_MENTION = "mass-mention"
    MIXED_SCRIPT = "mixed-script"
    OPERATOR = "operator"
    HIDDEN_LINK = "newcomer-hidden-link"  # a private invite, a shortener, "t . me" spelled out
    CONTACT = "newcomer-contact"  # a phone number, a bot's handle, the same handle again


WEIGHTS = {
    Reason.NEWCOMER_LINK: 2,
    Reason.NEWCOMER_MENTION: 1,
    Reason.NEWCOMER_FORWARD: 1,
    Reason.NEWCOMER_PHRASE: 1,
    Reason.MEDIA_LINK: 1,
    Reason.PITCH: 3,
    Reason.PHRASE: 2,
    Reason.PHRASE_MORE: 1,
    Reason.LEARNED: 3,
    Reason.REPEAT_ACCOUNTS: 1,
    Reason.REPEAT_GROUPS: 1,
    Reason.MASS_MENTION: 3,
    Reason.MIXED_SCRIPT: 3,
    Reason.OPERATOR: 3,
    Reason.HIDDEN_LINK: 1,
    Reason.CONTACT: 1,
}
THRESHOLD = 3
NEWCOMER_MESSAGES = 3  # a sender with fewer stored messages in the group is a newcomer
MASS_MENTIONS = 5
REPEAT_ACCOUNTS = 3  # distinct accounts sending the same text within the window
REPEAT_GROUPS = 2  # distinct groups of this instance receiving it
FINGERPRINT_WINDOW = timedelta(minutes=30)
# Shorter texts ("哈哈哈", "生日快乐！", "+1") are what fans repeat to each other: never a wave.
MIN_FINGERPRINT_CHARS = 16
MIXED_WORDS = 2  # words spelled with Latin look-alikes inside Cyrillic ("зapaбoткa")
MAX_LEARNED = 200  # characters of an operator's spam mark kept as the group's phrase

# Hints that turn into a pitch in a newcomer's first messages: promotion, not conversation.
PROMOTION: frozenset[str] = frozenset(
    {
        "check out",
        "subscribe to",
        "and subscribe",
        "please subscribe",
        "please visit",
        "website",
        "share this",
        "like this comment",
        "follow me",
        "join me on",
        "subscribe me",
        "come subscribe",
        "subscribe please",
        "sub back",
        "my video",
        "my page",
        "my profile",
        "my stream",
        "my music",
        "my songs",
        "my youtube",
        "набираю",
        "пишите +",
        "+ в лс",
        "引流",
        "涨粉",
        "推广合作",
    }
)

# Phrases that are a pitch by themselves, wherever they appear: self-promotion and scams.
PITCHES: tuple[str, ...] = (
    "check out my",
    "check my channel",
    "check out our",
    "subscribe to my",
    "subscribe my",
    "sub to my",
    "sub 4 sub",
    "sub4sub",
    "visit my channel",
    "visit my profile",
    "my channel",
    "my new video",
    "check out this video on youtube",
    "check out this playlist on youtube",
    "take a look at this video on youtube",
    "please visit this website",
    "free gift card",
    "earn real money",
    "earn money",
    "make money online",
    "work from home",
    "passive income",
    "register your account",
    "加我微信",
    "加微信",
    "加vx",
    "私聊我",
    "日赚",
    "躺赚",
    "刷单",
    "带单",
    "代开发票",
    "时时彩",
    "百家乐",
    "пиши в лс",
    "пишите в лс",
    "жду в лс",
    "без вложений",
    "набор в команду",
    "напиши в поиске",
)

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
    "check out",
    "please visit",
    "website",
    "share this",
    "check out this video",
    "check out this playlist",
    "subscribe to",
    "and subscribe",
    "please subscribe",
    "subscribe me",
    "come subscribe",
    "subscribe please",
    "sub back",
    "my page",
    "my profile",
    "my stream",
    "my music",
    "my songs",
    "my youtube",
    "sub 4 sub",
    "sub4sub",
    "my video",
    "like this comment",
    "gift card",
    "bitcoin",
    "cryptocurrency",
    "forex",
    "trading platform",
    "profit",
    "testify",
    "join me on",
    "follow me",
    "register your account",
    "start earning",
    "earning",
    "investment",
    "sub me",
    "subscribe back",
    "i'll subscribe",
    "subscribers",
    "giftcard",
    "get paid",
    "like this page",
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
    "贷款",
    "网贷",
    "套现",
    "色情",
    "约炮",
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
    "акция",
    "займ",
    "набор в команду",
    "в команду",
    "набираю",
    "в лс",
    "+ в лс",
    "доход",
    "прибыл",
    "ставк",
    "прогноз",
    "интим",
    "слив",
    "слит",
    "цифров",
    "валют",
    "партн",
    "сотрудничеств",
    "без опыта",
    "обучаю",
    "обучу",
    "обучение бесплатно",
    "в месяц",
    "в неделю",
    "пишите +",
    "напиши в поиске",
    "ограничено",
    "фальш",
    "эскорт",
    "18+",
    "накрут",
    "требуется",
    "ставим",
    "выигрыш",
    "продам рекламу",
    "рекламу",
)


def _automaton(phrases: Iterable[tuple[str, bool]]) -> Any:
    """One Aho-Corasick pass finds every phrase (a loop or one big regex costs several times
    more, ARCHITECTURE section 9); the value is (phrase, is a pitch)."""
    automaton = ahocorasick.Automaton()
    for phrase, pitch in phrases:
        automaton.add_word(phrase, (phrase, pitch))
    automaton.make_automaton()
    return automaton


_PHRASES = _automaton([*((p, False) for p in PHRASES), *((p, True) for p in PITCHES)])


def _starts_a_word(phrase: str) -> bool:
    """A phrase in letters starts a word ("крипт" is not in "скрипт"); Chinese ones match
    anywhere, as the tagger's do."""
    return phrase[0].isalpha() and not "\u4e00" <= phrase[0] <= "\u9fff"


_WORDED = {p: _starts_a_word(p) for p in (*PHRASES, *PITCHES)}


def _found(readable: str) -> tuple[tuple[str, ...], str | None]:
    """The hints found (in order, once each) and the first pitch."""
    hints: dict[str, None] = {}
    pitch = None
    for last, (phrase, is_pitch) in _PHRASES.iter(readable):
        begin = last - len(phrase) + 1
        if _WORDED[phrase] and begin > 0 and readable[begin - 1].isalpha():
            continue
        if is_pitch:
            pitch = pitch or phrase
        else:
            hints[phrase] = None
    return tuple(hints), pitch


# One match per link, whatever its form: a URL, www., a bare host with a common top-level domain.
_LINK = re.compile(
    r"(?:https?://|www\.)\S+"
    r"|\b(?:[a-z0-9-]+\.)+(?:com|net|org|ru|cn|io|me|xyz|top|info|biz|ly|cc|vip|site|online"
    r"|shop|ltd|tk|co|in|ua)\b(?:/\S*)?"
)
# Where fans link the group's own music and videos: a newcomer's link there is a weaker signal.
MEDIA_HOSTS = (
    "youtube.com",
    "youtu.be",
    "bilibili.com",
    "b23.tv",
    "weibo.com",
    "weibo.cn",
    "douyin.com",
    "xiaohongshu.com",
    "xhslink.com",
    "instagram.com",
    "twitter.com",
    "x.com",
    "tiktok.com",
    "spotify.com",
    "music.apple.com",
    "music.163.com",
    "y.qq.com",
    "vk.com",
)
_MEDIA_HOST = re.compile(
    r"^(?:https?://)?(?:[a-z0-9-]+\.)*(?:" + "|".join(re.escape(h) for h in MEDIA_HOSTS) + r")\b"
)
_MENTION = re.compile(r"(?<![\w@])@[a-z0-9_]{4,32}\b")
# Links that hide where they go: a private group's invite, a shortener, "t . me/" spelled apart.
_HIDDEN_LINK = re.compile(
    r"t\.me/(?:\+|joinchat)|\b(?:bit\.ly|goo\.gl|tinyurl\.com|shhort\.com|cutt\.ly|clck\.ru)/"
    r"|\bt\s+\.\s*me\s*/|\bt\s*\.\s+me\s*/"
)
# A phone number: ten digits or more, spaces and dashes allowed between them.
_TEN_DIGITS = re.compile(r"(?:\d\D?){10}")
_PHONE = re.compile(r"(?<!\d)\+?\d(?:[ -]?\d){9,13}(?!\d)")
_CYRILLIC = re.compile(r"[а-яё]")
_WORD = re.compile(r"\w+")
_NOT_LETTERS = re.compile(r"[\W\d_]+")
# Latin letters that read as Cyrillic ones: spam spells "зapaбoткa" to slip past word lists.
_AS_CYRILLIC = str.maketrans("aceopxykmthb", "асеорхукмтнв")
_LOOK_ALIKES = frozenset("aceopxykmthb")


@dataclass(frozen=True, slots=True)
class TextSignals:
    """What one text shows by itself, before the group's and the instance's context."""

    links: int
    media_links: int
    mentions: int
    mixed_words: int
    hidden_links: int
    contacts: int  # phone numbers, bots' handles, a handle given again
    phrases: tuple[str, ...]
    pitch: str | None
    fingerprint: str | None  # None: too short to count as the same text sent again
    folded: str

    @property
    def telling(self) -> bool:
        """Whether the text shows any signal itself. Repetition alone is never spam (fans
        repeat each other), so a text that shows none is not fingerprinted or counted."""
        return bool(
            self.links
            or self.mentions
            or self.phrases
            or self.pitch
            or self.mixed_words
            or self.hidden_links
            or self.contacts
        )


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


def read_text(text: str | None, *, force_fingerprint: bool = False) -> TextSignals:
    if not text:
        return NOTHING
    folded = " ".join(normalize(text).split())
    mixed = 0
    readable = folded
    if not folded.isascii() and _CYRILLIC.search(folded):
        mixed, readable = _unmixed(folded)
    phrases, pitch = _found(readable)
    # Most chat has no dot and no @: the link and mention patterns are not run at all.
    links = _LINK.findall(folded) if "." in folded else []
    handles = _MENTION.findall(folded) if "@" in folded else []
    hidden = len(_HIDDEN_LINK.findall(folded)) if "." in folded else 0
    # Most chat has neither ten digits nor a handle: the contact patterns are not run at all.
    contacts = _contacts(folded, handles) if handles or _TEN_DIGITS.search(folded) else 0
    telling = bool(links or handles or phrases or pitch or mixed or hidden or contacts)
    return TextSignals(
        links=len(links),
        media_links=sum(1 for link in links if _MEDIA_HOST.match(link)),
        mentions=len(handles),
        mixed_words=mixed,
        hidden_links=hidden,
        contacts=contacts,
        phrases=phrases,
        pitch=pitch,
        # Only a telling text can take part in a wave (see `telling`): the others skip the hash.
        fingerprint=fingerprint(folded) if telling or force_fingerprint else None,
        folded=folded,
    )


NOTHING = TextSignals(0, 0, 0, 0, 0, 0, (), None, None, "")


def _contacts(folded: str, handles: list[str]) -> int:
    """Ways to reach the sender elsewhere: phone numbers, a bot's handle, a handle repeated."""
    phones = len(_PHONE.findall(folded))
    bots = sum(1 for handle in handles if handle.endswith("bot"))
    repeated = len(handles) - len(set(handles))
    return phones + bots + repeated


def _unmixed(folded: str) -> tuple[int, str]:
    """How many words mix Cyrillic with Latin look-alikes, and the text with them in Cyrillic."""
    mixed = 0

    def fold(match: re.Match[str]) -> str:
        nonlocal mixed
        word = match.group()
        latin = {ch for ch in word if "a" <= ch <= "z"}
        # Only look-alikes count: "iPhone-ом" or "GMKшка" mix scripts honestly.
        if latin and latin <= _LOOK_ALIKES and _CYRILLIC.search(word):
            mixed += 1
            return word.translate(_AS_CYRILLIC)
        return word

    readable = _WORD.sub(fold, folded)
    return mixed, readable


def fingerprint(folded: str) -> str | None:
    """The same words, whatever the spacing, punctuation, digits or emoji around them."""
    if len(folded) < MIN_FINGERPRINT_CHARS:
        return None
    letters = _NOT_LETTERS.sub("", folded)
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
        # A newcomer's first messages are where spam bots pitch: links elsewhere than the
        # platforms fans share, mentions, forwards and known phrases weigh more there.
        if signals.links > signals.media_links:
            reasons.append((Reason.NEWCOMER_LINK, ""))
        elif signals.links:
            reasons.append((Reason.MEDIA_LINK, ""))
        elif signals.mentions:
            reasons.append((Reason.NEWCOMER_MENTION, ""))
        if signals.hidden_links:
            reasons.append((Reason.HIDDEN_LINK, ""))
        if signals.contacts:
            reasons.append((Reason.CONTACT, ""))
        if context.is_forwarded:
            reasons.append((Reason.NEWCOMER_FORWARD, ""))
        promotion = next((p for p in signals.phrases if p in PROMOTION), None)
        if promotion is not None:
            reasons.append((Reason.NEWCOMER_PHRASE, promotion))
    if signals.pitch is not None:
        reasons.append((Reason.PITCH, signals.pitch))
    # A second and third known phrase each add a point: one phrase is a hint, three a pitch.
    for extra, phrase in enumerate(signals.phrases[:3]):
        reasons.append((Reason.PHRASE, phrase) if extra == 0 else (Reason.PHRASE_MORE, phrase))
    if signals.mixed_words >= MIXED_WORDS:
        reasons.append((Reason.MIXED_SCRIPT, str(signals.mixed_words)))
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
