"""Logistics and shipping: smart ports, maritime services, supply chain, cold chain."""

from zonebridge.demo.content.material import SectorMaterial, SubSector
from zonebridge.demo.content.phrases import Phrase as P
from zonebridge.demo.content.phrases import Proof, Trade

SECTOR = SectorMaterial(
    slug="logistics-shipping",
    name=P("Logistics & Shipping", "航运物流", "航運物流"),
    topic=P("logistics and shipping", "航运物流", "航運物流"),
    weight_hk=7,
    weight_sh=10,
    trades=(
        Trade(P("Supply Chain Management", "供应链管理", "供應鏈管理"), short=P("Supply Chain", "供应链", "供應鏈")),
        Trade(P("Logistics Technology", "物流科技", "物流科技"), short=P("Logistics", "物流", "物流")),
        Trade(P("Shipping Technology", "航运科技", "航運科技")),
    ),
    customers=(
        P("freight forwarders", "货代企业", "貨運代理"),
        P("shipping lines", "船公司", "船公司"),
        P("port operators", "港口运营商", "港口營運商"),
        P("manufacturers exporting to Southeast Asia", "出口东南亚的制造企业", "出口東南亞的製造商"),
        P("e-commerce sellers", "电商卖家", "網店賣家"),
    ),
    subsectors=(
        SubSector(
            slug="smart-ports",
            name=P("Smart Ports", "智慧港口", "智慧港口"),
            products=(
                P("automated yard scheduling systems", "自动化堆场调度系统", "自動化堆場調度系統"),
                P("remote crane control", "岸桥远程操控系统", "岸橋遙距操控系統"),
                P("port digital twins", "港口数字孪生", "港口數碼孿生"),
            ),
            technologies=(
                P("5G private networks", "5G专网", "5G專網"),
                P("container-number recognition", "集装箱箱号识别", "貨櫃編號識別"),
            ),
        ),
        SubSector(
            slug="maritime-services",
            name=P("Shipping Services & Maritime Tech", "航运服务与海事科技", "航運服務及海事科技"),
            products=(
                P("vessel fuel-efficiency analytics", "船舶能效分析", "船舶燃油效益分析"),
                P("electronic bills of lading", "电子提单", "電子提單"),
                P("ship-management software", "船舶管理软件", "船舶管理軟件"),
            ),
            technologies=(
                P("voyage optimisation algorithms", "航线优化算法", "航線優化算法"),
                P("satellite AIS data", "卫星AIS数据", "衞星AIS數據"),
            ),
        ),
        SubSector(
            slug="supply-chain-warehousing",
            name=P("Supply Chain & Warehousing", "供应链与仓储", "供應鏈及倉儲"),
            products=(
                P("warehouse management systems", "仓储管理系统（WMS）", "倉庫管理系統（WMS）"),
                P("bonded warehousing", "保税仓储服务", "保稅倉儲服務"),
                P("freight booking platforms", "订舱平台", "訂艙平台"),
            ),
            technologies=(
                P("demand forecasting", "需求预测", "需求預測"),
                P("RFID tracking", "RFID追踪", "RFID追蹤"),
            ),
        ),
        SubSector(
            slug="cold-chain",
            name=P("Cold-Chain Logistics", "冷链物流", "冷鏈物流"),
            products=(
                P("temperature-controlled containers", "温控集装箱", "溫控貨櫃"),
                P("cold-chain monitoring tags", "冷链监测标签", "冷鏈監測標籤"),
                P("pharmaceutical cold-chain services", "医药冷链服务", "醫藥冷鏈服務"),
            ),
            technologies=(
                P("low-power temperature sensing", "低功耗温度传感", "低功耗溫度感應"),
                P("phase-change cooling materials", "相变蓄冷材料", "相變蓄冷物料"),
            ),
        ),
    ),
    proofs=(
        # "{count}0,000 TEU" and "{count}万标准箱" are the same number.
        Proof(P("{short} handles more than {count}0,000 TEU a year for its customers.",
                "{short}每年为客户处理超过{count}万标准箱。",
                "{short}每年為客戶處理逾{count}萬個標準貨櫃。"), 2, 90),
        Proof(P("Its platform connects {count} carriers and warehouses.",
                "平台已连接{count}家承运商和仓库。",
                "平台已連接{count}間承運商及倉庫。"), 30, 400),
        Proof(P("Customers have cut their port dwell times by {count}% on average.",
                "客户平均在港停留时间缩短{count}%。",
                "客戶平均滯港時間縮短{count}%。"), 10, 40),
    ),
    pilots=(
        P("automated yard operations at Yangshan Port", "洋山港自动化堆场作业", "洋山港自動化堆場作業"),
        P("bonded logistics in the Yangshan Special Comprehensive Bonded Zone", "洋山特殊综合保税区保税物流",
          "洋山特殊綜合保稅區保稅物流"),
    ),
)
