## The operators' inbox, counts per tag and export.

menu-inbox = Feedback inbox: /inbox #tag status:new sentiment:negative @fan 7d words
menu-inbox_counts = Feedback per tag for a period: /inbox_counts 7d
menu-export = Export feedback as a file: /export csv or /export json, then the inbox filters

inbox-title = <b>Feedback inbox of { $title }</b>: { $more ->
        [true] more than { $total } items, page { $page }/{ $pages }+ (add filters to narrow it)
       *[false] { $total ->
            [one] 1 item
           *[other] { $total } items
        }, page { $page }/{ $pages }
    }
inbox-filters = Filters: <code>{ $filters }</code>
inbox-empty = Nothing matches.
inbox-link = <a href="{ $link }">{ $when }</a>
inbox-when = { $when }
inbox-item = • { $when } · { $author }{ $tagged ->
        [true] {" "}· { $tags }
       *[false] {""}
    } · { $sentiment ->
        [positive] 🙂
        [negative] 🙁
       *[other] 😐
    } · { $status ->
        [new] new
        [triaged] triaged
        [planned] planned
        [done] done
       *[wontdo] won't do
    }
    { $text }
inbox-did-you-mean = Did you mean “{ $suggestion }”?
inbox-newer = ◀ Newer
inbox-older = Older ▶
inbox-counts-title = <b>Feedback per tag in { $title }</b> ({ $period }):
inbox-counts-line = • #{ $tag }: { $count }
inbox-error = { $code ->
        [unknown_tag] There is no tag “{ $value }” here: /tags lists them.
        [bad_status] “{ $value }” is not a status: use new, triaged, planned, done or wontdo.
        [bad_sentiment] “{ $value }” is not a sentiment: use positive, neutral or negative.
        [bad_period] “{ $value }” is not a period: write it like 24h, 7d, 2w (at most a year), yesterday, last week, 11/30 or 2026/11/30.
        [future_period] “{ $value }” has not begun yet in this group’s time zone.
        [unknown_author] I do not know the fan “{ $value }”: use their @username or numeric id.
        [text_too_long] The text to look for is too long (at most { $value } characters).
        [too_long] That is too long (at most { $value } characters).
        [repeated] “{ $value }” repeats a filter that is already given.
        [expired] This inbox page is too old: send /inbox again.
       *[unknown_query] This inbox page does not belong to this group any more: send /inbox again.
    }

export-usage = Usage: /export csv or /export json, then the inbox filters (for example /export csv #bug 7d).
export-private-only = Exports go to a person's private chat: send /export as yourself, or from private chat with me.
export-start-me = I cannot write to you yet: open a private chat with me, press Start, and send /export again.
export-sent-privately = I sent you the export ({ $count ->
        [one] 1 item
       *[other] { $count } items
    }) in private chat.
export-progress = Exporting… { $count ->
        [one] 1 item
       *[other] { $count } items
    } written so far.
export-caption = Feedback of { $title }: { $count ->
        [one] 1 item
       *[other] { $count } items
    } ({ $format }).
export-column-chat_id = Chat ID
export-column-chat_title = Chat
export-column-message_id = Message ID
export-column-link = Link
export-column-created_at = Written at
export-column-author_name = Author
export-column-author_id = Author ID
export-column-text = Text
export-column-tags = Tags
export-column-sentiment = Sentiment
export-column-status = Status
export-column-duplicate_of = Duplicate of
export-column-edited = Edited
