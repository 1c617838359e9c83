## 收件箱每條反饋下：自動判定的情緒和標籤的依據。

evidence-line = ↳ 依據：{ $decisions }
evidence-sentiment = { $sentiment ->
        [positive] 正面
       *[negative] 負面
    }：{ $words }
evidence-tag = { $tag }：{ $words }
evidence-joiner = 、
