<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CommandLine</name>
    <message>
        <source>The sentence to attend over.</source>
        <translation>Der Satz, über den die Attention läuft.</translation>
    </message>
    <message>
        <source>text</source>
        <comment>value name in --help</comment>
        <translation>Text</translation>
    </message>
    <message>
        <source>Start from a preset: article (the reference walk-through), or a trained model: previous (a previous-token head) or induction (an induction head).</source>
        <translation>Mit einer Vorlage beginnen: article (das Rechenbeispiel des Artikels) oder ein trainiertes Modell: previous (ein Previous-Token-Kopf) oder induction (ein Induction-Kopf).</translation>
    </message>
    <message>
        <source>name</source>
        <comment>value name in --help</comment>
        <translation>Name</translation>
    </message>
    <message>
        <source>Train a small attention model on a task first: previous, reverse, sort or induction; --heads, --d-model, --layers, --train-steps and --train-seed set it.</source>
        <translation>Zuerst ein kleines Attention-Modell auf einer Aufgabe trainieren: previous, reverse, sort oder induction; --heads, --d-model, --layers, --train-steps und --train-seed legen es fest.</translation>
    </message>
    <message>
        <source>task</source>
        <comment>value name in --help</comment>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>With --train: Adam steps, 1 to 100000 (default: the task&apos;s).</source>
        <translation>Mit --train: Adam-Schritte, 1 bis 100000 (Standard: die der Aufgabe).</translation>
    </message>
    <message>
        <source>With --train: the seed of the weights and data (default 1).</source>
        <translation>Mit --train: der Seed der Gewichte und Daten (Standard 1).</translation>
    </message>
    <message>
        <source>With --train: attention layers, 1 or 2 (default: the task&apos;s).</source>
        <translation>Mit --train: Attention-Schichten, 1 oder 2 (Standard: die der Aufgabe).</translation>
    </message>
    <message>
        <source>Weight seed, 0 to 4294967295 (default 42).</source>
        <translation>Seed der Gewichte, 0 bis 4294967295 (Standard 42).</translation>
    </message>
    <message>
        <source>Embedding seed, 0 to 4294967295 (default 0); draws every word&apos;s vector, given ones too.</source>
        <translation>Seed der Embeddings, 0 bis 4294967295 (Standard 0); zieht den Vektor jedes Wortes, auch vorgegebene.</translation>
    </message>
    <message>
        <source>Embedding size d_model, 1 to 1024 (default 3).</source>
        <translation>Embedding-Größe d_model, 1 bis 1024 (Standard 3).</translation>
    </message>
    <message>
        <source>Number of attention heads; must divide d_model (default 1).</source>
        <translation>Anzahl der Attention-Köpfe; muss d_model teilen (Standard 1).</translation>
    </message>
    <message>
        <source>Weight initialisation: randint, uniform or normal (default randint).</source>
        <translation>Initialisierung der Gewichte: randint, uniform oder normal (Standard randint).</translation>
    </message>
    <message>
        <source>kind</source>
        <comment>value name in --help</comment>
        <translation>Art</translation>
    </message>
    <message>
        <source>Mask future tokens (decoder-style attention).</source>
        <translation>Zukünftige Tokens maskieren (Attention wie im Decoder).</translation>
    </message>
    <message>
        <source>Do not divide the scores by sqrt(d_k).</source>
        <translation>Die Scores nicht durch sqrt(d_k) teilen.</translation>
    </message>
    <message>
        <source>Softmax temperature, greater than 0 (default 1).</source>
        <translation>Softmax-Temperatur, größer als 0 (Standard 1).</translation>
    </message>
    <message>
        <source>Add the sinusoidal positional encoding to the embeddings.</source>
        <translation>Die sinusförmige Positionskodierung zu den Embeddings addieren.</translation>
    </message>
    <message>
        <source>Write every stage as JSON to file, then exit.</source>
        <translation>Jeden Rechenschritt als JSON in die Datei schreiben, dann beenden.</translation>
    </message>
    <message>
        <source>file</source>
        <comment>value name in --help</comment>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Write a runnable NumPy script to file, then exit.</source>
        <translation>Ein lauffähiges NumPy-Skript in die Datei schreiben, dann beenden.</translation>
    </message>
    <message>
        <source>Write the figure as .png, .svg or .pdf to file, then exit.</source>
        <translation>Die Abbildung als .png, .svg oder .pdf in die Datei schreiben, dann beenden.</translation>
    </message>
    <message>
        <source>Write the lesson (16:9 slides, one per step: seven, eleven with --model) as a .pdf to file, then exit.</source>
        <translation>Die Lektion (16:9-Folien, eine pro Schritt: sieben, mit --model elf) als .pdf in die Datei schreiben, dann beenden.</translation>
    </message>
    <message>
        <source>Write the configuration (with --train, the trained model) as a session file (.attn), then exit.</source>
        <translation>Die Konfiguration (mit --train auch das trainierte Modell) als Sitzungsdatei (.attn) schreiben, dann beenden.</translation>
    </message>
    <message>
        <source>Write the numbers of one panel (--panel) as CSV to file, then exit.</source>
        <translation>Die Zahlen eines Panels (--panel) als CSV in die Datei schreiben, dann beenden.</translation>
    </message>
    <message>
        <source>Export one panel: %1.</source>
        <translation>Ein Panel exportieren: %1.</translation>
    </message>
    <message>
        <source>Pixel ratio of a PNG export, 1 to 8 (default 1).</source>
        <translation>Pixelverhältnis eines PNG-Exports, 1 bis 8 (Standard 1).</translation>
    </message>
    <message>
        <source>Head shown in per-head panels, from 1 (default 1).</source>
        <translation>Kopf, der in Panels pro Kopf gezeigt wird, ab 1 (Standard 1).</translation>
    </message>
    <message>
        <source>Show the attention of a GPT-2 checkpoint: a Hugging Face folder with config.json, model.safetensors and the tokenizer files, instead of the article&apos;s model.</source>
        <translation>Die Attention eines GPT-2-Checkpoints zeigen: ein Hugging-Face-Ordner mit config.json, model.safetensors und den Tokenizer-Dateien, statt des Modells aus dem Artikel.</translation>
    </message>
    <message>
        <source>folder</source>
        <comment>value name in --help</comment>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>With --model: the layer shown, from 1 (default 1).</source>
        <translation>Mit --model: die gezeigte Schicht, ab 1 (Standard 1).</translation>
    </message>
    <message>
        <source>With --model: continue the text by n greedy tokens first, 1 to 1024.</source>
        <translation>Mit --model: den Text zuerst um n Tokens fortsetzen (greedy), 1 bis 1024.</translation>
    </message>
    <message>
        <source>Colour map of the attention weights: %1 (default viridis).</source>
        <translation>Farbskala der Attention-Gewichte: %1 (Standard viridis).</translation>
    </message>
    <message>
        <source>What the colours of the weights span: fixed (0 to 1, the default), matrix (its min to max) or row (each row&apos;s min to max).</source>
        <translation>Was die Farben der Gewichte umfassen: fixed (0 bis 1, der Standard), matrix (ihr Minimum bis Maximum) oder row (Minimum bis Maximum jeder Zeile).</translation>
    </message>
    <message>
        <source>scale</source>
        <comment>value name in --help</comment>
        <translation>Skala</translation>
    </message>
    <message>
        <source>Language of the window, the help and the exports: en, de or zh_CN (default: the system&apos;s).</source>
        <translation>Sprache des Fensters, der Hilfe und der Exporte: en, de oder zh_CN (Standard: die des Systems).</translation>
    </message>
    <message>
        <source>code</source>
        <comment>value name in --help</comment>
        <translation>Code</translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>Diese Hilfe zeigen und beenden.</translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation>Die Version zeigen und beenden.</translation>
    </message>
    <message>
        <source>Attention Visualizer: self-attention, every number of it, as linked heatmaps.
With an --export option it writes the files and exits without opening a window.</source>
        <translation>Attention Visualizer: Self-Attention mit jeder ihrer Zahlen, als verknüpfte Heatmaps.
Mit einer --export-Option schreibt es die Dateien und beendet sich, ohne ein Fenster zu öffnen.</translation>
    </message>
    <message>
        <source>A saved session (.attn) to open.</source>
        <translation>Eine gespeicherte Sitzung (.attn), die geöffnet wird.</translation>
    </message>
    <message>
        <source>[SESSION]</source>
        <comment>the positional argument in --help</comment>
        <translation>[SITZUNG]</translation>
    </message>
    <message>
        <source>--%1 needs a whole number from %2 to %3, not &quot;%4&quot;.</source>
        <translation>--%1 braucht eine ganze Zahl von %2 bis %3, nicht „%4“.</translation>
    </message>
    <message>
        <source>--%1 must be from %2 to %3, not %4.</source>
        <translation>--%1 muss zwischen %2 und %3 liegen, nicht %4.</translation>
    </message>
    <message>
        <source>--%1 needs a number, not &quot;%2&quot;.</source>
        <translation>--%1 braucht eine Zahl, nicht „%2“.</translation>
    </message>
    <message>
        <source>--%1 needs --train.</source>
        <translation>--%1 braucht --train.</translation>
    </message>
    <message>
        <source>--train trains a model of its own: it cannot be combined with --model or a trained --preset.</source>
        <translation>--train trainiert ein eigenes Modell: Es lässt sich nicht mit --model oder einem trainierten --preset kombinieren.</translation>
    </message>
    <message>
        <source>--lang must be one of %1, not &quot;%2&quot;.</source>
        <translation>--lang muss eines von %1 sein, nicht „%2“.</translation>
    </message>
    <message>
        <source>Give at most one session file, not %1 (put a sentence in --sentence &quot;...&quot;).</source>
        <translation>Höchstens eine Sitzungsdatei angeben, nicht %1 (einen Satz mit --sentence &quot;...&quot; übergeben).</translation>
    </message>
    <message>
        <source>--init must be randint, uniform or normal, not &quot;%1&quot;.</source>
        <translation>--init muss randint, uniform oder normal sein, nicht „%1“.</translation>
    </message>
    <message>
        <source>--temperature must be a finite number greater than 0, not %1.</source>
        <translation>--temperature muss eine endliche Zahl größer als 0 sein, nicht %1.</translation>
    </message>
    <message>
        <source>--export-csv needs a file name.</source>
        <translation>--export-csv braucht einen Dateinamen.</translation>
    </message>
    <message>
        <source>--export-csv writes one panel: name it with --panel (%1).</source>
        <translation>--export-csv schreibt ein Panel: Benennen Sie es mit --panel (%1).</translation>
    </message>
    <message>
        <source>--save-session needs a file name.</source>
        <translation>--save-session braucht einen Dateinamen.</translation>
    </message>
    <message>
        <source>--export-json needs a file name.</source>
        <translation>--export-json braucht einen Dateinamen.</translation>
    </message>
    <message>
        <source>--export-numpy needs a file name.</source>
        <translation>--export-numpy braucht einen Dateinamen.</translation>
    </message>
    <message>
        <source>--export-image needs a file ending in .png, .svg or .pdf, not &quot;%1&quot;.</source>
        <translation>--export-image braucht eine Datei mit der Endung .png, .svg oder .pdf, nicht „%1“.</translation>
    </message>
    <message>
        <source>--export-lesson needs a file ending in .pdf, not &quot;%1&quot;.</source>
        <translation>--export-lesson braucht eine Datei mit der Endung .pdf, nicht „%1“.</translation>
    </message>
    <message>
        <source>Unknown panel &quot;%1&quot;; the panels are: %2.</source>
        <translation>Unbekanntes Panel „%1“; die Panels sind: %2.</translation>
    </message>
    <message>
        <source>Unknown colour map &quot;%1&quot;; the colour maps are: %2.</source>
        <translation>Unbekannte Farbskala „%1“; die Farbskalen sind: %2.</translation>
    </message>
    <message>
        <source>Unknown weights scale &quot;%1&quot;; the scales are: %2.</source>
        <translation>Unbekannte Gewichtsskala „%1“; die Skalen sind: %2.</translation>
    </message>
    <message>
        <source>--scale must be from 1 to 8, not %1.</source>
        <translation>--scale muss zwischen 1 und 8 liegen, nicht %1.</translation>
    </message>
    <message>
        <source>--model needs the path of a GPT-2 folder.</source>
        <translation>--model braucht den Pfad eines GPT-2-Ordners.</translation>
    </message>
    <message>
        <source>--generate needs --model: only a GPT-2 checkpoint continues a text.</source>
        <translation>--generate braucht --model: Nur ein GPT-2-Checkpoint setzt einen Text fort.</translation>
    </message>
    <message>
        <source>--layer needs --model, --train or a trained --preset: the article&apos;s model has one layer.</source>
        <translation>--layer braucht --model, --train oder ein trainiertes --preset: Das Modell des Artikels hat eine Schicht.</translation>
    </message>
    <message>
        <source>The session showed head %1, but there is now 1 head; head 1 is shown.</source>
        <translation>Die Sitzung zeigte Kopf %1, jetzt gibt es aber nur einen Kopf; Kopf 1 wird gezeigt.</translation>
    </message>
    <message numerus="yes">
        <source>The session showed head %1, but there are now %n heads; head 1 is shown.</source>
        <translation>
            <numerusform>Die Sitzung zeigte Kopf %1, jetzt gibt es aber %n Kopf; Kopf 1 wird gezeigt.</numerusform>
            <numerusform>Die Sitzung zeigte Kopf %1, jetzt gibt es aber %n Köpfe; Kopf 1 wird gezeigt.</numerusform>
        </translation>
    </message>
    <message>
        <source>--train writes files: add --export-json or --export-image (the window opens the trained presets with File &gt; Open Preset).</source>
        <translation>--train schreibt Dateien: --export-json oder --export-image hinzufügen (das Fenster öffnet die trainierten Vorlagen über Datei &gt; Vorlage öffnen).</translation>
    </message>
    <message>
        <source>--sentence: a model trained now shows its task&apos;s example sequence; the presets read a sentence of their tokens.</source>
        <translation>--sentence: Ein jetzt trainiertes Modell zeigt die Beispielfolge seiner Aufgabe; die Vorlagen lesen einen Satz aus ihren Tokens.</translation>
    </message>
    <message>
        <source>note: %1</source>
        <comment>before a note on stderr</comment>
        <translation>Hinweis: %1</translation>
    </message>
</context>
<context>
    <name>HeadlessExport</name>
    <message>
        <source>training %1: step %2 of %3, loss %4, accuracy %5%</source>
        <translation>Training %1: Schritt %2 von %3, Verlust %4, Genauigkeit %5 %</translation>
    </message>
    <message>
        <source>--export-numpy writes the article&apos;s model; a trained model&apos;s numbers are in --export-json.</source>
        <translation>--export-numpy schreibt das Modell des Artikels; die Zahlen eines trainierten Modells stehen in --export-json.</translation>
    </message>
    <message>
        <source>--export-numpy writes the article&apos;s model; a checkpoint&apos;s numbers are in --export-json.</source>
        <translation>--export-numpy schreibt das Modell des Artikels; die Zahlen eines Checkpoints stehen in --export-json.</translation>
    </message>
    <message>
        <source>--layer %1: the model has 1 layer.</source>
        <translation>--layer %1: Das Modell hat eine Schicht.</translation>
    </message>
    <message>
        <source>--head %1: the model has 1 head per layer.</source>
        <translation>--head %1: Das Modell hat einen Kopf pro Schicht.</translation>
    </message>
    <message numerus="yes">
        <source>--head %1: the model has %n heads per layer.</source>
        <translation>
            <numerusform>--head %1: Das Modell hat %n Kopf pro Schicht.</numerusform>
            <numerusform>--head %1: Das Modell hat %n Köpfe pro Schicht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>--layer %1: the model has %n layers.</source>
        <translation>
            <numerusform>--layer %1: Das Modell hat %n Schicht.</numerusform>
            <numerusform>--layer %1: Das Modell hat %n Schichten.</numerusform>
        </translation>
    </message>
</context>
</TS>
