## 運營日報、週報，/digest 及其設定。

menu-digest = 本群今天到目前為止的資料，或某一天的資料
menu-digest_subscribe = 每天在私聊中接收本群日報
menu-digest_unsubscribe = 不再接收本群日報
menu-digest_time = 日報的傳送時間（例如 08:30）
menu-digest_chat = 同時把日報發到運營群

digest-title-daily = 📊 <b>日報 · { $title }</b>
digest-title-weekly = 📊 <b>週報 · { $title }</b>
digest-title-preview = 📊 <b>今日至今 · { $title }</b>
digest-period-day = { $day }（{ $timezone }）
digest-period-week = { $first } 至 { $last }（{ $timezone }）
digest-partial = <i>截至 { $until }：今天還沒有結束。</i>

digest-activity = <b>活躍</b>
digest-messages = 💬 粉絲訊息：<b>{ $count }</b> { $change }
digest-active-fans = 👥 活躍粉絲：<b>{ $count }</b> { $change }
digest-active-fans-weekly = 👥 日均活躍粉絲：<b>{ $count }</b> { $change }
digest-new-fans = 🌱 新粉絲（首次發言）：<b>{ $count }</b>
digest-joins = ➕ 加入：<b>{ $joins }</b> · ➖ 退出：<b>{ $leaves }</b>
digest-bot-replies = ↩️ 回覆機器人：<b>{ $count }</b>
digest-staff = 🛠 管理團隊活動（不計入以上資料）：群主、管理員和運營人員的訊息 <b>{ $messages }</b> 條 · 命令 <b>{ $commands }</b> 條
digest-reactions = ❤️ 表情回應：<b>{ $count }</b>
digest-reactions-unseen = ❤️ 表情回應：看不到（Telegram 只把它們發給管理員機器人）
digest-against-day = 前一天
digest-against-week = 上一週
digest-change-up = （比{ $against }多 { $delta }）
digest-change-down = （比{ $against }少 { $delta }）
digest-change-same = （與{ $against }持平）

digest-feedback = <b>按標籤的反饋</b>（{ $count }）
digest-feedback-none = 沒有帶標籤的反饋。
digest-tag-line = • { $tag }：<b>{ $count }</b> { $change }，{ $days } 日均 { $average }
digest-tag-line-weekly = • { $tag }：<b>{ $count }</b> { $change }
digest-sentiment = <b>情緒</b>（{ $total } 條文字）：😊 { $positive } · 😐 { $neutral } · ☹️ { $negative }
digest-sentiment-none = <b>情緒</b>：沒有文字
digest-rising = <b>上升中</b>
digest-rising-none = 沒有上升的標籤。
digest-rising-tag = 🔥 { $tag }：{ $count }（7 日均 { $average }）
digest-quote = › 「<i>{ $text }</i>」
digest-hours = <b>最活躍時段</b>：{ $hours }
digest-hours-none = <b>最活躍時段</b>：沒有訊息
digest-hour = { $start }–{ $end }（{ $count }）
digest-hours-separator = 、

digest-section = <b>{ $section }</b>
digest-section-empty = 無
digest-section-not-yet = <b>{ $section }</b>：無（本機器人尚未開放此功能）
digest-section-name-polls = 投票
digest-section-name-giveaways = 抽獎

digest-unseen-title = <b>機器人看不到的</b>
digest-unseen-views = • 瀏覽量：Bot API 不向機器人提供。
digest-unseen-privacy = • 普通訊息：機器人不是管理員且開啟了隱私模式，只能看到命令和回覆它的訊息；以上數字只統計這些。
digest-unseen-members = • 成員變動和表情回應只發給管理員機器人：這裡的加入和退出只來自系統訊息。
digest-unseen-rights = • 無法查詢機器人在本群的許可權；部分數字可能不完整。

digest-tag-suggestion = 建議
digest-tag-bug = 問題
digest-tag-praise = 好評
digest-tag-complaint = 抱怨
digest-tag-question = 提問
digest-tag-topic_idea = 選題
digest-tag-update_request = 催更
digest-tag-collab = 合作
digest-tag-spam = 垃圾資訊

digest-chart-title-daily = { $title }：日報
digest-chart-title-weekly = { $title }：週報
digest-chart-title-preview = { $title }：今日至今
digest-chart-activity = 最近 14 天
digest-chart-messages = 訊息
digest-chart-active-fans = 活躍粉絲
digest-chart-feedback = 按標籤的反饋
digest-chart-no-feedback = 沒有帶標籤的反饋

digest-period-refused = { $problem ->
        [future] 按本群的時區，“{ $value }”還沒有開始。
        [length] 摘要只涵蓋一天或七天，“{ $value }”都不是。
       *[other] “{ $value }”不是我能讀懂的日期或時間段。
    }
digest-did-you-mean = 你是不是想發 { $suggestion }？
digest-usage = /digest 看今天到目前為止，/digest 昨天、/digest 11/30 或 /digest 2026-11-27 看過去某天，/digest week（或 上週）看上週，/digest 本週 或 /digest 7d 看七天；加上 csv 可得到表格檔案。
digest-needs-person = 日報發到個人私聊：請以你自己的身份傳送，而不是匿名管理員。
digest-subscribed = 你每天 { $time }（{ $timezone }）會在這裡收到 <b>{ $title }</b> 的日報，每週一還有周報。如果還沒有，請先和我開始私聊。
digest-already-subscribed = 你已經在每天 { $time }（{ $timezone }）收到 <b>{ $title }</b> 的日報。
digest-unsubscribed = 你不會再收到 <b>{ $title }</b> 的日報。
digest-not-subscribed = 你本來就沒有訂閱 <b>{ $title }</b> 的日報。
digest-time-usage = 請給出當地時間：/digest_time 08:30
digest-time-set = <b>{ $title }</b> 的日報現在於 { $time }（{ $timezone }）傳送。
digest-chat-usage = 在運營群裡直接傳送 /digest_chat（不需要 id），或在與我的私訊中用 /settings → 日報發到哪裡 選擇群。依 id：/digest_chat -1001234567890；停止：/digest_chat off。
digest-chat-refused = 你必須是那個群的管理員，並且機器人也在那個群裡。
digest-chat-set = <b>{ $title }</b> 的日報也會發到群 { $chat }。
digest-chat-cleared = <b>{ $title }</b> 的日報不再發到運營群。
