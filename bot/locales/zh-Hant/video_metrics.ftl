## 影片平臺資料：匯入檔案或單行命令、影片報告卡、摘要中的影片部分。

menu-video_stats = 匯入平臺資料：以此為說明傳送 CSV/XLSX 檔案，或 /video_stats v12 播放量=12000
menu-video_template = 平臺資料的填寫模板
menu-video = 影片報告卡：各平臺資料與粉絲反饋：/video v12

video-stats-prompt = 請以 CSV 或 XLSX 檔案（不超過 { $limit } MB）傳送平臺資料，並附上說明 /video_stats；在私聊中也可以直接傳送檔案。/video_template 提供填寫模板。手動錄入一行：<code>/video_stats v12 B站 2026-11-27 播放量=12000 點贊=800 評論=40 收藏=90 分享=12</code>。資料是截至當天的累計值，與各平臺匯出的一致。
video-stats-line-error = { $code ->
        [unknown_word] 無法識別“{ $word }”：請寫平臺、日期（2026-11-27）或 名稱=數值（播放量、點贊、評論、收藏、分享）。
       *[usage] 用法：<code>/video_stats v12 [平臺] [日期] 播放量=12000 點贊=800 …</code>（先寫影片，再至少寫一個數值）。
    }
video-stats-file-error = 未匯入任何資料：{ $code ->
        [empty] 檔案是空的。
        [unreadable] 無法以 CSV 或 XLSX 讀取此檔案（已損壞，或不是表格）。
        [xls] 這是舊版 Excel .xls 檔案。請另存為 .xlsx 或 CSV 後再傳送。
        [too_large] 檔案超過 { $limit } MB 或 200,000 行。請拆分後分別傳送。
        [long_field] CSV 中有一個儲存格超過 128 KiB，平臺數據不會這麼長。請檢查檔案（常見原因是引號沒有閉合）後重新傳送。
        [download] 無法從 Telegram 下載該檔案。請稍後重新傳送。
        [no_header] 沒有找到列名所在的表頭行（影片、日期、播放量……）。請使用 /video_template 的模板。
        [missing_column] 檔案需要影片列、日期列和至少一個數值列。請使用 /video_template 的模板。
       *[other] 無法讀取此檔案。
    }
video-stats-report = <b>平臺資料已匯入</b>（每天的累計值）
    新增：{ $taken } · 更新：{ $updated } · 未變：{ $unchanged } · 拒絕：{ $refused }
video-stats-refused-row = 第 { $line } 行：{ $reason ->
        [unknown_video] 未知影片
        [negative] 負數
        [not_a_number] 不是數字
        [bad_date] 日期無效
        [duplicate] 同一影片、平臺和日期重複
        [unknown_platform] 未知平臺
        [missing_value] 單元格為空
        [formula] 是公式而不是數值
        [decreasing] 累計總數比其他日期的還小
       *[other] { $reason }
    }（{ $column }：{ $value }）
video-stats-reason = { $reason ->
        [unknown_video] 未知影片
        [negative] 負數
        [not_a_number] 不是數字
        [bad_date] 日期無效
        [duplicate] 同一影片、平臺和日期重複
        [unknown_platform] 未知平臺
        [missing_value] 單元格為空
        [formula] 是公式而不是數值
        [decreasing] 累計總數比其他日期的還小
       *[other] { $reason }
    }
video-stats-more-refused = ……另有 { $count } 行被拒絕：完整列表見下方檔案。
video-stats-written-row = ✓ { $video } · { $platform } · { $day }：播放 { $plays } · 點贊 { $likes } · 評論 { $comments } · 收藏 { $favourites } · 分享 { $shares }
video-stats-more-written = ……另有 { $count } 行已儲存。
video-stats-confirm-hint = 累計總數不會減少：請檢查數字；如果平臺確實修正了資料，請在同一條命令後加上 <code>--confirm</code>。
video-stats-flag-error = 這裡沒有 --{ $flag } 選項：只有 <code>--confirm</code>（儲存減少的總數）。
video-stats-refused-header = { $column ->
        [line] 行號
        [reason] 原因
        [column] 列
       *[value] 內容
    }
video-stats-column = { $column ->
        [video] 影片編號
        [platform] 平臺
        [date] 日期
        [plays] 播放量
        [likes] 點贊
        [comments] 評論
        [favourites] 收藏
       *[shares] 分享
    }
video-stats-template-note = 填寫截至每天的累計值（與各平臺匯出的一致）。影片編號：v12、連結或平臺上的作品 ID；平臺：抖音、快手、B站、YouTube、TikTok、小紅書、影片號（留空即影片登記的平臺）；日期：2026-11-27。
video-stats-template-name = video-numbers-template.csv
video-stats-template-caption = 每個影片、平臺和日期填寫一行，然後以說明 /video_stats 發回檔案。

video-report-usage = 用法：<code>/video v12</code>（影片編號見 /videos）。
video-report-unknown = 本群沒有影片 { $code }：用 /videos 檢視列表。
video-report-title = <b>{ $code } · { $title }</b>
video-report-as-of = 累計值，每個平臺取最新快照（截至 { $day }）：
video-report-no-numbers = 還沒有平臺資料：用 /video_stats 傳送。
video-report-numbers = 播放 { $plays } · 點贊 { $likes } · 評論 { $comments } · 收藏 { $favourites } · 分享 { $shares }
video-report-total = <b>全部平臺</b>：{ $numbers } · 互動率 { $engagement }
video-report-total-change = 與上一次快照相比：播放 { $plays } · 點贊 { $likes } · 評論 { $comments } · 收藏 { $favourites } · 分享 { $shares }
video-report-platform = <b>{ $platform }</b>（{ $day }）：{ $numbers } · 互動率 { $engagement }
video-report-platform-change = ↳ 自 { $previous } 起：播放 { $plays } · 點贊 { $likes } · 評論 { $comments } · 收藏 { $favourites } · 分享 { $shares }
video-report-platform-first = ↳ 第一次快照：暫無變化
video-report-feedback = <b>粉絲反饋</b>：{ $volume } 條評論 · 正面 { $positive } · 中性 { $neutral } · 負面 { $negative }
video-report-no-feedback = <b>粉絲反饋</b>：還沒有關聯的評論（粉絲寫 #{ $code }，或回覆影片的公告）。
video-report-tags = 熱門標籤：{ $tags }
video-report-quote = “{ $quote }”
video-report-chart-title = { $code } · { $title }
video-report-chart-subtitle = 各平臺播放量（累計）· 互動率
video-report-platform-name = { $platform ->
        [douyin] 抖音
        [kuaishou] 快手
        [bilibili] B站
        [youtube] YouTube
        [tiktok] TikTok
        [xiaohongshu] 小紅書
        [weixin] 影片號
       *[other] 其他
    }
video-report-mood = { $mood ->
        [positive] 以正面為主
        [negative] 以負面為主
       *[neutral] 褒貶不一或中性
    }
digest-section-name-videos = 影片
video-digest-line = <b>{ $code }</b> { $title }：播放 { $plays }（{ $change }）· 互動率 { $engagement } · { $volume } 條評論，{ $mood }
video-digest-no-change = 無變化
video-digest-change = 自 { $previous } 起 { $plays }
