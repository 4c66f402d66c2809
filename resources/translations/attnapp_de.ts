<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>MainWindow</name>
    <message>
        <source>Import Embeddings</source>
        <translation>Embeddings importieren</translation>
    </message>
    <message>
        <source>Word vectors, GloVe or word2vec text (*.txt *.vec);;All files (*)</source>
        <translation>Wortvektoren, GloVe- oder word2vec-Text (*.txt *.vec);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Opened with adjustments: %1</source>
        <translation>Mit Anpassungen geöffnet: %1</translation>
    </message>
    <message>
        <source>Recover Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen wiederherstellen</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <source>

The figure still shows the last valid settings.</source>
        <translation>

Die Abbildung zeigt weiter die letzten gültigen Einstellungen.</translation>
    </message>
    <message>
        <source>Reseed Weights</source>
        <translation>Gewichte neu ziehen</translation>
    </message>
    <message>
        <source>New weights from seed %1; the embeddings stayed.</source>
        <translation>Neue Gewichte aus Seed %1; die Embeddings blieben.</translation>
    </message>
    <message>
        <source>Draw All Vectors</source>
        <translation>Alle Vektoren ziehen</translation>
    </message>
    <message>
        <source>Reseed Embeddings</source>
        <translation>Embeddings neu ziehen</translation>
    </message>
    <message>
        <source>Every word&apos;s vector now drawn from seed %1; the weights stayed.</source>
        <translation>Der Vektor jedes Wortes ist jetzt aus Seed %1 gezogen; die Gewichte blieben.</translation>
    </message>
    <message>
        <source>Load Article Example</source>
        <translation>Beispiel des Artikels laden</translation>
    </message>
    <message>
        <source>Loaded the article&apos;s example (Ctrl+Z brings back what was there).</source>
        <translation>Das Beispiel des Artikels ist geladen (Strg+Z holt zurück, was vorher da war).</translation>
    </message>
    <message>
        <source>Only the cells of E, W_Q, W_K and W_V can be edited; the others are computed.</source>
        <translation>Nur die Zellen von E, W_Q, W_K und W_V lassen sich bearbeiten; die übrigen werden berechnet.</translation>
    </message>
    <message>
        <source>Edit %1[%2, %3]</source>
        <translation>%1[%2, %3] bearbeiten</translation>
    </message>
    <message>
        <source>Edit E[&quot;%1&quot;, %2]</source>
        <translation>E[„%1“, %2] bearbeiten</translation>
    </message>
    <message>
        <source>Type a sentence first: the lesson follows its numbers.</source>
        <translation>Geben Sie zuerst einen Satz ein: Die Lektion folgt seinen Zahlen.</translation>
    </message>
</context>
<context>
    <name>ModelCommands</name>
    <message>
        <source>Train</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Next Token</source>
        <translation>Nächstes Token</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Erzeugen</translation>
    </message>
    <message>
        <source>Open Model</source>
        <translation>Modell öffnen</translation>
    </message>
    <message>
        <source>Opened the model in %1: every layer and head is in the model view (Ctrl+3); Ctrl+Z goes back.</source>
        <translation>Das Modell in %1 ist geöffnet: Alle Schichten und Köpfe stehen in der Modellansicht (Strg+3); Strg+Z kehrt zurück.</translation>
    </message>
    <message>
        <source>The article&apos;s model is already shown.</source>
        <translation>Das Modell des Artikels wird bereits gezeigt.</translation>
    </message>
    <message>
        <source>Article&apos;s Model</source>
        <translation>Modell des Artikels</translation>
    </message>
    <message>
        <source>Back to the article&apos;s model (Ctrl+Z reopens the model).</source>
        <translation>Zurück zum Modell des Artikels (Strg+Z öffnet das Modell wieder).</translation>
    </message>
    <message>
        <source>Open Preset</source>
        <translation>Vorlage öffnen</translation>
    </message>
    <message>
        <source> Every layer and head is in the model view (Ctrl+3).</source>
        <translation> Alle Schichten und Köpfe stehen in der Modellansicht (Strg+3).</translation>
    </message>
    <message>
        <source>There is no trained model to show yet.</source>
        <translation>Es gibt noch kein trainiertes Modell zum Zeigen.</translation>
    </message>
    <message>
        <source>Show Trained Model</source>
        <translation>Trainiertes Modell zeigen</translation>
    </message>
    <message>
        <source>Showing the model trained on %1 (Ctrl+Z goes back).</source>
        <translation>Gezeigt wird das auf %1 trainierte Modell (Strg+Z kehrt zurück).</translation>
    </message>
    <message>
        <source>Open Model (a GPT-2 folder)</source>
        <translation>Modell öffnen (ein GPT-2-Ordner)</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>Edit &amp;Sentence</source>
        <translation>&amp;Satz bearbeiten</translation>
    </message>
    <message>
        <source>Put the cursor in the sentence field</source>
        <translation>Den Cursor in das Satzfeld setzen</translation>
    </message>
    <message>
        <source>Reseed &amp;Weights</source>
        <translation>&amp;Gewichte neu ziehen</translation>
    </message>
    <message>
        <source>Draw new weights W_Q, W_K, W_V from a random seed; the embeddings stay</source>
        <translation>Neue Gewichte W_Q, W_K, W_V aus einem zufälligen Seed ziehen; die Embeddings bleiben</translation>
    </message>
    <message>
        <source>Reseed &amp;Embeddings</source>
        <translation>&amp;Embeddings neu ziehen</translation>
    </message>
    <message>
        <source>Draw new word vectors from a random seed; the weights stay</source>
        <translation>Neue Wortvektoren aus einem zufälligen Seed ziehen; die Gewichte bleiben</translation>
    </message>
    <message>
        <source>Load &amp;Article Example</source>
        <translation>Beispiel des &amp;Artikels laden</translation>
    </message>
    <message>
        <source>The sentence, settings and embeddings of the article &quot;Unveiling the Power of Attention Mechanism Using Numpy&quot;</source>
        <translation>Satz, Einstellungen und Embeddings des Artikels „Unveiling the Power of Attention Mechanism Using Numpy“</translation>
    </message>
    <message>
        <source>&amp;New Session</source>
        <translation>&amp;Neue Sitzung</translation>
    </message>
    <message>
        <source>Start again from the article&apos;s example in an untitled session</source>
        <translation>Neu mit dem Beispiel des Artikels in einer unbenannten Sitzung beginnen</translation>
    </message>
    <message>
        <source>&amp;Open Session…</source>
        <translation>Sitzung ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Reopen a saved session (.attn): settings, head, colours and selection</source>
        <translation>Eine gespeicherte Sitzung (.attn) wieder öffnen: Einstellungen, Kopf, Farben und Auswahl</translation>
    </message>
    <message>
        <source>&amp;Save Session</source>
        <translation>Sitzung &amp;speichern</translation>
    </message>
    <message>
        <source>Save the session to its file (.attn), asking for a name the first time</source>
        <translation>Die Sitzung in ihre Datei (.attn) speichern, beim ersten Mal mit Frage nach dem Namen</translation>
    </message>
    <message>
        <source>Save Session &amp;As…</source>
        <translation>Sitzung speichern &amp;unter…</translation>
    </message>
    <message>
        <source>Save the session under a new file name and keep editing that file</source>
        <translation>Die Sitzung unter einem neuen Dateinamen speichern und in dieser Datei weiterarbeiten</translation>
    </message>
    <message>
        <source>&amp;Import Embeddings…</source>
        <translation>Embeddings &amp;importieren…</translation>
    </message>
    <message>
        <source>Take the sentence&apos;s word vectors from a GloVe or word2vec text file</source>
        <translation>Die Wortvektoren des Satzes aus einer GloVe- oder word2vec-Textdatei übernehmen</translation>
    </message>
    <message>
        <source>Open &amp;Model…</source>
        <translation>&amp;Modell öffnen…</translation>
    </message>
    <message>
        <source>Show what a trained GPT-2 attends to: a Hugging Face folder with config.json and model.safetensors</source>
        <translation>Zeigen, worauf ein trainiertes GPT-2 achtet: ein Hugging-Face-Ordner mit config.json und model.safetensors</translation>
    </message>
    <message>
        <source>A&amp;rticle&apos;s Model</source>
        <translation>Modell des A&amp;rtikels</translation>
    </message>
    <message>
        <source>Back from a checkpoint to the article&apos;s model, keeping the sentence</source>
        <translation>Von einem Checkpoint zurück zum Modell des Artikels, der Satz bleibt</translation>
    </message>
    <message>
        <source>&amp;Previous Token</source>
        <translation>&amp;Vorheriges Token</translation>
    </message>
    <message>
        <source>A model trained here to output the previous token: a previous-token head</source>
        <translation>Ein hier trainiertes Modell, das das vorherige Token ausgibt: ein Previous-Token-Kopf</translation>
    </message>
    <message>
        <source>&amp;Induction</source>
        <translation>&amp;Induction</translation>
    </message>
    <message>
        <source>A two-layer model trained here to continue repeated sequences: an induction head</source>
        <translation>Ein hier trainiertes zweischichtiges Modell, das wiederholte Folgen fortsetzt: ein Induction-Kopf</translation>
    </message>
    <message>
        <source>Export &amp;Figure…</source>
        <translation>Abbildung e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Save the figure as PNG, SVG or PDF</source>
        <translation>Die Abbildung als PNG, SVG oder PDF speichern</translation>
    </message>
    <message>
        <source>Export &amp;Data…</source>
        <translation>&amp;Daten exportieren…</translation>
    </message>
    <message>
        <source>Save every number as JSON, or a NumPy script that recomputes them</source>
        <translation>Jede Zahl als JSON speichern oder als NumPy-Skript, das sie neu berechnet</translation>
    </message>
    <message>
        <source>Export &amp;Lesson…</source>
        <translation>&amp;Lektion exportieren…</translation>
    </message>
    <message>
        <source>Save the lesson slides for the selected word as a PDF handout</source>
        <translation>Die Folien der Lektion für das gewählte Wort als PDF-Handout speichern</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Close the window</source>
        <translation>Das Fenster schließen</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <translation>Die letzte Änderung rückgängig machen</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>Redo the change just undone</source>
        <translation>Die eben rückgängig gemachte Änderung wiederherstellen</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Larger cells</source>
        <translation>Größere Zellen</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>Smaller cells</source>
        <translation>Kleinere Zellen</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>An &amp;Fenster anpassen</translation>
    </message>
    <message>
        <source>Show the whole figure</source>
        <translation>Die ganze Abbildung zeigen</translation>
    </message>
    <message>
        <source>&amp;Settings Panel</source>
        <translation>&amp;Einstellungsleiste</translation>
    </message>
    <message>
        <source>Show or hide the settings; hidden, the figure gets the whole width (the seeds stay in the figure&apos;s title)</source>
        <translation>Die Einstellungen zeigen oder ausblenden; ausgeblendet bekommt die Abbildung die ganze Breite (die Seeds stehen weiter im Titel der Abbildung)</translation>
    </message>
    <message>
        <source>F&amp;ull Screen</source>
        <translation>Voll&amp;bild</translation>
    </message>
    <message>
        <source>Use the whole screen or projector</source>
        <translation>Den ganzen Bildschirm oder Projektor nutzen</translation>
    </message>
    <message>
        <source>S&amp;tages</source>
        <translation>&amp;Rechenschritte</translation>
    </message>
    <message>
        <source>Every matrix of the computation for one layer and head</source>
        <translation>Jede Matrix der Berechnung für eine Schicht und einen Kopf</translation>
    </message>
    <message>
        <source>&amp;Head View</source>
        <translation>K&amp;opfansicht</translation>
    </message>
    <message>
        <source>Lines from each token to the tokens it attends to</source>
        <translation>Linien von jedem Token zu den Tokens, auf die es achtet</translation>
    </message>
    <message>
        <source>&amp;Model View</source>
        <translation>&amp;Modellansicht</translation>
    </message>
    <message>
        <source>Every layer and head at once as thumbnails; click one to open it</source>
        <translation>Alle Schichten und Köpfe auf einmal als Vorschaubilder; zum Öffnen eines davon klicken</translation>
    </message>
    <message>
        <source>&amp;Compare Seeds…</source>
        <translation>Seeds &amp;vergleichen…</translation>
    </message>
    <message>
        <source>The attention weights under this weight seed and another, side by side, with their difference</source>
        <translation>Die Attention-Gewichte unter diesem und einem anderen Seed der Gewichte, nebeneinander, mit ihrer Differenz</translation>
    </message>
    <message>
        <source>&amp;Lesson</source>
        <translation>&amp;Lektion</translation>
    </message>
    <message>
        <source>Step through the computation for one word, slide by slide (Esc: back to the figure)</source>
        <translation>Die Berechnung für ein Wort Folie für Folie durchgehen (Esc: zurück zur Abbildung)</translation>
    </message>
    <message>
        <source>&amp;Next Token</source>
        <translation>&amp;Nächstes Token</translation>
    </message>
    <message>
        <source>What a GPT-2 model predicts after the last token, with a temperature and Generate</source>
        <translation>Was ein GPT-2-Modell nach dem letzten Token vorhersagt, mit Temperatur und Erzeugen</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>&amp;Trainieren</translation>
    </message>
    <message>
        <source>Train a small model on a task and watch its heads learn (previous token, induction, …)</source>
        <translation>Ein kleines Modell auf einer Aufgabe trainieren und zusehen, wie seine Köpfe lernen (vorheriges Token, Induction, …)</translation>
    </message>
    <message>
        <source>&amp;Presentation Mode</source>
        <translation>&amp;Präsentationsmodus</translation>
    </message>
    <message>
        <source>Full screen, settings hidden, large high-contrast type for a projector (F11 or Esc leaves)</source>
        <translation>Vollbild, Einstellungen ausgeblendet, große kontrastreiche Schrift für einen Projektor (F11 oder Esc beendet ihn)</translation>
    </message>
    <message>
        <source>&amp;Back to the Figure</source>
        <translation>&amp;Zurück zur Abbildung</translation>
    </message>
    <message>
        <source>Leave presentation mode, then the lesson</source>
        <translation>Erst den Präsentationsmodus verlassen, dann die Lektion</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Every key the window answers to</source>
        <translation>Jede Taste, auf die das Fenster reagiert</translation>
    </message>
    <message>
        <source>Quick &amp;Guide</source>
        <translation>&amp;Kurzanleitung</translation>
    </message>
    <message>
        <source>What the panels show and how to explore them</source>
        <translation>Was die Panels zeigen und wie man sie erkundet</translation>
    </message>
    <message>
        <source>&amp;About Attention Visualizer</source>
        <translation>Ü&amp;ber Attention Visualizer</translation>
    </message>
    <message>
        <source>What this program is</source>
        <translation>Was dieses Programm ist</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Rückgängig: %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Wiederherstellen: %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Open &amp;Preset</source>
        <translation>&amp;Vorlage öffnen</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>About Attention Visualizer</source>
        <translation>Über Attention Visualizer</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Attention Visualizer %1&lt;/h3&gt;&lt;p&gt;Self-attention, every number of it: embeddings, weights, queries, keys, values, scores, softmax weights and outputs as linked heatmaps.&lt;/p&gt;&lt;p&gt;Every number is float64 from NumPy&apos;s legacy generator, so File → Export Data writes a NumPy script that recomputes exactly what you see.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Attention Visualizer %1&lt;/h3&gt;&lt;p&gt;Self-Attention mit jeder ihrer Zahlen: Embeddings, Gewichte, Queries, Keys, Values, Scores, Softmax-Gewichte und Ausgaben als verknüpfte Heatmaps.&lt;/p&gt;&lt;p&gt;Jede Zahl ist float64 aus NumPys Legacy-Generator, daher schreibt Datei → Daten exportieren ein NumPy-Skript, das genau das Gezeigte nachrechnet.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Figure and lesson</source>
        <translation>Abbildung und Lektion</translation>
    </message>
    <message>
        <source>Click</source>
        <translation>Klick</translation>
    </message>
    <message>
        <source>Select a token or cell: its row and column light up in every panel</source>
        <translation>Ein Token oder eine Zelle wählen: Zeile und Spalte leuchten in jedem Panel auf</translation>
    </message>
    <message>
        <source>Double-click</source>
        <translation>Doppelklick</translation>
    </message>
    <message>
        <source>Edit a cell of E, W_Q, W_K or W_V</source>
        <translation>Eine Zelle von E, W_Q, W_K oder W_V bearbeiten</translation>
    </message>
    <message>
        <source>Arrow keys</source>
        <translation>Pfeiltasten</translation>
    </message>
    <message>
        <source>Move the ringed cell within its panel of the figure</source>
        <translation>Die umrandete Zelle innerhalb ihres Panels der Abbildung bewegen</translation>
    </message>
    <message>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Umschalt+Tab</translation>
    </message>
    <message>
        <source>The figure&apos;s next / previous panel (past the last: the next control)</source>
        <translation>Nächstes / voriges Panel der Abbildung (nach dem letzten: das nächste Bedienelement)</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Select the ringed cell, as a click does</source>
        <translation>Die umrandete Zelle wählen, wie ein Klick</translation>
    </message>
    <message>
        <source>F2</source>
        <translation>F2</translation>
    </message>
    <message>
        <source>Edit the ringed cell of E, W_Q, W_K or W_V</source>
        <translation>Die umrandete Zelle von E, W_Q, W_K oder W_V bearbeiten</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Clear the selection; leave presentation mode, then the lesson</source>
        <translation>Auswahl aufheben; erst den Präsentationsmodus, dann die Lektion verlassen</translation>
    </message>
    <message>
        <source>Ctrl+wheel</source>
        <translation>Strg+Mausrad</translation>
    </message>
    <message>
        <source>Zoom the figure</source>
        <translation>Die Abbildung zoomen</translation>
    </message>
    <message>
        <source>→, Space, Page Down / ←, Page Up</source>
        <translation>→, Leertaste, Bild ab / ←, Bild auf</translation>
    </message>
    <message>
        <source>Next / previous lesson step</source>
        <translation>Nächster / voriger Schritt der Lektion</translation>
    </message>
    <message>
        <source>Home / End</source>
        <translation>Pos1 / Ende</translation>
    </message>
    <message>
        <source>First / last lesson step</source>
        <translation>Erster / letzter Schritt der Lektion</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Quick Guide</source>
        <translation>Kurzanleitung</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Self-attention, every number of it&lt;/h2&gt;&lt;p&gt;Type a sentence at the top. Each word becomes a row of &lt;b&gt;E&lt;/b&gt;, its embedding. The weight matrices &lt;b&gt;W_Q&lt;/b&gt;, &lt;b&gt;W_K&lt;/b&gt;, &lt;b&gt;W_V&lt;/b&gt; turn the rows into queries &lt;b&gt;Q&lt;/b&gt;, keys &lt;b&gt;K&lt;/b&gt; and values &lt;b&gt;V&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;&lt;b&gt;scores&lt;/b&gt; = Q Kᵀ: how well each query matches each key. The &lt;b&gt;scaled scores&lt;/b&gt; divide by √d_k (and the temperature); the softmax of each row gives the &lt;b&gt;weights&lt;/b&gt;, which sum to 1 per row: how much each word attends to every other. The &lt;b&gt;output&lt;/b&gt; of a word is the weighted sum of the values.&lt;/p&gt;&lt;h3&gt;Exploring&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Hover any cell to see its arithmetic written out with the real numbers.&lt;/li&gt;&lt;li&gt;Click a word or a cell to follow it through every panel; Esc clears.&lt;/li&gt;&lt;li&gt;Double-click a cell of E or a W matrix to type a new number; Ctrl+Z undoes it.&lt;/li&gt;&lt;li&gt;Reseed (Ctrl+R) draws new weights; View → Compare Seeds shows what changes.&lt;/li&gt;&lt;li&gt;Several heads split d_model: choose the head under Display, or all heads at once.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Teaching&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;View → Lesson (F5) steps through the computation for the selected word in seven slides (eleven for a checkpoint, with the block around attention); F11 makes them large, high-contrast slides for a projector.&lt;/li&gt;&lt;li&gt;File → Export Lesson writes the same slides as a PDF handout; Export Figure writes PNG, SVG or PDF; Export Data writes JSON, CSV or a NumPy script that recomputes every number.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;h2&gt;Self-Attention mit jeder ihrer Zahlen&lt;/h2&gt;&lt;p&gt;Geben Sie oben einen Satz ein. Jedes Wort wird eine Zeile von &lt;b&gt;E&lt;/b&gt;, sein Embedding. Die Gewichtsmatrizen &lt;b&gt;W_Q&lt;/b&gt;, &lt;b&gt;W_K&lt;/b&gt;, &lt;b&gt;W_V&lt;/b&gt; machen aus den Zeilen Queries &lt;b&gt;Q&lt;/b&gt;, Keys &lt;b&gt;K&lt;/b&gt; und Values &lt;b&gt;V&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Scores&lt;/b&gt; = Q Kᵀ: wie gut jede Query zu jedem Key passt. Die &lt;b&gt;skalierten Scores&lt;/b&gt; teilen durch √d_k (und die Temperatur); die Softmax jeder Zeile ergibt die &lt;b&gt;Gewichte&lt;/b&gt;, die sich pro Zeile zu 1 summieren: wie stark jedes Wort auf jedes andere achtet. Die &lt;b&gt;Ausgabe&lt;/b&gt; eines Wortes ist die gewichtete Summe der Values.&lt;/p&gt;&lt;h3&gt;Erkunden&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Fahren Sie über eine Zelle, um ihre Rechnung mit den echten Zahlen zu sehen.&lt;/li&gt;&lt;li&gt;Klicken Sie auf ein Wort oder eine Zelle, um ihm durch jedes Panel zu folgen; Esc hebt die Auswahl auf.&lt;/li&gt;&lt;li&gt;Doppelklicken Sie auf eine Zelle von E oder einer W-Matrix, um eine neue Zahl einzugeben; Strg+Z macht es rückgängig.&lt;/li&gt;&lt;li&gt;Neu ziehen (Strg+R) erzeugt neue Gewichte; Ansicht → Seeds vergleichen zeigt, was sich ändert.&lt;/li&gt;&lt;li&gt;Mehrere Köpfe teilen d_model auf: Wählen Sie den Kopf unter „Anzeige“ oder alle Köpfe auf einmal.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Unterrichten&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Ansicht → Lektion (F5) geht die Berechnung für das gewählte Wort in sieben Folien durch (elf bei einem Checkpoint, mit dem Block um die Attention); F11 macht daraus große, kontrastreiche Folien für einen Projektor.&lt;/li&gt;&lt;li&gt;Datei → Lektion exportieren schreibt dieselben Folien als PDF-Handout; Abbildung exportieren schreibt PNG, SVG oder PDF; Daten exportieren schreibt JSON, CSV oder ein NumPy-Skript, das jede Zahl nachrechnet.&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>E&amp;instellungen…</translation>
    </message>
    <message>
        <source>Language, light or dark colours, and the colours of exported figures</source>
        <translation>Sprache, helle oder dunkle Farben und die Farben exportierter Abbildungen</translation>
    </message>
</context>
</TS>
