"""Fintech: payments and cross-border settlement, regtech, wealthtech and insurtech, blockchain."""

from zonebridge.demo.content.material import SectorMaterial, SubSector
from zonebridge.demo.content.phrases import Phrase as P
from zonebridge.demo.content.phrases import Proof, Trade

SECTOR = SectorMaterial(
    slug="fintech",
    name=P("Fintech", "金融科技", "金融科技"),
    topic=P("fintech", "金融科技", "金融科技"),
    weight_hk=14,
    weight_sh=5,
    trades=(
        Trade(P("Fintech", "金融科技", "金融科技")),
        Trade(P("Financial Information Services", "金融信息服务", "金融資訊服務")),
        Trade(P("Pay", "支付科技", "支付科技")),
    ),
    customers=(
        P("banks", "银行", "銀行"),
        P("small exporters", "中小外贸企业", "中小型出口商"),
        P("insurers", "保险公司", "保險公司"),
        P("asset managers", "资产管理机构", "資產管理公司"),
        P("cross-border merchants", "跨境商户", "跨境商戶"),
    ),
    subsectors=(
        SubSector(
            slug="payments-settlement",
            name=P("Payments & Cross-border Settlement", "支付与跨境结算", "支付及跨境結算"),
            products=(
                P("multi-currency collection accounts", "多币种收款账户", "多幣種收款賬戶"),
                P("cross-border payroll services", "跨境薪酬发放服务", "跨境薪酬發放服務"),
                P("QR-code payment gateways", "二维码支付网关", "二維碼支付網關"),
            ),
            technologies=(
                P("real-time FX risk engines", "实时汇率风险引擎", "實時匯率風險引擎"),
                P("ISO 20022 messaging", "ISO 20022报文标准", "ISO 20022報文標準"),
            ),
        ),
        SubSector(
            slug="regtech-compliance",
            name=P("Regtech & Compliance", "监管科技与合规", "監管科技及合規"),
            products=(
                P("automated KYC and anti-money-laundering screening", "自动化KYC与反洗钱筛查", "自動化KYC及打擊洗錢篩查"),
                P("regulatory reporting software", "监管报送软件", "監管匯報軟件"),
                P("cross-border data compliance tools", "跨境数据合规工具", "跨境數據合規工具"),
            ),
            technologies=(
                P("graph analytics for transaction monitoring", "交易监测图计算分析", "交易監察圖分析"),
                P("privacy-preserving computation", "隐私计算", "私隱保護運算"),
            ),
        ),
        SubSector(
            slug="wealthtech-insurtech",
            name=P("Wealthtech & Insurtech", "财富科技与保险科技", "財富科技及保險科技"),
            products=(
                P("robo-advisory platforms", "智能投顾平台", "智能投資顧問平台"),
                P("digital insurance distribution", "数字化保险分销平台", "數碼保險分銷平台"),
                P("claims automation software", "理赔自动化软件", "理賠自動化軟件"),
            ),
            technologies=(
                P("explainable credit scoring", "可解释信用评分模型", "可解釋信貸評分模型"),
                P("machine learning for actuarial pricing", "精算定价机器学习模型", "精算定價機器學習模型"),
            ),
        ),
        SubSector(
            slug="blockchain-applications",
            name=P("Blockchain Applications", "区块链应用", "區塊鏈應用"),
            products=(
                P("trade-finance document platforms", "贸易融资单据平台", "貿易融資文件平台"),
                P("supply-chain traceability ledgers", "供应链溯源平台", "供應鏈溯源平台"),
                P("tokenised green bond issuance", "绿色债券数字化发行服务", "綠色債券代幣化發行服務"),
            ),
            technologies=(
                P("permissioned distributed ledgers", "许可型分布式账本", "許可制分佈式賬本"),
                P("zero-knowledge proofs", "零知识证明", "零知識證明"),
            ),
        ),
    ),
    proofs=(
        # "{count}00万" is count × 1,000,000: the Chinese counts in ten-thousands.
        Proof(P("{short} processes more than US${count} million of transactions a month.",
                "{short}月均处理交易额超过{count}00万美元。",
                "{short}每月處理交易額逾{count}00萬美元。"), 5, 95),
        Proof(P("It is licensed in {market} and works with {count} partner banks.",
                "公司已在{market}取得相关业务资质，并与{count}家合作银行完成对接。",
                "公司已在{market}取得相關牌照，並與{count}間合作銀行對接。"), 3, 20),
        Proof(P("It has completed a regulatory sandbox trial and now serves {count} institutional clients.",
                "公司已完成监管沙盒测试，目前服务{count}家机构客户。",
                "公司已完成監管沙盒測試，現時服務{count}間機構客戶。"), 5, 80),
    ),
    pilots=(
        P("cross-border payments under Lingang's free-trade accounts", "临港自由贸易账户下的跨境支付",
          "臨港自由貿易賬戶下的跨境支付"),
        P("cross-border data flows in the Lingang data pilot zone", "临港数据跨境流动试点", "臨港數據跨境流動試點"),
    ),
)
