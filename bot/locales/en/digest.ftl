## Daily and weekly digests for operators, /digest and its settings.

menu-digest = The group's numbers today so far, or for a date
menu-digest_subscribe = Get this group's digest every day in private chat
menu-digest_unsubscribe = Stop getting this group's digest
menu-digest_time = When the daily digest goes out (e.g. 08:30)
menu-digest_chat = Also send the digest to an operators' chat

digest-title-daily = 📊 <b>Daily digest · { $title }</b>
digest-title-weekly = 📊 <b>Weekly digest · { $title }</b>
digest-title-preview = 📊 <b>Today so far · { $title }</b>
digest-period-day = { $day } ({ $timezone })
digest-period-week = { $first } – { $last } ({ $timezone })
digest-partial = <i>Up to { $until }: the day is not over yet.</i>

digest-activity = <b>Activity</b>
digest-messages = 💬 Fans' messages: <b>{ $count }</b> { $change }
digest-active-fans = 👥 Active fans: <b>{ $count }</b> { $change }
digest-active-fans-weekly = 👥 Active fans a day: <b>{ $count }</b> { $change }
digest-new-fans = 🌱 New fans (first message): <b>{ $count }</b>
digest-joins = ➕ Joined: <b>{ $joins }</b> · ➖ Left: <b>{ $leaves }</b>
digest-bot-replies = ↩️ Replies to the bot: <b>{ $count }</b>
digest-staff = 🛠 Staff activity (not counted above): <b>{ $messages }</b> messages from the owner, administrators and operators · <b>{ $commands }</b> commands
digest-reactions = ❤️ Reactions: <b>{ $count }</b>
digest-reactions-unseen = ❤️ Reactions: not visible (Telegram sends them only to administrator bots)
digest-against-day = previous day
digest-against-week = previous week
digest-change-up = (▲{ $delta } vs { $against })
digest-change-down = (▼{ $delta } vs { $against })
digest-change-same = (same as { $against })

digest-feedback = <b>Feedback by tag</b> ({ $count })
digest-feedback-none = No tagged feedback.
digest-tag-line = • { $tag }: <b>{ $count }</b> { $change }, { $days }-day average { $average }
digest-tag-line-weekly = • { $tag }: <b>{ $count }</b> { $change }
digest-sentiment = <b>Sentiment</b> ({ $total } texts): 😊 { $positive } · 😐 { $neutral } · ☹️ { $negative }
digest-sentiment-none = <b>Sentiment</b>: no texts
digest-rising = <b>Rising</b>
digest-rising-none = Nothing is rising.
digest-rising-tag = 🔥 { $tag }: { $count } (7-day average { $average })
digest-quote = › “<i>{ $text }</i>”
digest-hours = <b>Busiest hours</b>: { $hours }
digest-hours-none = <b>Busiest hours</b>: no messages
digest-hour = { $start }–{ $end } ({ $count })
digest-hours-separator = {", "}

digest-section = <b>{ $section }</b>
digest-section-empty = none
digest-section-not-yet = <b>{ $section }</b>: none (not running in this bot yet)
digest-section-name-polls = Polls
digest-section-name-giveaways = Giveaways

digest-unseen-title = <b>What the bot cannot see</b>
digest-unseen-views = • View counts: the Bot API gives none to bots.
digest-unseen-privacy = • Ordinary messages: the bot is not an administrator and its privacy mode is on, so it sees only commands and replies to it; the numbers above count only those.
digest-unseen-members = • Member updates and reactions reach only administrator bots: joins and leaves here come from service messages alone.
digest-unseen-rights = • The bot's rights in the group could not be checked; some numbers may be incomplete.

digest-tag-suggestion = Suggestions
digest-tag-bug = Bugs
digest-tag-praise = Praise
digest-tag-complaint = Complaints
digest-tag-question = Questions
digest-tag-topic_idea = Topic ideas
digest-tag-update_request = Update requests
digest-tag-collab = Collaborations
digest-tag-spam = Spam

digest-chart-title-daily = { $title }: daily digest
digest-chart-title-weekly = { $title }: weekly digest
digest-chart-title-preview = { $title }: today so far
digest-chart-activity = Last 14 days
digest-chart-messages = Messages
digest-chart-active-fans = Active fans
digest-chart-feedback = Feedback by tag
digest-chart-no-feedback = No tagged feedback

digest-period-refused = { $problem ->
        [future] “{ $value }” has not begun yet in this group’s time zone.
        [length] A digest covers one day or seven days, and “{ $value }” is neither.
       *[other] “{ $value }” is not a day or a period I can read.
    }
digest-did-you-mean = Did you mean { $suggestion }?
digest-usage = Use /digest for today so far, /digest yesterday, /digest 11/30 or /digest 2026-11-27 for a past day, /digest week (or last week) for last week, /digest this week or /digest 7d for seven days; add csv for a spreadsheet.
digest-needs-person = Digests go to a person's private chat: send this as yourself, not as an anonymous administrator.
digest-subscribed = You will get the digest of <b>{ $title }</b> here every day at { $time } ({ $timezone }), and a weekly one on Mondays. Start a private chat with me if you have not.
digest-already-subscribed = You already get the digest of <b>{ $title }</b> every day at { $time } ({ $timezone }).
digest-unsubscribed = You will no longer get the digest of <b>{ $title }</b>.
digest-not-subscribed = You were not getting the digest of <b>{ $title }</b>.
digest-time-usage = Give a local time: /digest_time 08:30
digest-time-set = The digest of <b>{ $title }</b> now goes out at { $time } ({ $timezone }).
digest-chat-usage = Type /digest_chat inside the operators' chat (no id needed), or pick the chat with /settings in private with me → Where digests go. By id: /digest_chat -1001234567890; stop: /digest_chat off.
digest-chat-refused = You must be an administrator of that chat, and the bot must be in it.
digest-chat-set = The digest of <b>{ $title }</b> also goes to the chat { $chat }.
digest-chat-cleared = The digest of <b>{ $title }</b> no longer goes to an operators' chat.
