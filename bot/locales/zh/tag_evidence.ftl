## 收件箱每条反馈下：自动判定的情绪和标签的依据。

evidence-line = ↳ 依据：{ $decisions }
evidence-sentiment = { $sentiment ->
        [positive] 正面
       *[negative] 负面
    }：{ $words }
evidence-tag = { $tag }：{ $words }
evidence-joiner = 、

## 从运营者的纠正中学到的关键词：/tag_suggest 和日报里的一行。

menu-tag_suggest = 根据你手动打的标签推荐关键词，点一下即可添加
tag-suggest-title = <b>{ $title } 学到的关键词</b>，来自 { $labels } 次手动打标签或取消标签：
tag-suggest-none = 还没有推荐。请给打错标签的留言手动加上或去掉标签（/tag、/untag，或仪表盘里的收件箱）：某个词在至少两条中反复出现时，就会在这里推荐。
tag-suggest-line = • <b>{ $tag }</b> ← “{ $keyword }”：出现在你手动打标签的 { $support } 条留言中，其他留言 { $against } 条
tag-suggest-accept = ✅ { $tag }：{ $keyword }
tag-suggest-decline = ✖ 不要“{ $keyword }”
tag-suggest-decided = { $taken ->
        [true] 已把“{ $keyword }”加入 <b>{ $tag }</b>，只对本群生效。
       *[false] 以后不会再为 <b>{ $tag }</b> 推荐“{ $keyword }”。
    }
tag-suggest-gone = 这条推荐已失效：已有人处理过，或它依据的留言有了变化。
tag-suggest-apply = 要把新关键词应用到已存的留言吗？
digest-section-name-tag-learning = 从你的纠正中学习
tag-learning-digest = 可供学习的纠正 { $corrections } 次（手动打标签、取消标签和改状态）；{ $proposals ->
        [0] 没有待处理的关键词推荐。
       *[other] { $proposals } 条关键词推荐待处理：/tag_suggest
    }
