# Previews (Send / Edit / Cancel) and questions (Yes / No) before anything goes live.

draft-button-send = ✅ Send
draft-button-edit = ✏️ Edit
draft-button-cancel = ✖️ Cancel
draft-button-yes = Yes
draft-button-no = No
draft-preview-hint = <i>Nothing is posted until you tap Send. This preview expires in 30 minutes.</i>
draft-refused-not-owner = Only the operator who made this can send or change it.
draft-refused-done = This was already handled: nothing more happens.
draft-refused-gone = This preview is no longer here.
draft-refused-invalid = It cannot be sent as it is: see the message below.
draft-sent = Sent.
draft-cancelled = Cancelled: nothing was sent.
draft-nothing-changed = Nothing changed.
draft-expired-preview = ⌛ This preview expired: nothing was sent. Type the command again to start over.
draft-expired-question = ⌛ This question expired: nothing was changed.

poll-preview-title = 👀 <b>Preview</b> of the poll for { $title }:
poll-preview-question = 📊 <b>{ $question }</b>
poll-preview-option = { $correct ->
        [yes] { $number }. { $label } ✔️ (correct)
       *[no] { $number }. { $label }
    }
poll-preview-kind = { $kind ->
        [quiz] Quiz, one answer
        [multi] Several answers per voter
       *[single] One answer per voter
    } · { $anonymous ->
        [yes] anonymous
       *[no] voters are shown
    }
poll-preview-explanation = After a wrong answer: { $explanation }
poll-preview-opens-now = Opens: as soon as you tap Send
poll-preview-opens-at = Opens: { $when }
poll-preview-closes-at = Closes: { $when }
poll-preview-closes-by-hand = Closes: when you close it (/poll_close)
poll-edit-line = ✏️ Send the corrected command; this one was:
    <code>{ $line }</code>
poll-close-confirm = Close poll #{ $number } “{ $question }” now? Voting stops for everyone and the results are posted in the group. This cannot be undone: Telegram ends a stopped poll for good, and it cannot be reopened.
poll-delete-confirm = Delete poll #{ $number } “{ $question }”? Its messages are removed from the group, it posts no results and leaves the digests. This cannot be undone.
poll-delete-usage = Usage: /poll_delete 12 (the number from /polls).
poll-not-deletable = Poll #{ $number } is not here, or is already cancelled or deleted.
poll-deleted = 🗑 Poll #{ $number } is deleted and its messages removed from { $title }.

giveaway-preview-title = 👀 <b>Preview</b> of the giveaway for { $title }:
giveaway-preview-prize = 🎁 <b>Giveaway</b>: { $prize }
giveaway-preview-commitment = <i>Its number and seed commitment are given when it is posted.</i>
giveaway-edit-line = ✏️ Send the corrected command; this one was:
    <code>{ $line }</code>
giveaway-cancel-confirm = Cancel giveaway #{ $id } “{ $prize }”? Entries close, nobody wins, and the group is told: { $reason }
giveaway-delete-confirm = Delete giveaway #{ $id } “{ $prize }”? Its announcement is removed from the group and it never draws. This cannot be undone.
giveaway-delete-usage = Usage: /giveaway_delete ID (the number from /giveaways).
giveaway-not-deletable = Giveaway #{ $id } is not open in this group: only an open giveaway can be deleted (a drawn one's result stays, so that entrants can check it).
giveaway-deleted = 🗑 Giveaway #{ $id } is deleted: its announcement is removed from { $title } and it will not be drawn.

menu-poll_delete = Delete a poll made by mistake
menu-giveaway_delete = Delete a giveaway made by mistake
