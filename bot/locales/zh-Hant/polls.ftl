## 投票：/poll 及其選項、/polls、結束、取消、匯出、選題投票、結果。

menu-poll = 發起投票（只發 /poll 檢視用法）
menu-polls = 進行中和最近的投票
menu-poll_close = 立即結束投票：/poll_close 12
menu-poll_cancel = 取消定時投票：/poll_cancel 12
menu-poll_export = 投票結果 CSV：/poll_export 12
menu-poll_topics = 用粉絲最想看的選題發起投票

poll-help =
    <b>投票</b>
    <code>/poll 問題？| 選項1 | 選項2 | …</code>（2–12 個選項；也可以每行一個選項）
    可選引數：
    <code>--close 2h</code> 或 <code>--close 2026-12-01 20:00</code> — 一段時間後（30m、2h、3d）或在本地時間結束；最長 30 天
    <code>--start 30m</code> 或 <code>--start 明天 09:00</code> — 稍後傳送；--close 的時長從傳送時算起
    <code>--anonymous no</code> — 顯示誰投了票（預設匿名）
    <code>--multi</code> — 每人可選多項
    <code>--quiz 2</code> 或 <code>--quiz 1,3</code> — 測驗；正確選項的序號
    <code>--explain 文字</code> — 測驗答錯後顯示的說明（最多 200 字）
    <code>--tz Asia/Shanghai</code> — 按這個時區而不是群的時區理解時間
    示例：<code>/poll 下期拍什麼？| 貓咪日常 | 街頭美食 | 問答 --close 1d --multi</code>
    之後：/polls 列表，/poll_close 12，/poll_cancel 12，/poll_export 12，/poll_delete 12；/poll_topics 用粉絲的選題建議生成投票。

poll-error-hint = 只發 /poll 可檢視用法。
poll-error-usage = 請寫上問題和選項：<code>/poll 問題？| 選項1 | 選項2</code>
poll-error-no-question = 投票缺少問題：請把問題寫在第一個 | 之前。
poll-error-too-few-options = 投票至少需要 { $limit } 個選項，現在只有 { $count } 個。
poll-error-too-many-options = 投票最多 { $limit } 個選項，現在有 { $count } 個。
poll-error-question-too-long = 問題有 { $length } 個字元，Telegram 最多允許 { $limit } 個。
poll-error-option-too-long = 選項 { $number } 有 { $length } 個字元，Telegram 最多允許 { $limit } 個。
poll-error-option-empty = 選項 { $number } 是空的。
poll-error-option-duplicate = 選項 { $number } 與前面的選項重複。
poll-error-unknown-flag = 沒有 --{ $flag } 這個引數。
poll-error-unknown-flag-near = 沒有 --{ $flag } 這個引數：你是想寫 --{ $suggestion } 嗎？
poll-error-repeated-flag = --{ $flag } 寫了兩次。
poll-error-bad-yes-no = --{ $flag } 只能是 yes 或 no。
poll-error-quiz-options = --quiz 需要正確選項的序號，範圍 1 到 { $count }。
poll-error-quiz-needs-multi = 有多個正確選項的測驗需要加上 --multi。
poll-error-explanation-too-long = 說明有 { $length } 個字元，Telegram 最多允許 { $limit } 個。
poll-error-explanation-without-quiz = --explain 只能和 --quiz 一起使用。
poll-error-time-unparsable = 無法把“{ $value }”理解為時長（30m、2h、3d）或日期時間（2026-12-01 20:00）。
poll-error-time-in-the-past = “{ $value }”已經過去了。
poll-error-close-too-soon = 投票至少要開放 { $seconds } 秒。
poll-error-close-too-far = Telegram 的投票最多開放 { $days } 天。
poll-error-start-too-far = 投票最多隻能提前 { $days } 天定時。
poll-error-unknown-timezone = 未知時區“{ $timezone }”（請用 Asia/Shanghai、Europe/Berlin 這樣的名稱）。

poll-scheduled = 🗓 投票 #{ $number } 將在 { $when } 傳送到 { $title }。用 /poll_cancel { $number } 取消。
poll-sent = 📊 投票 #{ $number } 已發到 { $title }。
poll-closes = ⏳ 投票 #{ $number } 將於 { $when } 結束。
poll-send-failed = Telegram 沒有接受發到 { $title } 的投票：請確認我能在那裡發訊息。

poll-list-none = { $title } 還沒有投票。用 /poll 發起一個。
poll-list-title = <b>{ $title } 的投票</b>
poll-list-line = #{ $number } · { $status ->
        [scheduled] 🗓 定時
        [open] 📊 進行中
        [closed] ✅ 已結束
       *[cancelled] ✖️ 已取消
    } · { $question } · { $voters } 人投票 · { $anonymous ->
        [yes] 匿名
       *[no] 公開
    } · { $when }
poll-list-hint = /poll_close 序號 · /poll_cancel 序號 · /poll_export 序號 · /poll_delete 序號
poll-list-separator = {"、"}

poll-close-usage = 用法：/poll_close 12（/polls 裡的序號）。
poll-cancel-usage = 用法：/poll_cancel 12（/polls 裡的序號）。
poll-export-usage = 用法：/poll_export 12（/polls 裡的序號）。
poll-not-open = 投票 #{ $number } 在這裡不是進行中的投票。
poll-not-scheduled = 投票 #{ $number } 在這裡不是定時投票（已發出的投票請用 /poll_close 結束）。
poll-not-found = 投票 #{ $number } 沒有在這裡發出過。
poll-closed-now = 投票 #{ $number } 已結束，結果已發到 { $title }。
poll-cancelled = 定時投票 #{ $number } 已取消。
poll-export-anonymous = 投票 #{ $number }：每個選項的票數。這是匿名投票：Telegram 不告訴任何人誰投了票，所以沒有逐人記錄。
poll-export-voters = 投票 #{ $number }：每個選項的票數，以及每位投票者一行（{ $voters } 人），包括撤回的投票。

poll-results-title = 📊 <b>投票結束：{ $question }</b>
poll-results-option = { $number }. { $label }{ $mark }
    <code>{ $bar }</code> { $votes } · { $percent }%
poll-mark-winner = {" "}🏆
poll-mark-correct = {" "}✅
poll-results-voters = 👥 { $voters } 人投票
poll-results-no-votes = 沒有人投票。
poll-results-winner = { $count ->
        [1] 勝出：<b>{ $labels }</b>
       *[other] 並列：<b>{ $labels }</b>
    }
poll-chart-subtitle = { $voters } 人投票
poll-chart-caption = 結果：{ $question }

poll-csv-option = 選項
poll-csv-label = 內容
poll-csv-votes = 票數
poll-csv-share = 佔投票人數比例
poll-csv-voters = 投票人數
poll-csv-user-id = 使用者 ID
poll-csv-name = 名字
poll-csv-username = 使用者名稱
poll-csv-choice = 選擇
poll-csv-answered-at = 投票時間
poll-csv-retracted = 已撤回

poll-digest-opened = 📊 新投票：{ $count }
poll-digest-closed = ✅ { $question }：{ $voters } 人投票 · { $winners }
poll-digest-no-winner = 無人投票

poll-topics-usage = 用法：/poll_topics [時間段，如 7d、昨天或 11/30] 檢視粉絲的選題建議，然後 /poll_topics 7d 1,3,4 [--close 1d …] 用選中的幾項發起投票。
poll-topics-none = { $title } 在 { $period } 沒有選題建議。
poll-topics-bad-period = “{ $value }”不是我能讀懂的時間段：請寫成 7d、2w（最長 90 天）、昨天、上週或 11/30 這樣。
poll-topics-question = 下期做哪個選題？
poll-topics-title = <b>{ $period } 的選題建議</b>（按粉絲人數排序）
poll-topics-line = { $number }. { $label } — { $fans } 位粉絲，{ $mentions } 次提到
poll-topics-suggestion = 編輯後傳送：<code>{ $command }</code>
poll-topics-pick-hint = 或按序號選擇：/poll_topics 7d 1,2,3 --close 1d
poll-topics-bad-pick = 請選擇 1 到 { $count } 之間的序號。
