## 重新标记：把新建或修改的标签应用到已存的留言。

retag-offer-apply = 应用到已存的留言
retag-offer-skip = 只标记新留言
retag-skipped = 只会标记新的留言。
retag-started = 正在标记已存的留言，进度显示在这条消息里。
retag-running = 已经在标记已存的留言了。
retag-unknown = 这个提议已失效：再修改一次标签即可重新获得。
retag-subject = { $every ->
        [1] 所有标签
       *[0] <b>#{ $tag }</b>
    }
retag-progress = 正在用 { retag-subject } 标记已存的留言：已读 { $scanned }/{ $total }，已标记 { $tagged } 条。
retag-done = { retag-subject } 已应用到历史留言：标记了 { $tagged } 条{ $untagged ->
        [0] {""}
       *[other] ，取消 { $untagged } 条
    }（共读 { $scanned } 条）。
retag-failed = 用 { retag-subject } 标记已存留言在读到 { $scanned }/{ $total } 时中止：已标记 { $tagged } 条。请稍后再修改一次标签重试。
