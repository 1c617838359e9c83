## Roles, refusals, the private console and the audit log.

refused-role = This needs the { $required ->
        [analyst] analyst
        [operator] operator
       *[administrator] administrator
    } role in { $title }, and you do not have it there.
refused-group-inactive = fanpulse is no longer in that group. Choose another one with /groups.
refused-foreign-sender = Only a person or this group's anonymous administrators can use operator commands here.
refused-group-only = /{ $command } works inside the group itself.
console-no-group = Choose a group first with /groups.

start =
    Hi! I am <b>fanpulse</b>: I collect your fans' feedback, run polls and giveaways and send digests.
    Add me to your fan group, then manage every group you run from here: /groups
start-giveaway = Done! If you win giveaway #{ $id }, I will tell you here. Not entered yet? Go back to the group and press 🎉 Enter.
help-private =
    <b>fanpulse from private chat</b>
    Fans: /feedback your idea — send feedback to the creator's team; /mydata — what is stored about you; /forget — erase it
    <b>Operators</b>, on the group chosen with /groups:
    /status — health of the group · /audit — what operators changed
    /inbox #tag status:new 7d — read feedback · /inbox_counts 7d · /export csv|json
    /tags, /tag_new, /tag_rename, /tag_delete, /tag_add, /tag_remove — the group's tags · /ask — ask the fans
    /poll Question? | option | option --close 2h — a poll · /polls · /poll_topics 7d
    /giveaway 3 2d Prize — a giveaway anyone can verify · /giveaways
    /video_add link | title — register a video, fans write #v1 · /videos · /video_announce v1
    /video_stats — platform numbers from a CSV/XLSX (as its caption) or one line · /video_template · /video v1 — a video's report card
    /digest — today so far · /digest_subscribe — every day at /digest_time
    /grant operator @name, /revoke @name — roles (administrators) · /retention 90d
    /language en, /language zh (简体) or /language zh-TW (繁體) — your own language
help-group =
    <b>fanpulse</b> listens to this group and files your feedback: /feedback your idea, or reply to its questions.
    Operators: /status, /inbox, /poll, /giveaway, /digest, /tags and /ask — and all of it from private chat with me: /groups

groups-none = You do not run any group with fanpulse yet. Add me to a group, or ask its administrators for a role (/grant operator).
groups-list = { $count ->
        [one] You run one group. Choose it to work on it from here:
       *[other] You run { $count } groups. Choose the one to work on:
    }
groups-button = { $title }
groups-button-current = ✅ { $title }
groups-chosen = Now working on <b>{ $title }</b> (your role: { $role ->
        [analyst] analyst
        [operator] operator
       *[administrator] administrator
    }). Commands you type here act on it; /groups to switch.

grant-usage = Usage: reply to someone with /grant operator (or analyst), or /grant operator @username, or /grant analyst 123456789.
revoke-usage = Usage: reply to someone with /revoke, or /revoke @username, or /revoke 123456789.
subject-not-a-person = Roles go to people, not to channels or groups.
subject-is-a-bot = Roles cannot go to bots.
subject-unknown = I have not seen { $who } yet. Reply to one of their messages in the group with the command, or pick them from your contacts: /settings in private with me → Roles (they need not have written).
grant-done = <b>{ $who }</b> is now { $role ->
        [analyst] an analyst (read-only)
       *[operator] an operator
    } of <b>{ $title }</b>.
revoke-done = <b>{ $who }</b> no longer has a fanpulse role in <b>{ $title }</b>.
revoke-nothing = { $who } had no fanpulse role in <b>{ $title }</b>.

audit-title = <b>Audit log of { $title }</b> (page { $page } of { $pages })
audit-empty = Nothing has been changed yet.
audit-anonymous-admin = an anonymous administrator
audit-person = { $name }
audit-entry = { $when } · { $who } · { $action ->
        [role-granted] granted the { $detail ->
            [analyst] analyst (read-only)
           *[operator] operator
        } role to { $subject }
        [role-revoked] revoked the role of { $subject }
        [role-ended] ended the role of { $subject }: { $detail ->
            [kicked] removed from the group
           *[left] no longer in the group
        }
        [group-language-set] set the group language to { $detail ->
            [en] English
            [zh-Hant] Traditional Chinese
           *[zh] Simplified Chinese
        }
        [group-timezone-set] set the time zone: { $detail }
        [digest-time-set] set the digest time to { $detail }
        [digest-chat-set] sent the digest to chat { $detail }
        [digest-chat-cleared] stopped sending the digest to an operators' chat
        [digest-days-set] set the digest days to { $detail } (0 Monday … 6 Sunday)
        [action-undone] undid { $head ->
            [tag-delete] deleting the tag #{ $tail }
            [tag-rename] a rename: the tag is #{ $tail } again
            [role-revoke] revoking the role of { $subject }
           *[retention] a shorter retention: back to { $tail } days (0: no limit)
        }
        [poll-created] created poll { $detail }
        [poll-closed] closed poll { $detail }
        [poll-cancelled] cancelled poll { $detail }
        [poll-deleted] deleted poll { $detail }
        [giveaway-created] created giveaway { $detail }
        [giveaway-ended] ended giveaway { $detail } early
        [giveaway-cancelled] cancelled giveaway { $detail }
        [giveaway-deleted] deleted giveaway { $detail }
        [giveaway-rerolled] rerolled giveaway { $detail }
        [fan-forgotten] forgot a fan on their behalf ({ $detail } comments)
        [retention-set] set comment text retention to { $detail } days (0: no limit)
        [history-imported] imported the group's history: { $detail }
        [feedback-exported] exported feedback ({ $detail })
        [video-metrics-imported] imported platform numbers of videos (new+updated/refused rows: { $detail })
        [video-added] registered video { $detail }
        [video-edited] changed video { $detail }
        [video-archived] archived video { $detail }
        [video-unarchived] unarchived video { $detail }
        [video-announced] announced video { $detail }
        [video-linked] linked a comment to video { $detail }
        [video-unlinked] unlinked a comment from video { $detail }
        [video-link-created] made the video link { $detail }
        [video-link-renamed] renamed a video link: { $detail }
        [video-link-revoked] revoked the video link { $detail }
        [tag-created] created the tag #{ $head } (words: { $tail })
        [tag-renamed] renamed the tag #{ $tail } to #{ $head }
        [tag-deleted] deleted the tag #{ $head }
        [tag-terms-added] added words to the tag #{ $head }: { $tail }
        [tag-terms-removed] removed words from the tag #{ $head }: { $tail }
        [feedback-asked] asked the fans about #{ $head }: { $tail }
        [feedback-tagged] tagged message { $head } #{ $tail }
        [feedback-untagged] removed the tag #{ $tail } from message { $head }
        [feedback-status-set] marked message { $head } as { $tail ->
            [new] new
            [triaged] triaged
            [planned] planned
            [done] done
           *[wontdo] won't do
        }
        [feedback-duplicate] marked message { $head } as a duplicate of { $tail }
        [door-set] changed the door: { $detail }
        [member-warned] warned { $subject } ({ $detail })
        [member-muted] muted { $subject } for { $detail }
        [member-banned] banned { $subject }
        [member-unbanned] unbanned { $subject }
        [report-dismissed] dismissed a report about { $subject }
        [spam-marked] marked a message of { $subject } as spam
        [spam-undone] undid the spam action on { $subject }
        [spam-banned] banned { $subject } for spam
        [spam-not-spam] cleared { $subject } of spam
       *[other] changed something ({ $action }) { $subject } { $detail }
    }
audit-newer = ◀ Newer
audit-older = Older ▶

language-group-usage = Usage: /language en, /language zh (简体) or /language zh-TW (繁體) (sets this group's language).
language-group-set = This group now hears fanpulse in English.
language-private-usage = Usage: /language en, /language zh (简体) or /language zh-TW (繁體).
language-private-set = I will talk to you in English.
language-private-forgotten = You asked me to forget you, so I keep not even your language: I follow your Telegram app's language.

timezone-current = { $title } runs on <b>{ $timezone }</b> (it is { $now } there). Change it: <code>/timezone Asia/Shanghai</code>, <code>/timezone 北京</code>, <code>/timezone Tokyo</code> or <code>/timezone UTC+8</code>.
timezone-set = { $title } now runs on <b>{ $timezone }</b>: digests, “today”, busiest hours and times you type follow it. Next digest: { $digest } (it was going to be { $was }).
timezone-deadline = Keeps its moment: { $kind ->
        [poll] poll #{ $number } closes
       *[giveaway] giveaway #{ $number } ends
    } { $when }.
timezone-unknown = I don't know the time zone “{ $typed }”. Write a city (北京, 台北, Tokyo), an IANA name (Asia/Shanghai) or an offset (UTC+8).
timezone-unknown-near = I don't know the time zone “{ $typed }”. Did you mean { $suggestions }?
timezone-half-hour = A half-hour offset has no time zone of its own: write the city instead (for example Asia/Kolkata or Adelaide).
