"""What student profiles are written from: majors and their skills, degrees, headlines, names and nationalities."""

from dataclasses import dataclass

from zonebridge.demo.content.phrases import Local
from zonebridge.demo.content.phrases import Phrase as P


@dataclass(frozen=True)
class Major:
    """A field of study, the sector its graduates look for work in, and skills its students list."""

    name: P
    sector: str
    skills: tuple[P, ...]


def _same(word: str) -> P:
    """A skill written the same in every language (Python, Verilog)."""
    return P(word, word, word)


MAJORS = (
    Major(P("Microelectronics", "微电子科学与工程", "微電子科學與工程"), "integrated-circuits",
          (_same("Verilog"), P("analogue circuit design", "模拟电路设计", "模擬電路設計"), _same("Cadence Virtuoso"),
           _same("Python"))),
    Major(P("Electrical Engineering", "电气工程及其自动化", "電機工程"), "green-low-carbon",
          (_same("MATLAB/Simulink"), P("power electronics", "电力电子", "電力電子"), _same("PLC"),
           P("battery modelling", "电池建模", "電池建模"))),
    Major(P("Vehicle Engineering", "车辆工程", "車輛工程"), "new-energy-vehicles",
          (_same("CATIA"), P("vehicle control units", "整车控制", "整車控制"), _same("CAN bus"), _same("C++"))),
    Major(P("Computer Science", "计算机科学与技术", "電腦科學"), "ai-robotics",
          (_same("Python"), _same("PyTorch"), P("machine learning", "机器学习", "機器學習"), _same("SQL"))),
    Major(P("Artificial Intelligence", "人工智能", "人工智能"), "ai-robotics",
          (_same("PyTorch"), P("computer vision", "计算机视觉", "電腦視覺"),
           P("large language models", "大语言模型", "大型語言模型"), _same("ROS"))),
    Major(P("Robotics Engineering", "机器人工程", "機械人工程"), "ai-robotics",
          (_same("ROS"), _same("SolidWorks"), P("motion control", "运动控制", "運動控制"), _same("C++"))),
    Major(P("Biomedical Engineering", "生物医学工程", "生物醫學工程"), "biomedicine",
          (P("medical device registration", "医疗器械注册", "醫療儀器註冊"), _same("MATLAB"),
           P("signal processing", "信号处理", "訊號處理"), _same("ISO 13485"))),
    Major(P("Pharmacy", "药学", "藥劑學"), "biomedicine",
          (P("drug analysis", "药物分析", "藥物分析"), _same("HPLC"), _same("GMP"),
           P("clinical trials", "临床试验", "臨床試驗"))),
    Major(P("Finance", "金融学", "金融學"), "fintech",
          (P("financial modelling", "财务建模", "財務建模"), _same("Python"),
           P("risk management", "风险管理", "風險管理"), _same("Bloomberg"))),
    Major(P("Financial Technology", "金融科技", "金融科技"), "fintech",
          (P("blockchain", "区块链", "區塊鏈"), _same("SQL"), P("payment systems", "支付系统", "支付系統"),
           P("compliance", "合规", "合規"))),
    Major(P("Environmental Engineering", "环境工程", "環境工程"), "green-low-carbon",
          (P("carbon accounting", "碳核算", "碳核算"), P("life-cycle assessment", "生命周期评价", "生命周期評估"),
           _same("GIS"), _same("Python"))),
    Major(P("Logistics Management", "物流管理", "物流管理"), "logistics-shipping",
          (P("supply-chain analysis", "供应链分析", "供應鏈分析"), _same("SAP"), _same("Excel"),
           P("international trade practice", "国际贸易实务", "國際貿易實務"))),
    Major(P("Naval Architecture and Ocean Engineering", "船舶与海洋工程", "船舶及海洋工程"), "aerospace-marine",
          (_same("AutoCAD"), _same("ANSYS"), P("ship design", "船舶设计", "船舶設計"),
           P("fluid mechanics", "流体力学", "流體力學"))),
    Major(P("Aerospace Engineering", "飞行器设计与工程", "航空航天工程"), "aerospace-marine",
          (_same("ANSYS"), _same("CATIA"), P("flight control", "飞行控制", "飛行控制"), _same("MATLAB"))),
    Major(P("Materials Science", "材料科学与工程", "材料科學及工程"), "advanced-materials",
          (_same("SEM"), _same("XRD"), P("materials characterisation", "材料表征", "材料表徵"), _same("Origin"))),
    Major(P("E-commerce", "电子商务", "電子商務"), "cross-border-commerce",
          (P("data analysis", "数据分析", "數據分析"),
           P("cross-border store operations", "跨境电商运营", "跨境電商營運"), _same("Shopify"),
           P("social media marketing", "社交媒体营销", "社交媒體營銷"))),
    Major(P("Marketing", "市场营销", "市場學"), "cross-border-commerce",
          (P("brand planning", "品牌策划", "品牌策劃"), P("content marketing", "内容营销", "內容營銷"),
           _same("Google Analytics"), P("consumer research", "消费者研究", "消費者研究"))),
    Major(P("Urban Planning", "城乡规划", "城市規劃"), "smart-city-iot",
          (_same("GIS"), P("urban data analysis", "城市数据分析", "城市數據分析"), _same("Rhino"),
           P("transport planning", "交通规划", "交通規劃"))),
    Major(P("Digital Media Arts", "数字媒体艺术", "數碼媒體藝術"), "digital-media-creative",
          (_same("Blender"), _same("Unreal Engine"), P("animation", "动画制作", "動畫製作"), _same("Figma"))),
    Major(P("Industrial Design", "工业设计", "工業設計"), "digital-media-creative",
          (_same("Figma"), P("user research", "用户研究", "用戶研究"), _same("Rhino"), _same("KeyShot"))),
    Major(P("Educational Technology", "教育技术学", "教育科技"), "education-talent",
          (P("curriculum design", "课程设计", "課程設計"), P("instructional design", "教学设计", "教學設計"),
           _same("Python"), P("learning analytics", "学习分析", "學習分析"))),
    Major(P("Law", "法学", "法律"), "professional-services",
          (P("company law", "公司法", "公司法"), P("intellectual property law", "知识产权法", "知識產權法"),
           P("contract review", "合同审阅", "合約審閱"), P("legal research", "法律检索", "法律研究"))),
    Major(P("Accounting", "会计学", "會計學"), "professional-services",
          (P("auditing", "审计", "審計"), P("taxation", "税务", "稅務"), _same("Excel"),
           P("financial reporting", "财务报告", "財務報告"))),
)

# Degree, its share of students, and the years a student can be in.
DEGREES = (
    (P("Undergraduate", "本科生", "本科生"), 60, 4),
    (P("Master's student", "硕士研究生", "碩士生"), 32, 2),
    (P("PhD candidate", "博士研究生", "博士生"), 8, 4),
)
HEADLINES = P("{degree} in {major} at {university}", "{university}{major}专业{degree}", "{university}{major}{degree}")
LOOKING_FOR_HK = Local("open to internships in Lingang", "尋找臨港實習機會")
LOOKING_FOR_SH = Local("looking for internships in Hong Kong", "寻找香港实习机会")
BIO_INTEREST = P("Interested in {topic}.", "关注{topic}领域。", "對{topic}感興趣。")
BIO_INTERNSHIP = P("Interned at {organisation}.", "曾在{organisation}实习。", "曾於{organisation}實習。")

# Spoken languages a student may list as a skill.
LANGUAGE_SKILLS_SH = (Local("English (IELTS 7.0)", "英语（雅思7.0）"), Local("English (CET-6)", "英语六级"),
                      Local("Japanese (JLPT N2)", "日语N2"), Local("Cantonese (basic)", "粤语（基础）"))
LANGUAGE_SKILLS_HK = (Local("Putonghua", "普通話"), Local("English, Cantonese and Putonghua", "英語、粵語及普通話"),
                      Local("Japanese (JLPT N3)", "日語N3"), Local("French (B1)", "法語（B1）"))

# Hong Kong surnames with their Cantonese romanisation (Chan 陳, Wong 黃), as on Hong Kong identity cards.
HK_SURNAMES = (
    ("Chan", "陳"), ("Wong", "黃"), ("Lee", "李"), ("Cheung", "張"), ("Lau", "劉"), ("Ng", "吳"), ("Ho", "何"),
    ("Leung", "梁"), ("Lam", "林"), ("Tsang", "曾"), ("Chow", "周"), ("Yip", "葉"), ("Tang", "鄧"), ("Fung", "馮"),
    ("Kwok", "郭"), ("Lo", "盧"), ("Tse", "謝"), ("Choi", "蔡"), ("Mak", "麥"), ("Yeung", "楊"), ("Law", "羅"),
    ("Cheng", "鄭"), ("Poon", "潘"), ("Siu", "蕭"), ("Tam", "譚"), ("Kwan", "關"), ("Chu", "朱"), ("So", "蘇"),
    ("Hui", "許"), ("Yuen", "袁"),
)

# (nationality, share) per zone; most students are local, some come from the mainland or abroad.
NATIONALITIES_SH = (("China", 92), ("Malaysia", 2), ("Republic of Korea", 2), ("Thailand", 1), ("Indonesia", 1),
                    ("Kazakhstan", 1), ("Pakistan", 1))
NATIONALITIES_HK = (("China (Hong Kong SAR)", 68), ("China", 22), ("India", 2), ("Malaysia", 2),
                    ("Republic of Korea", 2), ("United Kingdom", 1), ("Indonesia", 2), ("Vietnam", 1))
