## 角色、拒绝、私聊控制台与操作日志。

refused-role = 这需要你在 { $title } 拥有{ $required ->
        [analyst] 分析师
        [operator] 运营
       *[administrator] 管理员
    }角色，而你没有。
refused-group-inactive = fanpulse 已不在那个群里。请用 /groups 选择其他群。
refused-foreign-sender = 这里只有个人或本群的匿名管理员可以使用运营命令。
refused-group-only = /{ $command } 需要在群里使用。
console-no-group = 请先用 /groups 选择一个群。

start =
    你好！我是 <b>fanpulse</b>：收集粉丝反馈、发起投票和抽奖、发送摘要。
    把我加入你的粉丝群，然后在这里管理你运营的所有群：/groups
start-giveaway = 好的！如果你在抽奖 #{ $id } 中奖，我会在这里告诉你。还没参与的话，请回到群里按「🎉 参与」。
help-private =
    <b>在私聊中使用 fanpulse</b>
    粉丝：/feedback 你的想法 — 把反馈交给创作者团队；/mydata — 查看关于你保存的数据；/forget — 删除它们
    <b>运营</b>（作用于用 /groups 选择的群）：
    /status — 群的健康状况 · /audit — 运营做过的更改
    /inbox #标签 status:new 7d — 阅读反馈 · /inbox_counts 7d · /export csv|json
    /tags、/tag_new、/tag_rename、/tag_delete、/tag_add、/tag_remove — 群的标签 · /ask — 向粉丝提问
    /poll 问题？ | 选项 | 选项 --close 2h — 发起投票 · /polls · /poll_topics 7d
    /giveaway 3 2d 奖品 — 人人可验证的抽奖 · /giveaways
    /video_add 链接 | 标题 — 登记视频，粉丝写 #v1 · /videos · /video_announce v1
    /video_stats — 导入平台数据（作为 CSV/XLSX 文件的说明）或单行录入 · /video_template · /video v1 — 视频报告卡
    /digest — 今天到目前为止 · /digest_subscribe — 每天在 /digest_time 设定的时间收到摘要
    /grant operator @name、/revoke @name — 角色（管理员） · /retention 90d
    /language en、/language zh（简体）或 /language zh-TW（繁體）— 你自己的语言
help-group =
    <b>fanpulse</b> 正在收集本群的反馈：用 /feedback 你的想法，或回复它的提问。
    运营可用：/status、/inbox、/poll、/giveaway、/digest、/tags 和 /ask，也都可以在与我的私聊中完成：/groups

groups-none = 你还没有用 fanpulse 运营任何群。把我加入一个群，或请群管理员授予你角色（/grant operator）。
groups-list = 你运营 { $count } 个群。选择要管理的群：
groups-button = { $title }
groups-button-current = ✅ { $title }
groups-chosen = 正在管理 <b>{ $title }</b>（你的角色：{ $role ->
        [analyst] 分析师
        [operator] 运营
       *[administrator] 管理员
    }）。在这里输入的命令都作用于该群；用 /groups 切换。

grant-usage = 用法：回复某人的消息并发送 /grant operator（或 analyst），或 /grant operator @用户名，或 /grant analyst 123456789。
revoke-usage = 用法：回复某人的消息并发送 /revoke，或 /revoke @用户名，或 /revoke 123456789。
subject-not-a-person = 角色只能授予个人，不能授予频道或群。
subject-is-a-bot = 不能给机器人授予角色。
subject-unknown = 我还没见过 { $who }。请在群里回复对方的一条消息并发送这个命令，或在与我的私聊中用 /settings → 角色 从联系人里选择对方（对方不必发过言）。
grant-done = <b>{ $who }</b> 现在是 <b>{ $title }</b> 的{ $role ->
        [analyst] 分析师（只读）
       *[operator] 运营
    }。
revoke-done = <b>{ $who }</b> 在 <b>{ $title }</b> 不再拥有 fanpulse 角色。
revoke-nothing = { $who } 在 <b>{ $title }</b> 本来就没有 fanpulse 角色。

audit-title = <b>{ $title } 的操作日志</b>（第 { $page } / { $pages } 页）
audit-empty = 还没有任何更改。
audit-anonymous-admin = 匿名管理员
audit-person = { $name }
audit-entry = { $when } · { $who } · { $action ->
        [role-granted] 授予 { $subject } { $detail ->
            [analyst] 分析师（只读）
           *[operator] 运营
        }角色
        [role-revoked] 收回了 { $subject } 的角色
        [role-ended] 终止了 { $subject } 的角色：{ $detail ->
            [kicked] 已被移出本群
           *[left] 已不在本群
        }
        [group-language-set] 将群语言设为{ $detail ->
            [en] 英语
            [zh-Hant] 繁体中文
           *[zh] 简体中文
        }
        [group-timezone-set] 将时区设为：{ $detail }
        [digest-time-set] 将摘要时间设为 { $detail }
        [digest-chat-set] 将摘要发送到聊天 { $detail }
        [digest-chat-cleared] 不再把摘要发送到运营群
        [digest-days-set] 将日报发送日设为 { $detail }（0 周一 … 6 周日）
        [action-undone] 撤销了{ $head ->
            [tag-delete] 删除标签 #{ $tail }
            [tag-rename] 改名：标签又叫 #{ $tail }
            [role-revoke] 收回 { $subject } 的角色
           *[retention] 缩短保留期：恢复为 { $tail } 天（0：不限）
        }
        [poll-created] 发起了投票 { $detail }
        [poll-closed] 结束了投票 { $detail }
        [poll-cancelled] 取消了投票 { $detail }
        [poll-deleted] 删除了投票 { $detail }
        [giveaway-created] 发起了抽奖 { $detail }
        [giveaway-ended] 提前结束了抽奖 { $detail }
        [giveaway-cancelled] 取消了抽奖 { $detail }
        [giveaway-deleted] 删除了抽奖 { $detail }
        [giveaway-rerolled] 补抽了抽奖 { $detail }
        [fan-forgotten] 代一位粉丝删除了数据（{ $detail } 条评论）
        [retention-set] 将评论文字保留期设为 { $detail } 天（0：不限）
        [history-imported] 导入了群的历史记录：{ $detail }
        [feedback-exported] 导出了反馈（{ $detail }）
        [video-metrics-imported] 导入了视频的平台数据（新增+更新/拒绝行数：{ $detail }）
        [video-added] 登记了视频 { $detail }
        [video-edited] 修改了视频 { $detail }
        [video-archived] 归档了视频 { $detail }
        [video-unarchived] 恢复了视频 { $detail }
        [video-announced] 发布了视频公告 { $detail }
        [video-linked] 把一条评论关联到视频 { $detail }
        [video-unlinked] 取消了一条评论与视频的关联 { $detail }
        [video-link-created] 生成了视频链接 { $detail }
        [video-link-renamed] 给视频链接改名：{ $detail }
        [video-link-revoked] 撤销了视频链接 { $detail }
        [tag-created] 创建了标签 #{ $head }（关键词：{ $tail }）
        [tag-renamed] 把标签 #{ $tail } 改名为 #{ $head }
        [tag-deleted] 删除了标签 #{ $head }
        [tag-terms-added] 给标签 #{ $head } 添加了关键词：{ $tail }
        [tag-terms-removed] 从标签 #{ $head } 去掉了关键词：{ $tail }
        [feedback-asked] 就 #{ $head } 向粉丝提问：{ $tail }
        [feedback-tagged] 给消息 { $head } 打上了 #{ $tail }
        [feedback-untagged] 去掉了消息 { $head } 的 #{ $tail }
        [feedback-status-set] 把消息 { $head } 的状态设为{ $tail ->
            [new] 新
            [triaged] 已分拣
            [planned] 已计划
            [done] 已完成
           *[wontdo] 不做
        }
        [feedback-duplicate] 把消息 { $head } 标为 { $tail } 的重复
        [door-set] 修改了入群门槛：{ $detail }
        [member-warned] 警告了 { $subject }（{ $detail }）
        [member-muted] 禁言 { $subject } { $detail }
        [member-banned] 封禁了 { $subject }
        [member-unbanned] 解封了 { $subject }
        [report-dismissed] 驳回了关于 { $subject } 的举报
        [spam-marked] 把 { $subject } 的一条消息标记为垃圾消息
        [spam-undone] 撤销了对 { $subject } 的垃圾消息处理
        [spam-banned] 因垃圾消息封禁了 { $subject }
        [spam-not-spam] 确认 { $subject } 发的不是垃圾消息
       *[other] 做了更改（{ $action }）{ $subject } { $detail }
    }
audit-newer = ◀ 较新
audit-older = 较早 ▶

language-group-usage = 用法：/language en、/language zh（简体）或 /language zh-TW（繁體）（设置本群的语言）。
language-group-set = 本群的 fanpulse 消息将使用简体中文。
language-private-usage = 用法：/language en、/language zh（简体）或 /language zh-TW（繁體）。
language-private-set = 我会用简体中文和你交流。
language-private-forgotten = 你要求我忘记你，所以连语言选择我也不保存：我会使用你的 Telegram 应用的语言。

timezone-current = { $title } 使用时区 <b>{ $timezone }</b>（当地现在是 { $now }）。修改：<code>/timezone 北京</code>、<code>/timezone Asia/Shanghai</code>、<code>/timezone 东京</code> 或 <code>/timezone UTC+8</code>。
timezone-set = { $title } 现在使用时区 <b>{ $timezone }</b>：日报、“今天”、最活跃时段和你输入的时间都按它计算。下一份日报：{ $digest }（原本是 { $was }）。
timezone-deadline = 时刻不变：{ $kind ->
        [poll] 投票 #{ $number } 截止于
       *[giveaway] 抽奖 #{ $number } 截止于
    } { $when }。
timezone-unknown = 不认识时区“{ $typed }”。请写城市（北京、台北、东京）、IANA 名称（Asia/Shanghai）或时差（UTC+8）。
timezone-unknown-near = 不认识时区“{ $typed }”。你是想写 { $suggestions } 吗？
timezone-half-hour = 半小时的时差没有对应的时区：请写城市（例如 Asia/Kolkata）。
