# 预览（发送 / 修改 / 取消）与确认（是 / 否）：发布前先看一眼。

draft-button-send = ✅ 发送
draft-button-edit = ✏️ 修改
draft-button-cancel = ✖️ 取消
draft-button-yes = 是
draft-button-no = 否
draft-preview-hint = <i>点“发送”之前不会发布任何内容。此预览 30 分钟后失效。</i>
draft-refused-not-owner = 只有创建它的运营者才能发送或修改。
draft-refused-done = 这已经处理过了，不会再有任何变化。
draft-refused-gone = 这个预览已不存在。
draft-refused-invalid = 现在还不能发送：请看下面的消息。
draft-sent = 已发送。
draft-cancelled = 已取消：没有发送任何内容。
draft-nothing-changed = 没有任何改动。
draft-expired-preview = ⌛ 此预览已失效：没有发送任何内容。请重新输入命令。
draft-expired-question = ⌛ 此确认已失效：没有任何改动。

poll-preview-title = 👀 发往 { $title } 的投票<b>预览</b>：
poll-preview-question = 📊 <b>{ $question }</b>
poll-preview-option = { $correct ->
        [yes] { $number }. { $label } ✔️（正确答案）
       *[no] { $number }. { $label }
    }
poll-preview-kind = { $kind ->
        [quiz] 测验，单选
        [multi] 可多选
       *[single] 单选
    } · { $anonymous ->
        [yes] 匿名
       *[no] 公开投票人
    }
poll-preview-explanation = 答错后显示：{ $explanation }
poll-preview-opens-now = 开始：点“发送”后立即开始
poll-preview-opens-at = 开始：{ $when }
poll-preview-closes-at = 结束：{ $when }
poll-preview-closes-by-hand = 结束：由你手动结束（/poll_close）
poll-edit-line = ✏️ 请发送改好的命令；原来的是：
    <code>{ $line }</code>
poll-close-confirm = 现在结束投票 #{ $number }“{ $question }”吗？所有人都将无法再投票，结果会发到群里。此操作无法撤销：Telegram 结束的投票是永久的，不能重新开放。
poll-delete-confirm = 删除投票 #{ $number }“{ $question }”吗？它的消息会从群里删除，不会公布结果，也不再出现在日报中。此操作无法撤销。
poll-delete-usage = 用法：/poll_delete 12（/polls 中的编号）。
poll-not-deletable = 投票 #{ $number } 不在这里，或已取消或删除。
poll-deleted = 🗑 投票 #{ $number } 已删除，它的消息已从 { $title } 移除。

giveaway-preview-title = 👀 发往 { $title } 的抽奖<b>预览</b>：
giveaway-preview-prize = 🎁 <b>抽奖</b>：{ $prize }
giveaway-preview-commitment = <i>编号和种子承诺会在发布时给出。</i>
giveaway-edit-line = ✏️ 请发送改好的命令；原来的是：
    <code>{ $line }</code>
giveaway-cancel-confirm = 取消抽奖 #{ $id }“{ $prize }”吗？报名将关闭，没有人中奖，群里会收到通知：{ $reason }
giveaway-delete-confirm = 删除抽奖 #{ $id }“{ $prize }”吗？公告会从群里删除，且永远不会开奖。此操作无法撤销。
giveaway-delete-usage = 用法：/giveaway_delete 编号（/giveaways 中的编号）。
giveaway-not-deletable = 抽奖 #{ $id } 在本群未开放：只能删除开放中的抽奖（已开奖的结果会保留，方便参与者核对）。
giveaway-deleted = 🗑 抽奖 #{ $id } 已删除：公告已从 { $title } 移除，不会开奖。

menu-poll_delete = 删除误发的投票
menu-giveaway_delete = 删除误发的抽奖
