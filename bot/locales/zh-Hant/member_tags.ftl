# 表彰：根據 fanpulse 的紀錄替粉絲設定 Telegram 成員標籤（/member_tags）。
# 標籤本身：最多 16 個字元，不能有表情符號（Telegram 的限制）。

menu-member_tags = 粉絲成員標籤：/member_tags on、off，或設定有哪些標籤
member-tag-winner = 抽獎得主
member-tag-top = 回饋達人
member-tag-since = { $year }年老粉
member-tags-kind = { $kind ->
        [winner] 抽獎得主
        [top] 回饋達人
       *[since] 老粉（首次出現的年份）
    }
member-tags-separator = {"、"}
member-tags-now = { $title } 的成員標籤：<b>{ $enabled ->
        [true] 已開啟
       *[false] 已關閉
    }</b>。現有標籤：{ $kinds }。每天更新一次：抽獎得主、最近 30 天回饋最多的 10 位粉絲，其他粉絲標示首次出現的年份（今年以前）。用 /member_tags on、/member_tags off 或 /member_tags winner top since（三者任選）修改。
member-tags-bad-word = 看不懂「{ $word }」。請寫 /member_tags on、/member_tags off，或應有的標籤：winner、top、since（例如 /member_tags winner since）。
member-tags-right-missing = ⚠️ 我現在還不能設定成員標籤：請把我設為管理員並開啟「管理標籤」權限，下次每日更新時就會設定。
member-tags-right-missing-report = ⚠️ { $title } 的成員標籤沒有更新：我需要管理員的「管理標籤」權限。授予後，下次每日更新就會設定；這則訊息不會重複傳送。
