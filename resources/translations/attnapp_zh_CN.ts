<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MainWindow</name>
    <message>
        <source>Import Embeddings</source>
        <translation>导入嵌入</translation>
    </message>
    <message>
        <source>Word vectors, GloVe or word2vec text (*.txt *.vec);;All files (*)</source>
        <translation>词向量，GloVe 或 word2vec 文本 (*.txt *.vec);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Opened with adjustments: %1</source>
        <translation>已打开，但做了调整：%1</translation>
    </message>
    <message>
        <source>Recover Unsaved Changes</source>
        <translation>恢复未保存的更改</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>

The figure still shows the last valid settings.</source>
        <translation>

图中仍显示上一次有效设置的结果。</translation>
    </message>
    <message>
        <source>Reseed Weights</source>
        <translation>重新抽取权重</translation>
    </message>
    <message>
        <source>New weights from seed %1; the embeddings stayed.</source>
        <translation>已用随机种子 %1 抽取新权重；嵌入保持不变。</translation>
    </message>
    <message>
        <source>Draw All Vectors</source>
        <translation>抽取全部向量</translation>
    </message>
    <message>
        <source>Reseed Embeddings</source>
        <translation>重新抽取嵌入</translation>
    </message>
    <message>
        <source>Every word&apos;s vector now drawn from seed %1; the weights stayed.</source>
        <translation>每个词的向量现已由随机种子 %1 抽取；权重保持不变。</translation>
    </message>
    <message>
        <source>Load Article Example</source>
        <translation>载入文章示例</translation>
    </message>
    <message>
        <source>Loaded the article&apos;s example (Ctrl+Z brings back what was there).</source>
        <translation>已载入文章中的示例（Ctrl+Z 可恢复之前的内容）。</translation>
    </message>
    <message>
        <source>Only the cells of E, W_Q, W_K and W_V can be edited; the others are computed.</source>
        <translation>只有 E、W_Q、W_K 和 W_V 的单元格可以编辑；其余都是计算出来的。</translation>
    </message>
    <message>
        <source>Edit %1[%2, %3]</source>
        <translation>编辑 %1[%2, %3]</translation>
    </message>
    <message>
        <source>Edit E[&quot;%1&quot;, %2]</source>
        <translation>编辑 E[“%1”, %2]</translation>
    </message>
    <message>
        <source>Type a sentence first: the lesson follows its numbers.</source>
        <translation>请先输入一个句子：课程会使用它的数值。</translation>
    </message>
</context>
<context>
    <name>ModelCommands</name>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Next Token</source>
        <translation>下一个词元</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>Edit &amp;Sentence</source>
        <translation>编辑句子(&amp;S)</translation>
    </message>
    <message>
        <source>Put the cursor in the sentence field</source>
        <translation>将光标放入句子输入框</translation>
    </message>
    <message>
        <source>Reseed &amp;Weights</source>
        <translation>重新抽取权重(&amp;W)</translation>
    </message>
    <message>
        <source>Draw new weights W_Q, W_K, W_V from a random seed; the embeddings stay</source>
        <translation>用随机种子抽取新的权重 W_Q、W_K、W_V；嵌入保持不变</translation>
    </message>
    <message>
        <source>Reseed &amp;Embeddings</source>
        <translation>重新抽取嵌入(&amp;E)</translation>
    </message>
    <message>
        <source>Draw new word vectors from a random seed; the weights stay</source>
        <translation>用随机种子抽取新的词向量；权重保持不变</translation>
    </message>
    <message>
        <source>Load &amp;Article Example</source>
        <translation>载入文章示例(&amp;A)</translation>
    </message>
    <message>
        <source>The sentence, settings and embeddings of the article &quot;Unveiling the Power of Attention Mechanism Using Numpy&quot;</source>
        <translation>文章“Unveiling the Power of Attention Mechanism Using Numpy”中的句子、设置和嵌入</translation>
    </message>
    <message>
        <source>&amp;New Session</source>
        <translation>新建会话(&amp;N)</translation>
    </message>
    <message>
        <source>Start again from the article&apos;s example in an untitled session</source>
        <translation>在未命名的会话中从文章示例重新开始</translation>
    </message>
    <message>
        <source>&amp;Open Session…</source>
        <translation>打开会话(&amp;O)…</translation>
    </message>
    <message>
        <source>Reopen a saved session (.attn): settings, head, colours and selection</source>
        <translation>重新打开已保存的会话（.attn）：设置、头、颜色和所选内容</translation>
    </message>
    <message>
        <source>&amp;Save Session</source>
        <translation>保存会话(&amp;S)</translation>
    </message>
    <message>
        <source>Save the session to its file (.attn), asking for a name the first time</source>
        <translation>将会话保存到其文件（.attn），首次保存时询问文件名</translation>
    </message>
    <message>
        <source>Save Session &amp;As…</source>
        <translation>会话另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the session under a new file name and keep editing that file</source>
        <translation>以新文件名保存会话，并继续编辑该文件</translation>
    </message>
    <message>
        <source>&amp;Import Embeddings…</source>
        <translation>导入嵌入(&amp;I)…</translation>
    </message>
    <message>
        <source>Take the sentence&apos;s word vectors from a GloVe or word2vec text file</source>
        <translation>从 GloVe 或 word2vec 文本文件中读取句子中各词的向量</translation>
    </message>
    <message>
        <source>Open &amp;Model…</source>
        <translation>打开模型(&amp;M)…</translation>
    </message>
    <message>
        <source>Show what a trained GPT-2 attends to: a Hugging Face folder with config.json and model.safetensors</source>
        <translation>显示训练好的 GPT-2 关注什么：一个包含 config.json 和 model.safetensors 的 Hugging Face 文件夹</translation>
    </message>
    <message>
        <source>A&amp;rticle&apos;s Model</source>
        <translation>文章中的模型(&amp;T)</translation>
    </message>
    <message>
        <source>Back from a checkpoint to the article&apos;s model, keeping the sentence</source>
        <translation>从检查点回到文章中的模型，句子保持不变</translation>
    </message>
    <message>
        <source>&amp;Previous Token</source>
        <translation>前一词元(&amp;P)</translation>
    </message>
    <message>
        <source>A model trained here to output the previous token: a previous-token head</source>
        <translation>在本程序中训练、输出前一个词元的模型：前一词元头</translation>
    </message>
    <message>
        <source>&amp;Induction</source>
        <translation>归纳(&amp;I)</translation>
    </message>
    <message>
        <source>A two-layer model trained here to continue repeated sequences: an induction head</source>
        <translation>在本程序中训练、续写重复序列的两层模型：归纳头</translation>
    </message>
    <message>
        <source>Export &amp;Figure…</source>
        <translation>导出图(&amp;F)…</translation>
    </message>
    <message>
        <source>Save the figure as PNG, SVG or PDF</source>
        <translation>将图保存为 PNG、SVG 或 PDF</translation>
    </message>
    <message>
        <source>Export &amp;Data…</source>
        <translation>导出数据(&amp;D)…</translation>
    </message>
    <message>
        <source>Save every number as JSON, or a NumPy script that recomputes them</source>
        <translation>将所有数值保存为 JSON，或保存为重新计算它们的 NumPy 脚本</translation>
    </message>
    <message>
        <source>Export &amp;Lesson…</source>
        <translation>导出课程(&amp;L)…</translation>
    </message>
    <message>
        <source>Save the lesson slides for the selected word as a PDF handout</source>
        <translation>将所选词的课程幻灯片保存为 PDF 讲义</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Close the window</source>
        <translation>关闭窗口</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <translation>撤销上一次更改</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Redo the change just undone</source>
        <translation>重做刚才撤销的更改</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Larger cells</source>
        <translation>更大的单元格</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Smaller cells</source>
        <translation>更小的单元格</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <source>Show the whole figure</source>
        <translation>显示整张图</translation>
    </message>
    <message>
        <source>&amp;Settings Panel</source>
        <translation>设置面板(&amp;S)</translation>
    </message>
    <message>
        <source>Show or hide the settings; hidden, the figure gets the whole width (the seeds stay in the figure&apos;s title)</source>
        <translation>显示或隐藏设置；隐藏时图占满整个宽度（随机种子仍显示在图的标题中）</translation>
    </message>
    <message>
        <source>F&amp;ull Screen</source>
        <translation>全屏(&amp;U)</translation>
    </message>
    <message>
        <source>Use the whole screen or projector</source>
        <translation>使用整个屏幕或投影仪</translation>
    </message>
    <message>
        <source>S&amp;tages</source>
        <translation>计算阶段(&amp;A)</translation>
    </message>
    <message>
        <source>Every matrix of the computation for one layer and head</source>
        <translation>某一层、某一个头的计算中的每个矩阵</translation>
    </message>
    <message>
        <source>&amp;Head View</source>
        <translation>头视图(&amp;H)</translation>
    </message>
    <message>
        <source>Lines from each token to the tokens it attends to</source>
        <translation>从每个词元连到它所关注的词元的连线</translation>
    </message>
    <message>
        <source>&amp;Model View</source>
        <translation>模型视图(&amp;M)</translation>
    </message>
    <message>
        <source>Every layer and head at once as thumbnails; click one to open it</source>
        <translation>以缩略图同时显示所有层和头；点击其中一个即可打开</translation>
    </message>
    <message>
        <source>&amp;Compare Seeds…</source>
        <translation>比较随机种子(&amp;C)…</translation>
    </message>
    <message>
        <source>The attention weights under this weight seed and another, side by side, with their difference</source>
        <translation>并排显示当前权重随机种子与另一个种子下的注意力权重及其差值</translation>
    </message>
    <message>
        <source>&amp;Lesson</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>Step through the computation for one word, slide by slide (Esc: back to the figure)</source>
        <translation>逐张幻灯片地讲解一个词的计算过程（Esc：返回图）</translation>
    </message>
    <message>
        <source>&amp;Next Token</source>
        <translation>下一个词元(&amp;N)</translation>
    </message>
    <message>
        <source>What a GPT-2 model predicts after the last token, with a temperature and Generate</source>
        <translation>GPT-2 模型在最后一个词元之后预测什么，可设置温度并生成</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>Train a small model on a task and watch its heads learn (previous token, induction, …)</source>
        <translation>在一个任务上训练小模型，观察它的头如何学习（前一词元、归纳……）</translation>
    </message>
    <message>
        <source>&amp;Presentation Mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>Full screen, settings hidden, large high-contrast type for a projector (F11 or Esc leaves)</source>
        <translation>全屏、隐藏设置、适合投影仪的大号高对比度字体（按 F11 或 Esc 退出）</translation>
    </message>
    <message>
        <source>&amp;Back to the Figure</source>
        <translation>返回图(&amp;B)</translation>
    </message>
    <message>
        <source>Leave presentation mode, then the lesson</source>
        <translation>先退出演示模式，再退出课程</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Every key the window answers to</source>
        <translation>窗口响应的所有按键</translation>
    </message>
    <message>
        <source>Quick &amp;Guide</source>
        <translation>快速指南(&amp;G)</translation>
    </message>
    <message>
        <source>What the panels show and how to explore them</source>
        <translation>各面板显示什么以及如何探索它们</translation>
    </message>
    <message>
        <source>&amp;About Attention Visualizer</source>
        <translation>关于 Attention Visualizer(&amp;A)</translation>
    </message>
    <message>
        <source>What this program is</source>
        <translation>这个程序是什么</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销(&amp;U)：%1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做(&amp;R)：%1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Open &amp;Preset</source>
        <translation>打开预设(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
</context>
</TS>
