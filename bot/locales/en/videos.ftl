## Videos: registering, listing, editing, archiving, announcing; linking comments by hand.

menu-video_add = Register a video (/video_add alone shows how)
menu-videos = The group's videos and their codes
menu-video_edit = Change a video: /video_edit v3 title New title
menu-video_archive = Archive a video: /video_archive v3
menu-video_unarchive = Bring an archived video back: /video_unarchive v3
menu-video_announce = Announce a video in the group (or: /video_announce v3 channel)
menu-link = In reply to a comment: link it to a video, /link v3
menu-unlink = In reply to a comment: unlink it from a video, /unlink v3

video-help =
    <b>Videos</b>
    <code>/video_add link | title | published</code> — the publish time is optional, in the group's time zone
    The link names the platform: Douyin, Kuaishou, Bilibili, YouTube, TikTok, Xiaohongshu, WeChat Channels, or any other page.
    Without a link: <code>/video_add douyin 7312345678901234567 | title</code>, <code>/video_add BV1xx411c7mD | title</code> or just <code>/video_add weixin | title</code>.
    Example: <code>/video_add https://www.bilibili.com/video/BV1xx411c7mD | New MV | 2026-11-20 18:00</code>
    Each video gets a code such as <b>v3</b>: fans who write <b>#v3</b>, reply to its announcement or comment under its channel post are counted as feedback on it.
    Then: /videos to list, <code>/video_edit v3 title …</code> (title, url, platform, id, published; <code>-</code> clears), /video_archive v3, /video_unarchive v3, /video_announce v3 (add <code>channel</code> to post in the linked channel), and /link v3 or /unlink v3 in reply to a comment.

video-error-hint = Type /video_add alone to see the syntax.
video-error-usage = Write the link (or platform and id), then the title, separated by |: <code>/video_add link | title | published</code>
video-error-no-title = The video needs a title, after the first |.
video-error-title-too-long = The title is { $length } characters long; at most { $limit } are allowed.
video-error-url-too-long = The link is longer than { $limit } characters.
video-error-bad-url = “{ $url }” is not a web link.
video-error-unknown-platform = I do not know the platform “{ $value }”. Use douyin, kuaishou, bilibili, youtube, tiktok, xiaohongshu, weixin or other, or give a link.
video-error-platform-mismatch = That link is a { $found } link, not { $platform }.
video-error-bad-platform-id = “{ $value }” is not a video id (letters, digits and - _ . : only, at most 128 characters).
video-error-bad-time = I cannot read “{ $value }” as a date and time (2026-11-20 or 2026-11-20 18:00).
video-error-time-in-the-future = “{ $value }” is in the future: give the time the video was published.
video-error-bad-code = “{ $value }” is not a video code; codes look like v3.
video-error-unknown-field = There is no field “{ $value }”: use title, url, platform, id or published.

video-unknown = This group has no video { $code }. /videos lists them.
video-duplicate = That video is already registered as <b>{ $code }</b> ({ $title }); nothing was changed.
video-added = 🎬 Registered as <b>{ $code }</b>. Fans who write #{ $code } or reply to its announcement are linked to it.
video-busy = Another video was being registered at the same moment; please send the command again.
video-line = <b>{ $code }</b> · { $title } · { $platform }{ $archived ->
        [yes] {" "}· archived
       *[no] {""}
    } · 💬 { $linked }
video-line-id = id { $id }
video-line-published = published { $when }
video-line-url = { $url }

videos-usage = Usage: /videos, /videos 2 (a page), /videos all (archived ones too).
videos-none = No videos in { $title } yet. Register one with /video_add.
videos-none-at-all = No videos in { $title }, archived or not. Register one with /video_add.
videos-title = <b>Videos of { $title }</b> ({ $total }; page { $page } of { $pages }) · 💬 linked comments
videos-archived-hint = Archived videos are hidden: /videos all shows them.
videos-newer = ◀ Newer
videos-older = Older ▶

video-edit-usage = Usage: <code>/video_edit v3 field value</code>; fields: title, url, platform, id, published (<code>-</code> clears url, id or published).
video-edited = ✏️ { $code }: { $field } is now { $value }.

video-archive-usage = Usage: /video_archive v3 or /video_unarchive v3.
video-archive-unchanged = { $code } is { $archived ->
        [yes] already archived
       *[no] not archived
    }; nothing was changed.
video-archive-done = { $archived ->
        [yes] 🗄 { $code } is archived: it is hidden from /videos and no longer links new comments.
       *[no] 📂 { $code } is back: new comments link to it again.
    }

video-announce-usage = Usage: /video_announce v3 (in the group) or /video_announce v3 channel (in the channel linked to the group).
video-announce-archived = { $code } is archived; unarchive it before announcing it.
video-announce-no-channel = { $title } has no linked channel that I can see. Link one in the group's settings, or announce in the group.
video-announce-channel-failed = I could not post in the channel linked to { $title }: make me an administrator there who can post messages.
video-announce-failed = I could not post in { $title }: check that I can send messages there.
video-announced = 📣 { $code } is announced { $channel ->
        [yes] in the linked channel; comments under the post are linked to it.
       *[no] in the group; replies to the announcement are linked to it.
    }
video-announcement = 🎬 <b>New video { $code }</b>: { $title }
video-announcement-reply = Reply to this message, or write #{ $code } in the group, to tell us what you think!
video-announcement-comment = Comment below, or write #{ $code } in the group, to tell us what you think!

video-link-usage = Reply to a fan's comment with /link v3 to link it to video v3.
video-unlink-usage = Reply to a comment with /unlink v3 to unlink it from video v3.
video-link-not-a-comment = That is my own message, not a fan's comment: reply to the comment itself.
video-link-archived = { $code } is archived; unarchive it before linking comments to it.
video-link-unknown-comment = I have not stored that message (it was sent before I could read the group), so I cannot link it.
video-link-unchanged = { $linked ->
        [yes] That comment is already linked to { $code }.
       *[no] That comment is not linked to { $code }.
    } Nothing was changed.
video-link-done = { $linked ->
        [yes] 🔗 Linked to { $code }; edits of the comment will not remove the link.
       *[no] ✂️ Unlinked from { $code }; it will not be linked to it again automatically.
    }
