<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AttentionError</name>
    <message>
        <source>%1 is %2 x %3, but d_model %4 needs %4 x %4.</source>
        <translation>%1 ist %2 x %3, aber d_model %4 verlangt %4 x %4.</translation>
    </message>
    <message>
        <source>%1 holds an infinite or undefined number.</source>
        <translation>%1 enthält eine unendliche oder undefinierte Zahl.</translation>
    </message>
    <message>
        <source>The scores (dot products of queries and keys) exceed float64&apos;s range (about 1.8e308), so attention cannot be computed: use smaller embeddings or weights.</source>
        <translation>Die Scores (Skalarprodukte von Queries und Keys) überschreiten den Wertebereich von float64 (etwa 1,8e308), daher kann die Attention nicht berechnet werden: Verwenden Sie kleinere Embeddings oder Gewichte.</translation>
    </message>
    <message>
        <source>At temperature %1 the scaled scores exceed float64&apos;s range (about 1.8e308): use a larger temperature.</source>
        <translation>Bei der Temperatur %1 überschreiten die skalierten Scores den Wertebereich von float64 (etwa 1,8e308): Wählen Sie eine höhere Temperatur.</translation>
    </message>
    <message>
        <source>The attention outputs exceed float64&apos;s range (about 1.8e308), so attention cannot be computed: use smaller embeddings or weights.</source>
        <translation>Die Attention-Ausgaben überschreiten den Wertebereich von float64 (etwa 1,8e308), daher kann die Attention nicht berechnet werden: Verwenden Sie kleinere Embeddings oder Gewichte.</translation>
    </message>
    <message>
        <source>Not enough free memory for this input: use fewer tokens, fewer heads or a smaller d_model.</source>
        <translation>Für diese Eingabe ist nicht genug freier Speicher vorhanden: Verwenden Sie weniger Tokens, weniger Köpfe oder ein kleineres d_model.</translation>
    </message>
    <message>
        <source>The sentence is %1 bytes long; the limit is %2 bytes.</source>
        <translation>Der Satz ist %1 Byte lang; die Grenze liegt bei %2 Byte.</translation>
    </message>
    <message>
        <source>The text is empty: type at least one word.</source>
        <translation>Der Text ist leer: Geben Sie mindestens ein Wort ein.</translation>
    </message>
    <message>
        <source>The sentence has no words: type at least one.</source>
        <translation>Der Satz enthält keine Wörter: Geben Sie mindestens eines ein.</translation>
    </message>
    <message>
        <source>The sentence has more than %1 tokens; the limit is %1.</source>
        <translation>Der Satz hat mehr als %1 Tokens; die Grenze liegt bei %1.</translation>
    </message>
    <message>
        <source>d_model must be from 1 to %1, not %2.</source>
        <translation>d_model muss zwischen 1 und %1 liegen, nicht %2.</translation>
    </message>
    <message>
        <source>The number of heads must be at least 1, not %1.</source>
        <translation>Die Anzahl der Köpfe muss mindestens 1 sein, nicht %1.</translation>
    </message>
    <message>
        <source>%1 heads do not divide d_model %2 evenly: choose a number of heads that divides it.</source>
        <translation>%1 Köpfe teilen d_model %2 nicht ohne Rest: Wählen Sie eine Anzahl von Köpfen, die d_model teilt.</translation>
    </message>
    <message>
        <source>%1 tokens with %2 heads need about %3 of memory, more than this computer can spare (%4): use fewer tokens or fewer heads.</source>
        <translation>%1 Tokens mit %2 Köpfen brauchen etwa %3 Speicher, mehr als dieser Rechner erübrigen kann (%4): Verwenden Sie weniger Tokens oder weniger Köpfe.</translation>
    </message>
    <message>
        <source>The temperature must be a finite number greater than 0.</source>
        <translation>Die Temperatur muss eine endliche Zahl größer als 0 sein.</translation>
    </message>
    <message>
        <source>The weight seed must be a whole number from 0 to 4294967295, not %1.</source>
        <translation>Der Seed der Gewichte muss eine ganze Zahl von 0 bis 4294967295 sein, nicht %1.</translation>
    </message>
    <message>
        <source>The embedding seed must be a whole number from 0 to 4294967295, not %1.</source>
        <translation>Der Seed der Embeddings muss eine ganze Zahl von 0 bis 4294967295 sein, nicht %1.</translation>
    </message>
    <message>
        <source>The embedding of &quot;%1&quot; has %2 numbers, but d_model is %3.</source>
        <translation>Das Embedding von „%1“ hat %2 Zahlen, aber d_model ist %3.</translation>
    </message>
    <message>
        <source>The embedding of &quot;%1&quot; holds an infinite or undefined number.</source>
        <translation>Das Embedding von „%1“ enthält eine unendliche oder undefinierte Zahl.</translation>
    </message>
    <message>
        <source>The queries Q = X W_query exceed float64&apos;s range (about 1.8e308), so attention cannot be computed: use smaller embeddings or weights.</source>
        <translation>Die Queries Q = X W_query überschreiten den Wertebereich von float64 (etwa 1,8e308), daher kann die Attention nicht berechnet werden: Verwenden Sie kleinere Embeddings oder Gewichte.</translation>
    </message>
    <message>
        <source>The keys K = X W_key exceed float64&apos;s range (about 1.8e308), so attention cannot be computed: use smaller embeddings or weights.</source>
        <translation>Die Keys K = X W_key überschreiten den Wertebereich von float64 (etwa 1,8e308), daher kann die Attention nicht berechnet werden: Verwenden Sie kleinere Embeddings oder Gewichte.</translation>
    </message>
    <message>
        <source>The values V = X W_value exceed float64&apos;s range (about 1.8e308), so attention cannot be computed: use smaller embeddings or weights.</source>
        <translation>Die Values V = X W_value überschreiten den Wertebereich von float64 (etwa 1,8e308), daher kann die Attention nicht berechnet werden: Verwenden Sie kleinere Embeddings oder Gewichte.</translation>
    </message>
</context>
<context>
    <name>Explanation</name>
    <message>
        <source>layer %1</source>
        <translation>Schicht %1</translation>
    </message>
    <message>
        <source>head %1</source>
        <translation>Kopf %1</translation>
    </message>
    <message>
        <source>head %1 uses columns %2–%3 (d_k = %4)</source>
        <translation>Kopf %1 nutzt die Spalten %2–%3 (d_k = %4)</translation>
    </message>
    <message numerus="yes">
        <source>%n more keys</source>
        <translation>
            <numerusform>%n weiterer Key</numerusform>
            <numerusform>%n weitere Keys</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2 … %3 (%4 keys)</source>
        <translation>%1, %2 … %3 (%4 Keys)</translation>
    </message>
    <message>
        <source>%1 · query %2 (row %3) · key %4 (column %5)</source>
        <translation>%1 · Query %2 (Zeile %3) · Key %4 (Spalte %5)</translation>
    </message>
    <message>
        <source>token embeddings (wte)</source>
        <translation>Token-Embeddings (wte)</translation>
    </message>
    <message>
        <source>learned position embeddings (wpe)</source>
        <translation>gelernte Positions-Embeddings (wpe)</translation>
    </message>
    <message>
        <source>X = E + PE, the first layer&apos;s input</source>
        <translation>X = E + PE, die Eingabe der ersten Schicht</translation>
    </message>
    <message>
        <source>the checkpoint&apos;s c_attn</source>
        <translation>c_attn des Checkpoints</translation>
    </message>
    <message>
        <source>learned token embeddings</source>
        <translation>gelernte Token-Embeddings</translation>
    </message>
    <message>
        <source>learned position embeddings</source>
        <translation>gelernte Positions-Embeddings</translation>
    </message>
    <message>
        <source>learned on %1</source>
        <translation>gelernt auf %1</translation>
    </message>
    <message>
        <source>%1 = h · W_%1, h the layer&apos;s input</source>
        <translation>%1 = h · W_%1, h die Eingabe der Schicht</translation>
    </message>
    <message>
        <source>one row per token</source>
        <translation>eine Zeile pro Token</translation>
    </message>
    <message>
        <source>X = E + PE (sinusoidal)</source>
        <translation>X = E + PE (sinusförmig)</translation>
    </message>
    <message>
        <source>given</source>
        <translation>vorgegeben</translation>
    </message>
    <message>
        <source>%1, seed %2</source>
        <translation>%1, Seed %2</translation>
    </message>
    <message>
        <source>unscaled</source>
        <translation>unskaliert</translation>
    </message>
    <message>
        <source>future masked</source>
        <translation>Zukunft maskiert</translation>
    </message>
    <message>
        <source>E · token %1 (row %2) · dimension %3</source>
        <translation>E · Token %1 (Zeile %2) · Dimension %3</translation>
    </message>
    <message>
        <source>given literally</source>
        <translation>direkt vorgegeben</translation>
    </message>
    <message>
        <source>np.random.rand, embedding seed %1</source>
        <translation>np.random.rand, Seed der Embeddings %1</translation>
    </message>
    <message>
        <source>PE · position %1 (token %2) · dimension %3</source>
        <translation>PE · Position %1 (Token %2) · Dimension %3</translation>
    </message>
    <message>
        <source>X · token %1 (row %2) · dimension %3</source>
        <translation>X · Token %1 (Zeile %2) · Dimension %3</translation>
    </message>
    <message>
        <source>%1 · row %2 · column %3</source>
        <translation>%1 · Zeile %2 · Spalte %3</translation>
    </message>
    <message>
        <source>column %1 feeds head %2</source>
        <translation>Spalte %1 gehört zu Kopf %2</translation>
    </message>
    <message>
        <source>from the checkpoint&apos;s c_attn (layer %1)</source>
        <translation>aus c_attn des Checkpoints (Schicht %1)</translation>
    </message>
    <message>
        <source>%1 init, weight seed %2</source>
        <translation>Initialisierung %1, Seed der Gewichte %2</translation>
    </message>
    <message>
        <source>%1 · token %2 (row %3) · column %4%5</source>
        <translation>%1 · Token %2 (Zeile %3) · Spalte %4%5</translation>
    </message>
    <message>
        <source>scores</source>
        <translation>Scores</translation>
    </message>
    <message>
        <source>masked in the next step: key comes after the query</source>
        <translation>im nächsten Schritt maskiert: der Key steht nach der Query</translation>
    </message>
    <message>
        <source>scaled scores</source>
        <translation>skalierte Scores</translation>
    </message>
    <message>
        <source>masked (causal): key %1 comes after query %2, so the score is %3 and its weight 0</source>
        <translation>maskiert (kausal): Key %1 steht nach Query %2, daher ist der Score %3 und sein Gewicht 0</translation>
    </message>
    <message>
        <source>temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <source>attention weight</source>
        <translation>Attention-Gewicht</translation>
    </message>
    <message>
        <source>masked (causal): key comes after the query, weight = %1</source>
        <translation>maskiert (kausal): der Key steht nach der Query, Gewicht = %1</translation>
    </message>
    <message>
        <source>output · token %1 (row %2) · column %3%4</source>
        <translation>Ausgabe · Token %1 (Zeile %2) · Spalte %3%4</translation>
    </message>
    <message>
        <source>entropy of the attention of query %1 (row %2)%3</source>
        <translation>Entropie der Attention von Query %1 (Zeile %2)%3</translation>
    </message>
    <message>
        <source>0 = all weight on one key; ln %1 = %2 = spread evenly over the %1 keys it sees</source>
        <translation>0 = das ganze Gewicht auf einem Key; ln %1 = %2 = gleichmäßig über die %1 sichtbaren Keys verteilt</translation>
    </message>
    <message>
        <source>larger scores (no √%1 scaling, a lower temperature) make it smaller</source>
        <translation>größere Scores (keine Skalierung mit √%1, eine niedrigere Temperatur) verkleinern sie</translation>
    </message>
    <message numerus="yes">
        <source>%n token</source>
        <translation>
            <numerusform>%n Token</numerusform>
            <numerusform>%n Tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tokens</source>
        <translation>
            <numerusform>%n Token</numerusform>
            <numerusform>%n Tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n vocabulary word</source>
        <translation>
            <numerusform>%n Wort im Vokabular</numerusform>
            <numerusform>%n Wörter im Vokabular</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n vocabulary words</source>
        <translation>
            <numerusform>%n Wort im Vokabular</numerusform>
            <numerusform>%n Wörter im Vokabular</numerusform>
        </translation>
    </message>
    <message>
        <source>query token %1 %2 → vocabulary entry %3%4</source>
        <translation>Query-Token %1 %2 → Vokabulareintrag %3%4</translation>
    </message>
    <message>
        <source>(shared by %1 tokens)</source>
        <translation>(von %1 Tokens geteilt)</translation>
    </message>
    <message>
        <source>x_i = e_i (row i of E)</source>
        <translation>x_i = e_i (Zeile i von E)</translation>
    </message>
    <message>
        <source>(the preset gives this vector)</source>
        <translation>(die Vorgabe liefert diesen Vektor)</translation>
    </message>
    <message>
        <source>(drawn at random, embedding seed %1)</source>
        <translation>(zufällig gezogen, Seed der Embeddings %1)</translation>
    </message>
    <message>
        <source>q_i[%1] = x_i %2 column %1 of W_Q</source>
        <translation>q_i[%1] = x_i %2 Spalte %1 von W_Q</translation>
    </message>
    <message>
        <source>(scaling off)</source>
        <translation>(Skalierung aus)</translation>
    </message>
    <message>
        <source>causal: keys after the query → −∞</source>
        <translation>kausal: Keys nach der Query → −∞</translation>
    </message>
    <message>
        <source>%1: after the query, masked = −∞</source>
        <translation>%1: nach der Query, maskiert = −∞</translation>
    </message>
    <message>
        <source>row of %1: max = %2, Σ exp(s − max) = %3</source>
        <translation>Zeile von %1: max = %2, Σ exp(s − max) = %3</translation>
    </message>
    <message>
        <source>the weights add up to %1</source>
        <translation>die Gewichte summieren sich zu %1</translation>
    </message>
    <message>
        <source>= head %1’s share of out(%2): its columns %3–%4</source>
        <translation>= Anteil von Kopf %1 an out(%2): seine Spalten %3–%4</translation>
    </message>
    <message>
        <source>over the %1 numbers of x_i</source>
        <translation>über die %1 Zahlen von x_i</translation>
    </message>
    <message>
        <source>(the row step 3 multiplies by W_Q, W_K and W_V)</source>
        <translation>(die Zeile, die Schritt 3 mit W_Q, W_K und W_V multipliziert)</translation>
    </message>
    <message>
        <source>i = %1, out_i: the heads side by side (step 7)</source>
        <translation>i = %1, out_i: die Köpfe nebeneinander (Schritt 7)</translation>
    </message>
    <message>
        <source>a_i[0] = out_i %1 column 0 of W_O + b_O[0]</source>
        <translation>a_i[0] = out_i %1 Spalte 0 von W_O + b_O[0]</translation>
    </message>
    <message>
        <source>i = %1, %2 → %3 → %2 numbers</source>
        <translation>i = %1, %2 → %3 → %2 Zahlen</translation>
    </message>
    <message>
        <source>strongest unit %1: a = %2, gelu = ½ %3 %4 (1 + tanh(%5)) = %6</source>
        <translation>stärkste Einheit %1: a = %2, gelu = ½ %3 %4 (1 + tanh(%5)) = %6</translation>
    </message>
    <message>
        <source>last token %1, after all %2 layers (this is layer %3)</source>
        <translation>letztes Token %1, nach allen %2 Schichten (dies ist Schicht %3)</translation>
    </message>
    <message>
        <source>last token %1, after the last layer (%2)</source>
        <translation>letztes Token %1, nach der letzten Schicht (%2)</translation>
    </message>
    <message>
        <source>LN_f of x_last</source>
        <translation>LN_f von x_last</translation>
    </message>
    <message>
        <source>over all %1 tokens: max = %2, Σ exp(l − max) = %3</source>
        <translation>über alle %1 Tokens: max = %2, Σ exp(l − max) = %3</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <extracomment>Two counts: the tokens, then the vocabulary&apos;s words.</extracomment>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Unknown panel &quot;%1&quot;; the panels are: %2.</source>
        <translation>Unbekanntes Panel „%1“; die Panels sind: %2.</translation>
    </message>
    <message>
        <source>The panel &quot;%1&quot; (%2) exists only with positional encoding.</source>
        <translation>Das Panel „%1“ (%2) gibt es nur mit Positionskodierung.</translation>
    </message>
    <message>
        <source>Unknown colour map &quot;%1&quot;; the colour maps are: %2.</source>
        <translation>Unbekannte Farbskala „%1“; die Farbskalen sind: %2.</translation>
    </message>
    <message>
        <source>There is no head %1: the configuration has %2.</source>
        <translation>Es gibt keinen Kopf %1: die Konfiguration hat %2.</translation>
    </message>
    <message>
        <source>There is no layer %1.</source>
        <translation>Es gibt keine Schicht %1.</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: the name must end in .png, .svg or .pdf.</source>
        <translation>„%1“ kann nicht geschrieben werden: Der Name muss auf .png, .svg oder .pdf enden.</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: the scale must be above 0 and at most 16.</source>
        <translation>„%1“ kann nicht geschrieben werden: Der Maßstab muss größer als 0 und höchstens 16 sein.</translation>
    </message>
    <message>
        <source>There is no layer %1: the result has %2.</source>
        <translation>Es gibt keine Schicht %1: das Ergebnis hat %2.</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: there is nothing to draw.</source>
        <translation>„%1“ kann nicht geschrieben werden: Es gibt nichts zu zeichnen.</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: not enough memory for a %2 × %3 pixel image.</source>
        <translation>„%1“ kann nicht geschrieben werden: Nicht genug Speicher für ein Bild von %2 × %3 Pixeln.</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: the PNG encoder failed.</source>
        <translation>„%1“ kann nicht geschrieben werden: Der PNG-Encoder ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: the panel &quot;%2&quot; exists only with positional encoding.</source>
        <translation>„%1“ kann nicht geschrieben werden: Das Panel „%2“ gibt es nur mit Positionskodierung.</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: there is no layer %2.</source>
        <translation>„%1“ kann nicht geschrieben werden: Es gibt keine Schicht %2.</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: there is no head %2.</source>
        <translation>„%1“ kann nicht geschrieben werden: Es gibt keinen Kopf %2.</translation>
    </message>
    <message>
        <source>Self-attention in %1 steps: %2</source>
        <translation>Self-Attention in %1 Schritten: %2</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: a lesson is exported as .pdf.</source>
        <translation>„%1“ kann nicht geschrieben werden: Eine Lektion wird als .pdf exportiert.</translation>
    </message>
</context>
<context>
    <name>FigureText</name>
    <message>
        <source>head %1</source>
        <translation>Kopf %1</translation>
    </message>
    <message>
        <source>row min</source>
        <translation>Zeilenminimum</translation>
    </message>
    <message>
        <source>row max</source>
        <translation>Zeilenmaximum</translation>
    </message>
    <message>
        <source>no given vector: drawn from seed %1</source>
        <translation>kein vorgegebener Vektor: gezogen mit Seed %1</translation>
    </message>
    <message numerus="yes">
        <source>%n tokens</source>
        <translation>
            <numerusform>%n Token</numerusform>
            <numerusform>%n Tokens</numerusform>
        </translation>
    </message>
    <message>
        <source>1 head</source>
        <translation>1 Kopf</translation>
    </message>
    <message>
        <source>%1 heads (d_k %2)</source>
        <translation>%1 Köpfe (d_k %2)</translation>
    </message>
    <message>
        <source>weight seed %1</source>
        <translation>Seed der Gewichte %1</translation>
    </message>
    <message>
        <source>embedding seed %1</source>
        <translation>Seed der Embeddings %1</translation>
    </message>
    <message>
        <source>positional</source>
        <translation>Positionskodierung</translation>
    </message>
    <message>
        <source>scaled</source>
        <translation>skaliert</translation>
    </message>
    <message>
        <source>unscaled</source>
        <translation>unskaliert</translation>
    </message>
    <message>
        <source>causal</source>
        <translation>kausal</translation>
    </message>
    <message>
        <source>%1 row %2</source>
        <translation>%1, Zeile %2</translation>
    </message>
    <message>
        <source>token %1 (key %2): click to select it as the key</source>
        <translation>Token %1 (Key %2): Klicken wählt es als Key aus</translation>
    </message>
    <message>
        <source>token %1 (query %2): click to select it as the query</source>
        <translation>Token %1 (Query %2): Klicken wählt es als Query aus</translation>
    </message>
    <message>
        <source>%1 column %2</source>
        <translation>%1, Spalte %2</translation>
    </message>
</context>
<context>
    <name>Gpt2Error</name>
    <message>
        <source>The GPT-2 configuration %1 has no %2.</source>
        <translation>Der GPT-2-Konfiguration %1 fehlt %2.</translation>
    </message>
    <message>
        <source>The GPT-2 configuration %1 gives %2 as %3, not a whole number from 1 to %4.</source>
        <translation>Die GPT-2-Konfiguration %1 gibt %2 als %3 an, nicht als ganze Zahl von 1 bis %4.</translation>
    </message>
    <message>
        <source>The GPT-2 configuration %1 is not valid JSON.</source>
        <translation>Die GPT-2-Konfiguration %1 ist kein gültiges JSON.</translation>
    </message>
    <message>
        <source>The GPT-2 configuration %1 is not a JSON object.</source>
        <translation>Die GPT-2-Konfiguration %1 ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>The configuration %1 is for a model of type %2, not a GPT-2 model (&quot;gpt2&quot;).</source>
        <translation>Die Konfiguration %1 gehört zu einem Modell vom Typ %2, nicht zu einem GPT-2-Modell („gpt2“).</translation>
    </message>
    <message>
        <source>The GPT-2 configuration %1 cannot be read.</source>
        <translation>Die GPT-2-Konfiguration %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The GPT-2 checkpoint %1 has no tensor %2.</source>
        <translation>Der GPT-2-Checkpoint %1 enthält keinen Tensor %2.</translation>
    </message>
    <message>
        <source>The GPT-2 checkpoint %1 gives %2 the shape %3, but the configuration needs %4.</source>
        <translation>Der GPT-2-Checkpoint %1 gibt %2 die Form %3, die Konfiguration verlangt aber %4.</translation>
    </message>
    <message>
        <source>The GPT-2 checkpoint %1 holds an infinite or undefined number in %2.</source>
        <translation>Der GPT-2-Checkpoint %1 enthält in %2 eine unendliche oder undefinierte Zahl.</translation>
    </message>
    <message>
        <source>There is no token to run GPT-2 on.</source>
        <translation>Es gibt kein Token, auf dem GPT-2 laufen könnte.</translation>
    </message>
    <message>
        <source>The text is %1 tokens long, more than the %2 tokens GPT-2 can read at once.</source>
        <translation>Der Text ist %1 Tokens lang, mehr als die %2 Tokens, die GPT-2 auf einmal lesen kann.</translation>
    </message>
    <message>
        <source>The GPT-2 vocabulary %1 cannot be read.</source>
        <translation>Das GPT-2-Vokabular %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The GPT-2 merges %1 cannot be read.</source>
        <translation>Die GPT-2-Merges %1 können nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The GPT-2 tokenizer %1 cannot be read.</source>
        <translation>Der GPT-2-Tokenizer %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The GPT-2 configuration %1 asks for the activation %2, but only GPT-2&apos;s gelu_new is computed.</source>
        <translation>Die GPT-2-Konfiguration %1 verlangt die Aktivierung %2, berechnet wird aber nur gelu_new von GPT-2.</translation>
    </message>
    <message>
        <source>The GPT-2 configuration %1 turns off the scaling of attention scores, which GPT-2 always applies.</source>
        <translation>Die GPT-2-Konfiguration %1 schaltet die Skalierung der Attention-Scores aus, die GPT-2 immer anwendet.</translation>
    </message>
    <message>
        <source>The GPT-2 configuration %1 scales attention by the inverse layer index, which GPT-2 does not.</source>
        <translation>Die GPT-2-Konfiguration %1 skaliert die Attention mit dem Kehrwert des Schichtindex, was GPT-2 nicht tut.</translation>
    </message>
    <message>
        <source>The GPT-2 configuration %1 gives layer_norm_epsilon as %2, not a number between 0 and 1.</source>
        <translation>Die GPT-2-Konfiguration %1 gibt layer_norm_epsilon als %2 an, nicht als Zahl zwischen 0 und 1.</translation>
    </message>
    <message>
        <source>The GPT-2 configuration %1 splits n_embd %2 over %3 heads, which does not divide it.</source>
        <translation>Die GPT-2-Konfiguration %1 verteilt n_embd %2 auf %3 Köpfe, die es nicht ohne Rest teilen.</translation>
    </message>
    <message>
        <source>The GPT-2 checkpoint %1 stores %2 as %3, not as F32, F16, BF16 or F64.</source>
        <translation>Der GPT-2-Checkpoint %1 speichert %2 als %3, nicht als F32, F16, BF16 oder F64.</translation>
    </message>
    <message>
        <source>The model&apos;s numbers grow past float32&apos;s range on this text: its weights cannot be right.</source>
        <translation>Die Zahlen des Modells überschreiten bei diesem Text den Wertebereich von float32: Seine Gewichte können nicht stimmen.</translation>
    </message>
    <message>
        <source>The token id %1 is not in GPT-2&apos;s vocabulary of %2 tokens.</source>
        <translation>Die Token-ID %1 gehört nicht zum Vokabular von GPT-2 mit %2 Tokens.</translation>
    </message>
    <message>
        <source>GPT-2 has no layer %1: its layers are 0 to %2.</source>
        <translation>GPT-2 hat keine Schicht %1: Seine Schichten sind 0 bis %2.</translation>
    </message>
    <message>
        <source>The temperature must be a number above 0.</source>
        <translation>Die Temperatur muss eine Zahl über 0 sein.</translation>
    </message>
    <message>
        <source>The number of tokens to generate must be at least 0.</source>
        <translation>Die Anzahl der zu erzeugenden Tokens muss mindestens 0 sein.</translation>
    </message>
    <message>
        <source>The text has no tokens: type at least one character.</source>
        <translation>Der Text enthält keine Tokens: Geben Sie mindestens ein Zeichen ein.</translation>
    </message>
    <message>
        <source>The text is %1 tokens long; this model reads at most %2.</source>
        <translation>Der Text ist %1 Tokens lang; dieses Modell liest höchstens %2.</translation>
    </message>
    <message>
        <source>The GPT-2 configuration is not valid: every size must be positive and the heads must divide n_embd.</source>
        <translation>Die GPT-2-Konfiguration ist ungültig: Jede Größe muss positiv sein, und die Anzahl der Köpfe muss n_embd ohne Rest teilen.</translation>
    </message>
    <message>
        <source>The GPT-2 weight %1 does not have the shape the configuration needs.</source>
        <translation>Das GPT-2-Gewicht %1 hat nicht die Form, die die Konfiguration verlangt.</translation>
    </message>
    <message>
        <source>There are %1 token texts for %2 tokens.</source>
        <translation>Es gibt %1 Token-Texte für %2 Tokens.</translation>
    </message>
    <message>
        <source>The GPT-2 vocabulary %1 is not a JSON object of tokens and ids.</source>
        <translation>Das GPT-2-Vokabular %1 ist kein JSON-Objekt aus Tokens und IDs.</translation>
    </message>
    <message>
        <source>The GPT-2 vocabulary %1 holds no token.</source>
        <translation>Das GPT-2-Vokabular %1 enthält kein Token.</translation>
    </message>
    <message>
        <source>The GPT-2 vocabulary %1 gives a token the id %2, not a whole number from 0 to %3.</source>
        <translation>Das GPT-2-Vokabular %1 gibt einem Token die ID %2 statt einer ganzen Zahl von 0 bis %3.</translation>
    </message>
    <message>
        <source>The GPT-2 vocabulary %1 holds an empty token.</source>
        <translation>Das GPT-2-Vokabular %1 enthält ein leeres Token.</translation>
    </message>
    <message>
        <source>The GPT-2 vocabulary %1 gives the id %2 to two tokens.</source>
        <translation>Das GPT-2-Vokabular %1 gibt zwei Tokens die ID %2.</translation>
    </message>
    <message>
        <source>The GPT-2 vocabulary %1 has no token for the byte %2, which every byte-level vocabulary needs.</source>
        <translation>Das GPT-2-Vokabular %1 hat kein Token für das Byte %2, das jedes Vokabular auf Byte-Ebene braucht.</translation>
    </message>
    <message>
        <source>The GPT-2 merges %1 merge, on line %2, tokens that are not both in the vocabulary, or whose merge is not.</source>
        <translation>Die GPT-2-Merges %1 verschmelzen in Zeile %2 Tokens, die nicht beide im Vokabular stehen oder deren Verschmelzung dort fehlt.</translation>
    </message>
    <message>
        <source>The GPT-2 merges %1 has a line %2 that is not two tokens separated by one space.</source>
        <translation>Die Zeile %2 der GPT-2-Merges %1 besteht nicht aus zwei durch ein Leerzeichen getrennten Tokens.</translation>
    </message>
    <message>
        <source>The GPT-2 vocabulary %1 is not valid JSON.</source>
        <translation>Das GPT-2-Vokabular %1 ist kein gültiges JSON.</translation>
    </message>
    <message>
        <source>The GPT-2 tokenizer %1 is not valid JSON.</source>
        <translation>Der GPT-2-Tokenizer %1 ist kein gültiges JSON.</translation>
    </message>
    <message>
        <source>The GPT-2 tokenizer %1 is not a JSON object.</source>
        <translation>Der GPT-2-Tokenizer %1 ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>The GPT-2 tokenizer %1 has no model.</source>
        <translation>Der GPT-2-Tokenizer %1 hat kein model.</translation>
    </message>
    <message>
        <source>The GPT-2 tokenizer %1 describes a %2 model, not GPT-2&apos;s BPE.</source>
        <translation>Der GPT-2-Tokenizer %1 beschreibt ein Modell vom Typ %2, nicht das BPE von GPT-2.</translation>
    </message>
    <message>
        <source>The GPT-2 tokenizer %1 has no model.vocab and model.merges.</source>
        <translation>Der GPT-2-Tokenizer %1 hat kein model.vocab und model.merges.</translation>
    </message>
    <message>
        <source>The GPT-2 tokenizer %1 has a merge (number %2) that is not two tokens separated by one space.</source>
        <translation>Der GPT-2-Tokenizer %1 hat einen Merge (Nummer %2), der nicht aus zwei durch ein Leerzeichen getrennten Tokens besteht.</translation>
    </message>
    <message>
        <source>The GPT-2 tokenizer %1 has a merge (number %2) that is not a pair of tokens.</source>
        <translation>Der GPT-2-Tokenizer %1 hat einen Merge (Nummer %2), der kein Paar von Tokens ist.</translation>
    </message>
    <message>
        <source>The folder %1 holds no GPT-2 tokenizer: neither tokenizer.json, nor vocab.json and merges.txt, nor encoder.json and vocab.bpe.</source>
        <translation>Der Ordner %1 enthält keinen GPT-2-Tokenizer: weder tokenizer.json noch vocab.json und merges.txt noch encoder.json und vocab.bpe.</translation>
    </message>
    <message>
        <source>The token id %1 is not in the GPT-2 vocabulary.</source>
        <translation>Die Token-ID %1 steht nicht im GPT-2-Vokabular.</translation>
    </message>
</context>
<context>
    <name>HeadView</name>
    <message>
        <source>query (attends)</source>
        <translation>Query (richtet Attention aus)</translation>
    </message>
    <message>
        <source>key (attended to)</source>
        <translation>Key (erhält Attention)</translation>
    </message>
</context>
<context>
    <name>ImportError</name>
    <message>
        <source>The file holds no word vectors: each line should be a word followed by its numbers.</source>
        <translation>Die Datei enthält keine Wortvektoren: Jede Zeile sollte aus einem Wort und seinen Zahlen bestehen.</translation>
    </message>
    <message>
        <source>The header says %1 numbers per word, but the lines have %2: correct or delete the first line.</source>
        <translation>Die Kopfzeile nennt %1 Zahlen pro Wort, die Zeilen haben aber %2: Korrigieren oder löschen Sie die erste Zeile.</translation>
    </message>
    <message>
        <source>The vectors have %1 numbers; d_model must be from 1 to %2.</source>
        <translation>Die Vektoren haben %1 Zahlen; d_model muss zwischen 1 und %2 liegen.</translation>
    </message>
    <message>
        <source>The lines disagree too often on how many numbers a word has (%1 different counts) to be read in one pass; most have %2: remove the others.</source>
        <translation>Die Zeilen sind sich zu oft uneinig, wie viele Zahlen ein Wort hat (%1 verschiedene Anzahlen), um in einem Durchgang gelesen zu werden; die meisten haben %2: Entfernen Sie die anderen.</translation>
    </message>
</context>
<context>
    <name>Lesson</name>
    <message>
        <source>Tokens: the sentence split into words</source>
        <translation>Tokens: der Satz in Wörter zerlegt</translation>
    </message>
    <message>
        <source>Embeddings: a vector of numbers for every token</source>
        <translation>Embeddings: ein Zahlenvektor je Token</translation>
    </message>
    <message>
        <source>Projections: a query, a key and a value for every token</source>
        <translation>Projektionen: Query, Key und Value je Token</translation>
    </message>
    <message>
        <source>Scores: how well each query matches each key</source>
        <translation>Scores: wie gut Query und Key zusammenpassen</translation>
    </message>
    <message>
        <source>Scaling: dividing the scores by √d_k</source>
        <translation>Skalierung: die Scores durch √d_k teilen</translation>
    </message>
    <message>
        <source>Softmax: turning scores into weights</source>
        <translation>Softmax: aus Scores werden Gewichte</translation>
    </message>
    <message>
        <source>Weighted sum: mixing the values</source>
        <translation>Gewichtete Summe: die Values mischen</translation>
    </message>
    <message>
        <source>Layer norm: what attention reads</source>
        <translation>Layer-Normalisierung: was die Attention liest</translation>
    </message>
    <message>
        <source>Output projection and residual</source>
        <translation>Ausgabeprojektion und Residualverbindung</translation>
    </message>
    <message>
        <source>MLP: each token on its own</source>
        <translation>MLP: jedes Token für sich</translation>
    </message>
    <message>
        <source>Logits: the next token</source>
        <translation>Logits: das nächste Token</translation>
    </message>
    <message>
        <source>The sentence is split at its spaces into tokens, the pieces the model reads. Every different word gets one entry in the vocabulary, so a repeated word shares its entry. We follow one token, the query (highlighted), through every step.</source>
        <translation>Der Satz wird an den Leerzeichen in Tokens zerlegt, die Einheiten, die das Modell liest. Jedes verschiedene Wort erhält einen Eintrag im Vokabular; ein wiederholtes Wort teilt sich also seinen Eintrag. Wir verfolgen ein Token, die Query (hervorgehoben), durch alle Schritte.</translation>
    </message>
    <message>
        <source>Each vocabulary word owns a list of d_model numbers, its embedding: one row of E per token. A sinusoidal positional encoding is added, so the same word at two positions gets different rows of X.</source>
        <translation>Jedes Wort des Vokabulars besitzt eine Liste von d_model Zahlen, sein Embedding: eine Zeile von E pro Token. Dazu wird eine sinusförmige Positionskodierung addiert, sodass dasselbe Wort an zwei Positionen verschiedene Zeilen von X erhält.</translation>
    </message>
    <message>
        <source>Each vocabulary word owns a list of d_model numbers, its embedding: one row of E per token. Tokens that are the same word get the same row. A real model learns these numbers; here they are given or drawn at random.</source>
        <translation>Jedes Wort des Vokabulars besitzt eine Liste von d_model Zahlen, sein Embedding: eine Zeile von E pro Token. Tokens desselben Wortes erhalten dieselbe Zeile. Ein echtes Modell lernt diese Zahlen; hier sind sie vorgegeben oder zufällig gezogen.</translation>
    </message>
    <message>
        <source>Each token&apos;s row is multiplied by three weight matrices. That gives its query (what the token is looking for), its key (what it offers to others) and its value (what it passes on when chosen).</source>
        <translation>Die Zeile jedes Tokens wird mit drei Gewichtsmatrizen multipliziert. Das ergibt seine Query (wonach das Token sucht), seinen Key (was es den anderen anbietet) und seinen Value (was es weitergibt, wenn es gewählt wird).</translation>
    </message>
    <message>
        <source>To decide where to look, the query of a token is compared with the key of every token by a dot product: multiply matching numbers, then add them up. A large score means the key matches the query well.</source>
        <translation>Um zu entscheiden, wohin es schaut, wird die Query eines Tokens per Skalarprodukt mit dem Key jedes Tokens verglichen: zusammengehörige Zahlen multiplizieren, dann aufsummieren. Ein großer Score bedeutet, dass der Key gut zur Query passt.</translation>
    </message>
    <message>
        <source>Dot products grow with the number of dimensions, so every score is divided by √d_k. That keeps the softmax of the next step from becoming too sharp.</source>
        <translation>Skalarprodukte wachsen mit der Anzahl der Dimensionen, deshalb wird jeder Score durch √d_k geteilt. So wird die Softmax im nächsten Schritt nicht zu spitz.</translation>
    </message>
    <message>
        <source>Scaling by √d_k is switched off here, so the scores pass on unchanged.</source>
        <translation>Die Skalierung mit √d_k ist hier ausgeschaltet, die Scores werden also unverändert weitergegeben.</translation>
    </message>
    <message>
        <source>Dividing by the temperature T = %1 makes the weights sharper.</source>
        <translation>Das Teilen durch die Temperatur T = %1 macht die Gewichte spitzer.</translation>
    </message>
    <message>
        <source>Dividing by the temperature T = %1 makes the weights flatter.</source>
        <translation>Das Teilen durch die Temperatur T = %1 macht die Gewichte flacher.</translation>
    </message>
    <message>
        <source>The causal mask hides every key after the query: its score becomes −∞, so the token cannot look ahead.</source>
        <translation>Die kausale Maske verdeckt jeden Key nach der Query: sein Score wird −∞, das Token kann also nicht nach vorn schauen.</translation>
    </message>
    <message>
        <source>Softmax turns each row of scores into weights between 0 and 1 that add up to 1: the larger a score, the larger its weight. Subtracting the row&apos;s maximum first changes nothing but keeps exp() from overflowing.</source>
        <translation>Die Softmax macht aus jeder Zeile von Scores Gewichte zwischen 0 und 1, die sich zu 1 summieren: Je größer ein Score, desto größer sein Gewicht. Vorher das Zeilenmaximum abzuziehen ändert nichts am Ergebnis, verhindert aber einen Überlauf von exp().</translation>
    </message>
    <message>
        <source>The output of a token is the weighted sum of every token&apos;s value, using its softmax weights. Tokens whose key matched the query well contribute the most. This new row is the token, now informed by its context.</source>
        <translation>Die Ausgabe eines Tokens ist die mit seinen Softmax-Gewichten gewichtete Summe der Values aller Tokens. Tokens, deren Key gut zur Query passte, tragen am meisten bei. Diese neue Zeile ist das Token, nun mit dem Wissen um seinen Kontext.</translation>
    </message>
    <message>
        <source>Before step 3, GPT-2 normalises each token&apos;s row of the residual stream x: subtract its mean, divide by its standard deviation, then scale and shift every dimension by learned γ and β (ln_1). The result is the row the projections read.</source>
        <translation>Vor Schritt 3 normalisiert GPT-2 die Zeile jedes Tokens im Residualstrom x: den Mittelwert abziehen, durch die Standardabweichung teilen, dann jede Dimension mit den gelernten γ und β skalieren und verschieben (ln_1). Das Ergebnis ist die Zeile, die die Projektionen lesen.</translation>
    </message>
    <message>
        <source>The heads&apos; outputs side by side are mixed by one more matrix, W_O (c_proj), and added to the residual stream: attention only adds to x, it never replaces it.</source>
        <translation>Die nebeneinandergestellten Ausgaben der Köpfe werden durch eine weitere Matrix, W_O (c_proj), gemischt und zum Residualstrom addiert: Die Attention addiert nur etwas zu x, sie ersetzt es nie.</translation>
    </message>
    <message>
        <source>Then each token alone goes through the MLP: a second layer norm, four times as many hidden numbers through GELU, and back to d_model. That is added to the stream too: the layer&apos;s output, the next layer&apos;s x.</source>
        <translation>Danach durchläuft jedes Token für sich das MLP: eine zweite Layer-Normalisierung, viermal so viele verborgene Zahlen durch GELU und zurück auf d_model. Auch das wird zum Residualstrom addiert: die Ausgabe der Schicht, das x der nächsten Schicht.</translation>
    </message>
    <message>
        <source>After the last layer, the last token&apos;s row is normalised once more (ln_f) and compared by a dot product with every token&apos;s embedding: one logit per token of the vocabulary. Softmax turns the logits into the probabilities of the next token.</source>
        <translation>Nach der letzten Schicht wird die Zeile des letzten Tokens noch einmal normalisiert (ln_f) und per Skalarprodukt mit dem Embedding jedes Tokens verglichen: ein Logit pro Token des Vokabulars. Die Softmax macht aus den Logits die Wahrscheinlichkeiten für das nächste Token.</translation>
    </message>
    <message>
        <source>the residual stream entering the layer</source>
        <translation>der Residualstrom am Eingang der Schicht</translation>
    </message>
    <message>
        <source>ln_1(x): the layer&apos;s input</source>
        <translation>ln_1(x): die Eingabe der Schicht</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>verborgen</translation>
    </message>
    <message>
        <source>x″ = x′ + m: the layer&apos;s output</source>
        <translation>x″ = x′ + m: die Ausgabe der Schicht</translation>
    </message>
    <message>
        <source>softmax over the vocabulary</source>
        <translation>Softmax über das Vokabular</translation>
    </message>
    <message>
        <source>Step %1 of %2 · %3</source>
        <extracomment>The lesson&apos;s title: the step, how many there are, the step&apos;s own title.</extracomment>
        <translation>Schritt %1 von %2 · %3</translation>
    </message>
    <message>
        <source>no room for %1</source>
        <extracomment>Panels of earlier steps left out of the strip: their names.</extracomment>
        <translation>kein Platz für %1</translation>
    </message>
    <message>
        <source>Earlier steps, dimmed · the marked row is the query token</source>
        <translation>Frühere Schritte, abgeblendet · die markierte Zeile ist das Query-Token</translation>
    </message>
    <message>
        <source>Earlier steps, dimmed</source>
        <translation>Frühere Schritte, abgeblendet</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <extracomment>The number of a word&apos;s entry in the vocabulary.</extracomment>
        <translation>Vokabular</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>position → entry</source>
        <translation>Position → Eintrag</translation>
    </message>
    <message>
        <source>Nothing to show yet: type a sentence.</source>
        <translation>Noch nichts zu zeigen: Geben Sie einen Satz ein.</translation>
    </message>
    <message numerus="yes">
        <source>%n more lines</source>
        <translation>
            <numerusform>%n weitere Zeile</numerusform>
            <numerusform>%n weitere Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>entry</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>showing %1 of %2 tokens, %3 of %4 words</source>
        <translation>%1 von %2 Tokens, %3 von %4 Wörtern gezeigt</translation>
    </message>
    <message>
        <source>Embeddings: a vector for every token</source>
        <extracomment>The embeddings step&apos;s title where the long one has no room.</extracomment>
        <translation>Embeddings: ein Vektor je Token</translation>
    </message>
    <message>
        <source>Projections: Q, K and V for every token</source>
        <extracomment>The projections step&apos;s title where the long one has no room.</extracomment>
        <translation>Projektionen: Q, K und V je Token</translation>
    </message>
    <message>
        <source>Scores: each query against each key</source>
        <extracomment>The scores step&apos;s title where the long one has no room.</extracomment>
        <translation>Scores: jede Query gegen jeden Key</translation>
    </message>
</context>
<context>
    <name>Panel</name>
    <message>
        <source>token embeddings</source>
        <translation>Token-Embeddings</translation>
    </message>
    <message>
        <source>positional encoding</source>
        <translation>Positionskodierung</translation>
    </message>
    <message>
        <source>inputs, E + PE</source>
        <translation>Eingaben, E + PE</translation>
    </message>
    <message>
        <source>query weights</source>
        <translation>Query-Gewichte</translation>
    </message>
    <message>
        <source>key weights</source>
        <translation>Key-Gewichte</translation>
    </message>
    <message>
        <source>value weights</source>
        <translation>Value-Gewichte</translation>
    </message>
    <message>
        <source>queries</source>
        <translation>Queries</translation>
    </message>
    <message>
        <source>keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>values</source>
        <translation>Values</translation>
    </message>
    <message>
        <source>scores</source>
        <translation>Scores</translation>
    </message>
    <message>
        <source>raw scores, Q Kᵀ</source>
        <translation>rohe Scores, Q Kᵀ</translation>
    </message>
    <message>
        <source>scaled scores</source>
        <translation>skalierte Scores</translation>
    </message>
    <message>
        <source>scores ÷ √d_k</source>
        <translation>Scores ÷ √d_k</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>Attention-Gewichte</translation>
    </message>
    <message>
        <source>softmax of each row</source>
        <translation>Softmax jeder Zeile</translation>
    </message>
    <message>
        <source>output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>attention output</source>
        <translation>Attention-Ausgabe</translation>
    </message>
</context>
<context>
    <name>SafetensorsError</name>
    <message>
        <source>The safetensors file %1 cannot be opened (%2).</source>
        <translation>Die safetensors-Datei %1 kann nicht geöffnet werden (%2).</translation>
    </message>
    <message>
        <source>The safetensors file %1 is not a regular file.</source>
        <translation>Die safetensors-Datei %1 ist keine reguläre Datei.</translation>
    </message>
    <message>
        <source>The safetensors file %1 is %2 bytes long, shorter than the 8-byte header length it must begin with.</source>
        <translation>Die safetensors-Datei %1 ist %2 Byte lang, kürzer als die 8 Byte lange Angabe der Header-Länge, mit der sie beginnen muss.</translation>
    </message>
    <message>
        <source>The safetensors file %1 is too large to map into memory.</source>
        <translation>Die safetensors-Datei %1 ist zu groß, um sie in den Speicher abzubilden.</translation>
    </message>
    <message>
        <source>The safetensors file %1 cannot be mapped into memory (%2).</source>
        <translation>Die safetensors-Datei %1 kann nicht in den Speicher abgebildet werden (%2).</translation>
    </message>
    <message>
        <source>The safetensors file %1 declares a header of %2 bytes but holds only %3 bytes after the header length.</source>
        <translation>Die safetensors-Datei %1 gibt einen Header von %2 Byte an, enthält nach der Angabe der Header-Länge aber nur %3 Byte.</translation>
    </message>
    <message>
        <source>The safetensors file %1 declares a header of %2 bytes, more than the %3 a header may have.</source>
        <translation>Die safetensors-Datei %1 gibt einen Header von %2 Byte an, mehr als die %3 Byte, die ein Header haben darf.</translation>
    </message>
    <message>
        <source>The safetensors file %1 has a header nested deeper than a tensor list can be.</source>
        <translation>Die safetensors-Datei %1 hat einen Header, der tiefer verschachtelt ist, als eine Tensorliste sein kann.</translation>
    </message>
    <message>
        <source>The safetensors file %1 has a header that is not valid JSON (at byte %2 of the header).</source>
        <translation>Der Header der safetensors-Datei %1 ist kein gültiges JSON (bei Byte %2 des Headers).</translation>
    </message>
    <message>
        <source>The safetensors file %1 has a header that is not valid JSON.</source>
        <translation>Der Header der safetensors-Datei %1 ist kein gültiges JSON.</translation>
    </message>
    <message>
        <source>The safetensors file %1 has a header that is not a JSON object.</source>
        <translation>Der Header der safetensors-Datei %1 ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>The safetensors file %1 has a __metadata__ entry that is not an object.</source>
        <translation>Die safetensors-Datei %1 hat einen Eintrag __metadata__, der kein Objekt ist.</translation>
    </message>
    <message>
        <source>The safetensors file %1 has a __metadata__ entry %2 that is not a string.</source>
        <translation>Die safetensors-Datei %1 hat in __metadata__ einen Eintrag %2, der keine Zeichenkette ist.</translation>
    </message>
    <message>
        <source>The safetensors file %1 gives tensor %2 a description that is not an object.</source>
        <translation>Die safetensors-Datei %1 beschreibt den Tensor %2 mit etwas, das kein Objekt ist.</translation>
    </message>
    <message>
        <source>The safetensors file %1 gives tensor %2 no dtype.</source>
        <translation>Die safetensors-Datei %1 gibt für den Tensor %2 keinen dtype an.</translation>
    </message>
    <message>
        <source>The safetensors file %1 gives tensor %2 the unknown dtype %3.</source>
        <translation>Die safetensors-Datei %1 gibt für den Tensor %2 den unbekannten dtype %3 an.</translation>
    </message>
    <message>
        <source>The safetensors file %1 gives tensor %2 no shape.</source>
        <translation>Die safetensors-Datei %1 gibt für den Tensor %2 keine Form (shape) an.</translation>
    </message>
    <message>
        <source>The safetensors file %1 gives tensor %2 a shape whose extents are not all whole numbers of at least zero.</source>
        <translation>Die safetensors-Datei %1 gibt dem Tensor %2 eine Form, deren Ausdehnungen nicht alle ganze Zahlen ab null sind.</translation>
    </message>
    <message>
        <source>The safetensors file %1 gives tensor %2 a shape too large for any file.</source>
        <translation>Die safetensors-Datei %1 gibt dem Tensor %2 eine Form, die für jede Datei zu groß ist.</translation>
    </message>
    <message>
        <source>The safetensors file %1 gives tensor %2 no data_offsets of two whole numbers.</source>
        <translation>Die safetensors-Datei %1 gibt für den Tensor %2 keine data_offsets aus zwei ganzen Zahlen an.</translation>
    </message>
    <message>
        <source>The safetensors file %1 gives tensor %2 the offsets [%3, %4], which begin after they end.</source>
        <translation>Die safetensors-Datei %1 gibt dem Tensor %2 die Offsets [%3, %4], die erst nach ihrem Ende beginnen.</translation>
    </message>
    <message>
        <source>The safetensors file %1 gives tensor %2 the offsets [%3, %4], past the end of its %5 bytes of data.</source>
        <translation>Die safetensors-Datei %1 gibt dem Tensor %2 die Offsets [%3, %4], die über das Ende ihrer %5 Byte Daten hinausreichen.</translation>
    </message>
    <message>
        <source>The safetensors file %1 gives tensor %2 %3 bytes, but its shape %4 of %5 needs more than any file holds.</source>
        <translation>Die safetensors-Datei %1 gibt dem Tensor %2 %3 Byte, aber seine Form %4 aus %5 braucht mehr, als eine Datei fassen kann.</translation>
    </message>
    <message>
        <source>The safetensors file %1 gives tensor %2 %3 bytes, but its shape %4 of %5 needs %6.</source>
        <translation>Die safetensors-Datei %1 gibt dem Tensor %2 %3 Byte, aber seine Form %4 aus %5 braucht %6.</translation>
    </message>
    <message>
        <source>The safetensors file %1 stores tensors %2 and %3 in overlapping bytes.</source>
        <translation>Die safetensors-Datei %1 speichert die Tensoren %2 und %3 in überlappenden Bytes.</translation>
    </message>
    <message>
        <source>The safetensors file %1 stores tensor %2 as %3, not as floating-point numbers (F32, F16, BF16 or F64).</source>
        <translation>Die safetensors-Datei %1 speichert den Tensor %2 als %3, nicht als Gleitkommazahlen (F32, F16, BF16 oder F64).</translation>
    </message>
</context>
<context>
    <name>TrainingError</name>
    <message>
        <source>Unknown task &quot;%1&quot;; the tasks are previous, reverse, sort and induction.</source>
        <translation>Unbekannte Aufgabe „%1“; die Aufgaben sind previous, reverse, sort und induction.</translation>
    </message>
    <message>
        <source>The number of steps must be at least %1, not %2.</source>
        <translation>Die Anzahl der Schritte muss mindestens %1 sein, nicht %2.</translation>
    </message>
    <message>
        <source>The batch size must be at least %1, not %2.</source>
        <translation>Die Batchgröße muss mindestens %1 sein, nicht %2.</translation>
    </message>
    <message>
        <source>The number of heads must be at least %1, not %2.</source>
        <translation>Die Anzahl der Köpfe muss mindestens %1 sein, nicht %2.</translation>
    </message>
    <message>
        <source>d_model must be at least %1, not %2.</source>
        <translation>d_model muss mindestens %1 sein, nicht %2.</translation>
    </message>
    <message>
        <source>The snapshot interval must be at least %1, not %2.</source>
        <translation>Der Abstand der Schnappschüsse muss mindestens %1 sein, nicht %2.</translation>
    </message>
    <message>
        <source>The number of threads must be at least %1, not %2.</source>
        <translation>Die Anzahl der Threads muss mindestens %1 sein, nicht %2.</translation>
    </message>
    <message>
        <source>The MLP width must be at least %1, not %2.</source>
        <translation>Die Breite des MLP muss mindestens %1 sein, nicht %2.</translation>
    </message>
    <message>
        <source>The %1 task needs %2 to 4 layers, not %3.</source>
        <translation>Die Aufgabe %1 braucht %2 bis 4 Schichten, nicht %3.</translation>
    </message>
    <message>
        <source>These sizes are larger than a small training model takes (d_model 512, vocabulary 4096, length 512, batch 4096, 64 heads at most).</source>
        <translation>Diese Größen übersteigen, was ein kleines Trainingsmodell fasst (höchstens d_model 512, Vokabular 4096, Länge 512, Batch 4096, 64 Köpfe).</translation>
    </message>
    <message>
        <source>d_model %1 cannot be split into %2 heads: the number of heads must divide d_model.</source>
        <translation>d_model %1 lässt sich nicht auf %2 Köpfe aufteilen: Die Anzahl der Köpfe muss d_model teilen.</translation>
    </message>
    <message>
        <source>The learning rate must be a positive number.</source>
        <translation>Die Lernrate muss eine positive Zahl sein.</translation>
    </message>
    <message>
        <source>Adam&apos;s beta1 and beta2 must lie in [0, 1) and its epsilon must be positive.</source>
        <translation>Bei Adam müssen beta1 und beta2 in [0, 1) liegen, und epsilon muss positiv sein.</translation>
    </message>
    <message>
        <source>The sequence length of the %3 task must be at least %1, not %2.</source>
        <translation>Die Sequenzlänge der Aufgabe %3 muss mindestens %1 sein, nicht %2.</translation>
    </message>
    <message>
        <source>The vocabulary of the %3 task must be at least %1, not %2.</source>
        <translation>Das Vokabular der Aufgabe %3 muss mindestens %1 umfassen, nicht %2.</translation>
    </message>
    <message>
        <source>The sort task needs an odd length of at least 3 (numbers, separator, sorted numbers), not %1.</source>
        <translation>Die Aufgabe sort braucht eine ungerade Länge von mindestens 3 (Zahlen, Trennzeichen, sortierte Zahlen), nicht %1.</translation>
    </message>
    <message>
        <source>The sort task at length %1 needs a vocabulary of at least %2 (%3 distinct numbers and the separator), not %4.</source>
        <translation>Die Aufgabe sort braucht bei Länge %1 ein Vokabular von mindestens %2 (%3 verschiedene Zahlen und das Trennzeichen), nicht %4.</translation>
    </message>
    <message>
        <source>The induction task at length %1 needs a vocabulary of at least %2 (a run of distinct tokens and other filler tokens), not %3.</source>
        <translation>Die Aufgabe induction braucht bei Länge %1 ein Vokabular von mindestens %2 (eine Folge verschiedener Tokens und weitere Fülltokens), nicht %3.</translation>
    </message>
    <message>
        <source>The model file is not valid JSON.</source>
        <translation>Die Modelldatei ist kein gültiges JSON.</translation>
    </message>
    <message>
        <source>This is not a trained attention model file.</source>
        <translation>Dies ist keine Datei eines trainierten Attention-Modells.</translation>
    </message>
    <message>
        <source>The model file has version %1; this program reads version 1.</source>
        <translation>Die Modelldatei hat die Version %1; dieses Programm liest Version 1.</translation>
    </message>
    <message>
        <source>The model file lacks a setting or holds one of the wrong type.</source>
        <translation>In der Modelldatei fehlt eine Einstellung oder eine hat den falschen Typ.</translation>
    </message>
    <message>
        <source>Could not write the model file %1.</source>
        <translation>Die Modelldatei %1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Could not open the model file %1.</source>
        <translation>Die Modelldatei %1 konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>The model file&apos;s step count lies outside its options&apos; steps.</source>
        <translation>Die Schrittzahl der Modelldatei liegt außerhalb der Schritte ihrer Optionen.</translation>
    </message>
    <message>
        <source>The model file lacks the weights &quot;%1&quot;.</source>
        <translation>In der Modelldatei fehlen die Gewichte „%1“.</translation>
    </message>
    <message>
        <source>The weights &quot;%1&quot; should have %2 rows.</source>
        <translation>Die Gewichte „%1“ sollten %2 Zeilen haben.</translation>
    </message>
    <message>
        <source>The weights &quot;%1&quot; should have %2 columns.</source>
        <translation>Die Gewichte „%1“ sollten %2 Spalten haben.</translation>
    </message>
    <message>
        <source>The weights &quot;%1&quot; hold something that is not a number.</source>
        <translation>Die Gewichte „%1“ enthalten etwas, das keine Zahl ist.</translation>
    </message>
    <message>
        <source>The model file&apos;s &quot;%1&quot; should list one number per step.</source>
        <translation>„%1“ in der Modelldatei sollte eine Zahl pro Schritt auflisten.</translation>
    </message>
    <message>
        <source>The model file&apos;s &quot;%1&quot; holds something that is not a number.</source>
        <translation>„%1“ in der Modelldatei enthält etwas, das keine Zahl ist.</translation>
    </message>
    <message>
        <source>Training stopped at step %1 because the loss became infinite or undefined; lower the learning rate.</source>
        <translation>Das Training wurde bei Schritt %1 angehalten, weil der Verlust unendlich oder undefiniert wurde; verringern Sie die Lernrate.</translation>
    </message>
    <message>
        <source>Training has already taken its %1 steps.</source>
        <translation>Das Training hat seine %1 Schritte bereits ausgeführt.</translation>
    </message>
    <message>
        <source>Training diverged at step %1: the loss became infinite or undefined; lower the learning rate.</source>
        <translation>Das Training ist bei Schritt %1 divergiert: Der Verlust wurde unendlich oder undefiniert; verringern Sie die Lernrate.</translation>
    </message>
    <message>
        <source>Training diverged at step %1: a weight became infinite or undefined; lower the learning rate.</source>
        <translation>Das Training ist bei Schritt %1 divergiert: Ein Gewicht wurde unendlich oder undefiniert; verringern Sie die Lernrate.</translation>
    </message>
    <message>
        <source>The model takes 1 to %1 tokens, not %2.</source>
        <translation>Das Modell nimmt 1 bis %1 Tokens, nicht %2.</translation>
    </message>
    <message>
        <source>Token %1 is outside the model&apos;s vocabulary of %2.</source>
        <translation>Das Token %1 liegt außerhalb des Vokabulars des Modells mit %2 Tokens.</translation>
    </message>
    <message>
        <source>Unknown preset &quot;%1&quot;; the trained presets are previous and induction.</source>
        <translation>Unbekannte Vorlage „%1“; die trainierten Vorlagen sind previous und induction.</translation>
    </message>
</context>
<context>
    <name>TrainingTask</name>
    <message>
        <source>Previous token</source>
        <translation>Vorheriges Token</translation>
    </message>
    <message>
        <source>Each position must output the token just before it. The token itself carries no clue, so a head has to learn to find the previous position from the position embeddings alone: its query at position i must match the key of position i - 1 best, which draws a bright line just below the diagonal of its weights. The value then copies that token&apos;s embedding into the residual stream, where the unembedding reads it out.</source>
        <translation>Jede Position muss das Token direkt vor ihr ausgeben. Das Token selbst verrät nichts darüber, also muss ein Kopf lernen, die vorherige Position allein aus den Positions-Embeddings zu finden: Seine Query an Position i muss am besten zum Key von Position i - 1 passen, was eine helle Linie direkt unter der Diagonale seiner Gewichte zeichnet. Der Value kopiert dann das Embedding dieses Tokens in den Residualstrom, wo das Unembedding es ausliest.</translation>
    </message>
    <message>
        <source>Share of positions 2 .. n whose prediction is the token before them.</source>
        <translation>Anteil der Positionen 2 .. n, deren Vorhersage das Token vor ihnen ist.</translation>
    </message>
    <message>
        <source>Reverse</source>
        <translation>Umkehren</translation>
    </message>
    <message>
        <source>Position i must output the token at position n - 1 - i, so the whole sequence reads backwards. Attention sees every position (no causal mask), and a head has to learn a purely positional pattern: query i matches key n - 1 - i, an anti-diagonal in its weights, and its value copies that token across.</source>
        <translation>Position i muss das Token an Position n - 1 - i ausgeben, sodass die ganze Folge rückwärts gelesen wird. Die Attention sieht jede Position (keine kausale Maske), und ein Kopf muss ein rein positionelles Muster lernen: Query i passt zu Key n - 1 - i, eine Antidiagonale in seinen Gewichten, und sein Value kopiert dieses Token herüber.</translation>
    </message>
    <message>
        <source>Share of all positions whose prediction is the token mirrored about the middle.</source>
        <translation>Anteil aller Positionen, deren Vorhersage das an der Mitte gespiegelte Token ist.</translation>
    </message>
    <message>
        <source>Sort</source>
        <translation>Sortieren</translation>
    </message>
    <message>
        <source>The sequence holds distinct numbers, a separator &quot;|&quot;, and then the same numbers in increasing order, predicted one at a time. At the separator the model must output the smallest number, and after each sorted number the next larger one. A head has to learn to compare numbers: its query from the current number must score the numbers just above it highest and those below it low, so its weight lands on the next number in order.</source>
        <translation>Die Folge enthält verschiedene Zahlen, ein Trennzeichen „|“ und danach dieselben Zahlen in aufsteigender Reihenfolge, die eine nach der anderen vorhergesagt werden. Am Trennzeichen muss das Modell die kleinste Zahl ausgeben und nach jeder sortierten Zahl die nächstgrößere. Ein Kopf muss lernen, Zahlen zu vergleichen: Seine Query von der aktuellen Zahl muss den Zahlen knapp darüber die höchsten Scores geben und denen darunter niedrige, sodass sein Gewicht auf der nächsten Zahl der Reihenfolge landet.</translation>
    </message>
    <message>
        <source>Share of the sorted half&apos;s numbers predicted correctly (the separator predicts the first).</source>
        <translation>Anteil der richtig vorhergesagten Zahlen der sortierten Hälfte (das Trennzeichen sagt die erste vorher).</translation>
    </message>
    <message>
        <source>Induction</source>
        <translation>Induktion</translation>
    </message>
    <message>
        <source>A few filler tokens are followed by a random run of distinct tokens, and the run is then repeated. In the repeat the next token can be read off the first copy: find where the current token occurred before and output the token that came after it. That takes two heads in two layers: a layer-1 head that looks at the previous position and writes &quot;my predecessor was A&quot; into each position, and a layer-2 induction head whose query &quot;I am A&quot; matches those keys, so it attends to the token after the earlier A and copies it.</source>
        <translation>Auf einige Füll-Tokens folgt eine zufällige Reihe verschiedener Tokens, die dann wiederholt wird. In der Wiederholung lässt sich das nächste Token an der ersten Kopie ablesen: Finde, wo das aktuelle Token schon einmal vorkam, und gib das Token aus, das danach kam. Dafür braucht es zwei Köpfe in zwei Schichten: einen Kopf in Schicht 1, der auf die vorherige Position schaut und „mein Vorgänger war A“ in jede Position schreibt, und einen Induction-Kopf in Schicht 2, dessen Query „ich bin A“ zu diesen Keys passt, sodass er auf das Token nach dem früheren A achtet und es kopiert.</translation>
    </message>
    <message>
        <source>Share of the repeat&apos;s positions (but its last) whose prediction is the next token of the repeat.</source>
        <translation>Anteil der Positionen der Wiederholung (außer ihrer letzten), deren Vorhersage das nächste Token der Wiederholung ist.</translation>
    </message>
</context>
</TS>
