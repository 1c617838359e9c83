## 營運面板（bot/dashboard/）：其介面拒絕時的回答。

dashboard-login-missing = 請從 Telegram 開啟面板：點機器人的選單按鈕，或在與機器人的私訊中傳送 /dashboard。
dashboard-login-invalid = 這次登入不是 Telegram 為本機器人簽發的。請關閉面板，再從機器人的選單按鈕重新開啟。
dashboard-login-expired = 這次登入已過期。請關閉面板，再從機器人的選單按鈕重新開啟。
dashboard-login-no-user = Telegram 沒有告知你是誰。請從機器人的選單按鈕，或在與機器人的私訊中傳送 /dashboard 開啟面板。
dashboard-rate-limited = 請求太頻繁了。請稍等片刻再試。
dashboard-not-found = 面板沒有這個頁面。
dashboard-failed = 機器人這邊出錯了。請稍後再試。
dashboard-bad-group = 這不是群組 ID：群組 ID 是整數，例如 -1001234567890。
dashboard-bad-days = 時間段必須是 { $allowed } 天之一。
dashboard-bad-body = 請求必須是一個 JSON 物件。
dashboard-bad-limit = 每次請求 1 到 { $most } 則。
dashboard-bad-cursor = 這個列表位置不是面板給出的：請從頭重新載入列表。
dashboard-bad-action = 請選擇以下操作之一：{ $allowed }。
dashboard-bad-items = 請按訊息 ID 選擇 1 到 { $most } 則。
dashboard-unknown-items = 這些訊息沒有為本群組儲存：{ $ids }。
dashboard-bad-tag = 請寫出要加上或拿掉的標籤。
dashboard-did-you-mean = 你是想說「{ $suggestion }」嗎？
dashboard-bad-original = 請給出被重複的那則訊息的 ID 或連結。
dashboard-bad-number = 這不是列表裡的編號：請用顯示的編號，例如 12。
dashboard-no-transcript = 抽獎 #{ $id } 還沒有紀錄：開獎時才會公佈。
dashboard-no-reason = 請寫出原因（最多 200 個字）：粉絲會看到。
dashboard-bad-places = 請按結果中的名次選擇要重抽的中獎者，例如 2 和 3。
dashboard-no-video = 本群組沒有影片 { $number }：影片列表裡有全部影片。
dashboard-bad-language = 請選擇 en（English）、zh（簡體中文）或 zh-Hant（繁體中文）。
