<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CommandLine</name>
    <message>
        <source>The sentence to attend over.</source>
        <translation>要计算注意力的句子。</translation>
    </message>
    <message>
        <source>text</source>
        <comment>value name in --help</comment>
        <translation>文本</translation>
    </message>
    <message>
        <source>Start from a preset: article (the reference walk-through), or a trained model: previous (a previous-token head) or induction (an induction head).</source>
        <translation>从预设开始：article（文章中的逐步示例），或训练好的模型：previous（前一词元头）或 induction（归纳头）。</translation>
    </message>
    <message>
        <source>name</source>
        <comment>value name in --help</comment>
        <translation>名称</translation>
    </message>
    <message>
        <source>Train a small attention model on a task first: previous, reverse, sort or induction; --heads, --d-model, --layers, --train-steps and --train-seed set it.</source>
        <translation>先在一个任务上训练小型注意力模型：previous、reverse、sort 或 induction；由 --heads、--d-model、--layers、--train-steps 和 --train-seed 设定。</translation>
    </message>
    <message>
        <source>task</source>
        <comment>value name in --help</comment>
        <translation>任务</translation>
    </message>
    <message>
        <source>With --train: Adam steps, 1 to 100000 (default: the task&apos;s).</source>
        <translation>与 --train 一起使用：Adam 步数，1 到 100000（默认：任务自己的）。</translation>
    </message>
    <message>
        <source>With --train: the seed of the weights and data (default 1).</source>
        <translation>与 --train 一起使用：权重和数据的随机种子（默认 1）。</translation>
    </message>
    <message>
        <source>With --train: attention layers, 1 or 2 (default: the task&apos;s).</source>
        <translation>与 --train 一起使用：注意力层数，1 或 2（默认：任务自己的）。</translation>
    </message>
    <message>
        <source>Weight seed, 0 to 4294967295 (default 42).</source>
        <translation>权重的随机种子，0 到 4294967295（默认 42）。</translation>
    </message>
    <message>
        <source>Embedding seed, 0 to 4294967295 (default 0); draws every word&apos;s vector, given ones too.</source>
        <translation>嵌入的随机种子，0 到 4294967295（默认 0）；重新抽取每个词的向量，包括给定的向量。</translation>
    </message>
    <message>
        <source>Embedding size d_model, 1 to 1024 (default 3).</source>
        <translation>嵌入维度 d_model，1 到 1024（默认 3）。</translation>
    </message>
    <message>
        <source>Number of attention heads; must divide d_model (default 1).</source>
        <translation>注意力头的个数；必须整除 d_model（默认 1）。</translation>
    </message>
    <message>
        <source>Weight initialisation: randint, uniform or normal (default randint).</source>
        <translation>权重初始化方式：randint、uniform 或 normal（默认 randint）。</translation>
    </message>
    <message>
        <source>kind</source>
        <comment>value name in --help</comment>
        <translation>类型</translation>
    </message>
    <message>
        <source>Mask future tokens (decoder-style attention).</source>
        <translation>遮蔽未来的词元（解码器式注意力）。</translation>
    </message>
    <message>
        <source>Do not divide the scores by sqrt(d_k).</source>
        <translation>不将注意力分数除以 sqrt(d_k)。</translation>
    </message>
    <message>
        <source>Softmax temperature, greater than 0 (default 1).</source>
        <translation>softmax 温度，大于 0（默认 1）。</translation>
    </message>
    <message>
        <source>Add the sinusoidal positional encoding to the embeddings.</source>
        <translation>将正弦位置编码加到嵌入上。</translation>
    </message>
    <message>
        <source>Write every stage as JSON to file, then exit.</source>
        <translation>将每个阶段以 JSON 写入文件，然后退出。</translation>
    </message>
    <message>
        <source>file</source>
        <comment>value name in --help</comment>
        <translation>文件</translation>
    </message>
    <message>
        <source>Write a runnable NumPy script to file, then exit.</source>
        <translation>将可运行的 NumPy 脚本写入文件，然后退出。</translation>
    </message>
    <message>
        <source>Write the figure as .png, .svg or .pdf to file, then exit.</source>
        <translation>将图以 .png、.svg 或 .pdf 写入文件，然后退出。</translation>
    </message>
    <message>
        <source>Write the lesson (16:9 slides, one per step: seven, eleven with --model) as a .pdf to file, then exit.</source>
        <translation>将课程（16:9 幻灯片，每步一张：七张，使用 --model 时十一张）以 .pdf 写入文件，然后退出。</translation>
    </message>
    <message>
        <source>Write the configuration (with --train, the trained model) as a session file (.attn), then exit.</source>
        <translation>将配置（使用 --train 时包括训练好的模型）写为会话文件（.attn），然后退出。</translation>
    </message>
    <message>
        <source>Write the numbers of one panel (--panel) as CSV to file, then exit.</source>
        <translation>将一个面板（--panel）的数值以 CSV 写入文件，然后退出。</translation>
    </message>
    <message>
        <source>Export one panel: %1.</source>
        <translation>导出一个面板：%1。</translation>
    </message>
    <message>
        <source>Pixel ratio of a PNG export, 1 to 8 (default 1).</source>
        <translation>PNG 导出的像素比，1 到 8（默认 1）。</translation>
    </message>
    <message>
        <source>Head shown in per-head panels, from 1 (default 1).</source>
        <translation>按头显示的面板中所显示的头，从 1 开始（默认 1）。</translation>
    </message>
    <message>
        <source>Show the attention of a GPT-2 checkpoint: a Hugging Face folder with config.json, model.safetensors and the tokenizer files, instead of the article&apos;s model.</source>
        <translation>显示 GPT-2 检查点的注意力：一个包含 config.json、model.safetensors 和分词器文件的 Hugging Face 文件夹，代替文章中的模型。</translation>
    </message>
    <message>
        <source>folder</source>
        <comment>value name in --help</comment>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>With --model: the layer shown, from 1 (default 1).</source>
        <translation>与 --model 一起使用：显示的层，从 1 开始（默认 1）。</translation>
    </message>
    <message>
        <source>With --model: continue the text by n greedy tokens first, 1 to 1024.</source>
        <translation>与 --model 一起使用：先贪心地续写 n 个词元，1 到 1024。</translation>
    </message>
    <message>
        <source>Colour map of the attention weights: %1 (default viridis).</source>
        <translation>注意力权重的颜色映射：%1（默认 viridis）。</translation>
    </message>
    <message>
        <source>What the colours of the weights span: fixed (0 to 1, the default), matrix (its min to max) or row (each row&apos;s min to max).</source>
        <translation>权重颜色覆盖的范围：fixed（0 到 1，默认）、matrix（矩阵的最小值到最大值）或 row（每行的最小值到最大值）。</translation>
    </message>
    <message>
        <source>scale</source>
        <comment>value name in --help</comment>
        <translation>范围</translation>
    </message>
    <message>
        <source>Language of the window, the help and the exports: en, de or zh_CN (default: the system&apos;s).</source>
        <translation>窗口、帮助和导出文件的语言：en、de 或 zh_CN（默认：系统语言）。</translation>
    </message>
    <message>
        <source>code</source>
        <comment>value name in --help</comment>
        <translation>代码</translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>显示此帮助并退出。</translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation>显示版本并退出。</translation>
    </message>
    <message>
        <source>Attention Visualizer: self-attention, every number of it, as linked heatmaps.
With an --export option it writes the files and exits without opening a window.</source>
        <translation>Attention Visualizer：以相互联动的热力图展示自注意力的每一个数值。
使用 --export 选项时，写出文件后直接退出，不打开窗口。</translation>
    </message>
    <message>
        <source>A saved session (.attn) to open.</source>
        <translation>要打开的已保存会话（.attn）。</translation>
    </message>
    <message>
        <source>[SESSION]</source>
        <comment>the positional argument in --help</comment>
        <translation>[会话]</translation>
    </message>
    <message>
        <source>--%1 needs a whole number from %2 to %3, not &quot;%4&quot;.</source>
        <translation>--%1 需要一个 %2 到 %3 之间的整数，而不是“%4”。</translation>
    </message>
    <message>
        <source>--%1 must be from %2 to %3, not %4.</source>
        <translation>--%1 必须在 %2 到 %3 之间，而不是 %4。</translation>
    </message>
    <message>
        <source>--%1 needs a number, not &quot;%2&quot;.</source>
        <translation>--%1 需要一个数，而不是“%2”。</translation>
    </message>
    <message>
        <source>--%1 needs --train.</source>
        <translation>--%1 需要 --train。</translation>
    </message>
    <message>
        <source>--train trains a model of its own: it cannot be combined with --model or a trained --preset.</source>
        <translation>--train 会训练自己的模型：不能与 --model 或训练好的 --preset 同时使用。</translation>
    </message>
    <message>
        <source>--lang must be one of %1, not &quot;%2&quot;.</source>
        <translation>--lang 必须是 %1 之一，而不是“%2”。</translation>
    </message>
    <message>
        <source>Give at most one session file, not %1 (put a sentence in --sentence &quot;...&quot;).</source>
        <translation>最多给出一个会话文件，而不是 %1 个（句子请用 --sentence &quot;...&quot; 给出）。</translation>
    </message>
    <message>
        <source>--init must be randint, uniform or normal, not &quot;%1&quot;.</source>
        <translation>--init 必须是 randint、uniform 或 normal，而不是“%1”。</translation>
    </message>
    <message>
        <source>--temperature must be a finite number greater than 0, not %1.</source>
        <translation>--temperature 必须是大于 0 的有限数，而不是 %1。</translation>
    </message>
    <message>
        <source>--export-csv needs a file name.</source>
        <translation>--export-csv 需要文件名。</translation>
    </message>
    <message>
        <source>--export-csv writes one panel: name it with --panel (%1).</source>
        <translation>--export-csv 只写一个面板：请用 --panel 指定（%1）。</translation>
    </message>
    <message>
        <source>--save-session needs a file name.</source>
        <translation>--save-session 需要文件名。</translation>
    </message>
    <message>
        <source>--export-json needs a file name.</source>
        <translation>--export-json 需要文件名。</translation>
    </message>
    <message>
        <source>--export-numpy needs a file name.</source>
        <translation>--export-numpy 需要文件名。</translation>
    </message>
    <message>
        <source>--export-image needs a file ending in .png, .svg or .pdf, not &quot;%1&quot;.</source>
        <translation>--export-image 需要以 .png、.svg 或 .pdf 结尾的文件，而不是“%1”。</translation>
    </message>
    <message>
        <source>--export-lesson needs a file ending in .pdf, not &quot;%1&quot;.</source>
        <translation>--export-lesson 需要以 .pdf 结尾的文件，而不是“%1”。</translation>
    </message>
    <message>
        <source>Unknown panel &quot;%1&quot;; the panels are: %2.</source>
        <translation>未知面板“%1”；可用的面板有：%2。</translation>
    </message>
    <message>
        <source>Unknown colour map &quot;%1&quot;; the colour maps are: %2.</source>
        <translation>未知颜色映射“%1”；可用的颜色映射有：%2。</translation>
    </message>
    <message>
        <source>Unknown weights scale &quot;%1&quot;; the scales are: %2.</source>
        <translation>未知权重范围“%1”；可用的范围有：%2。</translation>
    </message>
    <message>
        <source>--scale must be from 1 to 8, not %1.</source>
        <translation>--scale 必须在 1 到 8 之间，而不是 %1。</translation>
    </message>
    <message>
        <source>--model needs the path of a GPT-2 folder.</source>
        <translation>--model 需要一个 GPT-2 文件夹的路径。</translation>
    </message>
    <message>
        <source>--generate needs --model: only a GPT-2 checkpoint continues a text.</source>
        <translation>--generate 需要 --model：只有 GPT-2 检查点才能续写文本。</translation>
    </message>
    <message>
        <source>--layer needs --model, --train or a trained --preset: the article&apos;s model has one layer.</source>
        <translation>--layer 需要 --model、--train 或训练好的 --preset：文章中的模型只有一层。</translation>
    </message>
    <message>
        <source>The session showed head %1, but there is now 1 head; head 1 is shown.</source>
        <translation>会话显示的是头 %1，但现在只有 1 个头；改为显示头 1。</translation>
    </message>
    <message numerus="yes">
        <source>The session showed head %1, but there are now %n heads; head 1 is shown.</source>
        <translation>
            <numerusform>会话显示的是头 %1，但现在只有 %n 个头；改为显示头 1。</numerusform>
        </translation>
    </message>
    <message>
        <source>--train writes files: add --export-json or --export-image (the window opens the trained presets with File &gt; Open Preset).</source>
        <translation>--train 会写出文件：请加上 --export-json 或 --export-image（窗口中可通过“文件 &gt; 打开预设”查看训练好的预设）。</translation>
    </message>
    <message>
        <source>--sentence: a model trained now shows its task&apos;s example sequence; the presets read a sentence of their tokens.</source>
        <translation>--sentence：现在训练的模型显示其任务的示例序列；预设读取由其词元组成的句子。</translation>
    </message>
    <message>
        <source>note: %1</source>
        <comment>before a note on stderr</comment>
        <translation>提示：%1</translation>
    </message>
</context>
<context>
    <name>HeadlessExport</name>
    <message>
        <source>training %1: step %2 of %3, loss %4, accuracy %5%</source>
        <translation>训练 %1：第 %2 步，共 %3 步，损失 %4，准确率 %5%</translation>
    </message>
    <message>
        <source>--export-numpy writes the article&apos;s model; a trained model&apos;s numbers are in --export-json.</source>
        <translation>--export-numpy 只写出文章中的模型；训练好的模型的数值请用 --export-json。</translation>
    </message>
    <message>
        <source>--export-numpy writes the article&apos;s model; a checkpoint&apos;s numbers are in --export-json.</source>
        <translation>--export-numpy 只写出文章中的模型；检查点的数值请用 --export-json。</translation>
    </message>
    <message>
        <source>--layer %1: the model has 1 layer.</source>
        <translation>--layer %1：该模型只有 1 层。</translation>
    </message>
    <message>
        <source>--head %1: the model has 1 head per layer.</source>
        <translation>--head %1：该模型每层只有 1 个头。</translation>
    </message>
    <message numerus="yes">
        <source>--head %1: the model has %n heads per layer.</source>
        <translation>
            <numerusform>--head %1：该模型每层有 %n 个头。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>--layer %1: the model has %n layers.</source>
        <translation>
            <numerusform>--layer %1：该模型有 %n 层。</numerusform>
        </translation>
    </message>
</context>
</TS>
