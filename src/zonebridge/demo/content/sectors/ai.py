"""Artificial intelligence and robotics: AI applications, computer vision, service and industrial robots."""

from zonebridge.demo.content.material import SectorMaterial, SubSector
from zonebridge.demo.content.phrases import Phrase as P
from zonebridge.demo.content.phrases import Proof, Trade

SECTOR = SectorMaterial(
    slug="ai-robotics",
    name=P("Artificial Intelligence & Robotics", "人工智能与机器人", "人工智能及機械人"),
    topic=P("artificial intelligence and robotics", "人工智能与机器人", "人工智能及機械人"),
    weight_hk=14,
    weight_sh=12,
    trades=(
        Trade(P("Intelligent Technology", "智能科技", "智能科技")),
        Trade(P("Robotics", "机器人", "機械人")),
        Trade(P("AI", "人工智能", "人工智能")),
    ),
    customers=(
        P("manufacturers", "制造企业", "製造商"),
        P("hospitals and elderly-care homes", "医院和养老机构", "醫院及安老院舍"),
        P("retail chains", "连锁零售企业", "連鎖零售商"),
        P("property management companies", "物业管理公司", "物業管理公司"),
        P("banks and insurers", "银行和保险机构", "銀行及保險公司"),
    ),
    subsectors=(
        SubSector(
            slug="ai-applications",
            name=P("Large Models & AI Applications", "大模型与AI应用", "大型模型及AI應用"),
            products=(
                P("domain-specific large language models", "行业大模型", "行業大型語言模型"),
                P("AI customer-service agents", "AI智能客服", "AI客戶服務助理"),
                P("document understanding software", "智能文档处理软件", "智能文件處理軟件"),
            ),
            technologies=(
                P("retrieval-augmented generation", "检索增强生成（RAG）", "檢索增強生成（RAG）"),
                P("model compression for on-device inference", "端侧推理模型压缩", "裝置端推理模型壓縮"),
            ),
        ),
        SubSector(
            slug="computer-vision",
            name=P("Computer Vision", "计算机视觉", "電腦視覺"),
            products=(
                P("visual quality inspection systems", "视觉质检系统", "視覺品質檢測系統"),
                P("video analytics for building safety", "楼宇安全视频分析", "樓宇安全影像分析"),
                P("3D vision sensors", "3D视觉传感器", "3D視覺感應器"),
            ),
            technologies=(
                P("self-supervised image recognition", "自监督图像识别", "自監督影像識別"),
                P("edge AI inference", "边缘AI推理", "邊緣AI推理"),
            ),
        ),
        SubSector(
            slug="service-robots",
            name=P("Service Robots", "服务机器人", "服務機械人"),
            products=(
                P("hospital delivery robots", "医院配送机器人", "醫院送遞機械人"),
                P("cleaning robots for commercial buildings", "商用楼宇清洁机器人", "商業大廈清潔機械人"),
                P("companion robots for elderly care", "养老陪护机器人", "長者陪伴機械人"),
            ),
            technologies=(
                P("indoor SLAM navigation", "室内SLAM导航", "室內SLAM導航"),
                P("multi-robot fleet scheduling", "多机器人集群调度", "多機械人群組調度"),
            ),
        ),
        SubSector(
            slug="industrial-robots-automation",
            name=P("Industrial Robots & Automation", "工业机器人与自动化", "工業機械人及自動化"),
            products=(
                P("collaborative robot arms", "协作机械臂", "協作機械臂"),
                P("autonomous mobile robots for factories", "工厂自主移动机器人（AMR）", "工廠自主移動機械人（AMR）"),
                P("robotic welding cells", "机器人焊接工作站", "機械人焊接工作站"),
            ),
            technologies=(
                P("force-controlled manipulation", "力控操作技术", "力控操作技術"),
                P("digital-twin commissioning", "数字孪生虚拟调试", "數碼孿生虛擬調試"),
            ),
        ),
    ),
    proofs=(
        Proof(P("{short} has deployed its systems at {count} sites, from {customer} to public institutions.",
                "{short}的系统已在{count}个场景落地，覆盖{customer}及公共机构。",
                "{short}的系統已在{count}個場景應用，涵蓋{customer}及公共機構。"), 12, 180),
        Proof(P("Customers report labour savings of around {count}% after six months.",
                "客户使用六个月后平均节省人力约{count}%。",
                "客戶使用六個月後平均節省約{count}%人手。"), 20, 45),
        Proof(P("The team has published {count} papers at leading AI conferences.",
                "团队已在人工智能顶级会议发表论文{count}篇。",
                "團隊已在頂尖人工智能會議發表{count}篇論文。"), 6, 40),
    ),
    pilots=(
        P("delivery robots in Lingang's new residential communities", "临港新建社区的无人配送",
          "臨港新建社區的機械人送遞"),
        P("AI quality inspection at Lingang's equipment factories", "临港装备制造工厂的AI质检",
          "臨港裝備製造廠房的AI品質檢測"),
        P("AI services for the Lingang government service centre", "临港政务服务中心的AI应用",
          "臨港政務服務中心的AI應用"),
    ),
)
