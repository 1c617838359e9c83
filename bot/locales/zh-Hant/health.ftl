## 加入群、機器人的許可權與 /status。

join-title = fanpulse 已加入 <b>{ $title }</b>。
rights-changed-title = fanpulse 在 <b>{ $title }</b> 的許可權已更改。
join-missing = 要完整工作，還需要：
join-all-set = 一切就緒：它能讀取每則訊息，也能在這裡發文。
join-next-step = 在與我的私聊中管理這個群：/groups
join-timezone-ask = 這個群用哪個時區？摘要、“今天”和你輸入的時間都按它來算。點一個，或在群裡傳送 /timezone 加城市名。
requirement-read-all-messages = • <b>讀取所有訊息。</b>把機器人設為管理員，或在 @BotFather 中關閉隱私模式（/setprivacy → Disable），然後將機器人移出並重新加入群。
requirement-send-messages = • <b>傳送訊息。</b>在群許可權中允許機器人傳送訊息。

status-title = <b>{ $title } 的健康狀況</b>
status-timezone = 時區：{ $timezone }（用 /timezone 修改）
status-bot-unreachable = 機器人無法讀取自己在這裡的成員身份：它還在群裡嗎？
status-bot-member = 機器人：{ $status ->
        [creator] 群主
        [administrator] 管理員
        [restricted] 受限成員
       *[member] 普通成員
    }
status-reads = { $how ->
        [administrator] 讀取每則訊息（管理員）。
        [privacy-off] 讀取每則訊息（隱私模式已關閉）。
       *[limited] 只讀取命令和回覆它的訊息：隱私模式開啟，且它不是管理員。
    }
status-rights-ok = 許可權：全部就緒。
status-rights-missing = 缺少：
status-last-update = 最近一條訊息：{ $when }
status-last-update-never = 最近一條訊息：暫無
status-comments-today = 今天儲存的評論（{ $timezone }）：{ $count }
status-feature-none-yet = { $feature ->
        [polls] 進行中的投票
        [giveaways] 進行中的抽獎
        [digest] 下一次摘要
       *[other] { $feature }
    }：暫無
status-feature-count = { $feature ->
        [polls] 進行中的投票
        [giveaways] 進行中的抽獎
        [digest] 摘要
       *[other] { $feature }
    }：{ $count }
status-feature-next = { $feature ->
        [polls] 下一個投票截止
        [giveaways] 下一次開獎
        [digest] 下一次摘要
       *[other] { $feature }
    }：{ $when }
