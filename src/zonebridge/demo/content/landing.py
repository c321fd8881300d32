"""Demo texts of soft landing: each zone's service catalogue, what start-ups ask for, and calls for pilots.

Lingang writes Chinese in Simplified, the Hong Kong hub in Traditional; the other script is converted by the
same `apply_texts` the services use. English is written by hand.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class ServiceDraft:
    """One catalogue service: (English, the zone's own Chinese) for name, description and eligibility."""

    category: str
    slug: str
    name: tuple[str, str]
    description: tuple[str, str]
    eligibility: tuple[str, str]
    sla_days: int
    capacity: int | None = None
    partner_only: bool = True
    kinds: str = "startup,company"
    provided: bool = False  # delivered by a service-provider organisation of the zone


LINGANG_SERVICES = (
    ServiceDraft("space", "lingang-desks", ("Desks at the Lingang landing pad", "临港落地空间开放工位"),
                 ("Fixed desks in the Dishui Lake innovation building, with meeting rooms and a registered address.",
                  "滴水湖科创大楼固定工位，含会议室和注册地址。"),
                 ("Hong Kong start-ups and companies entering the mainland", "进入内地市场的香港初创企业和公司"),
                 sla_days=5, capacity=40),
    ServiceDraft("space", "lingang-offices", ("Private offices for landing teams", "落地团队独立办公室"),
                 ("Furnished offices for teams of four to ten, by the month.", "可容纳四至十人的精装办公室，按月租用。"),
                 ("Hong Kong companies with a team on site", "有团队常驻的香港企业"), sla_days=10, capacity=6),
    ServiceDraft("media", "lingang-media", ("Media exposure and demo-day slots", "媒体曝光与路演日"),
                 ("A press release through the zone's channels, a showcase stand, or a slot at the monthly demo day.",
                  "通过园区渠道发布新闻稿、展示展位或每月路演日名额。"),
                 ("Start-ups from partner zones", "伙伴园区的初创企业"), sla_days=10),
    ServiceDraft("registration", "lingang-registration", ("Company registration", "企业注册登记"),
                 ("Name check, business licence and bank-account preparation for a wholly foreign-owned enterprise.",
                  "外商独资企业的名称核准、营业执照办理及银行开户准备。"),
                 ("Companies from partner zones setting up in Lingang", "在临港设立主体的伙伴园区企业"),
                 sla_days=15, provided=True),
    ServiceDraft("legal_tax", "lingang-legal-tax", ("Legal and tax clinic", "法律与税务咨询"),
                 ("An hour with a lawyer and a tax adviser on contracts, data export and the preferential tax regime.",
                  "律师与税务顾问一小时咨询：合同、数据出境和优惠税收政策。"),
                 ("Every organisation", "所有机构"), sla_days=5, partner_only=False, kinds="", provided=True),
    ServiceDraft("banking", "lingang-banking", ("Cross-border banking", "跨境金融服务"),
                 ("Introductions to banks for FT accounts and cross-border RMB settlement.",
                  "对接银行办理自由贸易账户及跨境人民币结算。"),
                 ("Companies from partner zones", "伙伴园区企业"), sla_days=10, provided=True),
    ServiceDraft("talent", "lingang-talent", ("Talent and work permits", "人才与工作许可"),
                 ("Work permits, talent housing and recruitment events for landing teams.",
                  "为落地团队办理工作许可、人才公寓和招聘活动。"),
                 ("Companies from partner zones", "伙伴园区企业"), sla_days=20),
    ServiceDraft("research", "lingang-research", ("Market research briefs", "市场调研简报"),
                 ("A short brief on a Yangtze River Delta market: buyers, competitors, rules.",
                  "长三角市场简报：买家、竞争对手和监管规则。"),
                 ("Start-ups from partner zones", "伙伴园区的初创企业"), sla_days=15, provided=True),
    ServiceDraft("investors", "lingang-investors", ("Investor introductions", "投资人对接"),
                 ("Warm introductions to Lingang funds and corporate venture arms.", "对接临港产业基金和企业风险投资部门。"),
                 ("Start-ups from partner zones with a working product", "已有成熟产品的伙伴园区初创企业"),
                 sla_days=15, kinds="startup"),
)

HONG_KONG_SERVICES = (
    ServiceDraft("space", "hk-hub-desks", ("Hot desks at the Harbour hub", "海港創新中心靈活工位"),
                 ("Hot desks by the harbour, with a business address and access to the prototyping lab.",
                  "海濱靈活工位，附商業地址及原型實驗室使用權。"),
                 ("Mainland companies entering Hong Kong", "進入香港市場的內地企業"), sla_days=5, capacity=30),
    ServiceDraft("media", "hk-hub-media", ("Showcase and press", "展示與媒體"),
                 ("A showcase slot at the hub's monthly demo night and a feature in its newsletter.",
                  "每月展示之夜的展示時段及通訊專題報道。"),
                 ("Companies from partner zones", "夥伴園區企業"), sla_days=10),
    ServiceDraft("registration", "hk-hub-registration", ("Company incorporation in Hong Kong", "香港公司註冊"),
                 ("Incorporation, business registration and a company secretary for the first year.",
                  "公司註冊、商業登記及首年公司秘書服務。"),
                 ("Mainland companies", "內地企業"), sla_days=10, provided=True),
    ServiceDraft("legal_tax", "hk-hub-legal-tax", ("Legal and tax advice", "法律及稅務諮詢"),
                 ("Contracts, intellectual property and profits tax, with a Hong Kong law firm.",
                  "由香港律師行提供合約、知識產權及利得稅諮詢。"),
                 ("Every organisation", "所有機構"), sla_days=5, partner_only=False, kinds="", provided=True),
    ServiceDraft("banking", "hk-hub-banking", ("Business bank account", "商業銀行開戶"),
                 ("A guided account opening with a partner bank, including the video interview.",
                  "與合作銀行進行開戶指導，包括視像面談。"),
                 ("Mainland companies", "內地企業"), sla_days=15, provided=True),
    ServiceDraft("talent", "hk-hub-talent", ("Talent and visas", "人才及簽證"),
                 ("Employment visas, the technology talent admission scheme and graduate hiring.",
                  "就業簽證、科技人才入境計劃及畢業生招聘。"),
                 ("Companies from partner zones", "夥伴園區企業"), sla_days=20),
    ServiceDraft("research", "hk-hub-research", ("Market research in Hong Kong and ASEAN", "香港及東盟市場研究"),
                 ("Desk research and five customer interviews on a market of your choice.",
                  "桌面研究及五個目標客戶訪談。"),
                 ("Companies from partner zones", "夥伴園區企業"), sla_days=15, provided=True),
    ServiceDraft("investors", "hk-hub-investors", ("Investor introductions", "投資者配對"),
                 ("Introductions to Hong Kong angels, family offices and venture funds.",
                  "配對香港天使投資者、家族辦公室及創投基金。"),
                 ("Companies from partner zones", "夥伴園區企業"), sla_days=15),
)

# What requesters write, by category: (English, Simplified, Traditional) — the requester writes in their own.
REQUEST_DETAILS = {
    "space": ("Our team of three arrives next month and needs desks close to the test sites.",
              "我们三人团队下月到岗，需要靠近测试场地的工位。", "我們三人團隊下月到埗，需要靠近測試場地的工位。"),
    "media": ("We launch our product in the zone and would like a demo-day slot.",
              "我们将在园区发布产品，希望获得路演日名额。", "我們將在園區發佈產品，希望獲得路演日名額。"),
    "registration": ("We want to set up a subsidiary and need help with the licence.",
                     "我们计划设立子公司，需要办理执照的协助。", "我們計劃成立子公司，需要辦理牌照的協助。"),
    "legal_tax": ("Please review our distribution contract and the tax treatment of royalties.",
                  "请审阅我们的分销合同以及特许权使用费的税务处理。", "請審閱我們的分銷合約及特許權使用費的稅務處理。"),
    "banking": ("We need an account for cross-border settlement with our suppliers.",
                "我们需要一个与供应商进行跨境结算的账户。", "我們需要一個與供應商進行跨境結算的戶口。"),
    "talent": ("Two engineers need work permits before they relocate.",
               "两名工程师在调动前需要办理工作许可。", "兩名工程師在調職前需要辦理工作許可。"),
    "research": ("Who buys battery-management software for e-buses in the region?",
                 "区域内谁在采购电动巴士的电池管理软件？", "區內誰在採購電動巴士的電池管理軟件？"),
    "investors": ("We are raising a seed round of USD 2 million.", "我们正在进行200万美元的种子轮融资。",
                  "我們正進行200萬美元的種子輪融資。"),
}

CATEGORY_ANSWERS = {
    "media": {"exposure": "demo_day"}, "registration": {"company_name": "Harbour Tech (Shanghai) Ltd"},
    "banking": {"account_type": "cross_border"}, "talent": {"hires": 2}, "investors": {"round": "Seed, USD 2m"},
    "research": {"market_question": "E-bus battery software buyers"}, "legal_tax": {"topic": "Distribution contract"},
}

DECLINE_REASON = "This service is for companies from partner zones; please ask your home zone's team."
RATING_COMMENTS = ("Fast and clear, thank you.", "服务很专业，沟通顺畅。", "安排妥當，非常感謝。", "Good, but the forms took a while.")
OPERATOR_REPLIES = ("We have shortlisted two options and will confirm by Friday.", "已联系合作方，本周内答复。",
                    "已安排專人跟進，稍後確認細節。")
INTERNAL_NOTES = ("Check the capacity of the third floor before confirming.", "优先处理：该企业已在路演日获奖。")

# Calls for pilots: owner kind, the owner's zone ("sh" or "hk"), and the texts (English, the zone's Chinese).
CALLS = (
    ("sh", ("Smart container yard scheduling at Yangshan port", "洋山港智能集装箱堆场调度"),
     ("Yard cranes wait for trucks at peak hours; we want to cut idle time by a fifth.",
      "高峰时段场桥等待集卡，希望将空闲时间减少五分之一。"),
     ("Yangshan deep-water port, phase IV automated terminal", "洋山深水港四期自动化码头"),
     ("Six months of crane and gate logs; a test block of 200 slots", "六个月的场桥和闸口日志；200个箱位的测试区"),
     ("Engineers on site, a data room, and a paid pilot of three months", "现场工程师、数据机房及三个月的付费试点")),
    ("sh", ("AI triage for a community hospital's emergency department", "社区医院急诊智能分诊"),
     ("Waiting times at night are long; nurses need help to spot urgent cases.", "夜间候诊时间长，护士需要辅助识别急症。"),
     ("Lingang community hospital", "临港社区医院"),
     ("De-identified triage records and a test terminal", "脱敏分诊记录及测试终端"),
     ("Clinical supervision and ethics approval support", "临床指导及伦理审批支持")),
    ("sh", ("Battery pack inspection on a production line", "动力电池包产线检测"),
     ("Weld defects are found too late; we want vision inspection on the line.", "焊接缺陷发现太晚，希望在产线上实现视觉检测。"),
     ("A battery plant in the Lingang industrial area", "临港产业区电池工厂"),
     ("Line cameras, labelled defect images, a test line", "产线相机、已标注的缺陷图像、测试产线"),
     ("Engineers, a test line for four weeks and a purchase order if it works", "工程师、四周测试产线，效果达标即下单")),
    ("hk", ("Cross-border payments for market stalls", "街市檔販跨境支付"),
     ("Stall owners lose sales because mainland visitors cannot pay easily.", "內地旅客付款不便，檔販因此流失生意。"),
     ("Three wet markets in Kowloon", "九龍三個街市"),
     ("Anonymised transaction volumes and a sandbox", "匿名交易數據及沙盒環境"),
     ("Introductions to the market management and a shared booth", "街市管理方聯繫及共用攤位")),
)

PROPOSALS = ("We have a working prototype used at two ports; we would adapt it to your cranes in six weeks.",
             "我们的算法已在两个园区落地，可在四周内完成部署。", "我們的方案已在香港兩間醫院試用，可即時部署。")
PILOT_REPORT_NOTES = "Idle time fell by 23% over three months; the terminal will extend the system to two blocks."
