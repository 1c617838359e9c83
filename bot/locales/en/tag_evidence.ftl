## What decided an automatic sentiment or tag, under each inbox item.

evidence-line = ↳ why: { $decisions }
evidence-sentiment = { $sentiment ->
        [positive] positive
       *[negative] negative
    }: { $words }
evidence-tag = { $tag }: { $words }
evidence-joiner = {", "}

## Keywords learned from operators' corrections: /tag_suggest and the digest's line.

menu-tag_suggest = Keywords your manual tags propose, added by a tap
tag-suggest-title = <b>Keywords learned in { $title }</b> from { $labels ->
        [one] 1 manual tag or untag
       *[other] { $labels } manual tags and untags
    }:
tag-suggest-none = No proposal yet. Tag or untag comments the tagger got wrong (/tag, /untag, or the inbox in the dashboard): once a word recurs in at least two of them, it is proposed here.
tag-suggest-line = • <b>{ $tag }</b> ← “{ $keyword }”: in { $support } comments you tagged by hand, { $against } others
tag-suggest-accept = ✅ { $tag }: { $keyword }
tag-suggest-decline = ✖ not “{ $keyword }”
tag-suggest-decided = { $taken ->
        [true] Added “{ $keyword }” to <b>{ $tag }</b> for this group only.
       *[false] “{ $keyword }” will not be proposed for <b>{ $tag }</b> again.
    }
tag-suggest-gone = That proposal is no longer open: it was decided already or the comments behind it changed.
tag-suggest-apply = Apply the new keyword to the comments already stored?
digest-section-name-tag-learning = Learning from your corrections
tag-learning-digest = { $corrections ->
        [one] 1 correction
       *[other] { $corrections } corrections
    } (manual tags, untags and statuses) to learn from; { $proposals ->
        [0] no keyword proposal waiting.
        [one] 1 keyword proposal waiting: /tag_suggest
       *[other] { $proposals } keyword proposals waiting: /tag_suggest
    }
