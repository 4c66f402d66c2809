<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AttentionDocument</name>
    <message>
        <source>Edit Values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change Settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmbeddingImportJob</name>
    <message>
        <source>Cannot import &quot;%1&quot;: it is a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot import &quot;%1&quot;: it is not a regular file (a device, pipe or socket).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read &quot;%1&quot;: the file does not exist or is not readable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading &quot;%1&quot; failed midway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot import &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough memory to import &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing &quot;%1&quot; failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing &quot;%1&quot; failed for an unknown reason.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
