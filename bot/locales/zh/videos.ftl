## 视频：登记、列表、修改、归档、发布公告；手动关联评论。

menu-video_add = 登记视频（只发 /video_add 查看用法）
menu-videos = 本群的视频及其编号
menu-video_edit = 修改视频：/video_edit v3 title 新标题
menu-video_archive = 归档视频：/video_archive v3
menu-video_unarchive = 取消归档：/video_unarchive v3
menu-video_announce = 在群里发布视频公告（或：/video_announce v3 channel）
menu-link = 回复一条评论：把它关联到视频，/link v3
menu-unlink = 回复一条评论：取消与视频的关联，/unlink v3

video-help =
    <b>视频</b>
    <code>/video_add 链接 | 标题 | 发布时间</code> — 发布时间可选，按本群时区
    链接决定平台：抖音、快手、B站、YouTube、TikTok、小红书、视频号，或任何其他网页。
    没有链接时：<code>/video_add douyin 7312345678901234567 | 标题</code>、<code>/video_add BV1xx411c7mD | 标题</code>，或只写 <code>/video_add weixin | 标题</code>。
    例如：<code>/video_add https://www.bilibili.com/video/BV1xx411c7mD | 新歌MV | 2026-11-20 18:00</code>
    每个视频有一个编号，如 <b>v3</b>：粉丝写 <b>#v3</b>、回复它的公告或在频道帖子下评论，都算作对它的反馈。
    之后：/videos 查看列表，<code>/video_edit v3 title …</code>（title、url、platform、id、published；<code>-</code> 表示清空），/video_archive v3，/video_unarchive v3，/video_announce v3（加 <code>channel</code> 发到关联频道），回复评论时用 /link v3 或 /unlink v3。

video-error-hint = 只发 /video_add 可以查看用法。
video-error-usage = 先写链接（或平台和编号），再写标题，用 | 分隔：<code>/video_add 链接 | 标题 | 发布时间</code>
video-error-no-title = 视频需要标题，写在第一个 | 之后。
video-error-title-too-long = 标题有 { $length } 个字符，最多 { $limit } 个。
video-error-url-too-long = 链接超过 { $limit } 个字符。
video-error-bad-url = “{ $url }”不是网页链接。
video-error-unknown-platform = 不认识平台“{ $value }”。请用 douyin、kuaishou、bilibili、youtube、tiktok、xiaohongshu、weixin 或 other，或者直接给链接。
video-error-platform-mismatch = 这是 { $found } 的链接，不是 { $platform }。
video-error-bad-platform-id = “{ $value }”不是视频编号（只能包含字母、数字和 - _ . :，最多 128 个字符）。
video-error-bad-time = 无法识别时间“{ $value }”（例如 2026-11-20 或 2026-11-20 18:00）。
video-error-time-in-the-future = “{ $value }”还没到：请填写视频发布的时间。
video-error-bad-code = “{ $value }”不是视频编号；编号形如 v3。
video-error-unknown-field = 没有字段“{ $value }”：可用 title、url、platform、id 或 published。

video-unknown = 本群没有视频 { $code }。用 /videos 查看列表。
video-duplicate = 这个视频已经登记为 <b>{ $code }</b>（{ $title }），没有做任何改动。
video-added = 🎬 已登记为 <b>{ $code }</b>。粉丝写 #{ $code } 或回复它的公告，就会关联到这个视频。
video-busy = 同一时间有其他视频正在登记，请再发送一次命令。
video-line = <b>{ $code }</b> · { $title } · { $platform }{ $archived ->
        [yes] {" "}· 已归档
       *[no] {""}
    } · 💬 { $linked }
video-line-id = 编号 { $id }
video-line-published = 发布于 { $when }
video-line-url = { $url }

videos-usage = 用法：/videos，/videos 2（第几页），/videos all（包括已归档的）。
videos-none = { $title } 还没有视频。用 /video_add 登记一个。
videos-none-at-all = { $title } 没有任何视频（包括已归档的）。用 /video_add 登记一个。
videos-title = <b>{ $title } 的视频</b>（共 { $total } 个；第 { $page }/{ $pages } 页）· 💬 关联评论数
videos-archived-hint = 已归档的视频不显示：/videos all 可以看到。
videos-newer = ◀ 较新
videos-older = 较早 ▶

video-edit-usage = 用法：<code>/video_edit v3 字段 值</code>；字段：title、url、platform、id、published（<code>-</code> 清空 url、id 或 published）。
video-edited = ✏️ { $code }：{ $field } 已改为 { $value }。

video-archive-usage = 用法：/video_archive v3 或 /video_unarchive v3。
video-archive-unchanged = { $code } { $archived ->
        [yes] 已经归档
       *[no] 没有归档
    }，没有做任何改动。
video-archive-done = { $archived ->
        [yes] 🗄 { $code } 已归档：/videos 不再显示，新评论也不再关联到它。
       *[no] 📂 { $code } 已恢复：新评论会重新关联到它。
    }

video-announce-usage = 用法：/video_announce v3（发在群里）或 /video_announce v3 channel（发在群关联的频道）。
video-announce-archived = { $code } 已归档；请先取消归档再发布公告。
video-announce-no-channel = 我看不到 { $title } 关联的频道。请在群设置里关联频道，或者直接在群里发布。
video-announce-channel-failed = 我无法在 { $title } 关联的频道发帖：请把我设为那里可以发消息的管理员。
video-announce-failed = 我无法在 { $title } 发消息：请检查我是否有发言权限。
video-announced = 📣 { $code } 已发布{ $channel ->
        [yes] 到关联频道；帖子下的评论会关联到它。
       *[no] 到群里；回复公告的消息会关联到它。
    }
video-announcement = 🎬 <b>新视频 { $code }</b>：{ $title }
video-announcement-reply = 回复这条消息，或在群里写 #{ $code }，告诉我们你的看法！
video-announcement-comment = 在下方评论，或在群里写 #{ $code }，告诉我们你的看法！

video-link-usage = 回复粉丝的评论并发送 /link v3，即可把它关联到视频 v3。
video-unlink-usage = 回复评论并发送 /unlink v3，即可取消它与视频 v3 的关联。
video-link-not-a-comment = 这是我自己的消息，不是粉丝评论：请回复评论本身。
video-link-archived = { $code } 已归档；请先取消归档再关联评论。
video-link-unknown-comment = 我没有保存这条消息（它发在我能读取本群之前），无法关联。
video-link-unchanged = { $linked ->
        [yes] 这条评论已经关联到 { $code }。
       *[no] 这条评论没有关联到 { $code }。
    }没有做任何改动。
video-link-done = { $linked ->
        [yes] 🔗 已关联到 { $code }；之后编辑评论也不会取消关联。
       *[no] ✂️ 已取消与 { $code } 的关联；之后不会再自动关联。
    }
