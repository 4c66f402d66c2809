<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>HeadView</name>
    <message>
        <source>query (attends)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key (attended to)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
