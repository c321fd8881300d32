"""Advanced materials: composites, high-performance polymers, nanomaterials and coatings, additive manufacturing."""

from zonebridge.demo.content.material import SectorMaterial, SubSector
from zonebridge.demo.content.phrases import Phrase as P
from zonebridge.demo.content.phrases import Proof, Trade

SECTOR = SectorMaterial(
    slug="advanced-materials",
    name=P("Advanced Materials", "新材料", "新材料"),
    topic=P("advanced materials", "新材料", "新材料"),
    weight_hk=3,
    weight_sh=8,
    trades=(
        Trade(P("Advanced Materials", "新材料", "新材料")),
        Trade(P("Materials Technology", "材料科技", "材料科技")),
        Trade(P("Composites", "复合材料", "複合材料")),
    ),
    customers=(
        P("aerospace manufacturers", "航空航天制造商", "航空航天製造商"),
        P("battery makers", "电池企业", "電池製造商"),
        P("electronics manufacturers", "电子制造企业", "電子產品製造商"),
        P("construction companies", "建筑企业", "建築公司"),
        P("medical device makers", "医疗器械企业", "醫療儀器製造商"),
    ),
    subsectors=(
        SubSector(
            slug="composites",
            name=P("Composites", "复合材料", "複合材料"),
            products=(
                P("carbon-fibre composite parts", "碳纤维复合材料部件", "碳纖維複合材料部件"),
                P("thermoplastic prepregs", "热塑性预浸料", "熱塑性預浸料"),
                P("lightweight battery enclosures", "轻量化电池包壳体", "輕量化電池外殼"),
            ),
            technologies=(
                P("automated fibre placement", "自动铺丝工艺", "自動鋪絲工藝"),
                P("out-of-autoclave curing", "非热压罐固化", "非熱壓罐固化"),
            ),
        ),
        SubSector(
            slug="high-performance-polymers",
            name=P("High-Performance Polymers", "高性能高分子材料", "高性能高分子材料"),
            products=(
                P("medical-grade PEEK resins", "医用级PEEK树脂", "醫用級PEEK樹脂"),
                P("biodegradable polymers", "可降解高分子材料", "可生物降解高分子材料"),
                P("high-temperature engineering plastics", "耐高温工程塑料", "耐高溫工程塑膠"),
            ),
            technologies=(
                P("controlled polymerisation", "可控聚合工艺", "可控聚合技術"),
                P("reactive extrusion", "反应挤出", "反應擠出"),
            ),
        ),
        SubSector(
            slug="nanomaterials-coatings",
            name=P("Nanomaterials & Coatings", "纳米材料与涂层", "納米材料及塗層"),
            products=(
                P("graphene thermal films", "石墨烯导热膜", "石墨烯導熱膜"),
                P("anti-corrosion coatings for offshore structures", "海工防腐涂层", "海事工程防腐塗層"),
                P("antimicrobial surface coatings", "抗菌表面涂层", "抗菌表面塗層"),
            ),
            technologies=(
                P("chemical vapour deposition", "化学气相沉积", "化學氣相沉積"),
                P("sol-gel coating", "溶胶-凝胶涂覆工艺", "溶膠-凝膠塗層技術"),
            ),
        ),
        SubSector(
            slug="additive-manufacturing",
            name=P("Additive Manufacturing", "增材制造", "增材製造（3D打印）"),
            products=(
                P("metal powders for 3D printing", "金属3D打印粉末", "金屬3D打印粉末"),
                P("3D-printed titanium implants", "3D打印钛合金植入物", "3D打印鈦合金植入物"),
                P("industrial 3D printing services", "工业级3D打印服务", "工業級3D打印服務"),
            ),
            technologies=(
                P("plasma atomisation", "等离子雾化制粉", "等離子霧化製粉"),
                P("laser powder-bed fusion", "激光粉末床熔融", "激光粉末床熔融"),
            ),
        ),
    ),
    proofs=(
        Proof(P("{short} runs a production line with an annual capacity of {count}0 tonnes.",
                "{short}建有年产{count}0吨的生产线。",
                "{short}設有年產{count}0噸的生產線。"), 5, 300),
        Proof(P("Its materials are qualified by {count} customers, including {customer}.",
                "材料已通过{count}家客户认证，其中包括{customer}。",
                "材料已通過{count}家客戶認證，當中包括{customer}。"), 3, 40),
        Proof(P("The company holds {count} invention patents.",
                "公司拥有发明专利{count}项。",
                "公司持有{count}項發明專利。"), 5, 80),
    ),
    pilots=(
        P("materials qualification with Lingang's aircraft and ship builders", "与临港大飞机及船舶企业开展材料验证",
          "與臨港大型飛機及船舶企業進行材料驗證"),
        P("a pilot production line in the Lingang new materials park", "临港新材料产业园中试线",
          "臨港新材料產業園試產線"),
    ),
)
