## Giveaways: creation, the Enter button, the draw and its proof, management.

menu-giveaway = Start a giveaway (/giveaway alone: step by step)
menu-giveaways = This group's giveaways
menu-giveaway_end = End a giveaway now and draw
menu-giveaway_cancel = Cancel a giveaway (with a reason)
menu-giveaway_reroll = Draw replacement winners (with a reason)

giveaway-enter-button = 🎉 Enter
giveaway-start-button = 🔔 Tell me in private if I win
giveaway-enter-done = You are in giveaway #{ $id }. Good luck! To be told if you win, start me with the 🔔 button under the giveaway.
giveaway-enter-already = You have already entered.
giveaway-enter-closed = This giveaway is closed.
giveaway-enter-not-person = Only people can enter: not bots, channels or anonymous admins.
giveaway-enter-retry = Telegram did not answer in time; please press again.
giveaway-enter-unmet = You cannot enter yet: { $reason }.
giveaway-enter-forgotten = You asked me to forget you, so I keep no entry of yours and you cannot enter giveaways.

giveaway-announce-title = 🎁 <b>Giveaway #{ $id }</b>: { $prize }
giveaway-announce-winners = Winners: <b>{ $count }</b>
giveaway-announce-ends = Ends: { $when }
giveaway-announce-rules = Rules:
giveaway-announce-entrants = Entrants: <b>{ $count }</b>
giveaway-announce-commitment = Seed commitment (SHA-256): <code>{ $commitment }</code>
giveaway-announce-beacon = Public randomness: beacon round { $round } of { $url }
giveaway-announce-closed = <i>Entries are closed.</i>
giveaway-announce-cancelled = <i>Cancelled: { $reason }</i>

giveaway-rule-none = • everyone in the group may enter
giveaway-rule-member = • still a member of the group at the draw
giveaway-rule-joined = • joined the group before the giveaway started
giveaway-rule-comments = • at least { $count } messages in the group in the last { $days } days
giveaway-rule-channel = • subscribed to { $channel }
giveaway-rule-staff = • not the organiser, an administrator or an operator of the group

giveaway-reason = { $code ->
        [left-group] not a member of the group
        [joined-after-start] joined the group after the giveaway started
        [too-few-comments] fewer than { $count } messages in the group in the last { $days } days
        [not-subscribed] not subscribed to { $channel }
        [staff] the organiser, administrators and operators cannot enter
       *[other] { $code }
    }

giveaway-result-title = 🎉 <b>Giveaway #{ $id } result</b>: { $prize }
giveaway-reroll-title = 🔁 <b>Giveaway #{ $id }, reroll { $number }</b>: { $prize } (reason: { $reason })
giveaway-reroll-replaces = Replaces:
giveaway-reroll-replaced = • { $mention }
giveaway-result-winners = Winners ({ $count } among { $entrants } entrants):
giveaway-result-winner = { $rank }. { $mention }
giveaway-result-none = No eligible entrant among { $entrants }: nobody wins.
giveaway-result-skipped = Skipped at the draw:
giveaway-result-skip = • #{ $position } <code>{ $entrant }</code>: { $reason }
giveaway-result-proof = Revealed seed: <code>{ $seed }</code>
    Commitment: <code>{ $commitment }</code>
    Entrant list digest: <code>{ $entrant_digest }</code>
    Transcript digest: <code>{ $digest }</code>
giveaway-result-verify = Check it yourself with the attached transcript: <code>python -m bot verify transcript.json --check-entrant YOUR_USER_ID</code> (or the standalone <code>fairness.py</code>, Python only).
giveaway-transcript-caption = Transcript of the draw (digest <code>{ $digest }</code>)
giveaway-check-button = 🔍 Check my entry
giveaway-check-not-entered = You have no entry in the draw of giveaway #{ $id }.
giveaway-check-won = Giveaway #{ $id }: you are entrant { $entrant } and you won, as winner { $place }!
giveaway-check-replaced = Giveaway #{ $id }: you are entrant { $entrant }; you were drawn, then replaced by a reroll.
giveaway-check-skipped = Giveaway #{ $id }: you are entrant { $entrant }; the draw reached you but skipped you: { $reason }.
giveaway-check-not-drawn = Giveaway #{ $id }: you are entrant { $entrant }; you were not drawn this time.

giveaway-you-won = 🎉 You won giveaway #{ $id } in { $title }: <b>{ $prize }</b>. The organisers will contact you.
giveaway-creator-drawn = Giveaway #{ $id } in { $title } ({ $prize }) is drawn: { $winners } winner(s) among { $entrants } entrants. Transcript digest <code>{ $digest }</code>.
giveaway-creator-winner = { $rank }. { $mention }
giveaway-creator-untold-one = • { $mention }
giveaway-creator-more = …and { $count } more: see the result in the group.
giveaway-creator-untold = Could not be told privately (they never started the bot, or blocked it); contact them yourself:
giveaway-creator-all-told = Every winner was told privately.
giveaway-created = Giveaway #{ $id } is announced in { $title }. Seed commitment: <code>{ $commitment }</code>

giveaway-error = { $code ->
        [winners] The number of winners must be between 1 and { $max }.
        [order] Winners first, then the end: <code>/giveaway 1 2h Signed poster</code>.
        [prize] The prize text is too long (at most { $detail } characters).
        [rules] Unknown rule “{ $detail }”. Rules: member, joined (or joined:2026-11-01), comments:N/D, channel:@name.
        [end] I cannot read the end. Give a duration (2h, 1d 12h) or a local date and time (2026-12-01 20:00, tomorrow 20:00).
        [end-past] That end is in the past. Give a later date and time, or a duration.
        [end-too-soon] That end is too soon: give the fans at least 10 seconds.
        [end-too-far] That end is too far away: at most 90 days.
        [channel-unknown] I cannot find the channel { $detail }. Check its @username.
        [channel-no-bot] I am not an administrator of { $detail }, so I cannot check who is subscribed. Add me to the channel as an administrator, then try again.
        [beacon] The public randomness beacon is not reachable; try again in a minute.
       *[usage] Usage: /giveaway WINNERS END PRIZE | RULES, for example <code>/giveaway 3 2h Signed poster | member comments:5/7</code>; or send /giveaway alone in private chat to set it up step by step.
    }

giveaway-list-empty = No giveaways in { $title } yet.
giveaway-list-title = <b>Giveaways in { $title }</b>
giveaway-list-line = #{ $id } · { $prize } · { $status ->
        [open] open
        [drawing] drawing
        [drawn] drawn
        [done] drawn
        [cancelled] cancelled
        [deleted] deleted
       *[other] { $status }
    } · { $entrants } entrants · { $winners } winner(s) · ends { $when }

giveaway-end-usage = Usage: /giveaway_end ID
giveaway-not-open = Giveaway #{ $id } is not open in this group.
giveaway-ended = Giveaway #{ $id }: entries are closed, the draw runs now.
giveaway-cancel-usage = Usage: /giveaway_cancel ID REASON
giveaway-cancel-no-reason = The reason is missing: fans see it. <code>/giveaway_cancel { $id } the prize did not arrive</code>
giveaway-cancelled = Giveaway #{ $id } is cancelled.
giveaway-cancelled-notice = Giveaway #{ $id } is cancelled: { $reason }
giveaway-reroll-usage = Usage: /giveaway_reroll ID WINNER… REASON, where WINNER is the winner's number in the results (e.g. /giveaway_reroll 3 #2 never answered).
giveaway-reroll-refused = { $code ->
        [nobody-left] Giveaway #{ $id }: no eligible entrant is left to draw.
        [too-many] Giveaway #{ $id }: a reroll cannot replace more winners than the prize has.
        [no-such-winner] Giveaway #{ $id } has no winner with that number: use the numbers in its results.
        [busy] Giveaway #{ $id } changed meanwhile; try again.
       *[not-drawn] Giveaway #{ $id } has not been drawn in this group.
    }
giveaway-rerolled = Giveaway #{ $id }: { $count } replacement winner(s) for { $replaced } drawn and announced (digest <code>{ $digest }</code>).

giveaway-digest-created = 🎁 #{ $id } { $prize }: started, { $entrants } entrants so far
giveaway-digest-drawn = 🎉 #{ $id } { $prize }: drawn, { $winners } winner(s) among { $entrants } entrants
