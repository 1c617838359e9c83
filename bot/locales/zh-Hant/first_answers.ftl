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
