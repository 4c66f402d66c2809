<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AttentionDocument</name>
    <message>
        <source>Edit Values</source>
        <translation>编辑数值</translation>
    </message>
    <message>
        <source>Change Settings</source>
        <translation>更改设置</translation>
    </message>
    <message>
        <source>Edit Sentence</source>
        <translation>编辑句子</translation>
    </message>
    <message>
        <source>Change Temperature</source>
        <translation>更改温度</translation>
    </message>
    <message>
        <source>Change Weight Seed</source>
        <translation>更改权重随机种子</translation>
    </message>
    <message>
        <source>Change Embedding Seed</source>
        <translation>更改嵌入随机种子</translation>
    </message>
    <message>
        <source>Change d_model</source>
        <translation>更改 d_model</translation>
    </message>
    <message>
        <source>Change Heads</source>
        <translation>更改头数</translation>
    </message>
    <message>
        <source>Change Weight Init</source>
        <translation>更改权重初始化</translation>
    </message>
    <message>
        <source>Toggle Causal Mask</source>
        <translation>切换因果掩码</translation>
    </message>
    <message>
        <source>Toggle Scaling</source>
        <translation>切换缩放</translation>
    </message>
    <message>
        <source>Toggle Positional Encoding</source>
        <translation>切换位置编码</translation>
    </message>
    <message>
        <source>The computation failed.</source>
        <translation>计算失败。</translation>
    </message>
</context>
<context>
    <name>EmbeddingImportJob</name>
    <message>
        <source>Cannot import &quot;%1&quot;: it is a folder.</source>
        <translation>无法导入“%1”：它是一个文件夹。</translation>
    </message>
    <message>
        <source>Cannot import &quot;%1&quot;: it is not a regular file (a device, pipe or socket).</source>
        <translation>无法导入“%1”：它不是普通文件（而是设备、管道或套接字）。</translation>
    </message>
    <message>
        <source>Cannot read &quot;%1&quot;: the file does not exist or is not readable.</source>
        <translation>无法读取“%1”：文件不存在或不可读。</translation>
    </message>
    <message>
        <source>Reading &quot;%1&quot; failed midway.</source>
        <translation>读取“%1”时中途失败。</translation>
    </message>
    <message>
        <source>Cannot import &quot;%1&quot;: %2</source>
        <translation>无法导入“%1”：%2</translation>
    </message>
    <message>
        <source>Not enough memory to import &quot;%1&quot;.</source>
        <translation>内存不足，无法导入“%1”。</translation>
    </message>
    <message>
        <source>Importing &quot;%1&quot; failed: %2</source>
        <translation>导入“%1”失败：%2</translation>
    </message>
    <message>
        <source>Importing &quot;%1&quot; failed for an unknown reason.</source>
        <translation>导入“%1”因未知原因失败。</translation>
    </message>
</context>
<context>
    <name>ModelLoader</name>
    <message>
        <source>%1 is not a folder: open a model&apos;s folder (config.json and model.safetensors).</source>
        <translation>%1 不是文件夹：请打开模型所在的文件夹（含 config.json 和 model.safetensors）。</translation>
    </message>
    <message>
        <source>%1: the tokenizer has %2 tokens but the model only %3.</source>
        <translation>%1：分词器有 %2 个词元，而模型只有 %3 个。</translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <source>&quot;%1&quot; must be a whole number.</source>
        <translation>“%1”必须是整数。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is %2, far outside its range.</source>
        <translation>“%1”为 %2，远超出其范围。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be true or false.</source>
        <translation>“%1”必须是 true 或 false。</translation>
    </message>
    <message>
        <source>Unknown preset &quot;%1&quot;; the presets are: %2.</source>
        <translation>未知预设“%1”；可用的预设有：%2。</translation>
    </message>
    <message>
        <source>The preset &quot;%1&quot; is damaged: %2.</source>
        <translation>预设“%1”已损坏：%2。</translation>
    </message>
    <message>
        <source>&quot;sentence&quot; must be text.</source>
        <translation>“sentence”必须是文本。</translation>
    </message>
    <message>
        <source>&quot;sentence&quot; is longer than %1 bytes, the limit.</source>
        <translation>“sentence”超过了 %1 字节的上限。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be from 1 to %2, not %3.</source>
        <translation>“%1”必须在 1 到 %2 之间，而不是 %3。</translation>
    </message>
    <message>
        <source>&quot;init&quot; must be &quot;randint&quot;, &quot;uniform&quot; or &quot;normal&quot;.</source>
        <translation>“init”必须是“randint”、“uniform”或“normal”。</translation>
    </message>
    <message>
        <source>&quot;temperature&quot; must be a number.</source>
        <translation>“temperature”必须是数。</translation>
    </message>
    <message>
        <source>&quot;model&quot; must be the path of a GPT-2 folder.</source>
        <translation>“model”必须是 GPT-2 文件夹的路径。</translation>
    </message>
    <message>
        <source>&quot;trained_preset&quot; must be %1.</source>
        <translation>“trained_preset”必须是 %1。</translation>
    </message>
    <message>
        <source>&quot;trained_model&quot; must be a trained model&apos;s file.</source>
        <translation>“trained_model”必须是训练好的模型文件。</translation>
    </message>
    <message>
        <source>&quot;embeddings&quot; must map words to lists of numbers.</source>
        <translation>“embeddings”必须把词映射到数值列表。</translation>
    </message>
    <message>
        <source>The embedding of &quot;%1&quot; must be a list of numbers.</source>
        <translation>“%1”的嵌入必须是数值列表。</translation>
    </message>
    <message>
        <source>The embedding of &quot;%1&quot; must hold only numbers.</source>
        <translation>“%1”的嵌入只能包含数值。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a list of rows of numbers, d_model x d_model.</source>
        <translation>“%1”必须是由数值行组成的列表，大小为 d_model × d_model。</translation>
    </message>
</context>
<context>
    <name>SaveFile</name>
    <message>
        <source>Cannot write &quot;%1&quot;: %2.</source>
        <translation>无法写入“%1”：%2。</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>the disk quota is used up</source>
        <translation>磁盘配额已用完</translation>
    </message>
    <message>
        <source>the file is larger than this file system allows</source>
        <translation>文件超过了此文件系统允许的大小</translation>
    </message>
    <message>
        <source>the file system is read-only</source>
        <translation>文件系统为只读</translation>
    </message>
    <message>
        <source>the system reported a write error</source>
        <translation>系统报告了写入错误</translation>
    </message>
    <message>
        <source>Cannot write a file with no name.</source>
        <translation>无法写入没有名称的文件。</translation>
    </message>
    <message>
        <source>the folder does not exist</source>
        <translation>文件夹不存在</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>它是一个文件夹</translation>
    </message>
    <message>
        <source>another output of this run is written to the same file</source>
        <translation>本次运行的另一个输出也写入同一个文件</translation>
    </message>
    <message>
        <source>no temporary file could be made (%1)</source>
        <translation>无法创建临时文件（%1）</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Cannot open &quot;%1&quot;: %2</source>
        <translation>无法打开“%1”：%2</translation>
    </message>
    <message>
        <source>the file is empty.</source>
        <translation>文件为空。</translation>
    </message>
    <message>
        <source>the file is truncated (it ends in the middle of the data).</source>
        <translation>文件不完整（在数据中间结束）。</translation>
    </message>
    <message>
        <source>it is not valid JSON (%1 at byte %2).</source>
        <translation>它不是有效的 JSON（%1，位于第 %2 字节）。</translation>
    </message>
    <message>
        <source>it is not an Attention Visualizer session.</source>
        <translation>它不是 Attention Visualizer 的会话。</translation>
    </message>
    <message>
        <source>&quot;version&quot; must be a whole number from 1.</source>
        <translation>“version”必须是从 1 开始的整数。</translation>
    </message>
    <message>
        <source>it was saved by a newer version of Attention Visualizer (format %1; this version reads format %2). Update the app to open it.</source>
        <translation>它由更新版本的 Attention Visualizer 保存（格式 %1；此版本只能读取格式 %2）。请更新应用后再打开。</translation>
    </message>
    <message>
        <source>&quot;config&quot; is missing or not an object.</source>
        <translation>“config”缺失或不是对象。</translation>
    </message>
    <message>
        <source>&quot;view&quot; is not an object; the view starts from its defaults.</source>
        <translation>“view”不是对象；视图使用默认值。</translation>
    </message>
    <message>
        <source>not a whole number</source>
        <translation>不是整数</translation>
    </message>
    <message>
        <source>the sentence has 1 token</source>
        <translation>句子只有 1 个词元</translation>
    </message>
    <message numerus="yes">
        <source>the sentence has %n tokens</source>
        <translation>
            <numerusform>句子有 %n 个词元</numerusform>
        </translation>
    </message>
    <message>
        <source>the model has 1 layer (numbered from 0)</source>
        <translation>模型只有 1 层（从 0 开始编号）</translation>
    </message>
    <message>
        <source>the configuration has 1 head (numbered from 0)</source>
        <translation>配置只有 1 个头（从 0 开始编号）</translation>
    </message>
    <message numerus="yes">
        <source>the configuration has %n heads (numbered from 0)</source>
        <translation>
            <numerusform>配置有 %n 个头（从 0 开始编号）</numerusform>
        </translation>
    </message>
    <message>
        <source>the lesson steps are 0 to 11</source>
        <translation>课程步骤为 0 到 11</translation>
    </message>
    <message>
        <source>The colour map &quot;%1&quot; is unknown; %2 is shown instead.</source>
        <translation>颜色映射“%1”未知；改为显示 %2。</translation>
    </message>
    <message>
        <source>(not text)</source>
        <translation>（不是文本）</translation>
    </message>
    <message>
        <source>The weights scale &quot;%1&quot; is unknown (%2); 0 to 1 is shown instead.</source>
        <translation>权重范围“%1”未知（%2）；改为显示 0 到 1。</translation>
    </message>
    <message>
        <source>it is a folder.</source>
        <translation>它是一个文件夹。</translation>
    </message>
    <message>
        <source>it is not a regular file (a device, pipe or socket), so it cannot be a session.</source>
        <translation>它不是普通文件（而是设备、管道或套接字），因此不可能是会话。</translation>
    </message>
    <message>
        <source>the file is larger than any session can be (%1 MB at most).</source>
        <translation>文件超出了会话的最大大小（最多 %1 MB）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is %2, but %3; it is reset.</source>
        <translation>“%1”为 %2，但%3；已重置。</translation>
    </message>
</context>
<context>
    <name>TrainedPresets</name>
    <message>
        <source>There is no trained preset called &quot;%1&quot;.</source>
        <translation>没有名为“%1”的训练预设。</translation>
    </message>
    <message>
        <source>A model trained on %1 reads the tokens %2 separated by spaces, not &quot;%3&quot;.</source>
        <translation>在 %1 上训练的模型读取以空格分隔的词元 %2，而不是“%3”。</translation>
    </message>
    <message numerus="yes">
        <source>A model trained on %1 reads at most %n tokens.</source>
        <translation>
            <numerusform>在 %1 上训练的模型最多读取 %n 个词元。</numerusform>
        </translation>
    </message>
    <message>
        <source>Trained to output the previous token: one head puts nearly all of its weight on the token just before.</source>
        <translation>训练目标是输出前一个词元：一个头几乎把全部权重放在紧邻的前一个词元上。</translation>
    </message>
    <message>
        <source>Trained to continue a repeated sequence: a layer-1 head looks one token back, and a layer-2 head looks at the token after the earlier copy of the current one (an induction head).</source>
        <translation>训练目标是续写重复的序列：第 1 层的一个头回看前一个词元，第 2 层的一个头关注当前词元早先出现之处的下一个词元（归纳头）。</translation>
    </message>
    <message>
        <source>1 layer</source>
        <translation>1 层</translation>
    </message>
    <message numerus="yes">
        <source>%n layers</source>
        <translation>
            <numerusform>%n 层</numerusform>
        </translation>
    </message>
    <message>
        <source>1 head</source>
        <translation>1 个头</translation>
    </message>
    <message numerus="yes">
        <source>%n heads</source>
        <translation>
            <numerusform>%n 个头</numerusform>
        </translation>
    </message>
    <message>
        <source>1 step</source>
        <translation>1 步</translation>
    </message>
    <message numerus="yes">
        <source>%n steps</source>
        <translation>
            <numerusform>%n 步</numerusform>
        </translation>
    </message>
    <message>
        <source>trained on %1 · %2 × %3 · d_model %4 · %5 · layer %6</source>
        <translation>在 %1 上训练 · %2 × %3 · d_model %4 · %5 · 第 %6 层</translation>
    </message>
</context>
</TS>
