## 運營者的反饋收件箱、按標籤計數和匯出。

menu-inbox = 反饋收件箱：/inbox #標籤 status:new sentiment:negative @粉絲 7d 關鍵詞
menu-inbox_counts = 一段時間內各標籤的反饋數：/inbox_counts 7d
menu-export = 把反饋匯出為檔案：/export csv 或 /export json，後接收件箱的篩選條件

inbox-title = <b>{ $title } 的反饋收件箱</b>：{ $more ->
        [true] 超過 { $total } 條，第 { $page }/{ $pages }+ 頁（加篩選條件可縮小範圍）
       *[false] 共 { $total } 條，第 { $page }/{ $pages } 頁
    }
inbox-filters = 篩選：<code>{ $filters }</code>
inbox-empty = 沒有符合條件的反饋。
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
        [new] 新
        [triaged] 已分揀
        [planned] 已計劃
        [done] 已完成
       *[wontdo] 不做
    }
    { $text }
inbox-did-you-mean = 你是不是想寫“{ $suggestion }”？
inbox-newer = ◀ 較新
inbox-older = 較早 ▶
inbox-counts-title = <b>{ $title } 各標籤的反饋數</b>（{ $period }）：
inbox-counts-line = • #{ $tag }：{ $count }
inbox-error = { $code ->
        [unknown_tag] 這裡沒有標籤“{ $value }”：用 /tags 檢視全部標籤。
        [bad_status] “{ $value }”不是狀態：請用 新、已分揀、已計劃、已完成、不做（或 new、triaged、planned、done、wontdo）。
        [bad_sentiment] “{ $value }”不是情緒：請用 positive、neutral 或 negative。
        [bad_period] “{ $value }”不是時間段：請寫成 24h、7d、2w（最長一年）、昨天、上週、11/30 或 2026/11/30 這樣。
        [future_period] 按本群的時區，“{ $value }”還沒有開始。
        [unknown_author] 我不認識粉絲“{ $value }”：請用對方的 @使用者名稱 或數字 ID。
        [text_too_long] 要查詢的文字太長（最多 { $value } 個字元）。
        [too_long] 太長了（最多 { $value } 個字元）。
        [repeated] “{ $value }”重複了已經給出的篩選條件。
        [expired] 這一頁收件箱已過期：請重新傳送 /inbox。
       *[unknown_query] 這一頁收件箱已不屬於這個群：請重新傳送 /inbox。
    }

export-usage = 用法：/export csv 或 /export json，後接收件箱的篩選條件（例如 /export csv #bug 7d）。
export-private-only = 匯出檔案只發到個人私聊：請以自己的身份傳送 /export，或在與我的私聊中傳送。
export-start-me = 我還不能給你發訊息：請開啟與我的私聊，點“開始”，然後再傳送 /export。
export-sent-privately = 已在私聊中把匯出檔案（{ $count } 條）發給你。
export-progress = 正在匯出……已寫入 { $count } 條。
export-caption = { $title } 的反饋：{ $count } 條（{ $format }）。
export-column-chat_id = 群 ID
export-column-chat_title = 群
export-column-message_id = 訊息 ID
export-column-link = 連結
export-column-created_at = 傳送時間
export-column-author_name = 作者
export-column-author_id = 作者 ID
export-column-text = 內容
export-column-tags = 標籤
export-column-sentiment = 情緒
export-column-status = 狀態
export-column-duplicate_of = 重複於
export-column-edited = 已編輯
