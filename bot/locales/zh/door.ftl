## 入群门槛：欢迎、群规、入群验证、入群申请（handlers/door.py）。

door-names = { $names }{ $more ->
        [0] {""}
       *[other] 等另外 { $more } 人
    }
door-welcome =
    👋 欢迎 { $names } 加入 <b>{ $title }</b>！
    { $rules ->
        [yes] 请先看看群规：/rules
       *[no] 友善交流，玩得开心。
    }
    有想法给创作者团队？发送 <code>/feedback 你的想法</code>。查看关于你存储了什么：/mydata · 删除：/forget
door-welcome-footer = 反馈：<code>/feedback 你的想法</code> · 查看关于你存储了什么：/mydata · 删除：/forget

rules-none = 本群还没有写下群规。
rules-show =
    📜 <b>群规</b>
    { $rules }
rules-set-usage = 在命令后写上群规（/rules_set 友善交流，禁止刷屏。），或回复一条写有群规的消息发送 /rules_set。最多 { $limit } 个字符。
rules-set-done = <b>{ $title }</b> 的群规已保存，任何人都可以用 /rules 查看。
welcome-set-usage = 在命令后写上欢迎语，或回复一条消息发送 /welcome_set。占位符：{"{"}name{"}"}（新成员）、{"{"}group{"}"}（本群）、{"{"}rules{"}"}（群规）。最多 { $limit } 个字符。
welcome-set-done = 从现在起，<b>{ $title }</b> 的新成员会看到你写的欢迎语。

door-rules-accept =
    { $name } 欢迎来到 <b>{ $title }</b>！发言之前，请阅读并接受群规：
    { $rules }
door-button-accept = ✅ 我接受群规
door-button-human = 🙋 我是真人
door-button-answer = ✍️ 私聊回答
door-button-ask = { $name }，请在 { $minutes } 分钟内点击下面的按钮，证明你是真人{ $request ->
        [true] ，你加入 <b>{ $title }</b> 的申请就会通过。
       *[false] 。在此之前你可以浏览 <b>{ $title }</b>，但不能发言。
    }
door-question-ask = { $name }，要{ $request ->
        [true] 加入
       *[false] 在
    } <b>{ $title }</b>{ $request ->
        [true] {""}
       *[false] 发言
    }，请在 { $minutes } 分钟内回答这个问题：<b>{ $question }</b>
    { $request ->
        [true] 直接在这里写下答案即可。
       *[false] 回复这条消息写下答案，或点按钮私聊回答。
    }
door-question-private = <b>{ $title }</b> 的问题：<b>{ $question }</b>
    请在这里写下答案。
door-nothing-to-answer = 没有等待你回答的问题：你可能已经进群了。

door-not-yours = 这个按钮是给它欢迎的新成员的，不是给你的。
door-already-decided = 这次验证已经结束了。
door-answer-instead = 请回答问题：在群里回复它，或者点“私聊回答”按钮。
door-passed = ✅ 谢谢！现在你可以在 { $title } 发言了。
door-passed-rules-next = ✅ 谢谢！还有一步：接受 { $title } 的群规。
door-failed = ❌ 这不是 { $title } 期待的答案，{ $request ->
        [true] 所以你的入群申请被拒绝了。你可以再次申请。
       *[false] 所以你已被移出群（不是封禁）：你可以重新加入再试一次。
    }
door-removed = { $why ->
        [time] ⌛ 你没有及时完成 <b>{ $title }</b> 的入群验证，
       *[wrong] ❌ 这不是 <b>{ $title }</b> 期待的答案，
    }{ $request ->
        [true] 所以你的入群申请被拒绝了。你可以再次申请。
       *[false] 所以你已被移出群（不是封禁）：你可以重新加入再试一次。
    }

door-dry-would-check = 🧪 <b>{ $title }</b> 入群门槛试运行：{ $name }（id <code>{ $user_id }</code>）将被限制发言，直到{ $kind ->
        [rules] 接受群规
       *[human] 通过验证
    }。实际上什么也没做。
door-dry-would-release = 🧪 <b>{ $title }</b> 入群门槛试运行：<code>{ $user_id }</code> 通过了验证，将被允许发言。实际上什么也没做。
door-dry-would-remove = 🧪 <b>{ $title }</b> 入群门槛试运行：<code>{ $user_id }</code> { $why ->
        [time] 超时未完成
       *[wrong] 回答错误
    }，将被移出群。实际上什么也没做。
door-dry-would-approve = 🧪 <b>{ $title }</b> 入群门槛试运行：<code>{ $user_id }</code> 的入群申请将被通过。实际上什么也没做。
door-dry-would-decline = 🧪 <b>{ $title }</b> 入群门槛试运行：<code>{ $user_id }</code> 的入群申请将被拒绝。实际上什么也没做。
door-spike = ⚠️ <b>{ $title }</b>：抽奖进行中，一分钟内有 { $count } 个账号加入。账号：{ $accounts }

door-settings =
    🚪 <b>{ $title } 的入群门槛</b>
    欢迎语：{ $welcome }（自定义：{ $custom }）· 已写群规：{ $rules } · 必须接受群规：{ $rules_required }
    验证：{ $check ->
        [button] 按钮
        [question] 问题「{ $question }」（接受 { $answers } 个答案）
       *[off] 关闭
    } · 时限：{ $minutes } 分钟 · 在其他群通过也算：{ $trust }
    试运行（只报告）：{ $dry_run } · 抽奖期间加强：{ $giveaway }（每分钟 { $spike } 人加入算异常）
    禁言前的警告次数：{ $warns } · 禁言 { $mute } 分钟
    修改：/door welcome off · /door check button · /door minutes 5 · /door dry_run on · /door_question 问题？| 答案 | 另一个答案
door-usage = 用法：/door &lt;设置&gt; &lt;值&gt;。可用设置：{ $names }。例如 /door check button 或 /door dry_run on。
door-changed = 已修改：{ $setting }。
door-question-done = 已保存问题「{ $question }」，接受 { $count } 个答案。用 /door check question 启用。
door-bad-switch = 「{ $typed }」不是开或关。请写 on 或 off（开 / 关 也可以）。
door-question-missing = 请先写好问题：/door_question 问题？| 答案 | 另一个答案
door-bad-number = 「{ $typed }」不是范围内的数字：minutes 1–1440，warns 1–20，spike 2–1000。
door-bad-check = 「{ $typed }」不是一种验证方式。请写 off、button 或 question。
door-unknown-setting = 入群门槛没有「{ $typed }」这项设置。可用设置：{ $names }。
door-question-usage = 用法：/door_question 新单曲叫什么名字？| 答案 | 另一个答案（竖线全角半角均可）。
door-too-long = 太长了：问题最多 2000 个字符，答案最多 20 个。
door-bad-duration = 「{ $typed }」不是 30 秒到 366 天之间的时长。请写 1h、30m、2d、1小时 或 30分钟。
door-panel-switch = { $on ->
        [on] ✅
       *[off] ▫️
    } { $setting ->
        [welcome] 欢迎语
        [rules_required] 必须接受群规
        [trust] 信任其他群
        [dry_run] 试运行
       *[giveaway] 抽奖期间加强
    }
door-panel-check = 🙋 验证：{ $mode ->
        [button] 按钮
        [question] 问题
       *[off] 关闭
    }
door-switch = { $on ->
        [on] 开
       *[off] 关
    }
