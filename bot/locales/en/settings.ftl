## /settings: one panel for what operators set for a group.

menu-settings = Every setting of the group, as buttons
settings-panel =
    <b>Settings of { $title }</b>
    Language: { $language ->
        [en] English
        [zh-Hant] 繁體中文
       *[zh] 简体中文
    } · Time zone: { $timezone }
    Digest: { $time } ({ $timezone }), { $days } · also goes to: { $chat }
    Comment text: { $retention ->
        [0] kept without a limit
       *[other] kept { $retention } days
    }
    Tags: { $tags }
    Roles: { $roles }
    Tap what you want to change.
settings-role-holder = { $name } ({ $role ->
        [analyst] analyst
       *[operator] operator
    })
settings-days-every = every day
settings-days-weekdays = Monday to Friday
weekday = { $day ->
        [0] Mon
        [1] Tue
        [2] Wed
        [3] Thu
        [4] Fri
        [5] Sat
       *[6] Sun
    }
settings-chat-none = no operators' chat
settings-button = { $screen ->
        [lang] 🌐 Language
        [tz] 🕒 Time zone
        [time] ⏰ Digest time
        [days] 📅 Digest days
        [chat] 📨 Where digests go
        [ret] 🗑 Retention
        [tags] 🏷 Tags
        [door] 🚪 Door
       *[roles] 👥 Roles
    }
settings-back = ◀ Back
settings-language-name = { $locale ->
        [en] English
        [zh-Hant] 繁體中文
       *[zh] 简体中文
    }
settings-lang = The group's language is { $current ->
        [en] English
        [zh-Hant] Traditional Chinese
       *[zh] Simplified Chinese
    }. Choose the one the group hears fanpulse in:
settings-tz = The group runs on <b>{ $current }</b>. Tap a zone, or type <code>/timezone</code> and a city (北京, Tokyo) for another one.
settings-time = The digest goes out at <b>{ $current }</b> ({ $timezone }). Tap a time, or type <code>/digest_time 19:30</code> for another one.
settings-day = { $on ->
        [yes] ✅ { weekday }
       *[no] { weekday }
    }
settings-days = The daily digest goes out { $current }. Tap a day to switch it on or off (the weekly digest keeps Monday).
settings-days-none = The digest needs at least one day. To stop receiving it, use /digest_unsubscribe.
settings-ret = { $days ->
        [0] Comment text is kept without a limit.
       *[other] Comment text older than { $days } days is erased every night.
    } Choose how long to keep it:
settings-retention-choice = { $days ->
        [off] Keep all
       *[other] { $days } days
    }
settings-tags = The group's tags: { $tags }.
    Tap one to delete it (asked first, undoable for 10 minutes), or change them with /tag_new, /tag_rename, /tag_add and /tag_remove.
settings-chat = The digest also goes to: <b>{ $current }</b>.
    To choose the operators' chat without any id: type /digest_chat inside that chat{ $private ->
        [true] , or tap “Pick the chat” and choose it.
       *[other] , or open /settings in private with me to pick it from your chats.
    }
settings-chat-pick = 📨 Pick the chat
settings-chat-stop = Stop sending it there
settings-chat-picking = Tap the button below and choose the operators' chat (you must administer it, and I must be in it).
settings-done-lang = ✅ The group now hears fanpulse in English.
settings-done-time = ✅ The digest now goes out at { $time } ({ $timezone }).
settings-done-days = ✅ The daily digest now goes out { $days }.
settings-done-ret = { $days ->
        [0] ✅ Comment text is now kept without a limit.
       *[other] ✅ Comment text older than { $days } days will be erased every night.
    }
settings-stale = This button is out of date: open /settings again.
settings-roles = People with a fanpulse role: { $holders }.
    { $private ->
        [true] Grant a role by picking the person (they need not have written in the group), or reply to their message in the group with /grant operator. Take one away with /revoke.
       *[other] Grant a role by replying to someone's message with /grant operator, or open /settings in private with me to pick people who never wrote. Take one away with /revoke.
    }
settings-roles-pick = { $role ->
        [analyst] 👤 Pick analysts
       *[operator] 👤 Pick operators
    }
settings-roles-picking = Tap the button below and choose the people who become { $role ->
        [analyst] analysts (read-only)
       *[operator] operators
    }.

digest-chat-here = Which group's digest should come to <b>{ $chat }</b>? Tap it:
digest-chat-here-none = You run no other group with fanpulse, so there is no digest to send here. Type /digest_chat inside the operators' chat of a group you run.

settings-tag-delete = 🗑 { $tag }
settings-revoke = ✖ Revoke { $name }
