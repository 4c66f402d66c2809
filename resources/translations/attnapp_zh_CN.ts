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
    <message>
        <source>Open Model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <source>Opened the model in %1: every layer and head is in the model view (Ctrl+3); Ctrl+Z goes back.</source>
        <translation>已打开 %1 中的模型：所有层和头都在模型视图中（Ctrl+3）；Ctrl+Z 可返回。</translation>
    </message>
    <message>
        <source>The article&apos;s model is already shown.</source>
        <translation>当前显示的已经是文章中的模型。</translation>
    </message>
    <message>
        <source>Article&apos;s Model</source>
        <translation>文章中的模型</translation>
    </message>
    <message>
        <source>Back to the article&apos;s model (Ctrl+Z reopens the model).</source>
        <translation>已回到文章中的模型（Ctrl+Z 可重新打开之前的模型）。</translation>
    </message>
    <message>
        <source>Open Preset</source>
        <translation>打开预设</translation>
    </message>
    <message>
        <source> Every layer and head is in the model view (Ctrl+3).</source>
        <translation>所有层和头都在模型视图中（Ctrl+3）。</translation>
    </message>
    <message>
        <source>There is no trained model to show yet.</source>
        <translation>还没有可显示的训练模型。</translation>
    </message>
    <message>
        <source>Show Trained Model</source>
        <translation>显示训练好的模型</translation>
    </message>
    <message>
        <source>Showing the model trained on %1 (Ctrl+Z goes back).</source>
        <translation>正在显示在 %1 上训练的模型（Ctrl+Z 可返回）。</translation>
    </message>
    <message>
        <source>Open Model (a GPT-2 folder)</source>
        <translation>打开模型（GPT-2 文件夹）</translation>
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
        <translation>载入文章示例(&amp;E)</translation>
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
    <message>
        <source>About Attention Visualizer</source>
        <translation>关于 Attention Visualizer</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Attention Visualizer %1&lt;/h3&gt;&lt;p&gt;Self-attention, every number of it: embeddings, weights, queries, keys, values, scores, softmax weights and outputs as linked heatmaps.&lt;/p&gt;&lt;p&gt;Every number is float64 from NumPy&apos;s legacy generator, so File → Export Data writes a NumPy script that recomputes exactly what you see.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Attention Visualizer %1&lt;/h3&gt;&lt;p&gt;自注意力的每一个数值：嵌入、权重、查询、键、值、分数、softmax 权重和输出，以相互联动的热力图呈现。&lt;/p&gt;&lt;p&gt;每个数都是由 NumPy 旧版随机数生成器得到的 float64，因此“文件 → 导出数据”可写出一个 NumPy 脚本，精确地重算你所看到的一切。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Figure and lesson</source>
        <translation>图与课程</translation>
    </message>
    <message>
        <source>Click</source>
        <translation>单击</translation>
    </message>
    <message>
        <source>Select a token or cell: its row and column light up in every panel</source>
        <translation>选中一个词元或单元格：它的行和列会在每个面板中高亮</translation>
    </message>
    <message>
        <source>Double-click</source>
        <translation>双击</translation>
    </message>
    <message>
        <source>Edit a cell of E, W_Q, W_K or W_V</source>
        <translation>编辑 E、W_Q、W_K 或 W_V 的单元格</translation>
    </message>
    <message>
        <source>Arrow keys</source>
        <translation>方向键</translation>
    </message>
    <message>
        <source>Move the ringed cell within its panel of the figure</source>
        <translation>在图的当前面板内移动带圈的单元格</translation>
    </message>
    <message>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Shift+Tab</translation>
    </message>
    <message>
        <source>The figure&apos;s next / previous panel (past the last: the next control)</source>
        <translation>图的下一个 / 上一个面板（越过最后一个时：下一个控件）</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Select the ringed cell, as a click does</source>
        <translation>选中带圈的单元格，与单击相同</translation>
    </message>
    <message>
        <source>F2</source>
        <translation>F2</translation>
    </message>
    <message>
        <source>Edit the ringed cell of E, W_Q, W_K or W_V</source>
        <translation>编辑 E、W_Q、W_K 或 W_V 中带圈的单元格</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Clear the selection; leave presentation mode, then the lesson</source>
        <translation>清除选择；先退出演示模式，再退出课程</translation>
    </message>
    <message>
        <source>Ctrl+wheel</source>
        <translation>Ctrl+滚轮</translation>
    </message>
    <message>
        <source>Zoom the figure</source>
        <translation>缩放图</translation>
    </message>
    <message>
        <source>→, Space, Page Down / ←, Page Up</source>
        <translation>→、空格、Page Down / ←、Page Up</translation>
    </message>
    <message>
        <source>Next / previous lesson step</source>
        <translation>课程的下一步 / 上一步</translation>
    </message>
    <message>
        <source>Home / End</source>
        <translation>Home / End</translation>
    </message>
    <message>
        <source>First / last lesson step</source>
        <translation>课程的第一步 / 最后一步</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Quick Guide</source>
        <translation>快速指南</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Self-attention, every number of it&lt;/h2&gt;&lt;p&gt;Type a sentence at the top. Each word becomes a row of &lt;b&gt;E&lt;/b&gt;, its embedding. The weight matrices &lt;b&gt;W_Q&lt;/b&gt;, &lt;b&gt;W_K&lt;/b&gt;, &lt;b&gt;W_V&lt;/b&gt; turn the rows into queries &lt;b&gt;Q&lt;/b&gt;, keys &lt;b&gt;K&lt;/b&gt; and values &lt;b&gt;V&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;&lt;b&gt;scores&lt;/b&gt; = Q Kᵀ: how well each query matches each key. The &lt;b&gt;scaled scores&lt;/b&gt; divide by √d_k (and the temperature); the softmax of each row gives the &lt;b&gt;weights&lt;/b&gt;, which sum to 1 per row: how much each word attends to every other. The &lt;b&gt;output&lt;/b&gt; of a word is the weighted sum of the values.&lt;/p&gt;&lt;h3&gt;Exploring&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Hover any cell to see its arithmetic written out with the real numbers.&lt;/li&gt;&lt;li&gt;Click a word or a cell to follow it through every panel; Esc clears.&lt;/li&gt;&lt;li&gt;Double-click a cell of E or a W matrix to type a new number; Ctrl+Z undoes it.&lt;/li&gt;&lt;li&gt;Reseed (Ctrl+R) draws new weights; View → Compare Seeds shows what changes.&lt;/li&gt;&lt;li&gt;Several heads split d_model: choose the head under Display, or all heads at once.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Teaching&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;View → Lesson (F5) steps through the computation for the selected word in seven slides (eleven for a checkpoint, with the block around attention); F11 makes them large, high-contrast slides for a projector.&lt;/li&gt;&lt;li&gt;File → Export Lesson writes the same slides as a PDF handout; Export Figure writes PNG, SVG or PDF; Export Data writes JSON, CSV or a NumPy script that recomputes every number.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;h2&gt;自注意力的每一个数值&lt;/h2&gt;&lt;p&gt;在顶部输入一个句子。每个词成为 &lt;b&gt;E&lt;/b&gt; 的一行，即它的嵌入。权重矩阵 &lt;b&gt;W_Q&lt;/b&gt;、&lt;b&gt;W_K&lt;/b&gt;、&lt;b&gt;W_V&lt;/b&gt; 把这些行变换为查询 &lt;b&gt;Q&lt;/b&gt;、键 &lt;b&gt;K&lt;/b&gt; 和值 &lt;b&gt;V&lt;/b&gt;。&lt;/p&gt;&lt;p&gt;&lt;b&gt;注意力分数&lt;/b&gt; = Q Kᵀ：每个查询与每个键的匹配程度。&lt;b&gt;缩放后的分数&lt;/b&gt;除以 √d_k（以及温度）；对每一行做 softmax 得到&lt;b&gt;注意力权重&lt;/b&gt;，每行之和为 1：表示每个词对其他各词的关注程度。一个词的&lt;b&gt;输出&lt;/b&gt;是值的加权和。&lt;/p&gt;&lt;h3&gt;探索&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;将鼠标悬停在任一单元格上，可看到用真实数值写出的算式。&lt;/li&gt;&lt;li&gt;点击一个词或单元格，可在每个面板中跟踪它；Esc 清除选择。&lt;/li&gt;&lt;li&gt;双击 E 或某个 W 矩阵的单元格可输入新数值；Ctrl+Z 可撤销。&lt;/li&gt;&lt;li&gt;重新抽取（Ctrl+R）生成新权重；“视图 → 比较随机种子”显示有何变化。&lt;/li&gt;&lt;li&gt;多个头会拆分 d_model：在“显示”下选择头，或同时显示所有头。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;教学&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;“视图 → 课程”（F5）用七张幻灯片逐步讲解所选词的计算（检查点为十一张，包括注意力周围的模块）；F11 将其变为适合投影仪的大号高对比度幻灯片。&lt;/li&gt;&lt;li&gt;“文件 → 导出课程”把同样的幻灯片写成 PDF 讲义；“导出图”写出 PNG、SVG 或 PDF；“导出数据”写出 JSON、CSV 或重算每个数值的 NumPy 脚本。&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>Language, light or dark colours, and the colours of exported figures</source>
        <translation>语言、浅色或深色配色，以及导出图的颜色</translation>
    </message>
</context>
</TS>
