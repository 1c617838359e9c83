"""/video_link through the emulator: the bot makes a named invite link per video and platform,
and every join is attributed to the video and platform whose link it came through; joins
through another administrator's link, or through none, are counted as such."""

from __future__ import annotations

import re

from sqlalchemy import select

from bot.db.models import InviteJoin, VideoLink
from tests.video_links.support import EmulatedGroup

LINK = re.compile(r"https://t\.me/\+\S+")


async def register_videos(fans: EmulatedGroup) -> None:
    await fans.command(fans.owner, "/video_add BV1uT4y1P7CY | New song")
    await fans.command(fans.owner, "/video_add https://youtu.be/dQw4w9WgXcR | Dance cover")


async def make_link(fans: EmulatedGroup, text: str) -> str:
    (answer,) = await fans.command(fans.owner, text)
    found = LINK.search(answer)
    assert found is not None, answer
    return found[0]


async def test_joins_through_two_videos_links_and_through_none_are_attributed(
    fans: EmulatedGroup,
) -> None:
    await register_videos(fans)
    v1_douyin = await make_link(fans, "/video_link v1 douyin")
    v1_bili = await make_link(fans, "/video_link v1 B站")
    v2_douyin = await make_link(fans, "/video_link ｖ２　抖音")
    links = {link["name"]: link for link in await fans.control.invite_links(fans.chat_id)}
    assert set(links) == {"v1·douyin", "v1·bilibili", "v2·douyin"}
    assert all(link["creator"]["id"] == fans.emulator.world.bot_id for link in links.values())

    owners_own = await fans.control.create_invite_link(fans.chat_id, int(fans.owner["id"]))
    for name, link in (
        ("Ann", v1_douyin),
        ("Bo", v1_douyin),
        ("Cy", v1_bili),
        ("Di", v2_douyin),
        ("Ed", owners_own),
    ):
        await fans.join_by_link(await fans.fan(name), link)
    await fans.join(await fans.fan("Fay"))

    answer = (await fans.command(fans.owner, "/video_links"))[-1]
    assert "<b>v1·douyin</b> · v1 New song · Douyin · 2 joined" in answer
    assert "<b>v1·bilibili</b> · v1 New song · Bilibili · 1 joined" in answer
    assert "<b>v2·douyin</b> · v2 Dance cover · Douyin · 1 joined" in answer
    assert (
        "Last 7 days: 6 people joined — 4 through video links, 1 through other links, "
        "1 without a link." in answer
    )
    async with fans.session_factory() as session:
        stored = (await session.execute(select(InviteJoin.user_id, InviteJoin.invite_link))).all()
    by_user = {int(user): link for user, link in stored}
    assert str(by_user[int(fans.fans["Ed"]["id"])]).endswith("…")  # not the bot's: cut short
    assert by_user[int(fans.fans["Fay"]["id"])] is None


async def test_asking_again_shows_the_live_link_instead_of_a_second_one(
    fans: EmulatedGroup,
) -> None:
    await register_videos(fans)
    first = await make_link(fans, "/video_link v1 douyin")
    (again,) = await fans.command(fans.owner, "/video_link V1 抖音")
    assert "already has a link on Douyin" in again and first in again
    assert len(await fans.control.invite_links(fans.chat_id)) == 1


async def test_bad_input_says_what_is_wrong_and_makes_nothing(fans: EmulatedGroup) -> None:
    await register_videos(fans)
    assert (await fans.command(fans.owner, "/video_link"))[0].startswith("Usage:")
    (platform,) = await fans.command(fans.owner, "/video_link v1 myspace")
    assert "“myspace” is not a platform I know" in platform and "douyin, kuaishou" in platform
    (video,) = await fans.command(fans.owner, "/video_link twelve douyin")
    assert "“twelve” is not a video code" in video
    (unknown,) = await fans.command(fans.owner, "/video_link v9 douyin")
    assert "There is no video v9" in unknown
    assert await fans.control.invite_links(fans.chat_id) == []
    async with fans.session_factory() as session:
        assert (await session.scalars(select(VideoLink))).all() == []


async def test_without_the_invite_right_the_operator_hears_how_to_fix_it(
    fans: EmulatedGroup,
) -> None:
    await register_videos(fans)
    await fans.control.set_bot_membership(
        fans.chat_id, "administrator", rights={"can_invite_users": False}, actor_id=fans.owner["id"]
    )
    await fans.settle()
    (answer,) = await fans.command(fans.owner, "/video_link v1 douyin")
    assert "“Invite users via link” right" in answer


async def test_a_fan_may_not_make_links(fans: EmulatedGroup) -> None:
    await register_videos(fans)
    fan = await fans.fan("Gus")
    await fans.join(fan)
    await fans.command(fan, "/video_link v1 douyin")
    assert await fans.control.invite_links(fans.chat_id) == []
