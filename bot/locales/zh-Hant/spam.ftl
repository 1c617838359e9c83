## 群內垃圾訊息（handlers/spam.py、bot/services/spam.py）。按鈕彈窗不含 HTML。

menu-spam = 標記一則訊息為垃圾訊息（回覆它）
spam-settings-line = 垃圾訊息偵測：{ $mode ->
        [report] 僅報告（試運行：不刪除任何內容）
        [act] 刪除訊息並限制發送者
       *[off] 關
    } · 修改：/door spam report · /door spam act · /door spam off · 標記一則：回覆 /spam
spam-bad-mode = 「{ $typed }」不是垃圾訊息模式。請寫 off（關）、report（報告，只告訴營運者）或 act（刪除並限制）；on 即 report。
spam-panel = 🧹 垃圾訊息：{ $mode ->
        [report] 僅報告
        [act] 刪除並限制
       *[off] 關
    }

spam-report = 🧹 <b>{ $title } 出現垃圾訊息</b>：{ $senders } 個帳號發送了 { $messages } 則。{ $mode ->
        [act] 已刪除，發送者已被限制。
       *[report] 試運行：沒有刪除或限制任何人。
    }
    { $lines }
spam-report-more = ……另有 { $more } 個帳號。
spam-report-line = • { $who }（<code>{ $user_id }</code>）：{ $reasons } ——「{ $excerpt }」
spam-reason = { $reason ->
        [newcomer-link] 新成員最初幾則訊息中的連結
        [newcomer-mention] 新成員最初幾則訊息中的提及
        [newcomer-forward] 新成員最初幾則訊息中的轉發
        [phrase] 已知的垃圾短語「{ $detail }」
        [learned] 營運者標記過的垃圾內容「{ $detail }」
        [repeat-accounts] { $detail } 個帳號發送相同內容
        [repeat-groups] 相同內容出現在 { $detail } 個群
        [mass-mention] 一次提及 { $detail } 人
        [operator] 營運者標記
       *[other] { $reason }
    }
spam-button = { $action ->
        [undo] ↩️ 撤銷
        [ban] ⛔ 封鎖
       *[clear] ✅ 不是垃圾訊息
    }
spam-report-gone = 這份報告不屬於本群，或已不存在。
spam-report-decided = 另一位營運者已經處理了這份報告。
spam-nothing-to-undo = 這是試運行：什麼都沒做，所以沒有可撤銷的。
spam-undone = ↩️ 已撤銷：{ $count } 個發送者可以重新發言。已刪除的訊息 Telegram 無法恢復。
spam-banned = ⛔ 已封鎖這批垃圾訊息的 { $count } 個發送者。
spam-cleared = ✅ 不是垃圾訊息：{ $count } 個發送者可以重新發言，他們的訊息重新計入統計，偵測也忘掉了從中學到的內容。
spam-mark-usage = 回覆那則訊息並發送 /spam 即可標記為垃圾訊息：本群的偵測會學習它的內容。
spam-mark-staff = 這是管理員或機器人：垃圾訊息偵測從不處理他們的訊息。
spam-mark-off = 本群的垃圾訊息偵測未開啟。請先開啟：/door spam report（僅報告）或 /door spam act（刪除並限制）。
spam-marked = 🧹 已標記為垃圾訊息。偵測已為本群學會這段內容，並按垃圾訊息模式處理。
