## /polls 和 /giveaways 的卡片：每一项的按钮按调用者的角色显示。

list-page = 第 { $page } 页，共 { $pages } 页
list-previous = ◀ 上一页
list-next = 下一页 ▶
list-back = ◀ 返回列表
list-gone = 这一项已不在 { $title } 中：没有做任何更改。请用 /polls 或 /giveaways 重新打开列表。

poll-card-results = 📊 结果 #{ $number }
poll-card-close = ⏹ 结束 #{ $number }
poll-card-cancel = ✖ 取消 #{ $number }
poll-card-export = ⬇ 导出 #{ $number }
poll-card-exported = ⬇ 投票 #{ $number } 的结果已作为文件发在下面。
poll-card-not-sent = 投票 #{ $number } 还没有发出，所以还没有结果。

giveaway-card-results = 🎁 详情 #{ $id }
giveaway-card-end = ⏹ 立即结束 #{ $id }
giveaway-card-cancel = ✖ 取消 #{ $id }
giveaway-card-reroll = 🔄 重抽 #{ $id }
giveaway-card-export = ⬇ 记录 #{ $id }
giveaway-card-detail = <b>抽奖 #{ $id }</b> · { $prize }
    状态：{ $status ->
        [open] 进行中
        [drawing] 开奖中
        [drawn] 已开奖
        [done] 已开奖
        [cancelled] 已取消
       *[other] { $status }
    } · { $entrants } 人参加 · { $winners } 名中奖
    截止：{ $when }
    承诺值：<code>{ $commitment }</code>
giveaway-card-drawn = 已开奖：当前 { $standing } 名中奖者，重抽 { $rerolls } 次。每位参加者都可以用结果下方的按钮查看自己的情况。
giveaway-card-exported = ⬇ 抽奖 #{ $id } 的开奖记录已发在下面：任何人都可以用它重新验证开奖。
giveaway-card-no-transcript = 抽奖 #{ $id } 还没有开奖，所以还没有开奖记录。
giveaway-card-not-drawn = 抽奖 #{ $id } 还没有开奖，没有可替换的中奖者。
giveaway-cancel-why = 为什么取消抽奖 #{ $id }“{ $prize }”？你选的理由会告诉群里。
giveaway-reroll-which = 抽奖 #{ $id } 要重抽哪一位中奖者？编号是结果里的名次。
giveaway-reroll-place = 中奖者 #{ $place }
giveaway-reroll-why = 为什么重抽抽奖 #{ $id } 的中奖者 #{ $place }？你选的理由会告诉群里。
giveaway-reason-prize = 奖品无法提供
giveaway-reason-mistake = 误建
giveaway-reason-rules = 有人违反规则
giveaway-reason-silent = 中奖者没有回复
giveaway-reason-ineligible = 中奖者不符合条件
giveaway-reason-declined = 中奖者放弃了奖品

giveaway-cancel-done = 抽奖 #{ $id }“{ $prize }”已取消，已告诉群里原因：{ $reason }
giveaway-cancel-undone = ↩ 已撤销：抽奖 #{ $id }“{ $prize }”重新开放，原有的参加都还在，已告诉群里。
giveaway-undo-ended = 抽奖 #{ $id } 无法重新开放：截止时间已过，参加本该已经结束。请用 /giveaway 新建一个抽奖。
giveaway-undo-changed = 抽奖 #{ $id } 在取消后有了变化，所以无法撤销取消。
giveaway-reopened-notice = 抽奖 #{ $id } 重新开放：取消已撤销，所有参加依然有效。
