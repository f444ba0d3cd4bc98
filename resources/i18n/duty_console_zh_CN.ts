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
    <name>MainWindow</name>
    <message>
        <location filename="../../console/main_window.py" line="160"/>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="161"/>
        <source>degraded</source>
        <translation>降级</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="162"/>
        <source>down</source>
        <translation>中断</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="163"/>
        <source>not started</source>
        <translation>未启动</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="164"/>
        <source>local store</source>
        <translation>本地存储</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="167"/>
        <source>Backend</source>
        <translation>后端</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="168"/>
        <source>Field</source>
        <translation>现场</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="180"/>
        <source>province node</source>
        <translation>省级节点</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="181"/>
        <source>city node</source>
        <translation>市级节点</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="182"/>
        <source>county node</source>
        <translation>县级节点</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="199"/>
        <source>Duty Console — Hebei Safety Production Supervision</source>
        <translation>河北省安全生产监管值班台</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="202"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="203"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="204"/>
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
</TS>
