"""Sentence templates shared by all sectors: how a profile opens, its funding stage, its team and its ask.

Slots: {short} the organisation's short name, {product}/{product2}, {customer}, {technology}, {year},
{round_year}, {place}, {market}, {pilot}, {topic}/{topics}, {count}. A template starting with a slot is
capitalised when rendered in English.
"""

from zonebridge.demo.content.phrases import Local
from zonebridge.demo.content.phrases import Phrase as P

# --- Start-ups and companies --------------------------------------------------------------------------------

SUMMARIES = (
    P("{product} for {customer}.", "为{customer}提供{product}。", "為{customer}提供{product}。"),
    P("{product} built on {technology}.", "{product}，核心技术：{technology}。", "{product}，核心技術：{technology}。"),
    P("{short} makes {product} for {customer}.", "{short}专注为{customer}打造{product}。",
      "{short}專注為{customer}打造{product}。"),
    P("{product} and {product2} for {customer}.", "面向{customer}的{product}与{product2}。",
      "為{customer}而設的{product}及{product2}。"),
)
# A summary that ends with the organisation's ask, so the cross-border angle shows in search results.
SUMMARY_WITH_ASK = P("{short} makes {product} for {customer} and is {ask}.",
                     "{short}面向{customer}提供{product}，目前正{ask}。",
                     "{short}面向{customer}提供{product}，現正{ask}。")

OPENINGS = (
    P("Founded in {year}, {short} develops {product} for {customer}.",
      "{short}成立于{year}年，为{customer}研发{product}。",
      "{short}於{year}年成立，為{customer}研發{product}。"),
    P("{short}, based in {place}, has made {product} for {customer} since {year}.",
      "{short}总部位于{place}，自{year}年起为{customer}提供{product}。",
      "{short}總部設於{place}，自{year}年起為{customer}提供{product}。"),
    P("Since {year}, {short} has been developing {product} together with {customer}.",
      "自{year}年起，{short}与{customer}携手研发{product}。",
      "自{year}年起，{short}與{customer}攜手研發{product}。"),
    P("{short} is based in {place} and designs and sells {product} to {customer}.",
      "{short}立足{place}，面向{customer}设计和销售{product}。",
      "{short}立足{place}，為{customer}設計及銷售{product}。"),
)

TECHNOLOGY_SENTENCES = (
    P("Its core technology is {technology}, which also powers its {product2}.",
      "公司核心技术为{technology}，并已应用于{product2}。",
      "公司的核心技術為{technology}，亦已應用於{product2}。"),
    P("The products are built on {technology}, developed in-house over several years.",
      "产品基于团队多年自主研发的{technology}。",
      "產品建基於團隊多年自主研發的{technology}。"),
    P("Alongside its main line, the team offers {product2} and keeps investing in {technology}.",
      "除主营产品外，团队还提供{product2}，并持续投入{technology}的研发。",
      "除主要產品外，團隊亦提供{product2}，並持續投資研發{technology}。"),
)

# Funding stage, keyed by `Stage` values.
STAGE_SENTENCES = {
    "idea": P("{short} is at the prototype stage, funded by its founders and a government start-up grant.",
              "{short}目前处于样机阶段，资金来自创始团队及政府创业资助。",
              "{short}現處於原型階段，資金來自創辦人及政府初創資助。"),
    "seed": P("It raised a seed round in {round_year}.",
              "公司已于{round_year}年完成种子轮融资。",
              "公司已於{round_year}年完成種子輪融資。"),
    "series_a": P("It closed a Series A round in {round_year}.",
                  "公司已于{round_year}年完成A轮融资。",
                  "公司已於{round_year}年完成A輪融資。"),
    "series_b_plus": P("Backed by Series B investors since {round_year}, it is scaling up production and sales.",
                       "公司于{round_year}年完成B轮融资，正在扩大生产与销售规模。",
                       "公司於{round_year}年完成B輪融資，現正擴大生產及銷售規模。"),
    "growth": P("The business is profitable and has grown revenue by more than {count}% a year.",
                "公司已实现盈利，近年营收年均增长超过{count}%。",
                "公司已錄得盈利，近年收入每年增長逾{count}%。"),
    "established": P("It is an established supplier with customers at home and abroad.",
                     "公司是行业内的成熟供应商，客户遍及国内外。",
                     "公司是業內具規模的供應商，客戶遍佈海內外。"),
}

TEAM_SENTENCES_HK = (
    Local("The founders met at university in Hong Kong and previously worked at multinational firms.",
          "創辦人在香港讀大學時相識，其後曾任職跨國企業。"),
    Local("The team brings together engineers and designers from Hong Kong, the mainland and overseas.",
          "團隊匯聚來自香港、內地及海外的工程師和設計師。"),
    Local("Its founders are alumni of the Harbour Innovation Hub incubation programme.",
          "創辦人均為海港創新中心培育計劃的畢業生。"),
    Local("R&D is done in Hong Kong, with a small sales team in Shenzhen.",
          "研發團隊設於香港，並於深圳設有小型銷售團隊。"),
)
TEAM_SENTENCES_SH = (
    Local("The core team comes from leading Chinese technology companies and research institutes.",
          "核心团队来自国内头部科技企业和科研院所。"),
    Local("It is a national high-tech enterprise and a Shanghai 'specialised and sophisticated' SME.",
          "公司是国家高新技术企业、上海市“专精特新”中小企业。"),
    Local("Its R&D centre and pilot line are in Lingang.",
          "公司研发中心和中试基地均位于临港。"),
    Local("More than half of its staff work in R&D.",
          "研发人员占员工总数一半以上。"),
)

# What a company asks of the other zone. English reads after "is now ...", Chinese after 正 (正寻求, 現正尋找).
ASKS_HK_EARLY = (
    Local("seeking pilot sites in Lingang for {pilot}", "尋找臨港的應用場景試點，例如{pilot}"),
    Local("looking for a manufacturing partner in the Yangtze River Delta to scale up production",
          "物色長三角的生產合作夥伴，以擴大產能"),
    Local("applying for Lingang's soft-landing support, including office space and help with company registration",
          "申請臨港的軟着陸支援，包括辦公空間及公司註冊協助"),
    Local("looking for mainland universities to co-develop its next product", "尋找內地大學合作研發下一代產品"),
)
ASKS_HK_LATER = (
    Local("preparing to set up a subsidiary in Lingang to serve customers in the Yangtze River Delta",
          "籌備在臨港設立附屬公司，服務長三角客戶"),
    Local("seeking mainland distribution partners and pilot sites in Lingang for {pilot}",
          "物色內地分銷夥伴，並尋找臨港的應用場景試點，例如{pilot}"),
    Local("looking for RMB-denominated investors for its next round", "物色人民幣基金參與下一輪融資"),
    Local("recruiting engineers in Shanghai and interns from Lingang universities",
          "在上海招聘工程師，並招募臨港院校的實習生"),
)
ASKS_SH_EARLY = (
    Local("seeking a Hong Kong partner to take its products to Southeast Asia", "寻求香港合作伙伴，将产品推向东南亚市场"),
    Local("looking for joint R&D with Hong Kong universities", "寻求与香港高校开展联合研发"),
    Local("applying to incubation programmes in Hong Kong to test its products with international customers",
          "申请香港的孵化项目，与国际客户共同验证产品"),
)
ASKS_SH_LATER = (
    Local("seeking to set up a regional headquarters in Hong Kong to reach Southeast Asia and the Middle East",
          "寻求在香港设立区域总部，拓展东南亚及中东市场"),
    Local("seeking international testing and certification through Hong Kong to enter overseas markets",
          "寻求借助香港的国际检测认证资源，取得海外市场准入"),
    Local("planning to raise offshore financing through Hong Kong", "筹划通过香港开展境外融资"),
    Local("looking for distributors in Hong Kong and overseas", "寻找香港及海外分销渠道"),
    Local("recruiting graduates of Hong Kong universities for its international business",
          "招聘香港高校毕业生，充实国际业务团队"),
)
ASK_SENTENCES = (
    P("{short} is now {ask}.", "目前，{short}正{ask}。", "{short}現正{ask}。"),
    P("Next, the team is {ask}.", "现阶段，公司正{ask}。", "現階段，公司正{ask}。"),
)

# --- Incubators, investors, service providers and media -----------------------------------------------------

INCUBATOR_SUMMARIES = (
    P("An incubator and accelerator for early-stage {topic} start-ups.",
      "专注{topic}领域早期项目的孵化器与加速器。",
      "專注{topic}早期初創企業的孵化器及加速器。"),
    P("Desks, mentors and investor introductions for founders in {topic}.",
      "为{topic}领域的创业者提供工位、导师和投资对接。",
      "為{topic}領域的創業者提供辦公桌、導師及投資者配對。"),
)
INCUBATOR_SENTENCES = (
    P("{short} has run its {months}-month acceleration programme since {year} and has supported {count} start-ups "
      "in {topic}.",
      "{short}自{year}年起运营为期{months}个月的加速计划，已累计支持{count}家{topic}领域的初创企业。",
      "{short}自{year}年起營運為期{months}個月的加速計劃，至今已支援{count}間{topic}初創企業。"),
    P("Members get desks in {place}, lab space on request and weekly office hours with mentors from industry.",
      "入驻企业可在{place}获得办公工位、按需使用实验平台，并每周与产业导师交流。",
      "進駐企業可於{place}使用辦公空間、按需使用實驗室，並每星期與業界導師會面。"),
    P("Its alumni have raised more than {funding} in follow-on funding.",
      "孵化企业累计获得后续融资超过{funding}。",
      "培育企業累計獲得逾{funding}後續融資。"),
)
INCUBATOR_ASKS_HK = (
    Local("It welcomes Lingang companies looking for a first base in Hong Kong.", "歡迎有意在香港設立首個據點的臨港企業聯絡。"),
    Local("Every year it runs an exchange with Lingang incubators for start-ups expanding to the mainland.",
          "中心每年與臨港的孵化器合辦交流計劃，協助初創企業拓展內地市場。"),
)
INCUBATOR_ASKS_SH = (
    Local("It offers Hong Kong start-ups a soft-landing package in Lingang: six months of free desks, help with company "
          "registration and introductions to pilot customers.",
          "为香港初创企业提供临港软着陆服务包：六个月免费工位、工商注册协助及首批应用场景对接。"),
    Local("It is looking for Hong Kong incubators to co-run a cross-border acceleration camp.",
          "正寻求与香港孵化器合办跨境加速营。"),
)

INVESTOR_SUMMARIES = (
    P("An early-stage investor in {topics}.",
      "专注{topics}领域的早期投资机构。",
      "專注{topics}領域的早期投資機構。"),
    P("Venture capital for {topic} companies from seed to Series B.",
      "投资{topic}领域种子轮至B轮企业的创业投资机构。",
      "投資{topic}領域種子輪至B輪企業的創業投資基金。"),
)
INVESTOR_SENTENCES = (
    P("{short} was founded in {year} and manages {fund} across {funds} funds.",
      "{short}成立于{year}年，旗下管理{funds}支基金，管理规模约{fund}。",
      "{short}於{year}年成立，旗下管理{funds}個基金，資產規模約{fund}。"),
    P("It usually leads or co-leads seed and Series A rounds in {topics}.",
      "通常在{topics}领域领投或联合领投种子轮及A轮。",
      "一般在{topics}領域領投或聯合領投種子輪及A輪。"),
    P("Its portfolio includes {count} companies.",
      "已投资企业{count}家。",
      "投資組合共有{count}間企業。"),
)
INVESTOR_ASKS_HK = (
    Local("It is looking for Hong Kong start-ups planning to expand to the mainland, and co-invests with RMB funds "
          "in Lingang.",
          "正物色有意拓展內地市場的香港初創企業，並與臨港的人民幣基金聯合投資。"),
)
INVESTOR_ASKS_SH = (
    Local("It is interested in Hong Kong start-ups ready to set up in Lingang and can help with QFLP structures.",
          "关注有意落地临港的香港初创企业，可协助搭建QFLP投资架构。"),
)

SERVICE_SUMMARIES = (
    P("{product} for {customer}.", "为{customer}提供{product}。", "為{customer}提供{product}。"),
    P("{short} helps {customer} with {product} and {product2}.",
      "{short}面向{customer}提供{product}、{product2}等专业服务。",
      "{short}面向{customer}提供{product}、{product2}等專業服務。"),
)
SERVICE_SENTENCES = (
    P("Founded in {year}, {short} helps {customer} with {product}, {product2} and related matters.",
      "{short}成立于{year}年，为{customer}提供{product}、{product2}等专业服务。",
      "{short}於{year}年成立，為{customer}提供{product}、{product2}等專業服務。"),
    P("What sets it apart: {technology}.", "团队优势：{technology}。", "團隊優勢：{technology}。"),
)
SERVICE_FOCUS = P("Most of its clients work in {topic}.", "客户主要集中在{topic}领域。", "客戶主要來自{topic}領域。")
SERVICE_ASKS_HK = (
    Local("Every month it runs a free clinic for Lingang companies setting up in Hong Kong.",
          "每月為籌備來港發展的臨港企業舉辦免費諮詢日。"),
    Local("It is listed in the Harbour Innovation Hub soft-landing service catalogue.", "已列入海港創新中心的軟着陸服務目錄。"),
)
SERVICE_ASKS_SH = (
    Local("It is a listed soft-landing service provider for Hong Kong start-ups coming to Lingang.",
          "已列入临港面向香港初创企业的软着陆服务机构名录。"),
    Local("Hong Kong companies get their first consultation free of charge.", "为香港企业提供首次免费咨询。"),
)

MEDIA_SUMMARIES = (
    P("Independent news and research on {topic} start-ups in {market}.",
      "聚焦{market}{topic}创业的独立媒体与研究平台。",
      "聚焦{market}{topic}初創企業的獨立媒體及研究平台。"),
)
MEDIA_SENTENCES = (
    P("{short} publishes {product} and {product2} in English and Chinese for about {count}0,000 subscribers.",
      "{short}以中英文发布{product}与{product2}，订阅用户约{count}万。",
      "{short}以中英文發佈{product}及{product2}，訂閱人數約{count}萬。"),
    P("Since {year} it has covered {topic}, with a focus on companies working across Shanghai and Hong Kong.",
      "自{year}年起持续报道{topic}领域，尤其关注沪港两地的跨境企业。",
      "自{year}年起持續報道{topic}，特別關注滬港兩地的跨境企業。"),
)
MEDIA_ASKS_HK = (
    Local("It offers Lingang companies media packages for their Hong Kong launch.", "為臨港企業提供來港發佈會及媒體宣傳套餐。"),
)
MEDIA_ASKS_SH = (
    Local("It offers Hong Kong start-ups media coverage for their launch in Lingang.", "为香港初创企业提供落地临港的媒体宣传服务。"),
)

# --- Universities -----------------------------------------------------------------------------------------------

UNIVERSITY_SUMMARY = P("A university in {place} known for {strengths}.",
                       "位于{place}的高校，{strengths}等学科具有特色。",
                       "位於{place}的大學，以{strengths}見稱。")
UNIVERSITY_SENTENCES = (
    P("Founded in {year}, {short} has about {count},000 students and is known for {strengths}.",
      "{short}创建于{year}年，在校生约{count}000人，{strengths}等学科具有特色。",
      "{short}於{year}年創校，現有學生約{count}000人，以{strengths}見稱。"),
    P("Its careers office works with companies in {zone} to offer internships and start-up placements every year.",
      "学校就业指导中心每年与{zone}的企业合作，提供实习与创业实践岗位。",
      "大學就業輔導處每年與{zone}的企業合作，提供實習及創業實踐機會。"),
    P("Its students take part in the exchange programme with {partner_zone}.",
      "学校与{partner_zone}开展交流项目，学生参与踊跃。",
      "大學與{partner_zone}合辦交流計劃，學生參與踴躍。"),
)
