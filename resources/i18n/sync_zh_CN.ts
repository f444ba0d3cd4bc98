<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>SyncStatusWidget</name>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Initial sync %p% (%v of %m rows)</source>
        <translation>初始同步 %p%（%v / %m 行）</translation>
    </message>
    <message>
        <source>Backend link</source>
        <translation>后台连接</translation>
    </message>
    <message>
        <source>Last successful sync</source>
        <translation>最近一次成功同步</translation>
    </message>
    <message>
        <source>Pending operations</source>
        <translation>待上传操作</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>offline, working locally</source>
        <translation>离线，本地工作中</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>正在连接</translation>
    </message>
    <message numerus="yes">
        <source> (%n refused by the server)</source>
        <translation><numerusform>（%n 条被服务器拒绝）</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Conflicts waiting: %n</source>
        <translation><numerusform>待处理冲突：%n</numerusform></translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>%1 (%2 s ago)</source>
        <translation>%1（%2 秒前）</translation>
    </message>
    <message>
        <source>%1 (%2 min ago)</source>
        <translation>%1（%2 分钟前）</translation>
    </message>
</context>
<context>
    <name>ConflictInbox</name>
    <message>
        <source>Keep current value</source>
        <translation>保留当前值</translation>
    </message>
    <message>
        <source>Take the other value</source>
        <translation>采用另一值</translation>
    </message>
    <message numerus="yes">
        <source>Conflicts waiting for a decision: %n</source>
        <translation><numerusform>待裁决的冲突：%n</numerusform></translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Current value</source>
        <translation>当前值</translation>
    </message>
    <message>
        <source>Written by</source>
        <translation>写入节点</translation>
    </message>
    <message>
        <source>Other value</source>
        <translation>另一值</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Major hazard source</source>
        <translation>重大危险源</translation>
    </message>
    <message>
        <source>Tailings pond</source>
        <translation>尾矿库</translation>
    </message>
    <message>
        <source>Rescue team</source>
        <translation>救援队伍</translation>
    </message>
    <message>
        <source>Supply</source>
        <translation>应急物资</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Division</source>
        <translation>行政区划</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Sync status</source>
        <translation>同步状态</translation>
    </message>
    <message>
        <source>Conflict inbox</source>
        <translation>冲突收件箱</translation>
    </message>
    <message>
        <source>No shared backend configured: this node works on its local store only.</source>
        <translation>未配置共享后台：本节点仅使用本地存储工作。</translation>
    </message>
</context>
</TS>
