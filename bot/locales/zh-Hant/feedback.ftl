## 反饋：標籤、主動反饋、分揀、收件箱、匯出、粉絲資料、歷史匯入。

menu-tags = 本群的反饋標籤和關鍵詞
menu-tag_new = 新建標籤：/tag_new 名稱 關鍵詞, 關鍵詞, #話題
menu-tag_rename = 重新命名標籤：/tag_rename 舊名 新名
menu-tag_delete = 刪除標籤：/tag_delete 名稱
menu-tag_add = 給標籤加關鍵詞：/tag_add 名稱 關鍵詞, #話題
menu-tag_remove = 從標籤刪關鍵詞：/tag_remove 名稱 關鍵詞

tag-name = { $tag ->
        [suggestion] 建議
        [bug] 問題
        [praise] 好評
        [complaint] 吐槽
        [question] 提問
        [topic_idea] 選題
        [update_request] 催更
        [collab] 合作
        [spam] 廣告
       *[other] { $tag }
    }

tags-title = <b>{ $title } 的反饋標籤</b>（{ $count } 個）
tags-label = { $tag }（{ $key }）
tags-did-you-mean = 你是不是想寫 <b>#{ $tag }</b>？
tags-line = • <b>#{ $tag }</b>：{ $terms }{ $more ->
        [0] {""}
       *[other] （另有 { $more } 個）
    }
tags-empty = 還沒有標籤：用 /tag_new 名稱 關鍵詞, 關鍵詞 新建。
tag-new-usage = 用法：/tag_new 名稱 關鍵詞, 關鍵詞, #話題（只寫名稱時名稱本身就是關鍵詞）。
tag-rename-usage = 用法：/tag_rename 舊名 新名
tag-delete-usage = 用法：/tag_delete 名稱
tag-add-usage = 用法：/tag_add 名稱 關鍵詞, 關鍵詞, #話題
tag-remove-usage = 用法：/tag_remove 名稱 關鍵詞, #話題
tag-changed = { $action ->
        [tag-created] 已在 { $title } 新建標籤 <b>#{ $tag }</b>。
        [tag-renamed] 標籤已改名為 <b>#{ $tag }</b>，已打標的反饋隨之更新。
        [tag-deleted] 標籤 <b>#{ $tag }</b> 已刪除，並已從反饋上移除。
        [tag-terms-added] 已給 <b>#{ $tag }</b> 新增關鍵詞。
       *[other] 已從 <b>#{ $tag }</b> 刪除關鍵詞。
    }
tags-error = { $code ->
        [name_invalid] “{ $value }”不能作標籤名：只能用字母、數字和 _，最多 32 個字元。
        [name_taken] 已經有標籤 <b>#{ $value }</b> 了。
        [unknown_tag] 這裡沒有標籤 <b>#{ $value }</b>：用 /tags 檢視。
        [empty_term] 有關鍵詞是空的：關鍵詞用逗號分隔，不要留空。
        [term_too_long] “{ $value }”作關鍵詞太長了（最多 64 個字元）。
        [hashtag_invalid] “{ $value }”不可能是話題標籤：只能用字母、數字和 _。
        [too_many_tags] 每個群最多 { $value } 個標籤。
        [too_many_terms] 每個標籤最多 { $value } 個關鍵詞和話題。
        [no_terms] 請至少寫一個關鍵詞。
        [term_absent] “{ $value }”不是這個標籤的關鍵詞。
       *[too_long] 內容太長了（最多 { $value } 個字元）。
    }

menu-feedback = 給創作者提反饋：/feedback 你的內容
menu-ask = 向粉絲提問，回覆會被打標：/ask 標籤 問題
menu-tag = （回覆）給訊息加標籤：/tag 名稱
menu-untag = （回覆）去掉訊息的標籤：/untag 名稱
menu-mark = （回覆）設定狀態：new、triaged、planned、done、wontdo
menu-dupe = （回覆）標記為另一條訊息的重複：/dupe 編號或連結

feedback-usage = 用法：/feedback 你的反饋（在群裡，或在這裡私聊傳送）。
feedback-too-long = 內容太長了：最多 { $limit } 個字元。
feedback-not-a-person = 反饋需要以個人身份傳送，不能以頻道或群的身份傳送。
feedback-no-group = 我還不知道你在哪個群：先在群裡說句話，或直接在群裡用 /feedback。
feedback-pick-group = 這條反饋是給哪個群的？
feedback-pick-stale = 這個選擇已失效：請重新傳送 /feedback。
feedback-thanks = 謝謝！你的反饋已送達創作者團隊。
feedback-not-stored = 你要求我忘記你，所以我不儲存你傳送的任何內容。
ask-usage = 用法：/ask 標籤 問題（例如 /ask topic_idea 下期影片拍什麼？）
ask-question = ❓ { $question }
    <i>回覆這條訊息來回答。</i>
ask-posted = 問題已發到 { $title }；回覆會打上 #{ $tag } 標籤。
tag-reply-usage = 回覆一條訊息併傳送 /tag 名稱 來打標籤。
untag-reply-usage = 回覆一條訊息併傳送 /untag 名稱 來去掉標籤。
tag-manual-done = { $present ->
        [true] 已打上 <b>#{ $tag }</b>。
       *[false] 已去掉 <b>#{ $tag }</b>。
    }
mark-usage = 回覆一條訊息併傳送 /mark 加狀態：已分揀、已計劃、已完成、不做（或 new、triaged、planned、done、wontdo）。
mark-bad-status = “{ $value }”不是狀態：請用 新、已分揀、已計劃、已完成、不做（或 new、triaged、planned、done、wontdo）。
mark-did-you-mean = 你是不是想發 { $suggestion }？
mark-done = 狀態已設為：<b>{ $status ->
        [new] 新
        [triaged] 已分揀
        [planned] 已計劃
        [done] 已完成
       *[wontdo] 不做
    }</b>。
dupe-usage = 回覆一條訊息併傳送 /dupe 加它重複的那條訊息的編號或連結。
dupe-itself = 訊息不能和自己重複。
dupe-unknown = 本群沒有編號為 { $original } 的訊息。
dupe-done = 已標記為訊息 { $original } 的重複。

## 內建標籤的顯示名稱；輸入時名稱和鍵都可以。
tag-name-suggestion = 建議
tag-name-bug = 問題
tag-name-praise = 好評
tag-name-complaint = 抱怨
tag-name-question = 提問
tag-name-topic_idea = 選題
tag-name-update_request = 催更
tag-name-collab = 合作
tag-name-spam = 垃圾資訊
