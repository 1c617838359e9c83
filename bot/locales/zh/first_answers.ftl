## 按提问者给出的第一句回答：粉丝与有角色的人，群里与私聊。

start-fan =
    你好！我是 <b>fanpulse</b>，负责把你的想法转达给创作者团队。
    /feedback 你的想法 — 发送反馈（也可以在群里回复一条消息并发送 /feedback）
    /mydata — 查看我保存的关于你的全部数据
    /forget — 删除这些数据
help-fan =
    <b>粉丝使用 fanpulse</b>
    /feedback 你的想法 — 把反馈发给创作者团队；在群里回复一条消息并发送 /feedback 即可提交那条消息
    /mydata — 以文件形式查看我保存的关于你的全部数据 · /forget — 删除这些数据
    /language en、/language zh（简体）或 /language zh-TW（繁體）— 你的语言
    在运营粉丝群？把我加进群，然后在这里用 /groups 选择它。
help-group-fan = 用 /feedback 你的想法 发送反馈，或回复一条消息并发送 /feedback。
help-group-operator = 请在私聊中打开我来管理本群。
open-in-private-button = 打开 fanpulse
