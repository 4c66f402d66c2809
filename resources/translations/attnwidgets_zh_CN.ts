<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BusyIndicator</name>
    <message>
        <source>Computing the new settings; the figure shows the previous ones meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareSeedsDialog</name>
    <message>
        <source>Compare Seeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embedding seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The seed that differs between A and B: the weights W_Q, W_K, W_V or the word vectors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The seed to compare with the window&apos;s (seed A). Everything else stays the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use Seed B in the Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The window takes seed B (Ctrl+Z in the window goes back).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use Weight Seed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use Embedding Seed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing seed B…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, head %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weight seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>embedding seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A: %1 %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weights (with edited W cells)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attention weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B: %1 %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B − A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blue: A attends more, red: B attends more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same sentence and settings; only the %1 differs. Largest change of a weight: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ControlPanel</name>
    <message>
        <source>Weights W_Q, W_K, W_V</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed of NumPy&apos;s generator for W_Q, W_K and W_V (0 to 4294967295).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reseed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>randint: 0, 1, 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uniform [0, 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>normal / √d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the weights are drawn: np.random.randint(3), np.random.rand, or np.random.randn / √d_model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Init</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embeddings E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed of NumPy&apos;s generator for the word vectors (0 to 4294967295). Changing it replaces vectors given literally, such as the article&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embedding seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the given vectors (the article&apos;s, imported or edited ones) by vectors drawn from the seed, as for every other word. Undoable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Positional encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add sinusoidal positional encodings (Vaswani et al.) to the embeddings: X = E + PE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>d_model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>d_model: how many numbers describe each word (1 to %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of attention heads; it must divide d_model (each head gets d_k = d_model / h).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>heads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Causal mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each word may attend only to itself and earlier words: scores above the diagonal become −∞ and get weight 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale by √d_k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Divide the scores by √d_k before the softmax, as in the Transformer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Softmax temperature T, from 0.05 to 20 on a log scale: the scores are divided by T. Low T sharpens the weights towards one word, high T flattens them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Softmax temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The head whose scores and weights are shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All heads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the weights of every head side by side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colours of the attention weights; cividis and grayscale stay readable for colour-blind viewers and on black-and-white print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 to 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>each row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the colours of the weights span: 0 to 1, the smallest to the largest weight of the matrix, or of each query row (every row then shows its strongest key).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A model trained on %1: type its tokens (numbers separated by spaces) as the sentence. File → Article&apos;s Model goes back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A GPT-2 checkpoint: its own embeddings and weights. File → Article&apos;s Model goes back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every word&apos;s vector is drawn from the seed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every word&apos;s vector is drawn from the seed; the given vector of another word is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every word&apos;s vector is drawn from the seed; given vectors of %1 other words are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given vectors for every word: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given vectors: %1; 1 word drawn from the seed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given vectors: %1; %2 words drawn from the seed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A word keeps a vector given to it (the article&apos;s, an import or an edited cell) whatever the sentence, until you reseed the embeddings, change d_model or click Draw All. Other words are drawn from the seed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CurvePlot</name>
    <message>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmbeddingImportFlow</name>
    <message>
        <source>and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop reading the file; nothing changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An import is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a sentence first: the import looks up its words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import cancelled; nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sentence changed while %1 was being read: %2 were not looked up. Nothing changed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply Anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of the sentence&apos;s words is in %1, so nothing changed. Applying it anyway would only change d_model from %2 to %3 and keep every word random.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Embeddings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 of %2 words from %3; d_model is now %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Heads set to 1: %1 heads do not divide %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Not in the file, so still random (embedding seed): %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Skipped 1 malformed line (line %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Skipped %1 malformed lines; the first is line %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: each line should be a word and %1 numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> %1 of them longer than %2 MiB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 of %2 words.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExploreView</name>
    <message>
        <source>Stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every matrix of the computation for one layer and head (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines from each token to the tokens it attends to (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every layer and head at once; click one to open it (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportCommands</name>
    <message>
        <source>There is nothing to export yet: type a sentence first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the figure to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the lesson to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the data to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDataDialog</name>
    <message>
        <source>Export Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON: every stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NumPy script that recomputes it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV: one panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per-head panels are written for the head shown (head %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (*.%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportFigureDialog</name>
    <message>
        <source>Export Figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG drawing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pixels per point: 2× stays sharp on slides and high-resolution screens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (*.%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FigureView</name>
    <message>
        <source>Stage figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every stage of the computation as a table of numbers: arrow keys move between cells, Tab to the next panel, Enter selects the cell&apos;s tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query &quot;%1&quot; (row %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; attends to &quot;%2&quot; with weight %3 (score %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export panel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export panel as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom to fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Panel as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new value: Enter applies it, Esc cancels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is beyond the range of a float64 (about ±1.8e308). Esc cancels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a number: type one such as 0.5, -2 or 1e-3. Esc cancels.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Unsaved Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Otherwise they are lost.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeadView</name>
    <message>
        <source>Head view: lines from each token to the tokens it attends to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Group a word&apos;s pieces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw words instead of GPT-2&apos;s pieces: a word attends with the mean of its pieces and is attended to with their sum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer %1, all %2 heads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer %1, head %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · a line&apos;s strength is the weight · point at a token to bring its lines forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>head %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;“%1”&lt;/b&gt; (head %2) attends most to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;“%1”&lt;/b&gt; as a key (head %2) receives %3 of the weight in all</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MatrixGrid</name>
    <message>
        <source>±%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelOverview</name>
    <message>
        <source>Model view: every layer and head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer 00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention weights of every layer and head · click one to open it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Layer %1, head %2&lt;/b&gt;&lt;br&gt;mean weight one token back %3, on the first token %4, on itself %5&lt;br&gt;Click to open its stages</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NextTokenPanel</name>
    <message>
        <source>Divides every logit before the softmax: below 1 sharpens the choice, above 1 flattens it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Te&amp;mperature:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Greedy: the most likely</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample among these ten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Choose:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sampler&apos;s seed: the same seed and text give the same token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample s&amp;eed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Append the chosen token to the sentence (Ctrl+Z takes it back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a GPT-2 model (File → Open Model…) to see what it predicts after the last token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After %1, the model&apos;s ten most likely next tokens:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The next token, %1, is part of a character, and the sentence holds whole characters: on the command line --generate continues through it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated %1 (%2 %, %3): its row in the weights is what it attended to; Ctrl+Z takes it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sampled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the most likely</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PanelCell</name>
    <message>
        <source>%1, %2, %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PanelTable</name>
    <message>
        <source>row %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>column %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>column &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; %2 rows, %3 columns</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QDialog</name>
    <message>
        <source>Choose File…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>1 token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · %1 layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · d_model %1 · </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 heads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · d_k %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · seeds: weights %1, embeddings %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SentenceField</name>
    <message>
        <source>Type a sentence, e.g. i miss the old kanye</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The words to attend over, split at spaces (%1). The figure follows as you type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionFiles</name>
    <message>
        <source>Saved the session to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention sessions (*.attn)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the untitled session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changes to %1 first?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention sessions (*.attn);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; no longer exists, so it was removed from Open Recent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Recent Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not keep a copy of the unsaved changes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention Visualizer did not close properly. Unsaved changes were kept (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention Visualizer did not close properly. Unsaved changes to &quot;%1&quot; were kept (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unsaved changes could not be recovered. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovered the unsaved changes; save them to keep them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainPanel</name>
    <message>
        <source>Tas&amp;k:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>d_model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La&amp;yers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hea&amp;ds:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>d_model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ste&amp;ps:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lear&amp;ning rate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;rain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train until the last step, on a thread of its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pa&amp;use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One Adam step on a fresh batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rese&amp;t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new model from the settings above, at step 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss (cross-entropy, each step&apos;s batch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy (each step&apos;s batch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows are the queries, columns the keys, bright is more weight. Under each head: back, its mean weight one token back; induction, its mean weight on the token after the earlier copy of the query&apos;s token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hist&amp;ory:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step 100000 of 100000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;gradients dL/dW_Q, dL/dW_K, dL/dW_V</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gradient of the loss on the last step&apos;s batch with respect to each layer&apos;s W_Q, W_K and W_V: blue negative, red positive, each scaled to its largest magnitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;in Figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the model as trained so far in the stage figure, with hover arithmetic and the lesson (undoable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · loss %1 · accuracy %2 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention on the task&apos;s example, %1 tokens: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dL/dW_Q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dL/dW_K</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dL/dW_V</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>now (step %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>back %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · induction %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>head %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ZoomLabel</name>
    <message>
        <source>Figure zoom: Ctrl+wheel or View menu; Ctrl+0 fits the window again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom: fit, %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom: %1 %</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
