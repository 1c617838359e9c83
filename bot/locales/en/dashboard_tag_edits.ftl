## The dashboard's Settings > tags: renaming a tag and editing its words (bot/dashboard/tag_edits.py).

dashboard-bad-tag-rename = Name the tag and its new name, one word each, such as idea and wish.
ui-tag-edit = Edit
ui-tag-edit-name = Name
ui-tag-edit-terms = Words it matches, comma-separated; #word for a hashtag
ui-tag-edit-save = Save the tag
ui-tag-edit-rename-confirm = Rename the tag #{ $tag } to #{ $name }? Tagged comments follow it.
ui-tag-edit-saved = The tag #{ $tag } is saved.
