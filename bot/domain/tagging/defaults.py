"""The tag set a new group starts with: a short-video fan community, English and Chinese.

Tag names are stable slugs (stored with comments, shown through the locale files); each works as a
hashtag too (#bug), next to the listed aliases (#问题). English keywords match whole words, so
inflections are listed ("bug", "bugs"); Chinese keywords match anywhere, in either script.
A question mark makes a question ("Is that Megan Fox?", NFKC folds the full-width one); a keyword
inside a longer neutral phrase of the lexicon, or right after a negator, gives no tag (Tagger.tag).
"""

from __future__ import annotations

from bot.domain.tagging.rule import TagRule

SUGGESTION = TagRule(
    tag="suggestion",
    keywords=(
        "suggest", "suggestion", "suggestions", "should add", "could add", "please add",
        "would be nice", "would be great", "feature request", "how about", "maybe try",
        "you should", "it'd be cool", "wish you", "idea:",
        "建议", "希望", "能不能加", "可以加", "要是能", "如果能", "最好能", "不如", "改进", "加个",
    ),
    hashtags=("建议", "suggest", "idea", "意见"),
)  # fmt: skip

BUG = TagRule(
    tag="bug",
    keywords=(
        "bug", "bugs", "buggy", "glitch", "glitches", "crash", "crashes", "crashed",
        "broken", "doesn't work", "does not work", "not working", "won't load", "can't play",
        "error", "errors", "out of sync", "no sound", "black screen", "freezes", "frozen",
        "有问题", "出问题", "故障", "闪退", "崩溃", "卡顿", "报错", "打不开", "加载不出",
        "黑屏", "没声音", "没有声音", "音画不同步", "不同步", "字幕错", "播放不了", "卡住",
    ),
    hashtags=("问题", "bug反馈", "故障"),
)  # fmt: skip

PRAISE = TagRule(
    tag="praise",
    keywords=(
        "love this", "love it", "loved it", "love your", "amazing", "awesome", "great video",
        "great job", "well done", "masterpiece", "best video", "so good", "favorite",
        "favourite", "thank you", "thanks for",
        "好评", "太好看", "好看", "太棒", "真棒", "喜欢", "支持", "点赞", "三连", "神作",
        "宝藏", "良心", "用心", "yyds", "绝了", "爱了", "感谢", "谢谢", "牛逼", "太牛",
    ),
    hashtags=("好评", "praise", "love"),
)  # fmt: skip

COMPLAINT = TagRule(
    tag="complaint",
    keywords=(
        "boring", "clickbait", "too many ads", "too long", "too short", "worst", "hate",
        "disappointed", "disappointing", "unsubscribe", "unsubscribed", "cringe", "waste of time",
        "吐槽", "无聊", "没意思", "失望", "标题党", "广告太多", "恰饭", "水视频", "太水",
        "取关", "敷衍", "拖沓", "烂", "垃圾", "离谱", "劝退", "差评",
    ),
    hashtags=("吐槽", "complaint", "rant"),
)  # fmt: skip

QUESTION = TagRule(
    tag="question",
    keywords=(
        "how do", "how to", "how did", "what is", "what's the", "which", "where can",
        "where did", "why does", "why is", "anyone know", "does anyone", "is there",
        "can you explain", "question", "?",
        "请问", "怎么", "如何", "为什么", "为啥", "是什么", "哪里", "哪个", "在哪",
        "有没有", "能不能", "求问", "求教", "求链接", "什么软件",
    ),
    hashtags=("提问", "question", "ask", "问"),
)  # fmt: skip

TOPIC_IDEA = TagRule(
    tag="topic_idea",
    keywords=(
        "next video", "make a video", "do a video", "video about", "video on", "you should cover",
        "please cover", "part 2", "part two", "react to", "try making", "challenge idea",
        "选题", "下期", "下一期", "出一期", "做一期", "拍一期", "出个", "做个", "求出",
        "想看", "希望出", "第二期", "续集", "安排一下", "蹲一个",
    ),
    hashtags=("选题", "topic", "下期"),
)  # fmt: skip

UPDATE_REQUEST = TagRule(
    tag="update_request",
    keywords=(
        "when is the next", "when's the next", "upload more", "post more", "new video when",
        "waiting for the next", "we need more",
        "催更", "更新", "什么时候更", "快更", "等更", "求更", "断更", "多更",
    ),
    hashtags=("催更", "update"),
)  # fmt: skip

COLLAB = TagRule(
    tag="collab",
    keywords=(
        "collab", "collaboration", "sponsor", "sponsorship", "business inquiry",
        "partnership", "brand deal",
        "合作", "商务", "商单", "联动", "赞助", "推广", "投放",
    ),
    hashtags=("合作", "collab", "商务"),
)  # fmt: skip

SPAM = TagRule(
    tag="spam",
    keywords=(
        "free followers", "check my channel", "sub4sub", "follow for follow", "crypto",
        "earn money", "dm me", "click the link", "telegram me",
        "加微信", "加v", "加我", "私聊我", "兼职", "刷粉", "免费领", "日赚", "引流", "代理",
    ),
    hashtags=("广告", "spam"),
)  # fmt: skip

DEFAULT_RULES: tuple[TagRule, ...] = (
    SUGGESTION,
    BUG,
    PRAISE,
    COMPLAINT,
    QUESTION,
    TOPIC_IDEA,
    UPDATE_REQUEST,
    COLLAB,
    SPAM,
)
