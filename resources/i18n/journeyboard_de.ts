<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name></name>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Neu…</translation>
    </message>
    <message>
        <source>New map from a template</source>
        <translation>Neue Karte aus einer Vorlage</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>&amp;Survey Results…</source>
        <translation>&amp;Umfrageergebnisse…</translation>
    </message>
    <message>
        <source>&amp;Cards from CSV…</source>
        <translation>&amp;Kärtchen aus CSV…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>S&amp;chließen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Ausschneiden</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>E&amp;infügen</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>Alles aus&amp;wählen</translation>
    </message>
    <message>
        <source>Edit Card &amp;Text</source>
        <translation>Kärtchen&amp;text bearbeiten</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>An &amp;Fenster anpassen</translation>
    </message>
    <message>
        <source>&amp;Add Journey…</source>
        <translation>Journey &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Heat Strip</source>
        <translation>&amp;Heatmap-Leiste</translation>
    </message>
    <message>
        <source>Colour touchpoints and stages by a metric</source>
        <translation>Kontaktpunkte und Phasen nach einer Kennzahl einfärben</translation>
    </message>
    <message>
        <source>&amp;Rename Journey…</source>
        <translation>Journey &amp;umbenennen…</translation>
    </message>
    <message>
        <source>D&amp;uplicate Journey</source>
        <translation>Journey du&amp;plizieren</translation>
    </message>
    <message>
        <source>De&amp;lete Journey…</source>
        <translation>Journey &amp;löschen…</translation>
    </message>
    <message>
        <source>Add &amp;Stage</source>
        <translation>&amp;Phase hinzufügen</translation>
    </message>
    <message>
        <source>Add &amp;Lane…</source>
        <translation>&amp;Bahn hinzufügen…</translation>
    </message>
    <message>
        <source>Add &amp;Emotion Curve…</source>
        <translation>&amp;Emotionskurve hinzufügen…</translation>
    </message>
    <message>
        <source>Delete Emotion C&amp;urve…</source>
        <translation>Emotions&amp;kurve löschen…</translation>
    </message>
    <message>
        <source>&amp;About {0}</source>
        <translation>Ü&amp;ber {0}</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Next &amp;Panel</source>
        <translation>Nächster &amp;Bereich</translation>
    </message>
    <message>
        <source>Move the keyboard focus to the next panel</source>
        <translation>Den Tastaturfokus in den nächsten Bereich setzen</translation>
    </message>
    <message>
        <source>Previous Pa&amp;nel</source>
        <translation>Vorheriger Be&amp;reich</translation>
    </message>
    <message>
        <source>&amp;Capture Cards…</source>
        <translation>Kärtchen &amp;erfassen…</translation>
    </message>
    <message>
        <source>Type “stage / lane: text” to add cards fast</source>
        <translation>„Phase / Bahn: Text“ tippen, um schnell Kärtchen anzulegen</translation>
    </message>
    <message>
        <source>&amp;Presenter Mode</source>
        <translation>&amp;Präsentationsmodus</translation>
    </message>
    <message>
        <source>Show the map full screen, stage by stage</source>
        <translation>Die Karte bildschirmfüllend zeigen, Phase für Phase</translation>
    </message>
    <message>
        <source>Turn into &amp;Opportunity</source>
        <translation>In &amp;Chance umwandeln</translation>
    </message>
    <message>
        <source>Make an opportunity from the selected pain point, linked to it</source>
        <translation>Aus dem gewählten Schmerzpunkt eine damit verknüpfte Chance machen</translation>
    </message>
    <message>
        <source>&amp;Link to Opportunity…</source>
        <translation>Mit Chance &amp;verknüpfen…</translation>
    </message>
    <message>
        <source>Re&amp;view…</source>
        <translation>Über&amp;prüfung…</translation>
    </message>
    <message>
        <source>Review interval and next review date</source>
        <translation>Prüfintervall und nächster Prüftermin</translation>
    </message>
    <message>
        <source>Take S&amp;napshot…</source>
        <translation>&amp;Schnappschuss aufnehmen…</translation>
    </message>
    <message>
        <source>Store a dated copy of this journey in the file</source>
        <translation>Eine datierte Kopie dieser Journey in der Datei ablegen</translation>
    </message>
    <message>
        <source>Compare with &amp;Journey…</source>
        <translation>Mit &amp;Journey vergleichen…</translation>
    </message>
    <message>
        <source>Mark what differs from another journey (e.g. to-be)</source>
        <translation>Markieren, was sich von einer anderen Journey unterscheidet (z. B. Soll-Zustand)</translation>
    </message>
    <message>
        <source>Export Review &amp;Pack…</source>
        <translation>Review-&amp;Paket exportieren…</translation>
    </message>
    <message>
        <source>One PDF for stakeholders: poster, changes since a snapshot, register, persona sheets</source>
        <translation>Ein PDF für die Beteiligten: Poster, Änderungen seit einem Schnappschuss, Register, Persona-Blätter</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>New from &amp;Template</source>
        <translation>Neu aus &amp;Vorlage</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
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
        <source>&amp;Journey</source>
        <translation>&amp;Journey</translation>
    </message>
    <message>
        <source>&amp;Workshop</source>
        <translation>&amp;Workshop</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source> Journey: </source>
        <translation> Journey: </translation>
    </message>
    <message>
        <source>Rename {0}…</source>
        <translation>{0} umbenennen…</translation>
    </message>
    <message>
        <source>Insert Stage Before</source>
        <translation>Phase davor einfügen</translation>
    </message>
    <message>
        <source>Insert Stage After</source>
        <translation>Phase danach einfügen</translation>
    </message>
    <message>
        <source>Delete Stage</source>
        <translation>Phase löschen</translation>
    </message>
    <message>
        <source>Insert Lane Below…</source>
        <translation>Bahn darunter einfügen…</translation>
    </message>
    <message>
        <source>Delete Lane</source>
        <translation>Bahn löschen</translation>
    </message>
    <message>
        <source>Cut cards</source>
        <translation>Kärtchen ausschneiden</translation>
    </message>
    <message>
        <source>Click a cell to paste into.</source>
        <translation>Eine Zelle anklicken, in die eingefügt werden soll.</translation>
    </message>
    <message>
        <source>Paste cards</source>
        <translation>Kärtchen einfügen</translation>
    </message>
    <message>
        <source>Paste card</source>
        <translation>Kärtchen einfügen</translation>
    </message>
    <message>
        <source>{0} of {1} pasted cards were refused: {2}</source>
        <translation>{0} von {1} eingefügten Kärtchen wurden abgelehnt: {2}</translation>
    </message>
    <message>
        <source>Nothing pasted: the block has {0} columns but there are only {1} stages from here on. Paste it further left.</source>
        <translation>Nichts eingefügt: Der Block hat {0} Spalten, ab hier gibt es aber nur {1} Phasen. Weiter links einfügen.</translation>
    </message>
    <message>
        <source>Delete card</source>
        <translation>Kärtchen löschen</translation>
    </message>
    <message>
        <source>Delete cards</source>
        <translation>Kärtchen löschen</translation>
    </message>
    <message>
        <source>Add metric</source>
        <translation>Kennzahl hinzufügen</translation>
    </message>
    <message>
        <source>Remove metric</source>
        <translation>Kennzahl entfernen</translation>
    </message>
    <message>
        <source>Import survey results</source>
        <translation>Umfrageergebnisse importieren</translation>
    </message>
    <message>
        <source>Edit card text</source>
        <translation>Kärtchentext bearbeiten</translation>
    </message>
    <message>
        <source>Edit card</source>
        <translation>Kärtchen bearbeiten</translation>
    </message>
    <message>
        <source>Add card</source>
        <translation>Kärtchen hinzufügen</translation>
    </message>
    <message>
        <source>Move card</source>
        <translation>Kärtchen verschieben</translation>
    </message>
    <message>
        <source>Move cards</source>
        <translation>Kärtchen verschieben</translation>
    </message>
    <message>
        <source>Import cards</source>
        <translation>Kärtchen importieren</translation>
    </message>
    <message>
        <source>Rename journey</source>
        <translation>Journey umbenennen</translation>
    </message>
    <message>
        <source>Edit journey</source>
        <translation>Journey bearbeiten</translation>
    </message>
    <message>
        <source>Duplicate journey</source>
        <translation>Journey duplizieren</translation>
    </message>
    <message>
        <source>Add journey</source>
        <translation>Journey hinzufügen</translation>
    </message>
    <message>
        <source>Delete journey</source>
        <translation>Journey löschen</translation>
    </message>
    <message>
        <source>Add persona</source>
        <translation>Persona hinzufügen</translation>
    </message>
    <message>
        <source>New persona</source>
        <translation>Neue Persona</translation>
    </message>
    <message>
        <source>Set persona photo</source>
        <translation>Persona-Foto festlegen</translation>
    </message>
    <message>
        <source>Edit persona</source>
        <translation>Persona bearbeiten</translation>
    </message>
    <message>
        <source>Delete persona</source>
        <translation>Persona löschen</translation>
    </message>
    <message>
        <source>Add opportunity</source>
        <translation>Chance hinzufügen</translation>
    </message>
    <message>
        <source>Edit opportunity</source>
        <translation>Chance bearbeiten</translation>
    </message>
    <message>
        <source>Delete opportunity</source>
        <translation>Chance löschen</translation>
    </message>
    <message>
        <source>Take snapshot</source>
        <translation>Schnappschuss aufnehmen</translation>
    </message>
    <message>
        <source>Rename snapshot</source>
        <translation>Schnappschuss umbenennen</translation>
    </message>
    <message>
        <source>Delete snapshot</source>
        <translation>Schnappschuss löschen</translation>
    </message>
    <message>
        <source>Restore snapshot as journey</source>
        <translation>Schnappschuss als Journey wiederherstellen</translation>
    </message>
    <message>
        <source>Start review</source>
        <translation>Überprüfung beginnen</translation>
    </message>
    <message>
        <source>Resize stage</source>
        <translation>Phasenbreite ändern</translation>
    </message>
    <message>
        <source>Rename stage</source>
        <translation>Phase umbenennen</translation>
    </message>
    <message>
        <source>Recolour stage</source>
        <translation>Phase umfärben</translation>
    </message>
    <message>
        <source>Edit stage</source>
        <translation>Phase bearbeiten</translation>
    </message>
    <message>
        <source>Rename lane</source>
        <translation>Bahn umbenennen</translation>
    </message>
    <message>
        <source>Recolour lane</source>
        <translation>Bahn umfärben</translation>
    </message>
    <message>
        <source>Edit lane</source>
        <translation>Bahn bearbeiten</translation>
    </message>
    <message>
        <source>Add stage</source>
        <translation>Phase hinzufügen</translation>
    </message>
    <message>
        <source>Add lane</source>
        <translation>Bahn hinzufügen</translation>
    </message>
    <message>
        <source>Delete stage</source>
        <translation>Phase löschen</translation>
    </message>
    <message>
        <source>Delete lane</source>
        <translation>Bahn löschen</translation>
    </message>
    <message>
        <source>Move stage</source>
        <translation>Phase verschieben</translation>
    </message>
    <message>
        <source>Move lane</source>
        <translation>Bahn verschieben</translation>
    </message>
    <message>
        <source>Set emotion</source>
        <translation>Emotion festlegen</translation>
    </message>
    <message>
        <source>Add emotion curve</source>
        <translation>Emotionskurve hinzufügen</translation>
    </message>
    <message>
        <source>Set curve persona</source>
        <translation>Persona der Kurve festlegen</translation>
    </message>
    <message>
        <source>Edit emotion curve</source>
        <translation>Emotionskurve bearbeiten</translation>
    </message>
    <message>
        <source>Delete emotion curve</source>
        <translation>Emotionskurve löschen</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <source>{0} The map is unchanged.</source>
        <translation>{0} Die Karte ist unverändert.</translation>
    </message>
    <message>
        <source>This map has never been saved: there is nothing to reload.</source>
        <translation>Diese Karte wurde noch nie gespeichert: Es gibt nichts neu zu laden.</translation>
    </message>
    <message>
        <source>Untitled journey</source>
        <translation>Unbenannte Journey</translation>
    </message>
    <message>
        <source>Journeyboard projects (*.cjm);;All files (*)</source>
        <translation>Journeyboard-Projekte (*.cjm);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>File Changed on Disk</source>
        <translation>Datei auf dem Datenträger geändert</translation>
    </message>
    <message>
        <source>Save as &amp;Copy…</source>
        <translation>Als &amp;Kopie speichern…</translation>
    </message>
    <message>
        <source>&amp;Overwrite</source>
        <translation>Über&amp;schreiben</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Save the changes to “{0}” before closing?</source>
        <translation>Änderungen an „{0}“ vor dem Schließen speichern?</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>New Map</source>
        <translation>Neue Karte</translation>
    </message>
    <message>
        <source>Start from:</source>
        <translation>Beginnen mit:</translation>
    </message>
    <message>
        <source>Open Journey Map</source>
        <translation>Journey-Karte öffnen</translation>
    </message>
    <message>
        <source>Cannot Open File</source>
        <translation>Datei kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Save Journey Map</source>
        <translation>Journey-Karte speichern</translation>
    </message>
    <message>
        <source>Cannot Save</source>
        <translation>Speichern nicht möglich</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>{0} gespeichert</translation>
    </message>
    <message>
        <source>Cannot Reload</source>
        <translation>Neu laden nicht möglich</translation>
    </message>
    <message>
        <source>Reloaded {0} from disk</source>
        <translation>{0} vom Datenträger neu geladen</translation>
    </message>
    <message>
        <source>Exported {0}</source>
        <translation>{0} exportiert</translation>
    </message>
    <message>
        <source>never saved</source>
        <translation>nie gespeichert</translation>
    </message>
    <message>
        <source>Discard Unsaved Work</source>
        <translation>Ungespeicherte Arbeit verwerfen</translation>
    </message>
    <message>
        <source>Discard the unsaved changes to {0} maps? This cannot be undone.</source>
        <translation>Die ungespeicherten Änderungen an {0} Karten verwerfen? Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Cannot Recover</source>
        <translation>Wiederherstellen nicht möglich</translation>
    </message>
    <message>
        <source>Unexpected Error</source>
        <translation>Unerwarteter Fehler</translation>
    </message>
    <message>
        <source>Something went wrong: {0}

Details were written to {1}. To be safe, save your work now (File → Save As can save a copy under another name or on another disk).</source>
        <translation>Etwas ist schiefgegangen: {0}

Einzelheiten stehen in {1}. Sichern Sie Ihre Arbeit jetzt vorsichtshalber (Datei → Speichern unter kann eine Kopie unter anderem Namen oder auf einem anderen Datenträger ablegen).</translation>
    </message>
    <message>
        <source>Imported {n} answers onto {m} touchpoints and stages.</source>
        <translation>{n} Antworten auf {m} Kontaktpunkte und Phasen importiert.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>{file} wird gelesen…</translation>
    </message>
    <message>
        <source>No journey is open.</source>
        <translation>Keine Journey geöffnet.</translation>
    </message>
    <message>
        <source>Matching answers…</source>
        <translation>Antworten werden zugeordnet…</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>cannot read the file ({why}).</source>
        <translation>Die Datei kann nicht gelesen werden ({why}).</translation>
    </message>
    <message>
        <source>Imported {n} cards from {file}.</source>
        <translation>{n} Kärtchen aus {file} importiert.</translation>
    </message>
    <message>
        <source>{file}: {why}</source>
        <translation>{file}: {why}</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>Your map is still open and nothing is lost yet: use Save As to save it somewhere with free space.</source>
        <translation>Ihre Karte ist noch geöffnet und noch ist nichts verloren: Speichern Sie sie mit „Speichern unter“ an einem Ort mit freiem Speicherplatz.</translation>
    </message>
    <message>
        <source>Metrics of this touchpoint</source>
        <translation>Kennzahlen dieses Kontaktpunkts</translation>
    </message>
    <message>
        <source>Metrics of this stage</source>
        <translation>Kennzahlen dieser Phase</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>Edit metric</source>
        <translation>Kennzahl bearbeiten</translation>
    </message>
    <message>
        <source>Link to opportunity</source>
        <translation>Mit Chance verknüpfen</translation>
    </message>
    <message>
        <source>Opportunity (✓ linked: choose it to unlink):</source>
        <translation>Chance (✓ verknüpft: zum Lösen auswählen):</translation>
    </message>
    <message>
        <source>Re-score opportunity</source>
        <translation>Chance neu bewerten</translation>
    </message>
    <message>
        <source>Turn into opportunity</source>
        <translation>In Chance umwandeln</translation>
    </message>
    <message>
        <source>Unlink card</source>
        <translation>Kärtchen lösen</translation>
    </message>
    <message>
        <source>Link card</source>
        <translation>Kärtchen verknüpfen</translation>
    </message>
    <message>
        <source>Save persona sheet</source>
        <translation>Persona-Steckbrief speichern</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>{0} is too large for a photo (at most {1} MB).</source>
        <translation>{0} ist zu groß für ein Foto (höchstens {1} MB).</translation>
    </message>
    <message>
        <source>{0} cannot be read: {1}</source>
        <translation>{0} kann nicht gelesen werden: {1}</translation>
    </message>
    <message>
        <source>Duplicate persona</source>
        <translation>Persona duplizieren</translation>
    </message>
    <message>
        <source>Review {0}</source>
        <translation>Überprüfung {0}</translation>
    </message>
    <message>
        <source>Review started: snapshot “{0}” taken; next review on {1}.</source>
        <translation>Überprüfung begonnen: Schnappschuss „{0}“ aufgenommen; nächste Überprüfung am {1}.</translation>
    </message>
    <message>
        <source>Review reminder snoozed until {0}.</source>
        <translation>Erinnerung an die Überprüfung bis {0} zurückgestellt.</translation>
    </message>
    <message>
        <source>Snapshot {0}</source>
        <translation>Schnappschuss {0}</translation>
    </message>
    <message>
        <source>Take Snapshot</source>
        <translation>Schnappschuss aufnehmen</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>Bezeichnung:</translation>
    </message>
    <message>
        <source>Snapshot “{0}” taken.</source>
        <translation>Schnappschuss „{0}“ aufgenommen.</translation>
    </message>
    <message>
        <source>Cannot Open Snapshot</source>
        <translation>Schnappschuss kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>This snapshot cannot be read: {0}</source>
        <translation>Dieser Schnappschuss kann nicht gelesen werden: {0}</translation>
    </message>
    <message>
        <source>Since “{0}” ({1})</source>
        <translation>Seit „{0}“ ({1})</translation>
    </message>
    <message>
        <source>This file has no other journey to compare with.</source>
        <translation>Diese Datei enthält keine andere Journey zum Vergleichen.</translation>
    </message>
    <message>
        <source>(unnamed journey)</source>
        <translation>(unbenannte Journey)</translation>
    </message>
    <message>
        <source>Compare with Journey</source>
        <translation>Mit Journey vergleichen</translation>
    </message>
    <message>
        <source>Compare this journey with:</source>
        <translation>Diese Journey vergleichen mit:</translation>
    </message>
    <message>
        <source>Compared with “{0}”</source>
        <translation>Verglichen mit „{0}“</translation>
    </message>
    <message>
        <source>Add Journey</source>
        <translation>Journey hinzufügen</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>Vorlage:</translation>
    </message>
    <message>
        <source>Journey name:</source>
        <translation>Name der Journey:</translation>
    </message>
    <message>
        <source>New journey</source>
        <translation>Neue Journey</translation>
    </message>
    <message>
        <source>Rename Journey</source>
        <translation>Journey umbenennen</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Delete Journey</source>
        <translation>Journey löschen</translation>
    </message>
    <message>
        <source>Delete the journey “{0}” with all its cards? You can undo this.</source>
        <translation>Die Journey „{0}“ mit allen Kärtchen löschen? Sie können das rückgängig machen.</translation>
    </message>
    <message>
        <source>Stage {0}</source>
        <translation>Phase {0}</translation>
    </message>
    <message>
        <source>Add Lane</source>
        <translation>Bahn hinzufügen</translation>
    </message>
    <message>
        <source>Kind of lane:</source>
        <translation>Art der Bahn:</translation>
    </message>
    <message>
        <source>A journey keeps at least one stage.</source>
        <translation>Eine Journey behält mindestens eine Phase.</translation>
    </message>
    <message>
        <source>A journey keeps at least one lane.</source>
        <translation>Eine Journey behält mindestens eine Bahn.</translation>
    </message>
    <message>
        <source>Add Emotion Curve</source>
        <translation>Emotionskurve hinzufügen</translation>
    </message>
    <message>
        <source>Curve name (e.g. a persona):</source>
        <translation>Name der Kurve (z. B. eine Persona):</translation>
    </message>
    <message>
        <source>To-be</source>
        <translation>Soll</translation>
    </message>
    <message>
        <source>Curve</source>
        <translation>Kurve</translation>
    </message>
    <message>
        <source>This journey has no emotion curve.</source>
        <translation>Diese Journey hat keine Emotionskurve.</translation>
    </message>
    <message>
        <source>Delete Emotion Curve</source>
        <translation>Emotionskurve löschen</translation>
    </message>
    <message>
        <source>Curve:</source>
        <translation>Kurve:</translation>
    </message>
    <message>
        <source>Emotion Note</source>
        <translation>Notiz zur Emotion</translation>
    </message>
    <message>
        <source>Why does the customer feel {0:+d} here?</source>
        <translation>Warum fühlt sich die Kundin oder der Kunde hier {0:+d}?</translation>
    </message>
    <message>
        <source>The journey has no objective</source>
        <translation>Die Journey hat kein Ziel</translation>
    </message>
    <message>
        <source>The journey has no persona</source>
        <translation>Die Journey hat keine Persona</translation>
    </message>
    <message>
        <source>The next review was due on %s</source>
        <translation>Die nächste Überprüfung war am %s fällig</translation>
    </message>
    <message>
        <source>Stage “%s” has no touchpoint</source>
        <translation>Phase „%s“ hat keinen Kontaktpunkt</translation>
    </message>
    <message>
        <source>Touchpoint “%s” has no channel</source>
        <translation>Kontaktpunkt „%s“ hat keinen Kanal</translation>
    </message>
    <message>
        <source>Touchpoint “%s” has no usage share</source>
        <translation>Kontaktpunkt „%s“ hat keinen Nutzungsanteil</translation>
    </message>
    <message>
        <source>Pain point “%s” has no opportunity</source>
        <translation>Schmerzpunkt „%s“ hat keine Chance</translation>
    </message>
    <message>
        <source>Opportunity “%s” has no owner</source>
        <translation>Chance „%s“ hat keine verantwortliche Person</translation>
    </message>
    <message>
        <source>Opportunity “%s” has no status</source>
        <translation>Chance „%s“ hat keinen Status</translation>
    </message>
    <message>
        <source>Opportunity “%s” has no due date</source>
        <translation>Chance „%s“ hat kein Fälligkeitsdatum</translation>
    </message>
    <message>
        <source>Touchpoint</source>
        <translation>Kontaktpunkt</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Handlung</translation>
    </message>
    <message>
        <source>Thought</source>
        <translation>Gedanke</translation>
    </message>
    <message>
        <source>Pain point</source>
        <translation>Schmerzpunkt</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>Chance</translation>
    </message>
    <message>
        <source>Backstage</source>
        <translation>Backstage</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Handlungen</translation>
    </message>
    <message>
        <source>Thoughts</source>
        <translation>Gedanken</translation>
    </message>
    <message>
        <source>Touchpoints</source>
        <translation>Kontaktpunkte</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <source>Pain points</source>
        <translation>Schmerzpunkte</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>Chancen</translation>
    </message>
    <message>
        <source>Emotion curve</source>
        <translation>Emotionskurve</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Kennzahlen</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Belege</translation>
    </message>
    <message>
        <source>Frontstage</source>
        <translation>Frontstage</translation>
    </message>
    <message>
        <source>Support processes</source>
        <translation>Unterstützende Prozesse</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Divider line (no cards)</source>
        <translation>Trennlinie (keine Kärtchen)</translation>
    </message>
    <message>
        <source>Blank map</source>
        <translation>Leere Karte</translation>
    </message>
    <message>
        <source>Customer journey map (7 stages)</source>
        <translation>Customer-Journey-Karte (7 Phasen)</translation>
    </message>
    <message>
        <source>Service blueprint</source>
        <translation>Service Blueprint</translation>
    </message>
    <message>
        <source>before</source>
        <translation>vorher</translation>
    </message>
    <message>
        <source>PDF poster</source>
        <translation>PDF-Poster</translation>
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
        <source>CSV (cards of all journeys)</source>
        <translation>CSV (Kärtchen aller Journeys)</translation>
    </message>
    <message>
        <source>JSON (whole project)</source>
        <translation>JSON (ganzes Projekt)</translation>
    </message>
    <message>
        <source>{0} landscape ({1:.0f} x {2:.0f} mm)</source>
        <translation>{0} quer ({1:.0f} x {2:.0f} mm)</translation>
    </message>
    <message>
        <source>{0} portrait ({1:.0f} x {2:.0f} mm)</source>
        <translation>{0} hoch ({1:.0f} x {2:.0f} mm)</translation>
    </message>
    <message>
        <source>{0}, {1} x {2} pixels at {3} DPI</source>
        <translation>{0}, {1} x {2} Pixel bei {3} DPI</translation>
    </message>
    <message>
        <source>{0} on {1} {2} sheets ({3} rows x {4} columns)</source>
        <translation>{0} auf {1} {2}-Blättern ({3} Zeilen x {4} Spalten)</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>Hochformat</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>Querformat</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <source>Headline metric</source>
        <translation>Leitkennzahl</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Eigene</translation>
    </message>
    <message>
        <source>Heat:</source>
        <translation>Heatmap:</translation>
    </message>
    <message>
        <source>worst</source>
        <translation>am schlechtesten</translation>
    </message>
    <message>
        <source>best</source>
        <translation>am besten</translation>
    </message>
    <message>
        <source>1 (minor)</source>
        <translation>1 (gering)</translation>
    </message>
    <message>
        <source>2 (low)</source>
        <translation>2 (niedrig)</translation>
    </message>
    <message>
        <source>3 (moderate)</source>
        <translation>3 (mittel)</translation>
    </message>
    <message>
        <source>4 (high)</source>
        <translation>4 (hoch)</translation>
    </message>
    <message>
        <source>5 (critical)</source>
        <translation>5 (kritisch)</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Kärtchen</translation>
    </message>
    <message>
        <source>Committed when you leave the field or press Ctrl+Enter</source>
        <translation>Wird übernommen, wenn Sie das Feld verlassen oder Strg+Eingabe drücken</translation>
    </message>
    <message>
        <source>Choose a colour for this card</source>
        <translation>Eine Farbe für dieses Kärtchen wählen</translation>
    </message>
    <message>
        <source>Reset to kind colour</source>
        <translation>Auf Farbe der Art zurücksetzen</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Share of customers who use this touchpoint.
Step below 0 % for “Not known”.</source>
        <translation>Anteil der Kundschaft, die diesen Kontaktpunkt nutzt.
Unter 0 % gehen für „Unbekannt“.</translation>
    </message>
    <message>
        <source>Not rated</source>
        <translation>Nicht bewertet</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>Genutzt von</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Kind colour</source>
        <translation>Farbe der Art</translation>
    </message>
    <message>
        <source>Card colour</source>
        <translation>Kärtchenfarbe</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Breite</translation>
    </message>
    <message>
        <source>Stage colour</source>
        <translation>Phasenfarbe</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>Bahn</translation>
    </message>
    <message>
        <source>Lane colour</source>
        <translation>Bahnfarbe</translation>
    </message>
    <message>
        <source>Select a card, stage or lane to edit it here.</source>
        <translation>Ein Kärtchen, eine Phase oder eine Bahn auswählen, um sie hier zu bearbeiten.</translation>
    </message>
    <message>
        <source>
Double-click to add a note.</source>
        <translation>
Doppelklicken, um eine Notiz hinzuzufügen.</translation>
    </message>
    <message>
        <source>Name of the new persona:</source>
        <translation>Name der neuen Persona:</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>typed</source>
        <translation>eingegeben</translation>
    </message>
    <message>
        <source>Small sample: fewer than {n} answers.</source>
        <translation>Kleine Stichprobe: weniger als {n} Antworten.</translation>
    </message>
    <message>
        <source>Mean answer: {mean:.2f} of 5</source>
        <translation>Mittlere Antwort: {mean:.2f} von 5</translation>
    </message>
    <message>
        <source>Computed from the answers in {source}.</source>
        <translation>Aus den Antworten in {source} berechnet.</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Eigene…</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>* fewer than {n} answers: a small sample</source>
        <translation>* weniger als {n} Antworten: kleine Stichprobe</translation>
    </message>
    <message>
        <source>Priority = importance x (ease + 6 - cost) / 2, from 1 to 25</source>
        <translation>Priorität = Wichtigkeit x (Einfachheit + 6 - Kosten) / 2, von 1 bis 25</translation>
    </message>
    <message>
        <source>Idea</source>
        <translation>Idee</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Verworfen</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Linked cards</source>
        <translation>Verknüpfte Kärtchen</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <source>Importance</source>
        <translation>Wichtigkeit</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Ease</source>
        <translation>Einfachheit</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Stimmen</translation>
    </message>
    <message>
        <source>Filter: title, owner, department, card…</source>
        <translation>Filter: Titel, Verantwortliche, Abteilung, Kärtchen…</translation>
    </message>
    <message>
        <source>Filter opportunities</source>
        <translation>Chancen filtern</translation>
    </message>
    <message>
        <source>Show status</source>
        <translation>Status anzeigen</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>Opportunity register</source>
        <translation>Chancenregister</translation>
    </message>
    <message>
        <source>overdue items are red</source>
        <translation>Überfälliges ist rot</translation>
    </message>
    <message>
        <source>No opportunities yet: select a pain point and choose Turn into Opportunity, or click New.</source>
        <translation>Noch keine Chancen: einen Schmerzpunkt auswählen und „In Chance umwandeln“ wählen, oder auf „Neu“ klicken.</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp *.gif)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.webp *.gif)</translation>
    </message>
    <message>
        <source>Choose a photo</source>
        <translation>Foto auswählen</translation>
    </message>
    <message>
        <source>e.g. Trial user Tina</source>
        <translation>z. B. Testnutzerin Tina</translation>
    </message>
    <message>
        <source>Role or segment</source>
        <translation>Rolle oder Segment</translation>
    </message>
    <message>
        <source>What they want to achieve</source>
        <translation>Was die Person erreichen will</translation>
    </message>
    <message>
        <source>What they need from us</source>
        <translation>Was die Person von uns braucht</translation>
    </message>
    <message>
        <source>What gets in the way</source>
        <translation>Was im Weg steht</translation>
    </message>
    <message>
        <source>Something they said</source>
        <translation>Etwas, das die Person gesagt hat</translation>
    </message>
    <message>
        <source>Sources, interviews, remarks</source>
        <translation>Quellen, Interviews, Anmerkungen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role / segment</source>
        <translation>Rolle / Segment</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>Bedürfnisse</translation>
    </message>
    <message>
        <source>Frustrations</source>
        <translation>Frustrationen</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Zitat</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Personas</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Add a persona to this file&apos;s library</source>
        <translation>Eine Persona zur Bibliothek dieser Datei hinzufügen</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>D&amp;uplizieren</translation>
    </message>
    <message>
        <source>Persona &amp;Sheet (PDF)…</source>
        <translation>Persona-&amp;Steckbrief (PDF)…</translation>
    </message>
    <message>
        <source>Print this persona on one A4 page</source>
        <translation>Diese Persona auf einer A4-Seite drucken</translation>
    </message>
    <message>
        <source>Drop a PNG, JPEG, WebP or GIF image here</source>
        <translation>Ein PNG-, JPEG-, WebP- oder GIF-Bild hier ablegen</translation>
    </message>
    <message>
        <source>Choose &amp;Photo…</source>
        <translation>&amp;Foto auswählen…</translation>
    </message>
    <message>
        <source>Remove Photo</source>
        <translation>Foto entfernen</translation>
    </message>
    <message>
        <source>In this journey</source>
        <translation>In dieser Journey</translation>
    </message>
    <message>
        <source>No personas yet. Click New to add one.</source>
        <translation>Noch keine Personas. Auf „Neu“ klicken, um eine anzulegen.</translation>
    </message>
    <message>
        <source>Persona library</source>
        <translation>Persona-Bibliothek</translation>
    </message>
    <message>
        <source>Quick wins</source>
        <translation>Schnelle Erfolge</translation>
    </message>
    <message>
        <source>Big bets</source>
        <translation>Große Vorhaben</translation>
    </message>
    <message>
        <source>Fill-ins</source>
        <translation>Lückenfüller</translation>
    </message>
    <message>
        <source>Money pits</source>
        <translation>Geldgräber</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>touchpoint</source>
        <translation>Kontaktpunkt</translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation>Geht an</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Small sample: fewer than 30 answers.</source>
        <translation>Kleine Stichprobe: weniger als 30 Antworten.</translation>
    </message>
    <message>
        <source>Survey file</source>
        <translation>Umfragedatei</translation>
    </message>
    <message>
        <source>A CSV or Excel (.xlsx) export with one answer per row and a header row.</source>
        <translation>Ein CSV- oder Excel-Export (.xlsx) mit einer Antwort pro Zeile und einer Kopfzeile.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Survey results</source>
        <translation>Umfrageergebnisse</translation>
    </message>
    <message>
        <source>Survey results (*.csv *.xlsx);;All files (*)</source>
        <translation>Umfrageergebnisse (*.csv *.xlsx);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Which column holds the answer, and which names the touchpoint or stage it is about (matched to card texts and stage names).</source>
        <translation>Welche Spalte die Antwort enthält und welche den Kontaktpunkt oder die Phase nennt, um die es geht (abgeglichen mit Kärtchentexten und Phasennamen).</translation>
    </message>
    <message>
        <source>all segments</source>
        <translation>alle Segmente</translation>
    </message>
    <message>
        <source>all personas</source>
        <translation>alle Personas</translation>
    </message>
    <message>
        <source>Answer (score)</source>
        <translation>Antwort (Wert)</translation>
    </message>
    <message>
        <source>Touchpoint or stage</source>
        <translation>Kontaktpunkt oder Phase</translation>
    </message>
    <message>
        <source>Custom name / unit</source>
        <translation>Eigener Name / Einheit</translation>
    </message>
    <message>
        <source>Custom answers from / to</source>
        <translation>Eigene Antworten von / bis</translation>
    </message>
    <message>
        <source>Date (optional)</source>
        <translation>Datum (optional)</translation>
    </message>
    <message>
        <source>Segment (optional)</source>
        <translation>Segment (optional)</translation>
    </message>
    <message>
        <source>Persona (optional)</source>
        <translation>Persona (optional)</translation>
    </message>
    <message>
        <source>Survey name</source>
        <translation>Name der Umfrage</translation>
    </message>
    <message>
        <source>survey</source>
        <translation>Umfrage</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Rows that match no touchpoint or stage:</source>
        <translation>Zeilen ohne passenden Kontaktpunkt oder passende Phase:</translation>
    </message>
    <message>
        <source>Nothing can be imported.</source>
        <translation>Es kann nichts importiert werden.</translation>
    </message>
    <message>
        <source>{answers} answers go to {targets} touchpoints and stages; {unmatched} rows match nothing; {skipped} rows have no answer or are filtered out. Importing replaces earlier figures of “{source}”.</source>
        <translation>{answers} Antworten gehen an {targets} Kontaktpunkte und Phasen; {unmatched} Zeilen passen zu nichts; {skipped} Zeilen haben keine Antwort oder sind ausgefiltert. Der Import ersetzt frühere Werte von „{source}“.</translation>
    </message>
    <message>
        <source>“{text}” — {n} rows (first: line {line})</source>
        <translation>„{text}“ — {n} Zeilen (erste: Zeile {line})</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>Nothing will be imported until these are fixed:
</source>
        <translation>Es wird nichts importiert, bis diese Punkte behoben sind:
</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>this program</source>
        <translation>dieses Programm</translation>
    </message>
    <message>
        <source>runs the program</source>
        <translation>führt das Programm aus</translation>
    </message>
    <message>
        <source>windows, canvas, PNG and SVG export</source>
        <translation>Fenster, Zeichenfläche, PNG- und SVG-Export</translation>
    </message>
    <message>
        <source>Qt for Python</source>
        <translation>Qt für Python</translation>
    </message>
    <message>
        <source>the .cjm project file</source>
        <translation>die .cjm-Projektdatei</translation>
    </message>
    <message>
        <source>PDF posters</source>
        <translation>PDF-Poster</translation>
    </message>
    <message>
        <source>persona photos</source>
        <translation>Persona-Fotos</translation>
    </message>
    <message>
        <source>Bitstream Vera licence</source>
        <translation>Bitstream-Vera-Lizenz</translation>
    </message>
    <message>
        <source>text in PDF exports</source>
        <translation>Text in PDF-Exporten</translation>
    </message>
    <message>
        <source>Chinese, Japanese and Korean text in PDF exports</source>
        <translation>Chinesischer, japanischer und koreanischer Text in PDF-Exporten</translation>
    </message>
    <message>
        <source>The MIT License (the LICENSE file was not found).</source>
        <translation>Die MIT-Lizenz (die Datei LICENSE wurde nicht gefunden).</translation>
    </message>
    <message>
        <source>DejaVu fonts</source>
        <translation>DejaVu-Schriften</translation>
    </message>
    <message>
        <source>Droid Sans Fallback font</source>
        <translation>Schrift Droid Sans Fallback</translation>
    </message>
    <message>
        <source>Voting round</source>
        <translation>Abstimmungsrunde</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Neu…</translation>
    </message>
    <message>
        <source>Start a new voting round</source>
        <translation>Eine neue Abstimmungsrunde beginnen</translation>
    </message>
    <message>
        <source>Place dots by clicking cards</source>
        <translation>Punkte durch Klick auf Karten setzen</translation>
    </message>
    <message>
        <source>Click a card, or press Space on the selected card, to place a dot; Shift+click or Backspace takes one back</source>
        <translation>Eine Karte anklicken oder auf der gewählten Karte die Leertaste drücken setzt einen Punkt; Umschalt+Klick oder Rücktaste nimmt einen zurück</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Teilnehmer</translation>
    </message>
    <message>
        <source>Participant&apos;s name</source>
        <translation>Name des Teilnehmers</translation>
    </message>
    <message>
        <source>Whose turn it is: type a name or keep the number</source>
        <translation>Wer an der Reihe ist: einen Namen eingeben oder die Nummer lassen</translation>
    </message>
    <message>
        <source>Dots left</source>
        <translation>Übrige Punkte</translation>
    </message>
    <message>
        <source>Next Participant</source>
        <translation>Nächster Teilnehmer</translation>
    </message>
    <message>
        <source>Count on the selected card</source>
        <translation>Anzahl auf der gewählten Karte</translation>
    </message>
    <message>
        <source>Set Count</source>
        <translation>Anzahl setzen</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Take every dot off this round (Undo puts them back)</source>
        <translation>Alle Punkte dieser Runde entfernen (Rückgängig stellt sie wieder her)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete this round</source>
        <translation>Diese Runde löschen</translation>
    </message>
    <message>
        <source>Sort Register</source>
        <translation>Register sortieren</translation>
    </message>
    <message>
        <source>Opportunity register, most votes first</source>
        <translation>Chancenregister, meiste Stimmen zuerst</translation>
    </message>
    <message>
        <source>Set Importance</source>
        <translation>Wichtigkeit setzen</translation>
    </message>
    <message>
        <source>Importance from the votes: the most-voted opportunity 5, none 1 (one undo step)</source>
        <translation>Wichtigkeit aus den Stimmen: die meistgewählte Chance 5, ohne Stimmen 1 (ein Rückgängig-Schritt)</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Journeyboard</source>
        <translation>Über Journeyboard</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Über</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>Komponenten</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>Lizenzen</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Journeyboard %1</source>
        <translation>Journeyboard %1</translation>
    </message>
    <message>
        <source>An offline editor for customer journey maps.

Journeyboard is free software under the MIT License. It is built on Python, Qt and PySide6 (LGPL 3), SQLAlchemy, ReportLab and Pillow, and it includes the DejaVu fonts (Bitstream Vera licence) and Droid Sans Fallback (Apache License 2.0). The Components and Licences tabs list their versions and licence texts; everything is stored here and needs no network.</source>
        <translation>Ein Offline-Editor für Customer-Journey-Karten.

Journeyboard ist freie Software unter der MIT-Lizenz. Es baut auf Python, Qt und PySide6 (LGPL 3), SQLAlchemy, ReportLab und Pillow auf und enthält die DejaVu-Schriften (Bitstream-Vera-Lizenz) und Droid Sans Fallback (Apache License 2.0). Die Reiter „Komponenten“ und „Lizenzen“ nennen ihre Versionen und Lizenztexte; alles ist hier gespeichert und braucht kein Netzwerk.</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Komponente</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <source>Used for</source>
        <translation>Verwendet für</translation>
    </message>
</context>
<context>
    <name>BubbleItem</name>
    <message>
        <source>{0}
importance {1}, cost {2}, ease {3}, priority {4:g}</source>
        <translation>{0}
Wichtigkeit {1}, Kosten {2}, Einfachheit {3}, Priorität {4:g}</translation>
    </message>
</context>
<context>
    <name>CanvasController</name>
    <message>
        <source>Click a cell first, or drag the card into one.</source>
        <translation>Zuerst eine Zelle anklicken oder das Kärtchen in eine Zelle ziehen.</translation>
    </message>
    <message>
        <source>Add Card</source>
        <translation>Kärtchen hinzufügen</translation>
    </message>
</context>
<context>
    <name>CaptureBar</name>
    <message>
        <source>Capture bar</source>
        <translation>Erfassungsleiste</translation>
    </message>
    <message>
        <source>&amp;Capture:</source>
        <translation>&amp;Erfassen:</translation>
    </message>
    <message>
        <source>Capture a card</source>
        <translation>Ein Kärtchen erfassen</translation>
    </message>
    <message>
        <source>stage / lane: text, e.g. Awareness / Actions: Sees an advert</source>
        <translation>Phase / Bahn: Text, z. B. Aufmerksamkeit / Handlungen: Sieht eine Anzeige</translation>
    </message>
    <message>
        <source>Type “stage / lane: text” and press Enter. Names may be shortened while they stay unique; a stage may be given by its number. Escape closes the bar.</source>
        <translation>„Phase / Bahn: Text“ tippen und Eingabe drücken. Namen dürfen abgekürzt werden, solange sie eindeutig bleiben; eine Phase kann auch über ihre Nummer angegeben werden. Escape schließt die Leiste.</translation>
    </message>
    <message>
        <source>Capture result</source>
        <translation>Ergebnis der Erfassung</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close the capture bar (Escape)</source>
        <translation>Die Erfassungsleiste schließen (Escape)</translation>
    </message>
    <message>
        <source>Close capture bar</source>
        <translation>Erfassungsleiste schließen</translation>
    </message>
</context>
<context>
    <name>CaptureController</name>
    <message>
        <source>Open a journey to capture cards into.</source>
        <translation>Eine Journey öffnen, um Kärtchen darin zu erfassen.</translation>
    </message>
    <message>
        <source>Added to {0} / {1}</source>
        <translation>Hinzugefügt zu {0} / {1}</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>Nothing added: write “stage / lane: text”.</source>
        <translation>Nichts hinzugefügt: „Phase / Bahn: Text“ schreiben.</translation>
    </message>
    <message>
        <source>Nothing added: type the card&apos;s text after the colon.</source>
        <translation>Nichts hinzugefügt: den Text des Kärtchens nach dem Doppelpunkt tippen.</translation>
    </message>
    <message>
        <source>Nothing added: no stage “{0}”. Stages: {1}.</source>
        <translation>Nichts hinzugefügt: keine Phase „{0}“. Phasen: {1}.</translation>
    </message>
    <message>
        <source>Nothing added: no card lane “{0}”. Lanes: {1}.</source>
        <translation>Nichts hinzugefügt: keine Kärtchenbahn „{0}“. Bahnen: {1}.</translation>
    </message>
    <message>
        <source>Nothing added: “{0}” could be the stage {1}.</source>
        <translation>Nichts hinzugefügt: „{0}“ könnte die Phase {1} sein.</translation>
    </message>
    <message>
        <source>Nothing added: “{0}” could be the lane {1}.</source>
        <translation>Nichts hinzugefügt: „{0}“ könnte die Bahn {1} sein.</translation>
    </message>
</context>
<context>
    <name>CardItem</name>
    <message numerus="yes">
        <source>Linked to %n opportunity(s)</source>
        <translation>
            <numerusform>Mit %n Chance verknüpft</numerusform>
            <numerusform>Mit %n Chancen verknüpft</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CardPage</name>
    <message>
        <source>What the card says</source>
        <translation>Was auf dem Kärtchen steht</translation>
    </message>
    <message>
        <source>Evidence, sources, remarks</source>
        <translation>Belege, Quellen, Anmerkungen</translation>
    </message>
    <message>
        <source>e.g. App, phone, store</source>
        <translation>z. B. App, Telefon, Filiale</translation>
    </message>
    <message>
        <source>Team or department</source>
        <translation>Team oder Abteilung</translation>
    </message>
    <message>
        <source>Person responsible</source>
        <translation>Verantwortliche Person</translation>
    </message>
</context>
<context>
    <name>CardPalette</name>
    <message>
        <source>Drag a card kind into a cell to add a card</source>
        <translation>Eine Kärtchenart in eine Zelle ziehen, um ein Kärtchen hinzuzufügen</translation>
    </message>
    <message>
        <source>Card kinds</source>
        <translation>Kärtchenarten</translation>
    </message>
    <message>
        <source>{0}: drag into a cell to add a card
(double-click or Enter adds one to the selected cell)</source>
        <translation>{0}: in eine Zelle ziehen, um ein Kärtchen hinzuzufügen
(Doppelklick oder Eingabe fügt eins in die gewählte Zelle ein)</translation>
    </message>
</context>
<context>
    <name>ChangeList</name>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>Stop &amp;Comparing</source>
        <translation>Vergleich &amp;beenden</translation>
    </message>
    <message>
        <source>Show this card on the map</source>
        <translation>Dieses Kärtchen auf der Karte zeigen</translation>
    </message>
    <message>
        <source>%1: nothing changed.</source>
        <translation>%1: nichts geändert.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>CompletenessPanel</name>
    <message>
        <source>What the map still lacks</source>
        <translation>Was der Karte noch fehlt</translation>
    </message>
    <message>
        <source>Click an entry to go to the place it concerns</source>
        <translation>Einen Eintrag anklicken, um zur betroffenen Stelle zu gehen</translation>
    </message>
    <message>
        <source>Nothing missing: the map follows the method.</source>
        <translation>Nichts fehlt: Die Karte folgt der Methode.</translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) to complete</source>
        <translation>
            <numerusform>%n Punkt zu ergänzen</numerusform>
            <numerusform>%n Punkte zu ergänzen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EmotionHandleItem</name>
    <message>
        <source>{0}: no value at this stage yet.
Drag up or down to set one.</source>
        <translation>{0}: noch kein Wert in dieser Phase.
Nach oben oder unten ziehen, um einen festzulegen.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export – {0}</source>
        <translation>Exportieren – {0}</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Persona sheet (PDF, one A4 page)</source>
        <translation>Persona-Blatt (PDF, eine A4-Seite)</translation>
    </message>
    <message>
        <source>Custom size</source>
        <translation>Eigene Größe</translation>
    </message>
    <message>
        <source> mm</source>
        <translation> mm</translation>
    </message>
    <message>
        <source>Print on several sheets</source>
        <translation>Auf mehrere Blätter drucken</translation>
    </message>
    <message>
        <source> DPI</source>
        <translation> DPI</translation>
    </message>
    <message>
        <source>UTF-8 with byte order mark (for spreadsheets)</source>
        <translation>UTF-8 mit Byte-Order-Mark (für Tabellenkalkulationen)</translation>
    </message>
    <message>
        <source>Excel needs the mark to read accents, emoji and other scripts correctly.</source>
        <translation>Excel braucht die Markierung, um Umlaute, Emoji und andere Schriften richtig zu lesen.</translation>
    </message>
    <message>
        <source>Opportunity register page</source>
        <translation>Seite mit dem Chancenregister</translation>
    </message>
    <message>
        <source>An extra page with the opportunities by priority and the completeness check (only when the journey has opportunities)</source>
        <translation>Eine zusätzliche Seite mit den Chancen nach Priorität und der Vollständigkeitsprüfung (nur wenn die Journey Chancen hat)</translation>
    </message>
    <message>
        <source>Top opportunities</source>
        <translation>Wichtigste Chancen</translation>
    </message>
    <message>
        <source>The five opportunities with the highest priority, printed beside the map</source>
        <translation>Die fünf Chancen mit der höchsten Priorität, neben der Karte gedruckt</translation>
    </message>
    <message>
        <source>Saved view</source>
        <translation>Gespeicherte Ansicht</translation>
    </message>
    <message>
        <source>Whole map</source>
        <translation>Ganze Karte</translation>
    </message>
    <message>
        <source>Print the map as a saved view shows it</source>
        <translation>Die Karte so drucken, wie eine gespeicherte Ansicht sie zeigt</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Persona:</source>
        <translation>Persona:</translation>
    </message>
    <message>
        <source>View:</source>
        <translation>Ansicht:</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>Papier:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <source>Orientation:</source>
        <translation>Ausrichtung:</translation>
    </message>
    <message>
        <source>Tiling:</source>
        <translation>Kachelung:</translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation>Auflösung:</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>Kodierung:</translation>
    </message>
    <message>
        <source>Extra pages:</source>
        <translation>Zusatzseiten:</translation>
    </message>
    <message>
        <source>On the poster:</source>
        <translation>Auf dem Poster:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>First page:</source>
        <translation>Erste Seite:</translation>
    </message>
    <message>
        <source>No preview for this format.</source>
        <translation>Keine Vorschau für dieses Format.</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <source>{0} files (*.{1});;All files (*)</source>
        <translation>{0}-Dateien (*.{1});;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Choose a file to export to.</source>
        <translation>Eine Zieldatei für den Export wählen.</translation>
    </message>
    <message>
        <source>{0} already exists. Replace it?</source>
        <translation>{0} existiert bereits. Ersetzen?</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Wird exportiert…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>FilterController</name>
    <message>
        <source>&amp;Highlight Card Kind</source>
        <translation>Kärtchenart &amp;hervorheben</translation>
    </message>
    <message>
        <source>&amp;All Cards Alike</source>
        <translation>&amp;Alle Kärtchen gleich</translation>
    </message>
    <message>
        <source>&amp;Lanes</source>
        <translation>&amp;Bahnen</translation>
    </message>
    <message>
        <source>Emotion &amp;Curves</source>
        <translation>Emotions&amp;kurven</translation>
    </message>
    <message>
        <source>All cards shown alike.</source>
        <translation>Alle Kärtchen werden gleich gezeigt.</translation>
    </message>
    <message>
        <source>Highlighting {0} cards; the others are dimmed.</source>
        <translation>Kärtchen der Art {0} hervorgehoben; die anderen sind abgeblendet.</translation>
    </message>
    <message>
        <source>At least one lane stays shown.</source>
        <translation>Mindestens eine Bahn bleibt sichtbar.</translation>
    </message>
    <message>
        <source>(unnamed lane)</source>
        <translation>(unbenannte Bahn)</translation>
    </message>
    <message>
        <source>Lane {0} hidden (Workshop → Lanes shows it again).</source>
        <translation>Bahn {0} ausgeblendet (Workshop → Bahnen zeigt sie wieder).</translation>
    </message>
    <message>
        <source>Lane {0} shown.</source>
        <translation>Bahn {0} eingeblendet.</translation>
    </message>
    <message>
        <source>All lanes shown.</source>
        <translation>Alle Bahnen eingeblendet.</translation>
    </message>
    <message>
        <source>&amp;Show All Lanes</source>
        <translation>&amp;Alle Bahnen zeigen</translation>
    </message>
    <message>
        <source>Every emotion curve shown.</source>
        <translation>Alle Emotionskurven eingeblendet.</translation>
    </message>
    <message>
        <source>Only {0}&apos;s emotion curves shown.</source>
        <translation>Nur die Emotionskurven von {0} eingeblendet.</translation>
    </message>
    <message>
        <source>&amp;Every Curve</source>
        <translation>&amp;Alle Kurven</translation>
    </message>
    <message>
        <source>Only {0}&apos;s Curves</source>
        <translation>Nur die Kurven von {0}</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(unbenannt)</translation>
    </message>
    <message>
        <source>(no curve has a persona)</source>
        <translation>(keine Kurve hat eine Persona)</translation>
    </message>
    <message>
        <source>&amp;Hide Lane</source>
        <translation>Bahn &amp;ausblenden</translation>
    </message>
    <message>
        <source>Show &amp;All Lanes</source>
        <translation>&amp;Alle Bahnen zeigen</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>{0} items selected.
Select a single card, stage or lane to edit it.</source>
        <translation>{0} Elemente ausgewählt.
Ein einzelnes Kärtchen, eine Phase oder eine Bahn auswählen, um sie zu bearbeiten.</translation>
    </message>
</context>
<context>
    <name>JourneyHeader</name>
    <message>
        <source>Untitled journey</source>
        <translation>Unbenannte Journey</translation>
    </message>
    <message>
        <source>Journey name: click to rename</source>
        <translation>Name der Journey: zum Umbenennen klicken</translation>
    </message>
    <message>
        <source>Journey name</source>
        <translation>Name der Journey</translation>
    </message>
    <message>
        <source>What is this map for?</source>
        <translation>Wozu dient diese Karte?</translation>
    </message>
    <message>
        <source>Objective: what this journey map is for</source>
        <translation>Ziel: wozu diese Journey-Karte dient</translation>
    </message>
    <message>
        <source>Objective:</source>
        <translation>Ziel:</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>The persona whose journey this is</source>
        <translation>Die Persona, deren Journey das ist</translation>
    </message>
    <message>
        <source>Persona:</source>
        <translation>Persona:</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>{0}: open in the persona library</source>
        <translation>{0}: in der Persona-Bibliothek öffnen</translation>
    </message>
    <message>
        <source>No persona</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>(unnamed persona)</source>
        <translation>(unbenannte Persona)</translation>
    </message>
    <message>
        <source>New persona…</source>
        <translation>Neue Persona…</translation>
    </message>
</context>
<context>
    <name>KeyboardNavigation</name>
    <message>
        <source>Journey map</source>
        <translation>Journey-Karte</translation>
    </message>
    <message>
        <source>Arrow keys move the cell cursor; type or press Enter to add a card; Tab goes from card to card; Ctrl+arrows move the selected card; + and - change the emotion of the stage in the emotion lane.</source>
        <translation>Pfeiltasten bewegen den Zellcursor; tippen oder Eingabe drücken fügt ein Kärtchen hinzu; Tab springt von Kärtchen zu Kärtchen; Strg+Pfeiltasten verschieben das gewählte Kärtchen; + und - ändern die Emotion der Phase in der Emotionsbahn.</translation>
    </message>
    <message>
        <source>{0}: no emotion curve</source>
        <translation>{0}: keine Emotionskurve</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <source>{0}: {1} on “{2}”. Press + or - (or Shift+Up/Down) to change it.</source>
        <translation>{0}: {1} auf „{2}“. Mit + oder - (oder Umschalt+Hoch/Runter) ändern.</translation>
    </message>
    <message>
        <source>{0}: {1} card(s). Type, or press Enter, to add a card.</source>
        <translation>{0}: {1} Kärtchen. Tippen oder Eingabe drücken, um ein Kärtchen hinzuzufügen.</translation>
    </message>
</context>
<context>
    <name>LaneHeaderItem</name>
    <message>
        <source>{0}
Drag to reorder, double-click to rename.</source>
        <translation>{0}
Zum Umsortieren ziehen, zum Umbenennen doppelklicken.</translation>
    </message>
</context>
<context>
    <name>LanePage</name>
    <message>
        <source>Lane name</source>
        <translation>Name der Bahn</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>System Default</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Journeyboard will use the new language the next time it starts.</source>
        <translation>Journeyboard verwendet die neue Sprache beim nächsten Start.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Cards</source>
        <translation>Kärtchen</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Eigenschaften</translation>
    </message>
    <message>
        <source>Timer</source>
        <translation>Timer</translation>
    </message>
    <message>
        <source>Voting</source>
        <translation>Abstimmung</translation>
    </message>
    <message>
        <source>Personas</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Completeness</source>
        <translation>Vollständigkeit</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Priority Matrix</source>
        <translation>Prioritätenmatrix</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>Chancen</translation>
    </message>
    <message>
        <source>Snapshots</source>
        <translation>Schnappschüsse</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>Switch journey</source>
        <translation>Journey wechseln</translation>
    </message>
    <message>
        <source>Journey</source>
        <translation>Journey</translation>
    </message>
    <message>
        <source>Autosave works again: your edits are safe on disk.</source>
        <translation>Automatisches Speichern funktioniert wieder: Ihre Änderungen sind sicher auf dem Datenträger.</translation>
    </message>
    <message>
        <source>Autosave failed: {0}</source>
        <translation>Automatisches Speichern fehlgeschlagen: {0}</translation>
    </message>
    <message>
        <source>Autosave Failed</source>
        <translation>Automatisches Speichern fehlgeschlagen</translation>
    </message>
    <message>
        <source>no journey</source>
        <translation>keine Journey</translation>
    </message>
    <message>
        <source>(unnamed journey)</source>
        <translation>(unbenannte Journey)</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(unbenannt)</translation>
    </message>
</context>
<context>
    <name>MatrixView</name>
    <message>
        <source>Importance →</source>
        <translation>Wichtigkeit →</translation>
    </message>
</context>
<context>
    <name>OpportunityController</name>
    <message>
        <source>Select one card (a pain point) to turn into an opportunity.</source>
        <translation>Ein Kärtchen (einen Schmerzpunkt) auswählen, um es in eine Chance umzuwandeln.</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>Chance</translation>
    </message>
    <message>
        <source>Select one card to link to an opportunity.</source>
        <translation>Ein Kärtchen auswählen, um es mit einer Chance zu verknüpfen.</translation>
    </message>
    <message>
        <source>No opportunities yet: use Turn into Opportunity.</source>
        <translation>Noch keine Chancen: „In Chance umwandeln“ verwenden.</translation>
    </message>
    <message>
        <source>New opportunity</source>
        <translation>Neue Chance</translation>
    </message>
    <message>
        <source>The journey&apos;s review is overdue: review the map with its owner.</source>
        <translation>Die Überprüfung der Journey ist überfällig: Die Karte mit der verantwortlichen Person überprüfen.</translation>
    </message>
</context>
<context>
    <name>OpportunityDetail</name>
    <message>
        <source>Opportunity description</source>
        <translation>Beschreibung der Chance</translation>
    </message>
    <message>
        <source>What the opportunity is, why it matters, what done looks like…</source>
        <translation>Worum es geht, warum es zählt, woran man erkennt, dass es erledigt ist…</translation>
    </message>
    <message>
        <source>Saved when you leave the field or press Ctrl+Enter; Escape puts back the saved text</source>
        <translation>Wird gespeichert, wenn Sie das Feld verlassen oder Strg+Eingabe drücken; Escape stellt den gespeicherten Text wieder her</translation>
    </message>
    <message>
        <source>Description of “{0}”</source>
        <translation>Beschreibung von „{0}“</translation>
    </message>
    <message>
        <source>Select an opportunity to describe it.</source>
        <translation>Wählen Sie eine Chance, um sie zu beschreiben.</translation>
    </message>
</context>
<context>
    <name>OpportunityTableModel</name>
    <message>
        <source>1 (low) to 5 (high)</source>
        <translation>1 (niedrig) bis 5 (hoch)</translation>
    </message>
    <message>
        <source>Overdue: due %s</source>
        <translation>Überfällig: fällig am %s</translation>
    </message>
</context>
<context>
    <name>PersonaController</name>
    <message>
        <source>New persona</source>
        <translation>Neue Persona</translation>
    </message>
    <message>
        <source>%s (copy)</source>
        <translation>%s (Kopie)</translation>
    </message>
    <message>
        <source>The persona sheet was not written: %s</source>
        <translation>Der Persona-Steckbrief wurde nicht geschrieben: %s</translation>
    </message>
    <message>
        <source>Wrote %s</source>
        <translation>%s geschrieben</translation>
    </message>
</context>
<context>
    <name>PersonaPanel</name>
    <message>
        <source>(unnamed persona)</source>
        <translation>(unbenannte Persona)</translation>
    </message>
    <message>
        <source>The persona whose journey this is</source>
        <translation>Die Persona, deren Journey das ist</translation>
    </message>
    <message>
        <source>Journey</source>
        <translation>Journey</translation>
    </message>
    <message>
        <source>Whose feelings the curve “%s” shows</source>
        <translation>Wessen Gefühle die Kurve „%s“ zeigt</translation>
    </message>
    <message>
        <source>Curve “%s”</source>
        <translation>Kurve „%s“</translation>
    </message>
    <message>
        <source>No photo
(drop one here)</source>
        <translation>Kein Foto
(hier ablegen)</translation>
    </message>
    <message>
        <source>No persona</source>
        <translation>Keine</translation>
    </message>
</context>
<context>
    <name>PresenterController</name>
    <message>
        <source>Present &amp;On</source>
        <translation>Präsentieren &amp;auf</translation>
    </message>
    <message>
        <source>Presenter mode will use {0}.</source>
        <translation>Der Präsentationsmodus verwendet {0}.</translation>
    </message>
    <message>
        <source>a screen without the editor</source>
        <translation>einen Bildschirm ohne den Editor</translation>
    </message>
    <message>
        <source>&amp;Automatic (a screen without the editor)</source>
        <translation>&amp;Automatisch (ein Bildschirm ohne den Editor)</translation>
    </message>
    <message>
        <source>Screen {0}: {1} ({2} x {3})</source>
        <translation>Bildschirm {0}: {1} ({2} x {3})</translation>
    </message>
    <message>
        <source>Open a journey with stages to present it.</source>
        <translation>Eine Journey mit Phasen öffnen, um sie zu präsentieren.</translation>
    </message>
</context>
<context>
    <name>PresenterView</name>
    <message>
        <source>Journey map, presented</source>
        <translation>Journey-Karte in der Präsentation</translation>
    </message>
</context>
<context>
    <name>PresenterWindow</name>
    <message>
        <source>{0} — presenting</source>
        <translation>{0} — Präsentation</translation>
    </message>
    <message>
        <source>Presenter</source>
        <translation>Präsentation</translation>
    </message>
    <message>
        <source>Current stage</source>
        <translation>Aktuelle Phase</translation>
    </message>
    <message>
        <source>← → stages   ↑ ↓ scroll   T timer   Esc back to the editor</source>
        <translation>← → Phasen   ↑ ↓ blättern   T Timer   Esc zurück zum Editor</translation>
    </message>
    <message>
        <source>No stages</source>
        <translation>Keine Phasen</translation>
    </message>
    <message>
        <source>Stage {0} of {1}: {2}</source>
        <translation>Phase {0} von {1}: {2}</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(unbenannt)</translation>
    </message>
</context>
<context>
    <name>PriorityMatrix</name>
    <message>
        <source>Priority matrix: drag a bubble to re-score it</source>
        <translation>Prioritätenmatrix: eine Blase ziehen, um sie neu zu bewerten</translation>
    </message>
    <message>
        <source>Effort → (1 cheap and easy … 5 costly and hard: the mean of cost and 6 - ease) · Priority = importance x (6 - effort) = importance x (ease + 6 - cost) / 2 · drag a bubble to re-score it</source>
        <translation>Aufwand → (1 billig und leicht … 5 teuer und schwer: Mittel aus Kosten und 6 - Einfachheit) · Priorität = Wichtigkeit x (6 - Aufwand) = Wichtigkeit x (Einfachheit + 6 - Kosten) / 2 · zum Neubewerten eine Blase ziehen</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Recover Unsaved Work</source>
        <translation>Ungespeicherte Arbeit wiederherstellen</translation>
    </message>
    <message numerus="yes">
        <source>Journeyboard closed unexpectedly with unsaved changes to %n map(s). Choose for each: recover it now (one map at a time), discard it (this cannot be undone) or keep it to decide at the next start.</source>
        <translation>
            <numerusform>Journeyboard wurde unerwartet mit ungespeicherten Änderungen an %n Karte beendet. Wählen Sie: jetzt wiederherstellen, verwerfen (lässt sich nicht rückgängig machen) oder behalten und beim nächsten Start entscheiden.</numerusform>
            <numerusform>Journeyboard wurde unerwartet mit ungespeicherten Änderungen an %n Karten beendet. Wählen Sie für jede: jetzt wiederherstellen (eine Karte nach der anderen), verwerfen (lässt sich nicht rückgängig machen) oder behalten und beim nächsten Start entscheiden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Letzte Änderung</translation>
    </message>
    <message>
        <source>Journeys</source>
        <translation>Journeys</translation>
    </message>
    <message>
        <source>Do</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keep for later</source>
        <translation>Für später behalten</translation>
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
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Discard All…</source>
        <translation>Alle verwerfen…</translation>
    </message>
    <message>
        <source>Ask Me Later</source>
        <translation>Später fragen</translation>
    </message>
</context>
<context>
    <name>RegisterDelegate</name>
    <message>
        <source>No date</source>
        <translation>Kein Datum</translation>
    </message>
</context>
<context>
    <name>ReviewBanner</name>
    <message>
        <source>Review reminder</source>
        <translation>Erinnerung an die Überprüfung</translation>
    </message>
    <message>
        <source>&amp;Start review</source>
        <translation>Überprüfung &amp;beginnen</translation>
    </message>
    <message>
        <source>Take a snapshot of the journey as it is now and set the next review date</source>
        <translation>Einen Schnappschuss der Journey im jetzigen Zustand aufnehmen und den nächsten Prüftermin setzen</translation>
    </message>
    <message>
        <source>Snoo&amp;ze a week</source>
        <translation>Eine &amp;Woche später erinnern</translation>
    </message>
    <message>
        <source>Hide until the file is opened again</source>
        <translation>Ausblenden, bis die Datei erneut geöffnet wird</translation>
    </message>
    <message>
        <source>%1 was due for review on %2</source>
        <translation>%1 war am %2 zur Überprüfung fällig</translation>
    </message>
    <message>
        <source>A journey</source>
        <translation>Eine Journey</translation>
    </message>
    <message numerus="yes">
        <source>(and %n more overdue)</source>
        <translation>
            <numerusform>(und %n weitere überfällig)</numerusform>
            <numerusform>(und %n weitere überfällig)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewChip</name>
    <message>
        <source>Review interval and next review date (Journey → Review…)</source>
        <translation>Prüfintervall und nächster Prüftermin (Journey → Überprüfung…)</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>Nächste Überprüfung</translation>
    </message>
    <message>
        <source>Set review date…</source>
        <translation>Prüftermin festlegen…</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>Überprüfung…</translation>
    </message>
    <message>
        <source>Review: %1</source>
        <translation>Überprüfung: %1</translation>
    </message>
    <message numerus="yes">
        <source>Every %n month(s); click to change</source>
        <translation>
            <numerusform>Jeden Monat; zum Ändern klicken</numerusform>
            <numerusform>Alle %n Monate; zum Ändern klicken</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <source>The snapshot cannot be read: {0}</source>
        <translation>Der Schnappschuss kann nicht gelesen werden: {0}</translation>
    </message>
    <message>
        <source>Review pack written to {0}</source>
        <translation>Review-Paket geschrieben nach {0}</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Review “%1”</source>
        <translation>„%1“ überprüfen</translation>
    </message>
    <message>
        <source> months</source>
        <translation> Monate</translation>
    </message>
    <message>
        <source>Review on</source>
        <translation>Überprüfen am</translation>
    </message>
    <message>
        <source>Next review date</source>
        <translation>Nächster Prüftermin</translation>
    </message>
    <message>
        <source>&amp;From today</source>
        <translation>&amp;Ab heute</translation>
    </message>
    <message>
        <source>Today plus the interval</source>
        <translation>Heute plus das Intervall</translation>
    </message>
    <message>
        <source>Review &amp;every:</source>
        <translation>Überprüfen &amp;alle:</translation>
    </message>
    <message>
        <source>Next review:</source>
        <translation>Nächste Überprüfung:</translation>
    </message>
    <message>
        <source>Last snapshot:</source>
        <translation>Letzter Schnappschuss:</translation>
    </message>
</context>
<context>
    <name>ReviewPackDialog</name>
    <message>
        <source>Export Review Pack – {0}</source>
        <translation>Review-Paket exportieren – {0}</translation>
    </message>
    <message>
        <source>Changes since</source>
        <translation>Änderungen seit</translation>
    </message>
    <message>
        <source>No snapshot (leave out what changed)</source>
        <translation>Kein Schnappschuss (Änderungen weglassen)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>One PDF for the stakeholders: the poster, what changed since the snapshot, the opportunity register (overdue items first) and the persona sheets.</source>
        <translation>Ein PDF für die Beteiligten: das Poster, was sich seit dem Schnappschuss geändert hat, das Chancen-Register (Überfälliges zuerst) und die Persona-Blätter.</translation>
    </message>
    <message>
        <source>Changes since:</source>
        <translation>Änderungen seit:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Export Review Pack to</source>
        <translation>Review-Paket exportieren nach</translation>
    </message>
    <message>
        <source>PDF files (*.pdf);;All files (*)</source>
        <translation>PDF-Dateien (*.pdf);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export Review Pack</source>
        <translation>Review-Paket exportieren</translation>
    </message>
    <message>
        <source>Choose a file to export to.</source>
        <translation>Wählen Sie eine Datei für den Export.</translation>
    </message>
    <message>
        <source>{0} already exists. Replace it?</source>
        <translation>{0} ist schon vorhanden. Ersetzen?</translation>
    </message>
    <message>
        <source>Writing the review pack…</source>
        <translation>Das Review-Paket wird geschrieben…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Review Pack Not Written</source>
        <translation>Review-Paket nicht geschrieben</translation>
    </message>
</context>
<context>
    <name>RoundDialog</name>
    <message>
        <source>Start Voting Round</source>
        <translation>Abstimmungsrunde beginnen</translation>
    </message>
    <message>
        <source>Round name</source>
        <translation>Name der Runde</translation>
    </message>
    <message>
        <source>Dots per participant</source>
        <translation>Punkte pro Teilnehmer</translation>
    </message>
    <message>
        <source>Pain points</source>
        <translation>Schmerzpunkte</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>Chancen</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Dots each:</source>
        <translation>Punkte je Person:</translation>
    </message>
    <message>
        <source>Vote on:</source>
        <translation>Abstimmen über:</translation>
    </message>
</context>
<context>
    <name>SavedViewsController</name>
    <message>
        <source>Saved &amp;Views</source>
        <translation>Gespeicherte &amp;Ansichten</translation>
    </message>
    <message>
        <source>&amp;Present a View</source>
        <translation>Ansicht &amp;präsentieren</translation>
    </message>
    <message>
        <source>Save View</source>
        <translation>Ansicht speichern</translation>
    </message>
    <message>
        <source>Name of this view:</source>
        <translation>Name dieser Ansicht:</translation>
    </message>
    <message>
        <source>A saved view needs a name.</source>
        <translation>Eine gespeicherte Ansicht braucht einen Namen.</translation>
    </message>
    <message>
        <source>View {0} saved in the file.</source>
        <translation>Ansicht {0} in der Datei gespeichert.</translation>
    </message>
    <message>
        <source>View {0} applied.</source>
        <translation>Ansicht {0} angewendet.</translation>
    </message>
    <message>
        <source>Rename View</source>
        <translation>Ansicht umbenennen</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Neuer Name:</translation>
    </message>
    <message>
        <source>There is already a view named {0}.</source>
        <translation>Es gibt schon eine Ansicht namens {0}.</translation>
    </message>
    <message>
        <source>Delete View</source>
        <translation>Ansicht löschen</translation>
    </message>
    <message>
        <source>View {0} deleted (Undo brings it back).</source>
        <translation>Ansicht {0} gelöscht (Rückgängig holt sie zurück).</translation>
    </message>
    <message>
        <source>This journey has no saved view yet.</source>
        <translation>Diese Journey hat noch keine gespeicherte Ansicht.</translation>
    </message>
    <message>
        <source>View:</source>
        <translation>Ansicht:</translation>
    </message>
    <message>
        <source>&amp;Save Current View…</source>
        <translation>Aktuelle Ansicht &amp;speichern…</translation>
    </message>
    <message>
        <source>&amp;Rename View…</source>
        <translation>Ansicht &amp;umbenennen…</translation>
    </message>
    <message>
        <source>&amp;Delete View…</source>
        <translation>Ansicht &amp;löschen…</translation>
    </message>
    <message>
        <source>Apply this view</source>
        <translation>Diese Ansicht anwenden</translation>
    </message>
    <message>
        <source>(no saved view)</source>
        <translation>(keine gespeicherte Ansicht)</translation>
    </message>
</context>
<context>
    <name>SnapshotWindow</name>
    <message>
        <source>Snapshot “%1” (read-only)</source>
        <translation>Schnappschuss „%1“ (schreibgeschützt)</translation>
    </message>
    <message>
        <source>Read-only snapshot “%1”. Restore it as a journey to edit it.</source>
        <translation>Schreibgeschützter Schnappschuss „%1“. Zum Bearbeiten als Journey wiederherstellen.</translation>
    </message>
</context>
<context>
    <name>SnapshotsPanel</name>
    <message>
        <source>Snapshots</source>
        <translation>Schnappschüsse</translation>
    </message>
    <message>
        <source>No snapshots yet. Take one before a workshop or a review to compare with later.</source>
        <translation>Noch keine Schnappschüsse. Vor einem Workshop oder einer Überprüfung einen aufnehmen, um später zu vergleichen.</translation>
    </message>
    <message>
        <source>&amp;Take Snapshot</source>
        <translation>Schnappschuss &amp;aufnehmen</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Show the snapshot read-only</source>
        <translation>Den Schnappschuss schreibgeschützt zeigen</translation>
    </message>
    <message>
        <source>Co&amp;mpare</source>
        <translation>&amp;Vergleichen</translation>
    </message>
    <message>
        <source>Mark on the map what changed since</source>
        <translation>Auf der Karte markieren, was sich seitdem geändert hat</translation>
    </message>
    <message>
        <source>Restore as &amp;Journey</source>
        <translation>Als &amp;Journey wiederherstellen</translation>
    </message>
    <message>
        <source>Add a new journey holding the snapshot</source>
        <translation>Eine neue Journey mit dem Schnappschuss anlegen</translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation>&amp;Umbenennen</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>%1 cards</source>
        <translation>%1 Kärtchen</translation>
    </message>
    <message>
        <source>%1 · %2 cards</source>
        <translation>%1 · %2 Kärtchen</translation>
    </message>
</context>
<context>
    <name>SoftColorDialog</name>
    <message>
        <source>Soft colours that keep text readable:</source>
        <translation>Sanfte Farben, auf denen Text lesbar bleibt:</translation>
    </message>
    <message>
        <source>Colour {0}</source>
        <translation>Farbe {0}</translation>
    </message>
    <message>
        <source>&amp;Custom colour…</source>
        <translation>&amp;Eigene Farbe…</translation>
    </message>
</context>
<context>
    <name>StageHeaderItem</name>
    <message>
        <source>{0}
Drag to reorder, drag the right edge to resize, double-click to rename.</source>
        <translation>{0}
Zum Umsortieren ziehen, am rechten Rand die Breite ändern, zum Umbenennen doppelklicken.</translation>
    </message>
</context>
<context>
    <name>StagePage</name>
    <message>
        <source>Stage name</source>
        <translation>Name der Phase</translation>
    </message>
    <message>
        <source>What happens in this stage</source>
        <translation>Was in dieser Phase geschieht</translation>
    </message>
</context>
<context>
    <name>ThemeController</name>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>Follow the desktop&apos;s light or dark mode</source>
        <translation>Dem hellen oder dunklen Modus der Arbeitsumgebung folgen</translation>
    </message>
</context>
<context>
    <name>TimerDisplay</name>
    <message>
        <source>Time left</source>
        <translation>Verbleibende Zeit</translation>
    </message>
    <message>
        <source>Time&apos;s up</source>
        <translation>Die Zeit ist um</translation>
    </message>
</context>
<context>
    <name>TimerPanel</name>
    <message>
        <source>Timer</source>
        <translation>Timer</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} Min.</translation>
    </message>
    <message>
        <source>Start {0} minutes</source>
        <translation>{0} Minuten starten</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Custom length in minutes</source>
        <translation>Eigene Dauer in Minuten</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>Start custom length</source>
        <translation>Eigene Dauer starten</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Pause or resume the timer</source>
        <translation>Timer anhalten oder fortsetzen</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Reset the timer</source>
        <translation>Timer zurücksetzen</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
</context>
<context>
    <name>VotingController</name>
    <message>
        <source>Participant {0}</source>
        <translation>Teilnehmer {0}</translation>
    </message>
    <message>
        <source>pain points</source>
        <translation>Schmerzpunkte</translation>
    </message>
    <message>
        <source>opportunities</source>
        <translation>Chancen</translation>
    </message>
    <message>
        <source>{0} dots each, on {1}. {2} placed so far.</source>
        <translation>{0} Punkte je Person, über {1}. Bisher {2} gesetzt.</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>Round {0}</source>
        <translation>Runde {0}</translation>
    </message>
    <message>
        <source>Voting round started: {0}, click a card to place a dot.</source>
        <translation>Abstimmungsrunde begonnen: {0}, eine Karte anklicken, um einen Punkt zu setzen.</translation>
    </message>
    <message>
        <source>{0} reset: every dot taken off (Undo puts them back).</source>
        <translation>{0} zurückgesetzt: alle Punkte entfernt (Rückgängig stellt sie wieder her).</translation>
    </message>
    <message>
        <source>{0}&apos;s turn.</source>
        <translation>{0} ist an der Reihe.</translation>
    </message>
    <message>
        <source>{0} is on pain points and opportunities only.</source>
        <translation>{0} gilt nur für Schmerzpunkte und Chancen.</translation>
    </message>
    <message>
        <source>This round is not on cards of this kind.</source>
        <translation>Diese Runde gilt nicht für Karten dieser Art.</translation>
    </message>
    <message>
        <source>{0} has no dots left: Next Participant.</source>
        <translation>{0} hat keine Punkte mehr: Nächster Teilnehmer.</translation>
    </message>
    <message>
        <source>{0}: {1} of {2} dots left.</source>
        <translation>{0}: {1} von {2} Punkten übrig.</translation>
    </message>
    <message>
        <source>Importance already follows the votes (or nothing was voted on an opportunity&apos;s cards).</source>
        <translation>Die Wichtigkeit folgt schon den Stimmen (oder auf den Karten keiner Chance wurde abgestimmt).</translation>
    </message>
    <message>
        <source>Importance set from the votes (opportunities changed: {0}).</source>
        <translation>Wichtigkeit aus den Stimmen gesetzt (geänderte Chancen: {0}).</translation>
    </message>
    <message>
        <source>Dot &amp;Voting</source>
        <translation>Punkte&amp;abstimmung</translation>
    </message>
    <message>
        <source>&amp;Start Round…</source>
        <translation>Runde &amp;beginnen…</translation>
    </message>
    <message>
        <source>&amp;Reset Round</source>
        <translation>Runde &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Set &amp;Importance from Votes</source>
        <translation>&amp;Wichtigkeit aus Stimmen setzen</translation>
    </message>
    <message>
        <source>S&amp;ort Register by Votes</source>
        <translation>Register nach Stimmen s&amp;ortieren</translation>
    </message>
    <message>
        <source>Click a pain point or opportunity to place a dot; Shift+click takes one back.</source>
        <translation>Einen Schmerzpunkt oder eine Chance anklicken setzt einen Punkt; Umschalt+Klick nimmt einen zurück.</translation>
    </message>
</context>
<context>
    <name>VotingPanel</name>
    <message>
        <source>(no round yet)</source>
        <translation>(noch keine Runde)</translation>
    </message>
    <message>
        <source>Start a round to vote on pain points and opportunities.</source>
        <translation>Eine Runde beginnen, um über Schmerzpunkte und Chancen abzustimmen.</translation>
    </message>
    <message>
        <source>Dots left: {0} of {1}</source>
        <translation>Übrige Punkte: {0} von {1}</translation>
    </message>
    <message>
        <source>Select a card to enter its count.</source>
        <translation>Eine Karte wählen, um ihre Anzahl einzugeben.</translation>
    </message>
    <message>
        <source>Count on “{0}”:</source>
        <translation>Anzahl auf „{0}“:</translation>
    </message>
</context>
</TS>
