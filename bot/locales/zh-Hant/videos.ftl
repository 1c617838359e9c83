## 影片：登記、列表、修改、歸檔、釋出公告；手動關聯評論。

menu-video_add = 登記影片（只發 /video_add 檢視用法）
menu-videos = 本群的影片及其編號
menu-video_edit = 修改影片：/video_edit v3 title 新標題
menu-video_archive = 歸檔影片：/video_archive v3
menu-video_unarchive = 取消歸檔：/video_unarchive v3
menu-video_announce = 在群裡釋出影片公告（或：/video_announce v3 channel）
menu-link = 回覆一條評論：把它關聯到影片，/link v3
menu-unlink = 回覆一條評論：取消與影片的關聯，/unlink v3

video-help =
    <b>影片</b>
    <code>/video_add 連結 | 標題 | 釋出時間</code> — 釋出時間可選，按本群時區
    連結決定平臺：抖音、快手、B站、YouTube、TikTok、小紅書、影片號，或任何其他網頁。
    沒有連結時：<code>/video_add douyin 7312345678901234567 | 標題</code>、<code>/video_add BV1xx411c7mD | 標題</code>，或只寫 <code>/video_add weixin | 標題</code>。
    例如：<code>/video_add https://www.bilibili.com/video/BV1xx411c7mD | 新歌MV | 2026-11-20 18:00</code>
    每個影片有一個編號，如 <b>v3</b>：粉絲寫 <b>#v3</b>、回覆它的公告或在頻道帖子下評論，都算作對它的反饋。
    之後：/videos 檢視列表，<code>/video_edit v3 title …</code>（title、url、platform、id、published；<code>-</code> 表示清空），/video_archive v3，/video_unarchive v3，/video_announce v3（加 <code>channel</code> 發到關聯頻道），回覆評論時用 /link v3 或 /unlink v3。

video-error-hint = 只發 /video_add 可以檢視用法。
video-error-usage = 先寫連結（或平臺和編號），再寫標題，用 | 分隔：<code>/video_add 連結 | 標題 | 釋出時間</code>
video-error-no-title = 影片需要標題，寫在第一個 | 之後。
video-error-title-too-long = 標題有 { $length } 個字元，最多 { $limit } 個。
video-error-url-too-long = 連結超過 { $limit } 個字元。
video-error-bad-url = “{ $url }”不是網頁連結。
video-error-unknown-platform = 不認識平臺“{ $value }”。請用 douyin、kuaishou、bilibili、youtube、tiktok、xiaohongshu、weixin 或 other，或者直接給連結。
video-error-platform-mismatch = 這是 { $found } 的連結，不是 { $platform }。
video-error-bad-platform-id = “{ $value }”不是影片編號（只能包含字母、數字和 - _ . :，最多 128 個字元）。
video-error-bad-time = 無法識別時間“{ $value }”（例如 2026-11-20 或 2026-11-20 18:00）。
video-error-time-in-the-future = “{ $value }”還沒到：請填寫影片釋出的時間。
video-error-bad-code = “{ $value }”不是影片編號；編號形如 v3。
video-error-unknown-field = 沒有欄位“{ $value }”：可用 title、url、platform、id 或 published。

video-unknown = 本群沒有影片 { $code }。用 /videos 檢視列表。
video-duplicate = 這個影片已經登記為 <b>{ $code }</b>（{ $title }），沒有做任何改動。
video-added = 🎬 已登記為 <b>{ $code }</b>。粉絲寫 #{ $code } 或回覆它的公告，就會關聯到這個影片。
video-busy = 同一時間有其他影片正在登記，請再傳送一次命令。
video-line = <b>{ $code }</b> · { $title } · { $platform }{ $archived ->
        [yes] {" "}· 已歸檔
       *[no] {""}
    } · 💬 { $linked }
video-line-id = 編號 { $id }
video-line-published = 釋出於 { $when }
video-line-url = { $url }

videos-usage = 用法：/videos，/videos 2（第幾頁），/videos all（包括已歸檔的）。
videos-none = { $title } 還沒有影片。用 /video_add 登記一個。
videos-none-at-all = { $title } 沒有任何影片（包括已歸檔的）。用 /video_add 登記一個。
videos-title = <b>{ $title } 的影片</b>（共 { $total } 個；第 { $page }/{ $pages } 頁）· 💬 關聯評論數
videos-archived-hint = 已歸檔的影片不顯示：/videos all 可以看到。
videos-newer = ◀ 較新
videos-older = 較早 ▶

video-edit-usage = 用法：<code>/video_edit v3 欄位 值</code>；欄位：title、url、platform、id、published（<code>-</code> 清空 url、id 或 published）。
video-edited = ✏️ { $code }：{ $field } 已改為 { $value }。

video-archive-usage = 用法：/video_archive v3 或 /video_unarchive v3。
video-archive-unchanged = { $code } { $archived ->
        [yes] 已經歸檔
       *[no] 沒有歸檔
    }，沒有做任何改動。
video-archive-done = { $archived ->
        [yes] 🗄 { $code } 已歸檔：/videos 不再顯示，新評論也不再關聯到它。
       *[no] 📂 { $code } 已恢復：新評論會重新關聯到它。
    }

video-announce-usage = 用法：/video_announce v3（發在群裡）或 /video_announce v3 channel（發在群關聯的頻道）。
video-announce-archived = { $code } 已歸檔；請先取消歸檔再發布公告。
video-announce-no-channel = 我看不到 { $title } 關聯的頻道。請在群設定裡關聯頻道，或者直接在群裡釋出。
video-announce-channel-failed = 我無法在 { $title } 關聯的頻道發帖：請把我設為那裡可以發訊息的管理員。
video-announce-failed = 我無法在 { $title } 發訊息：請檢查我是否有發言許可權。
video-announced = 📣 { $code } 已釋出{ $channel ->
        [yes] 到關聯頻道；帖子下的評論會關聯到它。
       *[no] 到群裡；回覆公告的訊息會關聯到它。
    }
video-announcement = 🎬 <b>新影片 { $code }</b>：{ $title }
video-announcement-reply = 回覆這條訊息，或在群裡寫 #{ $code }，告訴我們你的看法！
video-announcement-comment = 在下方評論，或在群裡寫 #{ $code }，告訴我們你的看法！

video-link-usage = 回覆粉絲的評論併傳送 /link v3，即可把它關聯到影片 v3。
video-unlink-usage = 回覆評論併傳送 /unlink v3，即可取消它與影片 v3 的關聯。
video-link-not-a-comment = 這是我自己的訊息，不是粉絲評論：請回複評論本身。
video-link-archived = { $code } 已歸檔；請先取消歸檔再關聯評論。
video-link-unknown-comment = 我沒有儲存這條訊息（它發在我能讀取本群之前），無法關聯。
video-link-unchanged = { $linked ->
        [yes] 這條評論已經關聯到 { $code }。
       *[no] 這條評論沒有關聯到 { $code }。
    }沒有做任何改動。
video-link-done = { $linked ->
        [yes] 🔗 已關聯到 { $code }；之後編輯評論也不會取消關聯。
       *[no] ✂️ 已取消與 { $code } 的關聯；之後不會再自動關聯。
    }
