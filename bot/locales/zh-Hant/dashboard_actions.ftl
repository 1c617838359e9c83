## 儀錶板的操作（bot/dashboard/*_creation.py、設定與上傳介面）：表單被拒時 API 的說明。

dashboard-poll-quiz-correct = 測驗需要正確答案：請從選項中選一個。

dashboard-bad-digest-time = 請按「時:分」填寫簡報時間，例如 09:00 或 21:30。
dashboard-bad-person = 請填寫對方的 @使用者名稱 或 Telegram 數字 ID，例如 @max 或 123456789。

## 建立表單（bot/dashboard/static/screens/*_form.js）。

ui-poll-new = 新投票
ui-poll-new-button = 發起投票
ui-poll-form-question = 問題
ui-poll-form-options = 選項（2 到 { $limit } 個）
ui-poll-form-option = 選項 { $number }
ui-poll-form-add-option = 新增選項
ui-poll-form-remove-option = 刪除這個選項
ui-poll-form-ideas = 從話題靈感中選
ui-poll-form-no-ideas = 最近 7 天粉絲沒有聊到任何話題。
ui-poll-form-anonymous = 匿名
ui-poll-form-multiple = 可多選
ui-poll-form-quiz = 測驗
ui-poll-form-correct = 正確答案
ui-poll-form-start = 開始
ui-poll-form-close = 結束
ui-poll-form-time-hint = 2h、1d、20:00 或 2026-12-24 18:00
ui-poll-form-now = 立即
ui-poll-form-by-hand = 手動結束
ui-poll-form-in-hour = 1 小時後
ui-poll-form-in-day = 1 天後
ui-poll-form-tonight = 20:00
ui-poll-form-preview = 預覽
ui-poll-preview-title = 預覽：粉絲將看到
ui-poll-preview-correct = 正確
ui-poll-preview-kind-single = 單選
ui-poll-preview-kind-multiple = 多選
ui-poll-preview-kind-quiz = 測驗
ui-poll-preview-anonymous = 匿名
ui-poll-preview-public = 實名投票
ui-poll-preview-opens-now = 發送後立即開始
ui-poll-preview-opens = { $when } 開始
ui-poll-preview-closes-by-hand = 由你手動結束
ui-poll-preview-closes = { $when } 結束
ui-poll-send = 發到群裡
ui-poll-edit = 修改
ui-poll-sent-sent = 投票已發到群裡。
ui-poll-sent-scheduled = 投票已排程：到開始時間會發到群裡。
ui-poll-sent-failed = Telegram 拒絕了這個投票，已取消。請檢查機器人在群裡的權限。

ui-giveaway-new = 新抽獎
ui-giveaway-new-button = 發起抽獎
ui-giveaway-form-prize = 獎品
ui-giveaway-form-winners = 中獎人數
ui-giveaway-form-end = 截止參加
ui-giveaway-form-end-hint = 2h、3d、20:00 或 2026-12-24 18:00
ui-giveaway-form-end-hour = 1 小時後
ui-giveaway-form-end-day = 1 天後
ui-giveaway-form-end-evening = 20:00
ui-giveaway-form-rules = 誰可以中獎
ui-giveaway-form-member = 開獎時仍在群裡
ui-giveaway-form-joined = 在某日期前入群
ui-giveaway-form-joined-day = 入群早於（留空：抽獎開始前）
ui-giveaway-form-comments = 最近 D 天至少 N 則發言，例如 5/7（留空：不限）
ui-giveaway-form-channel = 訂閱某頻道，例如 @channel（留空：不限）
ui-giveaway-form-staff = 管理人員不能中獎
ui-giveaway-form-preview = 預覽
ui-giveaway-preview-title = 預覽：粉絲將看到
ui-giveaway-preview-ends = { $when } 截止參加
ui-giveaway-send = 發到群裡
ui-giveaway-edit = 修改
ui-giveaway-posted = 抽獎 #{ $number } 已發到群裡。
