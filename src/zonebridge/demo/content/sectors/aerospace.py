"""Aerospace and marine equipment: civil aviation, commercial space, drones, marine equipment."""

from zonebridge.demo.content.material import SectorMaterial, SubSector
from zonebridge.demo.content.phrases import Phrase as P
from zonebridge.demo.content.phrases import Proof, Trade

SECTOR = SectorMaterial(
    slug="aerospace-marine",
    name=P("Aerospace & Marine Equipment", "航空航天与海洋装备", "航空航天及海洋裝備"),
    topic=P("aerospace and marine equipment", "航空航天与海洋装备", "航空航天及海洋裝備"),
    weight_hk=3,
    weight_sh=8,
    trades=(
        Trade(P("Aerospace Technology", "航空科技", "航空科技")),
        Trade(P("Marine Technology", "海洋科技", "海洋科技")),
        Trade(P("Aviation Equipment", "航空装备", "航空裝備")),
    ),
    customers=(
        P("aircraft manufacturers", "飞机制造商", "飛機製造商"),
        P("satellite operators", "卫星运营商", "衞星營運商"),
        P("shipyards", "造船厂", "造船廠"),
        P("offshore wind developers", "海上风电开发商", "海上風電發展商"),
        P("airlines and maintenance providers", "航空公司及维修企业", "航空公司及維修機構"),
    ),
    subsectors=(
        SubSector(
            slug="civil-aviation",
            name=P("Civil Aviation Supply Chain", "民用航空配套", "民用航空配套"),
            products=(
                P("cabin interior components", "客舱内饰部件", "機艙內飾部件"),
                P("aircraft maintenance software", "飞机维修管理软件", "飛機維修管理軟件"),
                P("composite aerostructures", "复合材料机体结构件", "複合材料機身結構件"),
            ),
            technologies=(
                P("airworthiness certification engineering", "适航审定工程", "適航認證工程"),
                P("predictive maintenance analytics", "预测性维护分析", "預測性維修分析"),
            ),
        ),
        SubSector(
            slug="commercial-space",
            name=P("Commercial Space", "商业航天", "商業航天"),
            products=(
                P("small satellite platforms", "小卫星平台", "小型衞星平台"),
                P("satellite ground stations", "卫星地面站", "衞星地面站"),
                P("Earth-observation data services", "遥感数据服务", "遙感數據服務"),
            ),
            technologies=(
                P("inter-satellite laser links", "星间激光通信", "衞星間激光通訊"),
                P("on-board AI image processing", "星上AI图像处理", "衞星上AI影像處理"),
            ),
        ),
        SubSector(
            slug="drones-low-altitude",
            name=P("Drones & Low-Altitude Economy", "无人机与低空经济", "無人機及低空經濟"),
            products=(
                P("logistics drones", "物流无人机", "物流無人機"),
                P("eVTOL flight control systems", "eVTOL飞行控制系统", "eVTOL飛行控制系統"),
                P("drone inspection services", "无人机巡检服务", "無人機巡檢服務"),
            ),
            technologies=(
                P("low-altitude traffic management", "低空飞行服务管理（UTM）", "低空飛行交通管理（UTM）"),
                P("beyond-visual-line-of-sight navigation", "超视距导航", "超視距導航"),
            ),
        ),
        SubSector(
            slug="marine-equipment",
            name=P("Marine Equipment & Ocean Tech", "海洋装备与海洋科技", "海洋裝備及海洋科技"),
            products=(
                P("autonomous surface vessels", "无人水面艇", "無人水面船"),
                P("underwater inspection robots", "水下检测机器人", "水底檢測機械人"),
                P("LNG fuel-gas supply systems", "LNG燃料供气系统", "LNG燃料供氣系統"),
            ),
            technologies=(
                P("hydroacoustic positioning", "水声定位", "水聲定位"),
                P("electric propulsion", "电力推进", "電力推進"),
            ),
        ),
    ),
    proofs=(
        Proof(P("{short} is an approved supplier to {count} {customer}.",
                "{short}已进入{count}家{customer}的合格供应商名录。",
                "{short}已成為{count}家{customer}的認可供應商。"), 2, 15),
        Proof(P("Its equipment has logged more than {count},000 hours in operation.",
                "设备累计运行超过{count}000小时。",
                "設備累計運作逾{count}000小時。"), 2, 90),
        Proof(P("The company completed {count} flight and sea trials last year.",
                "公司去年完成飞行及海上试验{count}次。",
                "公司去年完成{count}次飛行及海上測試。"), 4, 60),
    ),
    pilots=(
        P("low-altitude logistics routes over Lingang", "临港低空物流航线", "臨港低空物流航線"),
        P("sea trials off the Lingang coast", "临港海域的海上试验", "臨港海域的海上測試"),
    ),
)
