"""Gazette legal-event texts as CNIPA-style exports give them (one patent's history), shared by
the parser tests and the ledger tests."""

NUMBER = "ZL202210000001.0"
CATL = "宁德时代新能源科技股份有限公司"
SERVICE = "时代电服科技有限公司"
SERVICE_RENAMED = "时代电服科技股份有限公司"
ICBC = "中国工商银行股份有限公司宁德分行"
LICENSEE = "福建时代星云科技有限公司"
CO_OWNER = "宁德蕉城时代新能源科技有限公司"

TR01 = (
    f"TR01 专利权的转移 IPC(主分类)：H01M 10/0525 专利号：{NUMBER} 登记生效日：2023.05.12 "
    f"变更事项：专利权人 变更前权利人：{CATL} 变更后权利人：{SERVICE} "
    "变更事项：地址 变更前：352100 福建省宁德市蕉城区漳湾镇新港路2号 "
    "变更后：350000 福建省福州市鼓楼区"
)
PE01 = (
    f"PE01 专利权质押合同登记的生效 IPC(主分类)：H01M 10/0525 专利号：{NUMBER} "
    f"登记号：Y2023980012345 登记生效日：20230612 出质人：{SERVICE} 质权人：{ICBC} "
    "发明名称：一种锂离子电池及其制备方法 申请日：20220101 授权公告日：20230301"
)
EE01 = (
    f"EE01 专利实施许可合同备案的生效 IPC(主分类)：H01M 10/0525 合同备案号：X2023990000123 "
    f"让与人：{SERVICE} 受让人：{LICENSEE} 发明名称：一种锂离子电池及其制备方法 "
    "申请日：2022.01.01 申请公布日：2022.04.01 授权公告日：2023.03.01 许可种类：独占许可 "
    "备案日期：2023.7.5"
)
CP01 = (
    f"CP01 专利权人的姓名或者名称、地址的变更 IPC(主分类)：H01M 10/0525 专利号：{NUMBER} "
    f"变更事项：专利权人 变更前：{SERVICE} 变更后：{SERVICE_RENAMED} 登记生效日：2023年9月1日"
)
EC01 = (
    f"EC01 专利实施许可合同备案的注销 IPC(主分类)：H01M 10/0525 合同备案号：X2023990000123 "
    f"让与人：{SERVICE_RENAMED} 受让人：{LICENSEE} 解除日：2024-01-10"
)
TR01_CO_OWNER = (
    f"TR01 专利权的转移 专利号：{NUMBER} 登记生效日：2024.03.01 变更事项：专利权人 "
    f"变更前权利人：{SERVICE_RENAMED} 变更后权利人：{SERVICE_RENAMED}；{CO_OWNER}"
)
PC01 = (
    f"PC01 专利权质押合同登记的注销 IPC(主分类)：H01M 10/0525 专利号：{NUMBER} "
    f"登记号：Y2023980012345 出质人：{SERVICE_RENAMED} 质权人：{ICBC} 解除日：2024.06.11"
)
