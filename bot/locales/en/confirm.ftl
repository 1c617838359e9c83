## Destructive actions: asked first with Yes/No, then undoable for 10 minutes.

confirm-yes = ✅ Yes
confirm-no = ✖ No
confirm-undo = ↩ Undo
confirm-tag-delete = { $builtin ->
        [yes] Delete <b>{ $tag }</b>, one of fanpulse's built-in tags, from { $title }?
       *[other] Delete the tag <b>#{ $tag }</b> from { $title }?
    } { $count ->
        [0] No stored comment carries it.
        [one] One stored comment carries it and will lose it.
       *[other] { $count } stored comments carry it and will lose it.
    }
confirm-tag-rename = { $builtin ->
        [yes] Rename <b>{ $old }</b>, one of fanpulse's built-in tags, to <b>#{ $new }</b>?
       *[other] Rename the tag <b>#{ $old }</b> to <b>#{ $new }</b>?
    } Tagged comments follow the new name.
confirm-revoke = Take the { $role ->
        [analyst] analyst
       *[operator] operator
    } role in <b>{ $title }</b> away from <b>{ $name }</b>?
confirm-retention = Keep comment text in <b>{ $title }</b> only { $days } days? { $count ->
        [one] The text of one stored comment is older
       *[other] The text of { $count } stored comments is older
    } and will be erased at the next nightly purge (03:00 UTC).
confirm-done = { $kind ->
        [tag-delete] Deleted the tag <b>{ $tag }</b>; { $count } comments lost it.
        [tag-rename] Renamed the tag <b>{ $old }</b> to <b>#{ $new }</b>; tagged comments follow it.
        [role-revoke] <b>{ $name }</b> no longer has a fanpulse role in <b>{ $title }</b>.
       *[retention] Comment text older than { $days } days will be erased at the next nightly purge (03:00 UTC).
    }
confirm-undo-offer = { $kind ->
        [retention] You can undo this for 10 minutes, and only until the purge runs: after it, the text is gone.
       *[other] You can undo this for 10 minutes.
    }
confirm-declined = Nothing was changed.
confirm-undone = ↩ Undone: { $kind ->
        [tag-delete] the tag <b>{ $tag }</b> is back, on the comments that carried it.
        [tag-rename] the tag is called <b>{ $old }</b> again.
        [role-revoke] <b>{ $name }</b> has their role in <b>{ $title }</b> again.
       *[retention] the retention is back to what it was; no text was erased.
    }
confirm-expired = This question expired after 10 minutes, and nothing was changed. Run the command again if you still want it.
undo-expired = Undo expired: it works for 10 minutes after the action, and those have passed.
confirm-settled = This was already answered.
confirm-tag-gone = The tag #{ $tag } no longer exists: nothing was changed.
undo-tag-taken = A tag called #{ $tag } exists again, so the deleted one cannot come back. Rename or delete the new one first.
undo-tag-changed = The tag #{ $tag } was changed since, so the rename cannot be undone. Rename it back with /tag_rename.
undo-role-taken = { $who } holds a role again (someone granted it since): nothing to undo.
undo-purged = The nightly purge already ran: the text older than { $days } days is erased and cannot come back. Set a longer retention with /retention for what is stored from now on.
confirm-video-again = { $code } was already announced { $channel ->
        [yes] in the channel
       *[other] in the group
    }. Post it again?
undo-tag-full = The group has { $limit } tags again, the most it can have, so #{ $tag } cannot come back. Delete one first.
