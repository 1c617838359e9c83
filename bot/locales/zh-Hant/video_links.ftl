## 影片連結：/video_link、/video_links，以及卡片、摘要和圖表裡的漏斗

menu-video_link = 為某部影片在某個平臺產生邀請連結：/video_link v12 抖音
menu-video_links = 本群的影片連結及各自帶來的入群人數；可改名或撤銷
video-invite-usage = 用法：<code>/video_link v12 抖音</code>：影片編號（見 /videos）和要放連結的平臺。
video-invite-not-a-video = 「{ $typed }」不是影片編號。請按 /videos 顯示的寫法，例如 <code>/video_link v12 抖音</code>。
video-invite-unknown-platform = 不認識平臺「{ $typed }」。可用：{ $platforms }（或 抖音、B站、小紅書 等），例如 <code>/video_link v12 抖音</code>。
video-invite-unknown-video = 本群沒有影片 { $code }：/videos 列出全部影片，/video_add 登記新影片。
video-invite-empty-name = 名稱為空。請回覆新名稱（最多 32 個字元）。
video-invite-long-name = 「{ $typed }」超過了 Telegram 允許的 32 個字元。請回覆一個短一些的名稱。
video-invite-no-right = 我無法管理本群的邀請連結。請把我設為管理員並開啟「透過連結邀請使用者」權限，然後重試。
video-invite-made = 🔗 <b>{ $code }</b> { $title } 的連結 <b>{ $name }</b>：
    { $link }
    請把它貼到該影片在{ $platform }的簡介裡。透過它入群的人都會計入 { $code } 在{ $platform }的來源：/video { $code } 查看漏斗。
video-invite-exists = 🔗 <b>{ $code }</b> 在{ $platform }已有連結 <b>{ $name }</b>，已有 { $joins } 人透過它入群。
    { $link }
video-links-none = { $title } 還沒有影片連結。<code>/video_link v12 抖音</code> 可為影片簡介產生一個。
video-links-title = 🔗 <b>{ $title } 的影片連結</b>（{ $count } 個）：
video-links-line = <b>{ $name }</b> · { $code } { $title } · { $platform } · { $joins } 人入群{ $revoked ->
        [no] {""}
       *[other] {" "}· 已於 { $revoked } 撤銷
    }
        { $link }
video-links-more = …… 另有 { $count } 個較早的連結。
video-links-sources = 最近 { $days } 天：{ $total } 人入群——{ $videos } 人透過影片連結，{ $others } 人透過其他連結，{ $none } 人沒有透過連結。
video-links-rename = ✏️ { $name }
video-links-revoke = ⛔ { $name }
video-links-revoke-question = 撤銷 <b>{ $name }</b>？之後沒人能再透過它入群，新的入群也不再計入。已有的 { $joins } 次入群仍保留在影片的漏斗裡。
video-links-revoke-yes = 確定撤銷
video-links-back = 返回
video-links-revoked = ⛔ 已撤銷 <b>{ $name }</b>；它帶來的 { $joins } 次入群仍保留在影片的漏斗裡。
video-links-gone = 這個連結已無法由本群修改（已撤銷，或不屬於本群）。/video_links 查看目前的連結。
video-links-rename-ask = ✏️ 請回覆這則訊息，寫出 <b>{ $name }</b> 的新名稱（最多 32 個字元）。
video-links-renamed = ✏️ { $code } 的連結已改名為 <b>{ $name }</b>。

## 漏斗

video-funnel-title = <b>新粉絲從哪裡來</b>（透過影片連結入群；入群後 7 天）：
video-funnel-line = <b>{ $platform }</b>：播放 { $plays } → 入群 { $joins }（佔播放 { $rate }）→ { $settled } 人中 { $stayed } 人留滿 7 天 → { $wrote } 人發言{ $settling ->
        [0] {""}
       *[other] {" "}· { $settling } 人仍在第一週
    }
video-funnel-tags = ↳ 他們聊的話題：{ $tags }
video-funnel-none = 還沒有影片連結：<code>/video_link { $code } 抖音</code> 可為影片簡介產生一個。
video-funnel-chart-title = { $code } · { $title }：從播放到粉絲
video-funnel-chart-subtitle = 播放（匯入）→ 透過連結入群 → 留滿 7 天 → 第一週內發言 · 長條長度按對數刻度
video-funnel-stage = { $stage ->
        [plays] 播放
        [joins] 入群
        [stayed] 留滿 7 天
       *[wrote] 發言
    }
video-digest-funnel = ↳ 透過連結入群 { $joins } 人（{ $platforms }）· { $stayed } 人留滿 7 天 · { $wrote } 人發言
video-digest-sources = <b>新成員</b>：{ $total } 人入群——{ $videos } 人透過影片連結，{ $others } 人透過其他連結，{ $none } 人沒有透過連結。
