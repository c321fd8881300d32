"""Smart city and IoT: devices and connectivity, smart buildings, urban digital twins, smart transport."""

from zonebridge.demo.content.material import SectorMaterial, SubSector
from zonebridge.demo.content.phrases import Phrase as P
from zonebridge.demo.content.phrases import Proof, Trade

SECTOR = SectorMaterial(
    slug="smart-city-iot",
    name=P("Smart City & IoT", "智慧城市与物联网", "智慧城市及物聯網"),
    topic=P("smart city and IoT", "智慧城市与物联网", "智慧城市及物聯網"),
    weight_hk=10,
    weight_sh=7,
    trades=(
        Trade(P("IoT Technology", "物联网科技", "物聯網科技")),
        Trade(P("Smart Technology", "智慧科技", "智慧科技")),
        Trade(P("Digital Technology", "数字科技", "數碼科技")),
    ),
    customers=(
        P("city authorities", "城市管理部门", "政府部門"),
        P("property developers", "房地产开发商", "地產發展商"),
        P("facility managers", "设施管理方", "設施管理公司"),
        P("public transport operators", "公共交通运营商", "公共交通營辦商"),
        P("utilities", "公用事业单位", "公用事業機構"),
    ),
    subsectors=(
        SubSector(
            slug="iot-devices-connectivity",
            name=P("IoT Devices & Connectivity", "物联网设备与连接", "物聯網裝置及連接"),
            products=(
                P("LoRaWAN sensor networks", "LoRaWAN传感网络", "LoRaWAN感應器網絡"),
                P("NB-IoT smart meters", "NB-IoT智能表计", "NB-IoT智能錶"),
                P("industrial IoT gateways", "工业物联网网关", "工業物聯網閘道器"),
            ),
            technologies=(
                P("ultra-low-power wireless design", "超低功耗无线设计", "超低功耗無線設計"),
                P("edge computing", "边缘计算", "邊緣運算"),
            ),
        ),
        SubSector(
            slug="smart-buildings",
            name=P("Smart Buildings", "智能楼宇", "智能樓宇"),
            products=(
                P("building operations platforms", "楼宇运营管理平台", "樓宇營運管理平台"),
                P("indoor air-quality monitoring", "室内空气质量监测", "室內空氣質素監測"),
                P("predictive maintenance for lifts", "电梯预测性维护", "升降機預測性維修"),
            ),
            technologies=(
                P("BIM-based digital twins", "基于BIM的数字孪生", "以BIM為基礎的數碼孿生"),
                P("occupancy sensing", "人员占用感知", "使用率感應"),
            ),
        ),
        SubSector(
            slug="urban-digital-twins",
            name=P("Urban Digital Twins & Data", "城市数字孪生与数据平台", "城市數碼孿生及數據平台"),
            products=(
                P("city operations dashboards", "城市运行管理平台", "城市營運儀表板"),
                P("flood early-warning systems", "城市内涝预警系统", "水浸預警系統"),
                P("open data platforms", "公共数据开放平台", "公共數據開放平台"),
            ),
            technologies=(
                P("spatio-temporal data fusion", "时空大数据融合", "時空大數據融合"),
                P("3D city modelling", "城市三维建模", "城市三維建模"),
            ),
        ),
        SubSector(
            slug="smart-transport",
            name=P("Smart Transport", "智慧交通", "智慧交通"),
            products=(
                P("adaptive traffic-signal control", "自适应信号灯控制", "自適應交通燈控制"),
                P("smart parking apps", "智慧停车应用", "智能泊車應用程式"),
                P("bus fleet scheduling software", "公交智能调度软件", "巴士車隊調度軟件"),
            ),
            technologies=(
                P("vehicle-to-infrastructure communication", "车路协同（V2X）通信", "車路協同（V2X）通訊"),
                P("traffic flow prediction", "交通流预测", "交通流量預測"),
            ),
        ),
    ),
    proofs=(
        Proof(P("Its systems run in {count} buildings and public facilities.",
                "系统已在{count}栋楼宇及公共设施中运行。",
                "系統已於{count}幢大廈及公共設施運作。"), 15, 400),
        Proof(P("{short} has worked with {customer} on {count} projects in {market}.",
                "{short}已与{market}的{customer}合作完成{count}个项目。",
                "{short}已與{market}的{customer}合作完成{count}個項目。"), 5, 60),
        Proof(P("Its sensors report more than {count} million readings a day.",
                "传感器日均上报数据超过{count}00万条。",
                "感應器每日上傳逾{count}00萬條數據。"), 1, 50),
    ),
    pilots=(
        P("the Lingang city digital twin", "临港城市数字孪生平台", "臨港城市數碼孿生平台"),
        P("vehicle-road coordination on Lingang's test roads", "临港测试道路车路协同", "臨港測試道路的車路協同"),
        P("smart building operations in the Dishui Lake business district", "滴水湖商务区智慧楼宇运营",
          "滴水湖商務區智能樓宇營運"),
    ),
)
