"""The pure decision: each signal alone and together, in the tagger's normal form (full-width
and Traditional do not slip by), and what must never be spam on its own."""

from __future__ import annotations

import pytest

from bot.domain.door import DoorSettings, SettingError, changed
from bot.domain.spam import Context, SpamMode, decide, fingerprint, parse_mode, read_text

NEWCOMER = Context(prior_messages=0)
REGULAR = Context()


def spam(text: str, context: Context = NEWCOMER) -> bool:
    return decide(read_text(text), context).is_spam


@pytest.mark.parametrize(
    "text",
    [
        "加微信领取福利 https://t.me/promo",
        "加微信領取福利 https://t.me/promo",  # Traditional
        "ｃｈｅｃｋ ｏｕｔ ｍｙ channel ｈｔｔｐｓ：／／ｔ．ｍｅ／ｐｒｏｍｏ",  # full-width
        "Заработок без вложений, пиши в лс @earn_bot_ru",
        "兼職日賺500，私聊我 www.example-money.top",
    ],
)
def test_a_newcomers_link_with_a_spam_phrase_is_spam(text: str) -> None:
    assert spam(text)


def test_every_decision_keeps_its_reasons() -> None:
    verdict = decide(read_text("加微信 https://t.me/promo"), NEWCOMER)
    assert verdict.reasons == ("newcomer-link", "pitch:加微信")
    assert verdict.score == 5


@pytest.mark.parametrize(
    "text",
    [
        "https://youtu.be/official-mv the new MV is out!",  # a link alone
        "bitcoin is up again today",  # a phrase alone
        "https://t.me/official_channel",  # a newcomer's link alone
        "哈哈哈哈哈哈",
        "生日快乐！！",
    ],
)
def test_one_weak_signal_is_never_spam(text: str) -> None:
    assert not spam(text)


def test_a_regulars_link_and_hint_is_not_a_newcomers() -> None:
    text = "check out the new MV https://youtu.be/x"
    assert not spam(text, REGULAR)
    assert spam(text.replace("youtu.be", "cheap-views.top"))  # a newcomer, elsewhere


def test_self_promotion_is_spam_from_anyone() -> None:
    assert decide(read_text("subscribe to my channel!!"), REGULAR).reasons == (
        "pitch:subscribe to my",
        "phrase:subscribe to",
    )


def test_latin_look_alikes_in_cyrillic_words_are_caught() -> None:
    verdict = decide(read_text("Вeдy нaбop в кoмaндy, жeлaющих ждy в лc!"), REGULAR)
    assert verdict.is_spam and "mixed-script:6" in verdict.reasons


def test_the_same_text_from_many_accounts_needs_another_signal() -> None:
    text = "we love you so much, please come to our city next year"
    signals = read_text(text, force_fingerprint=True)
    assert signals.fingerprint is not None
    assert not decide(signals, Context(accounts_with_text=12, groups_with_text=2)).is_spam
    linked = read_text(text + " t.me/tour_tickets_cheap")
    assert decide(linked, Context(prior_messages=0, accounts_with_text=12)).is_spam


def test_short_chants_have_no_fingerprint() -> None:
    assert read_text("冲冲冲！！").fingerprint is None
    assert fingerprint("a b c") is None


def test_mass_mentions_are_spam() -> None:
    mentions = " ".join(f"@user_{n:03d}" for n in range(6))
    assert decide(read_text(mentions), REGULAR).reasons == ("mass-mention:6",)


def test_learned_phrases_match_in_the_normal_form() -> None:
    context = Context(learned=("廉价粉丝",))
    assert decide(read_text("廉價粉絲 快來"), context).reasons[0].startswith("learned")


@pytest.mark.parametrize(
    ("typed", "mode"),
    [
        ("on", SpamMode.REPORT),
        ("报告", SpamMode.REPORT),
        ("刪除", SpamMode.ACT),
        ("關", SpamMode.OFF),
    ],
)
def test_modes_in_every_language(typed: str, mode: SpamMode) -> None:
    assert parse_mode(typed) is mode
    assert changed(DoorSettings(), "spam", typed).spam is mode


def test_an_unknown_mode_is_refused() -> None:
    with pytest.raises(SettingError, match="spam-bad-mode"):
        changed(DoorSettings(), "spam", "sometimes")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Join us https://t.me/+X4_xs3XKM3o2MzRk", "newcomer-hidden-link"),
        ("free stuff at t . me/freebies_x", "newcomer-hidden-link"),
        ("short link http://bit.ly/abc123 here", "newcomer-hidden-link"),
        ("call me 0687 119 038 12", "newcomer-contact"),
        ("the best bot @glaza_telega_bot", "newcomer-contact"),
        ("write @falsh_supper ➡️ @falsh_supper", "newcomer-contact"),
    ],
)
def test_hidden_links_and_contacts_are_named_as_a_newcomers_reasons(text: str, reason: str) -> None:
    assert reason in decide(read_text(text), NEWCOMER).reasons
    assert reason not in decide(read_text(text), REGULAR).reasons


def test_a_hidden_link_or_a_contact_tips_a_newcomers_pitch_into_spam() -> None:
    assert not spam("https://t.me/somechannel")  # a link alone is not spam
    assert spam("https://t.me/+X4_xs3XKM3o2MzRk")  # a private invite from a stranger is
    assert not spam("my number changed, it is 0687 119 038 12")
    assert spam("ФАЛЬШ РУБЛИ без отличий ➡️ @falsh_supper")
    # A fan quoting a year or a score has fewer than ten digits.
    assert not spam("2024 tour 3:1 in the final, 100 fans")
