<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>MainWindow</name>
    <message>
        <source>Import Embeddings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Word vectors, GloVe or word2vec text (*.txt *.vec);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened with adjustments: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover Unsaved Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>

The figure still shows the last valid settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reseed Weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New weights from seed %1; the embeddings stayed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw All Vectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reseed Embeddings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every word&apos;s vector now drawn from seed %1; the weights stayed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load Article Example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded the article&apos;s example (Ctrl+Z brings back what was there).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the cells of E, W_Q, W_K and W_V can be edited; the others are computed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit %1[%2, %3]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit E[&quot;%1&quot;, %2]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a sentence first: the lesson follows its numbers.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelCommands</name>
    <message>
        <source>Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>Edit &amp;Sentence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the cursor in the sentence field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reseed &amp;Weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw new weights W_Q, W_K, W_V from a random seed; the embeddings stay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reseed &amp;Embeddings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw new word vectors from a random seed; the weights stay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load &amp;Article Example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sentence, settings and embeddings of the article &quot;Unveiling the Power of Attention Mechanism Using Numpy&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start again from the article&apos;s example in an untitled session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen a saved session (.attn): settings, head, colours and selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the session to its file (.attn), asking for a name the first time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Session &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the session under a new file name and keep editing that file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Embeddings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the sentence&apos;s word vectors from a GloVe or word2vec text file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show what a trained GPT-2 attends to: a Hugging Face folder with config.json and model.safetensors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;rticle&apos;s Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back from a checkpoint to the article&apos;s model, keeping the sentence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A model trained here to output the previous token: a previous-token head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Induction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A two-layer model trained here to continue repeated sequences: an induction head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Figure…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the figure as PNG, SVG or PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save every number as JSON, or a NumPy script that recomputes them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Lesson…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the lesson slides for the selected word as a PDF handout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo the change just undone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Larger cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smaller cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the whole figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings Panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the settings; hidden, the figure gets the whole width (the seeds stay in the figure&apos;s title)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ull Screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the whole screen or projector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every matrix of the computation for one layer and head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Head View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines from each token to the tokens it attends to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every layer and head at once as thumbnails; click one to open it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compare Seeds…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attention weights under this weight seed and another, side by side, with their difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step through the computation for one word, slide by slide (Esc: back to the figure)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What a GPT-2 model predicts after the last token, with a temperature and Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train a small model on a task and watch its heads learn (previous token, induction, …)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Presentation Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full screen, settings hidden, large high-contrast type for a projector (F11 or Esc leaves)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back to the Figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave presentation mode, then the lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every key the window answers to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick &amp;Guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the panels show and how to explore them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Attention Visualizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What this program is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
