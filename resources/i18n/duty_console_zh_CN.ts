<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../console/main_window.py" line="149" />
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="150" />
        <source>degraded</source>
        <translation>降级</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="151" />
        <source>down</source>
        <translation>中断</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="152" />
        <source>not started</source>
        <translation>未启动</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="153" />
        <source>local store</source>
        <translation>本地存储</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="156" />
        <source>Backend</source>
        <translation>后端</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="157" />
        <source>Field</source>
        <translation>现场</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="169" />
        <source>province node</source>
        <translation>省级节点</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="170" />
        <source>city node</source>
        <translation>市级节点</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="171" />
        <source>county node</source>
        <translation>县级节点</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="189" />
        <source>Duty Console — Hebei Safety Production Supervision</source>
        <translation>河北省安全生产监管值班台</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="192" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="193" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="194" />
        <source>Full screen</source>
        <translation>全屏</translation>
    </message>
</context>
<context>
    <name>NotAvailablePage</name>
    <message>
        <location filename="../../console/pages/placeholder.py" line="29" />
        <source>Not available yet: this page is not part of this version of the console.</source>
        <translation>尚未提供：本版本值班台还没有此页面。</translation>
    </message>
</context>
<context>
    <name>VideoPage</name>
    <message>
        <location filename="../../console/pages/video.py" line="84" />
        <source>Tour</source>
        <translation>轮巡</translation>
    </message>
    <message>
        <location filename="../../console/pages/video.py" line="87" />
        <source>Snapshot</source>
        <translation>抓图</translation>
    </message>
    <message>
        <location filename="../../console/pages/video.py" line="91" />
        <source>Layout</source>
        <translation>布局</translation>
    </message>
    <message>
        <location filename="../../console/pages/video.py" line="112" />
        <source>No cameras configured for this node</source>
        <translation>本节点未配置摄像机</translation>
    </message>
    <message>
        <location filename="../../console/pages/video.py" line="149" />
        <source>Snapshots saved: %1 in %2</source>
        <translation>已保存抓图 %1 张，位于 %2</translation>
    </message>
</context>
<context>
    <name>VideoTile</name>
    <message>
        <location filename="../../widgets/video_tile.py" line="223" />
        <source>retry in %1 s</source>
        <translation>%1 秒后重连</translation>
    </message>
    <message>
        <location filename="../../widgets/video_tile.py" line="232" />
        <source>Drop a camera here</source>
        <translation>拖入摄像机</translation>
    </message>
    <message>
        <location filename="../../widgets/video_tile.py" line="233" />
        <source>idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../../widgets/video_tile.py" line="233" />
        <source>connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <location filename="../../widgets/video_tile.py" line="234" />
        <source>live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location filename="../../widgets/video_tile.py" line="234" />
        <source>lost</source>
        <translation>中断</translation>
    </message>
    <message>
        <location filename="../../widgets/video_tile.py" line="237" />
        <source>Signal lost</source>
        <translation>信号中断</translation>
    </message>
    <message>
        <location filename="../../widgets/video_tile.py" line="238" />
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <location filename="../../console/pages/__init__.py" line="27" />
        <source>Overview</source>
        <translation>总览（一张图）</translation>
    </message>
    <message>
        <location filename="../../console/pages/__init__.py" line="28" />
        <source>Monitoring</source>
        <translation>在线监测</translation>
    </message>
    <message>
        <location filename="../../console/pages/__init__.py" line="29" />
        <source>Alarms</source>
        <translation>报警</translation>
    </message>
    <message>
        <location filename="../../console/pages/__init__.py" line="30" />
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../console/pages/__init__.py" line="31" />
        <source>Registry</source>
        <translation>企业档案</translation>
    </message>
    <message>
        <location filename="../../console/pages/__init__.py" line="32" />
        <source>Enforcement</source>
        <translation>执法检查</translation>
    </message>
    <message>
        <location filename="../../console/pages/__init__.py" line="33" />
        <source>Emergency</source>
        <translation>应急管理</translation>
    </message>
    <message>
        <location filename="../../console/pages/__init__.py" line="34" />
        <source>Duty</source>
        <translation>值班</translation>
    </message>
</context>
</TS>