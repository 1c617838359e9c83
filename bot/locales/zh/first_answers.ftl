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

join-introduction =
    大家好，我是 <b>fanpulse</b>。我会把本群的消息整理成反馈交给组织者：他们按话题阅读，也会用投票和摘要。
    你的数据属于你：/mydata 查看我保存的关于你的全部数据，/forget 删除它们。/feedback 你的想法 可以直接发给团队。

privacy-sent-privately = 已私聊发给你。
privacy-start-me-first = 你启动我之前，我无法私聊你：点按钮，按“开始”，我就会发给你。
mydata-from-group = 你在 { $title } 中请求查看 fanpulse 保存的关于你的数据：在这里。

private-unknown-command = 我不认识 { $command }。/help 列出了我能做的事。
private-plain-text = 要发送反馈，请写 /feedback 加上你的想法。/help 列出了我能做的事。

feedback-report-not-a-fan = 只有粉丝的消息才能作为反馈提交，机器人、频道或群本身的消息不行。
feedback-report-forgotten = 那条消息的作者已要求 fanpulse 忘记他们：不会提交。
