## Re-tagging: applying a created or changed tag to the comments already stored.

retag-offer-apply = Apply to stored comments
retag-offer-skip = Only new comments
retag-skipped = Only new comments will be tagged.
retag-started = Tagging the stored comments: the progress shows in this message.
retag-running = The stored comments are already being tagged.
retag-unknown = This offer is no longer valid: change the tag again to get a new one.
retag-subject = { $every ->
        [1] all tags
       *[0] <b>#{ $tag }</b>
    }
retag-progress = Tagging the stored comments with { retag-subject }: { $scanned } of { $total } read, { $tagged } tagged so far.
retag-done = { retag-subject } applied to the stored history: { $tagged } comments tagged{ $untagged ->
        [0] {""}
       *[other] , { $untagged } untagged
    } ({ $scanned } read).
retag-failed = Tagging the stored comments with { retag-subject } stopped after { $scanned } of { $total }: { $tagged } tagged. Change the tag again later to retry.
