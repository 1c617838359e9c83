"""Demo chapter: the bot joins without the rights it needs and says how to fix it; an operator
then runs two groups from private chat."""

from __future__ import annotations

from bot.demo.community import Community, Narrate
from bot.demo.process import wait_until_delivered
from bot.emulator.client import EmulatorClient, Json

PROMOTED = {"can_pin_messages": True, "can_delete_messages": True, "can_manage_chat": True}


async def _bot_said(client: EmulatorClient, chat_id: int, bot_id: int, since: int) -> list[Json]:
    messages = await client.messages(chat_id)
    return [m for m in messages if m.get("from", {}).get("id") == bot_id][since:]


def _quote(say: Narrate, who: str, message: Json) -> None:
    lines = str(message.get("text", "")).splitlines()
    say(f"    fanpulse -> {who}: {lines[0] if lines else ''}")
    for line in lines[1:]:
        say(f"      {line}")


async def _groups(client: EmulatorClient, private: int, bot_id: int) -> Json:
    seen = len(await _bot_said(client, private, bot_id, 0))
    await client.send_command(private, private, "groups")
    await wait_until_delivered(client)
    (listing,) = await _bot_said(client, private, bot_id, seen)
    return listing


async def add_bot_to_groups(
    client: EmulatorClient, community: Community, bot_id: int, say: Narrate
) -> None:
    creator = community.creator
    groups = (community.main_group, community.second_group)
    for group in groups:
        await client.add_members(group["id"], [bot_id], creator["id"])
    await wait_until_delivered(client)
    say("  the creator adds the bot to both groups as a plain member (privacy mode is on):")
    reports = await _bot_said(client, creator["id"], bot_id, 0)
    if reports:
        _quote(say, f"{creator['first_name']} (private, in Chinese)", reports[0])
    seen = len(reports)
    for group in groups:
        await client.set_bot_membership(
            group["id"], "administrator", rights=PROMOTED, actor_id=creator["id"]
        )
    await wait_until_delivered(client)
    say("  the creator follows the advice and makes the bot an administrator:")
    for message in (await _bot_said(client, creator["id"], bot_id, seen))[:1]:
        _quote(say, creator["first_name"], message)


async def operator_console(
    client: EmulatorClient, community: Community, bot_id: int, say: Narrate
) -> None:
    creator, operator = community.creator, community.operator
    say("")
    say(f"An operator runs both groups from private chat ({operator['first_name']}):")
    for group in (community.main_group, community.second_group):
        await client.send_command(group["id"], creator["id"], "grant", f"operator {operator['id']}")
    await wait_until_delivered(client)
    say(f"  the creator grants {operator['first_name']} the operator role in both groups")
    private = operator["id"]
    listing = await _groups(client, private, bot_id)
    _quote(say, operator["first_name"], listing)
    titles = [row[0]["text"] for row in listing["reply_markup"]["inline_keyboard"]]
    say("      buttons: " + " | ".join(titles))
    for index, title in enumerate(titles):
        if index:
            listing = await _groups(client, private, bot_id)
        button = listing["reply_markup"]["inline_keyboard"][index][0]
        await client.click(private, listing["message_id"], private, button["callback_data"])
        await wait_until_delivered(client)
        say(f"  {operator['first_name']} taps {title!r}, then sends /status")
        seen = len(await _bot_said(client, private, bot_id, 0))
        await client.send_command(private, private, "status")
        await wait_until_delivered(client)
        for message in await _bot_said(client, private, bot_id, seen):
            _quote(say, operator["first_name"], message)
    seen = len(await _bot_said(client, private, bot_id, 0))
    await client.send_command(private, private, "audit")
    await wait_until_delivered(client)
    for message in await _bot_said(client, private, bot_id, seen):
        _quote(say, operator["first_name"], message)
    fan = community.fans[1]
    seen = len(await _bot_said(client, community.second_group["id"], bot_id, 0))
    await client.send_command(community.second_group["id"], fan["id"], "grant", "operator 1")
    await wait_until_delivered(client)
    say(f"  a fan ({fan['first_name']}) tries /grant in the group:")
    for message in await _bot_said(client, community.second_group["id"], bot_id, seen):
        _quote(say, fan["first_name"], message)
