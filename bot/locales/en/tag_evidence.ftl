## What decided an automatic sentiment or tag, under each inbox item.

evidence-line = ↳ why: { $decisions }
evidence-sentiment = { $sentiment ->
        [positive] positive
       *[negative] negative
    }: { $words }
evidence-tag = { $tag }: { $words }
evidence-joiner = {", "}
