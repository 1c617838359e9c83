## 儀錶板各畫面的文字（bot/dashboard/static/）：由 /app/texts/<locale>.json 原樣發給瀏覽器，在那裡排成純文字。

ui-open-in-telegram = 請從 Telegram 開啟儀錶板：點與機器人私聊中的按鈕，或傳送 /dashboard。
ui-login-expired = 登入已過期。請關閉儀錶板，再從 Telegram 重新開啟。
ui-no-groups = 你還沒有任何群組的角色。請群組管理員授予你角色。
ui-screen-failed = 這個畫面沒能載入。請下拉重新整理或重新開啟。
ui-error-network = 連不上伺服器。請檢查網路後重試。
ui-error-400 = 輸入未被接受：請檢查填寫的內容。
ui-error-401 = 登入已過期。請關閉儀錶板，再從 Telegram 重新開啟。
ui-error-403 = 你在這個群組沒有執行此操作的角色。
ui-error-404 = 它已經不存在了。
ui-error-409 = 有人剛剛改動過這裡。請重新載入畫面。
ui-error-429 = 請求太頻繁。請稍等片刻再試。
ui-error-other = 伺服器出了點問題。請稍後再試。
ui-loading = 載入中…
ui-group-picker = 群組
ui-tab-overview = 概覽
ui-tab-inbox = 回饋
ui-tab-polls = 投票
ui-tab-giveaways = 抽獎
ui-tab-videos = 影片
ui-tab-settings = 設定

ui-overview-period = 時間段
ui-overview-days = { $days } 天
ui-overview-messages = 訊息
ui-overview-active-fans = 活躍粉絲
ui-overview-new-fans = 新粉絲
ui-overview-joins = 加入
ui-overview-leaves = 退出
ui-overview-feedback = 回饋
ui-overview-sentiment = 情緒
ui-overview-sentiment-none = 這段時間沒有回饋。
ui-overview-tags = 各標籤的回饋
ui-overview-tags-none = 這段時間沒有帶標籤的回饋。
ui-overview-hours = 最活躍的時段（{ $timezone }）
ui-overview-hour = { $hour }:00 —— { $count } 則訊息
ui-overview-topics = 上升話題
ui-overview-topics-none = 這段時間沒有上升的話題。
ui-overview-topic-count = 提到 { $count } 次

ui-sentiment-positive = 正面
ui-sentiment-neutral = 中性
ui-sentiment-negative = 負面
ui-status-new = 未處理
ui-status-triaged = 已分揀
ui-status-planned = 已計劃
ui-status-done = 已完成
ui-status-wontdo = 不做
ui-period-24h = 最近 24 小時
ui-period-7d = 最近 7 天
ui-period-30d = 最近 30 天
ui-period-90d = 最近 90 天

ui-inbox-search = 搜尋文字
ui-inbox-search-go = 搜尋
ui-inbox-author = 粉絲：@使用者名稱或 ID
ui-inbox-filter-tag = 標籤
ui-inbox-filter-status = 狀態
ui-inbox-filter-sentiment = 情緒
ui-inbox-filter-period = 時間段
ui-inbox-any-tag = 所有標籤
ui-inbox-any-status = 所有狀態
ui-inbox-any-sentiment = 所有情緒
ui-inbox-any-period = 所有時間
ui-inbox-empty = 沒有符合這些篩選條件的回饋。
ui-inbox-total = { $more ->
        [true] 超過 { $count } 則
       *[false] 共 { $count } 則
    }
ui-inbox-select = 選擇這張卡片
ui-inbox-edited = 已編輯
ui-inbox-duplicate-of = 與 #{ $id } 重複
ui-inbox-duplicate = 標為重複…
ui-inbox-pick-original = 現在點一下原始的那張卡片（將標記 { $count } 張）。
ui-inbox-selected = 已選 { $count } 張
ui-inbox-tag = 加標籤
ui-inbox-untag = 去標籤
ui-inbox-set-status = 設定狀態…
ui-inbox-clear = 取消選擇
ui-inbox-done-tag = 已給 { $count } 則加上標籤。
ui-inbox-done-untag = 已從 { $count } 則去掉標籤。
ui-inbox-done-status = 已設定 { $count } 則的狀態。
ui-inbox-done-duplicate = 已把 { $count } 則標為重複。
