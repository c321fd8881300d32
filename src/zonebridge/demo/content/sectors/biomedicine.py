"""Biomedicine and medical devices: innovative drugs, devices, diagnostics, digital health."""

from zonebridge.demo.content.material import SectorMaterial, SubSector
from zonebridge.demo.content.phrases import Phrase as P
from zonebridge.demo.content.phrases import Proof, Trade

SECTOR = SectorMaterial(
    slug="biomedicine",
    name=P("Biomedicine & Medical Devices", "生物医药与医疗器械", "生物醫藥及醫療儀器"),
    topic=P("biomedicine and medical devices", "生物医药与医疗器械", "生物醫藥及醫療儀器"),
    weight_hk=12,
    weight_sh=12,
    trades=(
        Trade(P("Biotechnology", "生物科技", "生物科技"), short=P("Bio", "生物", "生物")),
        Trade(P("Medical Technology", "医疗科技", "醫療科技"), short=P("Medical", "医疗", "醫療")),
        Trade(P("Pharmaceuticals", "医药科技", "醫藥科技")),
    ),
    customers=(
        P("hospitals", "医院", "醫院"),
        P("pharmaceutical companies", "药企", "藥廠"),
        P("clinical laboratories", "临床检验实验室", "臨床化驗所"),
        P("clinics and primary-care providers", "诊所和基层医疗机构", "診所及基層醫療機構"),
        P("patients with chronic diseases", "慢病患者", "慢性病患者"),
    ),
    subsectors=(
        SubSector(
            slug="innovative-drugs",
            name=P("Innovative Drugs", "创新药", "創新藥物"),
            products=(
                P("antibody-drug conjugates", "抗体偶联药物（ADC）", "抗體藥物偶聯物（ADC）"),
                P("mRNA therapeutics", "mRNA药物", "mRNA藥物"),
                P("targeted small-molecule drugs for liver cancer", "肝癌小分子靶向药", "肝癌小分子標靶藥物"),
            ),
            technologies=(
                P("AI-assisted drug discovery", "AI辅助药物发现", "AI輔助藥物研發"),
                P("structure-based drug design", "基于结构的药物设计", "以結構為基礎的藥物設計"),
            ),
        ),
        SubSector(
            slug="medical-devices",
            name=P("Medical Devices", "医疗器械", "醫療儀器"),
            products=(
                P("surgical robots", "手术机器人", "手術機械人"),
                P("portable ultrasound scanners", "便携式超声设备", "便攜式超聲波掃描器"),
                P("wearable cardiac monitors", "可穿戴心电监测设备", "穿戴式心電監測裝置"),
            ),
            technologies=(
                P("low-power biomedical sensing", "低功耗生物医学传感", "低功耗生物醫學感測"),
                P("AI-assisted signal and image analysis", "AI辅助信号与影像分析", "AI輔助訊號及影像分析"),
            ),
        ),
        SubSector(
            slug="diagnostics",
            name=P("Diagnostics", "体外诊断", "體外診斷"),
            products=(
                P("point-of-care test kits", "即时检测（POCT）试剂盒", "即時檢測（POCT）試劑盒"),
                P("liquid-biopsy cancer screening", "液体活检癌症早筛", "液體活檢癌症篩查"),
                P("microfluidic analysers", "微流控分析仪", "微流控分析儀"),
            ),
            technologies=(
                P("microfluidic sample preparation", "微流控样本前处理", "微流控樣本前處理"),
                P("multiplex molecular assays", "多重分子检测", "多重分子檢測"),
            ),
        ),
        SubSector(
            slug="digital-health",
            name=P("Digital Health", "数字医疗", "數碼醫療"),
            products=(
                P("remote patient monitoring platforms", "远程患者监测平台", "遙距病人監測平台"),
                P("AI medical imaging software", "AI医学影像软件", "AI醫學影像軟件"),
                P("chronic-disease management apps", "慢病管理应用", "慢性病管理應用程式"),
            ),
            technologies=(
                P("federated learning on hospital data", "基于医院数据的联邦学习", "以醫院數據進行的聯邦學習"),
                P("clinical natural language processing", "临床自然语言处理", "臨床自然語言處理"),
            ),
        ),
    ),
    proofs=(
        Proof(P("Its lead product is in clinical trials at {count} hospitals.",
                "核心产品正在{count}家医院开展临床试验。",
                "核心產品正於{count}間醫院進行臨床試驗。"), 3, 25),
        Proof(P("{short} holds {count} granted patents and runs a GMP-grade laboratory.",
                "{short}拥有{count}项授权专利，并建有符合GMP标准的实验室。",
                "{short}持有{count}項已授權專利，並設有符合GMP標準的實驗室。"), 5, 60),
        Proof(P("Its products are used by {count} hospitals and clinics in {market}.",
                "产品已进入{market}{count}家医院及诊所。",
                "產品已獲{market}{count}間醫院及診所採用。"), 8, 120),
    ),
    pilots=(
        P("clinical studies with Lingang's new hospitals", "与临港新建医院合作开展临床研究",
          "與臨港新建醫院合作進行臨床研究"),
        P("the Lingang pilot zone for imported medical devices", "临港进口医疗器械先行先试",
          "臨港進口醫療儀器先行先試"),
    ),
)
