"""Bilingual sentiment lexicon: data only, compared after normalize().

Words are matched with the keyword rule (substring for CJK, whole ASCII words for English), and
overlaps are resolved leftmost-longest: 不错 is positive although it contains 错, and the neutral
你好 (hello) shields its 好. English inflections are listed, not derived. An apostrophe in an
entry also matches the typographic one (’), see Tagger.build.
"""

from __future__ import annotations


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


POSITIVE_EN = _words(
    """
    good great awesome amazing excellent fantastic wonderful brilliant perfect beautiful lovely
    nice cool best better love loved loves loving lovin like liked likes enjoy enjoyed enjoying
    enjoyable fun funny hilarious lol lmao haha hahaha interesting impressive impressed
    incredible outstanding superb epic legendary masterpiece gorgeous cute adorable sweet
    helpful useful informative inspiring inspired inspiration creative talented genius
    smart clever clear wholesome underrated favorite favourite fav fave goat thanks thank
    thx appreciate appreciated grateful glad happy excited exciting congrats congratulations
    well-done bravo wow yay recommend recommended satisfying relaxing chill fire lit dope
    solid neat fabulous stunning flawless top-notch must-watch addictive entertaining
    catchy smooth crisp pleasant delightful respect kudos proud support supported
    """
)

POSITIVE_EN_SUBJECT_LIKE = frozenset(
    ("i like", "we like", "i really like", "really like", "i like this", "i do like", "i liked")
    + ("i still like", "i also like", "we really like", "you'll like", "everyone likes")
)

NEGATIVE_EN_PHRASES = frozenset(
    ("was better", "were better", "not anymore", "no longer", "fell off", "went downhill")
    + ("waste of time", "not worth", "too slow", "so slow")
)

NEGATIVE_EN = _words(
    """
    bad terrible awful horrible worst worse poor boring bored dull lame cringe cringy cringey
    hate hated hates hating dislike disliked annoying annoyed annoys irritating frustrating
    frustrated disappointing disappointed disappointment useless pointless waste wasted
    trash garbage rubbish sucks sucked stupid dumb ugly mess messy broken laggy slow
    clickbait misleading fake scam spam overrated unwatchable unbearable painful sad
    angry mad upset confusing confused unclear wrong problem problems
    sloppy lazy repetitive redundant meh ugh yikes disgusting gross offensive rude toxic
    unfair ridiculous nonsense wtf worthless mediocre bland noisy blurry pixelated loud
    unsubscribe unsubscribed unfollow unfollowed
    """
)

POSITIVE_ZH = _words(
    """
    好 好看 好听 好玩 好笑 好棒 好喜欢 好有趣 好用 太好了 真好 很好 挺好 不错 很棒 真棒 太棒
    棒 赞 点赞 好评 五星 喜欢 爱了 爱死 超爱 热爱 支持 加油 感谢 谢谢 多谢 感恩 厉害 牛 牛逼
    牛批 给力 优秀 完美 精彩 精致 漂亮 可爱 有趣 有意思 有用 实用 干货 涨知识 学到了 受益
    惊艳 震撼 感动 治愈 温暖 舒服 开心 快乐 高兴 满意 推荐 必看 良心 用心 走心 专业 清晰
    流畅 顺畅 绝了 神作 佳作 宝藏 yyds 666 哈哈 哈哈哈 笑死 上头 过瘾 爽 期待 美丽 好美
    太美 太强了 好强 很强 封神 一绝 出彩 到位 细致 真诚 靠谱 稳 佩服 崇拜 惊喜 值得
    没毛病 没问题 三连 一键三连 催更 好样的 无敌 绝美 高级 有品 养眼 入坑 路转粉 圈粉
    好吃 美味 帅 好帅 太帅 别致 妙啊 绝绝子 好家伙
    """
)

NEGATIVE_ZH = _words(
    """
    差 很差 太差 差评 垃圾 辣鸡 烂 很烂 无聊 没意思 没劲 难看 难听 难受 恶心 讨厌 烦 好烦
    厌烦 失望 太失望 遗憾 可惜 糟糕 糟透 差劲 敷衍 注水 太水 拖沓 啰嗦 尴尬 骗人 骗子 坑人
    割韭菜 广告太多 标题党 取关 掉粉 脱粉 劝退 吐槽 无语 离谱 气死 生气 愤怒 崩溃 闪退 卡顿
    太卡 很卡 好卡 卡死 严重 模糊 噪音 太吵 错 错误 出错 报错 毛病 有问题 出问题 不行 别扭 混乱
    太乱 看不懂 听不清 没用 没品 辣眼睛 油腻 做作 抄袭 搬运 洗稿 下头 翻车 烂尾 鸽了 拉胯
    拉垮 一般般 凑合 踩雷 避雷 智商税 差点意思 好无聊 太无聊 好难看 好差 好失望 好尴尬 好恶心
    好讨厌 好难受
    慢 太慢 好慢 很慢 凉了 凉凉 要凉 难吃 伤心 好伤心 难过 心累 太拉 好拉 真拉 太菜 好菜 失败
    累 好累 后悔 不值 退钱 坑 太贵 可怕 痛苦 寒心 差不多得了 看吐了 没救了 白瞎
    """
)

POSITIVE_EMOJI = _words("👍 👏 ❤ 😍 🥰 😊 😁 😄 😀 🤩 🔥 💯 🎉 💪 🙏 ✨ 😂 🤣 💖 💕 ♥")
NEGATIVE_EMOJI = _words("👎 😡 😠 🤬 💩 🤮 🤢 😒 🙄 😤 😞 😢 😭 💔")

# Platform emotes as the apps insert them (Bilibili, Weibo, Douyin): a fan's tone is often only
# there. [doge] and [滑稽] mark a tease: counted as positive they soften a mock complaint
# ("太菜了[doge]") to neutral instead of leaving it negative.
POSITIVE_EMOTES = _words(
    """
    [doge] [滑稽] [笑哭] [支持] [打call] [妙啊] [星星眼] [喜欢] [爱心] [点赞] [赞] [鼓掌] [ok]
    [哈哈] [偷笑] [呲牙] [给心心] [脱单doge] [耶] [胜利] [加油] [酷] [666] [喜极而泣] [干杯]
    [憨笑] [可爱] [亲亲] [害羞] [嘻嘻] [爱你] [good] [强] [给力] [棒] [大笑]
    """
)
NEGATIVE_EMOTES = _words(
    """
    [大哭] [哭泣] [生气] [怒] [吐] [抓狂] [无语] [委屈] [难过] [泪] [嫌弃] [晕] [衰] [鄙视]
    [辣眼睛] [伤心] [失望] [抠鼻] [翻白眼] [呕吐] [怒火] [弱] [拜拜] [哼] [黑线] [流泪]
    """
)
# Emotes that say something but not a polarity; listed so the words inside them count as nothing.
NEUTRAL_EMOTES = _words("[吃瓜] [思考] [疑惑] [捂脸] [微笑] [惊讶] [灵魂出窍] [歪嘴] [傲娇] [囧]")

POSITIVE = POSITIVE_EN | POSITIVE_EN_SUBJECT_LIKE | POSITIVE_ZH | POSITIVE_EMOJI | POSITIVE_EMOTES
NEGATIVE = NEGATIVE_EN | NEGATIVE_EN_PHRASES | NEGATIVE_ZH | NEGATIVE_EMOJI | NEGATIVE_EMOTES

# A negator directly before a sentiment word flips it: "not good", "不好看", "没意思" is listed.
NEGATORS = _words(
    """
    not no never neither nor hardly barely isn't aren't wasn't weren't don't doesn't didn't
    won't wouldn't can't cannot couldn't shouldn't ain't isnt arent wasnt dont doesnt didnt
    wont cant couldnt shouldnt nothing
    不 没 没有 别 未 无 非 并不 并没有 从不 从没 毫不 一点也不 一点都不 不太 不怎么 不够 不算 不是
    """
)

# Between a negator and its word only these may stand: "not very good", "不是很好", "不太好".
INTENSIFIERS = _words(
    """
    very so too really that quite particularly especially super overly
    很 太 那么 这么 怎么 是很 算 够 大 特别 非常 十分 咋 是
    """
)

# Common words that contain a sentiment word without carrying its sentiment: the longer match wins
# and counts as nothing.
NEUTRAL_ZH = _words(
    """
    你好 您好 大家好 好的 好吧 好像 好多 好几 好久 只好 好奇 好在 好些 正好 刚好 最好 还好
    不好意思 不一定 难道 难怪 牛奶 牛肉 赞助 错过 不管 没事 无论 不然 要不 是不是 好不容易
    好不好 特别 区别 别人 别的 分别 告别 级别 类别 性别 差别 识别 个别 辨别 鉴别 离别 派别 别墅 别说
    非常 未来 未必 蒙牛 牛仔 牛排 蜗牛 吹牛 黄牛 慢慢 慢动作 慢镜头 无所谓 不知道 没想到 累计 积累
    """
)
# "like" is a verb of praise only after its subject ("I like it"), a preposition otherwise
# ("videos like this"); the subject forms are positive words, the rest shield it. Likewise
# "know how to" is no question and "a plane crash" no bug: the longer phrase wins and counts as
# nothing, for sentiment and for tag keywords inside it.
NEUTRAL_EN = frozenset(
    ("looks like", "look like", "feels like", "feel like", "would like", "seems like", "just like")
    + ("sounds like", "no one", "not only", "i'd like", "i would like", "like this", "like that")
    + ("like a", "like an", "like the", "like him", "like her", "like me", "like you", "like when")
    + ("like how", "like what", "like it's", "like i", "like we", "like they", "like these")
    + ("like those", "something like", "anything like", "stuff like", "things like")
    + ("know how to", "knows how to", "knew how to", "learn how to", "learned how to")
    + ("learnt how to", "see how to", "figured out how to", "showed us how to")
    + ("plane crash", "car crash", "crash course", "market crash", "crash landing")
    + ("train crash", "bike crash", "crash test", "crash out", "sugar crash")
)
NEUTRAL = NEUTRAL_ZH | NEUTRAL_EN | NEUTRAL_EMOTES

# Words that turn the sentence: what follows weighs double ("I love the app but the update is
# horrible" is negative). A later turn weighs double again.
CONTRASTS = _words(
    """
    but however though although yet
    但 但是 可是 不过 然而 只是 可惜的是 就是有点
    """
)

# A praise put in the past is a complaint about now: "used to be the best", "以前很好看".
PAST_MARKERS = frozenset(
    ("used to", "used to be", "back when", "以前", "曾经", "当年", "从前", "过去")
)
