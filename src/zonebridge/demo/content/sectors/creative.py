"""Digital media and the creative industries: games, animation and film, design, tech media."""

from zonebridge.demo.content.material import SectorMaterial, SubSector
from zonebridge.demo.content.phrases import Phrase as P
from zonebridge.demo.content.phrases import Proof, Trade

SECTOR = SectorMaterial(
    slug="digital-media-creative",
    name=P("Digital Media & Creative", "数字文创", "數碼創意"),
    topic=P("digital media and the creative industries", "数字文化创意", "數碼創意產業"),
    weight_hk=9,
    weight_sh=4,
    trades=(
        Trade(P("Digital Media", "数字传媒", "數碼媒體")),
        Trade(P("Creative", "文化创意", "創意")),
        Trade(P("Studios", "影视", "影視")),
    ),
    customers=(
        P("brands and agencies", "品牌方与广告代理", "品牌及廣告代理"),
        P("game publishers", "游戏发行商", "遊戲發行商"),
        P("streaming platforms", "视频平台", "串流平台"),
        P("museums and cultural venues", "博物馆与文化场馆", "博物館及文化場地"),
        P("education publishers", "教育出版社", "教育出版社"),
    ),
    subsectors=(
        SubSector(
            slug="games-esports",
            name=P("Games & Esports", "游戏与电竞", "遊戲及電競"),
            products=(
                P("mobile strategy games", "移动策略游戏", "手機策略遊戲"),
                P("esports tournament operations", "电竞赛事运营", "電競賽事營運"),
                P("game localisation services", "游戏本地化服务", "遊戲本地化服務"),
            ),
            technologies=(
                P("real-time multiplayer networking", "实时多人联网技术", "實時多人連線技術"),
                P("procedural content generation", "程序化内容生成", "程序化內容生成"),
            ),
        ),
        SubSector(
            slug="animation-film-vfx",
            name=P("Animation, Film & VFX", "动画影视与视效", "動畫、電影及視覺特效"),
            products=(
                P("animated series for children", "少儿动画剧集", "兒童動畫劇集"),
                P("virtual production services", "虚拟拍摄服务", "虛擬製作服務"),
                P("visual effects for streaming dramas", "网剧视效制作", "網劇視覺特效"),
            ),
            technologies=(
                P("real-time rendering on game engines", "游戏引擎实时渲染", "遊戲引擎實時渲染"),
                P("motion capture", "动作捕捉", "動作捕捉"),
            ),
        ),
        SubSector(
            slug="design",
            name=P("Design", "设计", "設計"),
            products=(
                P("brand identity design", "品牌视觉设计", "品牌形象設計"),
                P("user-experience design for apps", "应用用户体验设计", "應用程式用戶體驗設計"),
                P("exhibition and spatial design", "展览与空间设计", "展覽及空間設計"),
            ),
            technologies=(
                P("generative design tools", "生成式设计工具", "生成式設計工具"),
                P("design research methods", "设计研究方法", "設計研究方法"),
            ),
        ),
        SubSector(
            slug="tech-media-content",
            name=P("Tech Media & Content", "科技媒体与内容", "科技媒體及內容"),
            products=(
                P("start-up news", "创业新闻报道", "初創新聞報道"),
                P("industry research reports", "行业研究报告", "行業研究報告"),
                P("video podcasts on innovation", "创新主题视频播客", "創新主題影片播客"),
            ),
            technologies=(
                P("data journalism", "数据新闻", "數據新聞"),
                P("multilingual content production", "多语种内容制作", "多語言內容製作"),
            ),
        ),
    ),
    proofs=(
        Proof(P("Its work has reached more than {count} million viewers and players.",
                "作品累计触达用户超过{count}00万。",
                "作品累計接觸逾{count}00萬名觀眾及玩家。"), 1, 80),
        Proof(P("{short} has produced work for {count} clients, including {customer}.",
                "{short}已为{count}家客户完成作品，其中包括{customer}。",
                "{short}已為{count}個客戶完成作品，當中包括{customer}。"), 15, 200),
        Proof(P("Its work has won {count} industry awards.",
                "作品曾获{count}项行业奖项。",
                "作品曾獲{count}個業界獎項。"), 2, 20),
    ),
    pilots=(
        P("immersive exhibitions at the Dishui Lake cultural venues", "滴水湖文化场馆沉浸式展览",
          "滴水湖文化場館的沉浸式展覽"),
        P("a virtual production stage in Lingang", "临港虚拟拍摄棚", "臨港虛擬製作影棚"),
    ),
)
