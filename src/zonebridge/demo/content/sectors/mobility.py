"""New energy and smart vehicles: batteries, charging, autonomous driving, vehicle software."""

from zonebridge.demo.content.material import SectorMaterial, SubSector
from zonebridge.demo.content.phrases import Phrase as P
from zonebridge.demo.content.phrases import Proof, Trade

SECTOR = SectorMaterial(
    slug="new-energy-vehicles",
    name=P("New Energy & Smart Vehicles", "新能源与智能网联汽车", "新能源及智能汽車"),
    topic=P("new energy and smart vehicles", "新能源与智能网联汽车", "新能源及智能汽車"),
    weight_hk=4,
    weight_sh=16,
    trades=(
        Trade(P("Energy Technology", "能源科技", "能源科技"), short=P("Energy", "能源", "能源")),
        Trade(P("Auto Technology", "汽车科技", "汽車科技")),
        Trade(P("Smart Mobility", "智能出行科技", "智能出行科技")),
        Trade(P("Power Systems", "动力系统", "動力系統"), short=P("Power", "动力", "動力")),
    ),
    customers=(
        P("EV makers", "新能源车企", "電動車製造商"),
        P("fleet operators", "车队运营商", "車隊營運商"),
        P("energy storage developers", "储能电站开发商", "儲能項目發展商"),
        P("tier-1 auto suppliers", "一级汽车零部件供应商", "一級汽車零部件供應商"),
        P("car park operators", "停车场运营方", "停車場營運商"),
    ),
    subsectors=(
        SubSector(
            slug="batteries-energy-storage",
            name=P("Batteries & Energy Storage", "动力电池与储能", "動力電池及儲能"),
            products=(
                P("solid-state battery cells", "固态电池电芯", "固態電池電芯"),
                P("battery management systems", "电池管理系统", "電池管理系統"),
                P("containerised energy storage systems", "集装箱式储能系统", "貨櫃式儲能系統"),
                P("battery health analytics", "电池健康度分析服务", "電池健康分析服務"),
            ),
            technologies=(
                P("electrochemical cell modelling", "电芯电化学建模", "電芯電化學建模"),
                P("cell-level thermal runaway detection", "电芯级热失控预警技术", "電芯級熱失控預警技術"),
            ),
        ),
        SubSector(
            slug="charging-battery-swapping",
            name=P("Charging & Battery Swapping", "充换电", "充電及換電"),
            products=(
                P("ultra-fast DC chargers", "大功率直流快充桩", "大功率直流快速充電器"),
                P("battery swapping stations", "换电站", "換電站"),
                P("charging management software", "充电运营管理平台", "充電管理軟件"),
                P("vehicle-to-grid controllers", "车网互动（V2G）控制器", "車網互動（V2G）控制器"),
            ),
            technologies=(
                P("silicon-carbide power modules", "碳化硅功率模块", "碳化硅功率模組"),
                P("dynamic load-balancing algorithms", "动态负荷均衡算法", "動態負載平衡算法"),
            ),
        ),
        SubSector(
            slug="autonomous-driving",
            name=P("Autonomous Driving", "自动驾驶", "自動駕駛"),
            products=(
                P("L4 autonomous driving kits for logistics vehicles", "物流车L4级自动驾驶套件", "物流車L4級自動駕駛套件"),
                P("automated valet parking", "自主代客泊车系统", "自動代客泊車系統"),
                P("simulation and testing tools for self-driving software", "自动驾驶仿真测试工具链",
                  "自動駕駛模擬測試工具"),
                P("high-definition maps", "高精度地图", "高精地圖"),
            ),
            technologies=(
                P("fusion of lidar, radar and camera data", "激光雷达、毫米波雷达与摄像头多传感器融合",
                  "光學雷達、毫米波雷達及鏡頭多感應器融合"),
                P("end-to-end motion planning models", "端到端规划决策模型", "端到端路徑規劃模型"),
            ),
        ),
        SubSector(
            slug="vehicle-electronics-software",
            name=P("Vehicle Electronics & Software", "汽车电子与软件", "汽車電子及軟件"),
            products=(
                P("smart cockpit software", "智能座舱软件", "智能座艙軟件"),
                P("over-the-air update platforms", "OTA远程升级平台", "OTA遙距更新平台"),
                P("automotive-grade domain controllers", "车规级域控制器", "車規級域控制器"),
            ),
            technologies=(
                P("a service-oriented vehicle architecture", "面向服务的整车电子电气架构", "面向服務的整車電子電氣架構"),
                P("functional-safety engineering to ISO 26262", "ISO 26262功能安全开发体系", "ISO 26262功能安全開發流程"),
            ),
        ),
    ),
    proofs=(
        Proof(P("{short} already supplies {customer} in {market}, with more than {count} units in operation.",
                "{short}已为{market}的{customer}批量供货，累计投运超过{count}台（套）。",
                "{short}已為{market}的{customer}供貨，累計投入運作逾{count}套。"), 200, 9000),
        Proof(P("Its products have passed automotive-grade reliability tests and are in trial use with {count} customers.",
                "产品已通过车规级可靠性测试，目前在{count}家客户处试点应用。",
                "產品已通過車規級可靠性測試，現正於{count}家客戶試用。"), 3, 40),
        Proof(P("The company holds {count} patents and runs a pilot production line in {market}.",
                "公司拥有{count}项专利，并在{market}建有中试线。",
                "公司持有{count}項專利，並於{market}設有試產線。"), 8, 160),
    ),
    pilots=(
        P("autonomous container trucks at Yangshan Port", "洋山港自动驾驶集卡", "洋山港自動駕駛貨櫃車"),
        P("battery swapping for Lingang's electric taxis", "临港电动出租车换电", "臨港電動的士換電"),
        P("public charging hubs around Dishui Lake", "滴水湖周边公共充电枢纽", "滴水湖一帶的公共充電站"),
    ),
)
