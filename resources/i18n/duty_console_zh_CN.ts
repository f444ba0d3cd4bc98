<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AcquisitionBridge</name>
    <message numerus="yes">
        <location filename="../../console/acquisition_bridge.py" line="57"/>
        <source>%n device(s) off-line</source>
        <translation>
            <numerusform>%n 台设备离线</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../console/acquisition_bridge.py" line="58"/>
        <source>%n device(s) on a backup path</source>
        <translation>
            <numerusform>%n 台设备使用备用链路</numerusform>
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
        <location filename="../../console/pages/monitoring.py" line="242"/>
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
        <location filename="../../console/pages/monitoring.py" line="180"/>
        <source>%n tags no longer exist</source>
        <translation>
            <numerusform>%n 个位号已不存在</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../console/pages/monitoring.py" line="218"/>
        <source>Add to trend set</source>
        <translation>加入趋势组</translation>
    </message>
    <message>
        <location filename="../../console/pages/monitoring.py" line="218"/>
        <source>Trend set:</source>
        <translation>趋势组：</translation>
    </message>
    <message>
        <location filename="../../console/pages/monitoring.py" line="229"/>
        <source>Save trend set</source>
        <translation>保存趋势组</translation>
    </message>
    <message>
        <location filename="../../console/pages/monitoring.py" line="229"/>
        <source>Name of the trend set:</source>
        <translation>趋势组名称：</translation>
    </message>
    <message>
        <location filename="../../console/pages/monitoring.py" line="224"/>
        <location filename="../../console/pages/monitoring.py" line="235"/>
        <source>Trend set not saved</source>
        <translation>趋势组未保存</translation>
    </message>
    <message>
        <location filename="../../console/pages/monitoring.py" line="243"/>
        <source>Delete trend set &quot;%1&quot;?</source>
        <translation>删除趋势组“%1”？</translation>
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
        <location filename="../../widgets/trend_view.py" line="184"/>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location filename="../../widgets/trend_view.py" line="184"/>
        <source>Follow live values (End); Space pauses</source>
        <translation>跟随实时数据（End键）；空格键暂停</translation>
    </message>
    <message>
        <location filename="../../widgets/trend_view.py" line="192"/>
        <source>Zoom in (+)</source>
        <translation>放大（+）</translation>
    </message>
    <message>
        <location filename="../../widgets/trend_view.py" line="193"/>
        <source>Zoom out (-)</source>
        <translation>缩小（-）</translation>
    </message>
    <message>
        <location filename="../../widgets/trend_view.py" line="196"/>
        <source>Pen</source>
        <translation>曲线</translation>
    </message>
    <message>
        <location filename="../../widgets/trend_view.py" line="196"/>
        <source>Value</source>
        <translation>当前值</translation>
    </message>
    <message>
        <location filename="../../widgets/trend_view.py" line="196"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../widgets/trend_view.py" line="196"/>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <location filename="../../widgets/trend_view.py" line="465"/>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <location filename="../../widgets/trend_view.py" line="496"/>
        <source>BAD</source>
        <translation>坏值</translation>
    </message>
    <message>
        <location filename="../../widgets/trend_view.py" line="498"/>
        <source>stale</source>
        <translation>过期</translation>
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
    <name>trends</name>
    <message>
        <location filename="../../widgets/trend_support.py" line="17"/>
        <source>Red</source>
        <translation>红色</translation>
    </message>
    <message>
        <location filename="../../widgets/trend_support.py" line="18"/>
        <source>Orange</source>
        <translation>橙色</translation>
    </message>
    <message>
        <location filename="../../widgets/trend_support.py" line="19"/>
        <source>Yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <location filename="../../widgets/trend_support.py" line="20"/>
        <source>Blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <location filename="../../widgets/trend_support.py" line="24"/>
        <source>Good</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../widgets/trend_support.py" line="25"/>
        <source>Stale</source>
        <translation>过期</translation>
    </message>
    <message>
        <location filename="../../widgets/trend_support.py" line="26"/>
        <source>Out of range</source>
        <translation>超量程</translation>
    </message>
    <message>
        <location filename="../../widgets/trend_support.py" line="27"/>
        <source>Config error</source>
        <translation>配置错误</translation>
    </message>
    <message>
        <location filename="../../widgets/trend_support.py" line="28"/>
        <source>Comm failure</source>
        <translation>通信中断</translation>
    </message>
</context>
</TS>
