"""Offers and needs the demo's organisations post, written from the sector material in three languages.

Each template is a (direction, kind, title, description) with the slots of `templates`: {product}, {technology},
{customer}, {place}, {market} (where the other zone sells), {pilot}. A posting is written in one language only —
English or the author's zone's Chinese script — as a real author would; the other script is converted by the
same `apply_texts` the services use.
"""

from dataclasses import dataclass

from zonebridge.demo.content.phrases import Local
from zonebridge.demo.content.phrases import Phrase as P


@dataclass(frozen=True)
class PostingTemplate:
    """One kind of offer or need, as its title and description read in each language."""

    direction: str
    kind: str
    title: P
    description: P


POSTINGS = (
    PostingTemplate("need", "technology_request",
                    P("Seeking {technology} for our {product}", "寻求{technology}技术用于{product}", "尋求{technology}技術用於{product}"),
                    P("We make {product} for {customer} and look for a partner in {market} with proven {technology}. Joint development or licensing both welcome.",
                      "我们为{customer}提供{product}，正在{market}寻找掌握{technology}的合作伙伴，欢迎联合开发或技术授权。",
                      "我們為{customer}提供{product}，正在{market}尋找掌握{technology}的合作夥伴，歡迎聯合開發或技術授權。")),
    PostingTemplate("offer", "technology_offer",
                    P("{technology} available for licensing", "{technology}技术对外授权", "{technology}技術對外授權"),
                    P("Our {technology} already runs in {product} for {customer}. We license it and support integration for partners in {market}.",
                      "我们的{technology}技术已应用于面向{customer}的{product}，现对{market}的合作伙伴开放授权并提供集成支持。",
                      "我們的{technology}技術已應用於為{customer}而設的{product}，現向{market}的合作夥伴開放授權並提供整合支援。")),
    PostingTemplate("need", "distribution",
                    P("Distributor wanted for {product} in {market}", "诚招{market}{product}分销商", "誠招{market}{product}分銷商"),
                    P("We are looking for a distributor that already sells to {customer} in {market}. Samples, training and marketing support provided.",
                      "寻找已在{market}服务{customer}的分销伙伴，我们提供样品、培训和市场推广支持。",
                      "尋找已在{market}服務{customer}的分銷夥伴，我們提供樣品、培訓及市場推廣支援。")),
    PostingTemplate("need", "market_entry",
                    P("Help entering {market} with {product}", "寻求进入{market}市场：{product}", "尋求進入{market}市場：{product}"),
                    P("We plan to bring our {product} to {customer} in {market} next year and need a local partner for sales channels, certification and first customers.",
                      "我们计划明年把{product}带到{market}，面向{customer}，需要当地伙伴协助渠道、认证和首批客户。",
                      "我們計劃明年把{product}帶到{market}，面向{customer}，需要當地夥伴協助渠道、認證及首批客戶。")),
    PostingTemplate("need", "partnership",
                    P("Partner for {pilot}", "寻找{pilot}合作伙伴", "尋找{pilot}合作夥伴"),
                    P("We want to run {pilot} with our {product}. Looking for a partner with {technology} experience to build and operate the pilot together.",
                      "我们希望用自己的{product}开展{pilot}项目，寻找具备{technology}经验的伙伴共同建设和运营试点。",
                      "我們希望以自家{product}推行{pilot}項目，尋找具備{technology}經驗的夥伴共同建設及營運試點。")),
    PostingTemplate("offer", "startup_opportunity",
                    P("Pilot site for start-ups: {pilot}", "向初创企业开放应用场景：{pilot}", "向初創企業開放應用場景：{pilot}"),
                    P("We open {pilot} as an application scenario for start-ups with {technology}. Selected teams get test access, data and a paid pilot.",
                      "我们开放{pilot}应用场景，面向掌握{technology}的初创团队，入选团队可获得测试条件、数据和付费试点。",
                      "我們開放{pilot}應用場景，歡迎掌握{technology}的初創團隊參與，入選團隊可獲測試條件、數據及付費試點。")),
    PostingTemplate("need", "investment_sought",
                    P("Raising a round for {product}", "{product}项目寻求融资", "{product}項目尋求融資"),
                    P("We build {product} on {technology} for {customer} and are raising our next round to expand into {market}.",
                      "我们基于{technology}为{customer}打造{product}，正在进行新一轮融资，用于拓展{market}市场。",
                      "我們以{technology}為{customer}打造{product}，正進行新一輪融資，用於拓展{market}市場。")),
    PostingTemplate("offer", "investment_offered",
                    P("Investing in {technology} start-ups", "投资{technology}领域初创企业", "投資{technology}領域初創企業"),
                    P("Our fund invests in start-ups that bring {technology} to {customer}. Tickets from seed to Series A, with introductions in {market}.",
                      "我们的基金投资将{technology}应用于{customer}的初创企业，覆盖种子轮至A轮，并可对接{market}资源。",
                      "我們的基金投資將{technology}應用於{customer}的初創企業，涵蓋種子輪至A輪，並可引薦{market}資源。")),
    PostingTemplate("need", "rd_cooperation",
                    P("R&D partner on {technology}", "{technology}联合研发", "{technology}聯合研發"),
                    P("Our engineers work on {technology} for {product}. We seek a university lab or company in {market} for joint research and shared patents.",
                      "我们的工程团队正研发用于{product}的{technology}，寻找{market}的高校实验室或企业开展联合研究、共享专利。",
                      "我們的工程團隊正研發用於{product}的{technology}，尋找{market}的大學實驗室或企業進行聯合研究、共享專利。")),
    PostingTemplate("offer", "internship",
                    P("Internship: {technology} for {product}", "实习生招募：{product}{technology}方向", "實習生招募：{product}{technology}方向"),
                    P("Three- to six-month internship for students from {market} working on {technology} in our {product} team.",
                      "面向{market}高校学生的三至六个月实习，加入{product}团队参与{technology}相关工作。",
                      "為{market}大學生而設的三至六個月實習，加入{product}團隊參與{technology}相關工作。")),
    PostingTemplate("offer", "job",
                    P("Engineer, {technology}", "招聘{technology}工程师", "招聘{technology}工程師"),
                    P("Join us to build {product} for {customer}. Experience with {technology} expected; we support relocation from {market}.",
                      "加入我们为{customer}打造{product}，需具备{technology}经验，可为来自{market}的人才提供落户支持。",
                      "加入我們為{customer}打造{product}，需具備{technology}經驗，可為來自{market}的人才提供搬遷支援。")),
)

# Where the other zone's customers are, as an author in each zone calls it.
OTHER_MARKET = {"hk": Local("Shanghai and the Yangtze River Delta", "上海及長三角"),
                "sh": Local("Hong Kong", "香港")}
