"""Professional services: legal, accounting and tax, IP, market entry, testing and certification.

Service providers are named after their service (律师事务所, 检测技术), so each sub-sector carries its own trades;
the 'products' here are the services they offer, and the 'technologies' what sets the firm apart.
"""

from zonebridge.demo.content.material import SectorMaterial, SubSector
from zonebridge.demo.content.phrases import Phrase as P
from zonebridge.demo.content.phrases import Proof, Trade

SECTOR = SectorMaterial(
    slug="professional-services",
    name=P("Professional Services", "专业服务", "專業服務"),
    topic=P("professional services", "专业服务", "專業服務"),
    weight_hk=0,
    weight_sh=0,
    trades=(Trade(P("Business Services", "商务服务", "商業服務")),),
    customers=(
        P("technology start-ups", "科技初创企业", "科技初創企業"),
        P("mainland companies expanding overseas", "出海的内地企业", "拓展海外的內地企業"),
        P("foreign companies entering China", "进入中国市场的外资企业", "進軍中國市場的外資企業"),
        P("family offices", "家族办公室", "家族辦公室"),
        P("listed companies", "上市公司", "上市公司"),
    ),
    subsectors=(
        SubSector(
            slug="legal-services",
            name=P("Legal Services", "法律服务", "法律服務"),
            products=(
                P("company formation and corporate compliance", "公司设立与企业合规", "公司成立及企業合規"),
                P("cross-border M&A", "跨境并购", "跨境併購"),
                P("employment law and visa applications", "劳动法务与签证申请", "僱傭法例及簽證申請"),
            ),
            technologies=(
                P("a bilingual team qualified in both Hong Kong and mainland law", "具备内地与香港执业资格的双语团队",
                  "具備內地及香港執業資格的雙語團隊"),
                P("long experience with free-trade-zone regulations", "深耕自贸区法规多年的经验", "多年處理自貿區法規的經驗"),
            ),
            trades=(Trade(P("Law Offices", "律师事务所", "律師行"), incorporated=False),),
        ),
        SubSector(
            slug="accounting-tax",
            name=P("Accounting & Tax", "会计与税务", "會計及稅務"),
            products=(
                P("audit and assurance", "审计鉴证", "審計及核證"),
                P("cross-border tax planning", "跨境税务筹划", "跨境稅務規劃"),
                P("bookkeeping and payroll", "代理记账与薪酬核算", "會計記賬及薪酬處理"),
            ),
            technologies=(
                P("partners trained at the Big Four", "四大会计师事务所出身的合伙人团队", "來自四大會計師行的合夥人團隊"),
                P("cloud accounting systems", "云端财务系统", "雲端會計系統"),
            ),
            trades=(
                Trade(P("Certified Public Accountants", "会计师事务所", "會計師事務所"), incorporated=False),
                Trade(P("Tax Advisory", "税务师事务所", "稅務顧問")),
            ),
        ),
        SubSector(
            slug="intellectual-property",
            name=P("Intellectual Property", "知识产权", "知識產權"),
            products=(
                P("patent drafting and filing in China and abroad", "国内外专利撰写与申请", "中國內地及海外專利撰寫及申請"),
                P("trademark registration", "商标注册", "商標註冊"),
                P("IP valuation and licensing", "知识产权评估与许可", "知識產權估值及授權"),
            ),
            technologies=(
                P("patent attorneys registered in both jurisdictions", "两地执业专利代理师", "兩地註冊專利代理人"),
                P("patent landscape analytics", "专利导航分析", "專利佈局分析"),
            ),
            trades=(Trade(P("Intellectual Property Agency", "知识产权代理", "知識產權代理"),
                          short=P("IP", "知识产权", "知識產權")),),
        ),
        SubSector(
            slug="market-entry-consulting",
            name=P("Market Entry & Consulting", "市场进入与咨询", "市場拓展及顧問"),
            products=(
                P("market entry strategy", "市场进入策略", "市場進入策略"),
                P("partner and distributor search", "合作伙伴与渠道商对接", "合作夥伴及分銷商配對"),
                P("soft-landing support for overseas teams", "海外团队落地支持", "海外團隊落地支援"),
            ),
            technologies=(
                P("a network of industry partners across the Greater Bay Area and the Yangtze River Delta",
                  "覆盖大湾区与长三角的产业资源网络", "覆蓋大灣區及長三角的產業網絡"),
                P("bilingual consultants with sector experience", "具备行业经验的双语顾问团队", "具行業經驗的雙語顧問團隊"),
            ),
            trades=(
                Trade(P("Business Consulting", "企业管理咨询", "企業管理顧問")),
                Trade(P("Advisory", "咨询", "顧問")),
            ),
        ),
        SubSector(
            slug="testing-certification",
            name=P("Testing & Certification", "检测认证", "檢測認證"),
            products=(
                P("CE, UL and CCC product certification", "CE、UL与CCC产品认证", "CE、UL及CCC產品認證"),
                P("EMC and safety testing", "电磁兼容与安规测试", "電磁兼容及安全測試"),
                P("ESG and carbon verification", "ESG与碳排放核查", "ESG及碳排放核查"),
            ),
            technologies=(
                P("accredited laboratories in both zones", "两地均有获认可的实验室", "兩地均設有獲認可的實驗所"),
                P("engineers who sit on international standards committees", "参与国际标准制定的工程师团队",
                  "參與國際標準制定的工程師團隊"),
            ),
            trades=(
                Trade(P("Testing Technology", "检测技术", "檢測技術")),
                Trade(P("Testing & Certification", "检测认证", "檢測認證")),
            ),
        ),
    ),
    proofs=(
        Proof(P("{short} has advised more than {count} clients, including {customer}.",
                "{short}已为超过{count}家客户提供服务，其中包括{customer}。",
                "{short}已為逾{count}家客戶提供服務，當中包括{customer}。"), 40, 600),
        Proof(P("Its {count} professionals work in English, Cantonese and Putonghua.",
                "{count}人专业团队可使用英语、粤语和普通话提供服务。",
                "{count}人專業團隊可以英語、粵語及普通話提供服務。"), 8, 120),
        Proof(P("It has offices in both Shanghai and Hong Kong.",
                "在上海和香港均设有办公室。",
                "於上海及香港均設有辦事處。")),
    ),
)
