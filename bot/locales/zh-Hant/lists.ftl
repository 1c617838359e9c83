## /polls 和 /giveaways 的卡片：每一項的按鈕依呼叫者的角色顯示。

list-page = 第 { $page } 頁，共 { $pages } 頁
list-previous = ◀ 上一頁
list-next = 下一頁 ▶
list-back = ◀ 返回列表
list-gone = 這一項已不在 { $title } 中：沒有做任何變更。請用 /polls 或 /giveaways 重新開啟列表。

poll-card-results = 📊 結果 #{ $number }
poll-card-close = ⏹ 結束 #{ $number }
poll-card-cancel = ✖ 取消 #{ $number }
poll-card-export = ⬇ 匯出 #{ $number }
poll-card-exported = ⬇ 投票 #{ $number } 的結果已作為檔案發在下面。
poll-card-not-sent = 投票 #{ $number } 還沒有發出，所以還沒有結果。

giveaway-card-results = 🎁 詳情 #{ $id }
giveaway-card-end = ⏹ 立即結束 #{ $id }
giveaway-card-cancel = ✖ 取消 #{ $id }
giveaway-card-reroll = 🔄 重抽 #{ $id }
giveaway-card-export = ⬇ 紀錄 #{ $id }
giveaway-card-detail = <b>抽獎 #{ $id }</b> · { $prize }
    狀態：{ $status ->
        [open] 進行中
        [drawing] 開獎中
        [drawn] 已開獎
        [done] 已開獎
        [cancelled] 已取消
       *[other] { $status }
    } · { $entrants } 人參加 · { $winners } 名中獎
    截止：{ $when }
    承諾值：<code>{ $commitment }</code>
giveaway-card-drawn = 已開獎：目前 { $standing } 名中獎者，重抽 { $rerolls } 次。每位參加者都可以用結果下方的按鈕查看自己的情況。
giveaway-card-exported = ⬇ 抽獎 #{ $id } 的開獎紀錄已發在下面：任何人都可以用它重新驗證開獎。
giveaway-card-no-transcript = 抽獎 #{ $id } 還沒有開獎，所以還沒有開獎紀錄。
giveaway-card-not-drawn = 抽獎 #{ $id } 還沒有開獎，沒有可替換的中獎者。
giveaway-cancel-why = 為什麼取消抽獎 #{ $id }「{ $prize }」？你選的理由會告訴群組。
giveaway-reroll-which = 抽獎 #{ $id } 要重抽哪一位中獎者？編號是結果裡的名次。
giveaway-reroll-place = 中獎者 #{ $place }
giveaway-reroll-why = 為什麼重抽抽獎 #{ $id } 的中獎者 #{ $place }？你選的理由會告訴群組。
giveaway-reason-prize = 獎品無法提供
giveaway-reason-mistake = 誤建
giveaway-reason-rules = 有人違反規則
giveaway-reason-silent = 中獎者沒有回覆
giveaway-reason-ineligible = 中獎者不符合條件
giveaway-reason-declined = 中獎者放棄了獎品

giveaway-cancel-done = 抽獎 #{ $id }「{ $prize }」已取消，已告訴群組原因：{ $reason }
giveaway-cancel-undone = ↩ 已復原：抽獎 #{ $id }「{ $prize }」重新開放，原有的參加都還在，已告訴群組。
giveaway-undo-ended = 抽獎 #{ $id } 無法重新開放：截止時間已過，參加本該已經結束。請用 /giveaway 新建一個抽獎。
giveaway-undo-changed = 抽獎 #{ $id } 在取消後有了變化，所以無法復原取消。
giveaway-reopened-notice = 抽獎 #{ $id } 重新開放：取消已復原，所有參加依然有效。
