<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccessibleTable</name>
    <message>
        <source>row %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>row &apos;%1&apos;</source>
        <translation>Zeile „%1“</translation>
    </message>
    <message>
        <source>column %1</source>
        <translation>Spalte %1</translation>
    </message>
    <message>
        <source>column &apos;%1&apos;</source>
        <translation>Spalte „%1“</translation>
    </message>
</context>
<context>
    <name>BusyIndicator</name>
    <message>
        <source>Computing the new settings; the figure shows the previous ones meanwhile.</source>
        <translation>Die neuen Einstellungen werden berechnet; die Abbildung zeigt so lange die vorigen.</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Wird berechnet…</translation>
    </message>
</context>
<context>
    <name>CompareSeedsDialog</name>
    <message>
        <source>Compare Seeds</source>
        <translation>Seeds vergleichen</translation>
    </message>
    <message>
        <source>Weight seed</source>
        <translation>Seed der Gewichte</translation>
    </message>
    <message>
        <source>Embedding seed</source>
        <translation>Seed der Embeddings</translation>
    </message>
    <message>
        <source>The seed that differs between A and B: the weights W_Q, W_K, W_V or the word vectors.</source>
        <translation>Der Seed, in dem sich A und B unterscheiden: der der Gewichte W_Q, W_K, W_V oder der der Wortvektoren.</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>The seed to compare with the window&apos;s (seed A). Everything else stays the same.</source>
        <translation>Der Seed, mit dem der des Fensters (Seed A) verglichen wird. Alles andere bleibt gleich.</translation>
    </message>
    <message>
        <source>Use Seed B in the Window</source>
        <translation>Seed B im Fenster verwenden</translation>
    </message>
    <message>
        <source>The window takes seed B (Ctrl+Z in the window goes back).</source>
        <translation>Das Fenster übernimmt Seed B (Strg+Z im Fenster macht es rückgängig).</translation>
    </message>
    <message>
        <source>Use Weight Seed %1</source>
        <translation>Seed %1 der Gewichte verwenden</translation>
    </message>
    <message>
        <source>Use Embedding Seed %1</source>
        <translation>Seed %1 der Embeddings verwenden</translation>
    </message>
    <message>
        <source>Computing seed B…</source>
        <translation>Seed B wird berechnet…</translation>
    </message>
    <message>
        <source>, head %1</source>
        <translation>, Kopf %1</translation>
    </message>
    <message>
        <source>weight seed</source>
        <translation>Seed der Gewichte</translation>
    </message>
    <message>
        <source>embedding seed</source>
        <translation>Seed der Embeddings</translation>
    </message>
    <message>
        <source>A: %1 %2%3</source>
        <translation>A: %1 %2%3</translation>
    </message>
    <message>
        <source>weights (with edited W cells)</source>
        <translation>Gewichte (mit bearbeiteten W-Zellen)</translation>
    </message>
    <message>
        <source>attention weights</source>
        <translation>Attention-Gewichte</translation>
    </message>
    <message>
        <source>B: %1 %2%3</source>
        <translation>B: %1 %2%3</translation>
    </message>
    <message>
        <source>B − A</source>
        <translation>B − A</translation>
    </message>
    <message>
        <source>blue: A attends more, red: B attends more</source>
        <translation>Blau: A achtet stärker, Rot: B achtet stärker</translation>
    </message>
    <message>
        <source>Same sentence and settings; only the %1 differs. Largest change of a weight: %2.</source>
        <translation>Gleicher Satz, gleiche Einstellungen; nur der %1 unterscheidet sich. Größte Änderung eines Gewichts: %2.</translation>
    </message>
</context>
<context>
    <name>ControlPanel</name>
    <message>
        <source>Weights W_Q, W_K, W_V</source>
        <translation>Gewichte W_Q, W_K, W_V</translation>
    </message>
    <message>
        <source>Seed of NumPy&apos;s generator for W_Q, W_K and W_V (0 to 4294967295).</source>
        <translation>Seed von NumPys Generator für W_Q, W_K und W_V (0 bis 4294967295).</translation>
    </message>
    <message>
        <source>Weight seed</source>
        <translation>Seed der Gewichte</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Reseed</source>
        <translation>Neu ziehen</translation>
    </message>
    <message>
        <source>randint: 0, 1, 2</source>
        <translation>randint: 0, 1, 2</translation>
    </message>
    <message>
        <source>uniform [0, 1)</source>
        <translation>uniform [0, 1)</translation>
    </message>
    <message>
        <source>normal / √d</source>
        <translation>normal / √d</translation>
    </message>
    <message>
        <source>How the weights are drawn: np.random.randint(3), np.random.rand, or np.random.randn / √d_model.</source>
        <translation>Wie die Gewichte gezogen werden: np.random.randint(3), np.random.rand oder np.random.randn / √d_model.</translation>
    </message>
    <message>
        <source>Init</source>
        <translation>Init.</translation>
    </message>
    <message>
        <source>Embeddings E</source>
        <translation>Embeddings E</translation>
    </message>
    <message>
        <source>Seed of NumPy&apos;s generator for the word vectors (0 to 4294967295). Changing it replaces vectors given literally, such as the article&apos;s.</source>
        <translation>Seed von NumPys Generator für die Wortvektoren (0 bis 4294967295). Eine Änderung ersetzt wörtlich vorgegebene Vektoren wie die des Artikels.</translation>
    </message>
    <message>
        <source>Embedding seed</source>
        <translation>Seed der Embeddings</translation>
    </message>
    <message>
        <source>Draw All</source>
        <translation>Alle ziehen</translation>
    </message>
    <message>
        <source>Replace the given vectors (the article&apos;s, imported or edited ones) by vectors drawn from the seed, as for every other word. Undoable.</source>
        <translation>Die vorgegebenen Vektoren (die des Artikels, importierte oder bearbeitete) durch aus dem Seed gezogene ersetzen, wie bei jedem anderen Wort. Rückgängig machbar.</translation>
    </message>
    <message>
        <source>Positional encoding</source>
        <translation>Positionskodierung</translation>
    </message>
    <message>
        <source>Add sinusoidal positional encodings (Vaswani et al.) to the embeddings: X = E + PE.</source>
        <translation>Sinusförmige Positionskodierungen (Vaswani et al.) zu den Embeddings addieren: X = E + PE.</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>d_model</source>
        <translation>d_model</translation>
    </message>
    <message>
        <source>d_model: how many numbers describe each word (1 to %1).</source>
        <translation>d_model: wie viele Zahlen jedes Wort beschreiben (1 bis %1).</translation>
    </message>
    <message>
        <source>Number of attention heads; it must divide d_model (each head gets d_k = d_model / h).</source>
        <translation>Anzahl der Attention-Köpfe; sie muss d_model teilen (jeder Kopf erhält d_k = d_model / h).</translation>
    </message>
    <message>
        <source>heads</source>
        <translation>Köpfe</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>Attention</translation>
    </message>
    <message>
        <source>Causal mask</source>
        <translation>Kausale Maske</translation>
    </message>
    <message>
        <source>Each word may attend only to itself and earlier words: scores above the diagonal become −∞ and get weight 0.</source>
        <translation>Jedes Wort darf nur auf sich selbst und frühere Wörter achten: Scores oberhalb der Diagonale werden −∞ und erhalten das Gewicht 0.</translation>
    </message>
    <message>
        <source>Scale by √d_k</source>
        <translation>Durch √d_k skalieren</translation>
    </message>
    <message>
        <source>Divide the scores by √d_k before the softmax, as in the Transformer.</source>
        <translation>Die Scores vor der Softmax durch √d_k teilen, wie im Transformer.</translation>
    </message>
    <message>
        <source>Softmax temperature T, from 0.05 to 20 on a log scale: the scores are divided by T. Low T sharpens the weights towards one word, high T flattens them.</source>
        <translation>Softmax-Temperatur T, von 0,05 bis 20 auf logarithmischer Skala: Die Scores werden durch T geteilt. Ein kleines T schärft die Gewichte auf ein Wort hin, ein großes T glättet sie.</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <source>Softmax temperature</source>
        <translation>Softmax-Temperatur</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Anzeige</translation>
    </message>
    <message>
        <source>Head shown</source>
        <translation>Gezeigter Kopf</translation>
    </message>
    <message>
        <source>The head whose scores and weights are shown.</source>
        <translation>Der Kopf, dessen Scores und Gewichte gezeigt werden.</translation>
    </message>
    <message>
        <source>All heads</source>
        <translation>Alle Köpfe</translation>
    </message>
    <message>
        <source>Show the weights of every head side by side.</source>
        <translation>Die Gewichte aller Köpfe nebeneinander zeigen.</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Kopf</translation>
    </message>
    <message>
        <source>Colours of the attention weights; cividis and grayscale stay readable for colour-blind viewers and on black-and-white print.</source>
        <translation>Farben der Attention-Gewichte; cividis und grayscale bleiben für Menschen mit Farbsehschwäche und im Schwarz-Weiß-Druck lesbar.</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Farben</translation>
    </message>
    <message>
        <source>0 to 1</source>
        <translation>0 bis 1</translation>
    </message>
    <message>
        <source>this matrix</source>
        <translation>diese Matrix</translation>
    </message>
    <message>
        <source>each row</source>
        <translation>jede Zeile</translation>
    </message>
    <message>
        <source>What the colours of the weights span: 0 to 1, the smallest to the largest weight of the matrix, or of each query row (every row then shows its strongest key).</source>
        <translation>Was die Farben der Gewichte umfassen: 0 bis 1, das kleinste bis größte Gewicht der Matrix oder jeder Query-Zeile (jede Zeile zeigt dann ihren stärksten Key).</translation>
    </message>
    <message>
        <source>Weights scale</source>
        <translation>Gewichtsskala</translation>
    </message>
    <message>
        <source>A model trained on %1: type its tokens (numbers separated by spaces) as the sentence. File → Article&apos;s Model goes back.</source>
        <translation>Ein auf %1 trainiertes Modell: Geben Sie seine Tokens (durch Leerzeichen getrennte Zahlen) als Satz ein. Datei → Modell des Artikels kehrt zurück.</translation>
    </message>
    <message>
        <source>A GPT-2 checkpoint: its own embeddings and weights. File → Article&apos;s Model goes back.</source>
        <translation>Ein GPT-2-Checkpoint: mit eigenen Embeddings und Gewichten. Datei → Modell des Artikels kehrt zurück.</translation>
    </message>
    <message>
        <source>Every word&apos;s vector is drawn from the seed.</source>
        <translation>Der Vektor jedes Wortes wird aus dem Seed gezogen.</translation>
    </message>
    <message>
        <source>Every word&apos;s vector is drawn from the seed; the given vector of another word is kept.</source>
        <translation>Der Vektor jedes Wortes wird aus dem Seed gezogen; der vorgegebene Vektor eines anderen Wortes bleibt erhalten.</translation>
    </message>
    <message>
        <source>Every word&apos;s vector is drawn from the seed; given vectors of %1 other words are kept.</source>
        <translation>Der Vektor jedes Wortes wird aus dem Seed gezogen; vorgegebene Vektoren von %1 anderen Wörtern bleiben erhalten.</translation>
    </message>
    <message>
        <source> and %1 more</source>
        <translation> und %1 weitere</translation>
    </message>
    <message>
        <source>Given vectors for every word: %1.</source>
        <translation>Vorgegebene Vektoren für jedes Wort: %1.</translation>
    </message>
    <message>
        <source>Given vectors: %1; 1 word drawn from the seed.</source>
        <translation>Vorgegebene Vektoren: %1; ein Wort aus dem Seed gezogen.</translation>
    </message>
    <message>
        <source>Given vectors: %1; %2 words drawn from the seed.</source>
        <translation>Vorgegebene Vektoren: %1; %2 Wörter aus dem Seed gezogen.</translation>
    </message>
    <message>
        <source>A word keeps a vector given to it (the article&apos;s, an import or an edited cell) whatever the sentence, until you reseed the embeddings, change d_model or click Draw All. Other words are drawn from the seed.</source>
        <translation>Ein Wort behält einen ihm vorgegebenen Vektor (den des Artikels, einen importierten oder eine bearbeitete Zelle), welcher Satz auch immer, bis Sie die Embeddings neu ziehen, d_model ändern oder auf „Alle ziehen“ klicken. Andere Wörter werden aus dem Seed gezogen.</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>von %1</translation>
    </message>
</context>
<context>
    <name>CurvePlot</name>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
</context>
<context>
    <name>EmbeddingImportFlow</name>
    <message>
        <source>and %1 more</source>
        <translation>und %1 weitere</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop reading the file; nothing changes</source>
        <translation>Das Lesen der Datei abbrechen; nichts ändert sich</translation>
    </message>
    <message>
        <source>An import is already running.</source>
        <translation>Ein Import läuft bereits.</translation>
    </message>
    <message>
        <source>Type a sentence first: the import looks up its words.</source>
        <translation>Geben Sie zuerst einen Satz ein: Der Import sucht dessen Wörter.</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>%1 wird importiert…</translation>
    </message>
    <message>
        <source>Import cancelled; nothing changed.</source>
        <translation>Import abgebrochen; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>The sentence changed while %1 was being read: %2 were not looked up. Nothing changed yet.</source>
        <translation>Der Satz hat sich geändert, während %1 gelesen wurde: %2 wurden nicht nachgeschlagen. Noch wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Import Again</source>
        <translation>Erneut importieren</translation>
    </message>
    <message>
        <source>Apply Anyway</source>
        <translation>Trotzdem übernehmen</translation>
    </message>
    <message>
        <source>None of the sentence&apos;s words is in %1, so nothing changed. Applying it anyway would only change d_model from %2 to %3 and keep every word random.</source>
        <translation>Keines der Wörter des Satzes steht in %1, daher wurde nichts geändert. Trotzdem übernehmen würde nur d_model von %2 auf %3 ändern und jedes Wort zufällig lassen.</translation>
    </message>
    <message>
        <source>Import Embeddings</source>
        <translation>Embeddings importieren</translation>
    </message>
    <message>
        <source>Imported %1 of %2 words from %3; d_model is now %4.</source>
        <translation>%1 von %2 Wörtern aus %3 importiert; d_model ist jetzt %4.</translation>
    </message>
    <message>
        <source> Heads set to 1: %1 heads do not divide %2.</source>
        <translation> Köpfe auf 1 gesetzt: %1 Köpfe teilen %2 nicht.</translation>
    </message>
    <message>
        <source> Not in the file, so still random (embedding seed): %1.</source>
        <translation> Nicht in der Datei, daher weiter zufällig (Seed der Embeddings): %1.</translation>
    </message>
    <message>
        <source> %1 of them longer than %2 MiB.</source>
        <translation> %1 davon länger als %2 MiB.</translation>
    </message>
    <message>
        <source>Imported %1 of %2 words.</source>
        <translation>%1 von %2 Wörtern importiert.</translation>
    </message>
    <message>
        <source> Skipped 1 malformed line (line %1): each line should be a word and %2 numbers.</source>
        <translation> Eine fehlerhafte Zeile übersprungen (Zeile %1): Jede Zeile sollte ein Wort und %2 Zahlen enthalten.</translation>
    </message>
    <message numerus="yes">
        <source> Skipped %n malformed lines; the first is line %1: each line should be a word and %2 numbers.</source>
        <translation>
            <numerusform> %n fehlerhafte Zeile übersprungen, die erste ist Zeile %1: Jede Zeile sollte ein Wort und %2 Zahlen enthalten.</numerusform>
            <numerusform> %n fehlerhafte Zeilen übersprungen, die erste ist Zeile %1: Jede Zeile sollte ein Wort und %2 Zahlen enthalten.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExploreView</name>
    <message>
        <source>Stages</source>
        <translation>Rechenschritte</translation>
    </message>
    <message>
        <source>Head View</source>
        <translation>Kopfansicht</translation>
    </message>
    <message>
        <source>Model View</source>
        <translation>Modellansicht</translation>
    </message>
    <message>
        <source>Every matrix of the computation for one layer and head (%1)</source>
        <translation>Jede Matrix der Berechnung für eine Schicht und einen Kopf (%1)</translation>
    </message>
    <message>
        <source>Lines from each token to the tokens it attends to (%1)</source>
        <translation>Linien von jedem Token zu den Tokens, auf die es achtet (%1)</translation>
    </message>
    <message>
        <source>Every layer and head at once; click one to open it (%1)</source>
        <translation>Alle Schichten und Köpfe auf einmal; zum Öffnen eines davon klicken (%1)</translation>
    </message>
</context>
<context>
    <name>ExportCommands</name>
    <message>
        <source>There is nothing to export yet: type a sentence first.</source>
        <translation>Es gibt noch nichts zu exportieren: Geben Sie zuerst einen Satz ein.</translation>
    </message>
    <message>
        <source>Export Figure</source>
        <translation>Abbildung exportieren</translation>
    </message>
    <message>
        <source>Saved the figure to %1.</source>
        <translation>Abbildung unter %1 gespeichert.</translation>
    </message>
    <message>
        <source>Export Lesson</source>
        <translation>Lektion exportieren</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Saved the lesson to %1.</source>
        <translation>Lektion unter %1 gespeichert.</translation>
    </message>
    <message>
        <source>Export Data</source>
        <translation>Daten exportieren</translation>
    </message>
    <message>
        <source>Saved the data to %1.</source>
        <translation>Daten unter %1 gespeichert.</translation>
    </message>
</context>
<context>
    <name>ExportDataDialog</name>
    <message>
        <source>Export Data</source>
        <translation>Daten exportieren</translation>
    </message>
    <message>
        <source>JSON: every stage</source>
        <translation>JSON: alle Rechenschritte</translation>
    </message>
    <message>
        <source>NumPy script that recomputes it</source>
        <translation>NumPy-Skript, das alles neu berechnet</translation>
    </message>
    <message>
        <source>CSV: one panel</source>
        <translation>CSV: ein Panel</translation>
    </message>
    <message>
        <source>Per-head panels are written for the head shown (head %1).</source>
        <translation>Panels pro Kopf werden für den gezeigten Kopf geschrieben (Kopf %1).</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>CSV panel</source>
        <translation>CSV-Panel</translation>
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
        <translation>Abbildung exportieren</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG-Bild</translation>
    </message>
    <message>
        <source>SVG drawing</source>
        <translation>SVG-Zeichnung</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF-Dokument</translation>
    </message>
    <message>
        <source>Pixels per point: 2× stays sharp on slides and high-resolution screens.</source>
        <translation>Pixel pro Punkt: 2× bleibt auf Folien und hochauflösenden Bildschirmen scharf.</translation>
    </message>
    <message>
        <source>The whole figure</source>
        <translation>Die ganze Abbildung</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>PNG scale</source>
        <translation>PNG-Skalierung</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Inhalt</translation>
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
        <translation>Abbildung der Rechenschritte</translation>
    </message>
    <message>
        <source>Every stage of the computation as a table of numbers: arrow keys move between cells, Tab to the next panel, Enter selects the cell&apos;s tokens</source>
        <translation>Jeder Rechenschritt als Zahlentabelle: Pfeiltasten wechseln die Zelle, Tab springt zum nächsten Panel, Eingabe wählt die Tokens der Zelle</translation>
    </message>
    <message>
        <source>Query &quot;%1&quot; (row %2)</source>
        <translation>Query „%1“ (Zeile %2)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; attends to &quot;%2&quot; with weight %3 (score %4)</source>
        <translation>„%1“ achtet auf „%2“ mit Gewicht %3 (Score %4)</translation>
    </message>
    <message>
        <source>Export panel…</source>
        <translation>Panel exportieren…</translation>
    </message>
    <message>
        <source>Export panel as CSV…</source>
        <translation>Panel als CSV exportieren…</translation>
    </message>
    <message>
        <source>Copy panel</source>
        <translation>Panel kopieren</translation>
    </message>
    <message>
        <source>Zoom to fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Clear selection</source>
        <translation>Auswahl aufheben</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG-Zeichnung (*.svg)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Export Panel</source>
        <translation>Panel exportieren</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <source>Export Panel as CSV</source>
        <translation>Panel als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV-Tabelle (*.csv)</translation>
    </message>
    <message>
        <source>A new value: Enter applies it, Esc cancels</source>
        <translation>Ein neuer Wert: Eingabe übernimmt ihn, Esc bricht ab</translation>
    </message>
    <message>
        <source>%1 is beyond the range of a float64 (about ±1.8e308). Esc cancels.</source>
        <translation>%1 liegt außerhalb des Bereichs von float64 (etwa ±1,8e308). Esc bricht ab.</translation>
    </message>
    <message>
        <source>“%1” is not a number: type one such as 0.5, -2 or 1e-3. Esc cancels.</source>
        <translation>„%1“ ist keine Zahl: Geben Sie etwa 0,5, -2 oder 1e-3 ein. Esc bricht ab.</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Otherwise they are lost.</source>
        <translation>Sonst gehen sie verloren.</translation>
    </message>
</context>
<context>
    <name>HeadView</name>
    <message>
        <source>Head view: lines from each token to the tokens it attends to</source>
        <translation>Kopfansicht: Linien von jedem Token zu den Tokens, auf die es achtet</translation>
    </message>
    <message>
        <source>&amp;Group a word&apos;s pieces</source>
        <translation>Teile eines Wortes &amp;gruppieren</translation>
    </message>
    <message>
        <source>Draw words instead of GPT-2&apos;s pieces: a word attends with the mean of its pieces and is attended to with their sum</source>
        <translation>Wörter statt der Teilstücke von GPT-2 zeichnen: Ein Wort achtet mit dem Mittel seiner Teile und erhält Attention mit deren Summe</translation>
    </message>
    <message>
        <source>Layer %1, all %2 heads</source>
        <translation>Schicht %1, alle %2 Köpfe</translation>
    </message>
    <message>
        <source>Layer %1, head %2</source>
        <translation>Schicht %1, Kopf %2</translation>
    </message>
    <message>
        <source> · a line&apos;s strength is the weight · point at a token to bring its lines forward</source>
        <translation> · Stärke einer Linie = Gewicht · auf ein Token zeigen holt seine Linien nach vorn</translation>
    </message>
    <message>
        <source>head %1</source>
        <translation>Kopf %1</translation>
    </message>
    <message>
        <source>“%1” %2</source>
        <translation>„%1“ %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;“%1”&lt;/b&gt; (head %2) attends most to %3</source>
        <translation>&lt;b&gt;„%1“&lt;/b&gt; (Kopf %2) achtet am meisten auf %3</translation>
    </message>
    <message>
        <source>&lt;b&gt;“%1”&lt;/b&gt; as a key (head %2) receives %3 of the weight in all</source>
        <translation>&lt;b&gt;„%1“&lt;/b&gt; als Key (Kopf %2) erhält insgesamt %3 des Gewichts</translation>
    </message>
</context>
<context>
    <name>HeatmapTable</name>
    <message>
        <source>%1 rows, %2 columns</source>
        <translation>%1 Zeilen, %2 Spalten</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1; %2</translation>
    </message>
    <message>
        <source>%1, %2, %3: %4</source>
        <translation>%1, %2, %3: %4</translation>
    </message>
</context>
<context>
    <name>HeatmapsAccessible</name>
    <message>
        <source>Lesson, step %1 of %2: %3</source>
        <translation>Lektion, Schritt %1 von %2: %3</translation>
    </message>
</context>
<context>
    <name>LessonView</name>
    <message>
        <source>Right / Space: next step · Left: previous · click a token to follow it</source>
        <translation>Rechts / Leertaste: nächster Schritt · Links: voriger · ein Token anklicken, um ihm zu folgen</translation>
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
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>ModelOverview</name>
    <message>
        <source>Model view: every layer and head</source>
        <translation>Modellansicht: alle Schichten und Köpfe</translation>
    </message>
    <message>
        <source>Layer %1</source>
        <translation>Schicht %1</translation>
    </message>
    <message>
        <source>Layer 00</source>
        <translation>Schicht 00</translation>
    </message>
    <message>
        <source>Attention weights of every layer and head · click one to open it</source>
        <translation>Attention-Gewichte aller Schichten und Köpfe · zum Öffnen eines davon klicken</translation>
    </message>
    <message>
        <source>Head %1</source>
        <translation>Kopf %1</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Kopf</translation>
    </message>
    <message>
        <source>Drawing…</source>
        <translation>Wird gezeichnet…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Layer %1, head %2&lt;/b&gt;&lt;br&gt;mean weight one token back %3, on the first token %4, on itself %5&lt;br&gt;Click to open its stages</source>
        <translation>&lt;b&gt;Schicht %1, Kopf %2&lt;/b&gt;&lt;br&gt;mittleres Gewicht ein Token zurück %3, auf dem ersten Token %4, auf sich selbst %5&lt;br&gt;Klicken, um die Rechenschritte zu öffnen</translation>
    </message>
</context>
<context>
    <name>NextTokenPanel</name>
    <message>
        <source>Divides every logit before the softmax: below 1 sharpens the choice, above 1 flattens it</source>
        <translation>Teilt jeden Logit vor der Softmax: unter 1 schärft die Wahl, über 1 glättet sie</translation>
    </message>
    <message>
        <source>Te&amp;mperature:</source>
        <translation>Te&amp;mperatur:</translation>
    </message>
    <message>
        <source>Greedy: the most likely</source>
        <translation>Greedy: das wahrscheinlichste</translation>
    </message>
    <message>
        <source>Sample among these ten</source>
        <translation>Aus diesen zehn ziehen</translation>
    </message>
    <message>
        <source>&amp;Choose:</source>
        <translation>&amp;Wahl:</translation>
    </message>
    <message>
        <source>The sampler&apos;s seed: the same seed and text give the same token</source>
        <translation>Der Seed des Samplers: gleicher Seed und Text ergeben dasselbe Token</translation>
    </message>
    <message>
        <source>Sample s&amp;eed:</source>
        <translation>Sampling-S&amp;eed:</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>Er&amp;zeugen</translation>
    </message>
    <message>
        <source>Append the chosen token to the sentence (Ctrl+Z takes it back)</source>
        <translation>Das gewählte Token an den Satz anhängen (Strg+Z nimmt es zurück)</translation>
    </message>
    <message>
        <source>Open a GPT-2 model (File → Open Model…) to see what it predicts after the last token.</source>
        <translation>Öffnen Sie ein GPT-2-Modell (Datei → Modell öffnen…), um zu sehen, was es nach dem letzten Token vorhersagt.</translation>
    </message>
    <message>
        <source>After %1, the model&apos;s ten most likely next tokens:</source>
        <translation>Nach %1 die zehn wahrscheinlichsten nächsten Tokens des Modells:</translation>
    </message>
    <message>
        <source>The next token, %1, is part of a character, and the sentence holds whole characters: on the command line --generate continues through it.</source>
        <translation>Das nächste Token, %1, ist Teil eines Zeichens, und der Satz enthält nur ganze Zeichen: Auf der Kommandozeile setzt --generate darüber hinweg fort.</translation>
    </message>
    <message>
        <source>Generated %1 (%2 %, %3): its row in the weights is what it attended to; Ctrl+Z takes it back.</source>
        <translation>%1 erzeugt (%2 %, %3): Seine Zeile in den Gewichten zeigt, worauf es geachtet hat; Strg+Z nimmt es zurück.</translation>
    </message>
    <message>
        <source>sampled</source>
        <translation>gezogen</translation>
    </message>
    <message>
        <source>the most likely</source>
        <translation>das wahrscheinlichste</translation>
    </message>
</context>
<context>
    <name>PanelTable</name>
    <message>
        <source>%1; %2 rows, %3 columns</source>
        <translation>%1; %2 Zeilen, %3 Spalten</translation>
    </message>
    <message>
        <source>%1, %2, %3: %4</source>
        <translation>%1, %2, %3: %4</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The language of the menus, panels and messages</source>
        <translation>Die Sprache der Menüs, Panels und Meldungen</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>The language applies the next time Attention Visualizer starts.</source>
        <translation>Die Sprache gilt ab dem nächsten Start von Attention Visualizer.</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Colour scheme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <source>Light or dark windows and figure; the colour maps of the cells stay the same</source>
        <translation>Helle oder dunkle Fenster und Abbildung; die Farbskalen der Zellen bleiben gleich</translation>
    </message>
    <message>
        <source>&amp;Colour scheme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
    <message>
        <source>&amp;Export figures in the screen&apos;s colours</source>
        <translation>Abbildungen in den Farben des Bildschirms &amp;exportieren</translation>
    </message>
    <message>
        <source>Export figures in the screen&apos;s colours</source>
        <translation>Abbildungen in den Farben des Bildschirms exportieren</translation>
    </message>
    <message>
        <source>Unchecked, every figure, panel and lesson export is light, as for print, whatever the screen shows</source>
        <translation>Nicht angekreuzt ist jeder Export von Abbildungen, Panels und Lektionen hell wie für den Druck, gleich was der Bildschirm zeigt</translation>
    </message>
</context>
<context>
    <name>QDialog</name>
    <message>
        <source>Choose File…</source>
        <translation>Datei wählen…</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>1 token</source>
        <translation>1 Token</translation>
    </message>
    <message>
        <source> · </source>
        <translation> · </translation>
    </message>
    <message>
        <source>1 word</source>
        <translation>1 Wort</translation>
    </message>
    <message>
        <source> · d_model %1 · </source>
        <translation> · d_model %1 · </translation>
    </message>
    <message>
        <source>1 head</source>
        <translation>1 Kopf</translation>
    </message>
    <message>
        <source> · d_k %1</source>
        <translation> · d_k %1</translation>
    </message>
    <message>
        <source> · seeds: weights %1, embeddings %2</source>
        <translation> · Seeds: Gewichte %1, Embeddings %2</translation>
    </message>
    <message numerus="yes">
        <source>%n tokens</source>
        <translation>
            <numerusform>%n Token</numerusform>
            <numerusform>%n Tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n words</source>
        <translation>
            <numerusform>%n Wort</numerusform>
            <numerusform>%n Wörter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n layers</source>
        <translation>
            <numerusform> · %n Schicht</numerusform>
            <numerusform> · %n Schichten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n heads</source>
        <translation>
            <numerusform>%n Kopf</numerusform>
            <numerusform>%n Köpfe</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SentenceField</name>
    <message>
        <source>Type a sentence, e.g. i miss the old kanye</source>
        <translation>Einen Satz eingeben, z. B. i miss the old kanye</translation>
    </message>
    <message>
        <source>The words to attend over, split at spaces (%1). The figure follows as you type.</source>
        <translation>Die Wörter, über die die Attention läuft, an Leerzeichen getrennt (%1). Die Abbildung folgt beim Tippen.</translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation>Satz</translation>
    </message>
</context>
<context>
    <name>SessionFiles</name>
    <message>
        <source>Saved the session to %1.</source>
        <translation>Sitzung unter %1 gespeichert.</translation>
    </message>
    <message>
        <source>Save Session</source>
        <translation>Sitzung speichern</translation>
    </message>
    <message>
        <source>Attention sessions (*.attn)</source>
        <translation>Attention-Sitzungen (*.attn)</translation>
    </message>
    <message>
        <source>the untitled session</source>
        <translation>die unbenannte Sitzung</translation>
    </message>
    <message>
        <source>Save the changes to %1 first?</source>
        <translation>Die Änderungen an %1 zuerst speichern?</translation>
    </message>
    <message>
        <source>Open Session</source>
        <translation>Sitzung öffnen</translation>
    </message>
    <message>
        <source>Attention sessions (*.attn);;All files (*)</source>
        <translation>Attention-Sitzungen (*.attn);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Opened %1.</source>
        <translation>%1 geöffnet.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; no longer exists, so it was removed from Open Recent.</source>
        <translation>„%1“ existiert nicht mehr und wurde daher aus „Zuletzt geöffnet“ entfernt.</translation>
    </message>
    <message>
        <source>No Recent Sessions</source>
        <translation>Keine zuletzt geöffneten Sitzungen</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <source>Could not keep a copy of the unsaved changes: %1</source>
        <translation>Von den ungespeicherten Änderungen konnte keine Kopie angelegt werden: %1</translation>
    </message>
    <message>
        <source>Attention Visualizer did not close properly. Unsaved changes were kept (%1).</source>
        <translation>Attention Visualizer wurde nicht ordnungsgemäß beendet. Ungespeicherte Änderungen wurden aufbewahrt (%1).</translation>
    </message>
    <message>
        <source>Attention Visualizer did not close properly. Unsaved changes to &quot;%1&quot; were kept (%2).</source>
        <translation>Attention Visualizer wurde nicht ordnungsgemäß beendet. Ungespeicherte Änderungen an „%1“ wurden aufbewahrt (%2).</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>The unsaved changes could not be recovered. %1</source>
        <translation>Die ungespeicherten Änderungen konnten nicht wiederhergestellt werden. %1</translation>
    </message>
    <message>
        <source>Recovered the unsaved changes; save them to keep them.</source>
        <translation>Die ungespeicherten Änderungen sind wiederhergestellt; speichern Sie sie, um sie zu behalten.</translation>
    </message>
</context>
<context>
    <name>TrainPanel</name>
    <message>
        <source>Tas&amp;k:</source>
        <translation>Aufga&amp;be:</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>Heads</source>
        <translation>Köpfe</translation>
    </message>
    <message>
        <source>d_model</source>
        <translation>d_model</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>La&amp;yers:</source>
        <translation>Sc&amp;hichten:</translation>
    </message>
    <message>
        <source>Hea&amp;ds:</source>
        <translation>&amp;Köpfe:</translation>
    </message>
    <message>
        <source>d_model:</source>
        <translation>d_model:</translation>
    </message>
    <message>
        <source>Ste&amp;ps:</source>
        <translation>Schri&amp;tte:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <source>Lear&amp;ning rate:</source>
        <translation>Lernr&amp;ate:</translation>
    </message>
    <message>
        <source>T&amp;rain</source>
        <translation>T&amp;rainieren</translation>
    </message>
    <message>
        <source>Train until the last step, on a thread of its own</source>
        <translation>Bis zum letzten Schritt trainieren, in einem eigenen Thread</translation>
    </message>
    <message>
        <source>Pa&amp;use</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>&amp;Step</source>
        <translation>&amp;Schritt</translation>
    </message>
    <message>
        <source>One Adam step on a fresh batch</source>
        <translation>Ein Adam-Schritt auf einem neuen Batch</translation>
    </message>
    <message>
        <source>Rese&amp;t</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <source>A new model from the settings above, at step 0</source>
        <translation>Ein neues Modell aus den obigen Einstellungen, bei Schritt 0</translation>
    </message>
    <message>
        <source>Loss (cross-entropy, each step&apos;s batch)</source>
        <translation>Verlust (Kreuzentropie je Batch)</translation>
    </message>
    <message>
        <source>Accuracy (each step&apos;s batch)</source>
        <translation>Genauigkeit (je Batch)</translation>
    </message>
    <message>
        <source>Rows are the queries, columns the keys, bright is more weight. Under each head: back, its mean weight one token back; induction, its mean weight on the token after the earlier copy of the query&apos;s token</source>
        <translation>Zeilen sind die Queries, Spalten die Keys, hell bedeutet mehr Gewicht. Unter jedem Kopf: zurück, sein mittleres Gewicht ein Token zurück; Induction, sein mittleres Gewicht auf dem Token nach der früheren Kopie des Query-Tokens</translation>
    </message>
    <message>
        <source>Hist&amp;ory:</source>
        <translation>&amp;Verlauf:</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>step 100000 of 100000</source>
        <translation>Schritt 100000 von 100000</translation>
    </message>
    <message>
        <source>Show &amp;gradients dL/dW_Q, dL/dW_K, dL/dW_V</source>
        <translation>&amp;Gradienten dL/dW_Q, dL/dW_K, dL/dW_V zeigen</translation>
    </message>
    <message>
        <source>The gradient of the loss on the last step&apos;s batch with respect to each layer&apos;s W_Q, W_K and W_V: blue negative, red positive, each scaled to its largest magnitude</source>
        <translation>Der Gradient des Verlusts auf dem Batch des letzten Schritts nach W_Q, W_K und W_V jeder Schicht: blau negativ, rot positiv, jeweils auf den größten Betrag skaliert</translation>
    </message>
    <message>
        <source>Show &amp;in Figure</source>
        <translation>In der Abb&amp;ildung zeigen</translation>
    </message>
    <message>
        <source>Show the model as trained so far in the stage figure, with hover arithmetic and the lesson (undoable)</source>
        <translation>Das bisher trainierte Modell in der Abbildung der Rechenschritte zeigen, mit Rechenweg beim Überfahren und Lektion (rückgängig machbar)</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>Schritt %1 von %2</translation>
    </message>
    <message>
        <source> · loss %1 · accuracy %2 %</source>
        <translation> · Verlust %1 · Genauigkeit %2 %</translation>
    </message>
    <message>
        <source> · done</source>
        <translation> · fertig</translation>
    </message>
    <message>
        <source>Attention on the task&apos;s example, %1 tokens: %2</source>
        <translation>Attention auf dem Beispiel der Aufgabe, %1 Tokens: %2</translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation>Schicht %1</translation>
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
        <translation>Schritt %1 von %2</translation>
    </message>
    <message>
        <source>now (step %1)</source>
        <translation>jetzt (Schritt %1)</translation>
    </message>
    <message>
        <source>back %1</source>
        <translation>zurück %1</translation>
    </message>
    <message>
        <source> · induction %1</source>
        <translation> · Induction %1</translation>
    </message>
    <message>
        <source>head %1</source>
        <translation>Kopf %1</translation>
    </message>
</context>
<context>
    <name>ZoomLabel</name>
    <message>
        <source>Figure zoom: Ctrl+wheel or View menu; Ctrl+0 fits the window again.</source>
        <translation>Zoom der Abbildung: Strg+Mausrad oder Menü Ansicht; Strg+0 passt wieder an das Fenster an.</translation>
    </message>
    <message>
        <source>Zoom: fit, %1 %</source>
        <translation>Zoom: eingepasst, %1 %</translation>
    </message>
    <message>
        <source>Zoom: %1 %</source>
        <translation>Zoom: %1 %</translation>
    </message>
</context>
</TS>
