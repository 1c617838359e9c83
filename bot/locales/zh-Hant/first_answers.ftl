## 依提問者給出的第一句回答：粉絲與有角色的人，群裡與私聊。

start-fan =
    你好！我是 <b>fanpulse</b>，負責把你的想法轉達給創作者團隊。
    /feedback 你的想法 — 傳送反饋（也可以在群裡回覆一則訊息並傳送 /feedback）
    /mydata — 查看我儲存的關於你的全部資料
    /forget — 刪除這些資料
help-fan =
    <b>粉絲使用 fanpulse</b>
    /feedback 你的想法 — 把反饋傳給創作者團隊；在群裡回覆一則訊息並傳送 /feedback 即可提交那則訊息
    /mydata — 以檔案形式查看我儲存的關於你的全部資料 · /forget — 刪除這些資料
    /language en、/language zh（簡體）或 /language zh-TW（繁體）— 你的語言
    在運營粉絲群？把我加進群，然後在這裡用 /groups 選擇它。
help-group-fan = 用 /feedback 你的想法 傳送反饋，或回覆一則訊息並傳送 /feedback。
help-group-operator = 請在私聊中開啟我來管理本群。
open-in-private-button = 開啟 fanpulse

join-introduction =
    大家好，我是 <b>fanpulse</b>。我會把本群的訊息整理成反饋交給組織者：他們按話題閱讀，也會用投票和摘要。
    你的資料屬於你：/mydata 查看我儲存的關於你的全部資料，/forget 刪除它們。/feedback 你的想法 可以直接傳給團隊。

privacy-sent-privately = 已私聊傳給你。
privacy-start-me-first = 你啟動我之前，我無法私聊你：點按鈕，按「開始」，我就會傳給你。
mydata-from-group = 你在 { $title } 中請求查看 fanpulse 儲存的關於你的資料：在這裡。

private-unknown-command = 我不認識 { $command }。/help 列出了我能做的事。
private-plain-text = 要傳送反饋，請寫 /feedback 加上你的想法。/help 列出了我能做的事。

feedback-report-not-a-fan = 只有粉絲的訊息才能作為反饋提交，機器人、頻道或群本身的訊息不行。
feedback-report-forgotten = 那則訊息的作者已要求 fanpulse 忘記他們：不會提交。
