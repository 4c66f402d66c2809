<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccessibleTable</name>
    <message>
        <source>row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>row &apos;%1&apos;</source>
        <translation>“%1”行</translation>
    </message>
    <message>
        <source>column %1</source>
        <translation>第 %1 列</translation>
    </message>
    <message>
        <source>column &apos;%1&apos;</source>
        <translation>“%1”列</translation>
    </message>
</context>
<context>
    <name>BusyIndicator</name>
    <message>
        <source>Computing the new settings; the figure shows the previous ones meanwhile.</source>
        <translation>正在计算新设置；在此期间图中仍显示之前的结果。</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
</context>
<context>
    <name>CompareSeedsDialog</name>
    <message>
        <source>Compare Seeds</source>
        <translation>比较随机种子</translation>
    </message>
    <message>
        <source>Weight seed</source>
        <translation>权重随机种子</translation>
    </message>
    <message>
        <source>Embedding seed</source>
        <translation>嵌入随机种子</translation>
    </message>
    <message>
        <source>The seed that differs between A and B: the weights W_Q, W_K, W_V or the word vectors.</source>
        <translation>A 与 B 之间不同的随机种子：权重 W_Q、W_K、W_V 的，或词向量的。</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>The seed to compare with the window&apos;s (seed A). Everything else stays the same.</source>
        <translation>与窗口中的种子（种子 A）进行比较的随机种子。其他一切保持不变。</translation>
    </message>
    <message>
        <source>Use Seed B in the Window</source>
        <translation>在窗口中使用种子 B</translation>
    </message>
    <message>
        <source>The window takes seed B (Ctrl+Z in the window goes back).</source>
        <translation>窗口采用种子 B（在窗口中按 Ctrl+Z 可撤销）。</translation>
    </message>
    <message>
        <source>Use Weight Seed %1</source>
        <translation>使用权重随机种子 %1</translation>
    </message>
    <message>
        <source>Use Embedding Seed %1</source>
        <translation>使用嵌入随机种子 %1</translation>
    </message>
    <message>
        <source>Computing seed B…</source>
        <translation>正在计算种子 B…</translation>
    </message>
    <message>
        <source>, head %1</source>
        <translation>，头 %1</translation>
    </message>
    <message>
        <source>weight seed</source>
        <translation>权重随机种子</translation>
    </message>
    <message>
        <source>embedding seed</source>
        <translation>嵌入随机种子</translation>
    </message>
    <message>
        <source>A: %1 %2%3</source>
        <translation>A：%1 %2%3</translation>
    </message>
    <message>
        <source>weights (with edited W cells)</source>
        <translation>权重（含已编辑的 W 单元格）</translation>
    </message>
    <message>
        <source>attention weights</source>
        <translation>注意力权重</translation>
    </message>
    <message>
        <source>B: %1 %2%3</source>
        <translation>B：%1 %2%3</translation>
    </message>
    <message>
        <source>B − A</source>
        <translation>B − A</translation>
    </message>
    <message>
        <source>blue: A attends more, red: B attends more</source>
        <translation>蓝色：A 关注更多；红色：B 关注更多</translation>
    </message>
    <message>
        <source>Same sentence and settings; only the %1 differs. Largest change of a weight: %2.</source>
        <translation>句子和设置相同，只有%1不同。权重的最大变化：%2。</translation>
    </message>
</context>
<context>
    <name>ControlPanel</name>
    <message>
        <source>Weights W_Q, W_K, W_V</source>
        <translation>权重 W_Q、W_K、W_V</translation>
    </message>
    <message>
        <source>Seed of NumPy&apos;s generator for W_Q, W_K and W_V (0 to 4294967295).</source>
        <translation>NumPy 随机数生成器用于 W_Q、W_K 和 W_V 的随机种子（0 到 4294967295）。</translation>
    </message>
    <message>
        <source>Weight seed</source>
        <translation>权重随机种子</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Reseed</source>
        <translation>重新抽取</translation>
    </message>
    <message>
        <source>randint: 0, 1, 2</source>
        <translation>randint：0, 1, 2</translation>
    </message>
    <message>
        <source>uniform [0, 1)</source>
        <translation>均匀 [0, 1)</translation>
    </message>
    <message>
        <source>normal / √d</source>
        <translation>正态 / √d</translation>
    </message>
    <message>
        <source>How the weights are drawn: np.random.randint(3), np.random.rand, or np.random.randn / √d_model.</source>
        <translation>权重的抽取方式：np.random.randint(3)、np.random.rand 或 np.random.randn / √d_model。</translation>
    </message>
    <message>
        <source>Init</source>
        <translation>初始化</translation>
    </message>
    <message>
        <source>Embeddings E</source>
        <translation>嵌入 E</translation>
    </message>
    <message>
        <source>Seed of NumPy&apos;s generator for the word vectors (0 to 4294967295). Changing it replaces vectors given literally, such as the article&apos;s.</source>
        <translation>NumPy 随机数生成器用于词向量的随机种子（0 到 4294967295）。更改它会替换直接给定的向量，例如文章中的向量。</translation>
    </message>
    <message>
        <source>Embedding seed</source>
        <translation>嵌入随机种子</translation>
    </message>
    <message>
        <source>Draw All</source>
        <translation>全部抽取</translation>
    </message>
    <message>
        <source>Replace the given vectors (the article&apos;s, imported or edited ones) by vectors drawn from the seed, as for every other word. Undoable.</source>
        <translation>用随机种子抽取的向量替换给定的向量（文章中的、导入的或编辑过的），与其他词相同。可撤销。</translation>
    </message>
    <message>
        <source>Positional encoding</source>
        <translation>位置编码</translation>
    </message>
    <message>
        <source>Add sinusoidal positional encodings (Vaswani et al.) to the embeddings: X = E + PE.</source>
        <translation>将正弦位置编码（Vaswani 等人）加到嵌入上：X = E + PE。</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>d_model</source>
        <translation>d_model</translation>
    </message>
    <message>
        <source>d_model: how many numbers describe each word (1 to %1).</source>
        <translation>d_model：描述每个词所用的数值个数（1 到 %1）。</translation>
    </message>
    <message>
        <source>Number of attention heads; it must divide d_model (each head gets d_k = d_model / h).</source>
        <translation>注意力头的个数；必须整除 d_model（每个头得到 d_k = d_model / h）。</translation>
    </message>
    <message>
        <source>heads</source>
        <translation>头数</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <source>Causal mask</source>
        <translation>因果掩码</translation>
    </message>
    <message>
        <source>Each word may attend only to itself and earlier words: scores above the diagonal become −∞ and get weight 0.</source>
        <translation>每个词只能关注自身和之前的词：对角线以上的分数变为 −∞，权重为 0。</translation>
    </message>
    <message>
        <source>Scale by √d_k</source>
        <translation>除以 √d_k 缩放</translation>
    </message>
    <message>
        <source>Divide the scores by √d_k before the softmax, as in the Transformer.</source>
        <translation>在 softmax 之前将分数除以 √d_k，与 Transformer 中相同。</translation>
    </message>
    <message>
        <source>Softmax temperature T, from 0.05 to 20 on a log scale: the scores are divided by T. Low T sharpens the weights towards one word, high T flattens them.</source>
        <translation>softmax 温度 T，在对数刻度上从 0.05 到 20：分数除以 T。T 小时权重集中到一个词上，T 大时权重趋于平均。</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Softmax temperature</source>
        <translation>softmax 温度</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Head shown</source>
        <translation>显示的头</translation>
    </message>
    <message>
        <source>The head whose scores and weights are shown.</source>
        <translation>显示其分数和权重的头。</translation>
    </message>
    <message>
        <source>All heads</source>
        <translation>所有头</translation>
    </message>
    <message>
        <source>Show the weights of every head side by side.</source>
        <translation>并排显示所有头的权重。</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>头</translation>
    </message>
    <message>
        <source>Colours of the attention weights; cividis and grayscale stay readable for colour-blind viewers and on black-and-white print.</source>
        <translation>注意力权重的颜色；cividis 和 grayscale 对色觉障碍者以及黑白打印仍然清晰可读。</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>0 to 1</source>
        <translation>0 到 1</translation>
    </message>
    <message>
        <source>this matrix</source>
        <translation>整个矩阵</translation>
    </message>
    <message>
        <source>each row</source>
        <translation>每一行</translation>
    </message>
    <message>
        <source>What the colours of the weights span: 0 to 1, the smallest to the largest weight of the matrix, or of each query row (every row then shows its strongest key).</source>
        <translation>权重颜色覆盖的范围：0 到 1、矩阵中最小到最大的权重，或每个查询行中最小到最大的权重（此时每行都会突出其最强的键）。</translation>
    </message>
    <message>
        <source>Weights scale</source>
        <translation>权重范围</translation>
    </message>
    <message>
        <source>A model trained on %1: type its tokens (numbers separated by spaces) as the sentence. File → Article&apos;s Model goes back.</source>
        <translation>在 %1 上训练的模型：请将其词元（以空格分隔的数字）作为句子输入。“文件 → 文章中的模型”可返回。</translation>
    </message>
    <message>
        <source>A GPT-2 checkpoint: its own embeddings and weights. File → Article&apos;s Model goes back.</source>
        <translation>GPT-2 检查点：使用它自己的嵌入和权重。“文件 → 文章中的模型”可返回。</translation>
    </message>
    <message>
        <source>Every word&apos;s vector is drawn from the seed.</source>
        <translation>每个词的向量都由随机种子抽取。</translation>
    </message>
    <message>
        <source>Every word&apos;s vector is drawn from the seed; the given vector of another word is kept.</source>
        <translation>每个词的向量都由随机种子抽取；另有 1 个词的给定向量被保留。</translation>
    </message>
    <message>
        <source>Every word&apos;s vector is drawn from the seed; given vectors of %1 other words are kept.</source>
        <translation>每个词的向量都由随机种子抽取；另有 %1 个词的给定向量被保留。</translation>
    </message>
    <message>
        <source> and %1 more</source>
        <translation> 等，另有 %1 个</translation>
    </message>
    <message>
        <source>Given vectors for every word: %1.</source>
        <translation>每个词都有给定向量：%1。</translation>
    </message>
    <message>
        <source>Given vectors: %1; 1 word drawn from the seed.</source>
        <translation>给定向量：%1；1 个词由随机种子抽取。</translation>
    </message>
    <message>
        <source>Given vectors: %1; %2 words drawn from the seed.</source>
        <translation>给定向量：%1；%2 个词由随机种子抽取。</translation>
    </message>
    <message>
        <source>A word keeps a vector given to it (the article&apos;s, an import or an edited cell) whatever the sentence, until you reseed the embeddings, change d_model or click Draw All. Other words are drawn from the seed.</source>
        <translation>一个词会保留给它的向量（文章中的、导入的或编辑过的单元格），不论句子如何，直到重新抽取嵌入、更改 d_model 或点击“全部抽取”。其他词由随机种子抽取。</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>共 %1 个</translation>
    </message>
</context>
<context>
    <name>CurvePlot</name>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
</context>
<context>
    <name>EmbeddingImportFlow</name>
    <message>
        <source>and %1 more</source>
        <translation>以及另外 %1 个</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop reading the file; nothing changes</source>
        <translation>停止读取文件；不做任何更改</translation>
    </message>
    <message>
        <source>An import is already running.</source>
        <translation>已有一个导入正在进行。</translation>
    </message>
    <message>
        <source>Type a sentence first: the import looks up its words.</source>
        <translation>请先输入一个句子：导入会查找其中的词。</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <source>Import cancelled; nothing changed.</source>
        <translation>导入已取消；没有任何更改。</translation>
    </message>
    <message>
        <source>The sentence changed while %1 was being read: %2 were not looked up. Nothing changed yet.</source>
        <translation>读取 %1 期间句子发生了变化：%2 未被查找。目前尚未做任何更改。</translation>
    </message>
    <message>
        <source>Import Again</source>
        <translation>重新导入</translation>
    </message>
    <message>
        <source>Apply Anyway</source>
        <translation>仍然应用</translation>
    </message>
    <message>
        <source>None of the sentence&apos;s words is in %1, so nothing changed. Applying it anyway would only change d_model from %2 to %3 and keep every word random.</source>
        <translation>句子中的词都不在 %1 中，因此没有任何更改。若仍然应用，只会把 d_model 从 %2 改为 %3，且所有词仍是随机向量。</translation>
    </message>
    <message>
        <source>Import Embeddings</source>
        <translation>导入嵌入</translation>
    </message>
    <message>
        <source>Imported %1 of %2 words from %3; d_model is now %4.</source>
        <translation>已从 %3 导入 %2 个词中的 %1 个；d_model 现为 %4。</translation>
    </message>
    <message>
        <source> Heads set to 1: %1 heads do not divide %2.</source>
        <translation> 头数设为 1：%1 个头不能整除 %2。</translation>
    </message>
    <message>
        <source> Not in the file, so still random (embedding seed): %1.</source>
        <translation> 文件中没有、因此仍为随机（嵌入随机种子）：%1。</translation>
    </message>
    <message>
        <source> %1 of them longer than %2 MiB.</source>
        <translation> 其中 %1 行超过 %2 MiB。</translation>
    </message>
    <message>
        <source>Imported %1 of %2 words.</source>
        <translation>已导入 %2 个词中的 %1 个。</translation>
    </message>
    <message>
        <source> Skipped 1 malformed line (line %1): each line should be a word and %2 numbers.</source>
        <translation> 跳过了 1 行格式错误的内容（第 %1 行）：每行应为一个词和 %2 个数。</translation>
    </message>
    <message numerus="yes">
        <source> Skipped %n malformed lines; the first is line %1: each line should be a word and %2 numbers.</source>
        <translation>
            <numerusform> 跳过了 %n 行格式错误的内容，第一行是第 %1 行：每行应为一个词和 %2 个数。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExploreView</name>
    <message>
        <source>Stages</source>
        <translation>计算阶段</translation>
    </message>
    <message>
        <source>Head View</source>
        <translation>头视图</translation>
    </message>
    <message>
        <source>Model View</source>
        <translation>模型视图</translation>
    </message>
    <message>
        <source>Every matrix of the computation for one layer and head (%1)</source>
        <translation>某一层、某一个头的计算中的每个矩阵（%1）</translation>
    </message>
    <message>
        <source>Lines from each token to the tokens it attends to (%1)</source>
        <translation>从每个词元连到它所关注的词元的连线（%1）</translation>
    </message>
    <message>
        <source>Every layer and head at once; click one to open it (%1)</source>
        <translation>同时显示所有层和头；点击其中一个即可打开（%1）</translation>
    </message>
</context>
<context>
    <name>ExportCommands</name>
    <message>
        <source>There is nothing to export yet: type a sentence first.</source>
        <translation>还没有可导出的内容：请先输入一个句子。</translation>
    </message>
    <message>
        <source>Export Figure</source>
        <translation>导出图</translation>
    </message>
    <message>
        <source>Saved the figure to %1.</source>
        <translation>图已保存到 %1。</translation>
    </message>
    <message>
        <source>Export Lesson</source>
        <translation>导出课程</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved the lesson to %1.</source>
        <translation>课程已保存到 %1。</translation>
    </message>
    <message>
        <source>Export Data</source>
        <translation>导出数据</translation>
    </message>
    <message>
        <source>Saved the data to %1.</source>
        <translation>数据已保存到 %1。</translation>
    </message>
</context>
<context>
    <name>ExportDataDialog</name>
    <message>
        <source>Export Data</source>
        <translation>导出数据</translation>
    </message>
    <message>
        <source>JSON: every stage</source>
        <translation>JSON：每个阶段</translation>
    </message>
    <message>
        <source>NumPy script that recomputes it</source>
        <translation>重新计算一切的 NumPy 脚本</translation>
    </message>
    <message>
        <source>CSV: one panel</source>
        <translation>CSV：一个面板</translation>
    </message>
    <message>
        <source>Per-head panels are written for the head shown (head %1).</source>
        <translation>按头显示的面板只写出当前显示的头（头 %1）。</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>CSV panel</source>
        <translation>CSV 面板</translation>
    </message>
    <message>
        <source>%1 (*.%2)</source>
        <translation>%1 (*.%2)</translation>
    </message>
</context>
<context>
    <name>ExportFigureDialog</name>
    <message>
        <source>Export Figure</source>
        <translation>导出图</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG 图像</translation>
    </message>
    <message>
        <source>SVG drawing</source>
        <translation>SVG 矢量图</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <source>Pixels per point: 2× stays sharp on slides and high-resolution screens.</source>
        <translation>每点的像素数：2× 在幻灯片和高分辨率屏幕上仍然清晰。</translation>
    </message>
    <message>
        <source>The whole figure</source>
        <translation>整张图</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>PNG scale</source>
        <translation>PNG 缩放</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>%1 (*.%2)</source>
        <translation>%1 (*.%2)</translation>
    </message>
</context>
<context>
    <name>FigureView</name>
    <message>
        <source>Stage figure</source>
        <translation>计算阶段图</translation>
    </message>
    <message>
        <source>Every stage of the computation as a table of numbers: arrow keys move between cells, Tab to the next panel, Enter selects the cell&apos;s tokens</source>
        <translation>以数值表格呈现计算的每个阶段：方向键在单元格间移动，Tab 跳到下一个面板，Enter 选中该单元格的词元</translation>
    </message>
    <message>
        <source>Query &quot;%1&quot; (row %2)</source>
        <translation>查询“%1”（第 %2 行）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; attends to &quot;%2&quot; with weight %3 (score %4)</source>
        <translation>“%1”以权重 %3 关注“%2”（分数 %4）</translation>
    </message>
    <message>
        <source>Export panel…</source>
        <translation>导出面板…</translation>
    </message>
    <message>
        <source>Export panel as CSV…</source>
        <translation>将面板导出为 CSV…</translation>
    </message>
    <message>
        <source>Copy panel</source>
        <translation>复制面板</translation>
    </message>
    <message>
        <source>Zoom to fit</source>
        <translation>缩放以适应</translation>
    </message>
    <message>
        <source>Clear selection</source>
        <translation>清除选择</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Export Panel</source>
        <translation>导出面板</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <source>Export Panel as CSV</source>
        <translation>将面板导出为 CSV</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>A new value: Enter applies it, Esc cancels</source>
        <translation>新数值：按 Enter 应用，按 Esc 取消</translation>
    </message>
    <message>
        <source>%1 is beyond the range of a float64 (about ±1.8e308). Esc cancels.</source>
        <translation>%1 超出了 float64 的范围（约 ±1.8e308）。按 Esc 取消。</translation>
    </message>
    <message>
        <source>“%1” is not a number: type one such as 0.5, -2 or 1e-3. Esc cancels.</source>
        <translation>“%1”不是数：请输入如 0.5、-2 或 1e-3 的数。按 Esc 取消。</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Unsaved Changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Otherwise they are lost.</source>
        <translation>否则这些更改将会丢失。</translation>
    </message>
</context>
<context>
    <name>HeadView</name>
    <message>
        <source>Head view: lines from each token to the tokens it attends to</source>
        <translation>头视图：从每个词元连到它所关注的词元的连线</translation>
    </message>
    <message>
        <source>&amp;Group a word&apos;s pieces</source>
        <translation>合并一个词的各个片段(&amp;G)</translation>
    </message>
    <message>
        <source>Draw words instead of GPT-2&apos;s pieces: a word attends with the mean of its pieces and is attended to with their sum</source>
        <translation>以词代替 GPT-2 的片段来绘制：一个词以其片段的平均值去关注，并以片段之和被关注</translation>
    </message>
    <message>
        <source>Layer %1, all %2 heads</source>
        <translation>第 %1 层，全部 %2 个头</translation>
    </message>
    <message>
        <source>Layer %1, head %2</source>
        <translation>第 %1 层，头 %2</translation>
    </message>
    <message>
        <source> · a line&apos;s strength is the weight · point at a token to bring its lines forward</source>
        <translation> · 连线的粗细即权重 · 指向一个词元可突出它的连线</translation>
    </message>
    <message>
        <source>head %1</source>
        <translation>头 %1</translation>
    </message>
    <message>
        <source>“%1” %2</source>
        <translation>“%1” %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;“%1”&lt;/b&gt; (head %2) attends most to %3</source>
        <translation>&lt;b&gt;“%1”&lt;/b&gt;（头 %2）最关注 %3</translation>
    </message>
    <message>
        <source>&lt;b&gt;“%1”&lt;/b&gt; as a key (head %2) receives %3 of the weight in all</source>
        <translation>&lt;b&gt;“%1”&lt;/b&gt;作为键（头 %2）共获得 %3 的权重</translation>
    </message>
</context>
<context>
    <name>HeatmapTable</name>
    <message>
        <source>%1 rows, %2 columns</source>
        <translation>%1 行，%2 列</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1；%2</translation>
    </message>
    <message>
        <source>%1, %2, %3: %4</source>
        <translation>%1，%2，%3：%4</translation>
    </message>
</context>
<context>
    <name>HeatmapsAccessible</name>
    <message>
        <source>Lesson, step %1 of %2: %3</source>
        <translation>课程，第 %1 步（共 %2 步）：%3</translation>
    </message>
</context>
<context>
    <name>LessonView</name>
    <message>
        <source>Right / Space: next step · Left: previous · click a token to follow it</source>
        <translation>右方向键 / 空格：下一步 · 左方向键：上一步 · 点击词元以跟踪它</translation>
    </message>
</context>
<context>
    <name>MatrixGrid</name>
    <message>
        <source>±%1</source>
        <translation>±%1</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ModelOverview</name>
    <message>
        <source>Model view: every layer and head</source>
        <translation>模型视图：所有层和头</translation>
    </message>
    <message>
        <source>Layer %1</source>
        <translation>第 %1 层</translation>
    </message>
    <message>
        <source>Layer 00</source>
        <translation>第 00 层</translation>
    </message>
    <message>
        <source>Attention weights of every layer and head · click one to open it</source>
        <translation>所有层和头的注意力权重 · 点击其中一个即可打开</translation>
    </message>
    <message>
        <source>Head %1</source>
        <translation>头 %1</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>头</translation>
    </message>
    <message>
        <source>Drawing…</source>
        <translation>正在绘制…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Layer %1, head %2&lt;/b&gt;&lt;br&gt;mean weight one token back %3, on the first token %4, on itself %5&lt;br&gt;Click to open its stages</source>
        <translation>&lt;b&gt;第 %1 层，头 %2&lt;/b&gt;&lt;br&gt;对前一个词元的平均权重 %3，对第一个词元 %4，对自身 %5&lt;br&gt;点击以打开其计算阶段</translation>
    </message>
</context>
<context>
    <name>NextTokenPanel</name>
    <message>
        <source>Divides every logit before the softmax: below 1 sharpens the choice, above 1 flattens it</source>
        <translation>在 softmax 之前除以每个 logit：小于 1 使选择更集中，大于 1 使其更平均</translation>
    </message>
    <message>
        <source>Te&amp;mperature:</source>
        <translation>温度(&amp;M)：</translation>
    </message>
    <message>
        <source>Greedy: the most likely</source>
        <translation>贪心：概率最高的</translation>
    </message>
    <message>
        <source>Sample among these ten</source>
        <translation>从这十个中抽样</translation>
    </message>
    <message>
        <source>&amp;Choose:</source>
        <translation>选择方式(&amp;C)：</translation>
    </message>
    <message>
        <source>The sampler&apos;s seed: the same seed and text give the same token</source>
        <translation>抽样器的随机种子：相同的种子和文本得到相同的词元</translation>
    </message>
    <message>
        <source>Sample s&amp;eed:</source>
        <translation>抽样种子(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <source>Append the chosen token to the sentence (Ctrl+Z takes it back)</source>
        <translation>将选中的词元追加到句子末尾（Ctrl+Z 可撤销）</translation>
    </message>
    <message>
        <source>Open a GPT-2 model (File → Open Model…) to see what it predicts after the last token.</source>
        <translation>请打开一个 GPT-2 模型（文件 → 打开模型…），以查看它在最后一个词元之后的预测。</translation>
    </message>
    <message>
        <source>After %1, the model&apos;s ten most likely next tokens:</source>
        <translation>在 %1 之后，模型最可能的十个下一个词元：</translation>
    </message>
    <message>
        <source>The next token, %1, is part of a character, and the sentence holds whole characters: on the command line --generate continues through it.</source>
        <translation>下一个词元 %1 只是一个字符的一部分，而句子只包含完整字符：在命令行中 --generate 会越过它继续生成。</translation>
    </message>
    <message>
        <source>Generated %1 (%2 %, %3): its row in the weights is what it attended to; Ctrl+Z takes it back.</source>
        <translation>已生成 %1（%2%，%3）：它在权重中的那一行就是它所关注的内容；Ctrl+Z 可撤销。</translation>
    </message>
    <message>
        <source>sampled</source>
        <translation>抽样</translation>
    </message>
    <message>
        <source>the most likely</source>
        <translation>概率最高</translation>
    </message>
</context>
<context>
    <name>PanelTable</name>
    <message>
        <source>%1; %2 rows, %3 columns</source>
        <translation>%1；%2 行，%3 列</translation>
    </message>
    <message>
        <source>%1, %2, %3: %4</source>
        <translation>%1，%2，%3：%4</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The language of the menus, panels and messages</source>
        <translation>菜单、面板和消息所用的语言</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>The language applies the next time Attention Visualizer starts.</source>
        <translation>语言将在下次启动 Attention Visualizer 时生效。</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Colour scheme</source>
        <translation>配色方案</translation>
    </message>
    <message>
        <source>Light or dark windows and figure; the colour maps of the cells stay the same</source>
        <translation>浅色或深色的窗口和图；单元格的颜色映射保持不变</translation>
    </message>
    <message>
        <source>&amp;Colour scheme:</source>
        <translation>配色方案(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Export figures in the screen&apos;s colours</source>
        <translation>按屏幕配色导出图(&amp;E)</translation>
    </message>
    <message>
        <source>Export figures in the screen&apos;s colours</source>
        <translation>按屏幕配色导出图</translation>
    </message>
    <message>
        <source>Unchecked, every figure, panel and lesson export is light, as for print, whatever the screen shows</source>
        <translation>不勾选时，无论屏幕显示什么，导出的图、面板和课程都使用浅色，适合打印</translation>
    </message>
</context>
<context>
    <name>QDialog</name>
    <message>
        <source>Choose File…</source>
        <translation>选择文件…</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>1 token</source>
        <translation>1 个词元</translation>
    </message>
    <message>
        <source> · </source>
        <translation> · </translation>
    </message>
    <message>
        <source>1 word</source>
        <translation>1 个词</translation>
    </message>
    <message>
        <source> · d_model %1 · </source>
        <translation> · d_model %1 · </translation>
    </message>
    <message>
        <source>1 head</source>
        <translation>1 个头</translation>
    </message>
    <message>
        <source> · d_k %1</source>
        <translation> · d_k %1</translation>
    </message>
    <message>
        <source> · seeds: weights %1, embeddings %2</source>
        <translation> · 随机种子：权重 %1，嵌入 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n tokens</source>
        <translation>
            <numerusform>%n 个词元</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n words</source>
        <translation>
            <numerusform>%n 个词</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n layers</source>
        <translation>
            <numerusform> · %n 层</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n heads</source>
        <translation>
            <numerusform>%n 个头</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SentenceField</name>
    <message>
        <source>Type a sentence, e.g. i miss the old kanye</source>
        <translation>输入一个句子，例如 i miss the old kanye</translation>
    </message>
    <message>
        <source>The words to attend over, split at spaces (%1). The figure follows as you type.</source>
        <translation>要计算注意力的词，按空格切分（%1）。图会随输入实时更新。</translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation>句子</translation>
    </message>
</context>
<context>
    <name>SessionFiles</name>
    <message>
        <source>Saved the session to %1.</source>
        <translation>会话已保存到 %1。</translation>
    </message>
    <message>
        <source>Save Session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <source>Attention sessions (*.attn)</source>
        <translation>注意力会话 (*.attn)</translation>
    </message>
    <message>
        <source>the untitled session</source>
        <translation>未命名的会话</translation>
    </message>
    <message>
        <source>Save the changes to %1 first?</source>
        <translation>是否先保存对%1的更改？</translation>
    </message>
    <message>
        <source>Open Session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <source>Attention sessions (*.attn);;All files (*)</source>
        <translation>注意力会话 (*.attn);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Opened %1.</source>
        <translation>已打开 %1。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; no longer exists, so it was removed from Open Recent.</source>
        <translation>“%1”已不存在，因此已从“最近打开”中移除。</translation>
    </message>
    <message>
        <source>No Recent Sessions</source>
        <translation>没有最近打开的会话</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>清除列表(&amp;C)</translation>
    </message>
    <message>
        <source>Could not keep a copy of the unsaved changes: %1</source>
        <translation>无法保留未保存更改的副本：%1</translation>
    </message>
    <message>
        <source>Attention Visualizer did not close properly. Unsaved changes were kept (%1).</source>
        <translation>Attention Visualizer 未正常关闭。未保存的更改已保留（%1）。</translation>
    </message>
    <message>
        <source>Attention Visualizer did not close properly. Unsaved changes to &quot;%1&quot; were kept (%2).</source>
        <translation>Attention Visualizer 未正常关闭。对“%1”的未保存更改已保留（%2）。</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>The unsaved changes could not be recovered. %1</source>
        <translation>无法恢复未保存的更改。%1</translation>
    </message>
    <message>
        <source>Recovered the unsaved changes; save them to keep them.</source>
        <translation>已恢复未保存的更改；请保存以保留它们。</translation>
    </message>
</context>
<context>
    <name>TrainPanel</name>
    <message>
        <source>Tas&amp;k:</source>
        <translation>任务(&amp;K)：</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>层数</translation>
    </message>
    <message>
        <source>Heads</source>
        <translation>头数</translation>
    </message>
    <message>
        <source>d_model</source>
        <translation>d_model</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>La&amp;yers:</source>
        <translation>层数(&amp;Y)：</translation>
    </message>
    <message>
        <source>Hea&amp;ds:</source>
        <translation>头数(&amp;D)：</translation>
    </message>
    <message>
        <source>d_model:</source>
        <translation>d_model：</translation>
    </message>
    <message>
        <source>Ste&amp;ps:</source>
        <translation>步数(&amp;P)：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>随机种子：</translation>
    </message>
    <message>
        <source>Lear&amp;ning rate:</source>
        <translation>学习率(&amp;N)：</translation>
    </message>
    <message>
        <source>T&amp;rain</source>
        <translation>训练(&amp;R)</translation>
    </message>
    <message>
        <source>Train until the last step, on a thread of its own</source>
        <translation>在单独的线程中训练到最后一步</translation>
    </message>
    <message>
        <source>Pa&amp;use</source>
        <translation>暂停(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Step</source>
        <translation>单步(&amp;S)</translation>
    </message>
    <message>
        <source>One Adam step on a fresh batch</source>
        <translation>在一个新批量上执行一步 Adam</translation>
    </message>
    <message>
        <source>Rese&amp;t</source>
        <translation>重置(&amp;T)</translation>
    </message>
    <message>
        <source>A new model from the settings above, at step 0</source>
        <translation>按上面的设置新建模型，从第 0 步开始</translation>
    </message>
    <message>
        <source>Loss (cross-entropy, each step&apos;s batch)</source>
        <translation>损失（交叉熵，每步的批量）</translation>
    </message>
    <message>
        <source>Accuracy (each step&apos;s batch)</source>
        <translation>准确率（每步的批量）</translation>
    </message>
    <message>
        <source>Rows are the queries, columns the keys, bright is more weight. Under each head: back, its mean weight one token back; induction, its mean weight on the token after the earlier copy of the query&apos;s token</source>
        <translation>行是查询，列是键，越亮表示权重越大。每个头下方：“回看”为其对前一个词元的平均权重；“归纳”为其对查询词元早先出现之处的下一个词元的平均权重</translation>
    </message>
    <message>
        <source>Hist&amp;ory:</source>
        <translation>历史(&amp;O)：</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>step 100000 of 100000</source>
        <translation>第 100000 步，共 100000 步</translation>
    </message>
    <message>
        <source>Show &amp;gradients dL/dW_Q, dL/dW_K, dL/dW_V</source>
        <translation>显示梯度 dL/dW_Q、dL/dW_K、dL/dW_V(&amp;G)</translation>
    </message>
    <message>
        <source>The gradient of the loss on the last step&apos;s batch with respect to each layer&apos;s W_Q, W_K and W_V: blue negative, red positive, each scaled to its largest magnitude</source>
        <translation>最后一步批量上的损失对每层 W_Q、W_K 和 W_V 的梯度：蓝色为负，红色为正，各自按最大绝对值缩放</translation>
    </message>
    <message>
        <source>Show &amp;in Figure</source>
        <translation>在图中显示(&amp;I)</translation>
    </message>
    <message>
        <source>Show the model as trained so far in the stage figure, with hover arithmetic and the lesson (undoable)</source>
        <translation>在计算阶段图中显示目前训练出的模型，含悬停算式和课程（可撤销）</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source> · loss %1 · accuracy %2 %</source>
        <translation> · 损失 %1 · 准确率 %2%</translation>
    </message>
    <message>
        <source> · done</source>
        <translation> · 完成</translation>
    </message>
    <message>
        <source>Attention on the task&apos;s example, %1 tokens: %2</source>
        <translation>任务示例上的注意力，%1 个词元：%2</translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation>第 %1 层</translation>
    </message>
    <message>
        <source>dL/dW_Q</source>
        <translation>dL/dW_Q</translation>
    </message>
    <message>
        <source>dL/dW_K</source>
        <translation>dL/dW_K</translation>
    </message>
    <message>
        <source>dL/dW_V</source>
        <translation>dL/dW_V</translation>
    </message>
    <message>
        <source>step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source>now (step %1)</source>
        <translation>当前（第 %1 步）</translation>
    </message>
    <message>
        <source>back %1</source>
        <translation>回看 %1</translation>
    </message>
    <message>
        <source> · induction %1</source>
        <translation> · 归纳 %1</translation>
    </message>
    <message>
        <source>head %1</source>
        <translation>头 %1</translation>
    </message>
</context>
<context>
    <name>ZoomLabel</name>
    <message>
        <source>Figure zoom: Ctrl+wheel or View menu; Ctrl+0 fits the window again.</source>
        <translation>图的缩放：Ctrl+滚轮或“视图”菜单；Ctrl+0 重新适应窗口。</translation>
    </message>
    <message>
        <source>Zoom: fit, %1 %</source>
        <translation>缩放：适应窗口，%1%</translation>
    </message>
    <message>
        <source>Zoom: %1 %</source>
        <translation>缩放：%1%</translation>
    </message>
</context>
</TS>
