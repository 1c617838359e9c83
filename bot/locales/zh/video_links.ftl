## 视频链接：/video_link、/video_links，以及卡片、摘要和图表里的漏斗

menu-video_link = 为某个视频在某个平台生成邀请链接：/video_link v12 抖音
menu-video_links = 本群的视频链接及各自带来的入群人数；可改名或撤销
video-invite-usage = 用法：<code>/video_link v12 抖音</code>：视频编号（见 /videos）和要放链接的平台。
video-invite-not-a-video = “{ $typed }”不是视频编号。请按 /videos 显示的写法，例如 <code>/video_link v12 抖音</code>。
video-invite-unknown-platform = 不认识平台“{ $typed }”。可用：{ $platforms }（或 抖音、B站、小红书 等），例如 <code>/video_link v12 抖音</code>。
video-invite-unknown-video = 本群没有视频 { $code }：/videos 列出全部视频，/video_add 登记新视频。
video-invite-empty-name = 名称为空。请回复新名称（最多 32 个字符）。
video-invite-long-name = “{ $typed }”超过了 Telegram 允许的 32 个字符。请回复一个短一些的名称。
video-invite-no-right = 我无法管理本群的邀请链接。请把我设为管理员并打开“通过链接邀请用户”权限，然后重试。
video-invite-made = 🔗 <b>{ $code }</b> { $title } 的链接 <b>{ $name }</b>：
    { $link }
    请把它贴到该视频在{ $platform }的简介里。通过它入群的人都会计入 { $code } 在{ $platform }的来源：/video { $code } 查看漏斗。
video-invite-exists = 🔗 <b>{ $code }</b> 在{ $platform }已有链接 <b>{ $name }</b>，已有 { $joins } 人通过它入群。
    { $link }
video-links-none = { $title } 还没有视频链接。<code>/video_link v12 抖音</code> 可为视频简介生成一个。
video-links-title = 🔗 <b>{ $title } 的视频链接</b>（{ $count } 个）：
video-links-line = <b>{ $name }</b> · { $code } { $title } · { $platform } · { $joins } 人入群{ $revoked ->
        [no] {""}
       *[other] {" "}· 已于 { $revoked } 撤销
    }
        { $link }
video-links-more = …… 另有 { $count } 个较早的链接。
video-links-sources = 最近 { $days } 天：{ $total } 人入群——{ $videos } 人通过视频链接，{ $others } 人通过其他链接，{ $none } 人没有通过链接。
video-links-rename = ✏️ { $name }
video-links-revoke = ⛔ { $name }
video-links-revoke-question = 撤销 <b>{ $name }</b>？之后没人能再通过它入群，新的入群也不再计入。已有的 { $joins } 次入群仍保留在视频的漏斗里。
video-links-revoke-yes = 确定撤销
video-links-back = 返回
video-links-revoked = ⛔ 已撤销 <b>{ $name }</b>；它带来的 { $joins } 次入群仍保留在视频的漏斗里。
video-links-gone = 这个链接已无法由本群修改（已撤销，或不属于本群）。/video_links 查看当前的链接。
video-links-rename-ask = ✏️ 请回复这条消息，写出 <b>{ $name }</b> 的新名称（最多 32 个字符）。
video-links-renamed = ✏️ { $code } 的链接已改名为 <b>{ $name }</b>。

## 漏斗

video-funnel-title = <b>新粉丝从哪里来</b>（通过视频链接入群；入群后 7 天）：
video-funnel-line = <b>{ $platform }</b>：播放 { $plays } → 入群 { $joins }（占播放 { $rate }）→ { $settled } 人中 { $stayed } 人留满 7 天 → { $wrote } 人发言{ $settling ->
        [0] {""}
       *[other] {" "}· { $settling } 人仍在第一周
    }
video-funnel-tags = ↳ 他们聊的话题：{ $tags }
video-funnel-none = 还没有视频链接：<code>/video_link { $code } 抖音</code> 可为视频简介生成一个。
video-funnel-chart-title = { $code } · { $title }：从播放到粉丝
video-funnel-chart-subtitle = 播放（导入）→ 通过链接入群 → 留满 7 天 → 第一周内发言 · 条形长度按对数刻度
video-funnel-stage = { $stage ->
        [plays] 播放
        [joins] 入群
        [stayed] 留满 7 天
       *[wrote] 发言
    }
video-digest-funnel = ↳ 通过链接入群 { $joins } 人（{ $platforms }）· { $stayed } 人留满 7 天 · { $wrote } 人发言
video-digest-sources = <b>新成员</b>：{ $total } 人入群——{ $videos } 人通过视频链接，{ $others } 人通过其他链接，{ $none } 人没有通过链接。
