## 反馈：标签、主动反馈、分拣、收件箱、导出、粉丝数据、历史导入。

menu-tags = 本群的反馈标签和关键词
menu-tag_new = 新建标签：/tag_new 名称 关键词, 关键词, #话题
menu-tag_rename = 重命名标签：/tag_rename 旧名 新名
menu-tag_delete = 删除标签：/tag_delete 名称
menu-tag_add = 给标签加关键词：/tag_add 名称 关键词, #话题
menu-tag_remove = 从标签删关键词：/tag_remove 名称 关键词

tag-name = { $tag ->
        [suggestion] 建议
        [bug] 问题
        [praise] 好评
        [complaint] 吐槽
        [question] 提问
        [topic_idea] 选题
        [update_request] 催更
        [collab] 合作
        [spam] 广告
       *[other] { $tag }
    }

tags-title = <b>{ $title } 的反馈标签</b>（{ $count } 个）
tags-label = { $tag }（{ $key }）
tags-did-you-mean = 你是不是想写 <b>#{ $tag }</b>？
tags-line = • <b>#{ $tag }</b>：{ $terms }{ $more ->
        [0] {""}
       *[other] （另有 { $more } 个）
    }
tags-empty = 还没有标签：用 /tag_new 名称 关键词, 关键词 新建。
tag-new-usage = 用法：/tag_new 名称 关键词, 关键词, #话题（只写名称时名称本身就是关键词）。
tag-rename-usage = 用法：/tag_rename 旧名 新名
tag-delete-usage = 用法：/tag_delete 名称
tag-add-usage = 用法：/tag_add 名称 关键词, 关键词, #话题
tag-remove-usage = 用法：/tag_remove 名称 关键词, #话题
tag-changed = { $action ->
        [tag-created] 已在 { $title } 新建标签 <b>#{ $tag }</b>。
        [tag-renamed] 标签已改名为 <b>#{ $tag }</b>，已打标的反馈随之更新。
        [tag-deleted] 标签 <b>#{ $tag }</b> 已删除，并已从反馈上移除。
        [tag-terms-added] 已给 <b>#{ $tag }</b> 添加关键词。
       *[other] 已从 <b>#{ $tag }</b> 删除关键词。
    }
tags-error = { $code ->
        [name_invalid] “{ $value }”不能作标签名：只能用字母、数字和 _，最多 32 个字符。
        [name_taken] 已经有标签 <b>#{ $value }</b> 了。
        [unknown_tag] 这里没有标签 <b>#{ $value }</b>：用 /tags 查看。
        [empty_term] 有关键词是空的：关键词用逗号分隔，不要留空。
        [term_too_long] “{ $value }”作关键词太长了（最多 64 个字符）。
        [hashtag_invalid] “{ $value }”不可能是话题标签：只能用字母、数字和 _。
        [too_many_tags] 每个群最多 { $value } 个标签。
        [too_many_terms] 每个标签最多 { $value } 个关键词和话题。
        [no_terms] 请至少写一个关键词。
        [term_absent] “{ $value }”不是这个标签的关键词。
       *[too_long] 内容太长了（最多 { $value } 个字符）。
    }

menu-feedback = 给创作者提反馈：/feedback 你的内容
menu-ask = 向粉丝提问，回复会被打标：/ask 标签 问题
menu-tag = （回复）给消息加标签：/tag 名称
menu-untag = （回复）去掉消息的标签：/untag 名称
menu-mark = （回复）设置状态：new、triaged、planned、done、wontdo
menu-dupe = （回复）标记为另一条消息的重复：/dupe 编号或链接

feedback-usage = 用法：/feedback 你的反馈（在群里，或在这里私聊发送）。
feedback-too-long = 内容太长了：最多 { $limit } 个字符。
feedback-not-a-person = 反馈需要以个人身份发送，不能以频道或群的身份发送。
feedback-no-group = 我还不知道你在哪个群：先在群里说句话，或直接在群里用 /feedback。
feedback-pick-group = 这条反馈是给哪个群的？
feedback-pick-stale = 这个选择已失效：请重新发送 /feedback。
feedback-thanks = 谢谢！你的反馈已送达创作者团队。
feedback-not-stored = 你要求我忘记你，所以我不保存你发送的任何内容。
ask-usage = 用法：/ask 标签 问题（例如 /ask topic_idea 下期视频拍什么？）
ask-question = ❓ { $question }
    <i>回复这条消息来回答。</i>
ask-posted = 问题已发到 { $title }；回复会打上 #{ $tag } 标签。
tag-reply-usage = 回复一条消息并发送 /tag 名称 来打标签。
untag-reply-usage = 回复一条消息并发送 /untag 名称 来去掉标签。
tag-manual-done = { $present ->
        [true] 已打上 <b>#{ $tag }</b>。
       *[false] 已去掉 <b>#{ $tag }</b>。
    }
mark-usage = 回复一条消息并发送 /mark 加状态：已分拣、已计划、已完成、不做（或 new、triaged、planned、done、wontdo）。
mark-bad-status = “{ $value }”不是状态：请用 新、已分拣、已计划、已完成、不做（或 new、triaged、planned、done、wontdo）。
mark-did-you-mean = 你是不是想发 { $suggestion }？
mark-done = 状态已设为：<b>{ $status ->
        [new] 新
        [triaged] 已分拣
        [planned] 已计划
        [done] 已完成
       *[wontdo] 不做
    }</b>。
dupe-usage = 回复一条消息并发送 /dupe 加它重复的那条消息的编号或链接。
dupe-itself = 消息不能和自己重复。
dupe-unknown = 本群没有编号为 { $original } 的消息。
dupe-done = 已标记为消息 { $original } 的重复。

## 内置标签的显示名称；输入时名称和键都可以。
tag-name-suggestion = 建议
tag-name-bug = 问题
tag-name-praise = 好评
tag-name-complaint = 抱怨
tag-name-question = 提问
tag-name-topic_idea = 选题
tag-name-update_request = 催更
tag-name-collab = 合作
tag-name-spam = 垃圾信息
