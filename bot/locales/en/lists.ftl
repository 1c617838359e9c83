## The /polls and /giveaways cards: buttons per item, as the caller's role allows.

list-page = Page { $page } of { $pages }
list-previous = ◀ Previous
list-next = Next ▶
list-back = ◀ Back to the list
list-gone = This item is no longer in { $title }: nothing was changed. Open the list again with /polls or /giveaways.

poll-card-results = 📊 Results #{ $number }
poll-card-close = ⏹ Close #{ $number }
poll-card-cancel = ✖ Cancel #{ $number }
poll-card-export = ⬇ Export #{ $number }
poll-card-exported = ⬇ The results of poll #{ $number } were sent below as a file.
poll-card-not-sent = Poll #{ $number } was never sent, so it has no results yet.

giveaway-card-results = 🎁 Details #{ $id }
giveaway-card-end = ⏹ End now #{ $id }
giveaway-card-cancel = ✖ Cancel #{ $id }
giveaway-card-reroll = 🔄 Reroll #{ $id }
giveaway-card-export = ⬇ Transcript #{ $id }
giveaway-card-detail = <b>Giveaway #{ $id }</b> · { $prize }
    Status: { $status ->
        [open] open
        [drawing] drawing
        [drawn] drawn
        [done] drawn
        [cancelled] cancelled
       *[other] { $status }
    } · { $entrants } entrants · { $winners } winner(s)
    Ends: { $when }
    Commitment: <code>{ $commitment }</code>
giveaway-card-drawn = Drawn: { $standing } standing winner(s), { $rerolls } reroll(s). Each entrant can check their own entry with the button under the result.
giveaway-card-exported = ⬇ The transcript of giveaway #{ $id } was sent below: anyone can re-run the draw with it.
giveaway-card-no-transcript = Giveaway #{ $id } has not been drawn yet, so it has no transcript.
giveaway-card-not-drawn = Giveaway #{ $id } has not been drawn, so there is no winner to replace.
giveaway-cancel-why = Why cancel giveaway #{ $id } “{ $prize }”? The group is told the reason you pick.
giveaway-reroll-which = Which winner of giveaway #{ $id } should be drawn again? The numbers are the places in its results.
giveaway-reroll-place = Winner #{ $place }
giveaway-reroll-why = Why draw winner #{ $place } of giveaway #{ $id } again? The group is told the reason you pick.
giveaway-reason-prize = The prize is not available
giveaway-reason-mistake = Created by mistake
giveaway-reason-rules = The rules were broken
giveaway-reason-silent = The winner did not answer
giveaway-reason-ineligible = The winner was not eligible
giveaway-reason-declined = The winner declined the prize

giveaway-cancel-done = Giveaway #{ $id } “{ $prize }” is cancelled, and the group was told why: { $reason }
giveaway-cancel-undone = ↩ Undone: giveaway #{ $id } “{ $prize }” is open again with its entries, and the group was told.
giveaway-undo-ended = Giveaway #{ $id } cannot reopen: its end time has passed, so its entries would reopen after they should have closed. Create a new giveaway with /giveaway.
giveaway-undo-changed = Giveaway #{ $id } changed since it was cancelled, so the cancel cannot be undone.
giveaway-reopened-notice = Giveaway #{ $id } is open again: the cancel was undone, and every entry still counts.
