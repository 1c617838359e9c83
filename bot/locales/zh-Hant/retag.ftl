## 重新標記：把新建或修改的標籤套用到已存的留言。

retag-offer-apply = 套用到已存的留言
retag-offer-skip = 只標記新留言
retag-skipped = 只會標記新的留言。
retag-started = 正在標記已存的留言，進度顯示在這則訊息裡。
retag-running = 已經在標記已存的留言了。
retag-unknown = 這個提議已失效：再修改一次標籤即可重新取得。
retag-subject = { $every ->
        [1] 所有標籤
       *[0] <b>#{ $tag }</b>
    }
retag-progress = 正在用 { retag-subject } 標記已存的留言：已讀 { $scanned }/{ $total }，已標記 { $tagged } 則。
retag-done = { retag-subject } 已套用到歷史留言：標記了 { $tagged } 則{ $untagged ->
        [0] {""}
       *[other] ，取消 { $untagged } 則
    }（共讀 { $scanned } 則）。
retag-failed = 用 { retag-subject } 標記已存留言在讀到 { $scanned }/{ $total } 時中止：已標記 { $tagged } 則。請稍後再修改一次標籤重試。
