## The operators' toolkit: /warn, /mute, /ban, /unban, /report (handlers/moderation.py).
## Refusals carry no HTML: they are also shown as alerts under a report's buttons.

mod-usage = Reply to someone's message with /{ $command }, or write /{ $command } @username{ $command ->
        [mute] {" "}1h (30m, 2d, 1小时 and 30分钟 work too).
       *[other] .
    }
mod-unknown = I have not seen { $who } in this group yet: reply to one of their messages with the command instead.
mod-not-a-person = That message was sent by a channel or on behalf of the group, not by a person.
mod-not-the-bot = I do not act against myself or other bots.
mod-caller-lacks-right = Only the group's owner or an administrator with the right "Ban users" can do this (checked with Telegram just now).
mod-bot-lacks-right = I need the administrator right "Ban users" in this group for that. Make me an administrator with it, then try again.
mod-not-an-admin = That is an administrator of this group: the toolkit never acts on administrators.
mod-not-banned = { $who } is not banned here.
mod-telegram-refused = Telegram refused the action (the person may have left). Nothing was recorded.
mod-warned = ⚠️ { $who } is warned ({ $count } of { $limit }). At { $limit } warnings they are muted.
mod-warned-muted = 🔇 { $who } reached { $limit } warnings and is muted for { $minutes } minutes. Their warnings start again from 0.
mod-muted = 🔇 { $who } is muted for { $minutes } minutes.
mod-banned = ⛔ { $who } is banned from the group.
mod-unbanned = ✅ { $who } is no longer banned and may join again.

mod-report-usage = Reply to the message you want to report with /report.
mod-report-bot = Bots' messages cannot be reported.
mod-report-self = You cannot report your own message.
mod-report-admin = Messages of the group's administrators are not reported here: write to them directly.
mod-report-filed = Thank you: the operators have been told.
mod-report =
    🚩 <b>Report in { $title }</b>
    { $reporter } reported a message by { $who }: <a href="{ $link }">open it</a>
    <blockquote>{ $excerpt }</blockquote>
mod-report-button = { $action ->
        [ban] ⛔ Ban
        [mute] 🔇 Mute
       *[dismiss] ✖️ Dismiss
    }
mod-report-decided = This report is already decided.
mod-report-dismissed = ✖️ The report about { $who } was dismissed.
