## Joining a group, the bot's rights and /status.

join-title = fanpulse was added to <b>{ $title }</b>.
rights-changed-title = fanpulse's rights in <b>{ $title }</b> changed.
join-missing = To work fully it still needs:
join-all-set = Everything is in place: it reads every message and can post here.
join-next-step = Manage this group from private chat with me: /groups
join-timezone-ask = Which time zone does this group live in? Digests, “today” and the times you type follow it. Tap one, or send /timezone with a city in the group.
requirement-read-all-messages = • <b>Read every message.</b> Make the bot an administrator, or turn privacy mode off in @BotFather (/setprivacy → Disable) and then remove and add the bot again.
requirement-send-messages = • <b>Send messages.</b> In the group's permissions, allow the bot to send messages.

status-title = <b>Health of { $title }</b>
status-timezone = Time zone: { $timezone } (change it with /timezone)
status-bot-unreachable = The bot cannot read its own membership here: is it still in the group?
status-bot-member = Bot: { $status ->
        [creator] owner
        [administrator] administrator
        [restricted] restricted member
       *[member] member
    }
status-reads = { $how ->
        [administrator] Reads every message (administrator).
        [privacy-off] Reads every message (privacy mode is off).
       *[limited] Reads only commands and replies to it: privacy mode is on and it is not an administrator.
    }
status-rights-ok = Rights: all in place.
status-rights-missing = Missing:
status-last-update = Last message seen: { $when }
status-last-update-never = Last message seen: none yet
status-comments-today = Comments stored today ({ $timezone }): { $count }
status-feature-none-yet = { $feature ->
        [polls] Open polls
        [giveaways] Open giveaways
        [digest] Next digest
       *[other] { $feature }
    }: none yet
status-feature-count = { $feature ->
        [polls] Open polls
        [giveaways] Open giveaways
        [digest] Digests
       *[other] { $feature }
    }: { $count }
status-feature-next = { $feature ->
        [polls] Next poll closes
        [giveaways] Next draw
        [digest] Next digest
       *[other] { $feature }
    }: { $when }
