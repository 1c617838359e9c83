## 營運工具：/warn、/mute、/ban、/unban、/report（handlers/moderation.py）。
## 拒絕提示不含 HTML：它們也會作為檢舉按鈕下的彈窗顯示。

mod-usage = 回覆某人的訊息傳送 /{ $command }，或者寫 /{ $command } @使用者名稱{ $command ->
        [mute] {" "}1小時（也可以寫 30分鐘、2天、1h、30m）。
       *[other] 。
    }
mod-unknown = 我在本群還沒見過 { $who }：請改為回覆他的一則訊息並傳送指令。
mod-not-a-person = 這則訊息是頻道或以群組身分發出的，不是某個人。
mod-not-the-bot = 我不會對自己或其他機器人採取行動。
mod-caller-lacks-right = 只有群主或擁有「封鎖使用者」權限的管理員才能這樣做（剛剛向 Telegram 核實過）。
mod-bot-lacks-right = 我需要本群的管理員權限「封鎖使用者」才能這樣做。請把我設為擁有該權限的管理員，然後再試一次。
mod-not-an-admin = 這是本群的管理員：營運工具從不對管理員採取行動。
mod-not-banned = { $who } 在本群沒有被封鎖。
mod-telegram-refused = Telegram 拒絕了這個操作（對方可能已離開）。沒有記錄任何內容。
mod-warned = ⚠️ 已警告 { $who }（第 { $count } 次，共 { $limit } 次）。達到 { $limit } 次將被禁言。
mod-warned-muted = 🔇 { $who } 已達到 { $limit } 次警告，被禁言 { $minutes } 分鐘。警告次數從 0 重新計算。
mod-muted = 🔇 { $who } 已被禁言 { $minutes } 分鐘。
mod-banned = ⛔ { $who } 已被封鎖。
mod-unbanned = ✅ { $who } 已解除封鎖，可以重新加入。

mod-report-usage = 回覆你想檢舉的訊息並傳送 /report。
mod-report-bot = 機器人的訊息不能檢舉。
mod-report-self = 你不能檢舉自己的訊息。
mod-report-admin = 群管理員的訊息不在這裡檢舉：請直接聯絡他們。
mod-report-filed = 謝謝：已通知營運人員。
mod-report =
    🚩 <b>{ $title } 的檢舉</b>
    { $reporter } 檢舉了 { $who } 的一則訊息：<a href="{ $link }">開啟</a>
    <blockquote>{ $excerpt }</blockquote>
mod-report-button = { $action ->
        [ban] ⛔ 封鎖
        [mute] 🔇 禁言
       *[dismiss] ✖️ 駁回
    }
mod-report-decided = 這則檢舉已經處理過了。
mod-report-dismissed = ✖️ 關於 { $who } 的檢舉已駁回。
