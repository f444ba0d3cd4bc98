<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BigScreenWindow</name>
    <message>
        <location filename="../../widgets/map_bigscreen.py" line="39"/>
        <source>Latest alarms</source>
        <translation>最新报警</translation>
    </message>
</context>
<context>
    <name>DrillList</name>
    <message numerus="yes">
        <location filename="../../widgets/map_drill.py" line="72"/>
        <source>Sub-divisions: %n</source>
        <translation>
            <numerusform>下级区划：%n 个</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/map_drill.py" line="78"/>
        <source>%1 · %2 sites, %3 in alarm, %4 stale/off-line</source>
        <translation>%1 · %2 个站点，%3 个报警，%4 个过期/离线</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/map_drill.py" line="83"/>
        <source>Sites: %n</source>
        <translation>
            <numerusform>站点：%n 个</numerusform>
        </translation>
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
    <name>OverviewPage</name>
    <message>
        <location filename="../../console/pages/overview.py" line="90"/>
        <source>▲ tailings pond  ◆ hazardous-chemical source  · grey = stale/off-line · blinking = unacknowledged · F11 big screen</source>
        <translation>▲ 尾矿库  ◆ 危险化学品重大危险源  · 灰色 = 数据过期/离线 · 闪烁 = 未确认 · F11 大屏</translation>
    </message>
    <message>
        <location filename="../../console/pages/overview.py" line="104"/>
        <source>Latest alarms</source>
        <translation>最新报警</translation>
    </message>
    <message>
        <location filename="../../console/pages/overview.py" line="108"/>
        <source>Alarm engine not running: no alarms are shown.</source>
        <translation>报警引擎未运行：不显示报警。</translation>
    </message>
    <message>
        <location filename="../../console/pages/overview.py" line="110"/>
        <source>No site catalogue loaded: the map shows no sites.</source>
        <translation>未加载站点目录：地图上没有站点。</translation>
    </message>
    <message>
        <location filename="../../console/pages/overview.py" line="166"/>
        <source>Acknowledging…</source>
        <translation>正在确认…</translation>
    </message>
    <message>
        <location filename="../../console/pages/overview.py" line="174"/>
        <source>Not stored: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location filename="../../console/pages/overview.py" line="176"/>
        <source>Acknowledged.</source>
        <translation>已确认。</translation>
    </message>
    <message>
        <location filename="../../console/pages/overview.py" line="211"/>
        <source>Jurisdiction: %1</source>
        <translation>辖区：%1</translation>
    </message>
    <message>
        <location filename="../../console/pages/overview.py" line="302"/>
        <source>That page cannot be filtered to one site yet.</source>
        <translation>该页面尚不能按单个站点筛选。</translation>
    </message>
    <message>
        <location filename="../../console/pages/overview.py" line="304"/>
        <source>No camera is registered for this site.</source>
        <translation>该站点没有登记摄像头。</translation>
    </message>
    <message>
        <location filename="../../console/pages/overview.py" line="312"/>
        <source>%1 safety production monitoring — one map</source>
        <translation>%1安全生产监测一张图</translation>
    </message>
</context>
<context>
    <name>SitePanel</name>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="26"/>
        <source>Red alarm</source>
        <translation>红色报警</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="27"/>
        <source>Orange alarm</source>
        <translation>橙色报警</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="28"/>
        <source>Yellow alarm</source>
        <translation>黄色报警</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="29"/>
        <source>Blue alarm</source>
        <translation>蓝色报警</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="30"/>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="31"/>
        <source>Data stale</source>
        <translation>数据过期</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="32"/>
        <source>Off-line</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="35"/>
        <source>Red</source>
        <translation>红色</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="36"/>
        <source>Orange</source>
        <translation>橙色</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="37"/>
        <source>Yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="38"/>
        <source>Blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="41"/>
        <source>good</source>
        <translation>良好</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="42"/>
        <source>stale</source>
        <translation>过期</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="43"/>
        <source>out of range</source>
        <translation>超量程</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="44"/>
        <source>config error</source>
        <translation>配置错误</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="45"/>
        <source>no comms</source>
        <translation>通信中断</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="47"/>
        <source>no value</source>
        <translation>无数据</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="81"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="90"/>
        <source>Quantity</source>
        <translation>监测项</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="90"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="90"/>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="94"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="94"/>
        <source>Tag</source>
        <translation>测点</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="94"/>
        <source>Raised</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="97"/>
        <source>Acknowledgement note (required for red alarms)</source>
        <translation>确认说明（红色报警必填）</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="117"/>
        <source>Trends</source>
        <translation>趋势</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="117"/>
        <source>Alarms</source>
        <translation>报警</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="118"/>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="155"/>
        <source>Not available yet: %1</source>
        <translation>尚未提供：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="144"/>
        <source>Tailings pond</source>
        <translation>尾矿库</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="144"/>
        <source>Hazardous-chemical source</source>
        <translation>危险化学品重大危险源</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="146"/>
        <source>not recorded</source>
        <translation>未登记</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="147"/>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="147"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="147"/>
        <source>Division</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="148"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="153"/>
        <source>That page is not available yet</source>
        <translation>该页面尚未提供</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/map_site_panel.py" line="182"/>
        <source>Active alarms: %n</source>
        <translation>
            <numerusform>活动报警：%n 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/map_site_panel.py" line="195"/>
        <source>Acknowledge all %n</source>
        <translation>
            <numerusform>全部确认（%n 条）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="205"/>
        <source>acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../widgets/map_site_panel.py" line="207"/>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
</context>
<context>
    <name>SummaryPanel</name>
    <message>
        <location filename="../../widgets/map_summary.py" line="32"/>
        <source>Sites</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../widgets/map_summary.py" line="32"/>
        <source>On-line</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../widgets/map_summary.py" line="32"/>
        <source>Stale</source>
        <translation>过期</translation>
    </message>
    <message>
        <location filename="../../widgets/map_summary.py" line="33"/>
        <source>Off-line</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../widgets/map_summary.py" line="34"/>
        <source>Red alarms</source>
        <translation>红色报警</translation>
    </message>
    <message>
        <location filename="../../widgets/map_summary.py" line="34"/>
        <source>Orange alarms</source>
        <translation>橙色报警</translation>
    </message>
    <message>
        <location filename="../../widgets/map_summary.py" line="35"/>
        <source>Yellow alarms</source>
        <translation>黄色报警</translation>
    </message>
    <message>
        <location filename="../../widgets/map_summary.py" line="35"/>
        <source>Blue alarms</source>
        <translation>蓝色报警</translation>
    </message>
    <message>
        <location filename="../../widgets/map_summary.py" line="36"/>
        <source>Unacknowledged</source>
        <translation>未确认</translation>
    </message>
    <message>
        <location filename="../../widgets/map_summary.py" line="36"/>
        <source>Escalations pending</source>
        <translation>待处理升级</translation>
    </message>
    <message>
        <location filename="../../widgets/map_summary.py" line="37"/>
        <source>Oldest unacknowledged</source>
        <translation>最早未确认</translation>
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
</TS>
