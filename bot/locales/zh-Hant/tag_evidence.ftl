## 收件箱每條反饋下：自動判定的情緒和標籤的依據。

evidence-line = ↳ 依據：{ $decisions }
evidence-sentiment = { $sentiment ->
        [positive] 正面
       *[negative] 負面
    }：{ $words }
evidence-tag = { $tag }：{ $words }
evidence-joiner = 、

## 從運營者的糾正中學到的關鍵詞：/tag_suggest 和日報裡的一行。

menu-tag_suggest = 根據你手動打的標籤推薦關鍵詞，點一下即可加入
tag-suggest-title = <b>{ $title } 學到的關鍵詞</b>，來自 { $labels } 次手動打標籤或取消標籤：
tag-suggest-none = 還沒有推薦。請給打錯標籤的留言手動加上或去掉標籤（/tag、/untag，或儀錶板裡的收件箱）：某個詞在至少兩則中反覆出現時，就會在這裡推薦。
tag-suggest-line = • <b>{ $tag }</b> ← 「{ $keyword }」：出現在你手動打標籤的 { $support } 則留言中，其他留言 { $against } 則
tag-suggest-accept = ✅ { $tag }：{ $keyword }
tag-suggest-decline = ✖ 不要「{ $keyword }」
tag-suggest-decided = { $taken ->
        [true] 已把「{ $keyword }」加入 <b>{ $tag }</b>，只對本群生效。
       *[false] 以後不會再為 <b>{ $tag }</b> 推薦「{ $keyword }」。
    }
tag-suggest-gone = 這則推薦已失效：已有人處理過，或它依據的留言有了變化。
tag-suggest-apply = 要把新關鍵詞套用到已存的留言嗎？
digest-section-name-tag-learning = 從你的糾正中學習
tag-learning-digest = 可供學習的糾正 { $corrections } 次（手動打標籤、取消標籤和改狀態）；{ $proposals ->
        [0] 沒有待處理的關鍵詞推薦。
       *[other] { $proposals } 則關鍵詞推薦待處理：/tag_suggest
    }
