<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AcquisitionBridge</name>
    <message numerus="yes">
        <location filename="../../console/services/acquisition_bridge.py" line="83"/>
        <source>%n device(s) off-line</source>
        <translation>
            <numerusform>%n 台设备离线</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../console/services/acquisition_bridge.py" line="84"/>
        <source>%n device(s) on a backup path</source>
        <translation>
            <numerusform>%n 台设备使用备用链路</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AlarmBanner</name>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="88"/>
        <source>Alarm service not running: alarms are not being evaluated</source>
        <translation>报警服务未运行：报警未被判断</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="111"/>
        <source>No unacknowledged alarms</source>
        <translation>无未确认报警</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="114"/>
        <source>Oldest unacknowledged: {time} {site} {text}</source>
        <translation>最早未确认：{time} {site} {text}</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="116"/>
        <source>ALARM FLOOD ({rate}/10 min)</source>
        <translation>报警泛滥（{rate} 条/10 分钟）</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="123"/>
        <source>Silence</source>
        <translation>消音</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="124"/>
        <source>Silence the alarm tone until a new alarm comes in</source>
        <translation>消除报警音，直到有新报警</translation>
    </message>
</context>
<context>
    <name>AlarmFilterBar</name>
    <message>
        <location filename="../../console/pages/alarm_filter_bar.py" line="16"/>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarm_filter_bar.py" line="17"/>
        <source>Unacknowledged</source>
        <translation>未确认</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarm_filter_bar.py" line="18"/>
        <source>Active</source>
        <translation>报警中</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarm_filter_bar.py" line="19"/>
        <source>Shelved</source>
        <translation>已搁置</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarm_filter_bar.py" line="20"/>
        <source>Suppressed (maintenance)</source>
        <translation>已抑制（检修）</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarm_filter_bar.py" line="21"/>
        <source>Out of service</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarm_filter_bar.py" line="56"/>
        <source>All regions</source>
        <translation>全部地区</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarm_filter_bar.py" line="57"/>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarm_filter_bar.py" line="58"/>
        <source>Tag</source>
        <translation>测点</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarm_filter_bar.py" line="59"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarm_filter_bar.py" line="60"/>
        <source>Group by site in a flood</source>
        <translation>泛滥时按站点归并</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarm_filter_bar.py" line="61"/>
        <source>Escalated to this node</source>
        <translation>已升级至本节点</translation>
    </message>
</context>
<context>
    <name>AlarmHistoryTab</name>
    <message>
        <location filename="../../console/pages/alarm_history.py" line="14"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarm_history.py" line="14"/>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarm_history.py" line="15"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarm_history.py" line="15"/>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarm_history.py" line="16"/>
        <source>Tag</source>
        <translation>测点</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarm_history.py" line="16"/>
        <source>Condition</source>
        <translation>条件</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarm_history.py" line="17"/>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarm_history.py" line="17"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarm_history.py" line="33"/>
        <source>Site, tag, note or text</source>
        <translation>站点、测点、备注或文本</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarm_history.py" line="34"/>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarm_history.py" line="38"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarm_history.py" line="38"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarm_history.py" line="56"/>
        <source>Searching…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarm_history.py" line="61"/>
        <source>Search failed: {error}</source>
        <translation>查询失败：{error}</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarm_history.py" line="71"/>
        <source>{n} events</source>
        <translation>{n} 条事件</translation>
    </message>
</context>
<context>
    <name>AlarmKpiTab</name>
    <message>
        <location filename="../../console/pages/alarm_kpi.py" line="32"/>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarm_kpi.py" line="34"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarm_kpi.py" line="37"/>
        <source>This node</source>
        <translation>本节点</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarm_kpi.py" line="38"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarm_kpi.py" line="38"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarm_kpi.py" line="55"/>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarm_kpi.py" line="67"/>
        <source>KPI failed: {error}</source>
        <translation>KPI 计算失败：{error}</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarm_kpi.py" line="74"/>
        <source>10 most frequent</source>
        <translation>最频繁的 10 条报警</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarm_kpi.py" line="78"/>
        <source>Alarms</source>
        <translation>报警数</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarm_kpi.py" line="79"/>
        <source>Average per 10 min (target ≈ 1, ≤ 10)</source>
        <translation>平均每 10 分钟（目标 ≈ 1，≤ 10）</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarm_kpi.py" line="80"/>
        <source>Peak 10 min</source>
        <translation>10 分钟峰值</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarm_kpi.py" line="81"/>
        <source>Time in flood (target &lt; 1 %)</source>
        <translation>泛滥时间占比（目标 &lt; 1 %）</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarm_kpi.py" line="82"/>
        <source>Chattering (3+ in 1 min)</source>
        <translation>振荡报警（1 分钟内 3 次以上）</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarm_kpi.py" line="83"/>
        <source>Standing (&gt; 24 h)</source>
        <translation>常驻报警（&gt; 24 小时）</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarm_kpi.py" line="87"/>
        <source>Export KPIs</source>
        <translation>导出 KPI</translation>
    </message>
</context>
<context>
    <name>AlarmTrend</name>
    <message>
        <location filename="../../widgets/alarm_trend.py" line="118"/>
        <source>raised %1</source>
        <translation>报警 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_trend.py" line="126"/>
        <source>No values recorded around the alarm time</source>
        <translation>报警时刻前后无记录数据</translation>
    </message>
</context>
<context>
    <name>AlarmsPage</name>
    <message>
        <location filename="../../console/pages/alarms.py" line="48"/>
        <source>Alarm service not running: alarms are not being evaluated on this node.</source>
        <translation>报警服务未运行：本节点未判断报警。</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarms.py" line="52"/>
        <source>Active alarms</source>
        <translation>当前报警</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarms.py" line="55"/>
        <source>History</source>
        <translation>历史查询</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarms.py" line="56"/>
        <source>Performance (KPI)</source>
        <translation>报警绩效（KPI）</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarms.py" line="101"/>
        <source>Acknowledge selected</source>
        <translation>确认所选</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarms.py" line="102"/>
        <source>Acknowledge all visible</source>
        <translation>确认全部可见</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarms.py" line="103"/>
        <source>Shelve…</source>
        <translation>搁置…</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarms.py" line="104"/>
        <source>Unshelve</source>
        <translation>取消搁置</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarms.py" line="105"/>
        <source>Comment…</source>
        <translation>批注…</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarms.py" line="106"/>
        <source>Disposition…</source>
        <translation>处置…</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarms.py" line="115"/>
        <source>Reset latched alarm</source>
        <translation>复位闭锁报警</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarms.py" line="116"/>
        <source>Remove from service…</source>
        <translation>停用…</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarms.py" line="117"/>
        <source>Return to service</source>
        <translation>恢复使用</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarms.py" line="118"/>
        <source>Site maintenance on (suppress its alarms)…</source>
        <translation>站点检修开始（抑制其报警）…</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarms.py" line="120"/>
        <source>Site maintenance off</source>
        <translation>站点检修结束</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarms.py" line="125"/>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarms.py" line="176"/>
        <source>Alarm flood: grouped by site — double-click a site for its alarms</source>
        <translation>报警泛滥：已按站点归并——双击站点查看其报警</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarms.py" line="243"/>
        <source>Acknowledged {n} alarm(s) — stored</source>
        <translation>已确认 {n} 条报警——已保存</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarms.py" line="247"/>
        <source>Shelved {n} alarm(s) — stored</source>
        <translation>已搁置 {n} 条报警——已保存</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarms.py" line="254"/>
        <source>NOT stored: {error}</source>
        <translation>未保存：{error}</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarms.py" line="263"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarms.py" line="273"/>
        <source>Nothing to acknowledge</source>
        <translation>没有需要确认的报警</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarms.py" line="276"/>
        <source>Acknowledge {n} alarm(s)</source>
        <translation>确认 {n} 条报警</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarms.py" line="277"/>
        <source>Note (required for red alarms)</source>
        <translation>备注（红色报警必填）</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarms.py" line="277"/>
        <source>Note (optional)</source>
        <translation>备注（可选）</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarms.py" line="299"/>
        <source>Unshelved {n} alarm(s) — stored</source>
        <translation>已取消搁置 {n} 条报警——已保存</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarms.py" line="309"/>
        <source>Select one alarm to comment on</source>
        <translation>请选择一条报警进行批注</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarms.py" line="312"/>
        <source>Comment</source>
        <translation>批注</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarms.py" line="315"/>
        <source>Comment stored</source>
        <translation>批注已保存</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarms.py" line="318"/>
        <source>Select one alarm for its disposition</source>
        <translation>请选择一条报警进行处置</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarms.py" line="325"/>
        <source>Disposition stored, alarm closed</source>
        <translation>处置已保存，报警已关闭</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarms.py" line="330"/>
        <source>Select a latched alarm to reset</source>
        <translation>请选择一条闭锁报警进行复位</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarms.py" line="333"/>
        <source>Latched alarm reset — stored</source>
        <translation>闭锁报警已复位——已保存</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarms.py" line="341"/>
        <source>Remove from service</source>
        <translation>停用报警</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarms.py" line="341"/>
        <source>Why (required)</source>
        <translation>原因（必填）</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarms.py" line="349"/>
        <source>Returned {n} alarm(s) to service — stored</source>
        <translation>已恢复使用 {n} 条报警——已保存</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarms.py" line="350"/>
        <source>Removed {n} alarm(s) from service — stored</source>
        <translation>已停用 {n} 条报警——已保存</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarms.py" line="355"/>
        <source>Select alarms of one site</source>
        <translation>请选择同一站点的报警</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarms.py" line="359"/>
        <source>Site maintenance</source>
        <translation>站点检修</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarms.py" line="359"/>
        <source>Work being done (required)</source>
        <translation>检修内容（必填）</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarms.py" line="367"/>
        <source>Site maintenance on: its alarms are suppressed — stored</source>
        <translation>站点检修开始：其报警已抑制——已保存</translation>
    </message>
    <message>
        <location filename="../../console/pages/alarms.py" line="368"/>
        <source>Site maintenance off — stored</source>
        <translation>站点检修结束——已保存</translation>
    </message>
</context>
<context>
    <name>AssessmentPage</name>
    <message>
        <location filename="../../console/pages/assessment.py" line="117"/>
        <source>The period must end after it starts.</source>
        <translation>统计期间的结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <location filename="../../console/pages/assessment.py" line="119"/>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location filename="../../console/pages/assessment.py" line="134"/>
        <source>Assessment not computed: %1</source>
        <translation>考核统计未完成：%1</translation>
    </message>
    <message>
        <location filename="../../console/pages/assessment.py" line="138"/>
        <source>%1 nodes · drills left out</source>
        <translation>%1 个节点 · 演练数据不计入</translation>
    </message>
    <message>
        <location filename="../../console/pages/assessment.py" line="165"/>
        <source>Export assessment</source>
        <translation>导出考核统计</translation>
    </message>
    <message>
        <location filename="../../console/pages/assessment.py" line="174"/>
        <source>Not exported: %1</source>
        <translation>未导出：%1</translation>
    </message>
    <message>
        <location filename="../../console/pages/assessment.py" line="176"/>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <location filename="../../console/pages/assessment.py" line="179"/>
        <source>Assessment</source>
        <translation>考核统计</translation>
    </message>
    <message>
        <location filename="../../console/pages/assessment.py" line="180"/>
        <source>Period</source>
        <translation>统计期间</translation>
    </message>
    <message>
        <location filename="../../console/pages/assessment.py" line="180"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../console/pages/assessment.py" line="180"/>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../console/pages/assessment.py" line="182"/>
        <source>Export xlsx…</source>
        <translation>导出 xlsx…</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../console/pages/audit.py" line="64"/>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="65"/>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="65"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="65"/>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="66"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="66"/>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="68"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="84"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="112"/>
        <source>%1 entries</source>
        <translation>共 %1 条</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="121"/>
        <source>Export audit trail</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="127"/>
        <source>Not exported: %1</source>
        <translation>未导出：%1</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="129"/>
        <source>Exported %1 entries to %2</source>
        <translation>已导出 %1 条到 %2</translation>
    </message>
</context>
<context>
    <name>BigScreenWindow</name>
    <message>
        <location filename="../../widgets/map_bigscreen.py" line="44"/>
        <source>Latest alarms</source>
        <translation>最新报警</translation>
    </message>
</context>
<context>
    <name>CommissionDialog</name>
    <message>
        <location filename="../../widgets/commission_dialog.py" line="63"/>
        <source>Commission this node</source>
        <translation>配置本节点</translation>
    </message>
    <message>
        <location filename="../../widgets/commission_dialog.py" line="64"/>
        <source>Division</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <location filename="../../widgets/commission_dialog.py" line="64"/>
        <source>Backend host</source>
        <translation>后端主机</translation>
    </message>
    <message>
        <location filename="../../widgets/commission_dialog.py" line="64"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../widgets/commission_dialog.py" line="64"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../widgets/commission_dialog.py" line="65"/>
        <source>Node role (empty: node_&lt;division&gt;)</source>
        <translation>节点角色（留空：node_&lt;区划代码&gt;）</translation>
    </message>
    <message>
        <location filename="../../widgets/commission_dialog.py" line="65"/>
        <source>TLS mode</source>
        <translation>TLS 模式</translation>
    </message>
    <message>
        <location filename="../../widgets/commission_dialog.py" line="66"/>
        <source>TLS root certificate (file)</source>
        <translation>TLS 根证书（文件）</translation>
    </message>
    <message>
        <location filename="../../widgets/commission_dialog.py" line="66"/>
        <source>Field sites file (optional)</source>
        <translation>现场站点文件（可选）</translation>
    </message>
    <message>
        <location filename="../../widgets/commission_dialog.py" line="66"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../widgets/commission_dialog.py" line="69"/>
        <source>Commission</source>
        <translation>开始配置</translation>
    </message>
    <message>
        <location filename="../../widgets/commission_dialog.py" line="88"/>
        <source>Backend host: enter the shared backend&apos;s address.</source>
        <translation>后端主机：请输入共享后端的地址。</translation>
    </message>
    <message>
        <location filename="../../widgets/commission_dialog.py" line="91"/>
        <source>Commissioning: checking the backend and running the first sync…</source>
        <translation>正在配置：检查后端并进行首次同步…</translation>
    </message>
    <message>
        <location filename="../../widgets/commission_dialog.py" line="98"/>
        <source>{line}. Restart the console to run as this node.</source>
        <translation>{line}。请重启值班台，以本节点身份运行。</translation>
    </message>
    <message>
        <location filename="../../widgets/commission_dialog.py" line="100"/>
        <source>Not commissioned: {line}</source>
        <translation>未完成配置：{line}</translation>
    </message>
</context>
<context>
    <name>ConflictInbox</name>
    <message>
        <location filename="../../widgets/sync_conflicts.py" line="25"/>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../widgets/sync_conflicts.py" line="26"/>
        <source>Major hazard source</source>
        <translation>重大危险源</translation>
    </message>
    <message>
        <location filename="../../widgets/sync_conflicts.py" line="27"/>
        <source>Tailings pond</source>
        <translation>尾矿库</translation>
    </message>
    <message>
        <location filename="../../widgets/sync_conflicts.py" line="28"/>
        <source>Rescue team</source>
        <translation>救援队伍</translation>
    </message>
    <message>
        <location filename="../../widgets/sync_conflicts.py" line="29"/>
        <source>Supply</source>
        <translation>应急物资</translation>
    </message>
    <message>
        <location filename="../../widgets/sync_conflicts.py" line="32"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../widgets/sync_conflicts.py" line="33"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../widgets/sync_conflicts.py" line="34"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../widgets/sync_conflicts.py" line="35"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../widgets/sync_conflicts.py" line="36"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/sync_conflicts.py" line="37"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../widgets/sync_conflicts.py" line="38"/>
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
        <location filename="../../widgets/sync_conflicts.py" line="110"/>
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
</context>
<context>
    <name>ConsultationPage</name>
    <message>
        <location filename="../../console/pages/consultation.py" line="51"/>
        <source>Open a consultation…</source>
        <translation>发起会商…</translation>
    </message>
    <message>
        <location filename="../../console/pages/consultation.py" line="52"/>
        <source>Join</source>
        <translation>加入</translation>
    </message>
    <message>
        <location filename="../../console/pages/consultation.py" line="53"/>
        <source>Leave</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../console/pages/consultation.py" line="57"/>
        <source>Sessions of this node</source>
        <translation>本节点的会商</translation>
    </message>
    <message>
        <location filename="../../console/pages/consultation.py" line="75"/>
        <source>Give the pointer</source>
        <translation>移交主控</translation>
    </message>
    <message>
        <location filename="../../console/pages/consultation.py" line="76"/>
        <source>Ask for the pointer</source>
        <translation>申请主控</translation>
    </message>
    <message>
        <location filename="../../console/pages/consultation.py" line="77"/>
        <source>End the session…</source>
        <translation>结束会商…</translation>
    </message>
    <message>
        <location filename="../../console/pages/consultation.py" line="78"/>
        <source>Summary (PDF)…</source>
        <translation>会商纪要（PDF）…</translation>
    </message>
    <message>
        <location filename="../../console/pages/consultation.py" line="84"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../console/pages/consultation.py" line="84"/>
        <source>Who</source>
        <translation>决策人</translation>
    </message>
    <message>
        <location filename="../../console/pages/consultation.py" line="84"/>
        <source>Decision</source>
        <translation>决策</translation>
    </message>
    <message>
        <location filename="../../console/pages/consultation.py" line="88"/>
        <source>Decision (who does what, by when)</source>
        <translation>决策内容（谁、做什么、何时完成）</translation>
    </message>
    <message>
        <location filename="../../console/pages/consultation.py" line="90"/>
        <source>Record decision</source>
        <translation>记录决策</translation>
    </message>
    <message>
        <location filename="../../console/pages/consultation.py" line="103"/>
        <source>Participants</source>
        <translation>参会人员</translation>
    </message>
    <message>
        <location filename="../../console/pages/consultation.py" line="106"/>
        <source>Decisions</source>
        <translation>决策记录</translation>
    </message>
    <message>
        <location filename="../../console/pages/consultation.py" line="137"/>
        <location filename="../../console/pages/consultation.py" line="187"/>
        <source>running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../console/pages/consultation.py" line="137"/>
        <source>ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location filename="../../console/pages/consultation.py" line="162"/>
        <source>No consultation selected</source>
        <translation>未选择会商</translation>
    </message>
    <message>
        <location filename="../../console/pages/consultation.py" line="189"/>
        <source>Incident or site: %1&lt;br&gt;Leader: %2 (%3)&lt;br&gt;Conference: %4&lt;br&gt;Started %5 · ended: %6 · %7</source>
        <translation>事件或站点：%1&lt;br&gt;主持人：%2（%3）&lt;br&gt;视频会议：%4&lt;br&gt;开始 %5 · 结束：%6 · %7</translation>
    </message>
    <message>
        <location filename="../../console/pages/consultation.py" line="196"/>
        <source>Invited, not joined yet: %1</source>
        <translation>已邀请、尚未加入：%1</translation>
    </message>
    <message>
        <location filename="../../console/pages/consultation.py" line="201"/>
        <source>holds the pointer</source>
        <translation>主控中</translation>
    </message>
    <message>
        <location filename="../../console/pages/consultation.py" line="203"/>
        <source>left</source>
        <translation>已退出</translation>
    </message>
    <message>
        <location filename="../../console/pages/consultation.py" line="230"/>
        <source>Live view: needs the shared backend (PostgreSQL)</source>
        <translation>同步视图：需要连接共享后台（PostgreSQL）</translation>
    </message>
    <message>
        <location filename="../../console/pages/consultation.py" line="242"/>
        <source>Consultation: %1 · leader %2 · participants: %3</source>
        <translation>会商：%1 · 主持 %2 · 参会：%3</translation>
    </message>
    <message>
        <location filename="../../console/pages/consultation.py" line="328"/>
        <source>Consultation: following the view of %1 (%2)</source>
        <translation>会商：正在跟随 %1（%2）的视图</translation>
    </message>
    <message>
        <location filename="../../console/pages/consultation.py" line="335"/>
        <source>Live view: connected</source>
        <translation>同步视图：已连接</translation>
    </message>
    <message>
        <location filename="../../console/pages/consultation.py" line="336"/>
        <source>Live view: backend unreachable, reconnecting…</source>
        <translation>同步视图：后台不可达，正在重连…</translation>
    </message>
    <message>
        <location filename="../../console/pages/consultation.py" line="344"/>
        <source>The leader ended the session</source>
        <translation>主持人已结束会商</translation>
    </message>
    <message>
        <location filename="../../console/pages/consultation.py" line="354"/>
        <source>%1 asks for the pointer</source>
        <translation>%1 申请主控</translation>
    </message>
    <message>
        <location filename="../../console/pages/consultation.py" line="359"/>
        <source>Select a participant to give the pointer to</source>
        <translation>请选择要移交主控的参会人员</translation>
    </message>
    <message>
        <location filename="../../console/pages/consultation.py" line="375"/>
        <source>Asked the leader for the pointer</source>
        <translation>已向主持人申请主控</translation>
    </message>
    <message>
        <location filename="../../console/pages/consultation.py" line="386"/>
        <source>End the session</source>
        <translation>结束会商</translation>
    </message>
    <message>
        <location filename="../../console/pages/consultation.py" line="386"/>
        <source>Conclusion</source>
        <translation>会商结论</translation>
    </message>
    <message>
        <location filename="../../console/pages/consultation.py" line="405"/>
        <source>Consultation summary</source>
        <translation>会商纪要</translation>
    </message>
</context>
<context>
    <name>DemoBanner</name>
    <message>
        <location filename="../../widgets/demo_banner.py" line="47"/>
        <source>Demo mode · simulated data</source>
        <translation>演示模式 · 模拟数据</translation>
    </message>
    <message>
        <location filename="../../widgets/demo_banner.py" line="48"/>
        <source>Simulated field data (field.simulator = true) · not a real site</source>
        <translation>模拟现场数据（field.simulator = true）· 非真实站点</translation>
    </message>
    <message>
        <location filename="../../widgets/demo_banner.py" line="49"/>
        <source>Commission this node…</source>
        <translation>将本机配置为节点…</translation>
    </message>
</context>
<context>
    <name>DispositionDialog</name>
    <message>
        <location filename="../../widgets/alarm_dialogs.py" line="68"/>
        <source>Handled, back to normal</source>
        <translation>已处置，恢复正常</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_dialogs.py" line="69"/>
        <source>False alarm</source>
        <translation>误报</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_dialogs.py" line="70"/>
        <source>Instrument fault, work order raised</source>
        <translation>仪表故障，已开维修单</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_dialogs.py" line="71"/>
        <source>Escalated to emergency response</source>
        <translation>已转应急响应</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_dialogs.py" line="75"/>
        <source>Alarm disposition</source>
        <translation>报警处置</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_dialogs.py" line="77"/>
        <source>Who was called, what was done, when</source>
        <translation>联系了谁、做了什么、何时</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_dialogs.py" line="82"/>
        <source>Handling steps</source>
        <translation>处置过程</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_dialogs.py" line="83"/>
        <source>Result</source>
        <translation>处置结果</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_dialogs.py" line="84"/>
        <source>OK records the handling and closes the alarm.</source>
        <translation>确定后记录处置并关闭报警。</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <location filename="../../widgets/pdf_document.py" line="68"/>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <location filename="../../widgets/pdf_document.py" line="69"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../widgets/pdf_document.py" line="72"/>
        <source>Save PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <location filename="../../widgets/pdf_document.py" line="78"/>
        <source>PDF not saved</source>
        <translation>PDF 未保存</translation>
    </message>
    <message>
        <location filename="../../widgets/pdf_document.py" line="80"/>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
</context>
<context>
    <name>DrillBanner</name>
    <message>
        <location filename="../../widgets/drill_banner.py" line="40"/>
        <source>Drill in progress · %1 · alarms and records are marked as drill</source>
        <translation>演练进行中 · %1 · 报警与记录均标记为演练</translation>
    </message>
</context>
<context>
    <name>DrillList</name>
    <message numerus="yes">
        <location filename="../../widgets/map_drill.py" line="75"/>
        <source>Sub-divisions: %n</source>
        <translation>
            <numerusform>下级区划：%n 个</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/map_drill.py" line="83"/>
        <source>%1 · %2 sites, %3 in alarm, %4 stale/off-line</source>
        <translation>%1 · %2 个站点，%3 个报警，%4 个过期/离线</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/map_drill.py" line="87"/>
        <source>Sites: %n</source>
        <translation>
            <numerusform>站点：%n 个</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DrillPage</name>
    <message>
        <location filename="../../console/pages/drill.py" line="172"/>
        <source>Drill started: %1</source>
        <translation>演练已开始：%1</translation>
    </message>
    <message>
        <location filename="../../console/pages/drill.py" line="183"/>
        <source>Drill ended: %1</source>
        <translation>演练已结束：%1</translation>
    </message>
    <message>
        <location filename="../../console/pages/drill.py" line="188"/>
        <source>The drill service is not running on this console.</source>
        <translation>本控制台未运行演练服务。</translation>
    </message>
    <message>
        <location filename="../../console/pages/drill.py" line="218"/>
        <source>Response of each node · %1</source>
        <translation>各节点响应情况 · %1</translation>
    </message>
    <message>
        <location filename="../../console/pages/drill.py" line="241"/>
        <source>Drill report</source>
        <translation>演练评估报告</translation>
    </message>
    <message>
        <location filename="../../console/pages/drill.py" line="245"/>
        <source>Drills</source>
        <translation>应急演练</translation>
    </message>
    <message>
        <location filename="../../console/pages/drill.py" line="246"/>
        <source>Scenario</source>
        <translation>演练科目</translation>
    </message>
    <message>
        <location filename="../../console/pages/drill.py" line="246"/>
        <source>Sites (select)</source>
        <translation>演练站点（可多选）</translation>
    </message>
    <message>
        <location filename="../../console/pages/drill.py" line="247"/>
        <source>Nodes taking part</source>
        <translation>参演节点</translation>
    </message>
    <message>
        <location filename="../../console/pages/drill.py" line="249"/>
        <source>Start drill</source>
        <translation>开始演练</translation>
    </message>
    <message>
        <location filename="../../console/pages/drill.py" line="250"/>
        <source>End drill</source>
        <translation>结束演练</translation>
    </message>
    <message>
        <location filename="../../console/pages/drill.py" line="251"/>
        <source>Drill report (PDF)…</source>
        <translation>演练评估报告（PDF）…</translation>
    </message>
    <message>
        <location filename="../../console/pages/drill.py" line="253"/>
        <source>Response of each node</source>
        <translation>各节点响应情况</translation>
    </message>
</context>
<context>
    <name>DutyPage</name>
    <message>
        <location filename="../../console/pages/duty.py" line="128"/>
        <source>Duty</source>
        <translation>值班</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="129"/>
        <source>Duty log</source>
        <translation>值班日志</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="132"/>
        <source>What happened, who called, what was instructed…</source>
        <translation>事件经过、来电单位、领导指示……</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="134"/>
        <source>Add entry</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="135"/>
        <source>On duty now and today</source>
        <translation>当前及今日值班</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="136"/>
        <source>Roster…</source>
        <translation>排班表…</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="137"/>
        <source>Follow up the selected complaint…</source>
        <translation>跟进所选投诉举报…</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="138"/>
        <source>Print the selected handover…</source>
        <translation>打印所选交接班记录…</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="139"/>
        <location filename="../../console/pages/duty.py" line="251"/>
        <source>Shift handover</source>
        <translation>交接班</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="140"/>
        <source>The incoming officer enters their password</source>
        <translation>接班人输入本人密码</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="141"/>
        <source>Outgoing officer</source>
        <translation>交班人</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="141"/>
        <source>Incoming officer</source>
        <translation>接班人</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="142"/>
        <source>Open items</source>
        <translation>未结事项</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="142"/>
        <source>Password</source>
        <translation>接班人密码</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="143"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="145"/>
        <source>Recent handovers</source>
        <translation>近期交接班</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="146"/>
        <source>The incoming officer has read the open items and takes over</source>
        <translation>接班人已阅知未结事项并确认接班</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="147"/>
        <source>Confirm handover</source>
        <translation>确认交接</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="179"/>
        <source>No open items</source>
        <translation>无未结事项</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="222"/>
        <source>Select a complaint in the duty log first.</source>
        <translation>请先在值班日志中选择一条投诉举报。</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="225"/>
        <location filename="../../console/pages/duty.py" line="228"/>
        <source>Follow up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="225"/>
        <source>New status</source>
        <translation>新状态</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="228"/>
        <source>What was done</source>
        <translation>处理情况</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="264"/>
        <source>No handover to print yet.</source>
        <translation>暂无可打印的交接班记录。</translation>
    </message>
</context>
<context>
    <name>EmergencyPage</name>
    <message>
        <location filename="../../console/pages/emergency.py" line="139"/>
        <source>Emergency</source>
        <translation>应急管理</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="140"/>
        <source>Open incidents and accident reports (Order No. 493)</source>
        <translation>未结事件与事故报告（国务院令第493号）</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="141"/>
        <source>No open incidents in this jurisdiction</source>
        <translation>本辖区暂无未结事件</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="142"/>
        <source>Register incident…</source>
        <translation>登记事件…</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="143"/>
        <source>Record report sent</source>
        <translation>登记已上报</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="144"/>
        <source>Rescue resources</source>
        <translation>救援资源</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="145"/>
        <source>Division</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="147"/>
        <source>Follow-up report…</source>
        <translation>续报…</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="148"/>
        <source>Close incident…</source>
        <translation>结案…</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="149"/>
        <source>Dispatch the selected resource</source>
        <translation>调派所选资源</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="150"/>
        <source>Show on the map</source>
        <translation>在地图上显示</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="151"/>
        <source>Supplies</source>
        <translation>应急物资</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="151"/>
        <source>Near the selected incident</source>
        <translation>所选事件附近</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="152"/>
        <source>Equipment</source>
        <translation>装备</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="152"/>
        <source>Rescue teams</source>
        <translation>救援队伍</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="152"/>
        <source>Emergency plans</source>
        <translation>应急预案</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="153"/>
        <source>Experts</source>
        <translation>专家库</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="229"/>
        <source>Follow-up not recorded</source>
        <translation>续报未登记</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="237"/>
        <source>Close incident</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="238"/>
        <source>Why is %1 closed?</source>
        <translation>%1 的结案原因？</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="240"/>
        <source>Incident not closed</source>
        <translation>事件未结案</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="246"/>
        <location filename="../../console/pages/emergency.py" line="251"/>
        <source>Dispatch</source>
        <translation>调派</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="246"/>
        <source>Select an incident and a resource near it.</source>
        <translation>请选择一个事件及其附近的资源。</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="251"/>
        <source>Quantity of %1 to send</source>
        <translation>调派 %1 的数量</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="255"/>
        <source>Not dispatched</source>
        <translation>未调派</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="269"/>
        <source>Select an incident.</source>
        <translation>请选择事件。</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="275"/>
        <source>Nothing for this duty room to record on this incident now.</source>
        <translation>本值班室当前无需为该事件登记上报。</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="284"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="295"/>
        <source>Report not recorded</source>
        <translation>上报未登记</translation>
    </message>
</context>
<context>
    <name>EnforcementPage</name>
    <message>
        <location filename="../../console/pages/enforcement.py" line="117"/>
        <source>Enforcement</source>
        <translation>执法检查</translation>
    </message>
    <message>
        <location filename="../../console/pages/enforcement.py" line="118"/>
        <source>Division</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <location filename="../../console/pages/enforcement.py" line="120"/>
        <source>Only hazards not yet rectified, or rectified late</source>
        <translation>仅显示未整改或逾期整改的隐患</translation>
    </message>
    <message>
        <location filename="../../console/pages/enforcement.py" line="121"/>
        <source>New inspection…</source>
        <translation>新建检查记录…</translation>
    </message>
    <message>
        <location filename="../../console/pages/enforcement.py" line="122"/>
        <source>New plan…</source>
        <translation>新建计划…</translation>
    </message>
    <message>
        <location filename="../../console/pages/enforcement.py" line="123"/>
        <source>Edit the selected plan…</source>
        <translation>编辑所选计划…</translation>
    </message>
    <message>
        <location filename="../../console/pages/enforcement.py" line="124"/>
        <source>Issue for the selected record…</source>
        <translation>为所选记录出具…</translation>
    </message>
    <message>
        <location filename="../../console/pages/enforcement.py" line="127"/>
        <source>Hazards</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../console/pages/enforcement.py" line="127"/>
        <source>Inspection plans</source>
        <translation>检查计划</translation>
    </message>
    <message>
        <location filename="../../console/pages/enforcement.py" line="128"/>
        <source>Inspection records</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <location filename="../../console/pages/enforcement.py" line="130"/>
        <source>Move selected hazard to</source>
        <translation>将所选隐患转为</translation>
    </message>
    <message>
        <location filename="../../console/pages/enforcement.py" line="131"/>
        <source>Apply</source>
        <translation>执行</translation>
    </message>
    <message>
        <location filename="../../console/pages/enforcement.py" line="146"/>
        <source>Overdue hazards: %1</source>
        <translation>超期隐患：%1 项</translation>
    </message>
    <message>
        <location filename="../../console/pages/enforcement.py" line="149"/>
        <source>Showing the %1 earliest deadlines of %2</source>
        <translation>显示期限最早的 %1 项（共 %2 项）</translation>
    </message>
    <message>
        <location filename="../../console/pages/enforcement.py" line="189"/>
        <source>Select an inspection record first.</source>
        <translation>请先选择一条检查记录。</translation>
    </message>
</context>
<context>
    <name>EnterpriseDetail</name>
    <message>
        <location filename="../../widgets/records_enterprise_detail.py" line="89"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_detail.py" line="89"/>
        <source>Credit code</source>
        <translation>信用代码</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_detail.py" line="89"/>
        <source>Division</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_detail.py" line="89"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_detail.py" line="90"/>
        <source>Supervised by</source>
        <translation>监管层级</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_detail.py" line="90"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_detail.py" line="90"/>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_detail.py" line="91"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_detail.py" line="91"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_detail.py" line="91"/>
        <source>Audit</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_detail.py" line="91"/>
        <source>Awaiting review</source>
        <translation>待审核字段</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_detail.py" line="92"/>
        <source>Returned because</source>
        <translation>退回原因</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_detail.py" line="95"/>
        <source>Select an enterprise to see its contacts, hazard sources and ponds.</source>
        <translation>选择企业以查看联系人、重大危险源和尾矿库。</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_detail.py" line="96"/>
        <source>Major hazard sources</source>
        <translation>重大危险源</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_detail.py" line="96"/>
        <source>Tailings ponds</source>
        <translation>尾矿库</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_detail.py" line="96"/>
        <source>History</source>
        <translation>变更记录</translation>
    </message>
</context>
<context>
    <name>EnterpriseDialog</name>
    <message>
        <location filename="../../widgets/records_enterprise_form.py" line="45"/>
        <source>Edit enterprise</source>
        <translation>编辑企业</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_form.py" line="45"/>
        <source>Add enterprise</source>
        <translation>新增企业</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_form.py" line="58"/>
        <source>(choose the division)</source>
        <translation>（请选择行政区划）</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_form.py" line="66"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_form.py" line="66"/>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_form.py" line="67"/>
        <source>Division</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_form.py" line="67"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_form.py" line="68"/>
        <source>Supervised by</source>
        <translation>监管层级</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_form.py" line="68"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_form.py" line="69"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_form.py" line="70"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_form.py" line="69"/>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <location filename="../../widgets/records_incident_dialog.py" line="132"/>
        <source>Follow-up report: %1</source>
        <translation>续报：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incident_dialog.py" line="138"/>
        <source>Deaths</source>
        <translation>死亡人数</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incident_dialog.py" line="139"/>
        <source>Serious injuries</source>
        <translation>重伤人数</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incident_dialog.py" line="140"/>
        <source>Direct loss</source>
        <translation>直接经济损失</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incident_dialog.py" line="141"/>
        <source>Class (Order No. 493)</source>
        <translation>事故等级（493号令）</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incident_dialog.py" line="142"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>IncidentDialog</name>
    <message>
        <location filename="../../widgets/records_incident_dialog.py" line="53"/>
        <source>Register incident</source>
        <translation>登记事件</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incident_dialog.py" line="53"/>
        <source>Register drill incident</source>
        <translation>登记演练事故</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incident_dialog.py" line="59"/>
        <source>(choose the division)</source>
        <translation>（请选择行政区划）</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incident_dialog.py" line="68"/>
        <source>The enterprise&apos;s leader learned of it at</source>
        <translation>企业负责人接报时间</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incident_dialog.py" line="71"/>
        <source>The enterprise has reported to the county at</source>
        <translation>企业已向县级报告，时间</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incident_dialog.py" line="75"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incident_dialog.py" line="76"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incident_dialog.py" line="77"/>
        <source>Division</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incident_dialog.py" line="78"/>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incident_dialog.py" line="79"/>
        <source>Or longitude</source>
        <translation>或经度</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incident_dialog.py" line="80"/>
        <source>and latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incident_dialog.py" line="81"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incident_dialog.py" line="82"/>
        <source>Deaths</source>
        <translation>死亡人数</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incident_dialog.py" line="83"/>
        <source>Serious injuries</source>
        <translation>重伤人数</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incident_dialog.py" line="84"/>
        <source>Direct loss</source>
        <translation>直接经济损失</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incident_dialog.py" line="85"/>
        <source>Class (Order No. 493)</source>
        <translation>事故等级（493号令）</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incident_dialog.py" line="86"/>
        <source>Occurred at</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incident_dialog.py" line="100"/>
        <source>(none: use the coordinates)</source>
        <translation>（无：使用经纬度）</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incident_dialog.py" line="106"/>
        <source>Division: choose where the accident happened.</source>
        <translation>行政区划：请选择事故发生地。</translation>
    </message>
</context>
<context>
    <name>IncidentTree</name>
    <message>
        <location filename="../../widgets/records_incidents.py" line="36"/>
        <source>Incident / report</source>
        <translation>事件 / 报告</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incidents.py" line="36"/>
        <source>Class</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incidents.py" line="36"/>
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incidents.py" line="37"/>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incidents.py" line="37"/>
        <source>Still to report</source>
        <translation>尚未上报</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incidents.py" line="79"/>
        <source>%1 dead, %2 seriously injured</source>
        <translation>死亡 %1 人，重伤 %2 人</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incidents.py" line="81"/>
        <source>[Drill]</source>
        <translation>【演练】</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incidents.py" line="86"/>
        <source>complete</source>
        <translation>已全部上报</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incidents.py" line="99"/>
        <source>reported %1</source>
        <translation>已上报 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incidents.py" line="100"/>
        <source>(late)</source>
        <translation>（迟报）</translation>
    </message>
    <message>
        <location filename="../../widgets/records_incidents.py" line="102"/>
        <source>waiting for the level below</source>
        <translation>等待下级上报</translation>
    </message>
</context>
<context>
    <name>InspectionDialog</name>
    <message>
        <location filename="../../widgets/records_inspection_dialog.py" line="26"/>
        <source>New inspection record</source>
        <translation>新建检查记录</translation>
    </message>
    <message>
        <location filename="../../widgets/records_inspection_dialog.py" line="28"/>
        <source>(choose the division)</source>
        <translation>（请选择行政区划）</translation>
    </message>
    <message>
        <location filename="../../widgets/records_inspection_dialog.py" line="50"/>
        <source>Add hazard</source>
        <translation>添加隐患</translation>
    </message>
    <message>
        <location filename="../../widgets/records_inspection_dialog.py" line="61"/>
        <source>Division</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <location filename="../../widgets/records_inspection_dialog.py" line="62"/>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../widgets/records_inspection_dialog.py" line="63"/>
        <source>Inspection plan</source>
        <translation>检查计划</translation>
    </message>
    <message>
        <location filename="../../widgets/records_inspection_dialog.py" line="64"/>
        <source>Inspectors</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <location filename="../../widgets/records_inspection_dialog.py" line="65"/>
        <source>Inspected at</source>
        <translation>检查时间</translation>
    </message>
    <message>
        <location filename="../../widgets/records_inspection_dialog.py" line="66"/>
        <source>Checklist (ticked = complies)</source>
        <translation>检查项目（勾选为符合）</translation>
    </message>
    <message>
        <location filename="../../widgets/records_inspection_dialog.py" line="67"/>
        <source>Findings</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <location filename="../../widgets/records_inspection_dialog.py" line="68"/>
        <source>Result</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location filename="../../widgets/records_inspection_dialog.py" line="69"/>
        <source>Hazard found</source>
        <translation>发现隐患</translation>
    </message>
    <message>
        <location filename="../../widgets/records_inspection_dialog.py" line="83"/>
        <source>(no plan)</source>
        <translation>（无计划）</translation>
    </message>
    <message>
        <location filename="../../widgets/records_inspection_dialog.py" line="94"/>
        <source>Hazard: describe it first.</source>
        <translation>隐患：请先填写隐患内容。</translation>
    </message>
</context>
<context>
    <name>KeyTrends</name>
    <message>
        <location filename="../../widgets/map_sparkline.py" line="139"/>
        <source>Trend service not running</source>
        <translation>趋势服务未运行</translation>
    </message>
    <message>
        <location filename="../../widgets/map_sparkline.py" line="154"/>
        <source>−%1 min</source>
        <translation>−%1 分钟</translation>
    </message>
    <message>
        <location filename="../../widgets/map_sparkline.py" line="155"/>
        <source>now</source>
        <translation>现在</translation>
    </message>
    <message>
        <location filename="../../widgets/map_sparkline.py" line="155"/>
        <source>No values yet</source>
        <translation>暂无数据</translation>
    </message>
</context>
<context>
    <name>LinkedHandlingPanel</name>
    <message>
        <location filename="../../widgets/alarm_linked.py" line="108"/>
        <source>Site camera</source>
        <translation>现场视频</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_linked.py" line="141"/>
        <source>Select an alarm to see its context.</source>
        <translation>选择一条报警查看关联信息。</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_linked.py" line="171"/>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_linked.py" line="189"/>
        <source>the site is not in the catalogue</source>
        <translation>站点不在监测目录中</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_linked.py" line="190"/>
        <source>Registry not available: %1</source>
        <translation>企业档案不可用：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_linked.py" line="194"/>
        <source>No enterprise registered for this site</source>
        <translation>该站点未登记所属企业</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_linked.py" line="172"/>
        <source>Supervision</source>
        <translation>监管层级</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_linked.py" line="107"/>
        <source>Open trend page</source>
        <translation>打开趋势页</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_linked.py" line="109"/>
        <source>Open in registry</source>
        <translation>在企业档案中查看</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_linked.py" line="151"/>
        <source>Trend: the trend service is not running on this node.</source>
        <translation>趋势：本节点未运行趋势服务。</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_linked.py" line="153"/>
        <source>Site camera: the video page is not available in this version.</source>
        <translation>现场视频：本版本暂无视频页面。</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_linked.py" line="173"/>
        <source>Raised</source>
        <translation>报警时间</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_linked.py" line="174"/>
        <source>Value at raise</source>
        <translation>报警时数值</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_linked.py" line="175"/>
        <source>Latest value</source>
        <translation>最新数值</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_linked.py" line="178"/>
        <source>Escalated to</source>
        <translation>已升级至</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_linked.py" line="180"/>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_linked.py" line="198"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_linked.py" line="203"/>
        <source>No contacts registered</source>
        <translation>未登记联系人</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_linked.py" line="204"/>
        <source>Emergency plans</source>
        <translation>应急预案</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_linked.py" line="209"/>
        <source>No emergency plan registered for this enterprise</source>
        <translation>该企业未登记应急预案</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_linked.py" line="216"/>
        <source>within %1 km</source>
        <translation>%1 公里范围内</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_linked.py" line="217"/>
        <source>Nearest rescue teams</source>
        <translation>最近的救援队伍</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_linked.py" line="220"/>
        <source>%1 people</source>
        <translation>%1 人</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_linked.py" line="223"/>
        <location filename="../../widgets/alarm_linked.py" line="233"/>
        <source>None registered %1</source>
        <translation>%1无登记</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_linked.py" line="224"/>
        <source>Nearest supply depots</source>
        <translation>最近的物资储备库</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../widgets/login_dialog.py" line="54"/>
        <source>Duty Console — sign in</source>
        <translation>值班台 — 登录</translation>
    </message>
    <message>
        <location filename="../../widgets/login_dialog.py" line="55"/>
        <location filename="../../widgets/login_dialog.py" line="65"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../widgets/login_dialog.py" line="55"/>
        <source>Take over the seat</source>
        <translation>接管席位</translation>
    </message>
    <message>
        <location filename="../../widgets/login_dialog.py" line="56"/>
        <source>Seat locked</source>
        <translation>席位已锁定</translation>
    </message>
    <message>
        <location filename="../../widgets/login_dialog.py" line="59"/>
        <source>Every action you take is recorded under your name.</source>
        <translation>您的每一项操作都将以您的名义记录。</translation>
    </message>
    <message>
        <location filename="../../widgets/login_dialog.py" line="60"/>
        <source>The officer taking over signs in; actions from then on are theirs.</source>
        <translation>接管人登录后，此后的操作均记在接管人名下。</translation>
    </message>
    <message>
        <location filename="../../widgets/login_dialog.py" line="61"/>
        <source>Locked after inactivity. Sign in again, or another officer takes over.</source>
        <translation>因长时间无操作已锁定。请重新登录，或由其他值班人员接管。</translation>
    </message>
    <message>
        <location filename="../../widgets/login_dialog.py" line="63"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../widgets/login_dialog.py" line="64"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../widgets/login_dialog.py" line="68"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../widgets/login_dialog.py" line="68"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../console/main_window.py" line="184"/>
        <source>Demo duty officer %1, signed in automatically</source>
        <translation>演示值班员 %1（自动登录）</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="186"/>
        <source>On duty: %1 (%2)</source>
        <translation>当班：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="238"/>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="239"/>
        <source>degraded</source>
        <translation>降级</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="240"/>
        <source>down</source>
        <translation>中断</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="241"/>
        <source>not started</source>
        <translation>未启动</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="242"/>
        <source>local store</source>
        <translation>本地存储</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="245"/>
        <source>Backend</source>
        <translation>后端</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="246"/>
        <source>Field</source>
        <translation>现场</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="259"/>
        <source>from the backend</source>
        <translation>全部来自后端</translation>
    </message>
    <message numerus="yes">
        <location filename="../../console/main_window.py" line="260"/>
        <source>%n tag(s) read from the field</source>
        <translation>
            <numerusform>%n 个测点由本机现场读取</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="261"/>
        <source>Live values</source>
        <translation>实时数据</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="276"/>
        <location filename="../../console/main_window.py" line="285"/>
        <source>Clock</source>
        <translation>时钟</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="276"/>
        <source>not measured</source>
        <translation>未测量</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="278"/>
        <source>%1 s to the backend</source>
        <translation>与后端相差 %1 秒</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="278"/>
        <source>%1 s to the OPC UA server</source>
        <translation>与 OPC UA 服务器相差 %1 秒</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="283"/>
        <source>%1, over %2 s: set this computer&apos;s clock</source>
        <translation>%1，超过 %2 秒：请校准本机时钟</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="291"/>
        <source>province node</source>
        <translation>省级节点</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="292"/>
        <source>city node</source>
        <translation>市级节点</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="293"/>
        <source>county node</source>
        <translation>县级节点</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="306"/>
        <source>Duty Console — Hebei Safety Production Supervision</source>
        <translation>河北省安全生产监管值班台</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="309"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="310"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="311"/>
        <source>Full screen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="312"/>
        <source>&amp;Operator</source>
        <translation>操作员(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="313"/>
        <source>Take over the seat…</source>
        <translation>接管席位…</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="314"/>
        <source>Lock the seat</source>
        <translation>锁定席位</translation>
    </message>
</context>
<context>
    <name>MonitoringPage</name>
    <message>
        <location filename="../../console/pages/monitoring.py" line="61"/>
        <source>the trend service is not running</source>
        <translation>趋势服务未运行</translation>
    </message>
    <message>
        <location filename="../../console/pages/monitoring.py" line="62"/>
        <source>no sites are configured</source>
        <translation>未配置监测点</translation>
    </message>
    <message>
        <location filename="../../console/pages/monitoring.py" line="63"/>
        <source>Monitoring is not available: %1</source>
        <translation>在线监测不可用：%1</translation>
    </message>
    <message>
        <location filename="../../console/pages/monitoring.py" line="70"/>
        <source>Sites</source>
        <translation>监测点</translation>
    </message>
    <message>
        <location filename="../../console/pages/monitoring.py" line="72"/>
        <source>My trend sets</source>
        <translation>我的趋势组</translation>
    </message>
    <message>
        <location filename="../../console/pages/monitoring.py" line="73"/>
        <source>Save as trend set…</source>
        <translation>另存为趋势组…</translation>
    </message>
    <message>
        <location filename="../../console/pages/monitoring.py" line="74"/>
        <source>Save the ticked pens of the open trends as a trend set</source>
        <translation>把当前趋势中勾选的曲线保存为趋势组</translation>
    </message>
    <message>
        <location filename="../../console/pages/monitoring.py" line="77"/>
        <source>Add to trend set…</source>
        <translation>加入趋势组…</translation>
    </message>
    <message>
        <location filename="../../console/pages/monitoring.py" line="78"/>
        <source>Add the ticked pens of the open trends to one of your trend sets</source>
        <translation>把当前趋势中勾选的曲线加入已有的趋势组</translation>
    </message>
    <message>
        <location filename="../../console/pages/monitoring.py" line="81"/>
        <location filename="../../console/pages/monitoring.py" line="279"/>
        <source>Delete trend set</source>
        <translation>删除趋势组</translation>
    </message>
    <message>
        <location filename="../../console/pages/monitoring.py" line="94"/>
        <source>Select a site or a trend set to see its trends.</source>
        <translation>请选择监测点或趋势组查看趋势。</translation>
    </message>
    <message>
        <location filename="../../console/pages/monitoring.py" line="131"/>
        <source>tailings pond</source>
        <translation>尾矿库</translation>
    </message>
    <message>
        <location filename="../../console/pages/monitoring.py" line="131"/>
        <source>hazchem</source>
        <translation>危险化学品重大危险源</translation>
    </message>
    <message numerus="yes">
        <location filename="../../console/pages/monitoring.py" line="200"/>
        <source>%n tags no longer exist</source>
        <translation>
            <numerusform>%n 个位号已不存在</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../console/pages/monitoring.py" line="255"/>
        <source>Add to trend set</source>
        <translation>加入趋势组</translation>
    </message>
    <message>
        <location filename="../../console/pages/monitoring.py" line="255"/>
        <source>Trend set:</source>
        <translation>趋势组：</translation>
    </message>
    <message>
        <location filename="../../console/pages/monitoring.py" line="261"/>
        <location filename="../../console/pages/monitoring.py" line="272"/>
        <source>Trend set not saved</source>
        <translation>趋势组未保存</translation>
    </message>
    <message>
        <location filename="../../console/pages/monitoring.py" line="266"/>
        <source>Save trend set</source>
        <translation>保存趋势组</translation>
    </message>
    <message>
        <location filename="../../console/pages/monitoring.py" line="266"/>
        <source>Name of the trend set:</source>
        <translation>趋势组名称：</translation>
    </message>
    <message>
        <location filename="../../console/pages/monitoring.py" line="280"/>
        <source>Delete trend set &quot;%1&quot;?</source>
        <translation>删除趋势组“%1”？</translation>
    </message>
</context>
<context>
    <name>NotAvailablePage</name>
    <message>
        <location filename="../../console/pages/placeholder.py" line="31"/>
        <source>Not available yet: this page is not part of this version of the console.</source>
        <translation>尚未提供：本版本值班台还没有此页面。</translation>
    </message>
</context>
<context>
    <name>OpenConsultationDialog</name>
    <message>
        <location filename="../../widgets/consultation_open_dialog.py" line="20"/>
        <source>Open a consultation</source>
        <translation>发起会商</translation>
    </message>
    <message>
        <location filename="../../widgets/consultation_open_dialog.py" line="23"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../widgets/consultation_open_dialog.py" line="26"/>
        <source>Site code, e.g. TP13010201</source>
        <translation>站点编码，如 TP13010201</translation>
    </message>
    <message>
        <location filename="../../widgets/consultation_open_dialog.py" line="27"/>
        <source>Video conference URL or meeting number</source>
        <translation>视频会议链接或会议号</translation>
    </message>
    <message>
        <location filename="../../widgets/consultation_open_dialog.py" line="33"/>
        <source>Topic</source>
        <translation>会商主题</translation>
    </message>
    <message>
        <location filename="../../widgets/consultation_open_dialog.py" line="34"/>
        <source>Incident</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../widgets/consultation_open_dialog.py" line="35"/>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../widgets/consultation_open_dialog.py" line="36"/>
        <source>Invited nodes</source>
        <translation>邀请节点</translation>
    </message>
    <message>
        <location filename="../../widgets/consultation_open_dialog.py" line="37"/>
        <source>Conference link</source>
        <translation>视频会议</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../console/pages/overview.py" line="94"/>
        <source>▲ tailings pond  ◆ hazardous-chemical source  · grey = stale/off-line · blinking = unacknowledged · F11 big screen</source>
        <translation>▲ 尾矿库  ◆ 危险化学品重大危险源  · 灰色 = 数据过期/离线 · 闪烁 = 未确认 · F11 大屏</translation>
    </message>
    <message>
        <location filename="../../console/pages/overview.py" line="108"/>
        <source>Latest alarms</source>
        <translation>最新报警</translation>
    </message>
    <message>
        <location filename="../../console/pages/overview.py" line="113"/>
        <source>Alarm engine not running: no alarms are shown.</source>
        <translation>报警引擎未运行：不显示报警。</translation>
    </message>
    <message>
        <location filename="../../console/pages/overview.py" line="115"/>
        <source>No site catalogue loaded: the map shows no sites.</source>
        <translation>未加载站点目录：地图上没有站点。</translation>
    </message>
    <message>
        <location filename="../../console/pages/overview.py" line="172"/>
        <source>Acknowledging…</source>
        <translation>正在确认…</translation>
    </message>
    <message>
        <location filename="../../console/pages/overview.py" line="180"/>
        <source>Not stored: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location filename="../../console/pages/overview.py" line="182"/>
        <source>Acknowledged.</source>
        <translation>已确认。</translation>
    </message>
    <message>
        <location filename="../../console/pages/overview.py" line="227"/>
        <source>Jurisdiction: %1</source>
        <translation>辖区：%1</translation>
    </message>
    <message>
        <location filename="../../console/pages/overview.py" line="338"/>
        <source>That page cannot be filtered to one site yet.</source>
        <translation>该页面尚不能按单个站点筛选。</translation>
    </message>
    <message>
        <location filename="../../console/pages/overview.py" line="340"/>
        <source>No camera is registered for this site.</source>
        <translation>该站点没有登记摄像头。</translation>
    </message>
    <message>
        <location filename="../../console/pages/overview.py" line="366"/>
        <source>%1 safety production monitoring — one map</source>
        <translation>%1安全生产监测一张图</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <location filename="../../widgets/records_plan_dialog.py" line="25"/>
        <source>Edit inspection plan</source>
        <translation>编辑检查计划</translation>
    </message>
    <message>
        <location filename="../../widgets/records_plan_dialog.py" line="25"/>
        <source>New inspection plan</source>
        <translation>新建检查计划</translation>
    </message>
    <message>
        <location filename="../../widgets/records_plan_dialog.py" line="27"/>
        <source>(choose the division)</source>
        <translation>（请选择行政区划）</translation>
    </message>
    <message>
        <location filename="../../widgets/records_plan_dialog.py" line="35"/>
        <source>Narrow the list by name</source>
        <translation>按名称筛选</translation>
    </message>
    <message>
        <location filename="../../widgets/records_plan_dialog.py" line="42"/>
        <source>Division</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <location filename="../../widgets/records_plan_dialog.py" line="43"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../widgets/records_plan_dialog.py" line="44"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../widgets/records_plan_dialog.py" line="45"/>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../widgets/records_plan_dialog.py" line="46"/>
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../widgets/records_plan_dialog.py" line="47"/>
        <source>Target enterprises</source>
        <translation>检查对象企业</translation>
    </message>
    <message>
        <location filename="../../widgets/records_plan_dialog.py" line="92"/>
        <source>%1 enterprises chosen</source>
        <translation>已选 %1 家企业</translation>
    </message>
    <message>
        <location filename="../../widgets/records_plan_dialog.py" line="97"/>
        <source>Division: choose whose plan this is.</source>
        <translation>行政区划：请选择计划所属辖区。</translation>
    </message>
</context>
<context>
    <name>RegistryImportDialog</name>
    <message>
        <location filename="../../widgets/registry_import_dialog.py" line="59"/>
        <location filename="../../widgets/registry_import_dialog.py" line="73"/>
        <source>Import enterprises</source>
        <translation>导入企业</translation>
    </message>
    <message>
        <location filename="../../widgets/registry_import_dialog.py" line="60"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../widgets/registry_import_dialog.py" line="61"/>
        <source>An xlsx or CSV (UTF-8 or GBK) file with the columns %1.</source>
        <translation>xlsx 或 CSV（UTF-8 或 GBK）文件，列名为：%1。</translation>
    </message>
    <message>
        <location filename="../../widgets/registry_import_dialog.py" line="64"/>
        <source>Import only the good rows</source>
        <translation>只导入正确的行</translation>
    </message>
    <message>
        <location filename="../../widgets/registry_import_dialog.py" line="65"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../widgets/registry_import_dialog.py" line="66"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../widgets/registry_import_dialog.py" line="74"/>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>表格文件 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../widgets/registry_import_dialog.py" line="82"/>
        <source>Checking…</source>
        <translation>正在校验…</translation>
    </message>
    <message>
        <location filename="../../widgets/registry_import_dialog.py" line="95"/>
        <source>Storing…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../widgets/registry_import_dialog.py" line="115"/>
        <source>%1 rows: %2 good, %3 bad.</source>
        <translation>共 %1 行：正确 %2 行，错误 %3 行。</translation>
    </message>
    <message>
        <location filename="../../widgets/registry_import_dialog.py" line="118"/>
        <source>A file with bad rows is stored only if you choose to import only the good rows.</source>
        <translation>文件含错误行时不保存任何数据，除非选择“只导入正确的行”。</translation>
    </message>
    <message>
        <location filename="../../widgets/registry_import_dialog.py" line="125"/>
        <source>Nothing stored: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/registry_import_dialog.py" line="128"/>
        <source>Stored: %1 new, %2 updated (pending review), %3 unchanged.</source>
        <translation>已保存：新增 %1 家，更新 %2 家（待审核），%3 家无变化。</translation>
    </message>
</context>
<context>
    <name>RegistryPage</name>
    <message>
        <location filename="../../console/pages/registry.py" line="132"/>
        <source>Registry</source>
        <translation>企业档案</translation>
    </message>
    <message>
        <location filename="../../console/pages/registry.py" line="133"/>
        <source>Search name or credit code</source>
        <translation>搜索名称或信用代码</translation>
    </message>
    <message>
        <location filename="../../console/pages/registry.py" line="135"/>
        <source>All industries</source>
        <translation>全部行业</translation>
    </message>
    <message>
        <location filename="../../console/pages/registry.py" line="136"/>
        <source>All supervision levels</source>
        <translation>全部监管层级</translation>
    </message>
    <message>
        <location filename="../../console/pages/registry.py" line="137"/>
        <source>All audit states</source>
        <translation>全部审核状态</translation>
    </message>
    <message>
        <location filename="../../console/pages/registry.py" line="142"/>
        <source>Add enterprise…</source>
        <translation>新增企业…</translation>
    </message>
    <message>
        <location filename="../../console/pages/registry.py" line="143"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../console/pages/registry.py" line="144"/>
        <source>Approve</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <location filename="../../console/pages/registry.py" line="145"/>
        <source>Return…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <location filename="../../console/pages/registry.py" line="146"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../console/pages/registry.py" line="147"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../console/pages/registry.py" line="148"/>
        <source>Enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../console/pages/registry.py" line="149"/>
        <source>Completeness</source>
        <translation>完整性统计</translation>
    </message>
    <message>
        <location filename="../../console/pages/registry.py" line="178"/>
        <source>Refused by the backend: %1 %2 — %3</source>
        <translation>后端拒收：%1 %2 —— %3</translation>
    </message>
    <message>
        <location filename="../../console/pages/registry.py" line="181"/>
        <source>… and %1 more</source>
        <translation>…… 另有 %1 条</translation>
    </message>
    <message>
        <location filename="../../console/pages/registry.py" line="209"/>
        <source>Enterprises: %1</source>
        <translation>企业：%1 家</translation>
    </message>
    <message>
        <location filename="../../console/pages/registry.py" line="235"/>
        <source>Return for correction</source>
        <translation>退回修改</translation>
    </message>
    <message>
        <location filename="../../console/pages/registry.py" line="236"/>
        <source>Why does the entry go back?</source>
        <translation>退回原因：</translation>
    </message>
    <message>
        <location filename="../../console/pages/registry.py" line="266"/>
        <source>Export enterprises</source>
        <translation>导出企业</translation>
    </message>
    <message>
        <location filename="../../console/pages/registry.py" line="267"/>
        <source>Spreadsheets (*.xlsx)</source>
        <translation>表格文件 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../console/pages/registry.py" line="275"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../console/pages/registry.py" line="287"/>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <location filename="../../console/pages/registry.py" line="289"/>
        <source>Exported %1 enterprises to %2</source>
        <translation>已导出 %1 家企业至 %2</translation>
    </message>
</context>
<context>
    <name>RosterDialog</name>
    <message>
        <location filename="../../widgets/records_roster.py" line="79"/>
        <source>Duty roster</source>
        <translation>排班表</translation>
    </message>
    <message>
        <location filename="../../widgets/records_roster.py" line="80"/>
        <source>Officer</source>
        <translation>值班员</translation>
    </message>
    <message>
        <location filename="../../widgets/records_roster.py" line="80"/>
        <source>Leader</source>
        <translation>带班领导</translation>
    </message>
    <message>
        <location filename="../../widgets/records_roster.py" line="80"/>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../widgets/records_roster.py" line="81"/>
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../widgets/records_roster.py" line="83"/>
        <source>Add shift</source>
        <translation>添加班次</translation>
    </message>
    <message>
        <location filename="../../widgets/records_roster.py" line="84"/>
        <source>Change selected</source>
        <translation>修改所选</translation>
    </message>
    <message>
        <location filename="../../widgets/records_roster.py" line="85"/>
        <source>Remove selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <location filename="../../widgets/records_roster.py" line="140"/>
        <location filename="../../widgets/records_roster.py" line="147"/>
        <source>Select a shift first.</source>
        <translation>请先选择一个班次。</translation>
    </message>
</context>
<context>
    <name>ShelveDialog</name>
    <message>
        <location filename="../../widgets/alarm_dialogs.py" line="49"/>
        <source>Shelve alarms</source>
        <translation>搁置报警</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_dialogs.py" line="50"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_dialogs.py" line="53"/>
        <source>{n} min</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_dialogs.py" line="56"/>
        <source>Shelve {n} alarm(s); they return by themselves.</source>
        <translation>搁置 {n} 条报警；到期自动恢复。</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_dialogs.py" line="57"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_dialogs.py" line="58"/>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_dialogs.py" line="59"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>SitePanel</name>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="30"/>
        <source>Red alarm</source>
        <translation>红色报警</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="31"/>
        <source>Orange alarm</source>
        <translation>橙色报警</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="32"/>
        <source>Yellow alarm</source>
        <translation>黄色报警</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="33"/>
        <source>Blue alarm</source>
        <translation>蓝色报警</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="34"/>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="35"/>
        <source>Data stale</source>
        <translation>数据过期</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="36"/>
        <source>Off-line</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="39"/>
        <source>good</source>
        <translation>良好</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="40"/>
        <source>stale</source>
        <translation>过期</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="41"/>
        <source>out of range</source>
        <translation>超量程</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="42"/>
        <source>config error</source>
        <translation>配置错误</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="43"/>
        <source>no comms</source>
        <translation>通信中断</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="45"/>
        <source>no value</source>
        <translation>无数据</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="48"/>
        <source>backend</source>
        <translation>后端</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="49"/>
        <source>field, primary</source>
        <translation>现场·主用</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="50"/>
        <source>field, standby</source>
        <translation>现场·备用</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="51"/>
        <source>simulator</source>
        <translation>模拟器</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="87"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="96"/>
        <source>Quantity</source>
        <translation>监测项</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="96"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="96"/>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="96"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="100"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="100"/>
        <source>Tag</source>
        <translation>测点</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="100"/>
        <source>Raised</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="103"/>
        <source>Acknowledgement note (required for red alarms)</source>
        <translation>确认说明（红色报警必填）</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="120"/>
        <source>Trends</source>
        <translation>趋势</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="120"/>
        <source>Alarms</source>
        <translation>报警</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="121"/>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="160"/>
        <source>Not available yet: %1</source>
        <translation>尚未提供：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="149"/>
        <source>Tailings pond</source>
        <translation>尾矿库</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="149"/>
        <source>Hazardous-chemical source</source>
        <translation>危险化学品重大危险源</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="151"/>
        <source>not recorded</source>
        <translation>未登记</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="152"/>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="152"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="152"/>
        <source>Division</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="153"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="158"/>
        <source>That page is not available yet</source>
        <translation>该页面尚未提供</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/map_site_panel.py" line="189"/>
        <source>Active alarms: %n</source>
        <translation>
            <numerusform>活动报警：%n 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/map_site_panel.py" line="200"/>
        <source>Acknowledge all %n</source>
        <translation>
            <numerusform>全部确认（%n 条）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="210"/>
        <source>acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="212"/>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
</context>
<context>
    <name>StartingPage</name>
    <message>
        <location filename="../../console/pages/placeholder.py" line="45"/>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location filename="../../console/pages/placeholder.py" line="46"/>
        <source>Connecting to the field, the local store and the backend. The page opens as soon as they are up.</source>
        <translation>正在连接现场设备、本地存储和后台，连接就绪后页面即打开。</translation>
    </message>
</context>
<context>
    <name>StartupCheck</name>
    <message>
        <location filename="../../console/app.py" line="170"/>
        <source>Local store</source>
        <translation>本地存储</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="174"/>
        <source>Move the damaged store aside now (the file is kept) and start with a fresh one?</source>
        <translation>现在将损坏的本地存储移到一旁（文件保留）并使用新的存储启动吗？</translation>
    </message>
</context>
<context>
    <name>SummaryPanel</name>
    <message>
        <location filename="../../widgets/map_summary.py" line="33"/>
        <source>Sites</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../widgets/map_summary.py" line="33"/>
        <source>On-line</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../widgets/map_summary.py" line="33"/>
        <source>Stale</source>
        <translation>过期</translation>
    </message>
    <message>
        <location filename="../../widgets/map_summary.py" line="34"/>
        <source>Off-line</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../widgets/map_summary.py" line="35"/>
        <source>Red alarms</source>
        <translation>红色报警</translation>
    </message>
    <message>
        <location filename="../../widgets/map_summary.py" line="35"/>
        <source>Orange alarms</source>
        <translation>橙色报警</translation>
    </message>
    <message>
        <location filename="../../widgets/map_summary.py" line="36"/>
        <source>Yellow alarms</source>
        <translation>黄色报警</translation>
    </message>
    <message>
        <location filename="../../widgets/map_summary.py" line="36"/>
        <source>Blue alarms</source>
        <translation>蓝色报警</translation>
    </message>
    <message>
        <location filename="../../widgets/map_summary.py" line="37"/>
        <source>Unacknowledged</source>
        <translation>未确认</translation>
    </message>
    <message>
        <location filename="../../widgets/map_summary.py" line="37"/>
        <source>Escalations pending</source>
        <translation>待处理升级</translation>
    </message>
    <message>
        <location filename="../../widgets/map_summary.py" line="38"/>
        <source>Oldest unacknowledged</source>
        <translation>最早未确认</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../console/pages/sync.py" line="52"/>
        <source>Sync status</source>
        <translation>同步状态</translation>
    </message>
    <message>
        <location filename="../../console/pages/sync.py" line="53"/>
        <source>Conflict inbox</source>
        <translation>冲突收件箱</translation>
    </message>
    <message>
        <location filename="../../console/pages/sync.py" line="55"/>
        <source>Sync is off, this node works on its local store: {reason}</source>
        <translation>同步已关闭，本节点使用本地存储：{reason}</translation>
    </message>
    <message>
        <location filename="../../console/pages/sync.py" line="59"/>
        <source>No shared backend configured: this node works on its local store only.</source>
        <translation>未配置共享后台：本节点仅使用本地存储工作。</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <location filename="../../widgets/sync_status.py" line="55"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../widgets/sync_status.py" line="56"/>
        <source>Initial sync %p% (%v of %m rows)</source>
        <translation>初始同步 %p%（%v / %m 行）</translation>
    </message>
    <message>
        <location filename="../../widgets/sync_status.py" line="71"/>
        <source>Backend link</source>
        <translation>后台连接</translation>
    </message>
    <message>
        <location filename="../../widgets/sync_status.py" line="71"/>
        <source>Last successful sync</source>
        <translation>最近一次成功同步</translation>
    </message>
    <message>
        <location filename="../../widgets/sync_status.py" line="72"/>
        <source>Pending operations</source>
        <translation>待上传操作</translation>
    </message>
    <message>
        <location filename="../../widgets/sync_status.py" line="74"/>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../../widgets/sync_status.py" line="74"/>
        <source>offline, working locally</source>
        <translation>离线，本地工作中</translation>
    </message>
    <message>
        <location filename="../../widgets/sync_status.py" line="75"/>
        <source>connecting</source>
        <translation>正在连接</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/sync_status.py" line="81"/>
        <source> (%n refused by the server)</source>
        <translation>
            <numerusform>（%n 条被服务器拒绝）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/sync_status.py" line="83"/>
        <source>Conflicts waiting: %n</source>
        <translation>
            <numerusform>待处理冲突：%n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/sync_status.py" line="92"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../widgets/sync_status.py" line="96"/>
        <source>%1 (%2 s ago)</source>
        <translation>%1（%2 秒前）</translation>
    </message>
    <message>
        <location filename="../../widgets/sync_status.py" line="97"/>
        <source>%1 (%2 min ago)</source>
        <translation>%1（%2 分钟前）</translation>
    </message>
</context>
<context>
    <name>TrendGroup</name>
    <message>
        <location filename="../../widgets/trend_group.py" line="31"/>
        <source>10 min</source>
        <translation>10分钟</translation>
    </message>
    <message>
        <location filename="../../widgets/trend_group.py" line="31"/>
        <source>1 h</source>
        <translation>1小时</translation>
    </message>
    <message>
        <location filename="../../widgets/trend_group.py" line="32"/>
        <source>8 h</source>
        <translation>8小时</translation>
    </message>
    <message>
        <location filename="../../widgets/trend_group.py" line="32"/>
        <source>24 h</source>
        <translation>24小时</translation>
    </message>
    <message>
        <location filename="../../widgets/trend_group.py" line="33"/>
        <source>7 d</source>
        <translation>7天</translation>
    </message>
    <message>
        <location filename="../../widgets/trend_group.py" line="33"/>
        <source>30 d</source>
        <translation>30天</translation>
    </message>
    <message>
        <location filename="../../widgets/trend_group.py" line="51"/>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location filename="../../widgets/trend_group.py" line="55"/>
        <source>Export CSV…</source>
        <translation>导出CSV…</translation>
    </message>
    <message>
        <location filename="../../widgets/trend_group.py" line="57"/>
        <source>Export PNG…</source>
        <translation>导出PNG…</translation>
    </message>
    <message>
        <location filename="../../widgets/trend_group.py" line="61"/>
        <source>Span</source>
        <translation>时间跨度</translation>
    </message>
    <message>
        <location filename="../../widgets/trend_group.py" line="138"/>
        <source>Export visible data</source>
        <translation>导出可见数据</translation>
    </message>
    <message>
        <location filename="../../widgets/trend_group.py" line="141"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/trend_group.py" line="141"/>
        <source>%n rows written</source>
        <translation>
            <numerusform>已写入 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/trend_group.py" line="144"/>
        <source>Export picture</source>
        <translation>导出图片</translation>
    </message>
</context>
<context>
    <name>TrendView</name>
    <message>
        <location filename="../../widgets/trend_view.py" line="201"/>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location filename="../../widgets/trend_view.py" line="201"/>
        <source>Follow live values (End); Space pauses</source>
        <translation>跟随实时数据（End键）；空格键暂停</translation>
    </message>
    <message>
        <location filename="../../widgets/trend_view.py" line="209"/>
        <source>Zoom in (+)</source>
        <translation>放大（+）</translation>
    </message>
    <message>
        <location filename="../../widgets/trend_view.py" line="210"/>
        <source>Zoom out (-)</source>
        <translation>缩小（-）</translation>
    </message>
    <message>
        <location filename="../../widgets/trend_view.py" line="213"/>
        <source>Pen</source>
        <translation>曲线</translation>
    </message>
    <message>
        <location filename="../../widgets/trend_view.py" line="213"/>
        <source>Value</source>
        <translation>当前值</translation>
    </message>
    <message>
        <location filename="../../widgets/trend_view.py" line="213"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../widgets/trend_view.py" line="213"/>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <location filename="../../widgets/trend_view.py" line="493"/>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <location filename="../../widgets/trend_view.py" line="524"/>
        <source>BAD</source>
        <translation>坏值</translation>
    </message>
    <message>
        <location filename="../../widgets/trend_view.py" line="526"/>
        <source>stale</source>
        <translation>过期</translation>
    </message>
</context>
<context>
    <name>VideoPage</name>
    <message>
        <location filename="../../console/pages/video.py" line="93"/>
        <source>Tour</source>
        <translation>轮巡</translation>
    </message>
    <message>
        <location filename="../../console/pages/video.py" line="96"/>
        <source>Snapshot</source>
        <translation>抓图</translation>
    </message>
    <message>
        <location filename="../../console/pages/video.py" line="100"/>
        <source>Layout</source>
        <translation>布局</translation>
    </message>
    <message>
        <location filename="../../console/pages/video.py" line="129"/>
        <source>No cameras configured for this node</source>
        <translation>本节点未配置摄像机</translation>
    </message>
    <message>
        <location filename="../../console/pages/video.py" line="208"/>
        <source>Snapshots saved: %1 in %2</source>
        <translation>已保存抓图 %1 张，位于 %2</translation>
    </message>
</context>
<context>
    <name>VideoTile</name>
    <message>
        <location filename="../../widgets/video_tile.py" line="129"/>
        <location filename="../../widgets/video_tile.py" line="230"/>
        <source>retry in %1 s</source>
        <translation>%1 秒后重连</translation>
    </message>
    <message>
        <location filename="../../widgets/video_tile.py" line="239"/>
        <source>Drop a camera here</source>
        <translation>拖入摄像机</translation>
    </message>
    <message>
        <location filename="../../widgets/video_tile.py" line="240"/>
        <source>idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../../widgets/video_tile.py" line="240"/>
        <source>connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <location filename="../../widgets/video_tile.py" line="241"/>
        <source>live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location filename="../../widgets/video_tile.py" line="241"/>
        <source>lost</source>
        <translation>中断</translation>
    </message>
    <message>
        <location filename="../../widgets/video_tile.py" line="244"/>
        <source>Signal lost</source>
        <translation>信号中断</translation>
    </message>
    <message>
        <location filename="../../widgets/video_tile.py" line="245"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
</context>
<context>
    <name>alarms</name>
    <message>
        <location filename="../../widgets/alarm_site_groups.py" line="39"/>
        <location filename="../../widgets/alarm_table_model.py" line="36"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_table_model.py" line="36"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_table_model.py" line="37"/>
        <source>Raised</source>
        <translation>报警时间</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_site_groups.py" line="40"/>
        <location filename="../../widgets/alarm_table_model.py" line="39"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_site_groups.py" line="39"/>
        <location filename="../../widgets/alarm_table_model.py" line="37"/>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_table_model.py" line="39"/>
        <source>Tag</source>
        <translation>测点</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_table_model.py" line="38"/>
        <source>Condition</source>
        <translation>条件</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_table_model.py" line="29"/>
        <source>[Drill] %1</source>
        <translation>【演练】%1</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_table_model.py" line="37"/>
        <source>Acknowledged by</source>
        <translation>确认人</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_table_model.py" line="38"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_table_model.py" line="40"/>
        <source>Escalated to</source>
        <translation>已升级至</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_table_model.py" line="40"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../console/alarms/labels.py" line="14"/>
        <source>Red</source>
        <translation>红色</translation>
    </message>
    <message>
        <location filename="../../console/alarms/labels.py" line="15"/>
        <source>Orange</source>
        <translation>橙色</translation>
    </message>
    <message>
        <location filename="../../console/alarms/labels.py" line="16"/>
        <source>Yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <location filename="../../console/alarms/labels.py" line="17"/>
        <source>Blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <location filename="../../console/alarms/labels.py" line="20"/>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../console/alarms/labels.py" line="21"/>
        <location filename="../../widgets/alarm_site_groups.py" line="41"/>
        <source>Unacknowledged</source>
        <translation>未确认</translation>
    </message>
    <message>
        <location filename="../../console/alarms/labels.py" line="22"/>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../console/alarms/labels.py" line="23"/>
        <source>Returned, unacknowledged</source>
        <translation>已恢复未确认</translation>
    </message>
    <message>
        <location filename="../../console/alarms/labels.py" line="24"/>
        <source>Shelved</source>
        <translation>已搁置</translation>
    </message>
    <message>
        <location filename="../../console/alarms/labels.py" line="25"/>
        <source>Suppressed (maintenance)</source>
        <translation>已抑制（检修）</translation>
    </message>
    <message>
        <location filename="../../console/alarms/labels.py" line="26"/>
        <source>Out of service</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../console/alarms/labels.py" line="29"/>
        <source>raised</source>
        <translation>报警</translation>
    </message>
    <message>
        <location filename="../../console/alarms/labels.py" line="29"/>
        <source>cleared</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../console/alarms/labels.py" line="30"/>
        <source>acknowledged</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../console/alarms/labels.py" line="30"/>
        <source>shelved</source>
        <translation>搁置</translation>
    </message>
    <message>
        <location filename="../../console/alarms/labels.py" line="31"/>
        <source>unshelved</source>
        <translation>取消搁置</translation>
    </message>
    <message>
        <location filename="../../console/alarms/labels.py" line="31"/>
        <source>comment</source>
        <translation>批注</translation>
    </message>
    <message>
        <location filename="../../console/alarms/labels.py" line="32"/>
        <source>escalated</source>
        <translation>升级</translation>
    </message>
    <message>
        <location filename="../../console/alarms/labels.py" line="32"/>
        <source>disposed</source>
        <translation>处置</translation>
    </message>
    <message>
        <location filename="../../console/alarms/labels.py" line="33"/>
        <source>reset</source>
        <translation>复位</translation>
    </message>
    <message>
        <location filename="../../console/alarms/labels.py" line="33"/>
        <source>maintenance on</source>
        <translation>检修开始</translation>
    </message>
    <message>
        <location filename="../../console/alarms/labels.py" line="34"/>
        <source>maintenance off</source>
        <translation>检修结束</translation>
    </message>
    <message>
        <location filename="../../console/alarms/labels.py" line="35"/>
        <source>out of service</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../console/alarms/labels.py" line="36"/>
        <source>back in service</source>
        <translation>恢复使用</translation>
    </message>
    <message>
        <location filename="../../console/alarms/labels.py" line="37"/>
        <source>first looked at</source>
        <translation>首次查看</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_site_groups.py" line="40"/>
        <source>Alarms</source>
        <translation>报警数</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_site_groups.py" line="41"/>
        <source>Oldest</source>
        <translation>最早</translation>
    </message>
    <message>
        <location filename="../../console/alarms/messages.py" line="17"/>
        <source>{name} above {condition} {limit} {unit}</source>
        <translation>{name} 超{condition} {limit} {unit}</translation>
    </message>
    <message>
        <location filename="../../console/alarms/messages.py" line="18"/>
        <source>{name} below {condition} {limit} {unit}</source>
        <translation>{name} 低于{condition} {limit} {unit}</translation>
    </message>
    <message>
        <location filename="../../console/alarms/messages.py" line="19"/>
        <source>{name} changing faster than {limit} {unit}/min</source>
        <translation>{name} 变化速率超过 {limit} {unit}/分钟</translation>
    </message>
    <message>
        <location filename="../../console/alarms/messages.py" line="20"/>
        <source>{name} off setpoint {setpoint} by {limit} {unit} or more</source>
        <translation>{name} 偏离设定值 {setpoint} 达 {limit} {unit} 及以上</translation>
    </message>
    <message>
        <location filename="../../console/alarms/messages.py" line="21"/>
        <source>{name} in alarm state {state}</source>
        <translation>{name} 处于报警状态 {state}</translation>
    </message>
    <message>
        <location filename="../../console/alarms/messages.py" line="22"/>
        <source>{name}: {label}</source>
        <translation>{name}：{label}</translation>
    </message>
    <message>
        <location filename="../../console/alarms/messages.py" line="23"/>
        <source>{name} bad quality</source>
        <translation>{name} 数据质量坏</translation>
    </message>
    <message>
        <location filename="../../console/alarms/messages.py" line="24"/>
        <source>{name} communication lost</source>
        <translation>{name} 通信中断</translation>
    </message>
    <message>
        <location filename="../../console/alarms/messages.py" line="25"/>
        <source>{name}: {points}/{total} points in alarm (GB 50863)</source>
        <translation>{name}：{points}/{total} 个测点报警（GB 50863）</translation>
    </message>
    <message>
        <location filename="../../console/alarms/messages.py" line="29"/>
        <source>high-high</source>
        <translation>高高限</translation>
    </message>
    <message>
        <location filename="../../console/alarms/messages.py" line="29"/>
        <source>high</source>
        <translation>高限</translation>
    </message>
    <message>
        <location filename="../../console/alarms/messages.py" line="30"/>
        <source>low</source>
        <translation>低限</translation>
    </message>
    <message>
        <location filename="../../console/alarms/messages.py" line="30"/>
        <source>low-low</source>
        <translation>低低限</translation>
    </message>
    <message>
        <location filename="../../console/alarms/messages.py" line="31"/>
        <source>rate of change</source>
        <translation>变化率</translation>
    </message>
    <message>
        <location filename="../../console/alarms/messages.py" line="31"/>
        <source>deviation</source>
        <translation>偏差</translation>
    </message>
    <message>
        <location filename="../../console/alarms/messages.py" line="32"/>
        <source>discrete state</source>
        <translation>开关量状态</translation>
    </message>
    <message>
        <location filename="../../console/alarms/messages.py" line="32"/>
        <source>bad quality</source>
        <translation>数据质量坏</translation>
    </message>
    <message>
        <location filename="../../console/alarms/messages.py" line="33"/>
        <source>communication loss</source>
        <translation>通信中断</translation>
    </message>
    <message>
        <location filename="../../console/alarms/messages.py" line="34"/>
        <source>GB 50863 item</source>
        <translation>GB 50863 汇总</translation>
    </message>
</context>
<context>
    <name>consultation</name>
    <message>
        <location filename="../../widgets/consultation_document.py" line="18"/>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <location filename="../../widgets/consultation_document.py" line="28"/>
        <source>still running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../widgets/consultation_document.py" line="29"/>
        <source>Topic</source>
        <translation>会商主题</translation>
    </message>
    <message>
        <location filename="../../widgets/consultation_document.py" line="30"/>
        <source>Incident or site</source>
        <translation>事件或站点</translation>
    </message>
    <message>
        <location filename="../../widgets/consultation_document.py" line="31"/>
        <source>Leader</source>
        <translation>主持人</translation>
    </message>
    <message>
        <location filename="../../widgets/consultation_document.py" line="32"/>
        <source>Conference link</source>
        <translation>视频会议</translation>
    </message>
    <message>
        <location filename="../../widgets/consultation_document.py" line="33"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../widgets/consultation_document.py" line="34"/>
        <source>Ended</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <location filename="../../widgets/consultation_document.py" line="35"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../widgets/consultation_document.py" line="36"/>
        <source>Consultation summary</source>
        <translation>会商纪要</translation>
    </message>
    <message>
        <location filename="../../widgets/consultation_document.py" line="37"/>
        <source>joined</source>
        <translation>加入于</translation>
    </message>
    <message>
        <location filename="../../widgets/consultation_document.py" line="43"/>
        <source>Participants</source>
        <translation>参会人员</translation>
    </message>
    <message>
        <location filename="../../widgets/consultation_document.py" line="48"/>
        <source>Decisions</source>
        <translation>决策记录</translation>
    </message>
    <message>
        <location filename="../../widgets/consultation_document.py" line="59"/>
        <source>Conclusion</source>
        <translation>会商结论</translation>
    </message>
</context>
<context>
    <name>handover</name>
    <message>
        <location filename="../../widgets/handover_document.py" line="23"/>
        <source>Unacknowledged alarms</source>
        <translation>未确认报警</translation>
    </message>
    <message>
        <location filename="../../widgets/handover_document.py" line="24"/>
        <source>Shelved alarms</source>
        <translation>已搁置报警</translation>
    </message>
    <message>
        <location filename="../../widgets/handover_document.py" line="25"/>
        <source>Alarms out of service</source>
        <translation>停用的报警</translation>
    </message>
    <message>
        <location filename="../../widgets/handover_document.py" line="26"/>
        <source>Open incidents and their reports</source>
        <translation>未结事件及报告情况</translation>
    </message>
    <message>
        <location filename="../../widgets/handover_document.py" line="27"/>
        <source>Hazards past their rectification deadline</source>
        <translation>超过整改期限的隐患</translation>
    </message>
    <message>
        <location filename="../../widgets/handover_document.py" line="28"/>
        <source>Links down</source>
        <translation>中断的链路</translation>
    </message>
    <message>
        <location filename="../../widgets/handover_document.py" line="31"/>
        <source>Backend</source>
        <translation>后端</translation>
    </message>
    <message>
        <location filename="../../widgets/handover_document.py" line="31"/>
        <source>Field</source>
        <translation>现场</translation>
    </message>
    <message>
        <location filename="../../widgets/handover_document.py" line="32"/>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../widgets/handover_document.py" line="33"/>
        <source>down</source>
        <translation>中断</translation>
    </message>
    <message>
        <location filename="../../widgets/handover_document.py" line="33"/>
        <source>degraded</source>
        <translation>降级</translation>
    </message>
    <message>
        <location filename="../../widgets/handover_document.py" line="39"/>
        <source>overdue %1 h %2 min</source>
        <translation>超时 %1 小时 %2 分</translation>
    </message>
    <message>
        <location filename="../../widgets/handover_document.py" line="52"/>
        <source>%1 (%2): still to report: %3</source>
        <translation>%1（%2）：尚待报告：%3</translation>
    </message>
    <message>
        <location filename="../../widgets/handover_document.py" line="54"/>
        <location filename="../../widgets/handover_document.py" line="73"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../widgets/handover_document.py" line="57"/>
        <source>… and %1 more</source>
        <translation>……另有 %1 项</translation>
    </message>
    <message>
        <location filename="../../widgets/handover_document.py" line="59"/>
        <source>%1 (deadline %2)</source>
        <translation>%1（期限 %2）</translation>
    </message>
    <message>
        <location filename="../../widgets/handover_document.py" line="70"/>
        <source>Shift handover</source>
        <translation>交接班</translation>
    </message>
    <message>
        <location filename="../../widgets/handover_document.py" line="71"/>
        <source>Outgoing officer</source>
        <translation>交班人</translation>
    </message>
    <message>
        <location filename="../../widgets/handover_document.py" line="72"/>
        <source>Incoming officer</source>
        <translation>接班人</translation>
    </message>
    <message>
        <location filename="../../widgets/handover_document.py" line="74"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../widgets/handover_document.py" line="79"/>
        <source>Handed over at</source>
        <translation>交接时间</translation>
    </message>
</context>
<context>
    <name>operators</name>
    <message>
        <location filename="../../console/operators/labels.py" line="11"/>
        <source>Duty officer</source>
        <translation>值班员</translation>
    </message>
    <message>
        <location filename="../../console/operators/labels.py" line="12"/>
        <source>Shift leader</source>
        <translation>带班领导</translation>
    </message>
    <message>
        <location filename="../../console/operators/labels.py" line="13"/>
        <source>Leader</source>
        <translation>领导</translation>
    </message>
    <message>
        <location filename="../../console/operators/labels.py" line="14"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../console/operators/labels.py" line="17"/>
        <source>Signed in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../console/operators/labels.py" line="18"/>
        <source>Signed out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../console/operators/labels.py" line="19"/>
        <source>Sign-in refused</source>
        <translation>登录被拒</translation>
    </message>
    <message>
        <location filename="../../console/operators/labels.py" line="20"/>
        <source>Account locked</source>
        <translation>账号锁定</translation>
    </message>
    <message>
        <location filename="../../console/operators/labels.py" line="21"/>
        <source>Seat locked</source>
        <translation>席位锁定</translation>
    </message>
    <message>
        <location filename="../../console/operators/labels.py" line="22"/>
        <source>Account added</source>
        <translation>新增账号</translation>
    </message>
    <message>
        <location filename="../../console/operators/labels.py" line="23"/>
        <source>Password reset</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../console/operators/labels.py" line="24"/>
        <source>Acknowledged</source>
        <translation>确认报警</translation>
    </message>
    <message>
        <location filename="../../console/operators/labels.py" line="25"/>
        <source>Shelved</source>
        <translation>搁置报警</translation>
    </message>
    <message>
        <location filename="../../console/operators/labels.py" line="26"/>
        <source>Unshelved</source>
        <translation>解除搁置</translation>
    </message>
    <message>
        <location filename="../../console/operators/labels.py" line="27"/>
        <source>Commented</source>
        <translation>报警备注</translation>
    </message>
    <message>
        <location filename="../../console/operators/labels.py" line="28"/>
        <source>Disposition</source>
        <translation>报警处置</translation>
    </message>
    <message>
        <location filename="../../console/operators/labels.py" line="29"/>
        <source>Latched alarm reset</source>
        <translation>复位闭锁报警</translation>
    </message>
    <message>
        <location filename="../../console/operators/labels.py" line="30"/>
        <source>Out of service</source>
        <translation>退出服务</translation>
    </message>
    <message>
        <location filename="../../console/operators/labels.py" line="31"/>
        <source>Back in service</source>
        <translation>恢复服务</translation>
    </message>
    <message>
        <location filename="../../console/operators/labels.py" line="32"/>
        <source>Site maintenance on</source>
        <translation>站点检修开始</translation>
    </message>
    <message>
        <location filename="../../console/operators/labels.py" line="33"/>
        <source>Site maintenance off</source>
        <translation>站点检修结束</translation>
    </message>
    <message>
        <location filename="../../console/operators/labels.py" line="34"/>
        <source>Record created</source>
        <translation>新建记录</translation>
    </message>
    <message>
        <location filename="../../console/operators/labels.py" line="35"/>
        <source>Record edited</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <location filename="../../console/operators/labels.py" line="36"/>
        <source>Record removed</source>
        <translation>记录已删除</translation>
    </message>
    <message>
        <location filename="../../console/operators/labels.py" line="37"/>
        <source>Record approved</source>
        <translation>审核记录</translation>
    </message>
    <message>
        <location filename="../../console/operators/labels.py" line="38"/>
        <source>Record returned for correction</source>
        <translation>退回修改</translation>
    </message>
    <message>
        <location filename="../../console/operators/labels.py" line="39"/>
        <source>Incident report</source>
        <translation>事故上报</translation>
    </message>
    <message>
        <location filename="../../console/operators/labels.py" line="40"/>
        <source>Incident follow-up report</source>
        <translation>事故补报</translation>
    </message>
    <message>
        <location filename="../../console/operators/labels.py" line="41"/>
        <source>Incident closed</source>
        <translation>事故已结案</translation>
    </message>
    <message>
        <location filename="../../console/operators/labels.py" line="42"/>
        <source>Resource dispatched</source>
        <translation>资源已调派</translation>
    </message>
    <message>
        <location filename="../../console/operators/labels.py" line="43"/>
        <source>Duty log entry</source>
        <translation>值班日志</translation>
    </message>
    <message>
        <location filename="../../console/operators/labels.py" line="44"/>
        <source>Shift handover</source>
        <translation>交接班</translation>
    </message>
    <message>
        <location filename="../../console/operators/labels.py" line="45"/>
        <source>Settings changed</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <location filename="../../console/operators/labels.py" line="46"/>
        <source>Drill started</source>
        <translation>演练开始</translation>
    </message>
    <message>
        <location filename="../../console/operators/labels.py" line="47"/>
        <source>Drill ended</source>
        <translation>演练结束</translation>
    </message>
    <message>
        <location filename="../../console/operators/labels.py" line="48"/>
        <source>Consultation opened</source>
        <translation>发起会商</translation>
    </message>
    <message>
        <location filename="../../console/operators/labels.py" line="49"/>
        <source>Joined a consultation</source>
        <translation>加入会商</translation>
    </message>
    <message>
        <location filename="../../console/operators/labels.py" line="50"/>
        <source>Left a consultation</source>
        <translation>退出会商</translation>
    </message>
    <message>
        <location filename="../../console/operators/labels.py" line="51"/>
        <source>Consultation pointer granted</source>
        <translation>移交会商主控</translation>
    </message>
    <message>
        <location filename="../../console/operators/labels.py" line="52"/>
        <source>Consultation decision</source>
        <translation>会商决策</translation>
    </message>
    <message>
        <location filename="../../console/operators/labels.py" line="53"/>
        <source>Consultation ended</source>
        <translation>结束会商</translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <location filename="../../console/navigation.py" line="23"/>
        <source>Overview</source>
        <translation>总览（一张图）</translation>
    </message>
    <message>
        <location filename="../../console/navigation.py" line="24"/>
        <source>Monitoring</source>
        <translation>在线监测</translation>
    </message>
    <message>
        <location filename="../../console/navigation.py" line="25"/>
        <source>Alarms</source>
        <translation>报警</translation>
    </message>
    <message>
        <location filename="../../console/navigation.py" line="26"/>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../console/navigation.py" line="27"/>
        <source>Registry</source>
        <translation>企业档案</translation>
    </message>
    <message>
        <location filename="../../console/navigation.py" line="28"/>
        <source>Enforcement</source>
        <translation>执法检查</translation>
    </message>
    <message>
        <location filename="../../console/navigation.py" line="29"/>
        <source>Emergency</source>
        <translation>应急管理</translation>
    </message>
    <message>
        <location filename="../../console/navigation.py" line="30"/>
        <source>Duty</source>
        <translation>值班</translation>
    </message>
    <message>
        <location filename="../../console/navigation.py" line="31"/>
        <source>Consultation</source>
        <translation>会商</translation>
    </message>
    <message>
        <location filename="../../console/navigation.py" line="33"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../console/navigation.py" line="34"/>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <location filename="../../console/navigation.py" line="35"/>
        <source>Drills</source>
        <translation>应急演练</translation>
    </message>
    <message>
        <location filename="../../console/navigation.py" line="36"/>
        <source>Assessment</source>
        <translation>考核统计</translation>
    </message>
</context>
<context>
    <name>records</name>
    <message>
        <location filename="../../console/pages/audit.py" line="23"/>
        <location filename="../../console/pages/duty.py" line="27"/>
        <location filename="../../console/pages/emergency.py" line="53"/>
        <location filename="../../widgets/records_enterprise_detail.py" line="49"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="24"/>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../console/pages/assessment.py" line="28"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../../console/pages/assessment.py" line="28"/>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <location filename="../../console/pages/assessment.py" line="29"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../console/pages/assessment.py" line="29"/>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../../console/pages/assessment.py" line="30"/>
        <source>Reports on time (%)</source>
        <translation>报告及时率（%）</translation>
    </message>
    <message>
        <location filename="../../console/pages/assessment.py" line="31"/>
        <source>Data complete (%)</source>
        <translation>数据完整率（%）</translation>
    </message>
    <message>
        <location filename="../../console/pages/assessment.py" line="32"/>
        <source>Backend link up (%)</source>
        <translation>后台链路可用率（%）</translation>
    </message>
    <message>
        <location filename="../../console/pages/assessment.py" line="44"/>
        <location filename="../../console/pages/audit.py" line="25"/>
        <location filename="../../console/pages/drill.py" line="50"/>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../../console/pages/assessment.py" line="45"/>
        <source>Sign-ins</source>
        <translation>登录次数</translation>
    </message>
    <message>
        <location filename="../../console/pages/assessment.py" line="46"/>
        <source>Hours on duty</source>
        <translation>在岗时长（小时）</translation>
    </message>
    <message>
        <location filename="../../console/pages/assessment.py" line="47"/>
        <source>Alarms acknowledged</source>
        <translation>确认报警数</translation>
    </message>
    <message>
        <location filename="../../console/pages/assessment.py" line="48"/>
        <source>Mean response (s)</source>
        <translation>平均响应（秒）</translation>
    </message>
    <message>
        <location filename="../../console/pages/assessment.py" line="49"/>
        <source>Longest response (s)</source>
        <translation>最长响应（秒）</translation>
    </message>
    <message>
        <location filename="../../console/pages/assessment.py" line="50"/>
        <source>Records entered</source>
        <translation>录入记录数</translation>
    </message>
    <message>
        <location filename="../../console/pages/assessment.py" line="51"/>
        <source>Records approved</source>
        <translation>审核通过数</translation>
    </message>
    <message>
        <location filename="../../console/pages/assessment.py" line="52"/>
        <location filename="../../console/pages/drill.py" line="54"/>
        <source>Reports on time</source>
        <translation>按时报告</translation>
    </message>
    <message>
        <location filename="../../console/pages/assessment.py" line="53"/>
        <source>Data complete</source>
        <translation>数据完整率</translation>
    </message>
    <message>
        <location filename="../../console/pages/assessment.py" line="54"/>
        <source>Backend link</source>
        <translation>后台连接</translation>
    </message>
    <message>
        <location filename="../../console/pages/assessment.py" line="55"/>
        <source>Field link</source>
        <translation>现场链路</translation>
    </message>
    <message>
        <location filename="../../console/pages/assessment.py" line="56"/>
        <source>Video link</source>
        <translation>视频链路</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="28"/>
        <source>Target</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="29"/>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="30"/>
        <source>What changed</source>
        <translation>变更内容</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="28"/>
        <location filename="../../console/pages/emergency.py" line="56"/>
        <source>Officer</source>
        <translation>值班员</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="29"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="30"/>
        <location filename="../../console/records/labels.py" line="47"/>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="31"/>
        <source>Entry</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="34"/>
        <location filename="../../widgets/records_roster.py" line="22"/>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="35"/>
        <location filename="../../widgets/records_roster.py" line="23"/>
        <source>Officer on duty</source>
        <translation>值班员</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="36"/>
        <location filename="../../widgets/records_roster.py" line="24"/>
        <source>Leader on duty</source>
        <translation>带班领导</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="39"/>
        <source>Handed over</source>
        <translation>交接时间</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="40"/>
        <source>Outgoing</source>
        <translation>交班人</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="41"/>
        <source>Incoming</source>
        <translation>接班人</translation>
    </message>
    <message>
        <location filename="../../console/pages/duty.py" line="42"/>
        <source>Open items and notes</source>
        <translation>未结事项与备注</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="29"/>
        <location filename="../../console/pages/emergency.py" line="59"/>
        <source>Supply</source>
        <translation>物资</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="30"/>
        <location filename="../../console/pages/emergency.py" line="55"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="31"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="32"/>
        <location filename="../../console/pages/emergency.py" line="35"/>
        <source>Location</source>
        <translation>存放地点</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="33"/>
        <location filename="../../console/pages/emergency.py" line="60"/>
        <source>Equipment</source>
        <translation>装备</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="34"/>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="36"/>
        <location filename="../../console/pages/emergency.py" line="58"/>
        <source>Rescue team</source>
        <translation>救援队伍</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="37"/>
        <source>Members</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="38"/>
        <location filename="../../console/pages/emergency.py" line="47"/>
        <location filename="../../console/records/labels.py" line="116"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="39"/>
        <source>Emergency plan</source>
        <translation>应急预案</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="40"/>
        <location filename="../../console/pages/enforcement.py" line="25"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="41"/>
        <source>Approved</source>
        <translation>批准时间</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="45"/>
        <source>Expert</source>
        <translation>专家</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="46"/>
        <source>Specialty</source>
        <translation>专业</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="48"/>
        <source>Pool</source>
        <translation>所属专家库</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="49"/>
        <location filename="../../console/pages/emergency.py" line="54"/>
        <source>Resource</source>
        <translation>资源</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="51"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="52"/>
        <source>Distance (km)</source>
        <translation>距离（公里）</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="57"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="97"/>
        <location filename="../../console/pages/enforcement.py" line="48"/>
        <location filename="../../console/pages/registry.py" line="57"/>
        <location filename="../../console/records/labels.py" line="110"/>
        <location filename="../../widgets/registry_completeness.py" line="32"/>
        <source>Division</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="101"/>
        <source>No rescue resources within 100 km of the selected incident</source>
        <translation>所选事件 100 公里内无救援资源</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="104"/>
        <source>Nothing dispatched to the selected incident yet</source>
        <translation>尚未向所选事件调派资源</translation>
    </message>
    <message>
        <location filename="../../console/pages/enforcement.py" line="24"/>
        <source>Inspection plan</source>
        <translation>检查计划</translation>
    </message>
    <message>
        <location filename="../../console/pages/enforcement.py" line="26"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../console/pages/enforcement.py" line="27"/>
        <source>Planned inspections</source>
        <translation>计划检查数</translation>
    </message>
    <message>
        <location filename="../../console/pages/enforcement.py" line="28"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../console/pages/enforcement.py" line="50"/>
        <source>Rectification deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../console/pages/enforcement.py" line="51"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/pages/enforcement.py" line="52"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../console/pages/enforcement.py" line="53"/>
        <location filename="../../console/pages/enforcement.py" line="60"/>
        <location filename="../../console/records/labels.py" line="89"/>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../console/pages/enforcement.py" line="55"/>
        <location filename="../../console/pages/enforcement.py" line="64"/>
        <source>Written on</source>
        <translation>记录来源</translation>
    </message>
    <message>
        <location filename="../../console/pages/enforcement.py" line="56"/>
        <source>Hazard</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../console/pages/enforcement.py" line="59"/>
        <source>Inspected</source>
        <translation>检查时间</translation>
    </message>
    <message>
        <location filename="../../console/pages/enforcement.py" line="62"/>
        <source>Inspector</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <location filename="../../console/pages/enforcement.py" line="63"/>
        <source>Result</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location filename="../../console/pages/enforcement.py" line="65"/>
        <source>By node</source>
        <translation>写入节点</translation>
    </message>
    <message>
        <location filename="../../console/pages/registry.py" line="55"/>
        <location filename="../../console/records/labels.py" line="109"/>
        <source>Credit code</source>
        <translation>信用代码</translation>
    </message>
    <message>
        <location filename="../../console/pages/emergency.py" line="50"/>
        <location filename="../../console/pages/registry.py" line="56"/>
        <location filename="../../console/records/labels.py" line="108"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../console/pages/registry.py" line="58"/>
        <location filename="../../console/records/labels.py" line="111"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../console/pages/registry.py" line="59"/>
        <location filename="../../console/records/labels.py" line="112"/>
        <source>Supervised by</source>
        <translation>监管层级</translation>
    </message>
    <message>
        <location filename="../../console/pages/registry.py" line="61"/>
        <source>Audit</source>
        <translation>审核</translation>
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
        <source>Complaint / tip-off</source>
        <translation>投诉举报</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="48"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="51"/>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="52"/>
        <source>Being handled</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="53"/>
        <source>Resolved</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="56"/>
        <source>Fire</source>
        <translation>火灾</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="57"/>
        <source>Explosion</source>
        <translation>爆炸</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="58"/>
        <source>Leak</source>
        <translation>泄漏</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="59"/>
        <source>Poisoning / asphyxiation</source>
        <translation>中毒窒息</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="60"/>
        <source>Collapse</source>
        <translation>坍塌</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="61"/>
        <source>Tailings dam failure</source>
        <translation>尾矿库溃坝</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="62"/>
        <source>Road traffic</source>
        <translation>道路交通</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="63"/>
        <source>Other accident</source>
        <translation>其他事故</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="66"/>
        <source>Routine</source>
        <translation>日常检查</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="67"/>
        <source>Special</source>
        <translation>专项检查</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="70"/>
        <source>Rectification order (责令限期整改指令书)</source>
        <translation>责令限期整改指令书</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="71"/>
        <source>On-site inspection record (现场检查记录)</source>
        <translation>现场检查记录</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="74"/>
        <source>Console</source>
        <translation>值班台</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="75"/>
        <source>Mobile terminal</source>
        <translation>移动执法终端</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="78"/>
        <source>Principal</source>
        <translation>主要负责人</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="79"/>
        <source>Safety manager</source>
        <translation>安全管理负责人</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="80"/>
        <source>24-hour duty room</source>
        <translation>24小时值班室</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="81"/>
        <source>Registered contact</source>
        <translation>登记联系人</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="84"/>
        <source>Comprehensive plan</source>
        <translation>综合预案</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="85"/>
        <source>Special plan</source>
        <translation>专项预案</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="86"/>
        <source>On-site response plan</source>
        <translation>现场处置方案</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="87"/>
        <source>Enterprise plan</source>
        <translation>企业预案</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="90"/>
        <source>Ministry of Emergency Management</source>
        <translation>应急管理部</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="97"/>
        <location filename="../../widgets/registry_completeness.py" line="35"/>
        <source>Pending review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="98"/>
        <location filename="../../console/records/labels.py" line="104"/>
        <location filename="../../widgets/registry_completeness.py" line="34"/>
        <location filename="../../widgets/registry_completeness.py" line="73"/>
        <source>Passed review</source>
        <translation>已通过</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="99"/>
        <location filename="../../widgets/registry_completeness.py" line="36"/>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="102"/>
        <source>Entered</source>
        <translation>录入</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="103"/>
        <source>Edited</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="105"/>
        <source>Returned for correction</source>
        <translation>退回修改</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="113"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="114"/>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="115"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="117"/>
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="118"/>
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <location filename="../../console/records/labels.py" line="119"/>
        <source>Coordinates</source>
        <translation>坐标</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_detail.py" line="16"/>
        <source>Major hazard source</source>
        <translation>重大危险源</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_detail.py" line="17"/>
        <source>R</source>
        <translation>R值</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_detail.py" line="18"/>
        <location filename="../../widgets/records_enterprise_detail.py" line="22"/>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_detail.py" line="21"/>
        <source>Tailings pond</source>
        <translation>尾矿库</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_detail.py" line="50"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="26"/>
        <location filename="../../widgets/records_enterprise_detail.py" line="51"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_detail.py" line="52"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../widgets/records_enterprise_detail.py" line="66"/>
        <source>None recorded</source>
        <translation>暂无</translation>
    </message>
    <message>
        <location filename="../../widgets/records_page.py" line="62"/>
        <location filename="../../widgets/registry_completeness.py" line="62"/>
        <source>Whole jurisdiction</source>
        <translation>全辖区</translation>
    </message>
    <message>
        <location filename="../../widgets/records_table.py" line="148"/>
        <source>No records in this jurisdiction</source>
        <translation>本辖区暂无记录</translation>
    </message>
    <message>
        <location filename="../../console/records/registry_import.py" line="48"/>
        <source>missing required field</source>
        <translation>必填项为空</translation>
    </message>
    <message>
        <location filename="../../console/records/registry_import.py" line="49"/>
        <source>invalid credit code {code}: {length} characters, expected 18</source>
        <translation>统一社会信用代码 {code} 无效：{length} 位，应为 18 位</translation>
    </message>
    <message>
        <location filename="../../console/records/registry_import.py" line="50"/>
        <source>invalid credit code {code}: {bad} is not allowed (no I, O, S, V, Z)</source>
        <translation>统一社会信用代码 {code} 无效：不允许出现 {bad}（不使用 I、O、S、V、Z）</translation>
    </message>
    <message>
        <location filename="../../console/records/registry_import.py" line="51"/>
        <source>invalid credit code {code}: the first 8 characters must be digits</source>
        <translation>统一社会信用代码 {code} 无效：前 8 位须为数字</translation>
    </message>
    <message>
        <location filename="../../console/records/registry_import.py" line="52"/>
        <source>invalid credit code {code}: check character {found}, expected {expected}</source>
        <translation>统一社会信用代码 {code} 无效：校验码为 {found}，应为 {expected}</translation>
    </message>
    <message>
        <location filename="../../console/records/registry_import.py" line="53"/>
        <source>invalid credit code {code}: organisation code {org} check character {found}, expected {expected} (GB 11714)</source>
        <translation>统一社会信用代码 {code} 无效：组织机构代码 {org} 的校验码为 {found}，应为 {expected}（GB 11714）</translation>
    </message>
    <message>
        <location filename="../../console/records/registry_import.py" line="55"/>
        <source>unknown division {value} (not a Hebei division code)</source>
        <translation>未知行政区划 {value}（不是河北省的区划代码）</translation>
    </message>
    <message>
        <location filename="../../console/records/registry_import.py" line="56"/>
        <source>division {value} is outside the jurisdiction of node {node}</source>
        <translation>行政区划 {value} 不在本节点 {node} 辖区内</translation>
    </message>
    <message>
        <location filename="../../console/records/registry_import.py" line="57"/>
        <source>duplicate in the file: credit code {value} is also on row {first}</source>
        <translation>文件内重复：信用代码 {value} 与第 {first} 行相同</translation>
    </message>
    <message>
        <location filename="../../console/records/registry_import.py" line="58"/>
        <source>unknown industry {value}</source>
        <translation>未知行业类别 {value}</translation>
    </message>
    <message>
        <location filename="../../console/records/registry_import.py" line="59"/>
        <source>unknown supervision level {value}</source>
        <translation>未知监管层级 {value}</translation>
    </message>
    <message>
        <location filename="../../console/records/registry_import.py" line="60"/>
        <source>not a number: {value}</source>
        <translation>不是数字：{value}</translation>
    </message>
    <message>
        <location filename="../../console/records/registry_import.py" line="61"/>
        <source>coordinates {lon}, {lat} are outside Hebei</source>
        <translation>坐标 {lon}, {lat} 不在河北省范围内</translation>
    </message>
    <message>
        <location filename="../../console/records/registry_import.py" line="62"/>
        <source>longitude and latitude go together: give both or neither</source>
        <translation>经度和纬度须同时填写或同时留空</translation>
    </message>
    <message>
        <location filename="../../widgets/registry_completeness.py" line="33"/>
        <source>Enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../widgets/registry_completeness.py" line="69"/>
        <source>Share filled / approved (%)</source>
        <translation>填报率 / 审核通过率（%）</translation>
    </message>
    <message>
        <location filename="../../widgets/registry_import_dialog.py" line="20"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../widgets/registry_import_dialog.py" line="21"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../widgets/registry_import_dialog.py" line="22"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../widgets/registry_import_dialog.py" line="39"/>
        <source>No bad rows</source>
        <translation>没有错误行</translation>
    </message>
    <message>
        <location filename="../../console/records/enforcement.py" line="28"/>
        <source>Safety production licence valid</source>
        <translation>安全生产许可证在有效期内</translation>
    </message>
    <message>
        <location filename="../../console/records/enforcement.py" line="29"/>
        <source>Safety management staff on duty</source>
        <translation>安全管理人员在岗</translation>
    </message>
    <message>
        <location filename="../../console/records/enforcement.py" line="30"/>
        <source>Major hazard sources registered and monitored</source>
        <translation>重大危险源已备案并实施监控</translation>
    </message>
    <message>
        <location filename="../../console/records/enforcement.py" line="31"/>
        <source>Emergency plan filed and drilled</source>
        <translation>应急预案已备案并组织演练</translation>
    </message>
    <message>
        <location filename="../../console/records/enforcement.py" line="32"/>
        <source>Special operations personnel certified</source>
        <translation>特种作业人员持证上岗</translation>
    </message>
    <message>
        <location filename="../../console/records/enforcement.py" line="33"/>
        <source>Hidden-hazard investigation ledger kept</source>
        <translation>隐患排查治理台账齐全</translation>
    </message>
    <message>
        <location filename="../../console/pages/drill.py" line="42"/>
        <source>Scenario</source>
        <translation>演练科目</translation>
    </message>
    <message>
        <location filename="../../console/pages/drill.py" line="43"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../console/pages/drill.py" line="44"/>
        <source>Ended</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <location filename="../../console/pages/drill.py" line="45"/>
        <source>Started by</source>
        <translation>发起人</translation>
    </message>
    <message>
        <location filename="../../console/pages/drill.py" line="46"/>
        <source>Sites</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../console/pages/drill.py" line="47"/>
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../../console/pages/drill.py" line="51"/>
        <source>First look (min:s)</source>
        <translation>首次查看（分:秒）</translation>
    </message>
    <message>
        <location filename="../../console/pages/drill.py" line="52"/>
        <source>Acknowledged (min:s)</source>
        <translation>确认（分:秒）</translation>
    </message>
    <message>
        <location filename="../../console/pages/drill.py" line="53"/>
        <source>First report (min:s)</source>
        <translation>首次报告（分:秒）</translation>
    </message>
    <message>
        <location filename="../../console/pages/drill.py" line="55"/>
        <source>Look points</source>
        <translation>查看得分</translation>
    </message>
    <message>
        <location filename="../../console/pages/drill.py" line="56"/>
        <source>Acknowledgment points</source>
        <translation>确认得分</translation>
    </message>
    <message>
        <location filename="../../console/pages/drill.py" line="57"/>
        <source>Report points</source>
        <translation>报告得分</translation>
    </message>
    <message>
        <location filename="../../console/pages/drill.py" line="58"/>
        <source>Chain points</source>
        <translation>逐级报告得分</translation>
    </message>
    <message>
        <location filename="../../console/pages/drill.py" line="59"/>
        <source>Score</source>
        <translation>总分</translation>
    </message>
</context>
<context>
    <name>trends</name>
    <message>
        <location filename="../../widgets/trend_support.py" line="12"/>
        <source>Good</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../widgets/trend_support.py" line="13"/>
        <source>Stale</source>
        <translation>过期</translation>
    </message>
    <message>
        <location filename="../../widgets/trend_support.py" line="14"/>
        <source>Out of range</source>
        <translation>超量程</translation>
    </message>
    <message>
        <location filename="../../widgets/trend_support.py" line="15"/>
        <source>Config error</source>
        <translation>配置错误</translation>
    </message>
    <message>
        <location filename="../../widgets/trend_support.py" line="16"/>
        <source>Comm failure</source>
        <translation>通信中断</translation>
    </message>
</context>
</TS>
