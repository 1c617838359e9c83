# 預覽（發送 / 修改 / 取消）與確認（是 / 否）：發布前先看一眼。

draft-button-send = ✅ 發送
draft-button-edit = ✏️ 修改
draft-button-cancel = ✖️ 取消
draft-button-yes = 是
draft-button-no = 否
draft-preview-hint = <i>點「發送」之前不會發布任何內容。此預覽 30 分鐘後失效。</i>
draft-refused-not-owner = 只有建立它的營運者才能發送或修改。
draft-refused-done = 這已經處理過了，不會再有任何變化。
draft-refused-gone = 這個預覽已不存在。
draft-refused-invalid = 現在還不能發送：請看下面的訊息。
draft-sent = 已發送。
draft-cancelled = 已取消：沒有發送任何內容。
draft-nothing-changed = 沒有任何變更。
draft-expired-preview = ⌛ 此預覽已失效：沒有發送任何內容。請重新輸入指令。
draft-expired-question = ⌛ 此確認已失效：沒有任何變更。

poll-preview-title = 👀 發往 { $title } 的投票<b>預覽</b>：
poll-preview-question = 📊 <b>{ $question }</b>
poll-preview-option = { $correct ->
        [yes] { $number }. { $label } ✔️（正確答案）
       *[no] { $number }. { $label }
    }
poll-preview-kind = { $kind ->
        [quiz] 測驗，單選
        [multi] 可複選
       *[single] 單選
    } · { $anonymous ->
        [yes] 匿名
       *[no] 公開投票人
    }
poll-preview-explanation = 答錯後顯示：{ $explanation }
poll-preview-opens-now = 開始：點「發送」後立即開始
poll-preview-opens-at = 開始：{ $when }
poll-preview-closes-at = 結束：{ $when }
poll-preview-closes-by-hand = 結束：由你手動結束（/poll_close）
poll-edit-line = ✏️ 請發送改好的指令；原本的是：
    <code>{ $line }</code>
poll-close-confirm = 現在結束投票 #{ $number }「{ $question }」嗎？所有人都將無法再投票，結果會發到群組裡。此操作無法復原：Telegram 結束的投票是永久的，不能重新開放。
poll-delete-confirm = 刪除投票 #{ $number }「{ $question }」嗎？它的訊息會從群組裡刪除，不會公佈結果，也不再出現在日報中。此操作無法復原。
poll-delete-usage = 用法：/poll_delete 12（/polls 中的編號）。
poll-not-deletable = 投票 #{ $number } 不在這裡，或已取消或刪除。
poll-deleted = 🗑 投票 #{ $number } 已刪除，它的訊息已從 { $title } 移除。

giveaway-preview-title = 👀 發往 { $title } 的抽獎<b>預覽</b>：
giveaway-preview-prize = 🎁 <b>抽獎</b>：{ $prize }
giveaway-preview-commitment = <i>編號和種子承諾會在發布時給出。</i>
giveaway-edit-line = ✏️ 請發送改好的指令；原本的是：
    <code>{ $line }</code>
giveaway-cancel-confirm = 取消抽獎 #{ $id }「{ $prize }」嗎？報名將關閉，沒有人中獎，群組裡會收到通知：{ $reason }
giveaway-delete-confirm = 刪除抽獎 #{ $id }「{ $prize }」嗎？公告會從群組裡刪除，且永遠不會開獎。此操作無法復原。
giveaway-delete-usage = 用法：/giveaway_delete 編號（/giveaways 中的編號）。
giveaway-not-deletable = 抽獎 #{ $id } 在本群組未開放：只能刪除開放中的抽獎（已開獎的結果會保留，方便參加者核對）。
giveaway-deleted = 🗑 抽獎 #{ $id } 已刪除：公告已從 { $title } 移除，不會開獎。

menu-poll_delete = 刪除誤發的投票
menu-giveaway_delete = 刪除誤發的抽獎
