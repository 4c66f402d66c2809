<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AttentionError</name>
    <message>
        <source>%1 is %2 x %3, but d_model %4 needs %4 x %4.</source>
        <translation>%1 是 %2 x %3，但 d_model 为 %4 时需要 %4 x %4。</translation>
    </message>
    <message>
        <source>%1 holds an infinite or undefined number.</source>
        <translation>%1 含有无穷大或未定义的数。</translation>
    </message>
    <message>
        <source>The scores (dot products of queries and keys) exceed float64&apos;s range (about 1.8e308), so attention cannot be computed: use smaller embeddings or weights.</source>
        <translation>注意力分数（查询与键的点积）超出了 float64 的范围（约 1.8e308），无法计算注意力：请使用更小的嵌入或权重。</translation>
    </message>
    <message>
        <source>At temperature %1 the scaled scores exceed float64&apos;s range (about 1.8e308): use a larger temperature.</source>
        <translation>温度为 %1 时，缩放后的分数超出了 float64 的范围（约 1.8e308）：请使用更高的温度。</translation>
    </message>
    <message>
        <source>The attention outputs exceed float64&apos;s range (about 1.8e308), so attention cannot be computed: use smaller embeddings or weights.</source>
        <translation>注意力输出超出了 float64 的范围（约 1.8e308），无法计算注意力：请使用更小的嵌入或权重。</translation>
    </message>
    <message>
        <source>Not enough free memory for this input: use fewer tokens, fewer heads or a smaller d_model.</source>
        <translation>可用内存不足以处理此输入：请减少词元数、头数或减小 d_model。</translation>
    </message>
    <message>
        <source>The sentence is %1 bytes long; the limit is %2 bytes.</source>
        <translation>句子长 %1 字节，上限为 %2 字节。</translation>
    </message>
    <message>
        <source>The text is empty: type at least one word.</source>
        <translation>文本为空：请至少输入一个词。</translation>
    </message>
    <message>
        <source>The sentence has no words: type at least one.</source>
        <translation>句子中没有词：请至少输入一个。</translation>
    </message>
    <message>
        <source>The sentence has more than %1 tokens; the limit is %1.</source>
        <translation>句子超过 %1 个词元，上限为 %1。</translation>
    </message>
    <message>
        <source>d_model must be from 1 to %1, not %2.</source>
        <translation>d_model 必须在 1 到 %1 之间，而不是 %2。</translation>
    </message>
    <message>
        <source>The number of heads must be at least 1, not %1.</source>
        <translation>头数至少为 1，而不是 %1。</translation>
    </message>
    <message>
        <source>%1 heads do not divide d_model %2 evenly: choose a number of heads that divides it.</source>
        <translation>%1 个头不能整除 d_model %2：请选择能整除它的头数。</translation>
    </message>
    <message>
        <source>%1 tokens with %2 heads need about %3 of memory, more than this computer can spare (%4): use fewer tokens or fewer heads.</source>
        <translation>%1 个词元、%2 个头大约需要 %3 内存，超出了这台计算机可用的内存（%4）：请减少词元数或头数。</translation>
    </message>
    <message>
        <source>The temperature must be a finite number greater than 0.</source>
        <translation>温度必须是大于 0 的有限数。</translation>
    </message>
    <message>
        <source>The weight seed must be a whole number from 0 to 4294967295, not %1.</source>
        <translation>权重随机种子必须是 0 到 4294967295 之间的整数，而不是 %1。</translation>
    </message>
    <message>
        <source>The embedding seed must be a whole number from 0 to 4294967295, not %1.</source>
        <translation>嵌入随机种子必须是 0 到 4294967295 之间的整数，而不是 %1。</translation>
    </message>
    <message>
        <source>The embedding of &quot;%1&quot; has %2 numbers, but d_model is %3.</source>
        <translation>“%1”的嵌入有 %2 个数，但 d_model 为 %3。</translation>
    </message>
    <message>
        <source>The embedding of &quot;%1&quot; holds an infinite or undefined number.</source>
        <translation>“%1”的嵌入含有无穷大或未定义的数。</translation>
    </message>
    <message>
        <source>The queries Q = X W_query exceed float64&apos;s range (about 1.8e308), so attention cannot be computed: use smaller embeddings or weights.</source>
        <translation>查询 Q = X W_query 超出了 float64 的范围（约 1.8e308），无法计算注意力：请使用更小的嵌入或权重。</translation>
    </message>
    <message>
        <source>The keys K = X W_key exceed float64&apos;s range (about 1.8e308), so attention cannot be computed: use smaller embeddings or weights.</source>
        <translation>键 K = X W_key 超出了 float64 的范围（约 1.8e308），无法计算注意力：请使用更小的嵌入或权重。</translation>
    </message>
    <message>
        <source>The values V = X W_value exceed float64&apos;s range (about 1.8e308), so attention cannot be computed: use smaller embeddings or weights.</source>
        <translation>值 V = X W_value 超出了 float64 的范围（约 1.8e308），无法计算注意力：请使用更小的嵌入或权重。</translation>
    </message>
</context>
<context>
    <name>Explanation</name>
    <message>
        <source>layer %1</source>
        <translation>第 %1 层</translation>
    </message>
    <message>
        <source>head %1</source>
        <translation>头 %1</translation>
    </message>
    <message>
        <source>head %1 uses columns %2–%3 (d_k = %4)</source>
        <translation>头 %1 使用第 %2–%3 列（d_k = %4）</translation>
    </message>
    <message numerus="yes">
        <source>%n more keys</source>
        <translation>
            <numerusform>还有 %n 个键</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2 … %3 (%4 keys)</source>
        <translation>%1、%2 … %3（%4 个键）</translation>
    </message>
    <message>
        <source>%1 · query %2 (row %3) · key %4 (column %5)</source>
        <translation>%1 · 查询 %2（第 %3 行）· 键 %4（第 %5 列）</translation>
    </message>
    <message>
        <source>token embeddings (wte)</source>
        <translation>词元嵌入（wte）</translation>
    </message>
    <message>
        <source>learned position embeddings (wpe)</source>
        <translation>学习得到的位置嵌入（wpe）</translation>
    </message>
    <message>
        <source>X = E + PE, the first layer&apos;s input</source>
        <translation>X = E + PE，第一层的输入</translation>
    </message>
    <message>
        <source>the checkpoint&apos;s c_attn</source>
        <translation>检查点中的 c_attn</translation>
    </message>
    <message>
        <source>learned token embeddings</source>
        <translation>学习得到的词元嵌入</translation>
    </message>
    <message>
        <source>learned position embeddings</source>
        <translation>学习得到的位置嵌入</translation>
    </message>
    <message>
        <source>learned on %1</source>
        <translation>在 %1 上学习</translation>
    </message>
    <message>
        <source>%1 = h · W_%1, h the layer&apos;s input</source>
        <translation>%1 = h · W_%1，h 为该层的输入</translation>
    </message>
    <message>
        <source>one row per token</source>
        <translation>每个词元一行</translation>
    </message>
    <message>
        <source>X = E + PE (sinusoidal)</source>
        <translation>X = E + PE（正弦）</translation>
    </message>
    <message>
        <source>given</source>
        <translation>给定</translation>
    </message>
    <message>
        <source>%1, seed %2</source>
        <translation>%1，随机种子 %2</translation>
    </message>
    <message>
        <source>unscaled</source>
        <translation>未缩放</translation>
    </message>
    <message>
        <source>future masked</source>
        <translation>未来位置已掩蔽</translation>
    </message>
    <message>
        <source>E · token %1 (row %2) · dimension %3</source>
        <translation>E · 词元 %1（第 %2 行）· 维度 %3</translation>
    </message>
    <message>
        <source>given literally</source>
        <translation>直接给定</translation>
    </message>
    <message>
        <source>np.random.rand, embedding seed %1</source>
        <translation>np.random.rand，嵌入随机种子 %1</translation>
    </message>
    <message>
        <source>PE · position %1 (token %2) · dimension %3</source>
        <translation>PE · 位置 %1（词元 %2）· 维度 %3</translation>
    </message>
    <message>
        <source>X · token %1 (row %2) · dimension %3</source>
        <translation>X · 词元 %1（第 %2 行）· 维度 %3</translation>
    </message>
    <message>
        <source>%1 · row %2 · column %3</source>
        <translation>%1 · 第 %2 行 · 第 %3 列</translation>
    </message>
    <message>
        <source>column %1 feeds head %2</source>
        <translation>第 %1 列属于头 %2</translation>
    </message>
    <message>
        <source>from the checkpoint&apos;s c_attn (layer %1)</source>
        <translation>来自检查点的 c_attn（第 %1 层）</translation>
    </message>
    <message>
        <source>%1 init, weight seed %2</source>
        <translation>%1 初始化，权重随机种子 %2</translation>
    </message>
    <message>
        <source>%1 · token %2 (row %3) · column %4%5</source>
        <translation>%1 · 词元 %2（第 %3 行）· 第 %4 列%5</translation>
    </message>
    <message>
        <source>scores</source>
        <translation>注意力分数</translation>
    </message>
    <message>
        <source>masked in the next step: key comes after the query</source>
        <translation>下一步中被掩蔽：键位于查询之后</translation>
    </message>
    <message>
        <source>scaled scores</source>
        <translation>缩放后的分数</translation>
    </message>
    <message>
        <source>masked (causal): key %1 comes after query %2, so the score is %3 and its weight 0</source>
        <translation>已掩蔽（因果）：键 %1 位于查询 %2 之后，因此分数为 %3，权重为 0</translation>
    </message>
    <message>
        <source>temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>attention weight</source>
        <translation>注意力权重</translation>
    </message>
    <message>
        <source>masked (causal): key comes after the query, weight = %1</source>
        <translation>已掩蔽（因果）：键位于查询之后，权重 = %1</translation>
    </message>
    <message>
        <source>output · token %1 (row %2) · column %3%4</source>
        <translation>输出 · 词元 %1（第 %2 行）· 第 %3 列%4</translation>
    </message>
    <message>
        <source>entropy of the attention of query %1 (row %2)%3</source>
        <translation>查询 %1（第 %2 行）注意力的熵%3</translation>
    </message>
    <message>
        <source>0 = all weight on one key; ln %1 = %2 = spread evenly over the %1 keys it sees</source>
        <translation>0 = 全部权重集中在一个键上；ln %1 = %2 = 均匀分布在它可见的 %1 个键上</translation>
    </message>
    <message>
        <source>larger scores (no √%1 scaling, a lower temperature) make it smaller</source>
        <translation>更大的分数（不除以 √%1、更低的温度）会使它变小</translation>
    </message>
    <message numerus="yes">
        <source>%n token</source>
        <translation>
            <numerusform>%n 个词元</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tokens</source>
        <translation>
            <numerusform>%n 个词元</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n vocabulary word</source>
        <translation>
            <numerusform>词表中 %n 个词</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n vocabulary words</source>
        <translation>
            <numerusform>词表中 %n 个词</numerusform>
        </translation>
    </message>
    <message>
        <source>query token %1 %2 → vocabulary entry %3%4</source>
        <translation>查询词元 %1 %2 → 词表条目 %3%4</translation>
    </message>
    <message>
        <source>(shared by %1 tokens)</source>
        <translation>（由 %1 个词元共用）</translation>
    </message>
    <message>
        <source>x_i = e_i (row i of E)</source>
        <translation>x_i = e_i（E 的第 i 行）</translation>
    </message>
    <message>
        <source>(the preset gives this vector)</source>
        <translation>（预设给定了此向量）</translation>
    </message>
    <message>
        <source>(drawn at random, embedding seed %1)</source>
        <translation>（随机生成，嵌入随机种子 %1）</translation>
    </message>
    <message>
        <source>q_i[%1] = x_i %2 column %1 of W_Q</source>
        <translation>q_i[%1] = x_i %2 W_Q 的第 %1 列</translation>
    </message>
    <message>
        <source>(scaling off)</source>
        <translation>（未缩放）</translation>
    </message>
    <message>
        <source>causal: keys after the query → −∞</source>
        <translation>因果：查询之后的键 → −∞</translation>
    </message>
    <message>
        <source>%1: after the query, masked = −∞</source>
        <translation>%1：位于查询之后，掩蔽为 −∞</translation>
    </message>
    <message>
        <source>row of %1: max = %2, Σ exp(s − max) = %3</source>
        <translation>%1 所在行：max = %2，Σ exp(s − max) = %3</translation>
    </message>
    <message>
        <source>the weights add up to %1</source>
        <translation>权重之和为 %1</translation>
    </message>
    <message>
        <source>= head %1’s share of out(%2): its columns %3–%4</source>
        <translation>= 头 %1 在 out(%2) 中的部分：第 %3–%4 列</translation>
    </message>
    <message>
        <source>over the %1 numbers of x_i</source>
        <translation>对 x_i 的 %1 个数</translation>
    </message>
    <message>
        <source>(the row step 3 multiplies by W_Q, W_K and W_V)</source>
        <translation>（第 3 步中与 W_Q、W_K、W_V 相乘的那一行）</translation>
    </message>
    <message>
        <source>i = %1, out_i: the heads side by side (step 7)</source>
        <translation>i = %1，out_i：各个头并排拼接（第 7 步）</translation>
    </message>
    <message>
        <source>a_i[0] = out_i %1 column 0 of W_O + b_O[0]</source>
        <translation>a_i[0] = out_i %1 W_O 的第 0 列 + b_O[0]</translation>
    </message>
    <message>
        <source>i = %1, %2 → %3 → %2 numbers</source>
        <translation>i = %1，%2 → %3 → %2 个数</translation>
    </message>
    <message>
        <source>strongest unit %1: a = %2, gelu = ½ %3 %4 (1 + tanh(%5)) = %6</source>
        <translation>最强的单元 %1：a = %2，gelu = ½ %3 %4 (1 + tanh(%5)) = %6</translation>
    </message>
    <message>
        <source>last token %1, after all %2 layers (this is layer %3)</source>
        <translation>最后一个词元 %1，经过全部 %2 层之后（当前为第 %3 层）</translation>
    </message>
    <message>
        <source>last token %1, after the last layer (%2)</source>
        <translation>最后一个词元 %1，经过最后一层之后（%2）</translation>
    </message>
    <message>
        <source>LN_f of x_last</source>
        <translation>x_last 的 LN_f</translation>
    </message>
    <message>
        <source>over all %1 tokens: max = %2, Σ exp(l − max) = %3</source>
        <translation>对全部 %1 个词元：max = %2，Σ exp(l − max) = %3</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <extracomment>Two counts: the tokens, then the vocabulary&apos;s words.</extracomment>
        <translation>%1，%2</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Unknown panel &quot;%1&quot;; the panels are: %2.</source>
        <translation>未知的面板“%1”；可用的面板有：%2。</translation>
    </message>
    <message>
        <source>The panel &quot;%1&quot; (%2) exists only with positional encoding.</source>
        <translation>面板“%1”（%2）仅在使用位置编码时存在。</translation>
    </message>
    <message>
        <source>Unknown colour map &quot;%1&quot;; the colour maps are: %2.</source>
        <translation>未知的颜色映射“%1”；可用的颜色映射有：%2。</translation>
    </message>
    <message>
        <source>There is no head %1: the configuration has %2.</source>
        <translation>不存在头 %1：该配置只有 %2 个头。</translation>
    </message>
    <message>
        <source>There is no layer %1.</source>
        <translation>不存在第 %1 层。</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: the name must end in .png, .svg or .pdf.</source>
        <translation>无法写入“%1”：文件名必须以 .png、.svg 或 .pdf 结尾。</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: the scale must be above 0 and at most 16.</source>
        <translation>无法写入“%1”：缩放比例必须大于 0 且不超过 16。</translation>
    </message>
    <message>
        <source>There is no layer %1: the result has %2.</source>
        <translation>不存在第 %1 层：结果只有 %2 层。</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: there is nothing to draw.</source>
        <translation>无法写入“%1”：没有可绘制的内容。</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: not enough memory for a %2 × %3 pixel image.</source>
        <translation>无法写入“%1”：内存不足，无法生成 %2 × %3 像素的图像。</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: the PNG encoder failed.</source>
        <translation>无法写入“%1”：PNG 编码失败。</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: the panel &quot;%2&quot; exists only with positional encoding.</source>
        <translation>无法写入“%1”：面板“%2”仅在使用位置编码时存在。</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: there is no layer %2.</source>
        <translation>无法写入“%1”：不存在第 %2 层。</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: there is no head %2.</source>
        <translation>无法写入“%1”：不存在头 %2。</translation>
    </message>
    <message>
        <source>Self-attention in %1 steps: %2</source>
        <translation>分 %1 步讲解自注意力：%2</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: a lesson is exported as .pdf.</source>
        <translation>无法写入“%1”：课程只能导出为 .pdf。</translation>
    </message>
</context>
<context>
    <name>FigureText</name>
    <message>
        <source>head %1</source>
        <translation>头 %1</translation>
    </message>
    <message>
        <source>row min</source>
        <translation>行最小值</translation>
    </message>
    <message>
        <source>row max</source>
        <translation>行最大值</translation>
    </message>
    <message>
        <source>no given vector: drawn from seed %1</source>
        <translation>无给定向量：由随机种子 %1 生成</translation>
    </message>
    <message numerus="yes">
        <source>%n tokens</source>
        <translation>
            <numerusform>%n 个词元</numerusform>
        </translation>
    </message>
    <message>
        <source>1 head</source>
        <translation>1 个头</translation>
    </message>
    <message>
        <source>%1 heads (d_k %2)</source>
        <translation>%1 个头（d_k %2）</translation>
    </message>
    <message>
        <source>weight seed %1</source>
        <translation>权重随机种子 %1</translation>
    </message>
    <message>
        <source>embedding seed %1</source>
        <translation>嵌入随机种子 %1</translation>
    </message>
    <message>
        <source>positional</source>
        <translation>位置编码</translation>
    </message>
    <message>
        <source>scaled</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>unscaled</source>
        <translation>未缩放</translation>
    </message>
    <message>
        <source>causal</source>
        <translation>因果</translation>
    </message>
    <message>
        <source>%1 row %2</source>
        <translation>%1 第 %2 行</translation>
    </message>
    <message>
        <source>token %1 (key %2): click to select it as the key</source>
        <translation>词元 %1（键 %2）：单击将其选为键</translation>
    </message>
    <message>
        <source>token %1 (query %2): click to select it as the query</source>
        <translation>词元 %1（查询 %2）：单击将其选为查询</translation>
    </message>
    <message>
        <source>%1 column %2</source>
        <translation>%1 第 %2 列</translation>
    </message>
</context>
<context>
    <name>Gpt2Error</name>
    <message>
        <source>The GPT-2 configuration %1 has no %2.</source>
        <translation>GPT-2 配置 %1 中没有 %2。</translation>
    </message>
    <message>
        <source>The GPT-2 configuration %1 gives %2 as %3, not a whole number from 1 to %4.</source>
        <translation>GPT-2 配置 %1 将 %2 设为 %3，而不是 1 到 %4 之间的整数。</translation>
    </message>
    <message>
        <source>The GPT-2 configuration %1 is not valid JSON.</source>
        <translation>GPT-2 配置 %1 不是有效的 JSON。</translation>
    </message>
    <message>
        <source>The GPT-2 configuration %1 is not a JSON object.</source>
        <translation>GPT-2 配置 %1 不是 JSON 对象。</translation>
    </message>
    <message>
        <source>The configuration %1 is for a model of type %2, not a GPT-2 model (&quot;gpt2&quot;).</source>
        <translation>配置 %1 属于类型为 %2 的模型，而不是 GPT-2 模型（&quot;gpt2&quot;）。</translation>
    </message>
    <message>
        <source>The GPT-2 configuration %1 cannot be read.</source>
        <translation>无法读取 GPT-2 配置 %1。</translation>
    </message>
    <message>
        <source>The GPT-2 checkpoint %1 has no tensor %2.</source>
        <translation>GPT-2 检查点 %1 中没有张量 %2。</translation>
    </message>
    <message>
        <source>The GPT-2 checkpoint %1 gives %2 the shape %3, but the configuration needs %4.</source>
        <translation>GPT-2 检查点 %1 中 %2 的形状为 %3，但配置要求 %4。</translation>
    </message>
    <message>
        <source>The GPT-2 checkpoint %1 holds an infinite or undefined number in %2.</source>
        <translation>GPT-2 检查点 %1 的 %2 中含有无穷大或未定义的数。</translation>
    </message>
    <message>
        <source>There is no token to run GPT-2 on.</source>
        <translation>没有可供 GPT-2 处理的词元。</translation>
    </message>
    <message>
        <source>The text is %1 tokens long, more than the %2 tokens GPT-2 can read at once.</source>
        <translation>文本长 %1 个词元，超过了 GPT-2 一次最多能读取的 %2 个词元。</translation>
    </message>
    <message>
        <source>The GPT-2 vocabulary %1 cannot be read.</source>
        <translation>无法读取 GPT-2 词表 %1。</translation>
    </message>
    <message>
        <source>The GPT-2 merges %1 cannot be read.</source>
        <translation>无法读取 GPT-2 合并规则文件 %1。</translation>
    </message>
    <message>
        <source>The GPT-2 tokenizer %1 cannot be read.</source>
        <translation>无法读取 GPT-2 分词器 %1。</translation>
    </message>
    <message>
        <source>The GPT-2 configuration %1 asks for the activation %2, but only GPT-2&apos;s gelu_new is computed.</source>
        <translation>GPT-2 配置 %1 要求使用激活函数 %2，但这里只计算 GPT-2 的 gelu_new。</translation>
    </message>
    <message>
        <source>The GPT-2 configuration %1 turns off the scaling of attention scores, which GPT-2 always applies.</source>
        <translation>GPT-2 配置 %1 关闭了注意力分数的缩放，而 GPT-2 总是进行缩放。</translation>
    </message>
    <message>
        <source>The GPT-2 configuration %1 scales attention by the inverse layer index, which GPT-2 does not.</source>
        <translation>GPT-2 配置 %1 按层索引的倒数缩放注意力，而 GPT-2 并不这样做。</translation>
    </message>
    <message>
        <source>The GPT-2 configuration %1 gives layer_norm_epsilon as %2, not a number between 0 and 1.</source>
        <translation>GPT-2 配置 %1 将 layer_norm_epsilon 设为 %2，而不是 0 到 1 之间的数。</translation>
    </message>
    <message>
        <source>The GPT-2 configuration %1 splits n_embd %2 over %3 heads, which does not divide it.</source>
        <translation>GPT-2 配置 %1 把 n_embd %2 分给 %3 个头，但头数不能整除它。</translation>
    </message>
    <message>
        <source>The GPT-2 checkpoint %1 stores %2 as %3, not as F32, F16, BF16 or F64.</source>
        <translation>GPT-2 检查点 %1 以 %3 存储 %2，而不是 F32、F16、BF16 或 F64。</translation>
    </message>
    <message>
        <source>The model&apos;s numbers grow past float32&apos;s range on this text: its weights cannot be right.</source>
        <translation>在这段文本上，模型的数值超出了 float32 的范围：它的权重不可能正确。</translation>
    </message>
    <message>
        <source>The token id %1 is not in GPT-2&apos;s vocabulary of %2 tokens.</source>
        <translation>词元 ID %1 不在 GPT-2 含 %2 个词元的词表中。</translation>
    </message>
    <message>
        <source>GPT-2 has no layer %1: its layers are 0 to %2.</source>
        <translation>GPT-2 没有第 %1 层：它的层编号为 0 到 %2。</translation>
    </message>
    <message>
        <source>The temperature must be a number above 0.</source>
        <translation>温度必须是大于 0 的数。</translation>
    </message>
    <message>
        <source>The number of tokens to generate must be at least 0.</source>
        <translation>要生成的词元数至少为 0。</translation>
    </message>
    <message>
        <source>The text has no tokens: type at least one character.</source>
        <translation>文本中没有词元：请至少输入一个字符。</translation>
    </message>
    <message>
        <source>The text is %1 tokens long; this model reads at most %2.</source>
        <translation>文本长 %1 个词元；该模型最多读取 %2 个。</translation>
    </message>
    <message>
        <source>The GPT-2 configuration is not valid: every size must be positive and the heads must divide n_embd.</source>
        <translation>GPT-2 配置无效：每个大小都必须为正数，并且头数必须整除 n_embd。</translation>
    </message>
    <message>
        <source>The GPT-2 weight %1 does not have the shape the configuration needs.</source>
        <translation>GPT-2 权重 %1 的形状与配置要求的不符。</translation>
    </message>
    <message>
        <source>There are %1 token texts for %2 tokens.</source>
        <translation>%2 个词元却有 %1 段词元文本。</translation>
    </message>
    <message>
        <source>The GPT-2 vocabulary %1 is not a JSON object of tokens and ids.</source>
        <translation>GPT-2 词表 %1 不是由词元及其 ID 组成的 JSON 对象。</translation>
    </message>
    <message>
        <source>The GPT-2 vocabulary %1 holds no token.</source>
        <translation>GPT-2 词表 %1 不含任何词元。</translation>
    </message>
    <message>
        <source>The GPT-2 vocabulary %1 gives a token the id %2, not a whole number from 0 to %3.</source>
        <translation>GPT-2 词表 %1 给一个词元的 ID 是 %2，而不是 0 到 %3 之间的整数。</translation>
    </message>
    <message>
        <source>The GPT-2 vocabulary %1 holds an empty token.</source>
        <translation>GPT-2 词表 %1 含有一个空词元。</translation>
    </message>
    <message>
        <source>The GPT-2 vocabulary %1 gives the id %2 to two tokens.</source>
        <translation>GPT-2 词表 %1 把 ID %2 分给了两个词元。</translation>
    </message>
    <message>
        <source>The GPT-2 vocabulary %1 has no token for the byte %2, which every byte-level vocabulary needs.</source>
        <translation>GPT-2 词表 %1 缺少字节 %2 的词元，而每个字节级词表都需要它。</translation>
    </message>
    <message>
        <source>The GPT-2 merges %1 merge, on line %2, tokens that are not both in the vocabulary, or whose merge is not.</source>
        <translation>GPT-2 合并规则文件 %1 第 %2 行合并的两个词元并不都在词表中，或者合并结果不在词表中。</translation>
    </message>
    <message>
        <source>The GPT-2 merges %1 has a line %2 that is not two tokens separated by one space.</source>
        <translation>GPT-2 合并规则文件 %1 的第 %2 行不是用一个空格隔开的两个词元。</translation>
    </message>
    <message>
        <source>The GPT-2 vocabulary %1 is not valid JSON.</source>
        <translation>GPT-2 词表 %1 不是有效的 JSON。</translation>
    </message>
    <message>
        <source>The GPT-2 tokenizer %1 is not valid JSON.</source>
        <translation>GPT-2 分词器 %1 不是有效的 JSON。</translation>
    </message>
    <message>
        <source>The GPT-2 tokenizer %1 is not a JSON object.</source>
        <translation>GPT-2 分词器 %1 不是 JSON 对象。</translation>
    </message>
    <message>
        <source>The GPT-2 tokenizer %1 has no model.</source>
        <translation>GPT-2 分词器 %1 没有 model。</translation>
    </message>
    <message>
        <source>The GPT-2 tokenizer %1 describes a %2 model, not GPT-2&apos;s BPE.</source>
        <translation>GPT-2 分词器 %1 描述的是 %2 模型，而不是 GPT-2 的 BPE。</translation>
    </message>
    <message>
        <source>The GPT-2 tokenizer %1 has no model.vocab and model.merges.</source>
        <translation>GPT-2 分词器 %1 没有 model.vocab 和 model.merges。</translation>
    </message>
    <message>
        <source>The GPT-2 tokenizer %1 has a merge (number %2) that is not two tokens separated by one space.</source>
        <translation>GPT-2 分词器 %1 的第 %2 条合并规则不是用一个空格隔开的两个词元。</translation>
    </message>
    <message>
        <source>The GPT-2 tokenizer %1 has a merge (number %2) that is not a pair of tokens.</source>
        <translation>GPT-2 分词器 %1 的第 %2 条合并规则不是一对词元。</translation>
    </message>
    <message>
        <source>The folder %1 holds no GPT-2 tokenizer: neither tokenizer.json, nor vocab.json and merges.txt, nor encoder.json and vocab.bpe.</source>
        <translation>文件夹 %1 中没有 GPT-2 分词器：既没有 tokenizer.json，也没有 vocab.json 和 merges.txt，也没有 encoder.json 和 vocab.bpe。</translation>
    </message>
    <message>
        <source>The token id %1 is not in the GPT-2 vocabulary.</source>
        <translation>词元 ID %1 不在 GPT-2 词表中。</translation>
    </message>
</context>
<context>
    <name>HeadView</name>
    <message>
        <source>query (attends)</source>
        <translation>查询（施加注意力）</translation>
    </message>
    <message>
        <source>key (attended to)</source>
        <translation>键（被关注）</translation>
    </message>
</context>
<context>
    <name>ImportError</name>
    <message>
        <source>The file holds no word vectors: each line should be a word followed by its numbers.</source>
        <translation>文件中没有词向量：每行应为一个词，后跟它的各个数。</translation>
    </message>
    <message>
        <source>The header says %1 numbers per word, but the lines have %2: correct or delete the first line.</source>
        <translation>文件头声明每个词有 %1 个数，但各行有 %2 个：请更正或删除第一行。</translation>
    </message>
    <message>
        <source>The vectors have %1 numbers; d_model must be from 1 to %2.</source>
        <translation>向量有 %1 个数；d_model 必须在 1 到 %2 之间。</translation>
    </message>
    <message>
        <source>The lines disagree too often on how many numbers a word has (%1 different counts) to be read in one pass; most have %2: remove the others.</source>
        <translation>各行中每个词的数值个数分歧太多（%1 种不同的个数），无法一次读完；大多数行有 %2 个：请删除其他行。</translation>
    </message>
</context>
<context>
    <name>Lesson</name>
    <message>
        <source>Tokens: the sentence split into words</source>
        <translation>词元：把句子切分成词</translation>
    </message>
    <message>
        <source>Embeddings: a vector of numbers for every token</source>
        <translation>嵌入：每个词元对应一个数值向量</translation>
    </message>
    <message>
        <source>Projections: a query, a key and a value for every token</source>
        <translation>投影：每个词元的查询、键和值</translation>
    </message>
    <message>
        <source>Scores: how well each query matches each key</source>
        <translation>注意力分数：每个查询与每个键的匹配程度</translation>
    </message>
    <message>
        <source>Scaling: dividing the scores by √d_k</source>
        <translation>缩放：将分数除以 √d_k</translation>
    </message>
    <message>
        <source>Softmax: turning scores into weights</source>
        <translation>Softmax：把分数变成权重</translation>
    </message>
    <message>
        <source>Weighted sum: mixing the values</source>
        <translation>加权和：对值进行加权组合</translation>
    </message>
    <message>
        <source>Layer norm: what attention reads</source>
        <translation>层规范化：注意力读取的输入</translation>
    </message>
    <message>
        <source>Output projection and residual</source>
        <translation>输出投影与残差连接</translation>
    </message>
    <message>
        <source>MLP: each token on its own</source>
        <translation>多层感知机：逐个词元独立计算</translation>
    </message>
    <message>
        <source>Logits: the next token</source>
        <translation>logits：下一个词元</translation>
    </message>
    <message>
        <source>The sentence is split at its spaces into tokens, the pieces the model reads. Every different word gets one entry in the vocabulary, so a repeated word shares its entry. We follow one token, the query (highlighted), through every step.</source>
        <translation>句子按空格切分成词元，即模型读取的基本单位。每个不同的词在词表中占一个条目，因此重复出现的词共用同一个条目。我们跟随其中一个词元，即查询（高亮显示），走完每一步。</translation>
    </message>
    <message>
        <source>Each vocabulary word owns a list of d_model numbers, its embedding: one row of E per token. A sinusoidal positional encoding is added, so the same word at two positions gets different rows of X.</source>
        <translation>词表中的每个词都有一个由 d_model 个数组成的向量，即它的嵌入：每个词元对应 E 的一行。再加上正弦位置编码，于是同一个词出现在两个位置时，得到的 X 的行也不同。</translation>
    </message>
    <message>
        <source>Each vocabulary word owns a list of d_model numbers, its embedding: one row of E per token. Tokens that are the same word get the same row. A real model learns these numbers; here they are given or drawn at random.</source>
        <translation>词表中的每个词都有一个由 d_model 个数组成的向量，即它的嵌入：每个词元对应 E 的一行。同一个词的词元得到同样的行。真实的模型会学习这些数；这里它们是给定的或随机生成的。</translation>
    </message>
    <message>
        <source>Each token&apos;s row is multiplied by three weight matrices. That gives its query (what the token is looking for), its key (what it offers to others) and its value (what it passes on when chosen).</source>
        <translation>每个词元的行分别乘以三个权重矩阵，得到它的查询（该词元在寻找什么）、键（它向其他词元提供什么）和值（被选中时它传递什么）。</translation>
    </message>
    <message>
        <source>To decide where to look, the query of a token is compared with the key of every token by a dot product: multiply matching numbers, then add them up. A large score means the key matches the query well.</source>
        <translation>为了决定关注哪里，用点积把一个词元的查询与每个词元的键进行比较：对应位置的数相乘，再求和。分数越大，说明键与查询越匹配。</translation>
    </message>
    <message>
        <source>Dot products grow with the number of dimensions, so every score is divided by √d_k. That keeps the softmax of the next step from becoming too sharp.</source>
        <translation>点积会随维度增大而变大，因此每个分数都除以 √d_k，以免下一步的 softmax 变得过于尖锐。</translation>
    </message>
    <message>
        <source>Scaling by √d_k is switched off here, so the scores pass on unchanged.</source>
        <translation>这里关闭了除以 √d_k 的缩放，分数原样传递下去。</translation>
    </message>
    <message>
        <source>Dividing by the temperature T = %1 makes the weights sharper.</source>
        <translation>除以温度 T = %1 会使权重更集中。</translation>
    </message>
    <message>
        <source>Dividing by the temperature T = %1 makes the weights flatter.</source>
        <translation>除以温度 T = %1 会使权重更平缓。</translation>
    </message>
    <message>
        <source>The causal mask hides every key after the query: its score becomes −∞, so the token cannot look ahead.</source>
        <translation>因果掩码遮住查询之后的每个键：其分数变为 −∞，因此词元无法看到后面的内容。</translation>
    </message>
    <message>
        <source>Softmax turns each row of scores into weights between 0 and 1 that add up to 1: the larger a score, the larger its weight. Subtracting the row&apos;s maximum first changes nothing but keeps exp() from overflowing.</source>
        <translation>softmax 把每一行分数变成介于 0 和 1 之间、总和为 1 的权重：分数越大，权重越大。先减去该行的最大值不会改变结果，但可以防止 exp() 溢出。</translation>
    </message>
    <message>
        <source>The output of a token is the weighted sum of every token&apos;s value, using its softmax weights. Tokens whose key matched the query well contribute the most. This new row is the token, now informed by its context.</source>
        <translation>一个词元的输出是所有词元的值按其 softmax 权重的加权和。键与查询越匹配的词元贡献越大。这一新行就是融入了上下文信息的该词元。</translation>
    </message>
    <message>
        <source>Before step 3, GPT-2 normalises each token&apos;s row of the residual stream x: subtract its mean, divide by its standard deviation, then scale and shift every dimension by learned γ and β (ln_1). The result is the row the projections read.</source>
        <translation>在第 3 步之前，GPT-2 对残差流 x 中每个词元的行做规范化：减去均值，除以标准差，再用学习得到的 γ 和 β 对每个维度缩放和平移（ln_1）。结果就是投影所读取的行。</translation>
    </message>
    <message>
        <source>The heads&apos; outputs side by side are mixed by one more matrix, W_O (c_proj), and added to the residual stream: attention only adds to x, it never replaces it.</source>
        <translation>各个头的输出并排拼接后，再经过一个矩阵 W_O（c_proj）混合，并加到残差流上：注意力只是在 x 上做加法，从不取代它。</translation>
    </message>
    <message>
        <source>Then each token alone goes through the MLP: a second layer norm, four times as many hidden numbers through GELU, and back to d_model. That is added to the stream too: the layer&apos;s output, the next layer&apos;s x.</source>
        <translation>随后每个词元各自通过多层感知机：第二次层规范化，经 GELU 变换为四倍数量的隐藏数值，再映射回 d_model。结果同样加到残差流上：这就是该层的输出，也是下一层的 x。</translation>
    </message>
    <message>
        <source>After the last layer, the last token&apos;s row is normalised once more (ln_f) and compared by a dot product with every token&apos;s embedding: one logit per token of the vocabulary. Softmax turns the logits into the probabilities of the next token.</source>
        <translation>经过最后一层后，最后一个词元的行再做一次规范化（ln_f），并与每个词元的嵌入做点积比较：词表中每个词元得到一个 logit。softmax 把这些 logits 变成下一个词元的概率。</translation>
    </message>
    <message>
        <source>the residual stream entering the layer</source>
        <translation>进入该层的残差流</translation>
    </message>
    <message>
        <source>ln_1(x): the layer&apos;s input</source>
        <translation>ln_1(x)：该层的输入</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>x″ = x′ + m: the layer&apos;s output</source>
        <translation>x″ = x′ + m：该层的输出</translation>
    </message>
    <message>
        <source>softmax over the vocabulary</source>
        <translation>在词表上做 softmax</translation>
    </message>
    <message>
        <source>Step %1 of %2 · %3</source>
        <extracomment>The lesson&apos;s title: the step, how many there are, the step&apos;s own title.</extracomment>
        <translation>第 %1 步，共 %2 步 · %3</translation>
    </message>
    <message>
        <source>no room for %1</source>
        <extracomment>Panels of earlier steps left out of the strip: their names.</extracomment>
        <translation>放不下 %1</translation>
    </message>
    <message>
        <source>Earlier steps, dimmed · the marked row is the query token</source>
        <translation>前面的步骤（淡显）· 标出的行是查询词元</translation>
    </message>
    <message>
        <source>Earlier steps, dimmed</source>
        <translation>前面的步骤（淡显）</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <extracomment>The number of a word&apos;s entry in the vocabulary.</extracomment>
        <translation>词表</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>词元</translation>
    </message>
    <message>
        <source>position → entry</source>
        <translation>位置 → 条目</translation>
    </message>
    <message>
        <source>Nothing to show yet: type a sentence.</source>
        <translation>暂无内容：请输入一个句子。</translation>
    </message>
    <message numerus="yes">
        <source>%n more lines</source>
        <translation>
            <numerusform>还有 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>entry</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>showing %1 of %2 tokens, %3 of %4 words</source>
        <translation>显示 %2 个词元中的 %1 个、%4 个词中的 %3 个</translation>
    </message>
    <message>
        <source>Embeddings: a vector for every token</source>
        <extracomment>The embeddings step&apos;s title where the long one has no room.</extracomment>
        <translation>嵌入：每个词元一个向量</translation>
    </message>
    <message>
        <source>Projections: Q, K and V for every token</source>
        <extracomment>The projections step&apos;s title where the long one has no room.</extracomment>
        <translation>投影：每个词元的 Q、K 和 V</translation>
    </message>
    <message>
        <source>Scores: each query against each key</source>
        <extracomment>The scores step&apos;s title where the long one has no room.</extracomment>
        <translation>注意力分数：每个查询对每个键</translation>
    </message>
</context>
<context>
    <name>Panel</name>
    <message>
        <source>token embeddings</source>
        <translation>词元嵌入</translation>
    </message>
    <message>
        <source>positional encoding</source>
        <translation>位置编码</translation>
    </message>
    <message>
        <source>inputs, E + PE</source>
        <translation>输入，E + PE</translation>
    </message>
    <message>
        <source>query weights</source>
        <translation>查询权重</translation>
    </message>
    <message>
        <source>key weights</source>
        <translation>键权重</translation>
    </message>
    <message>
        <source>value weights</source>
        <translation>值权重</translation>
    </message>
    <message>
        <source>queries</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>keys</source>
        <translation>键</translation>
    </message>
    <message>
        <source>values</source>
        <translation>值</translation>
    </message>
    <message>
        <source>scores</source>
        <translation>注意力分数</translation>
    </message>
    <message>
        <source>raw scores, Q Kᵀ</source>
        <translation>原始分数，Q Kᵀ</translation>
    </message>
    <message>
        <source>scaled scores</source>
        <translation>缩放后的分数</translation>
    </message>
    <message>
        <source>scores ÷ √d_k</source>
        <translation>分数 ÷ √d_k</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>注意力权重</translation>
    </message>
    <message>
        <source>softmax of each row</source>
        <translation>逐行 softmax</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>attention output</source>
        <translation>注意力输出</translation>
    </message>
</context>
<context>
    <name>SafetensorsError</name>
    <message>
        <source>The safetensors file %1 cannot be opened (%2).</source>
        <translation>无法打开 safetensors 文件 %1（%2）。</translation>
    </message>
    <message>
        <source>The safetensors file %1 is not a regular file.</source>
        <translation>safetensors 文件 %1 不是普通文件。</translation>
    </message>
    <message>
        <source>The safetensors file %1 is %2 bytes long, shorter than the 8-byte header length it must begin with.</source>
        <translation>safetensors 文件 %1 长 %2 字节，比文件开头必须有的 8 字节头部长度字段还短。</translation>
    </message>
    <message>
        <source>The safetensors file %1 is too large to map into memory.</source>
        <translation>safetensors 文件 %1 太大，无法映射到内存。</translation>
    </message>
    <message>
        <source>The safetensors file %1 cannot be mapped into memory (%2).</source>
        <translation>无法将 safetensors 文件 %1 映射到内存（%2）。</translation>
    </message>
    <message>
        <source>The safetensors file %1 declares a header of %2 bytes but holds only %3 bytes after the header length.</source>
        <translation>safetensors 文件 %1 声明头部有 %2 字节，但头部长度字段之后只有 %3 字节。</translation>
    </message>
    <message>
        <source>The safetensors file %1 declares a header of %2 bytes, more than the %3 a header may have.</source>
        <translation>safetensors 文件 %1 声明头部有 %2 字节，超过了头部允许的 %3 字节。</translation>
    </message>
    <message>
        <source>The safetensors file %1 has a header nested deeper than a tensor list can be.</source>
        <translation>safetensors 文件 %1 的头部嵌套层数超过了张量列表可能的深度。</translation>
    </message>
    <message>
        <source>The safetensors file %1 has a header that is not valid JSON (at byte %2 of the header).</source>
        <translation>safetensors 文件 %1 的头部不是有效的 JSON（位于头部第 %2 字节）。</translation>
    </message>
    <message>
        <source>The safetensors file %1 has a header that is not valid JSON.</source>
        <translation>safetensors 文件 %1 的头部不是有效的 JSON。</translation>
    </message>
    <message>
        <source>The safetensors file %1 has a header that is not a JSON object.</source>
        <translation>safetensors 文件 %1 的头部不是 JSON 对象。</translation>
    </message>
    <message>
        <source>The safetensors file %1 has a __metadata__ entry that is not an object.</source>
        <translation>safetensors 文件 %1 的 __metadata__ 条目不是对象。</translation>
    </message>
    <message>
        <source>The safetensors file %1 has a __metadata__ entry %2 that is not a string.</source>
        <translation>safetensors 文件 %1 的 __metadata__ 条目 %2 不是字符串。</translation>
    </message>
    <message>
        <source>The safetensors file %1 gives tensor %2 a description that is not an object.</source>
        <translation>safetensors 文件 %1 中张量 %2 的描述不是对象。</translation>
    </message>
    <message>
        <source>The safetensors file %1 gives tensor %2 no dtype.</source>
        <translation>safetensors 文件 %1 没有给出张量 %2 的 dtype。</translation>
    </message>
    <message>
        <source>The safetensors file %1 gives tensor %2 the unknown dtype %3.</source>
        <translation>safetensors 文件 %1 给张量 %2 指定了未知的 dtype %3。</translation>
    </message>
    <message>
        <source>The safetensors file %1 gives tensor %2 no shape.</source>
        <translation>safetensors 文件 %1 没有给出张量 %2 的形状（shape）。</translation>
    </message>
    <message>
        <source>The safetensors file %1 gives tensor %2 a shape whose extents are not all whole numbers of at least zero.</source>
        <translation>safetensors 文件 %1 给张量 %2 的形状中，并非每个维度的大小都是不小于零的整数。</translation>
    </message>
    <message>
        <source>The safetensors file %1 gives tensor %2 a shape too large for any file.</source>
        <translation>safetensors 文件 %1 给张量 %2 的形状太大，任何文件都容纳不下。</translation>
    </message>
    <message>
        <source>The safetensors file %1 gives tensor %2 no data_offsets of two whole numbers.</source>
        <translation>safetensors 文件 %1 没有给张量 %2 提供由两个整数组成的 data_offsets。</translation>
    </message>
    <message>
        <source>The safetensors file %1 gives tensor %2 the offsets [%3, %4], which begin after they end.</source>
        <translation>safetensors 文件 %1 给张量 %2 的偏移量 [%3, %4] 起点在终点之后。</translation>
    </message>
    <message>
        <source>The safetensors file %1 gives tensor %2 the offsets [%3, %4], past the end of its %5 bytes of data.</source>
        <translation>safetensors 文件 %1 给张量 %2 的偏移量 [%3, %4] 超出了文件中 %5 字节数据的末尾。</translation>
    </message>
    <message>
        <source>The safetensors file %1 gives tensor %2 %3 bytes, but its shape %4 of %5 needs more than any file holds.</source>
        <translation>safetensors 文件 %1 给张量 %2 分配了 %3 字节，但它的形状 %4（%5）需要的字节数超过任何文件的容量。</translation>
    </message>
    <message>
        <source>The safetensors file %1 gives tensor %2 %3 bytes, but its shape %4 of %5 needs %6.</source>
        <translation>safetensors 文件 %1 给张量 %2 分配了 %3 字节，但它的形状 %4（%5）需要 %6 字节。</translation>
    </message>
    <message>
        <source>The safetensors file %1 stores tensors %2 and %3 in overlapping bytes.</source>
        <translation>safetensors 文件 %1 中张量 %2 和 %3 占用的字节相互重叠。</translation>
    </message>
    <message>
        <source>The safetensors file %1 stores tensor %2 as %3, not as floating-point numbers (F32, F16, BF16 or F64).</source>
        <translation>safetensors 文件 %1 将张量 %2 存储为 %3，而不是浮点数（F32、F16、BF16 或 F64）。</translation>
    </message>
</context>
<context>
    <name>TrainingError</name>
    <message>
        <source>Unknown task &quot;%1&quot;; the tasks are previous, reverse, sort and induction.</source>
        <translation>未知的任务“%1”；可用的任务有 previous、reverse、sort 和 induction。</translation>
    </message>
    <message>
        <source>The number of steps must be at least %1, not %2.</source>
        <translation>步数至少为 %1，而不是 %2。</translation>
    </message>
    <message>
        <source>The batch size must be at least %1, not %2.</source>
        <translation>批量大小至少为 %1，而不是 %2。</translation>
    </message>
    <message>
        <source>The number of heads must be at least %1, not %2.</source>
        <translation>头数至少为 %1，而不是 %2。</translation>
    </message>
    <message>
        <source>d_model must be at least %1, not %2.</source>
        <translation>d_model 至少为 %1，而不是 %2。</translation>
    </message>
    <message>
        <source>The snapshot interval must be at least %1, not %2.</source>
        <translation>快照间隔至少为 %1，而不是 %2。</translation>
    </message>
    <message>
        <source>The number of threads must be at least %1, not %2.</source>
        <translation>线程数至少为 %1，而不是 %2。</translation>
    </message>
    <message>
        <source>The MLP width must be at least %1, not %2.</source>
        <translation>多层感知机的宽度至少为 %1，而不是 %2。</translation>
    </message>
    <message>
        <source>The %1 task needs %2 to 4 layers, not %3.</source>
        <translation>任务 %1 需要 %2 到 4 层，而不是 %3 层。</translation>
    </message>
    <message>
        <source>These sizes are larger than a small training model takes (d_model 512, vocabulary 4096, length 512, batch 4096, 64 heads at most).</source>
        <translation>这些尺寸超出了小型训练模型的上限（最多 d_model 512、词表 4096、长度 512、批量 4096、64 个头）。</translation>
    </message>
    <message>
        <source>d_model %1 cannot be split into %2 heads: the number of heads must divide d_model.</source>
        <translation>d_model %1 无法分给 %2 个头：头数必须能整除 d_model。</translation>
    </message>
    <message>
        <source>The learning rate must be a positive number.</source>
        <translation>学习率必须是正数。</translation>
    </message>
    <message>
        <source>Adam&apos;s beta1 and beta2 must lie in [0, 1) and its epsilon must be positive.</source>
        <translation>Adam 的 beta1 和 beta2 必须位于 [0, 1) 内，epsilon 必须为正。</translation>
    </message>
    <message>
        <source>The sequence length of the %3 task must be at least %1, not %2.</source>
        <translation>任务 %3 的序列长度至少为 %1，而不是 %2。</translation>
    </message>
    <message>
        <source>The vocabulary of the %3 task must be at least %1, not %2.</source>
        <translation>任务 %3 的词表大小至少为 %1，而不是 %2。</translation>
    </message>
    <message>
        <source>The sort task needs an odd length of at least 3 (numbers, separator, sorted numbers), not %1.</source>
        <translation>任务 sort 需要至少为 3 的奇数长度（数字、分隔符、排好序的数字），而不是 %1。</translation>
    </message>
    <message>
        <source>The sort task at length %1 needs a vocabulary of at least %2 (%3 distinct numbers and the separator), not %4.</source>
        <translation>长度为 %1 时，任务 sort 需要至少 %2 的词表（%3 个不同的数字和分隔符），而不是 %4。</translation>
    </message>
    <message>
        <source>The induction task at length %1 needs a vocabulary of at least %2 (a run of distinct tokens and other filler tokens), not %3.</source>
        <translation>长度为 %1 时，任务 induction 需要至少 %2 的词表（一串互不相同的词元和其他填充词元），而不是 %3。</translation>
    </message>
    <message>
        <source>The model file is not valid JSON.</source>
        <translation>模型文件不是有效的 JSON。</translation>
    </message>
    <message>
        <source>This is not a trained attention model file.</source>
        <translation>这不是训练好的注意力模型文件。</translation>
    </message>
    <message>
        <source>The model file has version %1; this program reads version 1.</source>
        <translation>模型文件的版本为 %1；本程序只能读取版本 1。</translation>
    </message>
    <message>
        <source>The model file lacks a setting or holds one of the wrong type.</source>
        <translation>模型文件缺少某项设置，或某项设置的类型不对。</translation>
    </message>
    <message>
        <source>Could not write the model file %1.</source>
        <translation>无法写入模型文件 %1。</translation>
    </message>
    <message>
        <source>Could not open the model file %1.</source>
        <translation>无法打开模型文件 %1。</translation>
    </message>
    <message>
        <source>The model file&apos;s step count lies outside its options&apos; steps.</source>
        <translation>模型文件的步数超出了其选项中的步数范围。</translation>
    </message>
    <message>
        <source>The model file lacks the weights &quot;%1&quot;.</source>
        <translation>模型文件缺少权重“%1”。</translation>
    </message>
    <message>
        <source>The weights &quot;%1&quot; should have %2 rows.</source>
        <translation>权重“%1”应有 %2 行。</translation>
    </message>
    <message>
        <source>The weights &quot;%1&quot; should have %2 columns.</source>
        <translation>权重“%1”应有 %2 列。</translation>
    </message>
    <message>
        <source>The weights &quot;%1&quot; hold something that is not a number.</source>
        <translation>权重“%1”中含有不是数字的内容。</translation>
    </message>
    <message>
        <source>The model file&apos;s &quot;%1&quot; should list one number per step.</source>
        <translation>模型文件中的“%1”应为每一步列出一个数字。</translation>
    </message>
    <message>
        <source>The model file&apos;s &quot;%1&quot; holds something that is not a number.</source>
        <translation>模型文件中的“%1”含有不是数字的内容。</translation>
    </message>
    <message>
        <source>Training stopped at step %1 because the loss became infinite or undefined; lower the learning rate.</source>
        <translation>训练在第 %1 步停止，因为损失变为无穷大或未定义；请降低学习率。</translation>
    </message>
    <message>
        <source>Training has already taken its %1 steps.</source>
        <translation>训练已完成全部 %1 步。</translation>
    </message>
    <message>
        <source>Training diverged at step %1: the loss became infinite or undefined; lower the learning rate.</source>
        <translation>训练在第 %1 步发散：损失变为无穷大或未定义；请降低学习率。</translation>
    </message>
    <message>
        <source>Training diverged at step %1: a weight became infinite or undefined; lower the learning rate.</source>
        <translation>训练在第 %1 步发散：某个权重变为无穷大或未定义；请降低学习率。</translation>
    </message>
    <message>
        <source>The model takes 1 to %1 tokens, not %2.</source>
        <translation>该模型接受 1 到 %1 个词元，而不是 %2 个。</translation>
    </message>
    <message>
        <source>Token %1 is outside the model&apos;s vocabulary of %2.</source>
        <translation>词元 %1 超出了模型大小为 %2 的词表。</translation>
    </message>
    <message>
        <source>Unknown preset &quot;%1&quot;; the trained presets are previous and induction.</source>
        <translation>未知的预设“%1”；已训练的预设有 previous 和 induction。</translation>
    </message>
</context>
<context>
    <name>TrainingTask</name>
    <message>
        <source>Previous token</source>
        <translation>前一个词元</translation>
    </message>
    <message>
        <source>Each position must output the token just before it. The token itself carries no clue, so a head has to learn to find the previous position from the position embeddings alone: its query at position i must match the key of position i - 1 best, which draws a bright line just below the diagonal of its weights. The value then copies that token&apos;s embedding into the residual stream, where the unembedding reads it out.</source>
        <translation>每个位置都必须输出紧挨在它前面的词元。词元本身不提供任何线索，因此一个头必须学会仅凭位置嵌入找到前一个位置：位置 i 的查询必须与位置 i - 1 的键最匹配，这会在其权重的对角线正下方画出一条亮线。随后，值把该词元的嵌入复制到残差流中，再由反嵌入层读出。</translation>
    </message>
    <message>
        <source>Share of positions 2 .. n whose prediction is the token before them.</source>
        <translation>位置 2 .. n 中预测结果为其前一个词元的比例。</translation>
    </message>
    <message>
        <source>Reverse</source>
        <translation>反转</translation>
    </message>
    <message>
        <source>Position i must output the token at position n - 1 - i, so the whole sequence reads backwards. Attention sees every position (no causal mask), and a head has to learn a purely positional pattern: query i matches key n - 1 - i, an anti-diagonal in its weights, and its value copies that token across.</source>
        <translation>位置 i 必须输出位置 n - 1 - i 上的词元，使整个序列倒过来读。注意力能看到每个位置（没有因果掩码），一个头必须学会一种纯粹基于位置的模式：查询 i 与键 n - 1 - i 匹配，在其权重中形成一条反对角线，它的值再把那个词元复制过来。</translation>
    </message>
    <message>
        <source>Share of all positions whose prediction is the token mirrored about the middle.</source>
        <translation>所有位置中预测结果为关于中点对称位置上词元的比例。</translation>
    </message>
    <message>
        <source>Sort</source>
        <translation>排序</translation>
    </message>
    <message>
        <source>The sequence holds distinct numbers, a separator &quot;|&quot;, and then the same numbers in increasing order, predicted one at a time. At the separator the model must output the smallest number, and after each sorted number the next larger one. A head has to learn to compare numbers: its query from the current number must score the numbers just above it highest and those below it low, so its weight lands on the next number in order.</source>
        <translation>序列包含互不相同的数字、一个分隔符“|”，然后是按升序排列的同一组数字，逐个预测。在分隔符处，模型必须输出最小的数字，在每个已排序的数字之后输出下一个更大的数字。一个头必须学会比较数字：来自当前数字的查询必须给刚好比它大的数字打最高分，给比它小的数字打低分，这样它的权重就落在顺序中的下一个数字上。</translation>
    </message>
    <message>
        <source>Share of the sorted half&apos;s numbers predicted correctly (the separator predicts the first).</source>
        <translation>已排序那一半中被正确预测的数字所占比例（分隔符预测第一个数字）。</translation>
    </message>
    <message>
        <source>Induction</source>
        <translation>归纳</translation>
    </message>
    <message>
        <source>A few filler tokens are followed by a random run of distinct tokens, and the run is then repeated. In the repeat the next token can be read off the first copy: find where the current token occurred before and output the token that came after it. That takes two heads in two layers: a layer-1 head that looks at the previous position and writes &quot;my predecessor was A&quot; into each position, and a layer-2 induction head whose query &quot;I am A&quot; matches those keys, so it attends to the token after the earlier A and copies it.</source>
        <translation>几个填充词元之后是一段由互不相同的词元组成的随机序列，随后这段序列会重复一遍。在重复部分中，下一个词元可以从第一遍中读出：找到当前词元先前出现的位置，输出紧随其后的词元。这需要两层中的两个头：第 1 层的一个头关注前一个位置，并把“我的前一个是 A”写入每个位置；第 2 层的一个归纳头，其查询“我是 A”与这些键匹配，于是它关注先前那个 A 之后的词元并将其复制。</translation>
    </message>
    <message>
        <source>Share of the repeat&apos;s positions (but its last) whose prediction is the next token of the repeat.</source>
        <translation>重复部分中（最后一个位置除外）预测结果为重复部分下一个词元的位置所占比例。</translation>
    </message>
</context>
</TS>
