"""Integrated circuits: chip design, EDA and IP, packaging and testing, equipment and materials."""

from zonebridge.demo.content.material import SectorMaterial, SubSector
from zonebridge.demo.content.phrases import Phrase as P
from zonebridge.demo.content.phrases import Proof, Trade

SECTOR = SectorMaterial(
    slug="integrated-circuits",
    name=P("Integrated Circuits", "集成电路", "集成電路"),
    topic=P("integrated circuits", "集成电路", "集成電路"),
    weight_hk=3,
    weight_sh=14,
    trades=(
        Trade(P("Microelectronics", "微电子", "微電子")),
        Trade(P("Semiconductor", "半导体", "半導體")),
        Trade(P("Chip Technology", "芯片科技", "晶片科技")),
    ),
    customers=(
        P("consumer electronics brands", "消费电子品牌", "消費電子品牌"),
        P("automotive electronics suppliers", "汽车电子供应商", "汽車電子供應商"),
        P("wafer fabs", "晶圆厂", "晶圓廠"),
        P("data-centre operators", "数据中心运营商", "數據中心營運商"),
        P("industrial equipment makers", "工业设备制造商", "工業設備製造商"),
    ),
    subsectors=(
        SubSector(
            slug="chip-design",
            name=P("Chip Design", "芯片设计", "晶片設計"),
            products=(
                P("low-power AIoT systems-on-chip", "低功耗AIoT系统级芯片", "低功耗AIoT系統單晶片"),
                P("automotive microcontrollers", "车规级MCU", "車規級微控制器"),
                P("high-speed SerDes interface chips", "高速SerDes接口芯片", "高速SerDes介面晶片"),
            ),
            technologies=(
                P("RISC-V processor cores", "RISC-V处理器内核", "RISC-V處理器核心"),
                P("mixed-signal design on 28 nm processes", "28纳米工艺数模混合设计", "28納米製程混合信號設計"),
            ),
        ),
        SubSector(
            slug="eda-ip",
            name=P("EDA & IP", "EDA与半导体IP", "EDA及半導體IP"),
            products=(
                P("cloud-based verification tools", "云端EDA验证工具", "雲端EDA驗證工具"),
                P("licensable interface IP", "可授权的接口IP核", "可授權的介面IP核"),
                P("design-for-test software", "可测性设计软件", "可測試性設計軟件"),
            ),
            technologies=(
                P("machine-learning-guided place and route", "机器学习辅助布局布线", "機器學習輔助佈局佈線"),
                P("formal verification", "形式化验证", "形式驗證"),
            ),
        ),
        SubSector(
            slug="packaging-testing",
            name=P("Packaging & Testing", "封装测试", "封裝測試"),
            products=(
                P("advanced chiplet packaging", "Chiplet先进封装", "Chiplet先進封裝"),
                P("wafer-level test equipment", "晶圆级测试设备", "晶圓級測試設備"),
                P("failure analysis services", "失效分析服务", "失效分析服務"),
            ),
            technologies=(
                P("2.5D silicon interposer integration", "2.5D硅中介层集成", "2.5D硅中介層整合"),
                P("automated optical inspection", "自动光学检测", "自動光學檢測"),
            ),
        ),
        SubSector(
            slug="semiconductor-equipment-materials",
            name=P("Semiconductor Equipment & Materials", "半导体设备与材料", "半導體設備及材料"),
            products=(
                P("high-purity electronic gases", "高纯电子特气", "高純度電子特種氣體"),
                P("CMP slurries", "化学机械抛光液", "化學機械拋光液"),
                P("wafer cleaning equipment", "晶圆清洗设备", "晶圓清洗設備"),
            ),
            technologies=(
                P("plasma process control", "等离子体工艺控制", "等離子體製程控制"),
                P("ultra-high-purity purification", "超高纯提纯工艺", "超高純度提純技術"),
            ),
        ),
    ),
    proofs=(
        Proof(P("{short} has completed {count} customer projects and now serves {customer} in {market} and beyond.",
                "{short}已完成{count}个客户项目，目前服务{market}及其他地区的{customer}。",
                "{short}已完成{count}個客戶項目，現時服務{market}及其他地區的{customer}。"), 12, 180),
        Proof(P("The core team has an average of {count} years' experience at leading chip companies.",
                "核心团队平均拥有{count}年头部芯片企业从业经验。",
                "核心團隊平均擁有{count}年大型晶片企業工作經驗。"), 8, 20),
        Proof(P("Its products are qualified by {count} customers, including {customer}.",
                "产品已通过{count}家客户验证导入，其中包括{customer}。",
                "產品已通過{count}家客戶驗證，當中包括{customer}。"), 4, 50),
    ),
    pilots=(
        P("chip verification with Lingang's wafer fabs", "与临港晶圆厂开展芯片验证", "與臨港晶圓廠進行晶片驗證"),
        P("a shared tape-out service in the Lingang chip cluster", "临港集成电路产业园共享流片服务",
          "臨港集成電路產業園的共享流片服務"),
    ),
)
