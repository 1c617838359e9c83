# 從 /inbox 卡片把回饋連結到影片。

inbox-link-button = 🎬 連結到影片
inbox-link-which-feedback = 本頁哪則回饋對應一部影片？（提出的粉絲會收到一次通知。）
inbox-link-which-video = 把「{ $text }」連結到哪部影片？（只列出最新的；較早的影片請回覆那則訊息傳送 /link v12。）
inbox-link-back = ◀ 返回收件匣
inbox-link-done = 已連結到 { $code }：提出的粉絲會收到通知。
inbox-link-unchanged = 已經連結到 { $code }。
inbox-link-gone = 這則回饋或影片已不在本頁：請重新開啟 /inbox。
dashboard-bad-video = 請給出要連結的影片代碼（例如 v12）。
