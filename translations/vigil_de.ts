<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>HuntPivot</name>
    <message>
        <location filename="../facade/huntingpivot.cpp" line="143"/>
        <source>Device %1</source>
        <translation>Gerät %1</translation>
    </message>
    <message>
        <location filename="../facade/huntingpivot.cpp" line="167"/>
        <source>User %1</source>
        <translation>Benutzer %1</translation>
    </message>
    <message>
        <location filename="../facade/huntingpivot.cpp" line="185"/>
        <source>File %1</source>
        <translation>Datei %1</translation>
    </message>
    <message>
        <location filename="../facade/huntingpivot.cpp" line="198"/>
        <source>IP %1</source>
        <translation>IP %1</translation>
    </message>
    <message>
        <location filename="../facade/huntingpivot.cpp" line="215"/>
        <source>Alert %1</source>
        <translation>Warnung %1</translation>
    </message>
</context>
<context>
    <name>QMainWindow</name>
    <message>
        <location filename="../ui/commandpalette.cpp" line="100"/>
        <source>Other keys</source>
        <translation>Weitere Tasten</translation>
    </message>
</context>
<context>
    <name>TeamDatabaseSetup</name>
    <message>
        <location filename="../facade/teamdatabasesetup.cpp" line="22"/>
        <source>The team database&apos;s password could not be kept in the keychain (%1): %2 Give it with the URL again next time, or through ~/.pgpass.</source>
        <translation>Das Kennwort der Teamdatenbank konnte nicht im Schlüsselbund gespeichert werden (%1): %2 Geben Sie es beim nächsten Mal erneut mit der URL an, oder über ~/.pgpass.</translation>
    </message>
</context>
<context>
    <name>TriageUndoStack</name>
    <message>
        <location filename="../ui/triageundo.cpp" line="65"/>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <location filename="../ui/triageundo.cpp" line="66"/>
        <source>%1 incidents</source>
        <translation>%1 Vorfälle</translation>
    </message>
    <message>
        <location filename="../ui/triageundo.cpp" line="71"/>
        <source>status New</source>
        <translation>Status Neu</translation>
    </message>
    <message>
        <location filename="../ui/triageundo.cpp" line="74"/>
        <source>status Active</source>
        <translation>Status Aktiv</translation>
    </message>
    <message>
        <location filename="../ui/triageundo.cpp" line="77"/>
        <source>close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../ui/triageundo.cpp" line="84"/>
        <source>unassign</source>
        <translation>Zuweisung aufheben</translation>
    </message>
    <message>
        <location filename="../ui/triageundo.cpp" line="85"/>
        <source>assign to %1</source>
        <translation>Zuweisen an %1</translation>
    </message>
    <message>
        <location filename="../ui/triageundo.cpp" line="87"/>
        <source>classification</source>
        <translation>Klassifizierung</translation>
    </message>
    <message>
        <location filename="../ui/triageundo.cpp" line="89"/>
        <source>tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../ui/triageundo.cpp" line="91"/>
        <source>comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <location filename="../ui/triageundo.cpp" line="92"/>
        <source>%1 on %2</source>
        <comment>what an edit changed, on which incidents</comment>
        <translation>%1 für %2</translation>
    </message>
</context>
<context>
    <name>Vigil</name>
    <message>
        <location filename="../core/incidentfilter.cpp" line="136"/>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <location filename="../core/incidentfilter.cpp" line="164"/>
        <source>owner is me, none or part of a UPN, e.g. owner:me</source>
        <translation>owner ist me, none oder ein Teil eines UPN, z. B. owner:me</translation>
    </message>
    <message>
        <location filename="../core/incidentfilter.cpp" line="166"/>
        <source>tag needs a tag, e.g. tag:VIP</source>
        <translation>tag braucht ein Tag, z. B. tag:VIP</translation>
    </message>
    <message>
        <location filename="../core/incidentfilter.cpp" line="169"/>
        <source>%1 is &lt;N or &gt;N with m, h, d or w (minutes, hours, days, weeks), e.g. %1:&lt;4h</source>
        <translation>%1 ist &lt;N oder &gt;N mit m, h, d oder w (Minuten, Stunden, Tage, Wochen), z. B. %1:&lt;4h</translation>
    </message>
    <message>
        <location filename="../core/incidentfilter.cpp" line="174"/>
        <source>%1 is %2</source>
        <translation>%1 ist %2</translation>
    </message>
    <message>
        <location filename="../core/sla.cpp" line="100"/>
        <source>%1s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../core/sla.cpp" line="103"/>
        <source>%1m</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../core/sla.cpp" line="106"/>
        <source>%1h %2m</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location filename="../core/sla.cpp" line="107"/>
        <source>%1d %2h</source>
        <translation>%1 T. %2 h</translation>
    </message>
    <message>
        <location filename="../core/sla.cpp" line="116"/>
        <source>Met</source>
        <translation>Eingehalten</translation>
    </message>
    <message>
        <location filename="../core/sla.cpp" line="118"/>
        <source>%1 left</source>
        <translation>noch %1</translation>
    </message>
    <message>
        <location filename="../core/sla.cpp" line="120"/>
        <source>Overdue %1</source>
        <translation>%1 überfällig</translation>
    </message>
</context>
<context>
    <name>Vigil::AlertDetailDialog</name>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="48"/>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="48"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="67"/>
        <source>Alert: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="72"/>
        <source>(no title)</source>
        <translation>(kein Titel)</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="84"/>
        <source>No Defender link</source>
        <translation>Kein Defender-Link</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="92"/>
        <source>Open in Microsoft 365 Defender</source>
        <translation>In Microsoft 365 Defender öffnen</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="101"/>
        <source>Fields of the alert</source>
        <translation>Felder der Warnung</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="106"/>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="107"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="108"/>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="109"/>
        <source>Detection source</source>
        <translation>Erkennungsquelle</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="110"/>
        <source>Category (tactic)</source>
        <translation>Kategorie (Taktik)</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="111"/>
        <source>MITRE techniques</source>
        <translation>MITRE-Techniken</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="112"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="113"/>
        <source>Recommended actions</source>
        <translation>Empfohlene Maßnahmen</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="114"/>
        <source>Threat</source>
        <translation>Bedrohung</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="115"/>
        <source>Threat family</source>
        <translation>Bedrohungsfamilie</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="116"/>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="117"/>
        <source>Assigned to</source>
        <translation>Zugewiesen an</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="118"/>
        <source>Classification</source>
        <translation>Klassifizierung</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="119"/>
        <source>Determination</source>
        <translation>Bestimmung</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="120"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="121"/>
        <source>First activity</source>
        <translation>Erste Aktivität</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="122"/>
        <source>Last activity</source>
        <translation>Letzte Aktivität</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="123"/>
        <source>Last updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="124"/>
        <source>Resolved</source>
        <translation>Gelöst</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="125"/>
        <source>System tags</source>
        <translation>System-Tags</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="126"/>
        <source>Alert id</source>
        <translation>Warnungs-ID</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="127"/>
        <source>Provider alert id</source>
        <translation>Anbieter-Warnungs-ID</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="128"/>
        <source>Incident id</source>
        <translation>Vorfall-ID</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="129"/>
        <source>Detector id</source>
        <translation>Detektor-ID</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="130"/>
        <source>Alert policy id</source>
        <translation>Warnungsrichtlinien-ID</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="131"/>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="132"/>
        <source>Incident link</source>
        <translation>Vorfall-Link</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="134"/>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="135"/>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="149"/>
        <source>Custom details</source>
        <translation>Benutzerdefinierte Details</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="150"/>
        <source>Additional data</source>
        <translation>Zusätzliche Daten</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="155"/>
        <source>Evidence of the alert</source>
        <translation>Beweise der Warnung</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="173"/>
        <source>No evidence</source>
        <translation>Keine Beweise</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="182"/>
        <source>Detail</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="183"/>
        <source>Verdict</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="184"/>
        <source>Remediation status</source>
        <translation>Behebungsstatus</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="201"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="204"/>
        <source>Properties of the evidence</source>
        <translation>Eigenschaften des Beweises</translation>
    </message>
</context>
<context>
    <name>Vigil::AlertListModel</name>
    <message>
        <location filename="../models/alertlistmodel.cpp" line="28"/>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location filename="../models/alertlistmodel.cpp" line="30"/>
        <source>In progress</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <location filename="../models/alertlistmodel.cpp" line="32"/>
        <source>Resolved</source>
        <translation>Gelöst</translation>
    </message>
    <message>
        <location filename="../models/alertlistmodel.cpp" line="35"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <location filename="../models/alertlistmodel.cpp" line="124"/>
        <source>Alert</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location filename="../models/alertlistmodel.cpp" line="126"/>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <location filename="../models/alertlistmodel.cpp" line="128"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../models/alertlistmodel.cpp" line="130"/>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <location filename="../models/alertlistmodel.cpp" line="132"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location filename="../models/alertlistmodel.cpp" line="134"/>
        <source>MITRE techniques</source>
        <translation>MITRE-Techniken</translation>
    </message>
    <message>
        <location filename="../models/alertlistmodel.cpp" line="136"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location filename="../models/alertlistmodel.cpp" line="138"/>
        <source>Alert id</source>
        <translation>Warnungs-ID</translation>
    </message>
</context>
<context>
    <name>Vigil::AssignDialog</name>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="464"/>
        <location filename="../ui/triagedialogs.cpp" line="519"/>
        <source>Assign to me</source>
        <translation>Mir zuweisen</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="464"/>
        <source>Assign to…</source>
        <translation>Zuweisen an…</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="467"/>
        <source>Vigil does not know your account yet. Enter your user principal name once; Vigil remembers it for “Assign to me” (A).</source>
        <translation>Vigil kennt Ihr Konto noch nicht. Geben Sie einmalig Ihren Benutzerprinzipalnamen ein; Vigil merkt ihn sich für „Mir zuweisen“ (A).</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="478"/>
        <source>&amp;Your account:</source>
        <translation>&amp;Ihr Konto:</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="478"/>
        <source>Assign &amp;to:</source>
        <translation>Zuweisen &amp;an:</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="480"/>
        <source>Assign to the user principal name below</source>
        <translation>Dem unten angegebenen Benutzerprinzipalnamen zuweisen</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="485"/>
        <source>User principal name</source>
        <translation>Benutzerprinzipalname</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="486"/>
        <source>name@contoso.com</source>
        <translation>name@contoso.com</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="498"/>
        <source>&amp;Unassign (nobody owns it)</source>
        <translation>Zu&amp;weisung aufheben (kein Besitzer)</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="500"/>
        <source>Unassign</source>
        <translation>Zuweisung aufheben</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="519"/>
        <source>Assign</source>
        <translation>Zuweisen</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="542"/>
        <source>Enter your user principal name (for example kai@contoso.com).</source>
        <translation>Geben Sie Ihren Benutzerprinzipalnamen ein (zum Beispiel kai@contoso.com).</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="544"/>
        <source>Enter a user principal name (for example kai@contoso.com), or choose Unassign.</source>
        <translation>Geben Sie einen Benutzerprinzipalnamen ein (zum Beispiel kai@contoso.com), oder wählen Sie „Zuweisung aufheben“.</translation>
    </message>
</context>
<context>
    <name>Vigil::CheatSheet</name>
    <message>
        <location filename="../ui/cheatsheet.cpp" line="21"/>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkombinationen</translation>
    </message>
    <message>
        <location filename="../ui/cheatsheet.cpp" line="24"/>
        <source>Single letters act on the queue when it has the focus; Ctrl+K finds any command by name.</source>
        <translation>Einzelne Buchstaben wirken auf die Warteschlange, wenn sie den Fokus hat; Strg+K findet jeden Befehl über seinen Namen.</translation>
    </message>
</context>
<context>
    <name>Vigil::CloseDialog</name>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="274"/>
        <source>Close with classification</source>
        <translation>Mit Klassifizierung schließen</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="276"/>
        <source>Classification</source>
        <translation>Klassifizierung</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="284"/>
        <source>Classification %1</source>
        <translation>Klassifizierung %1</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="288"/>
        <source>&amp;True positive</source>
        <translation>&amp;Richtig positiv</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="289"/>
        <source>&amp;Benign positive</source>
        <translation>&amp;Unbedenklich positiv</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="290"/>
        <source>&amp;False positive</source>
        <translation>&amp;Falsch positiv</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="291"/>
        <source>&amp;Undetermined</source>
        <translation>U&amp;nbestimmt</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="297"/>
        <source>Closing reason</source>
        <translation>Grund für das Schließen</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="298"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="301"/>
        <source>Determination</source>
        <translation>Bestimmung</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="302"/>
        <source>&amp;Determination:</source>
        <translation>&amp;Bestimmung:</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="305"/>
        <source>Closing comment (optional)</source>
        <translation>Kommentar zum Schließen (optional)</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="306"/>
        <source>Optional. Ctrl+Enter closes the incident.</source>
        <translation>Optional. Strg+Eingabe schließt den Vorfall.</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="308"/>
        <source>Co&amp;mment:</source>
        <translation>&amp;Kommentar:</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="347"/>
        <source>Close incident</source>
        <translation>Vorfall schließen</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="378"/>
        <source>Choose a classification first</source>
        <translation>Wählen Sie zuerst eine Klassifizierung aus</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="379"/>
        <source>None for %1</source>
        <translation>Keine bei %1</translation>
    </message>
</context>
<context>
    <name>Vigil::CommandPalette</name>
    <message>
        <location filename="../ui/commandpalette.cpp" line="119"/>
        <source>Command palette</source>
        <translation>Befehlspalette</translation>
    </message>
    <message>
        <location filename="../ui/commandpalette.cpp" line="124"/>
        <source>Command to run</source>
        <translation>Auszuführender Befehl</translation>
    </message>
    <message>
        <location filename="../ui/commandpalette.cpp" line="125"/>
        <source>Type a command or a view; Enter runs it</source>
        <translation>Geben Sie einen Befehl oder eine Ansicht ein; die Eingabetaste führt ihn aus</translation>
    </message>
    <message>
        <location filename="../ui/commandpalette.cpp" line="130"/>
        <source>Commands</source>
        <translation>Befehle</translation>
    </message>
    <message>
        <location filename="../ui/commandpalette.cpp" line="134"/>
        <source>↑ ↓ choose · Enter runs · Esc closes</source>
        <translation>↑ ↓ auswählen · Eingabe führt aus · Esc schließt</translation>
    </message>
</context>
<context>
    <name>Vigil::CommentDialog</name>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="715"/>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="716"/>
        <source>&amp;Comment (Ctrl+Enter sends):</source>
        <translation>&amp;Kommentar (Strg+Eingabe sendet):</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="719"/>
        <source>Comment text</source>
        <translation>Kommentartext</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="724"/>
        <source>Add comment</source>
        <translation>Kommentar hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="731"/>
        <source>The comment is empty; type the comment&apos;s text.</source>
        <translation>Der Kommentar ist leer; geben Sie den Kommentartext ein.</translation>
    </message>
</context>
<context>
    <name>Vigil::ConnectorPage</name>
    <message>
        <location filename="../ui/connectorpage.cpp" line="77"/>
        <source>Connector</source>
        <translation>Konnektor</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="163"/>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="166"/>
        <source>State:</source>
        <translation>Zustand:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="167"/>
        <source>Tenant:</source>
        <translation>Mandant:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="168"/>
        <source>Signed in as:</source>
        <translation>Angemeldet als:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="169"/>
        <location filename="../ui/connectorpage.cpp" line="193"/>
        <source>Cloud:</source>
        <translation>Cloud:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="303"/>
        <source>Health</source>
        <translation>Zustand der Verbindung</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="306"/>
        <source>Last pull:</source>
        <translation>Letzter Abruf:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="307"/>
        <source>Last push:</source>
        <translation>Letzte Übertragung:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="308"/>
        <source>Behind Defender:</source>
        <translation>Rückstand zu Defender:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="309"/>
        <source>Graph calls:</source>
        <translation>Graph-Aufrufe:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="310"/>
        <source>Back-off:</source>
        <translation>Wartezeit:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="311"/>
        <source>Last error:</source>
        <translation>Letzter Fehler:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="317"/>
        <source>Volume</source>
        <translation>Datenmenge</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="320"/>
        <source>Incidents:</source>
        <translation>Vorfälle:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="321"/>
        <source>Alerts in incidents:</source>
        <translation>Warnungen in Vorfällen:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="322"/>
        <source>Component alerts:</source>
        <translation>Einzelwarnungen:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="323"/>
        <source>Rule incidents:</source>
        <translation>Vorfälle aus Regeln:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="324"/>
        <source>Duplicates:</source>
        <translation>Duplikate:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="51"/>
        <location filename="../ui/connectorpagerules.cpp" line="80"/>
        <source>Incident creation rules</source>
        <translation>Regeln zur Vorfallerstellung</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="56"/>
        <source>Turn off all Microsoft incident creation rules for these products (recommended)</source>
        <translation>Alle Microsoft-Regeln zur Vorfallerstellung für diese Produkte ausschalten (empfohlen)</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="59"/>
        <source>Microsoft Defender for Endpoint, for Identity and for Office 365: Microsoft 365 Defender already makes incidents of their alerts.</source>
        <translation>Microsoft Defender for Endpoint, for Identity und for Office 365: Microsoft 365 Defender erstellt aus ihren Warnungen bereits Vorfälle.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="64"/>
        <source>Covers MDE, MDI and MDO. With the rules on beside the connector, each rule incident whose alert an M365D incident also holds is marked as its duplicate.</source>
        <translation>Gilt für MDE, MDI und MDO. Laufen die Regeln neben dem Konnektor, wird jeder Regel-Vorfall, dessen Warnung auch ein M365D-Vorfall enthält, als dessen Duplikat markiert.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="72"/>
        <source>The MCAS rule stays on. %1</source>
        <translation>Die MCAS-Regel bleibt eingeschaltet. %1</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="83"/>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="83"/>
        <source>Creates incidents</source>
        <translation>Erstellt Vorfälle</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="83"/>
        <source>Filters</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="103"/>
        <source>Edit rule</source>
        <translation>Regel bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="113"/>
        <source>Create incidents from these alerts</source>
        <translation>Aus diesen Warnungen Vorfälle erstellen</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="120"/>
        <location filename="../ui/connectorpagerules.cpp" line="221"/>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="120"/>
        <location filename="../ui/connectorpagerules.cpp" line="221"/>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="120"/>
        <location filename="../ui/connectorpagerules.cpp" line="221"/>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="120"/>
        <location filename="../ui/connectorpagerules.cpp" line="221"/>
        <source>Informational</source>
        <translation>Informativ</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="128"/>
        <source>Severities:</source>
        <translation>Schweregrade:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="131"/>
        <source>every title; or parts separated by commas</source>
        <translation>jeder Titel; oder Teile durch Kommas getrennt</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="132"/>
        <source>Title contains one of</source>
        <translation>Titel enthält eines von</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="133"/>
        <source>Title contains:</source>
        <translation>Titel enthält:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="136"/>
        <source>nothing excluded; or parts separated by commas</source>
        <translation>nichts ausgeschlossen; oder Teile durch Kommas getrennt</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="137"/>
        <source>Title does not contain any of</source>
        <translation>Titel enthält keines von</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="138"/>
        <source>Title excludes:</source>
        <translation>Titel schließt aus:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="139"/>
        <source>Skip alerts that an M365D incident already holds</source>
        <translation>Warnungen überspringen, die bereits ein M365D-Vorfall enthält</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="154"/>
        <source>Save rule</source>
        <translation>Regel speichern</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="362"/>
        <source>Disconnected from tenant %1; its secrets were removed from the keychain and Vigil stopped syncing with it.</source>
        <translation>Verbindung zum Mandanten %1 getrennt; seine Geheimnisse wurden aus dem Schlüsselbund entfernt, und Vigil synchronisiert nicht mehr mit ihm.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="471"/>
        <source>Connected to tenant %1. The secret is in the keychain; Vigil syncs with this connection now.</source>
        <translation>Mit dem Mandanten %1 verbunden. Das Geheimnis liegt im Schlüsselbund; Vigil synchronisiert ab jetzt über diese Verbindung.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="489"/>
        <source>Connected to the embedded demo tenant</source>
        <translation>Mit dem eingebauten Demo-Mandanten verbunden</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="491"/>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="494"/>
        <source>Connected as an app (client secret)</source>
        <translation>Als App verbunden (Clientgeheimnis)</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="495"/>
        <source>Connected with an interactive sign-in</source>
        <translation>Mit interaktiver Anmeldung verbunden</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="497"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="501"/>
        <source>App %1</source>
        <translation>App %1</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="503"/>
        <source>nobody</source>
        <translation>niemand</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="191"/>
        <location filename="../ui/connectorpage.cpp" line="506"/>
        <source>US Government (GCC High)</source>
        <translation>US-Regierung (GCC High)</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="192"/>
        <location filename="../ui/connectorpage.cpp" line="508"/>
        <source>US Government (DoD)</source>
        <translation>US-Regierung (DoD)</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="190"/>
        <location filename="../ui/connectorpage.cpp" line="510"/>
        <source>Global</source>
        <translation>Global</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="57"/>
        <source>read, %1 new</source>
        <translation>gelesen, %1 neu</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="60"/>
        <source>not streamed</source>
        <translation>nicht gestreamt</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="62"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="64"/>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="177"/>
        <source>Interactive sign-in (device code)</source>
        <translation>Interaktive Anmeldung (Gerätecode)</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="178"/>
        <source>App with a client secret</source>
        <translation>App mit Clientgeheimnis</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="179"/>
        <source>Sign in:</source>
        <translation>Anmeldung:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="182"/>
        <source>tenant id or domain; empty: your organisation</source>
        <translation>Mandanten-ID oder Domäne; leer: Ihre Organisation</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="183"/>
        <source>Tenant id:</source>
        <translation>Mandanten-ID:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="186"/>
        <source>application (client) id of the app registration</source>
        <translation>Anwendungs-ID (Client-ID) der App-Registrierung</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="187"/>
        <source>Client id:</source>
        <translation>Client-ID:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="197"/>
        <source>kept only in the system keychain</source>
        <translation>nur im Schlüsselbund des Systems gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="198"/>
        <source>Client secret:</source>
        <translation>Clientgeheimnis:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="200"/>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="202"/>
        <source>Disconnect</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="204"/>
        <source>Forget the saved connection and remove its secrets from the keychain</source>
        <translation>Die gespeicherte Verbindung vergessen und ihre Geheimnisse aus dem Schlüsselbund entfernen</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="216"/>
        <source>Open the address below in a browser, enter the code and sign in with your work account.</source>
        <translation>Öffnen Sie die Adresse unten in einem Browser, geben Sie den Code ein und melden Sie sich mit Ihrem Geschäftskonto an.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="225"/>
        <source>Sign-in code</source>
        <translation>Anmeldecode</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="236"/>
        <source>Sign-in address</source>
        <translation>Anmeldeadresse</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="239"/>
        <source>Open in browser</source>
        <translation>Im Browser öffnen</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="241"/>
        <source>I have signed in</source>
        <translation>Ich habe mich angemeldet</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="243"/>
        <source>Check the sign-in now instead of at the next poll</source>
        <translation>Die Anmeldung jetzt prüfen statt bei der nächsten Abfrage</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="244"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="274"/>
        <source>The sign-in address %1 is not a Microsoft sign-in page; Vigil does not open it. Cancel and try again.</source>
        <translation>Die Anmeldeadresse %1 ist keine Microsoft-Anmeldeseite; Vigil öffnet sie nicht. Brechen Sie ab und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="284"/>
        <source>No browser could be started; open %1 yourself.</source>
        <translation>Es konnte kein Browser gestartet werden; öffnen Sie %1 selbst.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="347"/>
        <source>Sign-in cancelled; nothing was changed.</source>
        <translation>Anmeldung abgebrochen; nichts wurde geändert.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="365"/>
        <source>There was no saved connection to remove.</source>
        <translation>Es gab keine gespeicherte Verbindung zum Entfernen.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="398"/>
        <source>Enter the client id of the app registration.</source>
        <translation>Geben Sie die Client-ID der App-Registrierung ein.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="400"/>
        <source>Connecting with a client secret needs the tenant id.</source>
        <translation>Für die Verbindung mit einem Clientgeheimnis wird die Mandanten-ID benötigt.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="402"/>
        <source>Enter the client secret.</source>
        <translation>Geben Sie das Clientgeheimnis ein.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="420"/>
        <source>Checking the client secret…</source>
        <translation>Clientgeheimnis wird geprüft…</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="421"/>
        <source>Asking for a sign-in code…</source>
        <translation>Anmeldecode wird angefordert…</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="445"/>
        <source>Waiting for the sign-in (the code expires at %1)…</source>
        <translation>Warten auf die Anmeldung (der Code läuft um %1 ab)…</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="480"/>
        <source>Not connected: %1</source>
        <translation>Nicht verbunden: %1</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="526"/>
        <source>%1 of %2 in the last minute</source>
        <translation>%1 von %2 in der letzten Minute</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="569"/>
        <source>Offline — retrying with growing pauses</source>
        <translation>Offline – neuer Versuch mit wachsenden Pausen</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="589"/>
        <source>Incidents sync, but Defender&apos;s file profiles are not fetched, so FileProfile() in local hunts shows no global prevalence, publisher or threat name: the app registration may not run hunting queries (%1). Grant ThreatHunting.Read.All with admin consent and connect again.</source>
        <translation>Incidents werden synchronisiert, aber die Dateiprofile von Defender werden nicht abgerufen, daher zeigt FileProfile() in lokalen Hunts keine globale Verbreitung, keinen Herausgeber und keinen Bedrohungsnamen: Die App-Registrierung darf keine Hunting-Abfragen ausführen (%1). Erteilen Sie ThreatHunting.Read.All mit Administratorzustimmung und verbinden Sie erneut.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="595"/>
        <source>Defender is throttling hunting queries: file profiles are fetched again after its wait (%1).</source>
        <translation>Defender drosselt Hunting-Abfragen: Dateiprofile werden nach der Wartezeit erneut abgerufen (%1).</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="599"/>
        <source>Incidents sync, but Defender&apos;s file profiles were not fetched: %1</source>
        <translation>Incidents werden synchronisiert, aber die Dateiprofile von Defender wurden nicht abgerufen: %1</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="609"/>
        <source>Incidents sync, but Defender&apos;s device discovery answers are not fetched, so SeenBy() in local hunts shows null: the app registration may not run hunting queries (%1). Grant ThreatHunting.Read.All with admin consent and connect again.</source>
        <translation>Incidents werden synchronisiert, aber die Antworten der Geräteerkennung von Defender werden nicht abgerufen, daher zeigt SeenBy() in lokalen Hunts null: Die App-Registrierung darf keine Hunting-Abfragen ausführen (%1). Erteilen Sie ThreatHunting.Read.All mit Administratorzustimmung und verbinden Sie erneut.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="615"/>
        <source>Defender is throttling hunting queries: SeenBy() answers are fetched again after its wait (%1).</source>
        <translation>Defender drosselt Hunting-Abfragen: SeenBy()-Antworten werden nach der Wartezeit erneut abgerufen (%1).</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="619"/>
        <source>Incidents sync, but Defender&apos;s SeenBy() answers were not fetched: %1</source>
        <translation>Incidents werden synchronisiert, aber die SeenBy()-Antworten von Defender wurden nicht abgerufen: %1</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="538"/>
        <location filename="../ui/connectorpage.cpp" line="571"/>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="557"/>
        <source>not yet</source>
        <translation>noch nicht</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="563"/>
        <source>Waiting %1 before the next call (until %2)</source>
        <translation>Warten vor dem nächsten Aufruf: %1 (bis %2)</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="573"/>
        <source>nothing sent since Vigil started</source>
        <translation>seit dem Start von Vigil nichts gesendet</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="577"/>
        <source>at most %1 s</source>
        <translation>höchstens %1 s</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="578"/>
        <source>at most %1 min</source>
        <translation>höchstens %1 min</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="580"/>
        <source>unknown until the first pull</source>
        <translation>unbekannt bis zum ersten Abruf</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="201"/>
        <source>The rules could not be saved or read: %1</source>
        <translation>Die Regeln konnten nicht gespeichert oder gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="210"/>
        <source>Off — turned off above</source>
        <translation>Aus – oben ausgeschaltet</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="211"/>
        <source>On</source>
        <translation>Ein</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="211"/>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="218"/>
        <source>every severity</source>
        <translation>jeder Schweregrad</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="230"/>
        <source>title contains %1</source>
        <translation>Titel enthält %1</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="232"/>
        <source>title excludes %1</source>
        <translation>Titel schließt %1 aus</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="234"/>
        <source>skips alerts in M365D incidents</source>
        <translation>überspringt Warnungen in M365D-Vorfällen</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="288"/>
        <source>Turned off by &quot;Turn off all Microsoft incident creation rules&quot;; clear that box to turn it on.</source>
        <translation>Ausgeschaltet durch „Alle Microsoft-Regeln zur Vorfallerstellung ausschalten“; entfernen Sie dort den Haken, um sie einzuschalten.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="299"/>
        <source>Off while &quot;Turn off all Microsoft incident creation rules&quot; is checked. %1</source>
        <translation>Aus, solange „Alle Microsoft-Regeln zur Vorfallerstellung ausschalten“ angehakt ist. %1</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="629"/>
        <source>Incidents sync, but component alerts are not pulled and the incident creation rules do not run: the app registration may not read alerts (%1). Grant SecurityAlert.Read.All with admin consent.</source>
        <translation>Vorfälle werden synchronisiert, aber Einzelwarnungen werden nicht abgerufen und die Regeln zur Vorfallerstellung laufen nicht: Die App-Registrierung darf keine Warnungen lesen (%1). Erteilen Sie SecurityAlert.Read.All mit Administratoreinwilligung.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="634"/>
        <source>Incidents sync, but Microsoft Graph refused the component alert query, so the incident creation rules do not run (%1). Please report this with the log.</source>
        <translation>Vorfälle werden synchronisiert, aber Microsoft Graph hat die Abfrage der Einzelwarnungen abgelehnt, daher laufen die Regeln zur Vorfallerstellung nicht (%1). Bitte melden Sie dies mit dem Protokoll.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="638"/>
        <source>Incidents sync, but component alerts are not pulled: %1</source>
        <translation>Vorfälle werden synchronisiert, aber Einzelwarnungen werden nicht abgerufen: %1</translation>
    </message>
    <message>
        <location filename="../core/incidentrules.cpp" line="285"/>
        <source>Microsoft 365 Defender already makes incidents of these alerts; a rule would duplicate them.</source>
        <translation>Microsoft 365 Defender erstellt aus diesen Warnungen bereits Vorfälle; eine Regel würde sie verdoppeln.</translation>
    </message>
    <message>
        <location filename="../core/incidentrules.cpp" line="289"/>
        <source>Not every Defender for Cloud Apps alert type is onboarded to Microsoft 365 Defender, so the rule makes incidents of the others. It skips alerts an M365D incident already holds, so there are neither duplicates nor gaps.</source>
        <translation>Nicht jeder Warnungstyp von Defender for Cloud Apps ist in Microsoft 365 Defender eingebunden; die Regel erstellt Vorfälle aus den übrigen. Sie überspringt Warnungen, die bereits ein M365D-Vorfall enthält, so dass es weder Duplikate noch Lücken gibt.</translation>
    </message>
    <message>
        <location filename="../core/incidentrules.cpp" line="295"/>
        <source>Not every Entra ID Protection risk detection reaches a Microsoft 365 Defender incident, so the rule makes incidents of the others. It skips alerts an M365D incident already holds.</source>
        <translation>Nicht jede Risikoerkennung von Entra ID Protection landet in einem Microsoft 365 Defender-Vorfall; die Regel erstellt Vorfälle aus den übrigen. Sie überspringt Warnungen, die bereits ein M365D-Vorfall enthält.</translation>
    </message>
    <message>
        <location filename="../core/incidentrules.cpp" line="300"/>
        <source>Defender for Cloud alerts reach Microsoft 365 Defender only for connected subscriptions, so the rule makes incidents of the others. It skips alerts an M365D incident already holds.</source>
        <translation>Warnungen von Defender for Cloud erreichen Microsoft 365 Defender nur für verbundene Abonnements; die Regel erstellt Vorfälle aus den übrigen. Sie überspringt Warnungen, die bereits ein M365D-Vorfall enthält.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="314"/>
        <source>Choose at least one severity; a rule without severities would create nothing.</source>
        <translation>Wählen Sie mindestens einen Schweregrad; eine Regel ohne Schweregrade würde nichts erstellen.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="319"/>
        <source>A title part is empty: remove the extra comma.</source>
        <translation>Ein Titelteil ist leer: Entfernen Sie das überzählige Komma.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="324"/>
        <source>&quot;%1&quot; is both included and excluded: an alert with it in its title would never match.</source>
        <translation>„%1“ ist zugleich ein- und ausgeschlossen: Eine Warnung mit diesem Titelteil würde nie erfasst.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagesafety.cpp" line="49"/>
        <source>How many incidents to expect is not known here.</source>
        <translation>Wie viele Vorfälle zu erwarten sind, ist hier nicht bekannt.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/connectorpagesafety.cpp" line="51"/>
        <source>None of the alerts of the last %n day(s) would have made one, so expect few or none.</source>
        <translation>
            <numerusform>Keine der Warnungen aus dem letzten %n Tag hätte einen erzeugt; erwarten Sie also wenige oder keine.</numerusform>
            <numerusform>Keine der Warnungen aus den letzten %n Tagen hätte einen erzeugt; erwarten Sie also wenige oder keine.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/connectorpagesafety.cpp" line="56"/>
        <source>From the %n alert(s) they would have matched </source>
        <translation>
            <numerusform>Aus der %n Warnung, die sie erfasst hätten </numerusform>
            <numerusform>Aus den %n Warnungen, die sie erfasst hätten </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/connectorpagesafety.cpp" line="57"/>
        <source>in the last %n day(s), </source>
        <translation>
            <numerusform>innerhalb von %n Tag, </numerusform>
            <numerusform>innerhalb von %n Tagen, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/connectorpagesafety.cpp" line="58"/>
        <source>expect about %n incident(s) a day</source>
        <translation>
            <numerusform>erwarten Sie etwa %n Vorfall pro Tag</numerusform>
            <numerusform>erwarten Sie etwa %n Vorfälle pro Tag</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/connectorpagesafety.cpp" line="60"/>
        <source>; %n of those alerts are already in M365D incidents, so their incidents would be duplicates.</source>
        <translation>
            <numerusform>; %n dieser Warnungen liegt bereits in M365D-Vorfällen, deren Vorfälle wären also Duplikate.</numerusform>
            <numerusform>; %n dieser Warnungen liegen bereits in M365D-Vorfällen, deren Vorfälle wären also Duplikate.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/connectorpagesafety.cpp" line="67"/>
        <source>Turn on the Microsoft incident creation rules?</source>
        <translation>Die Microsoft-Regeln zur Vorfallerstellung einschalten?</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagesafety.cpp" line="68"/>
        <source>Vigil will make an incident of its own for every new MDE, MDI and MDO alert that the rules below match, at the next pull and from then on, beside the incidents Microsoft 365 Defender already makes of the same alerts.</source>
        <translation>Vigil erstellt für jede neue MDE-, MDI- und MDO-Warnung, die die Regeln unten erfassen, einen eigenen Vorfall, ab dem nächsten Abruf und von da an, neben den Vorfällen, die Microsoft 365 Defender bereits aus denselben Warnungen erstellt.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagesafety.cpp" line="72"/>
        <source>Turn the rules on</source>
        <translation>Regeln einschalten</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagesafety.cpp" line="74"/>
        <source>Keep them off</source>
        <translation>Ausgeschaltet lassen</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagesafety.cpp" line="125"/>
        <source>Close the duplicates?</source>
        <translation>Die Duplikate schließen?</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/connectorpagesafety.cpp" line="126"/>
        <source>While the rules were on (since %1) they made %n incident(s) of alerts that an M365D incident already holds.</source>
        <translation>
            <numerusform>Während die Regeln eingeschaltet waren (seit %1), haben sie %n Vorfall aus Warnungen erstellt, die bereits ein M365D-Vorfall enthält.</numerusform>
            <numerusform>Während die Regeln eingeschaltet waren (seit %1), haben sie %n Vorfälle aus Warnungen erstellt, die bereits ein M365D-Vorfall enthält.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/connectorpagesafety.cpp" line="131"/>
        <source>Close them as Undetermined, with a comment that they are duplicates? The M365D incidents stay as they are.</source>
        <translation>Als „Unbestimmt“ schließen, mit einem Kommentar, dass es Duplikate sind? Die M365D-Vorfälle bleiben unverändert.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/connectorpagesafety.cpp" line="134"/>
        <source>Close %n duplicate(s)</source>
        <translation>
            <numerusform>%n Duplikat schließen</numerusform>
            <numerusform>%n Duplikate schließen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/connectorpagesafety.cpp" line="136"/>
        <source>Keep them</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagesafety.cpp" line="146"/>
        <source>Duplicate of the M365D incident that holds the same alert: made while the Microsoft incident creation rules were on.</source>
        <translation>Duplikat des M365D-Vorfalls, der dieselbe Warnung enthält: erstellt, während die Microsoft-Regeln zur Vorfallerstellung eingeschaltet waren.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagesafety.cpp" line="225"/>
        <source>Save the changes to the %1 rule?</source>
        <translation>Die Änderungen an der Regel %1 speichern?</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagesafety.cpp" line="226"/>
        <source>The %1 rule has changes that are not saved. Save them before opening another rule, or discard them?</source>
        <translation>Die Regel %1 hat ungespeicherte Änderungen. Vor dem Öffnen einer anderen Regel speichern oder verwerfen?</translation>
    </message>
</context>
<context>
    <name>Vigil::CopySupport</name>
    <message>
        <location filename="../ui/copysupport.cpp" line="144"/>
        <source>Copy value</source>
        <translation>Wert kopieren</translation>
    </message>
    <message>
        <location filename="../ui/copysupport.cpp" line="145"/>
        <source>Copy %1</source>
        <translation>%1 kopieren</translation>
    </message>
    <message>
        <location filename="../ui/copysupport.cpp" line="151"/>
        <source>Copy row</source>
        <translation>Zeile kopieren</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/copysupport.cpp" line="157"/>
        <source>Copy %n selected row(s)</source>
        <translation>
            <numerusform>%n ausgewählte Zeile kopieren</numerusform>
            <numerusform>%n ausgewählte Zeilen kopieren</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/copysupport.cpp" line="178"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
</context>
<context>
    <name>Vigil::DashboardPage</name>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="72"/>
        <source>none yet</source>
        <translation>noch keine</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dashboardpage.cpp" line="73"/>
        <source>%1 (%n incident(s))</source>
        <translation>
            <numerusform>%1 (%n Vorfall)</numerusform>
            <numerusform>%1 (%n Vorfälle)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="97"/>
        <source>&amp;Save as PNG…</source>
        <translation>Als PNG &amp;speichern…</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="99"/>
        <source>Save the dashboard as a PNG image</source>
        <translation>Das Dashboard als PNG-Bild speichern</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="106"/>
        <source>Incidents created per day by severity</source>
        <translation>Pro Tag erstellte Vorfälle nach Schweregrad</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="108"/>
        <location filename="../ui/dashboardpage.cpp" line="224"/>
        <source>Open incidents by age and SLA state</source>
        <translation>Offene Vorfälle nach Alter und SLA-Status</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="110"/>
        <location filename="../ui/dashboardpage.cpp" line="263"/>
        <source>Closed incidents by classification</source>
        <translation>Geschlossene Vorfälle nach Klassifizierung</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="112"/>
        <source>Mean time to triage and to close</source>
        <translation>Mittlere Zeit bis zur Triage und bis zum Schließen</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="120"/>
        <source>Times run from an incident&apos;s creation to its last update (Graph keeps no triage or closing time), so for open incidents they are upper bounds. First triage: the status leaves New or an owner is set. Days are UTC.</source>
        <translation>Die Zeiten laufen von der Erstellung eines Vorfalls bis zu seiner letzten Aktualisierung (Graph speichert keine Triage- oder Schließzeit); für offene Vorfälle sind sie daher Obergrenzen. Erste Triage: Der Status verlässt „Neu“ oder ein Besitzer wird gesetzt. Tage sind in UTC.</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="130"/>
        <source>Save the dashboard</source>
        <translation>Dashboard speichern</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="131"/>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="175"/>
        <source>%1 open · %2 past their SLA · mean time to triage %3 · mean time to close %4</source>
        <translation>%1 offen · %2 über ihrem SLA · mittlere Zeit bis zur Triage %3 · mittlere Zeit bis zum Schließen %4</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="185"/>
        <source>Incidents created per day, by severity</source>
        <translation>Pro Tag erstellte Vorfälle, nach Schweregrad</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="227"/>
        <source>Past SLA</source>
        <translation>SLA überschritten</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="228"/>
        <source>Within SLA</source>
        <translation>Innerhalb des SLA</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="229"/>
        <source>Triaged</source>
        <translation>Triagiert</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="230"/>
        <source>No target</source>
        <translation>Kein Ziel</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="267"/>
        <source>True positive</source>
        <translation>Richtig positiv</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="268"/>
        <source>Benign positive</source>
        <translation>Unbedenklich positiv</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="269"/>
        <source>False positive</source>
        <translation>Falsch positiv</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="270"/>
        <source>Undetermined</source>
        <translation>Unbestimmt</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="271"/>
        <source>Not classified</source>
        <translation>Nicht klassifiziert</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="272"/>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="284"/>
        <source>Closed incidents by classification: none closed yet</source>
        <translation>Geschlossene Vorfälle nach Klassifizierung: noch keine geschlossen</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="293"/>
        <source>Mean time to triage and to close (hours)</source>
        <translation>Mittlere Zeit bis zur Triage und bis zum Schließen (Stunden)</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="296"/>
        <source>Hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="306"/>
        <source>To close: %1</source>
        <translation>Bis zum Schließen: %1</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="307"/>
        <source>To triage: %1</source>
        <translation>Bis zur Triage: %1</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="338"/>
        <source>Saved %1</source>
        <translation>Gespeichert in %1</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="340"/>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>Vigil::DashboardStats</name>
    <message>
        <location filename="../core/dashboardstats.cpp" line="33"/>
        <source>&lt; 1 h</source>
        <translation>&lt; 1 h</translation>
    </message>
    <message>
        <location filename="../core/dashboardstats.cpp" line="35"/>
        <source>1–4 h</source>
        <translation>1–4 h</translation>
    </message>
    <message>
        <location filename="../core/dashboardstats.cpp" line="37"/>
        <source>4–24 h</source>
        <translation>4–24 h</translation>
    </message>
    <message>
        <location filename="../core/dashboardstats.cpp" line="39"/>
        <source>1–7 d</source>
        <translation>1–7 T.</translation>
    </message>
    <message>
        <location filename="../core/dashboardstats.cpp" line="41"/>
        <source>&gt; 7 d</source>
        <translation>&gt; 7 T.</translation>
    </message>
</context>
<context>
    <name>Vigil::EntityTreeModel</name>
    <message>
        <location filename="../models/entitytreemodel.cpp" line="125"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../models/entitytreemodel.cpp" line="174"/>
        <source>Entity</source>
        <translation>Entität</translation>
    </message>
    <message>
        <location filename="../models/entitytreemodel.cpp" line="176"/>
        <source>Detail</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../models/entitytreemodel.cpp" line="178"/>
        <source>Verdict</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <location filename="../models/entitytreemodel.cpp" line="180"/>
        <source>Remediation</source>
        <translation>Behebung</translation>
    </message>
    <message>
        <location filename="../models/entitytreemodel.cpp" line="182"/>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
</context>
<context>
    <name>Vigil::ErrorText</name>
    <message>
        <location filename="../ui/errortext.cpp" line="12"/>
        <source>no details</source>
        <translation>keine Details</translation>
    </message>
    <message>
        <location filename="../ui/errortext.cpp" line="20"/>
        <source>Cannot reach Microsoft Graph (%1). Vigil keeps retrying; check the network connection or proxy.</source>
        <translation>Microsoft Graph ist nicht erreichbar (%1). Vigil versucht es weiter; prüfen Sie die Netzwerkverbindung oder den Proxy.</translation>
    </message>
    <message>
        <location filename="../ui/errortext.cpp" line="24"/>
        <source>Microsoft Graph did not answer in time (%1). Vigil keeps retrying.</source>
        <translation>Microsoft Graph hat nicht rechtzeitig geantwortet (%1). Vigil versucht es weiter.</translation>
    </message>
    <message>
        <location filename="../ui/errortext.cpp" line="26"/>
        <source>Signing in to the tenant failed (%1). Check the tenant id, client id and client secret on the connector page.</source>
        <translation>Die Anmeldung beim Mandanten ist fehlgeschlagen (%1). Prüfen Sie Mandanten-ID, Client-ID und geheimen Clientschlüssel auf der Connectorseite.</translation>
    </message>
    <message>
        <location filename="../ui/errortext.cpp" line="30"/>
        <source>The app registration is not allowed to read incidents (%1). Grant SecurityIncident.Read.All with admin consent.</source>
        <translation>Die App-Registrierung darf keine Vorfälle lesen (%1). Erteilen Sie SecurityIncident.Read.All mit Administratoreinwilligung.</translation>
    </message>
    <message>
        <location filename="../ui/errortext.cpp" line="34"/>
        <source>Microsoft Graph does not know this item (%1). It may have been deleted in the Defender portal.</source>
        <translation>Microsoft Graph kennt dieses Element nicht (%1). Es wurde möglicherweise im Defender-Portal gelöscht.</translation>
    </message>
    <message>
        <location filename="../ui/errortext.cpp" line="39"/>
        <source>Microsoft Graph is throttling Vigil; the next call waits %1 s. Nothing to do: sync resumes by itself.</source>
        <translation>Microsoft Graph drosselt Vigil; der nächste Aufruf wartet %1 s. Nichts zu tun: Die Synchronisierung wird automatisch fortgesetzt.</translation>
    </message>
    <message>
        <location filename="../ui/errortext.cpp" line="42"/>
        <source>Microsoft Graph is throttling Vigil. Nothing to do: sync resumes by itself.</source>
        <translation>Microsoft Graph drosselt Vigil. Nichts zu tun: Die Synchronisierung wird automatisch fortgesetzt.</translation>
    </message>
    <message>
        <location filename="../ui/errortext.cpp" line="44"/>
        <source>Microsoft Graph had a server error (%1). Vigil keeps retrying.</source>
        <translation>Bei Microsoft Graph ist ein Serverfehler aufgetreten (%1). Vigil versucht es weiter.</translation>
    </message>
    <message>
        <location filename="../ui/errortext.cpp" line="46"/>
        <source>Microsoft Graph refused a request (%1). Please report this with the log.</source>
        <translation>Microsoft Graph hat eine Anfrage abgelehnt (%1). Bitte melden Sie dies zusammen mit dem Protokoll.</translation>
    </message>
    <message>
        <location filename="../ui/errortext.cpp" line="49"/>
        <source>Vigil could not read an answer from Microsoft Graph (%1). Please report this with the log.</source>
        <translation>Vigil konnte eine Antwort von Microsoft Graph nicht lesen (%1). Bitte melden Sie dies zusammen mit dem Protokoll.</translation>
    </message>
    <message>
        <location filename="../ui/errortext.cpp" line="53"/>
        <source>Vigil could not use its local incident database (%1). Check free disk space and that the folder is writable, then restart Vigil.</source>
        <translation>Vigil konnte seine lokale Vorfalldatenbank nicht verwenden (%1). Prüfen Sie den freien Speicherplatz und ob der Ordner beschreibbar ist, und starten Sie Vigil dann neu.</translation>
    </message>
    <message>
        <location filename="../ui/errortext.cpp" line="57"/>
        <source>The connection settings are incomplete (%1). Fix them on the connector page.</source>
        <translation>Die Verbindungseinstellungen sind unvollständig (%1). Korrigieren Sie sie auf der Connectorseite.</translation>
    </message>
    <message>
        <location filename="../ui/errortext.cpp" line="60"/>
        <source>The request was cancelled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
    <message>
        <location filename="../ui/errortext.cpp" line="62"/>
        <source>The incident was changed elsewhere at the same time (%1). Review the change in the incident&apos;s activity log.</source>
        <translation>Der Vorfall wurde gleichzeitig an anderer Stelle geändert (%1). Prüfen Sie die Änderung im Aktivitätsprotokoll des Vorfalls.</translation>
    </message>
</context>
<context>
    <name>Vigil::EventStreamController</name>
    <message>
        <location filename="../facade/eventstreamcontroller.cpp" line="232"/>
        <source>No hunting table is collected: turn one on in the Hunting tables list.</source>
        <translation>Es wird keine Suchtabelle gesammelt: Schalten Sie eine in der Liste „Suchtabellen“ ein.</translation>
    </message>
    <message>
        <location filename="../facade/eventstreamcontroller.cpp" line="323"/>
        <source>No storage account is connected: connect the one the Defender streaming API writes to.</source>
        <translation>Es ist kein Speicherkonto verbunden: Verbinden Sie das Konto, in das die Defender-Streaming-API schreibt.</translation>
    </message>
    <message>
        <location filename="../facade/eventstreamcontroller.cpp" line="328"/>
        <source>The hunting tables are not open.</source>
        <translation>Die Suchtabellen sind nicht geöffnet.</translation>
    </message>
    <message>
        <location filename="../facade/eventstreamcontroller.cpp" line="403"/>
        <source>the pass was stopped</source>
        <translation>der Durchlauf wurde angehalten</translation>
    </message>
</context>
<context>
    <name>Vigil::EvidenceDetail</name>
    <message>
        <location filename="../core/graphdetails.cpp" line="19"/>
        <source>Device name</source>
        <translation>Gerätename</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="20"/>
        <source>Host name</source>
        <translation>Hostname</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="21"/>
        <source>DNS domain</source>
        <translation>DNS-Domäne</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="22"/>
        <source>NT domain</source>
        <translation>NT-Domäne</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="23"/>
        <source>OS</source>
        <translation>Betriebssystem</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="24"/>
        <source>OS version</source>
        <translation>Betriebssystemversion</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="25"/>
        <source>OS build</source>
        <translation>Betriebssystem-Build</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="26"/>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="27"/>
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="28"/>
        <source>Onboarding</source>
        <translation>Onboarding</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="29"/>
        <source>Antivirus</source>
        <translation>Antivirus</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="30"/>
        <source>Device group</source>
        <translation>Gerätegruppe</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="31"/>
        <source>Device group id</source>
        <translation>Gerätegruppen-ID</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="32"/>
        <source>First seen</source>
        <translation>Zuerst gesehen</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="33"/>
        <source>Last IP address</source>
        <translation>Letzte IP-Adresse</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="34"/>
        <source>Last external IP address</source>
        <translation>Letzte externe IP-Adresse</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="35"/>
        <source>IP interfaces</source>
        <translation>IP-Schnittstellen</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="36"/>
        <source>Logged-on users</source>
        <translation>Angemeldete Benutzer</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="37"/>
        <source>Virtual machine</source>
        <translation>Virtueller Computer</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="38"/>
        <location filename="../core/graphdetails.cpp" line="48"/>
        <location filename="../core/graphdetails.cpp" line="58"/>
        <location filename="../core/graphdetails.cpp" line="71"/>
        <source>Defender device id</source>
        <translation>Defender-Geräte-ID</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="39"/>
        <source>Entra device id</source>
        <translation>Entra-Geräte-ID</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="40"/>
        <location filename="../core/graphdetails.cpp" line="45"/>
        <location filename="../core/graphdetails.cpp" line="56"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="41"/>
        <location filename="../core/graphdetails.cpp" line="62"/>
        <location filename="../core/graphdetails.cpp" line="95"/>
        <source>Stream</source>
        <translation>Stream</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="42"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="43"/>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="44"/>
        <source>UPN</source>
        <translation>UPN</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="46"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="47"/>
        <location filename="../core/graphdetails.cpp" line="57"/>
        <source>Detection</source>
        <translation>Erkennung</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="49"/>
        <source>Image file</source>
        <translation>Image-Datei</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="50"/>
        <source>Process id</source>
        <translation>Prozess-ID</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="51"/>
        <source>Command line</source>
        <translation>Befehlszeile</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="52"/>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="53"/>
        <source>Parent image file</source>
        <translation>Übergeordnete Image-Datei</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="54"/>
        <source>Parent process id</source>
        <translation>Übergeordnete Prozess-ID</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="55"/>
        <source>Parent started</source>
        <translation>Übergeordneter gestartet</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="59"/>
        <source>IP address</source>
        <translation>IP-Adresse</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="60"/>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="61"/>
        <source>Location</source>
        <translation>Standort</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="63"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="64"/>
        <location filename="../core/graphdetails.cpp" line="66"/>
        <source>Hive</source>
        <translation>Struktur</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="65"/>
        <location filename="../core/graphdetails.cpp" line="67"/>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="68"/>
        <source>Value name</source>
        <translation>Wertname</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="69"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="70"/>
        <source>Value type</source>
        <translation>Werttyp</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="72"/>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="73"/>
        <source>Sender (P1)</source>
        <translation>Absender (P1)</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="74"/>
        <source>Sender (P2)</source>
        <translation>Absender (P2)</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="75"/>
        <source>Recipient</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="76"/>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="77"/>
        <source>Delivery action</source>
        <translation>Zustellungsaktion</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="78"/>
        <source>Delivery location</source>
        <translation>Zustellungsort</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="79"/>
        <source>Threats</source>
        <translation>Bedrohungen</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="80"/>
        <source>Detection methods</source>
        <translation>Erkennungsmethoden</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="81"/>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="82"/>
        <source>Sender IP</source>
        <translation>Absender-IP</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="83"/>
        <source>URLs</source>
        <translation>URLs</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="84"/>
        <source>URL count</source>
        <translation>Anzahl der URLs</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="85"/>
        <source>Attachments</source>
        <translation>Anlagen</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="86"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="87"/>
        <source>Internet message id</source>
        <translation>Internet-Nachrichten-ID</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="88"/>
        <source>Network message id</source>
        <translation>Netzwerknachrichten-ID</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="89"/>
        <location filename="../core/graphdetails.cpp" line="101"/>
        <source>URN</source>
        <translation>URN</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="90"/>
        <location filename="../core/graphdetails.cpp" line="102"/>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="91"/>
        <location filename="../core/graphdetails.cpp" line="103"/>
        <source>App id</source>
        <translation>App-ID</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="92"/>
        <source>Instance</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="93"/>
        <source>Instance id</source>
        <translation>Instanz-ID</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="94"/>
        <source>SaaS app id</source>
        <translation>SaaS-App-ID</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="96"/>
        <source>Clustered by</source>
        <translation>Gruppiert nach</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="97"/>
        <source>Cluster value</source>
        <translation>Gruppierungswert</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="98"/>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="99"/>
        <source>Network message ids</source>
        <translation>Netzwerknachrichten-IDs</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="100"/>
        <source>Query</source>
        <translation>Abfrage</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="104"/>
        <source>Object id</source>
        <translation>Objekt-ID</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="105"/>
        <source>Publisher</source>
        <translation>Herausgeber</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="106"/>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="107"/>
        <source>Group id</source>
        <translation>Gruppen-ID</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="108"/>
        <source>Friendly name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="109"/>
        <source>Distinguished name</source>
        <translation>Distinguished Name</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="110"/>
        <source>SID</source>
        <translation>SID</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="111"/>
        <source>AD object GUID</source>
        <translation>AD-Objekt-GUID</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="113"/>
        <source>Verdict</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="114"/>
        <source>Remediation status</source>
        <translation>Behebungsstatus</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="115"/>
        <source>Remediation details</source>
        <translation>Details zur Behebung</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="116"/>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="117"/>
        <source>Detailed roles</source>
        <translation>Detaillierte Rollen</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="118"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="119"/>
        <source>First seen in the alert</source>
        <translation>Zuerst in der Warnung gesehen</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="218"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="219"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
</context>
<context>
    <name>Vigil::FeedSettingsDialog</name>
    <message>
        <location filename="../ui/hunting/feedsettingsdialog.cpp" line="34"/>
        <source>External data</source>
        <translation>Externe Daten</translation>
    </message>
    <message>
        <location filename="../ui/hunting/feedsettingsdialog.cpp" line="36"/>
        <source>Queries with externaldata fetch their lists only from the hosts below, over https. Each copy is kept on disk; when a host does not answer, the kept copy is used and the result says how old it is.</source>
        <translation>Abfragen mit externaldata rufen ihre Listen nur von den unten aufgeführten Hosts ab, über https. Jede Kopie wird auf dem Datenträger gespeichert; antwortet ein Host nicht, wird die gespeicherte Kopie verwendet, und das Ergebnis gibt an, wie alt sie ist.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/feedsettingsdialog.cpp" line="46"/>
        <source>Allowed hosts</source>
        <translation>Zugelassene Hosts</translation>
    </message>
    <message>
        <location filename="../ui/hunting/feedsettingsdialog.cpp" line="53"/>
        <source>Host name, e.g. feeds.example.org or *.example.org</source>
        <translation>Hostname, z. B. feeds.example.org oder *.example.org</translation>
    </message>
    <message>
        <location filename="../ui/hunting/feedsettingsdialog.cpp" line="54"/>
        <source>Host to allow</source>
        <translation>Zuzulassender Host</translation>
    </message>
    <message>
        <location filename="../ui/hunting/feedsettingsdialog.cpp" line="55"/>
        <source>&amp;Allow</source>
        <translation>&amp;Zulassen</translation>
    </message>
    <message>
        <location filename="../ui/hunting/feedsettingsdialog.cpp" line="57"/>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location filename="../ui/hunting/feedsettingsdialog.cpp" line="75"/>
        <source>Offered:</source>
        <translation>Vorgeschlagen:</translation>
    </message>
    <message>
        <location filename="../ui/hunting/feedsettingsdialog.cpp" line="96"/>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <location filename="../ui/hunting/feedsettingsdialog.cpp" line="102"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../ui/hunting/feedsettingsdialog.cpp" line="104"/>
        <source>Work &amp;offline: use the kept copies only</source>
        <translation>&amp;Offline arbeiten: nur die gespeicherten Kopien verwenden</translation>
    </message>
    <message>
        <location filename="../ui/hunting/feedsettingsdialog.cpp" line="107"/>
        <source>&amp;Size limit per list:</source>
        <translation>&amp;Größenlimit pro Liste:</translation>
    </message>
    <message>
        <location filename="../ui/hunting/feedsettingsdialog.cpp" line="108"/>
        <source>&amp;Time limit per list:</source>
        <translation>Zeit&amp;limit pro Liste:</translation>
    </message>
    <message>
        <location filename="../ui/hunting/feedsettingsdialog.cpp" line="114"/>
        <source>Kept copies</source>
        <translation>Gespeicherte Kopien</translation>
    </message>
    <message>
        <location filename="../ui/hunting/feedsettingsdialog.cpp" line="115"/>
        <source>Kept copy of</source>
        <translation>Gespeicherte Kopie von</translation>
    </message>
    <message>
        <location filename="../ui/hunting/feedsettingsdialog.cpp" line="115"/>
        <source>Fetched</source>
        <translation>Abgerufen</translation>
    </message>
    <message>
        <location filename="../ui/hunting/feedsettingsdialog.cpp" line="115"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../ui/hunting/feedsettingsdialog.cpp" line="139"/>
        <source>“%1” is not a host name.</source>
        <translation>„%1“ ist kein Hostname.</translation>
    </message>
</context>
<context>
    <name>Vigil::FilterChips</name>
    <message>
        <location filename="../ui/filterchips.cpp" line="25"/>
        <source>Filter terms</source>
        <translation>Filterbegriffe</translation>
    </message>
    <message>
        <location filename="../ui/filterchips.cpp" line="64"/>
        <source>Remove %1 from the filter</source>
        <translation>%1 aus dem Filter entfernen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/filterchips.cpp" line="73"/>
        <source>+%n more</source>
        <translation>
            <numerusform>+%n weiterer</numerusform>
            <numerusform>+%n weitere</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Vigil::HuntingChartView</name>
    <message>
        <location filename="../ui/hunting/huntingchartparts.cpp" line="142"/>
        <source>The column &quot;%1&quot; is not numeric, so it cannot be drawn as a value.</source>
        <translation>Die Spalte „%1“ ist nicht numerisch und kann daher nicht als Wert gezeichnet werden.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartparts.cpp" line="151"/>
        <source>The result has no numeric column to draw. A chart needs one, for example from summarize count() by …</source>
        <translation>Das Ergebnis hat keine numerische Spalte zum Zeichnen. Ein Diagramm braucht eine, zum Beispiel aus summarize count() by …</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartparts.cpp" line="180"/>
        <location filename="../ui/hunting/huntingchartviewbuild.cpp" line="330"/>
        <location filename="../ui/hunting/huntingchartviewbuild.cpp" line="415"/>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartparts.h" line="67"/>
        <source>render&apos;s %1 names the column &quot;%2&quot;, which the result does not have.</source>
        <translation>Das %1 von render nennt die Spalte „%2“, die das Ergebnis nicht hat.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartview.cpp" line="28"/>
        <source>Save as PNG…</source>
        <translation>Als PNG speichern…</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartview.cpp" line="128"/>
        <source>There is no chart to save.</source>
        <translation>Es gibt kein Diagramm zum Speichern.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartview.cpp" line="133"/>
        <source>Could not write the chart to %1: %2</source>
        <translation>Das Diagramm konnte nicht in %1 geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartview.cpp" line="140"/>
        <source>Save chart as PNG</source>
        <translation>Diagramm als PNG speichern</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartview.cpp" line="141"/>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartviewbuild.cpp" line="62"/>
        <source>A timechart needs a datetime column for its x axis, and this result has none.</source>
        <translation>Ein timechart braucht eine datetime-Spalte für die x-Achse, und dieses Ergebnis hat keine.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartviewbuild.cpp" line="66"/>
        <source>A %1 needs a datetime or numeric column for its x axis.</source>
        <translation>Ein %1 braucht eine datetime- oder numerische Spalte für die x-Achse.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartviewbuild.cpp" line="80"/>
        <source>%1 rows: one row in %2 is drawn.</source>
        <translation>%1 Zeilen: Eine von je %2 Zeilen wird gezeichnet.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartviewbuild.cpp" line="109"/>
        <location filename="../ui/hunting/huntingchartviewbuild.cpp" line="291"/>
        <source>Only the first %1 series are drawn; %2 more are not.</source>
        <translation>Nur die ersten %1 Reihen werden gezeichnet; %2 weitere nicht.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartviewbuild.cpp" line="132"/>
        <source>There is nothing to draw: every x or y value is empty.</source>
        <translation>Es gibt nichts zu zeichnen: Jeder x- oder y-Wert ist leer.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartviewbuild.cpp" line="223"/>
        <source> (UTC)</source>
        <translation> (UTC)</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartviewbuild.cpp" line="244"/>
        <source>The result has no column to draw.</source>
        <translation>Das Ergebnis hat keine Spalte zum Zeichnen.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartviewbuild.cpp" line="286"/>
        <location filename="../ui/hunting/huntingchartviewbuild.cpp" line="466"/>
        <source>There is nothing to draw: the result has no rows.</source>
        <translation>Es gibt nichts zu zeichnen: Das Ergebnis hat keine Zeilen.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartviewbuild.cpp" line="288"/>
        <source>Only the first %1 categories are drawn.</source>
        <translation>Nur die ersten %1 Kategorien werden gezeichnet.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartviewbuild.cpp" line="390"/>
        <source>There is nothing to draw: a piechart needs values above 0 in &quot;%1&quot;.</source>
        <translation>Es gibt nichts zu zeichnen: Ein piechart braucht Werte über 0 in „%1“.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartviewbuild.cpp" line="397"/>
        <source>1 row with a value of 0 or less is not drawn.</source>
        <translation>1 Zeile mit einem Wert von 0 oder weniger wird nicht gezeichnet.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartviewbuild.cpp" line="398"/>
        <source>%1 rows with a value of 0 or less are not drawn.</source>
        <translation>%1 Zeilen mit einem Wert von 0 oder weniger werden nicht gezeichnet.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartviewbuild.cpp" line="408"/>
        <source>Other (%1)</source>
        <translation>Sonstige (%1)</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartviewbuild.cpp" line="409"/>
        <source>The %1 smallest slices are drawn as one, &quot;Other&quot;.</source>
        <translation>Die %1 kleinsten Segmente werden zusammen als „Sonstige“ gezeichnet.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartviewbuild.cpp" line="456"/>
        <source>This result is a table: see the grid.</source>
        <translation>Dieses Ergebnis ist eine Tabelle: Sehen Sie sich das Raster an.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartviewbuild.cpp" line="457"/>
        <source>Vigil does not draw &quot;%1&quot; charts; the rows are in the grid.</source>
        <translation>Vigil zeichnet keine „%1“-Diagramme; die Zeilen stehen im Raster.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartviewbuild.cpp" line="463"/>
        <source>There is nothing to draw: the result has no columns.</source>
        <translation>Es gibt nichts zu zeichnen: Das Ergebnis hat keine Spalten.</translation>
    </message>
</context>
<context>
    <name>Vigil::HuntingImport</name>
    <message>
        <location filename="../ui/huntingimport.cpp" line="28"/>
        <location filename="../ui/huntingimport.cpp" line="45"/>
        <location filename="../ui/huntingimport.cpp" line="56"/>
        <location filename="../ui/huntingimport.cpp" line="103"/>
        <source>Import hunting data</source>
        <translation>Suchdaten importieren</translation>
    </message>
    <message>
        <location filename="../ui/huntingimport.cpp" line="29"/>
        <source>Hunting data (*.json *.jsonl *.log *.csv *.gz);;All files (*)</source>
        <translation>Suchdaten (*.json *.jsonl *.log *.csv *.gz);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/huntingimport.cpp" line="46"/>
        <source>A portal CSV export does not say its table. Which table is it?</source>
        <translation>Ein CSV-Export aus dem Portal nennt seine Tabelle nicht. Welche Tabelle ist es?</translation>
    </message>
    <message>
        <location filename="../ui/huntingimport.cpp" line="53"/>
        <source>Importing %1…</source>
        <translation>%1 wird importiert…</translation>
    </message>
    <message>
        <location filename="../ui/huntingimport.cpp" line="53"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/huntingimport.cpp" line="73"/>
        <source>%1, %2, %3</source>
        <translation>%1, %2, %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/huntingimport.cpp" line="74"/>
        <source>%Ln row(s) stored</source>
        <translation>
            <numerusform>%Ln Zeile gespeichert</numerusform>
            <numerusform>%Ln Zeilen gespeichert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/huntingimport.cpp" line="75"/>
        <source>%Ln duplicate(s)</source>
        <translation>
            <numerusform>%Ln Duplikat</numerusform>
            <numerusform>%Ln Duplikate</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/huntingimport.cpp" line="76"/>
        <source>%Ln rejected</source>
        <translation>
            <numerusform>%Ln abgelehnt</numerusform>
            <numerusform>%Ln abgelehnt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/huntingimport.cpp" line="88"/>
        <source>%1: %Ln row(s)</source>
        <translation>
            <numerusform>%1: %Ln Zeile</numerusform>
            <numerusform>%1: %Ln Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/huntingimport.cpp" line="90"/>
        <source>No new rows.</source>
        <translation>Keine neuen Zeilen.</translation>
    </message>
    <message>
        <location filename="../ui/huntingimport.cpp" line="91"/>
        <source>Duplicates skipped: %1</source>
        <translation>Übersprungene Duplikate: %1</translation>
    </message>
    <message>
        <location filename="../ui/huntingimport.cpp" line="92"/>
        <source>Lines rejected: %1</source>
        <translation>Abgelehnte Zeilen: %1</translation>
    </message>
    <message>
        <location filename="../ui/huntingimport.cpp" line="95"/>
        <source>  line %1: %2</source>
        <translation>  Zeile %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/huntingimport.cpp" line="97"/>
        <source>Import finished</source>
        <translation>Import abgeschlossen</translation>
    </message>
    <message>
        <location filename="../ui/huntingimport.cpp" line="99"/>
        <source>Import cancelled: the rows stored before it stopped are kept</source>
        <translation>Import abgebrochen: Die bis dahin gespeicherten Zeilen bleiben erhalten</translation>
    </message>
    <message>
        <location filename="../ui/huntingimport.cpp" line="101"/>
        <source>The import stopped: %1</source>
        <translation>Der Import wurde beendet: %1</translation>
    </message>
</context>
<context>
    <name>Vigil::HuntingPage</name>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="57"/>
        <source>Hunting</source>
        <translation>Suche</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="61"/>
        <location filename="../ui/hunting/huntingpage.cpp" line="483"/>
        <source>Run in Defender</source>
        <translation>In Defender ausführen</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="76"/>
        <source>Running in Defender…</source>
        <translation>Wird in Defender ausgeführt…</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="94"/>
        <source>New query tab</source>
        <translation>Neuer Abfrage-Tab</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="98"/>
        <source>Open a new query tab (Ctrl+T)</source>
        <translation>Neuen Abfrage-Tab öffnen (Strg+T)</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="105"/>
        <source>External data…</source>
        <translation>Externe Daten…</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="107"/>
        <source>The hosts externaldata may fetch lists from, its limits and the kept copies</source>
        <translation>Die Hosts, von denen externaldata Listen abrufen darf, seine Limits und die gespeicherten Kopien</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="123"/>
        <source>GeoIP database…</source>
        <translation>GeoIP-Datenbank…</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="125"/>
        <source>The MaxMind or DB-IP .mmdb file, or legacy GeoIP.dat file, that geo_info_from_ip_address() reads</source>
        <translation>Die .mmdb-Datei von MaxMind oder DB-IP oder die ältere GeoIP.dat-Datei, die geo_info_from_ip_address() liest</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="128"/>
        <source>Use the default GeoIP database</source>
        <translation>Standard-GeoIP-Datenbank verwenden</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="144"/>
        <source>Close query tab</source>
        <translation>Abfrage-Tab schließen</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="149"/>
        <source>Rename query tab…</source>
        <translation>Abfrage-Tab umbenennen…</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="187"/>
        <source>cannot be opened: %1</source>
        <translation>kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="219"/>
        <source>External data</source>
        <translation>Externe Daten</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="220"/>
        <source>The settings could not be saved: %1</source>
        <translation>Die Einstellungen konnten nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="229"/>
        <location filename="../ui/hunting/huntingpage.cpp" line="246"/>
        <source>GeoIP database</source>
        <translation>GeoIP-Datenbank</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="230"/>
        <source>GeoIP databases (*.mmdb *.dat);;All files (*)</source>
        <translation>GeoIP-Datenbanken (*.mmdb *.dat);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="247"/>
        <source>%1 cannot be used as the GeoIP database: %2.

The GeoIP database stays as it was.</source>
        <translation>%1 kann nicht als GeoIP-Datenbank verwendet werden: %2.

Die GeoIP-Datenbank bleibt unverändert.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="270"/>
        <source>GeoIP: %1 (%2)</source>
        <translation>GeoIP: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="274"/>
        <source>GeoIP: none (install Debian&apos;s geoip-database or choose a file)</source>
        <translation>GeoIP: keine (geoip-database von Debian installieren oder Datei auswählen)</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="276"/>
        <source>GeoIP: %1 (from VIGIL_GEOIP_DB)</source>
        <translation>GeoIP: %1 (aus VIGIL_GEOIP_DB)</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="278"/>
        <source>GeoIP: Debian geoip-database (countries)</source>
        <translation>GeoIP: geoip-database von Debian (Länder)</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="301"/>
        <source>Schema</source>
        <translation>Schema</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="319"/>
        <source>Queries</source>
        <translation>Abfragen</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="359"/>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="360"/>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="361"/>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="362"/>
        <source>Last 30 days (Defender&apos;s default)</source>
        <translation>Letzte 30 Tage (Standard von Defender)</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="382"/>
        <source>Custom…</source>
        <translation>Benutzerdefiniert…</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="385"/>
        <source>An ISO 8601 window: P3D (the last 3 days), 2024-02-01T08:00:00Z/2024-02-15T08:00:00Z, P7D/2024-02-15, or a start time</source>
        <translation>Ein ISO-8601-Zeitfenster: P3D (die letzten 3 Tage), 2024-02-01T08:00:00Z/2024-02-15T08:00:00Z, P7D/2024-02-15 oder eine Startzeit</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="392"/>
        <location filename="../ui/hunting/huntingpage.cpp" line="413"/>
        <source>Custom: %1</source>
        <translation>Benutzerdefiniert: %1</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="399"/>
        <location filename="../ui/hunting/huntingpage.cpp" line="408"/>
        <source>Time window in Defender</source>
        <translation>Zeitfenster in Defender</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="400"/>
        <source>Defender searches its last 30 days. The window to search, in ISO 8601 (P3D, PT12H, start/end, duration/end, or a start time):</source>
        <translation>Defender durchsucht seine letzten 30 Tage. Das zu durchsuchende Zeitfenster in ISO 8601 (P3D, PT12H, Start/Ende, Dauer/Ende oder eine Startzeit):</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="456"/>
        <source>&quot;%1&quot; is not an ISO 8601 time window. Write a duration such as P7D or PT12H, a start/end pair such as 2024-02-01T08:00:00Z/2024-02-15T08:00:00Z, or a start time.</source>
        <translation>„%1“ ist kein ISO-8601-Zeitfenster. Geben Sie eine Dauer wie P7D oder PT12H, ein Start/Ende-Paar wie 2024-02-01T08:00:00Z/2024-02-15T08:00:00Z oder eine Startzeit ein.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="472"/>
        <source>Defender&apos;s last 30 days</source>
        <translation>Die letzten 30 Tage von Defender</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="499"/>
        <source>Defender did not answer.</source>
        <translation>Defender hat nicht geantwortet.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="508"/>
        <source>Ran in Microsoft 365 Defender</source>
        <translation>In Microsoft 365 Defender ausgeführt</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="580"/>
        <source>Run the query (or the selection) in Microsoft 365 Defender, over %1 (the arrow picks the window)</source>
        <translation>Die Abfrage (oder die Auswahl) in Microsoft 365 Defender ausführen, über %1 (der Pfeil wählt das Zeitfenster)</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="583"/>
        <source>Running queries in Microsoft 365 Defender is not set up in this window</source>
        <translation>Das Ausführen von Abfragen in Microsoft 365 Defender ist in diesem Fenster nicht eingerichtet</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="593"/>
        <source>Query %1</source>
        <translation>Abfrage %1</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="636"/>
        <source>Rename query tab</source>
        <translation>Abfrage-Tab umbenennen</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="636"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="679"/>
        <source>%1 holds no events</source>
        <translation>%1 enthält keine Ereignisse</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="682"/>
        <source>%1 holds %2 to %3</source>
        <translation>%1 enthält %2 bis %3</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="692"/>
        <source>The local tables do not hold all of %1 to %2 (%3). Run the query in Microsoft 365 Defender for the events this machine does not have.</source>
        <translation>Die lokalen Tabellen enthalten nicht den ganzen Zeitraum von %1 bis %2 (%3). Führen Sie die Abfrage in Microsoft 365 Defender aus, um die Ereignisse zu erhalten, die auf diesem Computer fehlen.</translation>
    </message>
</context>
<context>
    <name>Vigil::HuntingResultModel</name>
    <message>
        <location filename="../ui/hunting/huntingresultmodel.cpp" line="131"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>Vigil::HuntingResultView</name>
    <message numerus="yes">
        <location filename="../ui/hunting/huntingresultview.cpp" line="45"/>
        <source>[%n item(s)]</source>
        <translation>
            <numerusform>[%n Element]</numerusform>
            <numerusform>[%n Elemente]</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/hunting/huntingresultview.cpp" line="47"/>
        <source>{%n propert(y/ies)}</source>
        <translation>
            <numerusform>{%n Eigenschaft}</numerusform>
            <numerusform>{%n Eigenschaften}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingresultview.cpp" line="83"/>
        <source>Filter the rows shown…</source>
        <translation>Angezeigte Zeilen filtern…</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingresultview.cpp" line="84"/>
        <source>Filter the result rows</source>
        <translation>Ergebniszeilen filtern</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingresultview.cpp" line="87"/>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingresultview.cpp" line="89"/>
        <source>Save the rows shown as CSV</source>
        <translation>Angezeigte Zeilen als CSV speichern</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingresultview.cpp" line="90"/>
        <source>Export JSON…</source>
        <translation>JSON exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingresultview.cpp" line="92"/>
        <source>Save the rows shown as JSON (columns with their types, rows)</source>
        <translation>Angezeigte Zeilen als JSON speichern (Spalten mit ihren Typen, Zeilen)</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingresultview.cpp" line="116"/>
        <source>Query results</source>
        <translation>Abfrageergebnisse</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingresultview.cpp" line="130"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingresultview.cpp" line="138"/>
        <source>The selected value as a tree</source>
        <translation>Der ausgewählte Wert als Baum</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingresultview.cpp" line="139"/>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingresultview.cpp" line="139"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingresultview.cpp" line="154"/>
        <source>Export as CSV</source>
        <translation>Als CSV exportieren</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingresultview.cpp" line="154"/>
        <source>Export as JSON</source>
        <translation>Als JSON exportieren</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingresultview.cpp" line="156"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingresultview.cpp" line="156"/>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingresultview.cpp" line="212"/>
        <source>The results could not be saved to %1: %2</source>
        <translation>Die Ergebnisse konnten nicht in %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingresultview.cpp" line="326"/>
        <source>Copy cell</source>
        <translation>Zelle kopieren</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingresultview.cpp" line="327"/>
        <source>Copy row</source>
        <translation>Zeile kopieren</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingresultview.cpp" line="328"/>
        <source>Copy column</source>
        <translation>Spalte kopieren</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingresultview.cpp" line="330"/>
        <source>Show as tree</source>
        <translation>Als Baum anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingresultview.cpp" line="334"/>
        <source>Hide the tree</source>
        <translation>Baum ausblenden</translation>
    </message>
</context>
<context>
    <name>Vigil::HuntingTab</name>
    <message>
        <location filename="../ui/hunting/huntingtab.cpp" line="33"/>
        <source>1 row</source>
        <translation>1 Zeile</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingtab.cpp" line="34"/>
        <source>%1 rows</source>
        <translation>%1 Zeilen</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingtab.cpp" line="60"/>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingtab.cpp" line="62"/>
        <source>Run the selection, or the whole query (Ctrl+Enter); Shift+Enter runs the block at the cursor</source>
        <translation>Auswahl oder ganze Abfrage ausführen (Strg+Eingabe); Umschalt+Eingabe führt den Block am Cursor aus</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingtab.cpp" line="65"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingtab.cpp" line="67"/>
        <source>Stop the running query (Esc in the editor)</source>
        <translation>Laufende Abfrage anhalten (Esc im Editor)</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingtab.cpp" line="85"/>
        <source>Rows and time of the last run</source>
        <translation>Zeilen und Dauer der letzten Ausführung</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingtab.cpp" line="90"/>
        <source>The error in the query</source>
        <translation>Der Fehler in der Abfrage</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingtab.cpp" line="130"/>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingtab.cpp" line="145"/>
        <source>Saved %1</source>
        <translation>Gespeichert in %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/hunting/huntingtab.cpp" line="242"/>
        <source>Waiting for Defender (%1): trying again in %n second(s)</source>
        <translation>
            <numerusform>Warten auf Defender (%1): neuer Versuch in %n Sekunde</numerusform>
            <numerusform>Warten auf Defender (%1): neuer Versuch in %n Sekunden</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingtab.cpp" line="283"/>
        <source>The query is refused at line %1, column %2: %3</source>
        <translation>Die Abfrage wird in Zeile %1, Spalte %2 abgelehnt: %3</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingtab.cpp" line="290"/>
        <source>The query was cancelled.</source>
        <translation>Die Abfrage wurde abgebrochen.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingtab.cpp" line="321"/>
        <source>Running… %1 · %2 s</source>
        <translation>Wird ausgeführt… %1 · %2 s</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingtab.cpp" line="324"/>
        <source>%1 · %2 s</source>
        <translation>%1 · %2 s</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingtab.cpp" line="329"/>
        <source>truncated at %1 rows</source>
        <translation>bei %1 Zeilen abgeschnitten</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingtab.cpp" line="339"/>
        <source>1 warning, hover to read</source>
        <translation>1 Warnung, zum Lesen darauf zeigen</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingtab.cpp" line="342"/>
        <source>%1 warnings, hover to read</source>
        <translation>%1 Warnungen, zum Lesen darauf zeigen</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingtab.cpp" line="332"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingtab.cpp" line="333"/>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingtab.cpp" line="334"/>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingtab.cpp" line="335"/>
        <source>external data from a kept copy, %1 old</source>
        <translation>externe Daten aus einer gespeicherten Kopie, %1 alt</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingtab.cpp" line="348"/>
        <source>%1 shown</source>
        <translation>%1 angezeigt</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingtab.cpp" line="369"/>
        <source>Chart</source>
        <translation>Diagramm</translation>
    </message>
</context>
<context>
    <name>Vigil::HuntingTablesBox</name>
    <message>
        <location filename="../ui/huntingtablesbox.cpp" line="38"/>
        <source>Hunting tables</source>
        <translation>Suchtabellen</translation>
    </message>
    <message>
        <location filename="../ui/huntingtablesbox.cpp" line="47"/>
        <source>Advanced hunting events kept on this machine, per table. Retention counts from when a row arrived; expired rows are deleted in the background.</source>
        <translation>Ereignisse der erweiterten Suche, die auf diesem Computer gespeichert werden, pro Tabelle. Die Aufbewahrung zählt ab dem Eintreffen einer Zeile; abgelaufene Zeilen werden im Hintergrund gelöscht.</translation>
    </message>
    <message>
        <location filename="../ui/huntingtablesbox.cpp" line="55"/>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <location filename="../ui/huntingtablesbox.cpp" line="55"/>
        <source>Collect</source>
        <translation>Sammeln</translation>
    </message>
    <message>
        <location filename="../ui/huntingtablesbox.cpp" line="55"/>
        <source>Retention</source>
        <translation>Aufbewahrung</translation>
    </message>
    <message>
        <location filename="../ui/huntingtablesbox.cpp" line="55"/>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <location filename="../ui/huntingtablesbox.cpp" line="56"/>
        <source>Streaming</source>
        <translation>Streaming</translation>
    </message>
    <message>
        <location filename="../ui/huntingtablesbox.cpp" line="56"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../ui/huntingtablesbox.cpp" line="56"/>
        <source>At this retention</source>
        <translation>Bei dieser Aufbewahrung</translation>
    </message>
    <message>
        <location filename="../ui/huntingtablesbox.cpp" line="57"/>
        <source>Oldest event</source>
        <translation>Ältestes Ereignis</translation>
    </message>
    <message>
        <location filename="../ui/huntingtablesbox.cpp" line="57"/>
        <source>Newest event</source>
        <translation>Neuestes Ereignis</translation>
    </message>
    <message>
        <location filename="../ui/huntingtablesbox.cpp" line="57"/>
        <source>Last ingest</source>
        <translation>Letzte Aufnahme</translation>
    </message>
    <message>
        <location filename="../ui/huntingtablesbox.cpp" line="58"/>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <location filename="../ui/huntingtablesbox.cpp" line="83"/>
        <source>The setting of %1 was not saved: %2</source>
        <translation>Die Einstellung für %1 wurde nicht gespeichert: %2</translation>
    </message>
    <message>
        <location filename="../ui/huntingtablesbox.cpp" line="104"/>
        <source>The hunting tables cannot be read: %1</source>
        <translation>Die Suchtabellen können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/huntingtablesbox.cpp" line="128"/>
        <source>about %1 for 1 day</source>
        <translation>etwa %1 für 1 Tag</translation>
    </message>
    <message>
        <location filename="../ui/huntingtablesbox.cpp" line="129"/>
        <source>about %1 for %2 days</source>
        <translation>etwa %1 für %2 Tage</translation>
    </message>
    <message>
        <location filename="../ui/huntingtablesbox.cpp" line="166"/>
        <source>Stop collecting %1</source>
        <translation>%1 nicht mehr sammeln</translation>
    </message>
    <message>
        <location filename="../ui/huntingtablesbox.cpp" line="167"/>
        <source>Stop collecting %1. Also delete the rows it holds now?</source>
        <translation>%1 nicht mehr sammeln. Auch die Zeilen löschen, die die Tabelle jetzt enthält?</translation>
    </message>
    <message>
        <location filename="../ui/huntingtablesbox.cpp" line="182"/>
        <source>unlimited</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <location filename="../ui/huntingtablesbox.cpp" line="183"/>
        <source> days</source>
        <translation> Tage</translation>
    </message>
</context>
<context>
    <name>Vigil::IncidentDetailView</name>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="103"/>
        <source>Incident detail</source>
        <translation>Vorfalldetails</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="110"/>
        <source>Select an incident to see its alerts, entities and comments.
j / k move through the queue, / filters it.</source>
        <translation>Wählen Sie einen Vorfall aus, um seine Warnungen, Entitäten und Kommentare zu sehen.
j / k blättern durch die Warteschlange, / filtert sie.</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="158"/>
        <source>Severity:</source>
        <translation>Schweregrad:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="162"/>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="163"/>
        <source>Incident:</source>
        <translation>Vorfall:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="164"/>
        <source>Defender id:</source>
        <translation>Defender-ID:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="165"/>
        <source>Owner:</source>
        <translation>Besitzer:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="166"/>
        <source>Provider:</source>
        <translation>Anbieter:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="167"/>
        <source>Classification:</source>
        <translation>Klassifizierung:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="168"/>
        <source>Determination:</source>
        <translation>Bestimmung:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="169"/>
        <source>Created:</source>
        <translation>Erstellt:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="170"/>
        <source>Last updated:</source>
        <translation>Zuletzt aktualisiert:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="184"/>
        <source>Sync:</source>
        <translation>Sync:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="191"/>
        <source>Tags:</source>
        <translation>Tags:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="201"/>
        <source>Summary, description and resolving comment</source>
        <translation>Zusammenfassung, Beschreibung und Lösungskommentar</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="239"/>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="241"/>
        <source>Load the incident detail again</source>
        <translation>Vorfalldetails erneut laden</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="256"/>
        <source>Loading</source>
        <translation>Wird geladen</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="271"/>
        <source>Open the full incident in Microsoft 365 Defender</source>
        <translation>Vollständigen Vorfall in Microsoft 365 Defender öffnen</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="276"/>
        <source>Load all alerts</source>
        <translation>Alle Warnungen laden</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="278"/>
        <source>Load all alerts of this incident</source>
        <translation>Alle Warnungen dieses Vorfalls laden</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="295"/>
        <source>Alerts of the incident</source>
        <translation>Warnungen des Vorfalls</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="326"/>
        <source>Entities of the incident, grouped by kind</source>
        <translation>Entitäten des Vorfalls, nach Art gruppiert</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="336"/>
        <source>Comments on the incident</source>
        <translation>Kommentare zum Vorfall</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="339"/>
        <location filename="../ui/incidentdetailview.cpp" line="428"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="339"/>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="339"/>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="400"/>
        <source>Status…</source>
        <translation>Status…</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="400"/>
        <source>Set the status of this incident (S)</source>
        <translation>Status dieses Vorfalls festlegen (S)</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="402"/>
        <source>Assign to me</source>
        <translation>Mir zuweisen</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="402"/>
        <source>Assign this incident to me (A)</source>
        <translation>Diesen Vorfall mir zuweisen (A)</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="404"/>
        <source>Assign…</source>
        <translation>Zuweisen…</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="404"/>
        <source>Assign this incident to someone (Shift+A)</source>
        <translation>Diesen Vorfall jemandem zuweisen (Umschalt+A)</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="406"/>
        <source>Close…</source>
        <translation>Schließen…</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="406"/>
        <source>Close this incident with a classification (C)</source>
        <translation>Diesen Vorfall mit einer Klassifizierung schließen (C)</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="408"/>
        <source>Tags…</source>
        <translation>Tags…</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="408"/>
        <source>Add or remove tags of this incident (T)</source>
        <translation>Tags dieses Vorfalls hinzufügen oder entfernen (T)</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="410"/>
        <source>Comment…</source>
        <translation>Kommentieren…</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="410"/>
        <source>Comment on this incident (M)</source>
        <translation>Diesen Vorfall kommentieren (M)</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="422"/>
        <source>Sync activity of the incident, newest first</source>
        <translation>Synchronisierungsaktivität des Vorfalls, neueste zuerst</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="428"/>
        <source>Side</source>
        <translation>Seite</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="428"/>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="428"/>
        <source>From</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="428"/>
        <source>To</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="428"/>
        <location filename="../ui/incidentdetailview.cpp" line="494"/>
        <source>Conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="428"/>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="440"/>
        <source>Apply mine again</source>
        <translation>Meinen Wert erneut anwenden</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="442"/>
        <source>Send the value Defender overwrote in this conflict again</source>
        <translation>Den Wert, den Defender in diesem Konflikt überschrieben hat, erneut senden</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="480"/>
        <source>Vigil</source>
        <translation>Vigil</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="480"/>
        <source>Defender</source>
        <translation>Defender</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="537"/>
        <source>(no title)</source>
        <translation>(kein Titel)</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="562"/>
        <source>%1 by %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="599"/>
        <source>Duplicate of %1 — that Microsoft 365 Defender incident holds the same alert.</source>
        <translation>Duplikat von %1 – dieser Microsoft 365 Defender-Vorfall enthält dieselbe Warnung.</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="692"/>
        <source>Someone else is on this incident: %1</source>
        <translation>Jemand anderes arbeitet an diesem Vorfall: %1</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="717"/>
        <source>Activity (%1)</source>
        <translation>Aktivität (%1)</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="46"/>
        <location filename="../ui/incidentdetailview.cpp" line="546"/>
        <source>Unassigned</source>
        <translation>Nicht zugewiesen</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="551"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="554"/>
        <source>Not classified</source>
        <translation>Nicht klassifiziert</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="55"/>
        <location filename="../ui/incidentdetailview.cpp" line="557"/>
        <location filename="../ui/incidentdetailview.cpp" line="566"/>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="52"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="571"/>
        <source>Synced</source>
        <translation>Synchronisiert</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="574"/>
        <source>Pending — a change is waiting to be sent to Defender</source>
        <translation>Ausstehend – eine Änderung wartet darauf, an Defender gesendet zu werden</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="577"/>
        <source>Conflict — changed here and in Defender at the same time</source>
        <translation>Konflikt – gleichzeitig hier und in Defender geändert</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="580"/>
        <source>Error — a change could not be delivered</source>
        <translation>Fehler – eine Änderung konnte nicht übermittelt werden</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="583"/>
        <source>Sync state: %1</source>
        <translation>Synchronisierungsstatus: %1</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="590"/>
        <source>Merged into %1 — its alerts are there.</source>
        <translation>Zusammengeführt in %1 – dort sind seine Warnungen.</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="593"/>
        <source>Merged into Defender incident %1, which is not in the queue yet.</source>
        <translation>Zusammengeführt in Defender-Vorfall %1, der noch nicht in der Warteschlange ist.</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="596"/>
        <source>Merged into another incident.</source>
        <translation>In einen anderen Vorfall zusammengeführt.</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="605"/>
        <source>Merged from %1.</source>
        <translation>Zusammengeführt aus %1.</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="628"/>
        <source>Loading alerts, entities and comments…</source>
        <translation>Warnungen, Entitäten und Kommentare werden geladen…</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="655"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="668"/>
        <source>150+ alerts — showing the first 150.</source>
        <translation>Über 150 Warnungen – die ersten 150 werden angezeigt.</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="669"/>
        <source>%1 of %2 alerts shown.</source>
        <translation>%1 von %2 Warnungen angezeigt.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/incidentdetailview.cpp" line="670"/>
        <source>This incident has %n alerts.</source>
        <translation>
            <numerusform>Dieser Vorfall hat %n Warnung.</numerusform>
            <numerusform>Dieser Vorfall hat %n Warnungen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/incidentdetailview.cpp" line="699"/>
        <source>Loading all %n alerts…</source>
        <translation>
            <numerusform>%n Warnung wird geladen…</numerusform>
            <numerusform>Alle %n Warnungen werden geladen…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="713"/>
        <source>Alerts (%1 of %2)</source>
        <translation>Warnungen (%1 von %2)</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="714"/>
        <source>Alerts (%1)</source>
        <translation>Warnungen (%1)</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="715"/>
        <source>Entities (%1)</source>
        <translation>Entitäten (%1)</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="716"/>
        <source>Comments (%1)</source>
        <translation>Kommentare (%1)</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailhunt.cpp" line="20"/>
        <location filename="../ui/incidentdetailhunt.cpp" line="30"/>
        <source>Hunt</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailhunt.cpp" line="22"/>
        <source>Hunt for the selected alert or entity</source>
        <translation>Nach der ausgewählten Warnung oder Entität suchen</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailhunt.cpp" line="23"/>
        <source>Open the hunting page with a query for the selected alert, device, user, file or IP, over the incident&apos;s time, and run it</source>
        <translation>Suchseite mit einer Abfrage für die ausgewählte Warnung, das Gerät, den Benutzer, die Datei oder die IP im Zeitraum des Vorfalls öffnen und ausführen</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailreading.cpp" line="48"/>
        <source>Filter alerts</source>
        <translation>Warnungen filtern</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailreading.cpp" line="49"/>
        <source>Filter the alerts by title, product, category, MITRE technique or id</source>
        <translation>Die Warnungen nach Titel, Produkt, Kategorie, MITRE-Technik oder ID filtern</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailreading.cpp" line="53"/>
        <source>Filter entities</source>
        <translation>Entitäten filtern</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailreading.cpp" line="54"/>
        <source>Filter the entities by name, detail, verdict or kind</source>
        <translation>Die Entitäten nach Name, Detail, Urteil oder Art filtern</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailreading.cpp" line="102"/>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailreading.cpp" line="103"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailreading.cpp" line="104"/>
        <source>Resolving comment</source>
        <translation>Lösungskommentar</translation>
    </message>
</context>
<context>
    <name>Vigil::IncidentQuery</name>
    <message>
        <location filename="../core/incidentfilter.cpp" line="324"/>
        <source>the quote is not closed</source>
        <translation>das Anführungszeichen ist nicht geschlossen</translation>
    </message>
    <message>
        <location filename="../core/incidentfilter.cpp" line="377"/>
        <source>%1 is not a field; the fields are %2 (quote the term to search for it as text)</source>
        <translation>%1 ist kein Feld; die Felder sind %2 (setzen Sie den Begriff in Anführungszeichen, um ihn als Text zu suchen)</translation>
    </message>
    <message>
        <location filename="../core/incidentfilter.cpp" line="576"/>
        <source>No incident matches %1.</source>
        <translation>Kein Vorfall entspricht %1.</translation>
    </message>
    <message>
        <location filename="../core/incidentfilter.cpp" line="578"/>
        <source>%1 removed the last incident that the terms before it left.</source>
        <translation>%1 hat den letzten Vorfall entfernt, den die Begriffe davor übrig ließen.</translation>
    </message>
    <message>
        <location filename="../core/incidentfilter.cpp" line="579"/>
        <source>%1 removed the last %2 incidents that the terms before it left.</source>
        <translation>%1 hat die letzten %2 Vorfälle entfernt, die die Begriffe davor übrig ließen.</translation>
    </message>
</context>
<context>
    <name>Vigil::IncidentQueueModel</name>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="78"/>
        <source>Synced</source>
        <translation>Synchronisiert</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="80"/>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="82"/>
        <source>Conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="84"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="270"/>
        <source>Someone else is on this incident: %1</source>
        <translation>Jemand anderes arbeitet an diesem Vorfall: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/incidentqueuemodel.cpp" line="273"/>
        <source>%n alerts, all loaded in the detail view.</source>
        <translation>
            <numerusform>%n Warnung, vollständig in der Detailansicht geladen.</numerusform>
            <numerusform>%n Warnungen, alle in der Detailansicht geladen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="278"/>
        <source>New since you last looked</source>
        <translation>Neu seit Ihrem letzten Blick</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="280"/>
        <source>Changed in Defender or by a colleague since you last opened it</source>
        <translation>In Defender oder von einem Kollegen geändert, seit Sie ihn zuletzt geöffnet haben</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/incidentqueuemodel.cpp" line="287"/>
        <source>%n alerts; the detail view shows the first 150.</source>
        <translation>
            <numerusform>%n Warnung; die Detailansicht zeigt die ersten 150.</numerusform>
            <numerusform>%n Warnungen; die Detailansicht zeigt die ersten 150.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="363"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="363"/>
        <source>Incident number</source>
        <translation>Vorfallnummer</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="365"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="367"/>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="369"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="371"/>
        <source>Owner</source>
        <translation>Besitzer</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="373"/>
        <source>Classification</source>
        <translation>Klassifizierung</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="375"/>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="377"/>
        <source>Alerts</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="379"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="381"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="383"/>
        <source>Last updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="385"/>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="387"/>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="387"/>
        <source>Time since the incident was created</source>
        <translation>Zeit seit der Erstellung des Vorfalls</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="390"/>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="391"/>
        <source>Time left to the first triage (status leaves New or an owner is set), by severity</source>
        <translation>Verbleibende Zeit bis zur ersten Triage (Status verlässt „Neu“ oder ein Besitzer wird gesetzt), nach Schweregrad</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="394"/>
        <source>Also on it</source>
        <translation>Auch dabei</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="395"/>
        <source>Colleagues who have the incident open or edited it in the last minutes</source>
        <translation>Kollegen, die den Vorfall geöffnet oder in den letzten Minuten bearbeitet haben</translation>
    </message>
</context>
<context>
    <name>Vigil::KqlEditor</name>
    <message>
        <location filename="../ui/hunting/kqleditor.cpp" line="29"/>
        <source>table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <location filename="../ui/hunting/kqleditor.cpp" line="31"/>
        <source>column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <location filename="../ui/hunting/kqleditor.cpp" line="33"/>
        <source>operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../ui/hunting/kqleditor.cpp" line="35"/>
        <source>function</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <location filename="../ui/hunting/kqleditor.cpp" line="37"/>
        <source>aggregate</source>
        <translation>Aggregat</translation>
    </message>
    <message>
        <location filename="../ui/hunting/kqleditor.cpp" line="41"/>
        <source>keyword</source>
        <translation>Schlüsselwort</translation>
    </message>
    <message>
        <location filename="../ui/hunting/kqleditor.cpp" line="55"/>
        <source>KQL query</source>
        <translation>KQL-Abfrage</translation>
    </message>
    <message>
        <location filename="../ui/hunting/kqleditor.cpp" line="60"/>
        <source>DeviceProcessEvents
| where Timestamp &gt; ago(1d)
| take 100

Ctrl+Enter runs the query (or the selection), Shift+Enter the block at the cursor, Esc cancels, Ctrl+Space completes.</source>
        <translation>DeviceProcessEvents
| where Timestamp &gt; ago(1d)
| take 100

Strg+Eingabe führt die Abfrage (oder die Auswahl) aus, Umschalt+Eingabe den Block am Cursor, Esc bricht ab, Strg+Leertaste vervollständigt.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/kqleditor.cpp" line="161"/>
        <source>Line %1, column %2: %3</source>
        <translation>Zeile %1, Spalte %2: %3</translation>
    </message>
</context>
<context>
    <name>Vigil::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="65"/>
        <source>Vigil — Microsoft 365 Defender incidents</source>
        <translation>Vigil – Microsoft 365 Defender-Vorfälle</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="101"/>
        <location filename="../ui/mainwindow.cpp" line="268"/>
        <source>Sync now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="103"/>
        <source>Try the sync again now</source>
        <translation>Synchronisierung jetzt erneut versuchen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="106"/>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="108"/>
        <source>Hide this message</source>
        <translation>Diese Meldung ausblenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="149"/>
        <source>Opening the incident store…</source>
        <translation>Vorfallspeicher wird geöffnet…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="149"/>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="152"/>
        <source>Sync status</source>
        <translation>Synchronisierungsstatus</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="157"/>
        <source>Incidents shown</source>
        <translation>Angezeigte Vorfälle</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="173"/>
        <source>Show the edits waiting to be sent (G O)</source>
        <translation>Die Änderungen anzeigen, die auf das Senden warten (G O)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="207"/>
        <source>Your value on incident #%1 was not applied again: %2</source>
        <translation>Ihr Wert für Vorfall #%1 wurde nicht erneut angewendet: %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="243"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="245"/>
        <source>&amp;Import hunting data…</source>
        <translation>Suchdaten &amp;importieren…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="275"/>
        <location filename="../ui/mainwindowqueue.cpp" line="63"/>
        <source>Quick filter</source>
        <translation>Schnellfilter</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowqueue.cpp" line="65"/>
        <source>Filter: words, host names, severity:high status:new,active owner:me age:&lt;4h  ( / )</source>
        <translation>Filter: Wörter, Hostnamen, severity:high status:new,active owner:me age:&lt;4h  ( / )</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowqueue.cpp" line="68"/>
        <source>Words match the number, title, owner, tags, alert titles and evidence names.
Fields: severity, status, classification, owner (me, none), tag, provider (m365d, rule), product (MDE, MDI, MDO, MCAS, …), age and updated (&lt;4h, &gt;2d), has (duplicate, comment, conflict, pending, error, merged).
Terms combine with AND; a comma is OR within a field; -term excludes; &quot;quotes&quot; keep a phrase together.</source>
        <translation>Wörter passen auf Nummer, Titel, Besitzer, Tags, Warnungstitel und Namen von Beweisen.
Felder: severity, status, classification, owner (me, none), tag, provider (m365d, rule), product (MDE, MDI, MDO, MCAS, …), age und updated (&lt;4h, &gt;2d), has (duplicate, comment, conflict, pending, error, merged).
Begriffe werden mit UND verknüpft; ein Komma bedeutet ODER innerhalb eines Felds; -Begriff schließt aus; &quot;Anführungszeichen&quot; halten eine Wortgruppe zusammen.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowqueue.cpp" line="95"/>
        <source>Incident queue</source>
        <translation>Vorfallwarteschlange</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowqueue.cpp" line="220"/>
        <source>Not applied: %1</source>
        <translation>Nicht angewendet: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowqueue.cpp" line="226"/>
        <source>No incident matches the filter.</source>
        <translation>Kein Vorfall entspricht dem Filter.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowqueue.cpp" line="228"/>
        <source>Remove that term, or press Esc in the filter to clear it.</source>
        <translation>Entfernen Sie diesen Begriff, oder drücken Sie Esc im Filter, um ihn zu leeren.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="260"/>
        <source>Open in Microsoft 365 Defender</source>
        <translation>In Microsoft 365 Defender öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="264"/>
        <source>Open the selected incident in the Defender portal (O)</source>
        <translation>Ausgewählten Vorfall im Defender-Portal öffnen (O)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="271"/>
        <source>Pull changes from Microsoft 365 Defender now (R)</source>
        <translation>Änderungen jetzt aus Microsoft 365 Defender abrufen (R)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="280"/>
        <source>Next incident</source>
        <translation>Nächster Vorfall</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="285"/>
        <source>Previous incident</source>
        <translation>Vorheriger Vorfall</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="290"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="296"/>
        <source>Back to the queue</source>
        <translation>Zurück zur Warteschlange</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="315"/>
        <source>Set &amp;status…</source>
        <translation>&amp;Status festlegen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="316"/>
        <source>Set the status of the selected incidents</source>
        <translation>Status der ausgewählten Vorfälle festlegen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="318"/>
        <source>&amp;Assign to me</source>
        <translation>&amp;Mir zuweisen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="319"/>
        <source>Assign the selected incidents to me</source>
        <translation>Ausgewählte Vorfälle mir zuweisen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="321"/>
        <source>Assign &amp;to…</source>
        <translation>&amp;Zuweisen an…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="322"/>
        <source>Assign the selected incidents to someone, or unassign them</source>
        <translation>Ausgewählte Vorfälle jemandem zuweisen oder ihre Zuweisung aufheben</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="324"/>
        <source>&amp;Close with classification…</source>
        <translation>Mit Klassifizierung s&amp;chließen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="325"/>
        <source>Close the selected incidents with a classification</source>
        <translation>Ausgewählte Vorfälle mit einer Klassifizierung schließen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="327"/>
        <source>Ta&amp;gs…</source>
        <translation>&amp;Tags…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="328"/>
        <source>Add or remove tags of the selected incidents</source>
        <translation>Tags der ausgewählten Vorfälle hinzufügen oder entfernen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="330"/>
        <source>Co&amp;mment…</source>
        <translation>&amp;Kommentieren…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="331"/>
        <source>Comment on the selected incidents</source>
        <translation>Ausgewählte Vorfälle kommentieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="333"/>
        <source>Mark / unmark incident</source>
        <translation>Vorfall markieren / Markierung aufheben</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="334"/>
        <source>Add the incident to the selection or take it out</source>
        <translation>Vorfall zur Auswahl hinzufügen oder daraus entfernen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="336"/>
        <source>Extend selection down</source>
        <translation>Auswahl nach unten erweitern</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="337"/>
        <source>Select the next incident too</source>
        <translation>Auch den nächsten Vorfall auswählen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="339"/>
        <source>Extend selection up</source>
        <translation>Auswahl nach oben erweitern</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="340"/>
        <source>Select the previous incident too</source>
        <translation>Auch den vorherigen Vorfall auswählen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="343"/>
        <source>&amp;Queue</source>
        <translation>&amp;Warteschlange</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="346"/>
        <source>Go to the incident queue (G Q)</source>
        <translation>Zur Vorfall-Warteschlange wechseln (G Q)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="348"/>
        <source>C&amp;onnector</source>
        <translation>K&amp;onnektor</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="352"/>
        <source>Go to the connector page: connection, health and incident creation rules (G C)</source>
        <translation>Zur Konnektor-Seite wechseln: Verbindung, Zustand und Regeln zur Vorfallerstellung (G C)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="354"/>
        <source>&amp;Hunting</source>
        <translation>&amp;Suche</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="357"/>
        <source>Go to the hunting page: KQL queries over the local events (G H)</source>
        <translation>Zur Suchseite wechseln: KQL-Abfragen über die lokalen Ereignisse (G H)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="370"/>
        <source>Vi&amp;gil</source>
        <translation>Vi&amp;gil</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="375"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="388"/>
        <source>Columns…</source>
        <translation>Spalten…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="394"/>
        <source>&amp;Incident</source>
        <translation>V&amp;orfall</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="401"/>
        <source>Main</source>
        <translation>Hauptsymbolleiste</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="459"/>
        <source>Incident #%1 has no Microsoft 365 Defender incident to open.</source>
        <translation>Vorfall #%1 hat keinen Microsoft 365 Defender-Vorfall, der geöffnet werden kann.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="467"/>
        <location filename="../ui/mainwindowreading.cpp" line="66"/>
        <source>No web browser could be started for %1. Copy the address and open it yourself.</source>
        <translation>Für %1 konnte kein Webbrowser gestartet werden. Kopieren Sie die Adresse und öffnen Sie sie selbst.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="503"/>
        <source>Incident store opened; waiting for the first sync…</source>
        <translation>Vorfallspeicher geöffnet; warte auf die erste Synchronisierung…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="565"/>
        <source>The alerts of incident #%1 could not be loaded. </source>
        <translation>Die Warnungen von Vorfall #%1 konnten nicht geladen werden. </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="582"/>
        <source>Up to date</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="585"/>
        <source>Syncing…</source>
        <translation>Wird synchronisiert…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="593"/>
        <source>Waiting %1 before the next call (until %2)</source>
        <translation>Warten vor dem nächsten Aufruf: %1 (bis %2)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="599"/>
        <source>Waiting before the next call</source>
        <translation>Warten vor dem nächsten Aufruf</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="603"/>
        <source>Offline — showing the local copy</source>
        <translation>Offline – lokale Kopie wird angezeigt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="606"/>
        <source>Sync error</source>
        <translation>Synchronisierungsfehler</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="610"/>
        <source>Last sync %1</source>
        <translation>Zuletzt synchronisiert um %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="614"/>
        <source>Not synced yet</source>
        <translation>Noch nicht synchronisiert</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="620"/>
        <source>Changes pulled up to %1</source>
        <translation>Änderungen abgerufen bis %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="626"/>
        <source>Graph calls %1/%2 per min</source>
        <translation>Graph-Aufrufe %1/%2 pro Min.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="639"/>
        <source>The last sync failed. </source>
        <translation>Die letzte Synchronisierung ist fehlgeschlagen. </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="645"/>
        <source>Vigil cannot show incidents. </source>
        <translation>Vigil kann keine Vorfälle anzeigen. </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="647"/>
        <source>Incident store unavailable</source>
        <translation>Vorfallspeicher nicht verfügbar</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="665"/>
        <source>1 incident</source>
        <translation>1 Vorfall</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="665"/>
        <source>%1 incidents</source>
        <translation>%1 Vorfälle</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="670"/>
        <source>%1 of %2</source>
        <comment>shown of total incidents</comment>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowqueue.cpp" line="361"/>
        <source>Reset columns</source>
        <translation>Spalten zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowtriage.cpp" line="133"/>
        <source>Assign to me</source>
        <translation>Mir zuweisen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowtriage.cpp" line="147"/>
        <source>Incident #%1 was not assigned to you: %2</source>
        <translation>Vorfall #%1 wurde Ihnen nicht zugewiesen: %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowtriage.cpp" line="213"/>
        <source>Change to #%1 queued for Microsoft 365 Defender.</source>
        <translation>Änderung an #%1 für Microsoft 365 Defender in die Warteschlange gestellt.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowtriage.cpp" line="215"/>
        <source>Change to %1 incidents queued for Microsoft 365 Defender.</source>
        <translation>Änderung an %1 Vorfällen für Microsoft 365 Defender in die Warteschlange gestellt.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowtriage.cpp" line="228"/>
        <source>Defender refused the change to #%1: %2. The incident shows its previous values again.</source>
        <translation>Defender hat die Änderung an #%1 abgelehnt: %2. Der Vorfall zeigt wieder seine vorherigen Werte.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="785"/>
        <source>1 change waiting to be sent</source>
        <translation>1 Änderung wartet auf das Senden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="786"/>
        <source>%1 changes waiting to be sent</source>
        <translation>%1 Änderungen warten auf das Senden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowviews.cpp" line="70"/>
        <source>View: %1</source>
        <translation>Ansicht: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowviews.cpp" line="76"/>
        <source>&amp;Then sort by</source>
        <translation>&amp;Dann sortieren nach</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowviews.cpp" line="91"/>
        <source>Saved vie&amp;ws</source>
        <translation>Gespeicherte Ansi&amp;chten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowviews.cpp" line="115"/>
        <source>&amp;Save current view…</source>
        <translation>Aktuelle Ansicht &amp;speichern…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowviews.cpp" line="117"/>
        <source>&amp;Default view</source>
        <translation>S&amp;tandardansicht</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowviews.cpp" line="138"/>
        <source>&amp;Rename view…</source>
        <translation>Ansicht &amp;umbenennen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowviews.cpp" line="139"/>
        <source>D&amp;elete view…</source>
        <translation>Ansicht &amp;löschen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowviews.cpp" line="140"/>
        <source>E&amp;xport views…</source>
        <translation>Ansichten e&amp;xportieren…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowviews.cpp" line="142"/>
        <source>Export views</source>
        <translation>Ansichten exportieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowviews.cpp" line="142"/>
        <source>vigil-views.json</source>
        <translation>vigil-views.json</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowviews.cpp" line="142"/>
        <location filename="../ui/mainwindowviews.cpp" line="148"/>
        <source>Vigil views (*.json)</source>
        <translation>Vigil-Ansichten (*.json)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowviews.cpp" line="144"/>
        <source>Views exported to %1</source>
        <translation>Ansichten nach %1 exportiert</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowviews.cpp" line="146"/>
        <source>&amp;Import views…</source>
        <translation>Ansichten &amp;importieren…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowviews.cpp" line="147"/>
        <source>Import views</source>
        <translation>Ansichten importieren</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindowviews.cpp" line="153"/>
        <source>%n view(s) imported</source>
        <translation>
            <numerusform>%n Ansicht importiert</numerusform>
            <numerusform>%n Ansichten importiert</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindowviews.cpp" line="162"/>
        <source>Save view</source>
        <translation>Ansicht speichern</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowviews.cpp" line="163"/>
        <source>Name of the view (an existing name is replaced):</source>
        <translation>Name der Ansicht (ein vorhandener Name wird ersetzt):</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowviews.cpp" line="181"/>
        <location filename="../ui/mainwindowviews.cpp" line="184"/>
        <source>Rename view</source>
        <translation>Ansicht umbenennen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowviews.cpp" line="181"/>
        <source>View:</source>
        <translation>Ansicht:</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowviews.cpp" line="184"/>
        <source>New name:</source>
        <translation>Neuer Name:</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowviews.cpp" line="189"/>
        <source>The view could not be renamed: the new name is empty or taken.</source>
        <translation>Die Ansicht konnte nicht umbenannt werden: Der neue Name ist leer oder bereits vergeben.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowviews.cpp" line="202"/>
        <source>Delete view</source>
        <translation>Ansicht löschen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowviews.cpp" line="202"/>
        <source>View to delete:</source>
        <translation>Zu löschende Ansicht:</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowviews.cpp" line="214"/>
        <source>The views could not be written to %1: %2</source>
        <translation>Die Ansichten konnten nicht in %1 geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowviews.cpp" line="226"/>
        <source>%1 could not be read as a views file.</source>
        <translation>%1 konnte nicht als Ansichtsdatei gelesen werden.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowviews.cpp" line="232"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="130"/>
        <source>&amp;Mark all as seen</source>
        <translation>Alle als gesehen &amp;markieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="132"/>
        <source>Take the new and changed marks off every incident</source>
        <translation>Die Markierungen „neu“ und „geändert“ von allen Vorfällen entfernen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="135"/>
        <location filename="../ui/mainwindowhabits.cpp" line="257"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="141"/>
        <source>&amp;Re-sort the queue</source>
        <translation>Warteschlange neu so&amp;rtieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="144"/>
        <source>Put the rows that changed in their place (Shift+R)</source>
        <translation>Die geänderten Zeilen an ihren Platz bringen (Umschalt+R)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="147"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkombinationen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="156"/>
        <source>&amp;Command palette…</source>
        <translation>Befehls&amp;palette…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="161"/>
        <source>&amp;Export view…</source>
        <translation>Ansicht &amp;exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="165"/>
        <source>Save the incidents the queue shows, as it shows them, to CSV or JSON</source>
        <translation>Die Vorfälle, die die Warteschlange zeigt, so wie sie sie zeigt, als CSV oder JSON speichern</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="175"/>
        <source>Rows in italics have changed place · Shift+R sorts</source>
        <translation>Kursive Zeilen haben ihren Platz geändert · Umschalt+R sortiert</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="183"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="189"/>
        <source>T&amp;heme</source>
        <translation>&amp;Design</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="211"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="258"/>
        <source>&amp;Undo: %1</source>
        <translation>&amp;Rückgängig: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="262"/>
        <source>Then, with Ctrl+Z again</source>
        <translation>Danach, erneut mit Strg+Z</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="285"/>
        <source>#%1: %2</source>
        <translation>#%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="295"/>
        <source>Undo could not put everything back. %1</source>
        <translation>Rückgängig machen konnte nicht alles wiederherstellen. %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="300"/>
        <source>Undone: %1</source>
        <translation>Rückgängig gemacht: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="313"/>
        <source>Reopen closed incidents?</source>
        <translation>Geschlossene Vorfälle wieder öffnen?</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="314"/>
        <source>1 of the %1 incidents is closed. This edit reopens it.</source>
        <translation>1 der %1 Vorfälle ist geschlossen. Diese Änderung öffnet ihn wieder.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="317"/>
        <source>%1 of the %2 incidents are closed. This edit reopens them.</source>
        <translation>%1 der %2 Vorfälle sind geschlossen. Diese Änderung öffnet sie wieder.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="324"/>
        <source>Reopen 1 incident</source>
        <translation>1 Vorfall wieder öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="325"/>
        <source>Reopen %1 incidents</source>
        <translation>%1 Vorfälle wieder öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="449"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="450"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="452"/>
        <source>Export view</source>
        <translation>Ansicht exportieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="487"/>
        <source>View saved to %1</source>
        <translation>Ansicht in %1 gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="547"/>
        <source>The view could not be saved to %1: %2</source>
        <translation>Die Ansicht konnte nicht in %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowoutbox.cpp" line="24"/>
        <source>O&amp;utbox</source>
        <translation>&amp;Postausgang</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowoutbox.cpp" line="28"/>
        <source>Go to the outbox: edits not yet accepted by Microsoft 365 Defender (G O)</source>
        <translation>Zum Postausgang: Änderungen, die Microsoft 365 Defender noch nicht angenommen hat (G O)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowreading.cpp" line="40"/>
        <source>Show the &amp;detail pane</source>
        <translation>Detailbereich an&amp;zeigen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowreading.cpp" line="44"/>
        <source>Hide the detail pane to give the queue the whole width</source>
        <translation>Den Detailbereich ausblenden, um der Warteschlange die ganze Breite zu geben</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowreading.cpp" line="46"/>
        <source>Detail pane &amp;below the queue</source>
        <translation>Detailbereich &amp;unter der Warteschlange</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowreading.cpp" line="49"/>
        <source>Show the detail pane under the queue instead of beside it</source>
        <translation>Den Detailbereich unter statt neben der Warteschlange anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowreading.cpp" line="59"/>
        <source>This alert has no Microsoft 365 Defender link that may be opened.</source>
        <translation>Diese Warnung hat keinen Microsoft 365 Defender-Link, der geöffnet werden darf.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowteam.cpp" line="67"/>
        <source>Sync leader: %1</source>
        <translation>Synchronisierungsleiter: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowteam.cpp" line="70"/>
        <source>%1 (leader)</source>
        <translation>%1 (Leiter)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowtime.cpp" line="49"/>
        <source>&amp;Dashboard</source>
        <translation>Dash&amp;board</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowtime.cpp" line="53"/>
        <source>Go to the dashboard: incidents over time, the queue by age and SLA, closures, mean times (G D)</source>
        <translation>Zum Dashboard: Vorfälle im Zeitverlauf, die Warteschlange nach Alter und SLA, Schließungen, mittlere Zeiten (G D)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowtime.cpp" line="71"/>
        <source>Do &amp;not disturb</source>
        <translation>&amp;Nicht stören</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowtime.cpp" line="74"/>
        <source>No desktop notifications for new High incidents and SLA breaches</source>
        <translation>Keine Desktop-Benachrichtigungen für neue Vorfälle mit Schweregrad „Hoch“ und SLA-Verstöße</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowtime.cpp" line="80"/>
        <source>&amp;SLA targets…</source>
        <translation>&amp;SLA-Ziele…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowtime.cpp" line="88"/>
        <source>Show Vigil</source>
        <translation>Vigil anzeigen</translation>
    </message>
</context>
<context>
    <name>Vigil::OutboxPage</name>
    <message>
        <location filename="../ui/outboxpage.cpp" line="64"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="66"/>
        <source>Owner</source>
        <translation>Besitzer</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="68"/>
        <source>Classification</source>
        <translation>Klassifizierung</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="70"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="72"/>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="74"/>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="76"/>
        <location filename="../ui/outboxpage.cpp" line="132"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="87"/>
        <source>(unassigned)</source>
        <translation>(nicht zugewiesen)</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="94"/>
        <source>(no tags)</source>
        <translation>(keine Tags)</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="118"/>
        <source>Outbox: edits Microsoft 365 Defender has not accepted yet</source>
        <translation>Postausgang: Änderungen, die Microsoft 365 Defender noch nicht angenommen hat</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="132"/>
        <source>Incident</source>
        <translation>Vorfall</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="132"/>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="132"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="132"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="133"/>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="133"/>
        <source>Next attempt</source>
        <translation>Nächster Versuch</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="133"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="159"/>
        <source>&amp;Retry now</source>
        <translation>&amp;Jetzt erneut versuchen</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="161"/>
        <source>Send the selected incident&apos;s edits to Microsoft 365 Defender now</source>
        <translation>Die Änderungen des ausgewählten Vorfalls jetzt an Microsoft 365 Defender senden</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="162"/>
        <source>&amp;Discard…</source>
        <translation>&amp;Verwerfen…</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="164"/>
        <source>Drop the selected incident&apos;s edits unsent; it shows Microsoft 365 Defender&apos;s values again</source>
        <translation>Die Änderungen des ausgewählten Vorfalls ungesendet verwerfen; er zeigt wieder die Werte von Microsoft 365 Defender</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="188"/>
        <source>Discarded the edit of incident #%1; it shows Microsoft 365 Defender&apos;s values again.</source>
        <translation>Die Änderung von Vorfall #%1 wurde verworfen; er zeigt wieder die Werte von Microsoft 365 Defender.</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="191"/>
        <source>Discarded %1 edits of incident #%2; it shows Microsoft 365 Defender&apos;s values again.</source>
        <translation>%1 Änderungen von Vorfall #%2 wurden verworfen; er zeigt wieder die Werte von Microsoft 365 Defender.</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="199"/>
        <source>The edits of incident #%1 were not discarded: %2</source>
        <translation>Die Änderungen von Vorfall #%1 wurden nicht verworfen: %2</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="238"/>
        <source>Waiting behind a failed edit</source>
        <translation>Wartet hinter einer fehlgeschlagenen Änderung</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="240"/>
        <source>Waiting for sign-in</source>
        <translation>Wartet auf Anmeldung</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="242"/>
        <source>Failed, retrying</source>
        <translation>Fehlgeschlagen, neuer Versuch</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="244"/>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="249"/>
        <source>after sign-in</source>
        <translation>nach der Anmeldung</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="256"/>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="277"/>
        <source>No edits wait: Microsoft 365 Defender has every change.</source>
        <translation>Keine Änderungen warten: Microsoft 365 Defender hat jede Änderung.</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="279"/>
        <source>1 edit</source>
        <translation>1 Änderung</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="279"/>
        <source>%1 edits</source>
        <translation>%1 Änderungen</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="280"/>
        <location filename="../ui/outboxpage.cpp" line="288"/>
        <source>1 incident</source>
        <translation>1 Vorfall</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="280"/>
        <location filename="../ui/outboxpage.cpp" line="289"/>
        <source>%1 incidents</source>
        <translation>%1 Vorfälle</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="281"/>
        <source>%1 of %2 waiting to be sent.</source>
        <translation>Noch nicht gesendet: %1 (%2).</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="286"/>
        <source>Failed: %1 (each retried on its own back-off, without holding back the others).</source>
        <translation>Fehlgeschlagen: %1 (jeder mit eigener Wartezeit erneut versucht, ohne die anderen aufzuhalten).</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="309"/>
        <source>Sending the edits of incident #%1 now…</source>
        <translation>Die Änderungen von Vorfall #%1 werden jetzt gesendet…</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="325"/>
        <source>Discard edits</source>
        <translation>Änderungen verwerfen</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="326"/>
        <source>Discard the unsent edit of incident #%1?</source>
        <translation>Die ungesendete Änderung von Vorfall #%1 verwerfen?</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="327"/>
        <source>Discard the %1 unsent edits of incident #%2?</source>
        <translation>Die %1 ungesendeten Änderungen von Vorfall #%2 verwerfen?</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="329"/>
        <source>They are never sent, and the incident shows Microsoft 365 Defender&apos;s values again. This cannot be undone.</source>
        <translation>Sie werden nie gesendet, und der Vorfall zeigt wieder die Werte von Microsoft 365 Defender. Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
</context>
<context>
    <name>Vigil::OutboxPusher</name>
    <message>
        <location filename="../sync/outboxpusher.cpp" line="461"/>
        <source>The incident store is not open.</source>
        <translation>Der Vorfallspeicher ist nicht geöffnet.</translation>
    </message>
    <message>
        <location filename="../sync/outboxpusher.cpp" line="464"/>
        <source>The edits of incident #%1 are on their way to Microsoft 365 Defender; try again when they are answered.</source>
        <translation>Die Änderungen von Vorfall #%1 sind unterwegs zu Microsoft 365 Defender; versuchen Sie es erneut, wenn sie beantwortet sind.</translation>
    </message>
    <message>
        <location filename="../sync/outboxpusher.cpp" line="482"/>
        <source>Another Vigil is delivering the outbox; try again in a moment.</source>
        <translation>Ein anderes Vigil stellt den Postausgang zu; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <location filename="../sync/outboxpusher.cpp" line="500"/>
        <source>Discarded before Microsoft 365 Defender accepted it.</source>
        <translation>Verworfen, bevor Microsoft 365 Defender sie angenommen hat.</translation>
    </message>
</context>
<context>
    <name>Vigil::QueryLibraryPanel</name>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="51"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="52"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="75"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="80"/>
        <source>Clear history…</source>
        <translation>Verlauf löschen…</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="89"/>
        <source>When (UTC)</source>
        <translation>Zeitpunkt (UTC)</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="89"/>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="100"/>
        <source>Query</source>
        <translation>Abfrage</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="89"/>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="89"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="89"/>
        <source>Where</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="89"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="100"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="100"/>
        <source>Changed (UTC)</source>
        <translation>Geändert (UTC)</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="113"/>
        <source>Save current query…</source>
        <translation>Aktuelle Abfrage speichern…</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="116"/>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="117"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="118"/>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="119"/>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="122"/>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="137"/>
        <source>The query library could not be opened: %1</source>
        <translation>Die Abfragebibliothek konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="142"/>
        <source>Saved as &quot;%1&quot;.</source>
        <translation>Als „%1“ gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="148"/>
        <source>1 query imported.</source>
        <translation>1 Abfrage importiert.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="149"/>
        <source>%1 queries imported.</source>
        <translation>%1 Abfragen importiert.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="156"/>
        <source>Exported to %1.</source>
        <translation>Nach %1 exportiert.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="184"/>
        <source>Search names and query text</source>
        <translation>Namen und Abfragetext durchsuchen</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="228"/>
        <source>There is no query to save.</source>
        <translation>Es gibt keine Abfrage zum Speichern.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="232"/>
        <source>Save query</source>
        <translation>Abfrage speichern</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="232"/>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="275"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="239"/>
        <source>Replace saved query</source>
        <translation>Gespeicherte Abfrage ersetzen</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="240"/>
        <source>A saved query is already named &quot;%1&quot;. Replace its text with the current query?</source>
        <translation>Es gibt bereits eine gespeicherte Abfrage namens „%1“. Ihren Text durch die aktuelle Abfrage ersetzen?</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="275"/>
        <source>Rename saved query</source>
        <translation>Gespeicherte Abfrage umbenennen</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="284"/>
        <source>A saved query needs a name.</source>
        <translation>Eine gespeicherte Abfrage braucht einen Namen.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="297"/>
        <source>Delete saved query</source>
        <translation>Gespeicherte Abfrage löschen</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="298"/>
        <source>Delete the saved query &quot;%1&quot;?</source>
        <translation>Die gespeicherte Abfrage „%1“ löschen?</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="307"/>
        <source>Import queries</source>
        <translation>Abfragen importieren</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="307"/>
        <source>KQL queries (*.kql);;All files (*)</source>
        <translation>KQL-Abfragen (*.kql);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="319"/>
        <source>Export query</source>
        <translation>Abfrage exportieren</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="320"/>
        <source>KQL queries (*.kql)</source>
        <translation>KQL-Abfragen (*.kql)</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="333"/>
        <source>Clear history</source>
        <translation>Verlauf löschen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="334"/>
        <source>Remove the %n run(s) in the history? Saved queries stay.</source>
        <translation>
            <numerusform>Die %n Ausführung im Verlauf entfernen? Gespeicherte Abfragen bleiben erhalten.</numerusform>
            <numerusform>Die %n Ausführungen im Verlauf entfernen? Gespeicherte Abfragen bleiben erhalten.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="356"/>
        <source>Defender</source>
        <translation>Defender</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="356"/>
        <source>this machine</source>
        <translation>dieser Computer</translation>
    </message>
</context>
<context>
    <name>Vigil::SavedViews</name>
    <message>
        <location filename="../ui/savedviews.cpp" line="177"/>
        <source>The file does not hold Vigil views.</source>
        <translation>Die Datei enthält keine Vigil-Ansichten.</translation>
    </message>
</context>
<context>
    <name>Vigil::SchemaBrowser</name>
    <message>
        <location filename="../ui/hunting/schemabrowser.cpp" line="51"/>
        <source>Filter tables and columns</source>
        <translation>Tabellen und Spalten filtern</translation>
    </message>
    <message>
        <location filename="../ui/hunting/schemabrowser.cpp" line="75"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/hunting/schemabrowser.cpp" line="75"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../ui/hunting/schemabrowser.cpp" line="75"/>
        <source>Local rows</source>
        <translation>Lokale Zeilen</translation>
    </message>
    <message>
        <location filename="../ui/hunting/schemabrowser.cpp" line="75"/>
        <source>Time range (UTC)</source>
        <translation>Zeitraum (UTC)</translation>
    </message>
    <message>
        <location filename="../ui/hunting/schemabrowser.cpp" line="130"/>
        <source>The local row counts could not be read: %1</source>
        <translation>Die lokalen Zeilenzahlen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/hunting/schemabrowser.cpp" line="167"/>
        <source>table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <location filename="../ui/hunting/schemabrowser.cpp" line="176"/>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <location filename="../ui/hunting/schemabrowser.cpp" line="178"/>
        <source>%1: %2 rows held on this machine</source>
        <translation>%1: %2 Zeilen auf diesem Computer</translation>
    </message>
    <message>
        <location filename="../ui/hunting/schemabrowser.cpp" line="181"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../ui/hunting/schemabrowser.cpp" line="184"/>
        <source>%1: no rows on this machine; run it in Defender</source>
        <translation>%1: keine Zeilen auf diesem Computer; führen Sie die Abfrage in Defender aus</translation>
    </message>
    <message>
        <location filename="../ui/hunting/schemabrowser.cpp" line="191"/>
        <source>%1 (JSON text)</source>
        <translation>%1 (JSON-Text)</translation>
    </message>
</context>
<context>
    <name>Vigil::SlaDialog</name>
    <message>
        <location filename="../ui/sladialog.cpp" line="22"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../ui/sladialog.cpp" line="23"/>
        <source>No target</source>
        <translation>Kein Ziel</translation>
    </message>
    <message>
        <location filename="../ui/sladialog.cpp" line="33"/>
        <source>SLA targets</source>
        <translation>SLA-Ziele</translation>
    </message>
    <message>
        <location filename="../ui/sladialog.cpp" line="35"/>
        <source>How long a new incident may wait for its first triage: its status leaves New or an owner is set. The queue&apos;s SLA column counts down to it and marks overdue incidents.</source>
        <translation>Wie lange ein neuer Vorfall auf seine erste Triage warten darf: Sein Status verlässt „Neu“ oder ein Besitzer wird gesetzt. Die SLA-Spalte der Warteschlange zählt bis dahin herunter und markiert überfällige Vorfälle.</translation>
    </message>
    <message>
        <location filename="../ui/sladialog.cpp" line="45"/>
        <source>&amp;High:</source>
        <translation>&amp;Hoch:</translation>
    </message>
    <message>
        <location filename="../ui/sladialog.cpp" line="46"/>
        <source>&amp;Medium:</source>
        <translation>&amp;Mittel:</translation>
    </message>
    <message>
        <location filename="../ui/sladialog.cpp" line="47"/>
        <source>&amp;Low:</source>
        <translation>&amp;Niedrig:</translation>
    </message>
    <message>
        <location filename="../ui/sladialog.cpp" line="48"/>
        <source>&amp;Informational:</source>
        <translation>&amp;Informativ:</translation>
    </message>
</context>
<context>
    <name>Vigil::StatusDialog</name>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="214"/>
        <location filename="../ui/triagedialogs.cpp" line="245"/>
        <source>Set status</source>
        <translation>Status festlegen</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="215"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="227"/>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="227"/>
        <source>Status New</source>
        <translation>Status Neu</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="228"/>
        <source>&amp;Active</source>
        <translation>&amp;Aktiv</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="228"/>
        <source>Status Active</source>
        <translation>Status Aktiv</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="229"/>
        <source>&amp;Closed…</source>
        <translation>&amp;Geschlossen…</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="230"/>
        <source>Status Closed, asks for a classification</source>
        <translation>Status Geschlossen, fragt nach einer Klassifizierung</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="251"/>
        <source>Choose a status: New, Active or Closed.</source>
        <translation>Wählen Sie einen Status: Neu, Aktiv oder Geschlossen.</translation>
    </message>
</context>
<context>
    <name>Vigil::StorageAccountBox</name>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="41"/>
        <source>Storage account</source>
        <translation>Speicherkonto</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="47"/>
        <source>The Azure Storage account that the Defender streaming API writes advanced hunting events to. Vigil reads what is new every 5 minutes.</source>
        <translation>Das Azure Storage-Konto, in das die Defender-Streaming-API Ereignisse der erweiterten Suche schreibt. Vigil liest alle 5 Minuten, was neu ist.</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="53"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="54"/>
        <source>Account:</source>
        <translation>Konto:</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="56"/>
        <source>Last pass</source>
        <translation>Letzter Durchlauf</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="57"/>
        <source>none yet</source>
        <translation>noch keiner</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="58"/>
        <source>Last pass:</source>
        <translation>Letzter Durchlauf:</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="66"/>
        <source>Connect…</source>
        <translation>Verbinden…</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="67"/>
        <source>Disconnect</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="68"/>
        <source>Pull now</source>
        <translation>Jetzt abrufen</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="69"/>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="85"/>
        <source>Account URL:</source>
        <translation>Konto-URL:</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="88"/>
        <source>SAS token</source>
        <translation>SAS-Token</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="89"/>
        <source>Account key</source>
        <translation>Kontoschlüssel</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="90"/>
        <source>Credential:</source>
        <translation>Anmeldeinformation:</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="94"/>
        <source>kept in the system keychain</source>
        <translation>im Schlüsselbund des Systems gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="95"/>
        <source>Secret:</source>
        <translation>Geheimnis:</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="97"/>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="99"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="129"/>
        <source>Disconnecting…</source>
        <translation>Verbindung wird getrennt…</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="166"/>
        <source>%1: %2, %3, %4</source>
        <translation>%1: %2, %3, %4</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/storageaccountbox.cpp" line="168"/>
        <source>%Ln row(s) stored</source>
        <translation>
            <numerusform>%Ln Zeile gespeichert</numerusform>
            <numerusform>%Ln Zeilen gespeichert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/storageaccountbox.cpp" line="169"/>
        <source>%Ln duplicate(s) skipped</source>
        <translation>
            <numerusform>%Ln Duplikat übersprungen</numerusform>
            <numerusform>%Ln Duplikate übersprungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/storageaccountbox.cpp" line="170"/>
        <source>%Ln line(s) rejected</source>
        <translation>
            <numerusform>%Ln Zeile abgelehnt</numerusform>
            <numerusform>%Ln Zeilen abgelehnt</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="172"/>
        <source>; %1 of %2 tables not streamed to this account</source>
        <translation>; %1 von %2 Tabellen werden nicht an dieses Konto gestreamt</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="176"/>
        <source> (stopped)</source>
        <translation> (angehalten)</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="178"/>
        <source> (stopped early)</source>
        <translation> (vorzeitig angehalten)</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="191"/>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="193"/>
        <source>%1 (the demo tenant&apos;s storage account)</source>
        <translation>%1 (das Speicherkonto des Demo-Mandanten)</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="195"/>
        <source>%1 (from VIGIL_STORAGE_URL, which wins over a saved account)</source>
        <translation>%1 (aus VIGIL_STORAGE_URL, das Vorrang vor einem gespeicherten Konto hat)</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="200"/>
        <source>The storage account cannot be used: %1</source>
        <translation>Das Speicherkonto kann nicht verwendet werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="224"/>
        <source>Give the account URL and its SAS token or account key.</source>
        <translation>Geben Sie die Konto-URL und ihr SAS-Token oder den Kontoschlüssel an.</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="227"/>
        <source>Checking the account…</source>
        <translation>Konto wird geprüft…</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="240"/>
        <source>Not connected: %1</source>
        <translation>Nicht verbunden: %1</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="252"/>
        <source>Reading the storage account…</source>
        <translation>Speicherkonto wird gelesen…</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="263"/>
        <source>Table %1 of %2: %3, %4 of %5 blobs, %6 read</source>
        <translation>Tabelle %1 von %2: %3, %4 von %5 Blobs, %6 gelesen</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="280"/>
        <source>The last pass stopped: %1</source>
        <translation>Der letzte Durchlauf wurde beendet: %1</translation>
    </message>
</context>
<context>
    <name>Vigil::SyncEngine</name>
    <message>
        <location filename="../core/triage.cpp" line="148"/>
        <source>Choose a classification: True positive, Benign positive, False positive or Undetermined.</source>
        <translation>Wählen Sie eine Klassifizierung: Richtig positiv, Unbedenklich positiv, Falsch positiv oder Unbestimmt.</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="158"/>
        <source>%1 takes no reason; leave the reason empty.</source>
        <translation>Für %1 gibt es keinen Grund; lassen Sie den Grund leer.</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="164"/>
        <source>&quot;%1&quot; is not a reason for %2; choose %3.</source>
        <translation>„%1“ ist kein Grund für %2; wählen Sie %3.</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="167"/>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="175"/>
        <source>Undetermined takes no determination; leave it empty or choose another classification.</source>
        <translation>Für Unbestimmt gibt es keine Bestimmung; lassen Sie sie leer, oder wählen Sie eine andere Klassifizierung.</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="186"/>
        <source>Microsoft no longer accepts the determination &quot;%1&quot;; choose one of: %2.</source>
        <translation>Microsoft akzeptiert die Bestimmung „%1“ nicht mehr; wählen Sie eine der folgenden: %2.</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="194"/>
        <source>&quot;%1&quot; is not a determination Microsoft Defender knows; choose one of: %2.</source>
        <translation>„%1“ ist keine Bestimmung, die Microsoft Defender kennt; wählen Sie eine der folgenden: %2.</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="201"/>
        <source>The determination &quot;%1&quot; does not go with %2; choose one of: %3.</source>
        <translation>Die Bestimmung „%1“ passt nicht zu %2; wählen Sie eine der folgenden: %3.</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="222"/>
        <source>Choose why it is a false positive: Incorrect alert logic or Inaccurate data.</source>
        <translation>Wählen Sie aus, warum es falsch positiv ist: Falsche Warnungslogik oder Ungenaue Daten.</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="227"/>
        <source>The reason &quot;%1&quot; means the determination &quot;%2&quot;; change the reason or the determination so that they agree.</source>
        <translation>Der Grund „%1“ bedeutet die Bestimmung „%2“; ändern Sie den Grund oder die Bestimmung, sodass beide übereinstimmen.</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="271"/>
        <source>Nothing to change: set a status, owner, classification, tag or comment.</source>
        <translation>Nichts zu ändern: Legen Sie einen Status, einen Besitzer, eine Klassifizierung, ein Tag oder einen Kommentar fest.</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="276"/>
        <source>The edit has no time; it cannot be ordered against changes made in the portal.</source>
        <translation>Die Bearbeitung hat keinen Zeitstempel; sie kann nicht gegenüber Änderungen im Portal eingeordnet werden.</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="281"/>
        <source>This incident was merged into incident %1; edit that incident instead.</source>
        <translation>Dieser Vorfall wurde in Vorfall %1 zusammengeführt; bearbeiten Sie stattdessen jenen Vorfall.</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="287"/>
        <source>Choose a status: New, Active or Closed.</source>
        <translation>Wählen Sie einen Status: Neu, Aktiv oder Geschlossen.</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="291"/>
        <source>Choose a classification to close this incident: True positive, Benign positive, False positive or Undetermined.</source>
        <translation>Wählen Sie eine Klassifizierung, um diesen Vorfall zu schließen: Richtig positiv, Unbedenklich positiv, Falsch positiv oder Unbestimmt.</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="301"/>
        <source>&quot;%1&quot; is not a user principal name; enter it as name@domain (for example kai@contoso.com), or unassign.</source>
        <translation>„%1“ ist kein Benutzerprinzipalname; geben Sie ihn als name@domain ein (zum Beispiel kai@contoso.com), oder heben Sie die Zuweisung auf.</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="308"/>
        <source>A tag cannot be empty; type the tag&apos;s text or leave it out.</source>
        <translation>Ein Tag darf nicht leer sein; geben Sie den Text des Tags ein, oder lassen Sie es weg.</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="315"/>
        <source>The tag &quot;%1&quot; is both added and removed; keep only one of the two.</source>
        <translation>Das Tag „%1“ wird zugleich hinzugefügt und entfernt; behalten Sie nur eines von beiden.</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="322"/>
        <source>The comment is empty; type the comment&apos;s text or leave it out.</source>
        <translation>Der Kommentar ist leer; geben Sie den Kommentartext ein, oder lassen Sie ihn weg.</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="332"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="334"/>
        <source>Owner</source>
        <translation>Besitzer</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="336"/>
        <source>Classification</source>
        <translation>Klassifizierung</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="338"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="340"/>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="342"/>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="344"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../sync/syncdecisions.cpp" line="389"/>
        <source>Microsoft Defender did not accept Vigil&apos;s sign-in; the change is kept and sent after you sign in again.</source>
        <translation>Microsoft Defender hat die Anmeldung von Vigil nicht akzeptiert; die Änderung bleibt erhalten und wird gesendet, sobald Sie sich erneut angemeldet haben.</translation>
    </message>
    <message>
        <location filename="../sync/syncdecisions.cpp" line="407"/>
        <source>Microsoft Defender refused the change (HTTP %1); it was undone here.</source>
        <translation>Microsoft Defender hat die Änderung abgelehnt (HTTP %1); sie wurde hier rückgängig gemacht.</translation>
    </message>
    <message>
        <location filename="../sync/syncdecisions.cpp" line="411"/>
        <source>Microsoft Defender refused the change; it was undone here.</source>
        <translation>Microsoft Defender hat die Änderung abgelehnt; sie wurde hier rückgängig gemacht.</translation>
    </message>
</context>
<context>
    <name>Vigil::TagsDialog</name>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="556"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="558"/>
        <source>&amp;Custom tags — uncheck a tag to remove it:</source>
        <translation>&amp;Benutzerdefinierte Tags – Häkchen entfernen, um ein Tag zu entfernen:</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="562"/>
        <source>Custom tags; uncheck a tag to remove it</source>
        <translation>Benutzerdefinierte Tags; Häkchen entfernen, um ein Tag zu entfernen</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="590"/>
        <source>On %1 of the %2 incidents</source>
        <translation>Bei %1 von %2 Vorfällen</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="606"/>
        <source>System tags (set by Microsoft, read-only): %1</source>
        <translation>Systemtags (von Microsoft festgelegt, schreibgeschützt): %1</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="615"/>
        <location filename="../ui/triagedialogs.cpp" line="656"/>
        <source>New tag</source>
        <translation>Neues Tag</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="616"/>
        <source>New tag; Enter adds it</source>
        <translation>Neues Tag; Eingabetaste fügt es hinzu</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="618"/>
        <source>&amp;Add:</source>
        <translation>&amp;Hinzufügen:</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="622"/>
        <source>Add tag</source>
        <translation>Tag hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="624"/>
        <source>Add the typed tag</source>
        <translation>Eingegebenes Tag hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="631"/>
        <source>Save tags</source>
        <translation>Tags speichern</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="682"/>
        <source>Nothing to change: type a tag to add, or uncheck a tag to remove it.</source>
        <translation>Nichts zu ändern: Geben Sie ein Tag zum Hinzufügen ein, oder entfernen Sie das Häkchen bei einem Tag, um es zu entfernen.</translation>
    </message>
</context>
<context>
    <name>Vigil::TeamController</name>
    <message>
        <location filename="../facade/teamcontroller.cpp" line="138"/>
        <source>nobody</source>
        <translation>niemand</translation>
    </message>
    <message>
        <location filename="../facade/teamcontroller.cpp" line="139"/>
        <source>a console</source>
        <translation>eine Konsole</translation>
    </message>
    <message>
        <location filename="../facade/teamcontroller.cpp" line="140"/>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <location filename="../facade/teamcontroller.cpp" line="147"/>
        <source>a colleague on %1</source>
        <translation>ein Kollege auf %1</translation>
    </message>
    <message>
        <location filename="../facade/teamcontroller.cpp" line="149"/>
        <source>%1 (edited it)</source>
        <translation>%1 (hat ihn bearbeitet)</translation>
    </message>
</context>
<context>
    <name>Vigil::TeamDatabaseBox</name>
    <message>
        <location filename="../ui/teamdatabasebox.cpp" line="34"/>
        <source>Team database</source>
        <translation>Teamdatenbank</translation>
    </message>
    <message>
        <location filename="../ui/teamdatabasebox.cpp" line="40"/>
        <source>A PostgreSQL database that the whole team shares: one queue, one sync with Microsoft 365 Defender, everyone&apos;s changes live. The password is kept in the keychain.</source>
        <translation>Eine PostgreSQL-Datenbank, die das ganze Team gemeinsam nutzt: eine Warteschlange, eine Synchronisierung mit Microsoft 365 Defender, die Änderungen aller live. Das Kennwort wird im Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/teamdatabasebox.cpp" line="47"/>
        <source>Database in use</source>
        <translation>Verwendete Datenbank</translation>
    </message>
    <message>
        <location filename="../ui/teamdatabasebox.cpp" line="48"/>
        <source>this machine&apos;s own</source>
        <translation>die eigene dieses Computers</translation>
    </message>
    <message>
        <location filename="../ui/teamdatabasebox.cpp" line="49"/>
        <source>In use:</source>
        <translation>Verwendet:</translation>
    </message>
    <message>
        <location filename="../ui/teamdatabasebox.cpp" line="52"/>
        <source>Team database URL</source>
        <translation>URL der Teamdatenbank</translation>
    </message>
    <message>
        <location filename="../ui/teamdatabasebox.cpp" line="56"/>
        <source>URL:</source>
        <translation>URL:</translation>
    </message>
    <message>
        <location filename="../ui/teamdatabasebox.cpp" line="59"/>
        <source>Team database password</source>
        <translation>Kennwort der Teamdatenbank</translation>
    </message>
    <message>
        <location filename="../ui/teamdatabasebox.cpp" line="61"/>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <location filename="../ui/teamdatabasebox.cpp" line="62"/>
        <source>Password:</source>
        <translation>Kennwort:</translation>
    </message>
    <message>
        <location filename="../ui/teamdatabasebox.cpp" line="70"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../ui/teamdatabasebox.cpp" line="72"/>
        <source>Use this machine&apos;s database</source>
        <translation>Datenbank dieses Computers verwenden</translation>
    </message>
    <message>
        <location filename="../ui/teamdatabasebox.cpp" line="96"/>
        <source>Write the team database&apos;s URL, or choose &quot;Use this machine&apos;s database&quot;.</source>
        <translation>Geben Sie die URL der Teamdatenbank ein, oder wählen Sie „Datenbank dieses Computers verwenden“.</translation>
    </message>
    <message>
        <location filename="../ui/teamdatabasebox.cpp" line="114"/>
        <source>Vigil uses this machine&apos;s own database from its next start.</source>
        <translation>Vigil verwendet ab dem nächsten Start die eigene Datenbank dieses Computers.</translation>
    </message>
    <message>
        <location filename="../ui/teamdatabasebox.cpp" line="116"/>
        <source>Saved. Vigil uses the team database from its next start; its password is in the keychain.</source>
        <translation>Gespeichert. Vigil verwendet ab dem nächsten Start die Teamdatenbank; ihr Kennwort liegt im Schlüsselbund.</translation>
    </message>
    <message>
        <location filename="../ui/teamdatabasebox.cpp" line="119"/>
        <source>Saved. Vigil uses the team database from its next start.</source>
        <translation>Gespeichert. Vigil verwendet ab dem nächsten Start die Teamdatenbank.</translation>
    </message>
</context>
<context>
    <name>Vigil::Theme</name>
    <message>
        <location filename="../ui/themes.cpp" line="244"/>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <location filename="../ui/themes.cpp" line="246"/>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <location filename="../ui/themes.cpp" line="248"/>
        <source>&amp;High contrast</source>
        <translation>Hoher &amp;Kontrast</translation>
    </message>
    <message>
        <location filename="../ui/themes.cpp" line="250"/>
        <source>&amp;Follow the desktop</source>
        <translation>Dem Desktop &amp;folgen</translation>
    </message>
</context>
<context>
    <name>Vigil::TrayNotifier</name>
    <message>
        <location filename="../ui/traynotifier.cpp" line="36"/>
        <location filename="../ui/traynotifier.cpp" line="69"/>
        <source>Vigil</source>
        <translation>Vigil</translation>
    </message>
    <message>
        <location filename="../ui/traynotifier.cpp" line="69"/>
        <source>Vigil — do not disturb</source>
        <translation>Vigil – nicht stören</translation>
    </message>
    <message>
        <location filename="../ui/traynotifier.cpp" line="106"/>
        <source>New High incident #%1</source>
        <translation>Neuer Vorfall #%1 mit Schweregrad „Hoch“</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/traynotifier.cpp" line="109"/>
        <source>%n new High incident(s)</source>
        <translation>
            <numerusform>%n neuer Vorfall mit Schweregrad „Hoch“</numerusform>
            <numerusform>%n neue Vorfälle mit Schweregrad „Hoch“</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/traynotifier.cpp" line="133"/>
        <source>SLA breached: #%1 (%2)</source>
        <translation>SLA verletzt: #%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/traynotifier.cpp" line="138"/>
        <source>%n incident(s) past their SLA</source>
        <translation>
            <numerusform>%n Vorfall über seinem SLA</numerusform>
            <numerusform>%n Vorfälle über ihrem SLA</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/traynotifier.cpp" line="139"/>
        <source>Not triaged in time; sort the queue by SLA or filter with sla:overdue.</source>
        <translation>Nicht rechtzeitig triagiert; sortieren Sie die Warteschlange nach SLA oder filtern Sie mit sla:overdue.</translation>
    </message>
</context>
<context>
    <name>Vigil::TriageDialog</name>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="90"/>
        <source>Incidents this change applies to</source>
        <translation>Vorfälle, für die diese Änderung gilt</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="95"/>
        <source>Apply to %1 incidents:</source>
        <translation>Auf %1 Vorfälle anwenden:</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="103"/>
        <source>Incident #%1 — %2</source>
        <translation>Vorfall #%1 – %2</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="105"/>
        <source>(no title)</source>
        <translation>(kein Titel)</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="117"/>
        <source>Problem with this change</source>
        <translation>Problem mit dieser Änderung</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="134"/>
        <source>Cancel without changing anything</source>
        <translation>Abbrechen, ohne etwas zu ändern</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="138"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="158"/>
        <source>Apply to %1 incidents</source>
        <translation>Auf %1 Vorfälle anwenden</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="199"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Vigil::Vocabulary</name>
    <message>
        <location filename="../core/vocabulary.cpp" line="147"/>
        <source>Active · awaiting action</source>
        <translation>Aktiv · wartet auf Aktion</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="150"/>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="152"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="154"/>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="39"/>
        <location filename="../core/vocabulary.cpp" line="184"/>
        <source>Undetermined</source>
        <translation>Unbestimmt</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="33"/>
        <location filename="../core/vocabulary.cpp" line="186"/>
        <source>True positive</source>
        <translation>Richtig positiv</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="35"/>
        <location filename="../core/vocabulary.cpp" line="188"/>
        <source>Benign positive</source>
        <translation>Unbedenklich positiv</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="37"/>
        <location filename="../core/vocabulary.cpp" line="190"/>
        <source>False positive</source>
        <translation>Falsch positiv</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="82"/>
        <location filename="../core/vocabulary.cpp" line="203"/>
        <source>Suspicious activity</source>
        <translation>Verdächtige Aktivität</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="84"/>
        <location filename="../core/vocabulary.cpp" line="205"/>
        <source>Suspicious but expected</source>
        <translation>Verdächtig, aber erwartet</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="86"/>
        <location filename="../core/vocabulary.cpp" line="208"/>
        <source>Incorrect alert logic</source>
        <translation>Falsche Warnungslogik</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="88"/>
        <location filename="../core/vocabulary.cpp" line="210"/>
        <source>Inaccurate data</source>
        <translation>Ungenaue Daten</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="158"/>
        <location filename="../core/vocabulary.cpp" line="220"/>
        <location filename="../core/vocabulary.cpp" line="283"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="221"/>
        <source>APT</source>
        <translation>APT</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="222"/>
        <source>Malware</source>
        <translation>Schadsoftware</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="224"/>
        <source>Security personnel</source>
        <translation>Sicherheitspersonal</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="226"/>
        <source>Security testing</source>
        <translation>Sicherheitstests</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="228"/>
        <source>Unwanted software</source>
        <translation>Unerwünschte Software</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="229"/>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="231"/>
        <source>Multi-staged attack</source>
        <translation>Mehrstufiger Angriff</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="233"/>
        <source>Compromised account</source>
        <translation>Kompromittiertes Konto</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="234"/>
        <source>Phishing</source>
        <translation>Phishing</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="236"/>
        <source>Malicious user activity</source>
        <translation>Böswillige Benutzeraktivität</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="238"/>
        <source>Not malicious</source>
        <translation>Nicht bösartig</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="240"/>
        <source>Not enough data to validate</source>
        <translation>Nicht genügend Daten zur Validierung</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="242"/>
        <source>Confirmed activity</source>
        <translation>Bestätigte Aktivität</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="244"/>
        <source>Line-of-business application</source>
        <translation>Branchenanwendung</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="246"/>
        <source>Unknown (future value)</source>
        <translation>Unbekannt (zukünftiger Wert)</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="271"/>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="273"/>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="275"/>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="277"/>
        <source>Informational</source>
        <translation>Informativ</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="329"/>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="330"/>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="331"/>
        <source>Mailboxes</source>
        <translation>Postfächer</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="332"/>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="333"/>
        <source>Processes</source>
        <translation>Prozesse</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="334"/>
        <source>IP addresses</source>
        <translation>IP-Adressen</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="335"/>
        <source>URLs</source>
        <translation>URLs</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="337"/>
        <source>Registry keys</source>
        <translation>Registrierungsschlüssel</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="339"/>
        <source>Registry values</source>
        <translation>Registrierungswerte</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="340"/>
        <source>Email messages</source>
        <translation>E-Mail-Nachrichten</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="342"/>
        <source>Cloud applications</source>
        <translation>Cloudanwendungen</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="344"/>
        <source>Mail clusters</source>
        <translation>Mailcluster</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="346"/>
        <source>OAuth applications</source>
        <translation>OAuth-Anwendungen</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="348"/>
        <source>Security groups</source>
        <translation>Sicherheitsgruppen</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="351"/>
        <source>Other evidence</source>
        <translation>Sonstige Beweise</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/vigil.cpp" line="148"/>
        <source>Vigil: triage Microsoft 365 Defender incidents.</source>
        <translation>Vigil: Triage von Microsoft 365 Defender-Vorfällen.</translation>
    </message>
    <message>
        <location filename="../app/vigil.cpp" line="153"/>
        <source>After the first sync, save the main window (queue and the detail of an incident with more than 150 alerts) to FILE as PNG and exit.</source>
        <translation>Nach der ersten Synchronisierung das Hauptfenster (Warteschlange und Details eines Vorfalls mit mehr als 150 Warnungen) als PNG in FILE speichern und beenden.</translation>
    </message>
    <message>
        <location filename="../app/vigil.cpp" line="159"/>
        <source>With --screenshot: the page to save, queue (the default), connector, hunting, hunting-chart, dashboard, outbox, cheatsheet or palette.</source>
        <translation>Mit --screenshot: die zu speichernde Seite: queue (Standard), connector, hunting, hunting-chart, dashboard, outbox, cheatsheet oder palette.</translation>
    </message>
    <message>
        <location filename="../app/vigil.cpp" line="165"/>
        <source>With --screenshot: the window&apos;s size, WIDTHxHEIGHT (1920x1080 by default).</source>
        <translation>Mit --screenshot: die Größe des Fensters, BREITExHÖHE (standardmäßig 1920x1080).</translation>
    </message>
    <message>
        <location filename="../app/vigil.cpp" line="170"/>
        <source>Start with this queue filter (the quick filter&apos;s language, as in vigilctl incidents list --filter).</source>
        <translation>Mit diesem Warteschlangenfilter starten (die Sprache des Schnellfilters, wie bei vigilctl incidents list --filter).</translation>
    </message>
    <message>
        <location filename="../app/vigil.cpp" line="207"/>
        <source>Vigil has no tenant to sync with. Connect with &apos;vigilctl connect&apos;, or set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET for an app registration with SecurityIncident.Read.All, or start &apos;vigil --demo&apos; to try Vigil on the embedded demo tenant.</source>
        <translation>Vigil hat keinen Mandanten zum Synchronisieren. Verbinden Sie sich mit „vigilctl connect“, oder setzen Sie AZURE_TENANT_ID, AZURE_CLIENT_ID und AZURE_CLIENT_SECRET für eine App-Registrierung mit SecurityIncident.Read.All, oder starten Sie „vigil --demo“, um Vigil mit dem eingebauten Demo-Mandanten auszuprobieren.</translation>
    </message>
</context>
</TS>
