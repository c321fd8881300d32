"""Word lists that organisation names are composed from, and the places profiles mention.

Hong Kong start-ups usually pick an English brand first and a Chinese name that echoes its meaning
(Tidewave ↔ 潮浪); mainland companies pick a two-character Chinese name and often romanise it in pinyin
(芯伏 ↔ Xinfu). Both patterns are built here from pairs of morphemes.
"""

from zonebridge.demo.content.phrases import Local, Trade
from zonebridge.demo.content.phrases import Phrase as P

# English morpheme → Chinese character (Simplified, Traditional). "Tide" + "wave" → Tidewave / 潮浪.
BRAND_HEADS = (
    ("Tide", "潮", "潮"), ("Bright", "明", "明"), ("Cloud", "云", "雲"), ("Star", "星", "星"),
    ("Sky", "天", "天"), ("Peak", "峰", "峰"), ("Blue", "蓝", "藍"), ("Jade", "翠", "翠"),
    ("Nova", "新", "新"), ("Aero", "翔", "翔"), ("Deep", "深", "深"), ("Silver", "银", "銀"),
    ("Swift", "迅", "迅"), ("Lumi", "光", "光"), ("Pine", "松", "松"), ("Vast", "浩", "浩"),
    ("True", "真", "真"), ("Clear", "清", "清"), ("Maple", "枫", "楓"), ("Red", "红", "紅"),
    ("Iron", "铁", "鐵"), ("Bay", "湾", "灣"), ("Lion", "狮", "獅"), ("Dragon", "龙", "龍"),
    ("Phoenix", "凤", "鳳"), ("Crane", "鹤", "鶴"), ("Orchid", "兰", "蘭"), ("Bamboo", "竹", "竹"),
    ("Lotus", "莲", "蓮"), ("Polar", "极", "極"), ("Solar", "日", "日"), ("Lunar", "月", "月"),
    ("River", "川", "川"), ("Ocean", "洋", "洋"), ("Rain", "雨", "雨"), ("Snow", "雪", "雪"),
    ("Sun", "阳", "陽"), ("Spring", "泉", "泉"), ("Gold", "金", "金"), ("Crystal", "晶", "晶"),
    ("Orbit", "轨", "軌"), ("Wind", "风", "風"), ("Thunder", "雷", "雷"), ("Dawn", "曦", "曦"),
    ("North", "北", "北"), ("East", "东", "東"), ("Ever", "恒", "恒"), ("Grand", "宏", "宏"),
    ("Keen", "锐", "銳"), ("Wise", "睿", "睿"), ("Sino", "华", "華"), ("Prime", "元", "元"),
)
BRAND_TAILS = (
    ("wave", "浪", "浪"), ("volt", "伏", "伏"), ("path", "途", "途"), ("link", "联", "聯"),
    ("bridge", "桥", "橋"), ("mind", "思", "思"), ("field", "域", "域"), ("stone", "石", "石"),
    ("wing", "翼", "翼"), ("leaf", "叶", "葉"), ("scale", "衡", "衡"), ("forge", "铸", "鑄"),
    ("rise", "升", "升"), ("gate", "门", "門"), ("point", "点", "點"), ("sense", "感", "感"),
    ("flow", "流", "流"), ("works", "工", "工"), ("nest", "巢", "巢"), ("line", "线", "線"),
    ("tree", "树", "樹"), ("port", "港", "港"), ("shore", "岸", "岸"), ("core", "芯", "芯"),
    ("gen", "源", "源"), ("ray", "芒", "芒"), ("sail", "帆", "帆"), ("beam", "辉", "輝"),
    ("grid", "格", "格"), ("loop", "环", "環"), ("craft", "匠", "匠"), ("logic", "理", "理"),
    ("vista", "景", "景"), ("dock", "坞", "塢"), ("vale", "谷", "谷"), ("crest", "冠", "冠"),
    ("pulse", "脉", "脈"), ("mark", "标", "標"), ("stream", "溪", "溪"), ("loom", "织", "織"),
    ("bloom", "华", "華"), ("gear", "轮", "輪"), ("byte", "码", "碼"), ("ware", "器", "器"),
    ("lab", "研", "研"), ("bound", "界", "界"), ("way", "道", "道"), ("verse", "宇", "宇"),
    ("hive", "蜂", "蜂"), ("tek", "科", "科"), ("nova", "新", "新"), ("well", "泽", "澤"),
)

# Chinese character (Simplified, Traditional) with its pinyin: 芯 + 伏 → 芯伏 / Xinfu.
PINYIN_HEADS = (
    ("芯", "芯", "xin"), ("华", "華", "hua"), ("智", "智", "zhi"), ("睿", "睿", "rui"), ("澜", "瀾", "lan"),
    ("博", "博", "bo"), ("景", "景", "jing"), ("鼎", "鼎", "ding"), ("恒", "恒", "heng"), ("宇", "宇", "yu"),
    ("晟", "晟", "sheng"), ("昊", "昊", "hao"), ("启", "啟", "qi"), ("中", "中", "zhong"), ("海", "海", "hai"),
    ("凌", "凌", "ling"), ("天", "天", "tian"), ("浦", "浦", "pu"), ("东", "東", "dong"), ("卓", "卓", "zhuo"),
    ("森", "森", "sen"), ("源", "源", "yuan"), ("赛", "賽", "sai"), ("正", "正", "zheng"), ("嘉", "嘉", "jia"),
    ("润", "潤", "run"), ("和", "和", "he"), ("远", "遠", "yuan"), ("云", "雲", "yun"), ("星", "星", "xing"),
    ("驰", "馳", "chi"), ("捷", "捷", "jie"), ("微", "微", "wei"), ("泓", "泓", "hong"), ("朗", "朗", "lang"),
    ("金", "金", "jin"), ("万", "萬", "wan"), ("弘", "弘", "hong"), ("易", "易", "yi"), ("思", "思", "si"),
)
PINYIN_TAILS = (
    ("伏", "伏", "fu"), ("能", "能", "neng"), ("创", "創", "chuang"), ("通", "通", "tong"), ("达", "達", "da"),
    ("行", "行", "xing"), ("瑞", "瑞", "rui"), ("泰", "泰", "tai"), ("兴", "興", "xing"), ("联", "聯", "lian"),
    ("图", "圖", "tu"), ("新", "新", "xin"), ("航", "航", "hang"), ("峰", "峰", "feng"), ("策", "策", "ce"),
    ("象", "象", "xiang"), ("拓", "拓", "tuo"), ("科", "科", "ke"), ("晶", "晶", "jing"), ("澄", "澄", "cheng"),
    ("辰", "辰", "chen"), ("维", "維", "wei"), ("迈", "邁", "mai"), ("信", "信", "xin"), ("康", "康", "kang"),
    ("利", "利", "li"), ("禾", "禾", "he"), ("途", "途", "tu"), ("光", "光", "guang"), ("力", "力", "li"),
    ("衡", "衡", "heng"), ("驱", "驅", "qu"), ("芯", "芯", "xin"), ("程", "程", "cheng"), ("致", "致", "zhi"),
    ("为", "為", "wei"), ("凯", "凱", "kai"), ("纳", "納", "na"), ("泽", "澤", "ze"), ("鸿", "鴻", "hong"),
)

# Names of organisations that are not product companies: the trade for each kind, per zone.
INCUBATOR_TRADES_HK = (
    Trade(P("Accelerator", "加速器", "加速器")),
    Trade(P("Innovation Lab", "创新实验室", "創新實驗室")),
    Trade(P("Startup Studio", "创业工场", "創業工場")),
)
INCUBATOR_TRADES_SH = (
    Trade(P("Incubator Management", "孵化器管理", "孵化器管理"), short=P("Incubator", "孵化器", "孵化器")),
    Trade(P("Innovation Centre", "创新中心", "創新中心")),
)
INVESTOR_TRADES_HK = (
    Trade(P("Capital", "资本", "資本")),
    Trade(P("Ventures", "创投", "創投")),
    Trade(P("Investment", "投资", "投資")),
)
INVESTOR_TRADES_SH = (
    Trade(P("Venture Capital Management", "创业投资管理", "創業投資管理"), short=P("Capital", "资本", "資本")),
    Trade(P("Private Equity Fund Management", "私募基金管理", "私募基金管理"), short=P("Capital", "资本", "資本")),
)
MEDIA_TRADES_HK = (Trade(P("Media", "传媒", "傳媒")), Trade(P("Publishing", "出版", "出版")))
MEDIA_TRADES_SH = (Trade(P("Culture Media", "文化传媒", "文化傳媒"), short=P("Media", "传媒", "傳媒")),)

# Where in each zone an organisation is based.
PLACES_HK = (
    Local("Kwun Tong", "觀塘"), Local("Wong Chuk Hang", "黃竹坑"), Local("Sheung Wan", "上環"),
    Local("Sha Tin", "沙田"), Local("Tseung Kwan O", "將軍澳"), Local("Kowloon Bay", "九龍灣"),
    Local("Cheung Sha Wan", "長沙灣"), Local("Tsuen Wan", "荃灣"), Local("Kwai Chung", "葵涌"),
    Local("Wan Chai", "灣仔"), Local("Kai Tak", "啟德"),
)
PLACES_SH = (
    Local("Lingang", "临港新片区"), Local("Lingang", "临港"), Local("Lingang Science City", "临港科技城"),
    Local("the Dishui Lake area", "滴水湖畔"), Local("the Yangshan bonded zone", "洋山特殊综合保税区"),
    Local("the Lingang international innovation area", "临港国际创新协同区"),
)
# The home market a proof sentence refers to ("supplies EV makers in {market}").
MARKET_HK = Local("Hong Kong", "香港")
MARKET_SH = Local("the Yangtze River Delta", "长三角")
