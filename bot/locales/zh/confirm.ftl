## 破坏性操作：先用“是/否”确认，执行后 10 分钟内可撤销。

confirm-yes = ✅ 是
confirm-no = ✖ 否
confirm-undo = ↩ 撤销
confirm-tag-delete = { $builtin ->
        [yes] 要从 { $title } 删除 fanpulse 的内置标签<b>{ $tag }</b>吗？
       *[other] 要从 { $title } 删除标签 <b>#{ $tag }</b> 吗？
    }{ $count ->
        [0] 没有已存评论带有它。
       *[other] 有 { $count } 条已存评论带有它，将失去这个标签。
    }
confirm-tag-rename = { $builtin ->
        [yes] 要把 fanpulse 的内置标签<b>{ $old }</b>改名为 <b>#{ $new }</b> 吗？
       *[other] 要把标签 <b>#{ $old }</b> 改名为 <b>#{ $new }</b> 吗？
    }已打标签的评论会跟随新名字。
confirm-revoke = 要收回 <b>{ $name }</b> 在 <b>{ $title }</b> 的{ $role ->
        [analyst] 分析员
       *[operator] 运营
    }角色吗？
confirm-retention = 要让 <b>{ $title }</b> 的评论文字只保留 { $days } 天吗？有 { $count } 条已存评论的文字更早，将在下一次夜间清理（UTC 03:00）时删除。
confirm-done = { $kind ->
        [tag-delete] 已删除标签<b>{ $tag }</b>；{ $count } 条评论失去了它。
        [tag-rename] 已把标签<b>{ $old }</b>改名为 <b>#{ $new }</b>；已打标签的评论跟随新名字。
        [role-revoke] <b>{ $name }</b> 在 <b>{ $title }</b> 已没有 fanpulse 角色。
       *[retention] 超过 { $days } 天的评论文字将在下一次夜间清理（UTC 03:00）时删除。
    }
confirm-undo-offer = { $kind ->
        [retention] 10 分钟内可以撤销，但只能在清理运行之前：清理后文字就没有了。
       *[other] 10 分钟内可以撤销。
    }
confirm-declined = 没有做任何更改。
confirm-undone = ↩ 已撤销：{ $kind ->
        [tag-delete] 标签<b>{ $tag }</b>回来了，也回到了原来带有它的评论上。
        [tag-rename] 标签又叫<b>{ $old }</b>了。
        [role-revoke] <b>{ $name }</b> 重新拥有在 <b>{ $title }</b> 的角色。
       *[retention] 保留期恢复原样；没有删除任何文字。
    }
confirm-expired = 这个问题已在 10 分钟后过期，没有做任何更改。如仍需要，请重新发送命令。
undo-expired = 撤销已过期：只能在操作后 10 分钟内撤销，现在已经超过了。
confirm-settled = 这个已经回答过了。
confirm-tag-gone = 标签 #{ $tag } 已不存在：没有做任何更改。
undo-tag-taken = 又有一个叫 #{ $tag } 的标签了，所以被删除的标签无法恢复。请先改名或删除新的那个。
undo-tag-changed = 标签 #{ $tag } 之后又被修改过，所以无法撤销改名。请用 /tag_rename 改回去。
undo-role-taken = { $who } 已重新拥有角色（之后有人授予了）：无需撤销。
undo-purged = 夜间清理已经运行：超过 { $days } 天的文字已删除，无法恢复。可以用 /retention 为今后存储的内容设置更长的保留期。
confirm-video-again = { $code } 已经在{ $channel ->
        [yes] 频道
       *[other] 群里
    }宣布过了。要再发一次吗？
undo-tag-full = 本群又有 { $limit } 个标签了，已达上限，所以 #{ $tag } 无法恢复。请先删除一个。
