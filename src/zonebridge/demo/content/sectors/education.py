"""Education and talent: edtech, vocational training, talent and HR services."""

from zonebridge.demo.content.material import SectorMaterial, SubSector
from zonebridge.demo.content.phrases import Phrase as P
from zonebridge.demo.content.phrases import Proof, Trade

SECTOR = SectorMaterial(
    slug="education-talent",
    name=P("Education & Talent", "教育与人才", "教育及人才"),
    topic=P("education and talent", "教育与人才服务", "教育及人才服務"),
    weight_hk=7,
    weight_sh=3,
    trades=(
        Trade(P("Education Technology", "教育科技", "教育科技"), short=P("Education", "教育", "教育")),
        Trade(P("Talent Services", "人才服务", "人才服務")),
        Trade(P("Training", "培训", "培訓")),
    ),
    customers=(
        P("universities", "高校", "大學"),
        P("secondary schools", "中学", "中學"),
        P("employers", "用人单位", "僱主"),
        P("young professionals", "青年职场人士", "年輕在職人士"),
        P("corporate HR teams", "企业人力资源部门", "企業人力資源部"),
    ),
    subsectors=(
        SubSector(
            slug="edtech",
            name=P("Edtech", "教育科技", "教育科技"),
            products=(
                P("adaptive maths learning apps", "自适应数学学习应用", "自適應數學學習應用程式"),
                P("AI writing tutors", "AI写作辅导工具", "AI寫作導師"),
                P("STEM lab kits", "STEM实验套件", "STEM實驗套件"),
            ),
            technologies=(
                P("learning analytics", "学习数据分析", "學習數據分析"),
                P("AI tutoring models", "AI辅导模型", "AI輔導模型"),
            ),
        ),
        SubSector(
            slug="vocational-training",
            name=P("Vocational Training", "职业培训", "職業培訓"),
            products=(
                P("EV maintenance training courses", "新能源汽车维修培训课程", "電動車維修培訓課程"),
                P("VR safety training", "VR安全培训", "VR安全培訓"),
                P("digital skills bootcamps", "数字技能训练营", "數碼技能訓練營"),
            ),
            technologies=(
                P("virtual-reality simulation", "虚拟现实仿真", "虛擬實境模擬"),
                P("competency-based assessment", "能力本位评估", "能力為本評估"),
            ),
        ),
        SubSector(
            slug="talent-hr-services",
            name=P("Talent & HR Services", "人力资源服务", "人力資源服務"),
            products=(
                P("cross-border recruitment", "跨境招聘服务", "跨境招聘服務"),
                P("internship matching platforms", "实习匹配平台", "實習配對平台"),
                P("talent visa advisory", "人才签证咨询", "人才簽證諮詢"),
            ),
            technologies=(
                P("skills-based job matching", "基于技能的岗位匹配", "以技能為本的職位配對"),
                P("structured interview analytics", "结构化面试分析", "結構化面試分析"),
            ),
        ),
    ),
    proofs=(
        Proof(P("More than {count}0,000 learners have used its products.",
                "累计服务学员超过{count}万人。",
                "累計服務逾{count}萬名學員。"), 1, 60),
        Proof(P("{short} works with {count} schools and employers in {market}.",
                "{short}已与{market}{count}所院校及用人单位建立合作。",
                "{short}已與{market}{count}間院校及僱主合作。"), 10, 150),
        Proof(P("{count}% of learners complete its courses.",
                "课程完成率达{count}%。",
                "課程完成率達{count}%。"), 70, 95),
    ),
    pilots=(
        P("internship placements with Lingang employers", "临港企业实习岗位对接", "臨港企業實習職位配對"),
        P("skills training for Lingang's new manufacturing workforce", "临港先进制造业技能培训",
          "臨港先進製造業技能培訓"),
    ),
)
