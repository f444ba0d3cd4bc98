<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ConflictInbox</name>
    <message>
        <location filename="../../widgets/sync_conflicts.py" line="22"/>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../widgets/sync_conflicts.py" line="23"/>
        <source>Major hazard source</source>
        <translation>重大危险源</translation>
    </message>
    <message>
        <location filename="../../widgets/sync_conflicts.py" line="24"/>
        <source>Tailings pond</source>
        <translation>尾矿库</translation>
    </message>
    <message>
        <location filename="../../widgets/sync_conflicts.py" line="25"/>
        <source>Rescue team</source>
        <translation>救援队伍</translation>
    </message>
    <message>
        <location filename="../../widgets/sync_conflicts.py" line="26"/>
        <source>Supply</source>
        <translation>应急物资</translation>
    </message>
    <message>
        <location filename="../../widgets/sync_conflicts.py" line="29"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../widgets/sync_conflicts.py" line="30"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../widgets/sync_conflicts.py" line="31"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../widgets/sync_conflicts.py" line="32"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../widgets/sync_conflicts.py" line="33"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/sync_conflicts.py" line="34"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../widgets/sync_conflicts.py" line="35"/>
        <source>Division</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <location filename="../../widgets/sync_conflicts.py" line="73"/>
        <source>Keep current value</source>
        <translation>保留当前值</translation>
    </message>
    <message>
        <location filename="../../widgets/sync_conflicts.py" line="74"/>
        <source>Take the other value</source>
        <translation>采用另一值</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/sync_conflicts.py" line="80"/>
        <source>Conflicts waiting for a decision: %n</source>
        <translation>
            <numerusform>待裁决的冲突：%n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/sync_conflicts.py" line="82"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../widgets/sync_conflicts.py" line="82"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../widgets/sync_conflicts.py" line="82"/>
        <source>Current value</source>
        <translation>当前值</translation>
    </message>
    <message>
        <location filename="../../widgets/sync_conflicts.py" line="82"/>
        <location filename="../../widgets/sync_conflicts.py" line="83"/>
        <source>Written by</source>
        <translation>写入节点</translation>
    </message>
    <message>
        <location filename="../../widgets/sync_conflicts.py" line="83"/>
        <source>Other value</source>
        <translation>另一值</translation>
    </message>
    <message>
        <location filename="../../widgets/sync_conflicts.py" line="83"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../widgets/sync_conflicts.py" line="104"/>
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
</context>
<context>
    <name>DutyPage</name>
    <message>
        <location filename="../../console/pages/duty.py" line="108"/>
        <source>Duty</source>
        <translation>值班</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="109"/>
        <source>Duty log</source>
        <translation>值班日志</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="112"/>
        <source>What happened, who called, what was instructed…</source>
        <translation>事件经过、来电单位、领导指示……</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="113"/>
        <source>Officer</source>
        <translation>值班员</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="114"/>
        <source>Add entry</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="115"/>
        <source>Today&apos;s roster</source>
        <translation>今日排班</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="116"/>
        <source>Shift handover</source>
        <translation>交接班</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="117"/>
        <source>Outgoing officer</source>
        <translation>交班人</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="117"/>
        <source>Incoming officer</source>
        <translation>接班人</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="118"/>
        <source>Open items</source>
        <translation>未结事项</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="118"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="120"/>
        <source>Recent handovers</source>
        <translation>近期交接班</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="121"/>
        <source>The incoming officer has read the open items and takes over</source>
        <translation>接班人已阅知未结事项并确认接班</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="122"/>
        <source>Confirm handover</source>
        <translation>确认交接</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="149"/>
        <source>No open items</source>
        <translation>无未结事项</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="153"/>
        <source>Hazards past their rectification deadline: %1</source>
        <translation>超过整改期限的隐患：%1 项</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="156"/>
        <source>%1: report %2 → %3 still running</source>
        <translation>%1：%2 → %3 报告计时中</translation>
    </message>
</context>
<context>
    <name>EmergencyPage</name>
    <message>
        <location filename="../../console/pages/emergency.py" line="91"/>
        <source>Emergency</source>
        <translation>应急管理</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="92"/>
        <source>Open incidents and accident reports (Order No. 493)</source>
        <translation>未结事件与事故报告（国务院令第493号）</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="93"/>
        <source>No open incidents in this jurisdiction</source>
        <translation>本辖区暂无未结事件</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="94"/>
        <source>Register incident…</source>
        <translation>登记事件…</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="95"/>
        <source>Record report sent</source>
        <translation>登记已上报</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="96"/>
        <source>Rescue resources</source>
        <translation>救援资源</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="97"/>
        <source>Division</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="99"/>
        <source>Supplies</source>
        <translation>应急物资</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="99"/>
        <source>Equipment</source>
        <translation>装备</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="99"/>
        <source>Rescue teams</source>
        <translation>救援队伍</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="100"/>
        <source>Emergency plans</source>
        <translation>应急预案</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="128"/>
        <source>Select an incident.</source>
        <translation>请选择事件。</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="134"/>
        <source>Nothing for this duty room to record on this incident now.</source>
        <translation>本值班室当前无需为该事件登记上报。</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="143"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="154"/>
        <source>Report not recorded</source>
        <translation>上报未登记</translation>
    </message>
</context>
<context>
    <name>EnforcementPage</name>
    <message>
        <location filename="../../console/pages/enforcement.py" line="87"/>
        <source>Enforcement</source>
        <translation>执法检查</translation>
    </message>
    <message>
        <location filename="../../console/pages/enforcement.py" line="88"/>
        <source>Division</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <location filename="../../console/pages/enforcement.py" line="90"/>
        <source>Only hazards not yet rectified</source>
        <translation>仅显示未整改隐患</translation>
    </message>
    <message>
        <location filename="../../console/pages/enforcement.py" line="91"/>
        <source>Hazards</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../console/pages/enforcement.py" line="91"/>
        <source>Inspection plans</source>
        <translation>检查计划</translation>
    </message>
    <message>
        <location filename="../../console/pages/enforcement.py" line="92"/>
        <source>Inspection records</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <location filename="../../console/pages/enforcement.py" line="94"/>
        <source>Move selected hazard to</source>
        <translation>将所选隐患转为</translation>
    </message>
    <message>
        <location filename="../../console/pages/enforcement.py" line="95"/>
        <source>Apply</source>
        <translation>执行</translation>
    </message>
    <message>
        <location filename="../../console/pages/enforcement.py" line="110"/>
        <source>Overdue hazards: %1</source>
        <translation>超期隐患：%1 项</translation>
    </message>
    <message>
        <location filename="../../console/pages/enforcement.py" line="113"/>
        <source>Showing the %1 earliest deadlines of %2</source>
        <translation>显示期限最早的 %1 项（共 %2 项）</translation>
    </message>
</context>
<context>
    <name>EnterpriseDetail</name>
    <message>
        <location filename="../../widgets/records_enterprise_detail.py" line="56"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_detail.py" line="56"/>
        <source>Credit code</source>
        <translation>信用代码</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_detail.py" line="56"/>
        <source>Division</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_detail.py" line="56"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_detail.py" line="57"/>
        <source>Supervised by</source>
        <translation>监管层级</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_detail.py" line="57"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_detail.py" line="57"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_detail.py" line="57"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_detail.py" line="60"/>
        <source>Select an enterprise to see its contacts, hazard sources and ponds.</source>
        <translation>选择企业以查看联系人、重大危险源和尾矿库。</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_detail.py" line="61"/>
        <source>Major hazard sources</source>
        <translation>重大危险源</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_detail.py" line="62"/>
        <source>Tailings ponds</source>
        <translation>尾矿库</translation>
    </message>
</context>
<context>
    <name>EnterpriseDialog</name>
    <message>
        <location filename="../../widgets/records_enterprise_form.py" line="37"/>
        <source>Edit enterprise</source>
        <translation>编辑企业</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_form.py" line="37"/>
        <source>Add enterprise</source>
        <translation>新增企业</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_form.py" line="49"/>
        <source>(choose the division)</source>
        <translation>（请选择行政区划）</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_form.py" line="57"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_form.py" line="57"/>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_form.py" line="58"/>
        <source>Division</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_form.py" line="58"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_form.py" line="59"/>
        <source>Supervised by</source>
        <translation>监管层级</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_form.py" line="59"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_form.py" line="60"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_form.py" line="60"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
</context>
<context>
    <name>IncidentDialog</name>
    <message>
        <location filename="../../widgets/records_incident_dialog.py" line="18"/>
        <source>Register incident</source>
        <translation>登记事件</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incident_dialog.py" line="25"/>
        <source>(choose the division)</source>
        <translation>（请选择行政区划）</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incident_dialog.py" line="29"/>
        <source>The enterprise has reported to the county at</source>
        <translation>企业已向县级报告，时间</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incident_dialog.py" line="33"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incident_dialog.py" line="34"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incident_dialog.py" line="35"/>
        <source>Class</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incident_dialog.py" line="36"/>
        <source>Division</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incident_dialog.py" line="37"/>
        <source>Occurred at</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incident_dialog.py" line="49"/>
        <source>Division: choose where the accident happened.</source>
        <translation>行政区划：请选择事故发生地。</translation>
    </message>
</context>
<context>
    <name>IncidentTree</name>
    <message>
        <location filename="../../widgets/records_incidents.py" line="35"/>
        <source>Incident / report</source>
        <translation>事件 / 报告</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incidents.py" line="35"/>
        <source>Class</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incidents.py" line="35"/>
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incidents.py" line="36"/>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incidents.py" line="36"/>
        <source>Still to report</source>
        <translation>尚未上报</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incidents.py" line="81"/>
        <source>complete</source>
        <translation>已全部上报</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incidents.py" line="94"/>
        <source>reported %1</source>
        <translation>已上报 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incidents.py" line="95"/>
        <source>(late)</source>
        <translation>（迟报）</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incidents.py" line="97"/>
        <source>waiting for the level below</source>
        <translation>等待下级上报</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incidents.py" line="99"/>
        <source>OVERDUE %1</source>
        <translation>超时 %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../console/main_window.py" line="149"/>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="150"/>
        <source>degraded</source>
        <translation>降级</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="151"/>
        <source>down</source>
        <translation>中断</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="152"/>
        <source>not started</source>
        <translation>未启动</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="153"/>
        <source>local store</source>
        <translation>本地存储</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="156"/>
        <source>Backend</source>
        <translation>后端</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="157"/>
        <source>Field</source>
        <translation>现场</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="169"/>
        <source>province node</source>
        <translation>省级节点</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="170"/>
        <source>city node</source>
        <translation>市级节点</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="171"/>
        <source>county node</source>
        <translation>县级节点</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="189"/>
        <source>Duty Console — Hebei Safety Production Supervision</source>
        <translation>河北省安全生产监管值班台</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="192"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="193"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="194"/>
        <source>Full screen</source>
        <translation>全屏</translation>
    </message>
</context>
<context>
    <name>NotAvailablePage</name>
    <message>
        <location filename="../../console/pages/placeholder.py" line="29"/>
        <source>Not available yet: this page is not part of this version of the console.</source>
        <translation>尚未提供：本版本值班台还没有此页面。</translation>
    </message>
</context>
<context>
    <name>RegistryPage</name>
    <message>
        <location filename="../../console/pages/registry.py" line="72"/>
        <source>Registry</source>
        <translation>企业档案</translation>
    </message>
    <message>
        <location filename="../../console/pages/registry.py" line="73"/>
        <source>Search name or credit code</source>
        <translation>搜索名称或信用代码</translation>
    </message>
    <message>
        <location filename="../../console/pages/registry.py" line="75"/>
        <source>All industries</source>
        <translation>全部行业</translation>
    </message>
    <message>
        <location filename="../../console/pages/registry.py" line="76"/>
        <source>All supervision levels</source>
        <translation>全部监管层级</translation>
    </message>
    <message>
        <location filename="../../console/pages/registry.py" line="80"/>
        <source>Add enterprise…</source>
        <translation>新增企业…</translation>
    </message>
    <message>
        <location filename="../../console/pages/registry.py" line="81"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../console/pages/registry.py" line="95"/>
        <source>Enterprises: %1</source>
        <translation>企业：%1 家</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../console/pages/sync.py" line="55"/>
        <source>Sync status</source>
        <translation>同步状态</translation>
    </message>
    <message>
        <location filename="../../console/pages/sync.py" line="56"/>
        <source>Conflict inbox</source>
        <translation>冲突收件箱</translation>
    </message>
    <message>
        <location filename="../../console/pages/sync.py" line="58"/>
        <source>No shared backend configured: this node works on its local store only.</source>
        <translation>未配置共享后台：本节点仅使用本地存储工作。</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <location filename="../../widgets/sync_status.py" line="78"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../widgets/sync_status.py" line="79"/>
        <source>Initial sync %p% (%v of %m rows)</source>
        <translation>初始同步 %p%（%v / %m 行）</translation>
    </message>
    <message>
        <location filename="../../widgets/sync_status.py" line="94"/>
        <source>Backend link</source>
        <translation>后台连接</translation>
    </message>
    <message>
        <location filename="../../widgets/sync_status.py" line="94"/>
        <source>Last successful sync</source>
        <translation>最近一次成功同步</translation>
    </message>
    <message>
        <location filename="../../widgets/sync_status.py" line="95"/>
        <source>Pending operations</source>
        <translation>待上传操作</translation>
    </message>
    <message>
        <location filename="../../widgets/sync_status.py" line="97"/>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../../widgets/sync_status.py" line="97"/>
        <source>offline, working locally</source>
        <translation>离线，本地工作中</translation>
    </message>
    <message>
        <location filename="../../widgets/sync_status.py" line="98"/>
        <source>connecting</source>
        <translation>正在连接</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/sync_status.py" line="104"/>
        <source> (%n refused by the server)</source>
        <translation>
            <numerusform>（%n 条被服务器拒绝）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/sync_status.py" line="106"/>
        <source>Conflicts waiting: %n</source>
        <translation>
            <numerusform>待处理冲突：%n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/sync_status.py" line="115"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../widgets/sync_status.py" line="119"/>
        <source>%1 (%2 s ago)</source>
        <translation>%1（%2 秒前）</translation>
    </message>
    <message>
        <location filename="../../widgets/sync_status.py" line="120"/>
        <source>%1 (%2 min ago)</source>
        <translation>%1（%2 分钟前）</translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <location filename="../../console/pages/__init__.py" line="27"/>
        <source>Overview</source>
        <translation>总览（一张图）</translation>
    </message>
    <message>
        <location filename="../../console/pages/__init__.py" line="28"/>
        <source>Monitoring</source>
        <translation>在线监测</translation>
    </message>
    <message>
        <location filename="../../console/pages/__init__.py" line="29"/>
        <source>Alarms</source>
        <translation>报警</translation>
    </message>
    <message>
        <location filename="../../console/pages/__init__.py" line="30"/>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../console/pages/__init__.py" line="31"/>
        <source>Registry</source>
        <translation>企业档案</translation>
    </message>
    <message>
        <location filename="../../console/pages/__init__.py" line="32"/>
        <source>Enforcement</source>
        <translation>执法检查</translation>
    </message>
    <message>
        <location filename="../../console/pages/__init__.py" line="33"/>
        <source>Emergency</source>
        <translation>应急管理</translation>
    </message>
    <message>
        <location filename="../../console/pages/__init__.py" line="34"/>
        <source>Duty</source>
        <translation>值班</translation>
    </message>
</context>
<context>
    <name>records</name>
    <message>
        <location filename="../../console/pages/duty.py" line="19"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="20"/>
        <source>Officer</source>
        <translation>值班员</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="21"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="22"/>
        <source>Entry</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="25"/>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="26"/>
        <source>Officer on duty</source>
        <translation>值班员</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="27"/>
        <source>Leader on duty</source>
        <translation>带班领导</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="30"/>
        <source>Handed over</source>
        <translation>交接时间</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="31"/>
        <source>Outgoing</source>
        <translation>交班人</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="32"/>
        <source>Incoming</source>
        <translation>接班人</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="33"/>
        <source>Open items and notes</source>
        <translation>未结事项与备注</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="23"/>
        <source>Supply</source>
        <translation>物资</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="24"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="25"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="26"/>
        <location filename="../../console/pages/emergency.py" line="29"/>
        <source>Location</source>
        <translation>存放地点</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="27"/>
        <source>Equipment</source>
        <translation>装备</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="28"/>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="30"/>
        <source>Rescue team</source>
        <translation>救援队伍</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="31"/>
        <source>Members</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="32"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="33"/>
        <source>Emergency plan</source>
        <translation>应急预案</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="34"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="35"/>
        <source>Approved</source>
        <translation>批准时间</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="67"/>
        <location filename="../../console/pages/enforcement.py" line="26"/>
        <location filename="../../console/pages/registry.py" line="27"/>
        <source>Division</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <location filename="../../console/pages/enforcement.py" line="17"/>
        <source>Inspection plan</source>
        <translation>检查计划</translation>
    </message>
    <message>
        <location filename="../../console/pages/enforcement.py" line="18"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../console/pages/enforcement.py" line="19"/>
        <source>Planned inspections</source>
        <translation>计划检查数</translation>
    </message>
    <message>
        <location filename="../../console/pages/enforcement.py" line="28"/>
        <source>Rectification deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../console/pages/enforcement.py" line="29"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/pages/enforcement.py" line="30"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../console/pages/enforcement.py" line="31"/>
        <location filename="../../console/pages/enforcement.py" line="37"/>
        <location filename="../../console/records/labels.py" line="52"/>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../console/pages/enforcement.py" line="33"/>
        <source>Hazard</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../console/pages/enforcement.py" line="36"/>
        <source>Inspected</source>
        <translation>检查时间</translation>
    </message>
    <message>
        <location filename="../../console/pages/enforcement.py" line="39"/>
        <source>Inspector</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <location filename="../../console/pages/enforcement.py" line="40"/>
        <source>Result</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location filename="../../console/pages/registry.py" line="25"/>
        <source>Credit code</source>
        <translation>信用代码</translation>
    </message>
    <message>
        <location filename="../../console/pages/registry.py" line="26"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../console/pages/registry.py" line="28"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../console/pages/registry.py" line="29"/>
        <source>Supervised by</source>
        <translation>监管层级</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="13"/>
        <source>Coal mine</source>
        <translation>煤矿</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="14"/>
        <source>Non-coal mine</source>
        <translation>非煤矿山</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="15"/>
        <source>Hazardous chemicals</source>
        <translation>危险化学品</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="16"/>
        <source>Fireworks</source>
        <translation>烟花爆竹</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="17"/>
        <source>Metallurgy</source>
        <translation>冶金</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="18"/>
        <source>Other industry</source>
        <translation>其他行业</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="21"/>
        <source>Province</source>
        <translation>省级</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="22"/>
        <source>City</source>
        <translation>市级</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="23"/>
        <source>County</source>
        <translation>县级</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="26"/>
        <source>Especially major</source>
        <translation>特别重大</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="27"/>
        <source>Major</source>
        <translation>重大</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="28"/>
        <source>Larger</source>
        <translation>较大</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="29"/>
        <source>General</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="32"/>
        <source>Reported</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="33"/>
        <source>Assigned</source>
        <translation>已交办</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="34"/>
        <source>Rectifying</source>
        <translation>整改中</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="35"/>
        <source>Rectified</source>
        <translation>已整改</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="36"/>
        <source>Verified</source>
        <translation>已验收</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="39"/>
        <source>General hazard</source>
        <translation>一般隐患</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="40"/>
        <source>Major hazard</source>
        <translation>重大隐患</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="43"/>
        <source>Call received</source>
        <translation>接报来电</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="44"/>
        <source>Instruction</source>
        <translation>领导指示</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="45"/>
        <source>Report</source>
        <translation>上报</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="46"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="49"/>
        <source>Day shift</source>
        <translation>白班</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="50"/>
        <source>Night shift</source>
        <translation>夜班</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="53"/>
        <source>Ministry of Emergency Management</source>
        <translation>应急管理部</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_detail.py" line="13"/>
        <source>Major hazard source</source>
        <translation>重大危险源</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_detail.py" line="14"/>
        <source>R</source>
        <translation>R值</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_detail.py" line="15"/>
        <location filename="../../widgets/records_enterprise_detail.py" line="19"/>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_detail.py" line="18"/>
        <source>Tailings pond</source>
        <translation>尾矿库</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_detail.py" line="35"/>
        <source>None recorded</source>
        <translation>暂无</translation>
    </message>
    <message>
        <location filename="../../widgets/records_page.py" line="61"/>
        <source>Whole jurisdiction</source>
        <translation>全辖区</translation>
    </message>
    <message>
        <location filename="../../widgets/records_table.py" line="153"/>
        <source>No records in this jurisdiction</source>
        <translation>本辖区暂无记录</translation>
    </message>
</context>
</TS>
