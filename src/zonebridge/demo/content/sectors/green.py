"""Green and low-carbon: hydrogen, carbon accounting, energy efficiency, circular economy."""

from zonebridge.demo.content.material import SectorMaterial, SubSector
from zonebridge.demo.content.phrases import Phrase as P
from zonebridge.demo.content.phrases import Proof, Trade

SECTOR = SectorMaterial(
    slug="green-low-carbon",
    name=P("Green & Low-Carbon", "绿色低碳", "綠色低碳"),
    topic=P("green and low-carbon technology", "绿色低碳", "綠色低碳"),
    weight_hk=8,
    weight_sh=9,
    trades=(
        Trade(P("Environmental Technology", "环境科技", "環境科技")),
        Trade(P("Clean Energy", "清洁能源", "潔淨能源")),
        Trade(P("Carbon Technology", "碳中和科技", "碳中和科技")),
    ),
    customers=(
        P("industrial parks", "产业园区", "工業園"),
        P("building owners", "楼宇业主", "大廈業主"),
        P("power utilities", "电力公司", "電力公司"),
        P("manufacturers with carbon targets", "有减碳目标的制造企业", "有減碳目標的製造商"),
        P("shipping companies", "航运企业", "航運公司"),
    ),
    subsectors=(
        SubSector(
            slug="hydrogen",
            name=P("Hydrogen Energy", "氢能", "氫能"),
            products=(
                P("PEM electrolysers", "PEM电解槽", "PEM電解槽"),
                P("hydrogen fuel-cell stacks", "氢燃料电池电堆", "氫燃料電池電堆"),
                P("hydrogen refuelling equipment", "加氢站设备", "加氫站設備"),
            ),
            technologies=(
                P("low-iridium catalyst coatings", "低铱催化剂涂层", "低銥催化劑塗層"),
                P("metal bipolar plates", "金属双极板", "金屬雙極板"),
            ),
        ),
        SubSector(
            slug="carbon-accounting-trading",
            name=P("Carbon Accounting & Trading", "碳核算与碳交易", "碳核算及碳交易"),
            products=(
                P("carbon accounting software", "碳核算软件", "碳核算軟件"),
                P("product carbon-footprint certification", "产品碳足迹认证服务", "產品碳足跡認證服務"),
                P("carbon-credit project development", "碳信用项目开发", "碳信用項目開發"),
            ),
            technologies=(
                P("satellite-based emission monitoring", "卫星排放监测", "衞星排放監測"),
                P("life-cycle assessment modelling", "全生命周期评价建模", "生命周期評估模型"),
            ),
        ),
        SubSector(
            slug="energy-efficiency-smart-grids",
            name=P("Energy Efficiency & Smart Grids", "节能与智能电网", "節能及智能電網"),
            products=(
                P("building energy management systems", "楼宇能源管理系统", "樓宇能源管理系統"),
                P("rooftop solar and storage for factories", "工厂屋顶光伏及储能", "工廠天台太陽能及儲能"),
                P("virtual power plant software", "虚拟电厂软件", "虛擬電廠軟件"),
            ),
            technologies=(
                P("AI-driven HVAC optimisation", "AI暖通空调优化", "AI空調系統優化"),
                P("demand-response forecasting", "需求响应预测", "需求響應預測"),
            ),
        ),
        SubSector(
            slug="circular-economy",
            name=P("Circular Economy & Recycling", "循环经济与资源回收", "循環經濟及資源回收"),
            products=(
                P("battery recycling lines", "动力电池回收产线", "電池回收生產線"),
                P("food-waste-to-energy systems", "厨余垃圾能源化系统", "廚餘轉化能源系統"),
                P("recycled-plastic packaging", "再生塑料包装", "再生塑膠包裝"),
            ),
            technologies=(
                P("AI-based sorting and material recovery", "AI分选与资源回收技术", "AI分揀及物料回收技術"),
                P("low-energy recycling processes", "低能耗再生工艺", "低能耗再生工藝"),
            ),
        ),
    ),
    proofs=(
        Proof(P("Its installations cut customers' energy use by {count}% on average.",
                "项目平均为客户降低能耗{count}%。",
                "項目平均為客戶減少{count}%能源消耗。"), 12, 35),
        Proof(P("{short} has helped {count} companies in {market} measure and reduce their emissions.",
                "{short}已帮助{market}{count}家企业完成碳排放核算与减排。",
                "{short}已協助{market}{count}間企業量度及減少碳排放。"), 20, 300),
        Proof(P("The company has delivered {count} projects with {customer}.",
                "公司已与{customer}合作交付{count}个项目。",
                "公司已與{customer}合作完成{count}個項目。"), 6, 90),
    ),
    pilots=(
        P("green methanol bunkering at Yangshan Port", "洋山港绿色甲醇加注", "洋山港綠色甲醇加注"),
        P("near-zero-carbon buildings in the Lingang pilot area", "临港近零碳建筑示范", "臨港近零碳建築示範"),
        P("rooftop solar for Lingang's industrial parks", "临港产业园区屋顶光伏", "臨港產業園區天台太陽能"),
    ),
)
