"""Cross-border e-commerce and retail: platforms, brands going global, retail tech, consumer goods."""

from zonebridge.demo.content.material import SectorMaterial, SubSector
from zonebridge.demo.content.phrases import Phrase as P
from zonebridge.demo.content.phrases import Proof, Trade

SECTOR = SectorMaterial(
    slug="cross-border-commerce",
    name=P("Cross-border E-commerce & Retail", "跨境电商与零售", "跨境電商及零售"),
    topic=P("cross-border e-commerce and retail", "跨境电商与零售", "跨境電商及零售"),
    weight_hk=10,
    weight_sh=6,
    trades=(
        Trade(P("E-commerce", "电子商务", "電子商務")),
        Trade(P("Trading", "贸易", "貿易")),
        Trade(P("Brand Management", "品牌管理", "品牌管理")),
    ),
    customers=(
        P("consumer brands", "消费品牌", "消費品牌"),
        P("mainland exporters", "内地出口企业", "內地出口商"),
        P("department stores", "百货商场", "百貨公司"),
        P("online sellers", "线上卖家", "網上賣家"),
        P("overseas buyers", "海外采购商", "海外買家"),
    ),
    subsectors=(
        SubSector(
            slug="cross-border-platforms",
            name=P("Cross-border Platforms", "跨境电商平台", "跨境電商平台"),
            products=(
                P("cross-border online store builders", "跨境独立站建站工具", "跨境網店建站工具"),
                P("marketplace operations services", "海外电商平台代运营服务", "海外電商平台代營運服務"),
                P("bonded-import fulfilment", "保税进口履约服务", "保稅進口訂單處理服務"),
            ),
            technologies=(
                P("multilingual product-listing generation", "多语种商品信息生成", "多語言產品資料生成"),
                P("customs data integration", "海关数据对接", "海關數據對接"),
            ),
        ),
        SubSector(
            slug="brands-going-global",
            name=P("Brands Going Global", "品牌出海", "品牌出海"),
            products=(
                P("overseas influencer marketing", "海外达人营销", "海外網紅營銷"),
                P("brand localisation services", "品牌本地化服务", "品牌本地化服務"),
                P("direct-to-consumer brand websites", "DTC品牌官网", "DTC品牌網站"),
            ),
            technologies=(
                P("social-commerce analytics", "社交电商数据分析", "社交電商數據分析"),
                P("AI-generated marketing content", "AIGC营销内容生成", "AI生成營銷內容"),
            ),
        ),
        SubSector(
            slug="retail-tech",
            name=P("Retail Technology", "零售科技", "零售科技"),
            products=(
                P("self-checkout kiosks", "智能自助收银机", "智能自助收銀機"),
                P("membership and loyalty platforms", "会员营销平台", "會員及積分平台"),
                P("store footfall analytics", "门店客流分析", "店舖人流分析"),
            ),
            technologies=(
                P("computer-vision shelf monitoring", "视觉货架监测", "視覺貨架監測"),
                P("omnichannel inventory sync", "全渠道库存同步", "全渠道庫存同步"),
            ),
        ),
        SubSector(
            slug="consumer-goods",
            name=P("Consumer Goods", "消费品", "消費品"),
            products=(
                P("plant-based snacks", "植物基零食", "植物性小食"),
                P("skincare with traditional Chinese botanicals", "中草药成分护肤品", "中草藥護膚品"),
                P("ready-to-drink herbal teas", "即饮草本茶", "即飲涼茶"),
            ),
            technologies=(
                P("clean-label formulation", "清洁标签配方", "潔淨標籤配方"),
                P("low-temperature botanical extraction", "低温植物提取工艺", "低溫植物萃取技術"),
            ),
        ),
    ),
    proofs=(
        Proof(P("{short} sells in {count} countries and regions.",
                "{short}的产品已销往{count}个国家和地区。",
                "{short}的產品已銷往{count}個國家及地區。"), 8, 60),
        Proof(P("It works with more than {count} brands and merchants.",
                "目前服务品牌及商家超过{count}家。",
                "現時服務逾{count}個品牌及商戶。"), 40, 900),
        Proof(P("Its annual gross merchandise value has passed RMB {count} million.",
                "年交易额已突破{count}00万元。",
                "年交易額已突破人民幣{count}00萬元。"), 10, 95),
    ),
    pilots=(
        P("a bonded showroom in the Lingang free trade zone", "临港保税展示交易中心", "臨港保稅展示交易中心"),
        P("cross-border e-commerce fulfilment through Yangshan", "经洋山港的跨境电商履约", "經洋山港的跨境電商訂單處理"),
    ),
)
