# 私聊中的分步建立（handlers/flow_steps.py）：各流程共用的文字。
flow-button-back = ◀ 返回
flow-button-cancel = ✖️ 取消
flow-cancelled = 已取消，未保留任何內容。用 { $command } 重新開始。
flow-expired = 此流程閒置 30 分鐘，已過期，未保留任何內容。用 { $command } 重新開始。
flow-over = 此流程已結束。用 { $command } 重新開始。
flow-step-gone = 這一步已經過去了：請在下方最新的訊息裡作答。

# 分步建立投票（handlers/poll_flow.py）。
flow-poll-open-private = 要為 { $title } 分步建立投票，請私訊我並在那裡傳送 /poll（/poll 幫助：一行寫完的用法）。
flow-poll-which-group = 這個投票要發到哪個群？
flow-poll-ask-question = <b>為 { $title } 新增投票</b>
    請傳送問題（最多 { $limit } 個字元）。
flow-poll-keep = 保留這個問題 ▶
flow-poll-summary-question = <b>{ $question }</b>
flow-poll-summary-option = { $number }. { $label }
flow-poll-ask-options = { $count ->
    [0] 請傳送第一個選項。每則訊息一個選項（或用 | 分隔多個），最多 { $limit } 個。
    [1] 請傳送下一個選項：投票至少需要兩個。
   *[other] 已有 { $count }/{ $limit } 個選項。繼續傳送，或點「完成」。
}
flow-poll-from-ideas = 💡 從群裡的話題建議中選
flow-poll-remove-last = ↩ 刪除最後一個選項
flow-poll-done = 完成 ▶
flow-poll-ideas = 粉絲提到最多的話題建議（{ $period }）。點一下加為選項，再點一下移除。
flow-poll-no-ideas = 最近 { $period } 的粉絲留言裡沒有話題建議。請直接輸入選項。
flow-poll-toggles = 粉絲怎麼作答？點按切換，然後點「下一步」。
flow-poll-toggle-anonymous = { $on ->
    [yes] ✅ 匿名投票
   *[no] ⬜ 匿名投票
}
flow-poll-toggle-multi = { $on ->
    [yes] ✅ 允許多選
   *[no] ⬜ 允許多選
}
flow-poll-toggle-quiz = { $on ->
    [yes] ✅ 測驗（一個正確答案）
   *[no] ⬜ 測驗（一個正確答案）
}
flow-poll-next = 下一步 ▶
flow-poll-ask-correct = 哪個選項是正確答案？
flow-poll-ask-start = 什麼時候開始？點選一項，或輸入時間（30m、2h、2026-12-31 20:00）。
flow-poll-now = 現在
flow-poll-in-hour = 1 小時後
flow-poll-in-day = 1 天後
flow-poll-tonight = 今晚 20:00
flow-poll-ask-close = 什麼時候結束？點選一項，或輸入時間（開始後 2h，或 2026-12-31 20:00）。
flow-poll-by-hand = 由我手動結束
flow-poll-use-buttons = 這一步請點上方的按鈕作答。
flow-poll-time-hint = 請輸入時長（30m、2h、1d）或群所在時區的當地時間（{ $example }、2026-12-31 20:00）。
flow-poll-error-empty-question = 問題是空的：請以文字傳送。
flow-poll-error-question-too-long = 問題有 { $length } 個字元，Telegram 最多允許 { $limit } 個。請傳送短一些的。
flow-poll-error-reserved = 豎線 | 或以短橫線開頭的詞會把投票拆開：請去掉後重新傳送。
flow-poll-error-option-too-long = 這個選項有 { $length } 個字元，Telegram 最多允許 { $limit } 個。請傳送短一些的。
flow-poll-error-duplicate = 「{ $label }」已經是選項了：請傳送不同的選項。
flow-poll-error-too-many = 投票最多 { $limit } 個選項。請點「完成」，或先刪除一個。
flow-poll-error-too-few = 投票至少需要 { $limit } 個選項：請再傳送一個。
flow-poll-error-empty-option = 這個選項是空的：請以文字傳送。
flow-poll-error-close-before-start = 這樣會在開始前就結束：請選更晚的結束時間，或用時長（從開始時算起）。
