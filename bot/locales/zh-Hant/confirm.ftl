## 破壞性操作：先用「是/否」確認，執行後 10 分鐘內可復原。

confirm-yes = ✅ 是
confirm-no = ✖ 否
confirm-undo = ↩ 復原
confirm-tag-delete = { $builtin ->
        [yes] 要從 { $title } 刪除 fanpulse 的內建標籤<b>{ $tag }</b>嗎？
       *[other] 要從 { $title } 刪除標籤 <b>#{ $tag }</b> 嗎？
    }{ $count ->
        [0] 沒有已存評論帶有它。
       *[other] 有 { $count } 則已存評論帶有它，將失去這個標籤。
    }
confirm-tag-rename = { $builtin ->
        [yes] 要把 fanpulse 的內建標籤<b>{ $old }</b>改名為 <b>#{ $new }</b> 嗎？
       *[other] 要把標籤 <b>#{ $old }</b> 改名為 <b>#{ $new }</b> 嗎？
    }已加標籤的評論會跟隨新名字。
confirm-revoke = 要收回 <b>{ $name }</b> 在 <b>{ $title }</b> 的{ $role ->
        [analyst] 分析員
       *[operator] 運營
    }角色嗎？
confirm-retention = 要讓 <b>{ $title }</b> 的評論文字只保留 { $days } 天嗎？有 { $count } 則已存評論的文字更早，將在下一次夜間清理（UTC 03:00）時刪除。
confirm-done = { $kind ->
        [tag-delete] 已刪除標籤<b>{ $tag }</b>；{ $count } 則評論失去了它。
        [tag-rename] 已把標籤<b>{ $old }</b>改名為 <b>#{ $new }</b>；已加標籤的評論跟隨新名字。
        [role-revoke] <b>{ $name }</b> 在 <b>{ $title }</b> 已沒有 fanpulse 角色。
       *[retention] 超過 { $days } 天的評論文字將在下一次夜間清理（UTC 03:00）時刪除。
    }
confirm-undo-offer = { $kind ->
        [retention] 10 分鐘內可以復原，但只能在清理執行之前：清理後文字就沒有了。
       *[other] 10 分鐘內可以復原。
    }
confirm-declined = 沒有做任何變更。
confirm-undone = ↩ 已復原：{ $kind ->
        [tag-delete] 標籤<b>{ $tag }</b>回來了，也回到了原本帶有它的評論上。
        [tag-rename] 標籤又叫<b>{ $old }</b>了。
        [role-revoke] <b>{ $name }</b> 重新擁有在 <b>{ $title }</b> 的角色。
       *[retention] 保留期恢復原樣；沒有刪除任何文字。
    }
confirm-expired = 這個問題已在 10 分鐘後過期，沒有做任何變更。如仍需要，請重新傳送指令。
undo-expired = 復原已過期：只能在操作後 10 分鐘內復原，現在已經超過了。
confirm-settled = 這個已經回答過了。
confirm-tag-gone = 標籤 #{ $tag } 已不存在：沒有做任何變更。
undo-tag-taken = 又有一個叫 #{ $tag } 的標籤了，所以被刪除的標籤無法恢復。請先改名或刪除新的那個。
undo-tag-changed = 標籤 #{ $tag } 之後又被修改過，所以無法復原改名。請用 /tag_rename 改回去。
undo-role-taken = { $who } 已重新擁有角色（之後有人授予了）：無需復原。
undo-purged = 夜間清理已經執行：超過 { $days } 天的文字已刪除，無法恢復。可以用 /retention 為今後儲存的內容設定更長的保留期。
confirm-video-again = { $code } 已經在{ $channel ->
        [yes] 頻道
       *[other] 群裡
    }宣佈過了。要再發一次嗎？
undo-tag-full = 本群又有 { $limit } 個標籤了，已達上限，所以 #{ $tag } 無法恢復。請先刪除一個。
