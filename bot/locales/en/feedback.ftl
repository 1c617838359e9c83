## Feedback: tags, explicit feedback, triage, inbox, export, fans' data, history import.

menu-tags = The group's feedback tags and their keywords
menu-tag_new = Create a tag: /tag_new name keyword, keyword, #hashtag
menu-tag_rename = Rename a tag: /tag_rename old new
menu-tag_delete = Delete a tag: /tag_delete name
menu-tag_add = Add keywords to a tag: /tag_add name keyword, #hashtag
menu-tag_remove = Remove keywords from a tag: /tag_remove name keyword

tag-name = { $tag ->
        [suggestion] suggestion
        [bug] bug
        [praise] praise
        [complaint] complaint
        [question] question
        [topic_idea] topic idea
        [update_request] update request
        [collab] collab
        [spam] spam
       *[other] { $tag }
    }

tags-title = <b>Feedback tags of { $title }</b> ({ $count })
tags-label = { $tag } ({ $key })
tags-did-you-mean = Did you mean <b>#{ $tag }</b>?
tags-line = • <b>#{ $tag }</b>: { $terms }{ $more ->
        [0] {""}
       *[other] {" "}(+{ $more } more)
    }
tags-empty = No tags yet: create one with /tag_new name keyword, keyword.
tag-new-usage = Usage: /tag_new name keyword, keyword, #hashtag (the name alone makes it its own keyword).
tag-rename-usage = Usage: /tag_rename old_name new_name
tag-delete-usage = Usage: /tag_delete name
tag-add-usage = Usage: /tag_add name keyword, keyword, #hashtag
tag-remove-usage = Usage: /tag_remove name keyword, #hashtag
tag-changed = { $action ->
        [tag-created] Tag <b>#{ $tag }</b> created in { $title }.
        [tag-renamed] Tag renamed to <b>#{ $tag }</b>; tagged feedback follows it.
        [tag-deleted] Tag <b>#{ $tag }</b> deleted, and taken off tagged feedback.
        [tag-terms-added] Keywords added to <b>#{ $tag }</b>.
       *[other] Keywords removed from <b>#{ $tag }</b>.
    }
tags-error = { $code ->
        [name_invalid] “{ $value }” cannot be a tag name: use letters, digits and _ only, at most 32.
        [name_taken] There is already a tag <b>#{ $value }</b>.
        [unknown_tag] There is no tag <b>#{ $value }</b> here: /tags lists them.
        [empty_term] A keyword is empty: separate keywords with commas, without empty ones.
        [term_too_long] “{ $value }” is too long for a keyword (at most 64 characters).
        [hashtag_invalid] “{ $value }” can never be a hashtag: use letters, digits and _ only.
        [too_many_tags] A group has at most { $value } tags.
        [too_many_terms] A tag has at most { $value } keywords and hashtags.
        [no_terms] Give at least one keyword.
        [term_absent] “{ $value }” is not a keyword of that tag.
       *[too_long] That is too long (at most { $value } characters).
    }

menu-feedback = Send feedback to the creator: /feedback your text
menu-ask = Ask the fans a question; replies are tagged: /ask tag question
menu-tag = (reply) Add a tag to a message: /tag name
menu-untag = (reply) Take a tag off a message: /untag name
menu-mark = (reply) Set the status: new, triaged, planned, done, wontdo
menu-dupe = (reply) Mark as a duplicate of another message: /dupe id or link

feedback-usage = Usage: /feedback your feedback (in the group, or here in private chat).
feedback-too-long = That is too long: at most { $limit } characters, please.
feedback-not-a-person = Feedback comes from people: post it as yourself, not as a channel or the group.
feedback-no-group = I do not know your group yet: write there first, or use /feedback in the group.
feedback-pick-group = Which group is this feedback for?
feedback-pick-stale = This choice is no longer valid: send /feedback again.
feedback-thanks = Thank you! Your feedback reached the creator's team.
feedback-not-stored = You asked me to forget you, so I keep nothing you send.
ask-usage = Usage: /ask tag your question (for example /ask topic_idea What should the next video be about?)
ask-question = ❓ { $question }
    <i>Reply to this message to answer.</i>
ask-posted = Question posted in { $title }; replies are tagged #{ $tag }.
tag-reply-usage = Reply to a message with /tag name to tag it.
untag-reply-usage = Reply to a message with /untag name to take a tag off.
tag-manual-done = { $present ->
        [true] Tagged <b>#{ $tag }</b>.
       *[false] Tag <b>#{ $tag }</b> taken off.
    }
mark-usage = Reply to a message with /mark and a status: new, triaged, planned, done or wontdo.
mark-bad-status = “{ $value }” is not a status: use new, triaged, planned, done or wontdo.
mark-did-you-mean = Did you mean { $suggestion }?
mark-done = Status set: <b>{ $status ->
        [new] new
        [triaged] triaged
        [planned] planned
        [done] done
       *[wontdo] won't do
    }</b>.
dupe-usage = Reply to a message with /dupe and the id or link of the message it repeats.
dupe-itself = A message cannot duplicate itself.
dupe-unknown = I have no message { $original } in this group.
dupe-done = Marked as a duplicate of message { $original }.

## Display names of the built-in tags; either the name or the key is accepted as input.
tag-name-suggestion = suggestion
tag-name-bug = bug
tag-name-praise = praise
tag-name-complaint = complaint
tag-name-question = question
tag-name-topic_idea = topic_idea
tag-name-update_request = update_request
tag-name-collab = collab
tag-name-spam = spam
