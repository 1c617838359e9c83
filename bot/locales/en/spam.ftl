## Spam in the room (handlers/spam.py, bot/services/spam.py). Alerts under buttons carry no HTML.

menu-spam = Mark a message as spam (reply to it)
spam-settings-line = Spam check: { $mode ->
        [report] report only (dry run: nothing is deleted)
        [act] delete the message and restrict the sender
       *[off] off
    } · change: /door spam report · /door spam act · /door spam off · mark one: reply /spam
spam-bad-mode = «{ $typed }» is not a spam mode. Write off, report (only tell the operators) or act (delete and restrict); on means report.
spam-panel = 🧹 Spam: { $mode ->
        [report] report only
        [act] delete + restrict
       *[off] off
    }

spam-report = 🧹 <b>Spam in { $title }</b>: { $messages } { $messages ->
        [one] message
       *[other] messages
    } from { $senders } { $senders ->
        [one] account
       *[other] accounts
    }. { $mode ->
        [act] Deleted, and the senders restricted.
       *[report] Dry run: nothing was deleted or restricted.
    }
    { $lines }
spam-report-more = …and { $more } more accounts.
spam-report-line = • { $who } (<code>{ $user_id }</code>): { $reasons } — «{ $excerpt }»
spam-reason = { $reason ->
        [newcomer-link] a link in a newcomer's first messages
        [newcomer-mention] a mention in a newcomer's first messages
        [newcomer-forward] a forward in a newcomer's first messages
        [phrase] a known spam phrase «{ $detail }»
        [learned] a text your operators marked as spam «{ $detail }»
        [repeat-accounts] the same text from { $detail } accounts
        [repeat-groups] the same text in { $detail } groups
        [mass-mention] { $detail } mentions at once
        [operator] marked by an operator
       *[other] { $reason }
    }
spam-button = { $action ->
        [undo] ↩️ Undo
        [ban] ⛔ Ban
       *[clear] ✅ Not spam
    }
spam-report-gone = This report is not about this group, or no longer exists.
spam-report-decided = Another operator already decided on this report.
spam-nothing-to-undo = This was a dry run: nothing was done, so there is nothing to undo.
spam-undone = ↩️ Undone: { $count } { $count ->
        [one] sender may
       *[other] senders may
    } write again. Deleted messages cannot be brought back by Telegram.
spam-banned = ⛔ Banned { $count } { $count ->
        [one] sender
       *[other] senders
    } of this spam.
spam-cleared = ✅ Not spam: { $count } { $count ->
        [one] sender may
       *[other] senders may
    } write again, their messages count again, and the check unlearned what it learned from them.
spam-mark-usage = Reply to the message with /spam to mark it as spam: the group's spam check learns its text.
spam-mark-staff = That is an administrator or a bot: the spam check never touches their messages.
spam-mark-off = The spam check is off in this group. Turn it on first: /door spam report (only report) or /door spam act (delete and restrict).
spam-marked = 🧹 Marked as spam. The check learned this text for this group and deals with it as the spam mode says.
