## 收件箱每条反馈下：自动判定的情绪和标签的依据。

evidence-line = ↳ 依据：{ $decisions }
evidence-sentiment = { $sentiment ->
        [positive] 正面
       *[negative] 负面
    }：{ $words }
evidence-tag = { $tag }：{ $words }
evidence-joiner = 、
