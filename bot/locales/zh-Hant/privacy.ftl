## 粉絲的資料：/mydata、/forget；運營：/forget_user、/retention。

menu-mydata = 以檔案形式獲取 fanpulse 儲存的你的全部資料
menu-forget = 刪除 fanpulse 儲存的你的全部資料
menu-forget_user = 代粉絲刪除資料：/forget_user @使用者名稱 或 ID
menu-retention = 評論文字保留 N 天：/retention 90d 或 off

privacy-not-a-person = 只有本人才能索取自己的資料。
mydata-progress = 正在整理你的資料……已整理 { $count } 條評論。
mydata-caption = fanpulse 儲存的你的全部資料：個人資料、{ $comments } 條評論及其標籤，以及所有提到你的記錄。
forget-ask = 這將刪除 fanpulse 在所有群裡儲存的你的全部資料：評論、標籤、投票、尚未開獎的抽獎報名和你的設定。已開獎的抽獎只保留你匿名的參與者編號，以便這些抽獎仍可驗證。此後 fanpulse 只保留你的 Telegram ID，用來識別你、不再儲存你，不儲存你的其他任何內容：你的投票仍會計入，但不記名；你也不能再參與抽獎。此操作無法撤銷。
forget-confirm-button = 刪除我的資料
forget-cancel-button = 取消
forget-not-yours = 這個按鈕屬於別人。
forget-cancelled = 沒有刪除任何內容。
forget-done = 已完成：你的資料已刪除（{ $comments } 條評論），fanpulse 不會再儲存你的訊息。
forget-user-usage = 用法：/forget_user @使用者名稱 或數字 ID（或回覆該粉絲的訊息傳送 /forget_user）。
forget-user-unknown = { $who } 沒有在 { $title } 發過言，那裡沒有可刪除的內容。
forget-user-ask = 代 { $who } 刪除其在 { $title } 的資料？其在 { $title } 的評論及標籤、投票、回應和尚未開獎的抽獎報名都將刪除。其他群的資料不受影響：只有粉絲本人的 /forget 會作用於所有群。此操作無法撤銷。
forget-user-done = 已完成：已刪除該粉絲在 { $title } 的 { $comments } 條評論及其衍生資料。其他群不受影響。
forget-user-gone = 此人已沒有可刪除的資料。

retention-current = { $days ->
        [0] { $title } 的評論文字沒有保留期限。用 /retention 90d 設定。
       *[other] { $title } 的評論文字保留 { $days } 天，更早的文字每天清除。
    }
retention-usage = 用法：/retention 90d（1 到 3650 天）或 /retention off。
retention-set = { $days ->
        [0] { $title } 的評論文字現在不設保留期限。
       *[other] { $title } 的評論文字現在保留 { $days } 天，更早的文字每天清除（計數和標籤保留）。
    }
