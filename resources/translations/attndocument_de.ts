<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AttentionDocument</name>
    <message>
        <source>Edit Values</source>
        <translation>Werte bearbeiten</translation>
    </message>
    <message>
        <source>Change Settings</source>
        <translation>Einstellungen ändern</translation>
    </message>
    <message>
        <source>Edit Sentence</source>
        <translation>Satz bearbeiten</translation>
    </message>
    <message>
        <source>Change Temperature</source>
        <translation>Temperatur ändern</translation>
    </message>
    <message>
        <source>Change Weight Seed</source>
        <translation>Seed der Gewichte ändern</translation>
    </message>
    <message>
        <source>Change Embedding Seed</source>
        <translation>Seed der Embeddings ändern</translation>
    </message>
    <message>
        <source>Change d_model</source>
        <translation>d_model ändern</translation>
    </message>
    <message>
        <source>Change Heads</source>
        <translation>Köpfe ändern</translation>
    </message>
    <message>
        <source>Change Weight Init</source>
        <translation>Initialisierung ändern</translation>
    </message>
    <message>
        <source>Toggle Causal Mask</source>
        <translation>Kausale Maske umschalten</translation>
    </message>
    <message>
        <source>Toggle Scaling</source>
        <translation>Skalierung umschalten</translation>
    </message>
    <message>
        <source>Toggle Positional Encoding</source>
        <translation>Positionskodierung umschalten</translation>
    </message>
    <message>
        <source>The computation failed.</source>
        <translation>Die Berechnung ist fehlgeschlagen.</translation>
    </message>
</context>
<context>
    <name>EmbeddingImportJob</name>
    <message>
        <source>Cannot import &quot;%1&quot;: it is a folder.</source>
        <translation>„%1“ kann nicht importiert werden: Es ist ein Ordner.</translation>
    </message>
    <message>
        <source>Cannot import &quot;%1&quot;: it is not a regular file (a device, pipe or socket).</source>
        <translation>„%1“ kann nicht importiert werden: Es ist keine reguläre Datei (ein Gerät, eine Pipe oder ein Socket).</translation>
    </message>
    <message>
        <source>Cannot read &quot;%1&quot;: the file does not exist or is not readable.</source>
        <translation>„%1“ kann nicht gelesen werden: Die Datei existiert nicht oder ist nicht lesbar.</translation>
    </message>
    <message>
        <source>Reading &quot;%1&quot; failed midway.</source>
        <translation>Das Lesen von „%1“ brach mittendrin ab.</translation>
    </message>
    <message>
        <source>Cannot import &quot;%1&quot;: %2</source>
        <translation>„%1“ kann nicht importiert werden: %2</translation>
    </message>
    <message>
        <source>Not enough memory to import &quot;%1&quot;.</source>
        <translation>Nicht genug Speicher, um „%1“ zu importieren.</translation>
    </message>
    <message>
        <source>Importing &quot;%1&quot; failed: %2</source>
        <translation>Der Import von „%1“ ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Importing &quot;%1&quot; failed for an unknown reason.</source>
        <translation>Der Import von „%1“ ist aus unbekanntem Grund fehlgeschlagen.</translation>
    </message>
</context>
<context>
    <name>ModelLoader</name>
    <message>
        <source>%1 is not a folder: open a model&apos;s folder (config.json and model.safetensors).</source>
        <translation>%1 ist kein Ordner: Öffnen Sie den Ordner eines Modells (config.json und model.safetensors).</translation>
    </message>
    <message>
        <source>%1: the tokenizer has %2 tokens but the model only %3.</source>
        <translation>%1: Der Tokenizer hat %2 Tokens, das Modell aber nur %3.</translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <source>&quot;%1&quot; must be a whole number.</source>
        <translation>„%1“ muss eine ganze Zahl sein.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is %2, far outside its range.</source>
        <translation>„%1“ ist %2, weit außerhalb seines Bereichs.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be true or false.</source>
        <translation>„%1“ muss true oder false sein.</translation>
    </message>
    <message>
        <source>Unknown preset &quot;%1&quot;; the presets are: %2.</source>
        <translation>Unbekannte Vorlage „%1“; die Vorlagen sind: %2.</translation>
    </message>
    <message>
        <source>The preset &quot;%1&quot; is damaged: %2.</source>
        <translation>Die Vorlage „%1“ ist beschädigt: %2.</translation>
    </message>
    <message>
        <source>&quot;sentence&quot; must be text.</source>
        <translation>„sentence“ muss Text sein.</translation>
    </message>
    <message>
        <source>&quot;sentence&quot; is longer than %1 bytes, the limit.</source>
        <translation>„sentence“ ist länger als %1 Bytes, die Obergrenze.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be from 1 to %2, not %3.</source>
        <translation>„%1“ muss zwischen 1 und %2 liegen, nicht %3.</translation>
    </message>
    <message>
        <source>&quot;init&quot; must be &quot;randint&quot;, &quot;uniform&quot; or &quot;normal&quot;.</source>
        <translation>„init“ muss „randint“, „uniform“ oder „normal“ sein.</translation>
    </message>
    <message>
        <source>&quot;temperature&quot; must be a number.</source>
        <translation>„temperature“ muss eine Zahl sein.</translation>
    </message>
    <message>
        <source>&quot;model&quot; must be the path of a GPT-2 folder.</source>
        <translation>„model“ muss der Pfad eines GPT-2-Ordners sein.</translation>
    </message>
    <message>
        <source>&quot;trained_preset&quot; must be %1.</source>
        <translation>„trained_preset“ muss %1 sein.</translation>
    </message>
    <message>
        <source>&quot;trained_model&quot; must be a trained model&apos;s file.</source>
        <translation>„trained_model“ muss die Datei eines trainierten Modells sein.</translation>
    </message>
    <message>
        <source>&quot;embeddings&quot; must map words to lists of numbers.</source>
        <translation>„embeddings“ muss Wörter auf Listen von Zahlen abbilden.</translation>
    </message>
    <message>
        <source>The embedding of &quot;%1&quot; must be a list of numbers.</source>
        <translation>Das Embedding von „%1“ muss eine Liste von Zahlen sein.</translation>
    </message>
    <message>
        <source>The embedding of &quot;%1&quot; must hold only numbers.</source>
        <translation>Das Embedding von „%1“ darf nur Zahlen enthalten.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a list of rows of numbers, d_model x d_model.</source>
        <translation>„%1“ muss eine Liste von Zeilen aus Zahlen sein, d_model × d_model.</translation>
    </message>
</context>
<context>
    <name>SaveFile</name>
    <message>
        <source>Cannot write &quot;%1&quot;: %2.</source>
        <translation>„%1“ kann nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>Der Datenträger ist voll</translation>
    </message>
    <message>
        <source>the disk quota is used up</source>
        <translation>Das Speicherkontingent ist aufgebraucht</translation>
    </message>
    <message>
        <source>the file is larger than this file system allows</source>
        <translation>Die Datei ist größer, als dieses Dateisystem erlaubt</translation>
    </message>
    <message>
        <source>the file system is read-only</source>
        <translation>Das Dateisystem ist schreibgeschützt</translation>
    </message>
    <message>
        <source>the system reported a write error</source>
        <translation>Das System meldete einen Schreibfehler</translation>
    </message>
    <message>
        <source>Cannot write a file with no name.</source>
        <translation>Eine Datei ohne Namen kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>the folder does not exist</source>
        <translation>Der Ordner existiert nicht</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>Es ist ein Ordner</translation>
    </message>
    <message>
        <source>another output of this run is written to the same file</source>
        <translation>Eine andere Ausgabe dieses Laufs wird in dieselbe Datei geschrieben</translation>
    </message>
    <message>
        <source>no temporary file could be made (%1)</source>
        <translation>Es konnte keine temporäre Datei angelegt werden (%1)</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Cannot open &quot;%1&quot;: %2</source>
        <translation>„%1“ kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>the file is empty.</source>
        <translation>Die Datei ist leer.</translation>
    </message>
    <message>
        <source>the file is truncated (it ends in the middle of the data).</source>
        <translation>Die Datei ist abgeschnitten (sie endet mitten in den Daten).</translation>
    </message>
    <message>
        <source>it is not valid JSON (%1 at byte %2).</source>
        <translation>Es ist kein gültiges JSON (%1 bei Byte %2).</translation>
    </message>
    <message>
        <source>it is not an Attention Visualizer session.</source>
        <translation>Es ist keine Sitzung von Attention Visualizer.</translation>
    </message>
    <message>
        <source>&quot;version&quot; must be a whole number from 1.</source>
        <translation>„version“ muss eine ganze Zahl ab 1 sein.</translation>
    </message>
    <message>
        <source>it was saved by a newer version of Attention Visualizer (format %1; this version reads format %2). Update the app to open it.</source>
        <translation>Sie wurde von einer neueren Version von Attention Visualizer gespeichert (Format %1; diese Version liest Format %2). Aktualisieren Sie die App, um sie zu öffnen.</translation>
    </message>
    <message>
        <source>&quot;config&quot; is missing or not an object.</source>
        <translation>„config“ fehlt oder ist kein Objekt.</translation>
    </message>
    <message>
        <source>&quot;view&quot; is not an object; the view starts from its defaults.</source>
        <translation>„view“ ist kein Objekt; die Ansicht beginnt mit ihren Standardwerten.</translation>
    </message>
    <message>
        <source>not a whole number</source>
        <translation>keine ganze Zahl</translation>
    </message>
    <message>
        <source>the sentence has 1 token</source>
        <translation>der Satz hat ein Token</translation>
    </message>
    <message numerus="yes">
        <source>the sentence has %n tokens</source>
        <translation>
            <numerusform>der Satz hat %n Token</numerusform>
            <numerusform>der Satz hat %n Tokens</numerusform>
        </translation>
    </message>
    <message>
        <source>the model has 1 layer (numbered from 0)</source>
        <translation>das Modell hat eine Schicht (ab 0 gezählt)</translation>
    </message>
    <message>
        <source>the configuration has 1 head (numbered from 0)</source>
        <translation>die Konfiguration hat einen Kopf (ab 0 gezählt)</translation>
    </message>
    <message numerus="yes">
        <source>the configuration has %n heads (numbered from 0)</source>
        <translation>
            <numerusform>die Konfiguration hat %n Kopf (ab 0 gezählt)</numerusform>
            <numerusform>die Konfiguration hat %n Köpfe (ab 0 gezählt)</numerusform>
        </translation>
    </message>
    <message>
        <source>the lesson steps are 0 to 11</source>
        <translation>die Lektionsschritte sind 0 bis 11</translation>
    </message>
    <message>
        <source>The colour map &quot;%1&quot; is unknown; %2 is shown instead.</source>
        <translation>Die Farbskala „%1“ ist unbekannt; stattdessen wird %2 gezeigt.</translation>
    </message>
    <message>
        <source>(not text)</source>
        <translation>(kein Text)</translation>
    </message>
    <message>
        <source>The weights scale &quot;%1&quot; is unknown (%2); 0 to 1 is shown instead.</source>
        <translation>Die Gewichtsskala „%1“ ist unbekannt (%2); stattdessen wird 0 bis 1 gezeigt.</translation>
    </message>
    <message>
        <source>it is a folder.</source>
        <translation>Es ist ein Ordner.</translation>
    </message>
    <message>
        <source>it is not a regular file (a device, pipe or socket), so it cannot be a session.</source>
        <translation>Es ist keine reguläre Datei (ein Gerät, eine Pipe oder ein Socket), also keine Sitzung.</translation>
    </message>
    <message>
        <source>the file is larger than any session can be (%1 MB at most).</source>
        <translation>Die Datei ist größer, als eine Sitzung sein kann (höchstens %1 MB).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is %2, but %3; it is reset.</source>
        <translation>„%1“ ist %2, aber %3; der Wert wird zurückgesetzt.</translation>
    </message>
</context>
<context>
    <name>TrainedPresets</name>
    <message>
        <source>There is no trained preset called &quot;%1&quot;.</source>
        <translation>Es gibt keine trainierte Vorlage namens „%1“.</translation>
    </message>
    <message>
        <source>A model trained on %1 reads the tokens %2 separated by spaces, not &quot;%3&quot;.</source>
        <translation>Ein auf %1 trainiertes Modell liest die Tokens %2, durch Leerzeichen getrennt, nicht „%3“.</translation>
    </message>
    <message numerus="yes">
        <source>A model trained on %1 reads at most %n tokens.</source>
        <translation>
            <numerusform>Ein auf %1 trainiertes Modell liest höchstens %n Token.</numerusform>
            <numerusform>Ein auf %1 trainiertes Modell liest höchstens %n Tokens.</numerusform>
        </translation>
    </message>
    <message>
        <source>Trained to output the previous token: one head puts nearly all of its weight on the token just before.</source>
        <translation>Darauf trainiert, das vorige Token auszugeben: Ein Kopf legt fast sein ganzes Gewicht auf das Token direkt davor.</translation>
    </message>
    <message>
        <source>Trained to continue a repeated sequence: a layer-1 head looks one token back, and a layer-2 head looks at the token after the earlier copy of the current one (an induction head).</source>
        <translation>Darauf trainiert, eine wiederholte Folge fortzusetzen: Ein Kopf in Schicht 1 blickt ein Token zurück, und ein Kopf in Schicht 2 blickt auf das Token nach der früheren Kopie des aktuellen (ein Induction-Kopf).</translation>
    </message>
    <message>
        <source>1 layer</source>
        <translation>1 Schicht</translation>
    </message>
    <message numerus="yes">
        <source>%n layers</source>
        <translation>
            <numerusform>%n Schicht</numerusform>
            <numerusform>%n Schichten</numerusform>
        </translation>
    </message>
    <message>
        <source>1 head</source>
        <translation>1 Kopf</translation>
    </message>
    <message numerus="yes">
        <source>%n heads</source>
        <translation>
            <numerusform>%n Kopf</numerusform>
            <numerusform>%n Köpfe</numerusform>
        </translation>
    </message>
    <message>
        <source>1 step</source>
        <translation>1 Schritt</translation>
    </message>
    <message numerus="yes">
        <source>%n steps</source>
        <translation>
            <numerusform>%n Schritt</numerusform>
            <numerusform>%n Schritte</numerusform>
        </translation>
    </message>
    <message>
        <source>trained on %1 · %2 × %3 · d_model %4 · %5 · layer %6</source>
        <translation>trainiert auf %1 · %2 × %3 · d_model %4 · %5 · Schicht %6</translation>
    </message>
</context>
</TS>
