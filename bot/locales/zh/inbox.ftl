## 运营者的反馈收件箱、按标签计数和导出。

menu-inbox = 反馈收件箱：/inbox #标签 status:new sentiment:negative @粉丝 7d 关键词
menu-inbox_counts = 一段时间内各标签的反馈数：/inbox_counts 7d
menu-export = 把反馈导出为文件：/export csv 或 /export json，后接收件箱的筛选条件

inbox-title = <b>{ $title } 的反馈收件箱</b>：{ $more ->
        [true] 超过 { $total } 条，第 { $page }/{ $pages }+ 页（加筛选条件可缩小范围）
       *[false] 共 { $total } 条，第 { $page }/{ $pages } 页
    }
inbox-filters = 筛选：<code>{ $filters }</code>
inbox-empty = 没有符合条件的反馈。
inbox-link = <a href="{ $link }">{ $when }</a>
inbox-when = { $when }
inbox-item = • { $when } · { $author }{ $tagged ->
        [true] {" "}· { $tags }
       *[false] {""}
    } · { $sentiment ->
        [positive] 🙂
        [negative] 🙁
       *[other] 😐
    } · { $status ->
        [new] 新
        [triaged] 已分拣
        [planned] 已计划
        [done] 已完成
       *[wontdo] 不做
    }
    { $text }
inbox-did-you-mean = 你是不是想写“{ $suggestion }”？
inbox-newer = ◀ 较新
inbox-older = 较早 ▶
inbox-counts-title = <b>{ $title } 各标签的反馈数</b>（{ $period }）：
inbox-counts-line = • #{ $tag }：{ $count }
inbox-error = { $code ->
        [unknown_tag] 这里没有标签“{ $value }”：用 /tags 查看全部标签。
        [bad_status] “{ $value }”不是状态：请用 新、已分拣、已计划、已完成、不做（或 new、triaged、planned、done、wontdo）。
        [bad_sentiment] “{ $value }”不是情绪：请用 positive、neutral 或 negative。
        [bad_period] “{ $value }”不是时间段：请写成 24h、7d、2w（最长一年）、昨天、上周、11/30 或 2026/11/30 这样。
        [future_period] 按本群的时区，“{ $value }”还没有开始。
        [unknown_author] 我不认识粉丝“{ $value }”：请用对方的 @用户名 或数字 ID。
        [text_too_long] 要查找的文字太长（最多 { $value } 个字符）。
        [too_long] 太长了（最多 { $value } 个字符）。
        [repeated] “{ $value }”重复了已经给出的筛选条件。
        [expired] 这一页收件箱已过期：请重新发送 /inbox。
       *[unknown_query] 这一页收件箱已不属于这个群：请重新发送 /inbox。
    }

export-usage = 用法：/export csv 或 /export json，后接收件箱的筛选条件（例如 /export csv #bug 7d）。
export-private-only = 导出文件只发到个人私聊：请以自己的身份发送 /export，或在与我的私聊中发送。
export-start-me = 我还不能给你发消息：请打开与我的私聊，点“开始”，然后再发送 /export。
export-sent-privately = 已在私聊中把导出文件（{ $count } 条）发给你。
export-progress = 正在导出……已写入 { $count } 条。
export-caption = { $title } 的反馈：{ $count } 条（{ $format }）。
export-column-chat_id = 群 ID
export-column-chat_title = 群
export-column-message_id = 消息 ID
export-column-link = 链接
export-column-created_at = 发送时间
export-column-author_name = 作者
export-column-author_id = 作者 ID
export-column-text = 内容
export-column-tags = 标签
export-column-sentiment = 情绪
export-column-status = 状态
export-column-duplicate_of = 重复于
export-column-edited = 已编辑
