"""Demo texts of bulletins: (English, the zone's own Chinese) title, summary and text, and what each is for."""

from dataclasses import dataclass


@dataclass(frozen=True)
class BulletinDraft:
    side: str  # the publishing zone: "sh" writes Simplified, "hk" Traditional
    topic: str
    title: tuple[str, str]
    summary: tuple[str, str]
    body: tuple[str, str]
    days_ago: int = 1  # negative: scheduled in the future
    expires_in_days: int | None = None  # negative: already expired
    pinned: bool = False
    draft: bool = False
    zones: tuple[str, ...] = ()  # "sh", "hk"
    kinds: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    top_sector: bool = False  # aimed at the first top-level sector


BULLETINS = (
    BulletinDraft("sh", "policy", ("Lingang eases cross-border data flows for partner-zone companies",
                                   "临港新片区出台跨境数据流动便利化措施"),
                  ("A list of data that can leave without a security assessment.", "明确无需安全评估即可出境的数据清单。"),
                  ("From next month, companies registered in the special area can send listed categories of "
                   "business data to Hong Kong partners without a separate security assessment.",
                   "自下月起，在新片区注册的企业向香港合作伙伴提供清单内的业务数据，无需另行申报安全评估。"),
                  days_ago=3, pinned=True),
    BulletinDraft("sh", "call", ("Lingang–Hong Kong landing programme 2027 opens for applications",
                                 "2027年临港—香港初创企业落地计划开始申请"),
                  ("Free desks for six months, company registration and a demo-day slot.",
                   "六个月免费工位、企业注册协助及路演日名额。"),
                  ("Hong Kong start-ups with a product in market can apply until the end of next month. Selected "
                   "teams get desks, registration support and introductions to Lingang buyers.",
                   "已有上市产品的香港初创企业可于下月底前申请。入选团队将获得工位、注册协助及临港买家对接。"),
                  days_ago=1, zones=("hk",), kinds=("startup",)),
    BulletinDraft("sh", "event", ("Yangtze River Delta new-energy matchmaking day", "长三角新能源产业对接会"),
                  ("Meet battery and charging buyers from 40 companies.", "与40家电池和充电企业的采购方面对面。"),
                  ("A day of pre-scheduled meetings between suppliers and buyers, with site visits to two plants.",
                   "供需双方预约洽谈一整天，并参观两家工厂。"), days_ago=5, top_sector=True),
    BulletinDraft("sh", "news", ("Lingang opens its second international talent apartment block",
                                 "临港第二座国际人才公寓启用"),
                  ("300 furnished flats for landing teams.", "为落地团队提供300套精装公寓。"),
                  ("Teams from partner zones may apply through the talent service.", "伙伴园区团队可通过人才服务申请。"),
                  days_ago=-3),
    BulletinDraft("sh", "event", ("Spring trade fair (past)", "春季交易会（已结束）"),
                  ("Thank you to the 120 exhibitors.", "感谢120家参展企业。"),
                  ("Photos and the list of deals are on the fair's page.", "照片及签约清单见交易会页面。"),
                  days_ago=20, expires_in_days=-5),
    BulletinDraft("sh", "news", ("Draft: quarterly landing figures", "草稿：季度落地数据"),
                  ("Not yet published.", "尚未发布。"), ("Figures to be confirmed.", "数据待确认。"), draft=True),
    BulletinDraft("hk", "news", ("Harbour hub's third accelerator cohort graduates", "海港創新中心第三期加速計劃結業"),
                  ("Twelve start-ups, four of them now in Lingang.", "十二間初創企業結業，其中四間已落戶臨港。"),
                  ("The cohort raised a combined USD 18 million and signed five pilots with mainland companies.",
                   "該期企業合共籌集1,800萬美元，並與內地企業簽訂五個試點項目。"), days_ago=2),
    BulletinDraft("hk", "policy", ("Updated technology talent admission scheme", "科技人才入境計劃更新"),
                  ("Faster quotas for start-ups in recognised hubs.", "認可園區的初創企業可更快獲得配額。"),
                  ("Organisation admins can now file quota applications online through the hub.",
                   "機構管理員現可透過中心於網上遞交配額申請。"), days_ago=4, roles=("org_admin",)),
    BulletinDraft("hk", "event", ("Cross-border fintech matchmaking day", "跨境金融科技配對日"),
                  ("For Lingang companies looking for Hong Kong payment partners.", "為尋找香港支付夥伴的臨港企業而設。"),
                  ("Pre-booked meetings with twenty Hong Kong fintech start-ups, followed by a reception.",
                   "與二十間香港金融科技初創企業預約會面，會後設酒會。"),
                  days_ago=6, zones=("sh",), kinds=("company",)),
)

SUBSCRIPTIONS = {"orgadmin": ("news", "call", "event"), "member": ("call",), "orgadmin-sh": ("event", "policy"),
                 "operator-hk": ("policy",)}
