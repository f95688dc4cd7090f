<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Vigil::AlertListModel</name>
    <message>
        <location filename="../models/alertlistmodel.cpp" line="27"/>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location filename="../models/alertlistmodel.cpp" line="29"/>
        <source>In progress</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <location filename="../models/alertlistmodel.cpp" line="31"/>
        <source>Resolved</source>
        <translation>Gelöst</translation>
    </message>
    <message>
        <location filename="../models/alertlistmodel.cpp" line="34"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <location filename="../models/alertlistmodel.cpp" line="110"/>
        <source>Alert</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location filename="../models/alertlistmodel.cpp" line="112"/>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <location filename="../models/alertlistmodel.cpp" line="114"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../models/alertlistmodel.cpp" line="116"/>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <location filename="../models/alertlistmodel.cpp" line="118"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location filename="../models/alertlistmodel.cpp" line="120"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location filename="../models/alertlistmodel.cpp" line="122"/>
        <source>Alert id</source>
        <translation>Warnungs-ID</translation>
    </message>
</context>
<context>
    <name>Vigil::AssignDialog</name>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="463"/>
        <location filename="../ui/triagedialogs.cpp" line="518"/>
        <source>Assign to me</source>
        <translation>Mir zuweisen</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="463"/>
        <source>Assign to…</source>
        <translation>Zuweisen an…</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="466"/>
        <source>Vigil does not know your account yet. Enter your user principal name once; Vigil remembers it for “Assign to me” (A).</source>
        <translation>Vigil kennt Ihr Konto noch nicht. Geben Sie einmalig Ihren Benutzerprinzipalnamen ein; Vigil merkt ihn sich für „Mir zuweisen“ (A).</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="477"/>
        <source>&amp;Your account:</source>
        <translation>&amp;Ihr Konto:</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="477"/>
        <source>Assign &amp;to:</source>
        <translation>Zuweisen &amp;an:</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="479"/>
        <source>Assign to the user principal name below</source>
        <translation>Dem unten angegebenen Benutzerprinzipalnamen zuweisen</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="484"/>
        <source>User principal name</source>
        <translation>Benutzerprinzipalname</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="485"/>
        <source>name@contoso.com</source>
        <translation>name@contoso.com</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="497"/>
        <source>&amp;Unassign (nobody owns it)</source>
        <translation>Zu&amp;weisung aufheben (kein Besitzer)</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="499"/>
        <source>Unassign</source>
        <translation>Zuweisung aufheben</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="518"/>
        <source>Assign</source>
        <translation>Zuweisen</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="541"/>
        <source>Enter your user principal name (for example kai@contoso.com).</source>
        <translation>Geben Sie Ihren Benutzerprinzipalnamen ein (zum Beispiel kai@contoso.com).</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="543"/>
        <source>Enter a user principal name (for example kai@contoso.com), or choose Unassign.</source>
        <translation>Geben Sie einen Benutzerprinzipalnamen ein (zum Beispiel kai@contoso.com), oder wählen Sie „Zuweisung aufheben“.</translation>
    </message>
</context>
<context>
    <name>Vigil::CloseDialog</name>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="273"/>
        <source>Close with classification</source>
        <translation>Mit Klassifizierung schließen</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="275"/>
        <source>Classification</source>
        <translation>Klassifizierung</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="283"/>
        <source>Classification %1</source>
        <translation>Klassifizierung %1</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="287"/>
        <source>&amp;True positive</source>
        <translation>&amp;Richtig positiv</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="288"/>
        <source>&amp;Benign positive</source>
        <translation>&amp;Unbedenklich positiv</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="289"/>
        <source>&amp;False positive</source>
        <translation>&amp;Falsch positiv</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="290"/>
        <source>&amp;Undetermined</source>
        <translation>U&amp;nbestimmt</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="296"/>
        <source>Closing reason</source>
        <translation>Grund für das Schließen</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="297"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="300"/>
        <source>Determination</source>
        <translation>Bestimmung</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="301"/>
        <source>&amp;Determination:</source>
        <translation>&amp;Bestimmung:</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="304"/>
        <source>Closing comment (optional)</source>
        <translation>Kommentar zum Schließen (optional)</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="305"/>
        <source>Optional. Ctrl+Enter closes the incident.</source>
        <translation>Optional. Strg+Eingabe schließt den Vorfall.</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="307"/>
        <source>Co&amp;mment:</source>
        <translation>&amp;Kommentar:</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="346"/>
        <source>Close incident</source>
        <translation>Vorfall schließen</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="377"/>
        <source>Choose a classification first</source>
        <translation>Wählen Sie zuerst eine Klassifizierung aus</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="378"/>
        <source>None for %1</source>
        <translation>Keine bei %1</translation>
    </message>
</context>
<context>
    <name>Vigil::CommentDialog</name>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="704"/>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="705"/>
        <source>&amp;Comment (Ctrl+Enter sends):</source>
        <translation>&amp;Kommentar (Strg+Eingabe sendet):</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="708"/>
        <source>Comment text</source>
        <translation>Kommentartext</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="713"/>
        <source>Add comment</source>
        <translation>Kommentar hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="720"/>
        <source>The comment is empty; type the comment&apos;s text.</source>
        <translation>Der Kommentar ist leer; geben Sie den Kommentartext ein.</translation>
    </message>
</context>
<context>
    <name>Vigil::ConnectorPage</name>
    <message>
        <location filename="../ui/connectorpage.cpp" line="69"/>
        <source>Connector</source>
        <translation>Konnektor</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="114"/>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="117"/>
        <source>State:</source>
        <translation>Zustand:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="118"/>
        <source>Tenant:</source>
        <translation>Mandant:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="119"/>
        <source>Signed in as:</source>
        <translation>Angemeldet als:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="120"/>
        <location filename="../ui/connectorpage.cpp" line="144"/>
        <source>Cloud:</source>
        <translation>Cloud:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="243"/>
        <source>Health</source>
        <translation>Zustand der Verbindung</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="246"/>
        <source>Last pull:</source>
        <translation>Letzter Abruf:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="247"/>
        <source>Last push:</source>
        <translation>Letzte Übertragung:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="248"/>
        <source>Behind Defender:</source>
        <translation>Rückstand zu Defender:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="249"/>
        <source>Graph calls:</source>
        <translation>Graph-Aufrufe:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="250"/>
        <source>Back-off:</source>
        <translation>Wartezeit:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="251"/>
        <source>Last error:</source>
        <translation>Letzter Fehler:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="257"/>
        <source>Volume</source>
        <translation>Datenmenge</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="260"/>
        <source>Incidents:</source>
        <translation>Vorfälle:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="261"/>
        <source>Alerts in incidents:</source>
        <translation>Warnungen in Vorfällen:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="262"/>
        <source>Component alerts:</source>
        <translation>Einzelwarnungen:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="263"/>
        <source>Rule incidents:</source>
        <translation>Vorfälle aus Regeln:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="264"/>
        <source>Duplicates:</source>
        <translation>Duplikate:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="270"/>
        <location filename="../ui/connectorpage.cpp" line="299"/>
        <source>Incident creation rules</source>
        <translation>Regeln zur Vorfallerstellung</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="275"/>
        <source>Turn off all Microsoft incident creation rules for these products (recommended)</source>
        <translation>Alle Microsoft-Regeln zur Vorfallerstellung für diese Produkte ausschalten (empfohlen)</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="278"/>
        <source>Microsoft Defender for Endpoint, for Identity and for Office 365: Microsoft 365 Defender already makes incidents of their alerts.</source>
        <translation>Microsoft Defender for Endpoint, for Identity und for Office 365: Microsoft 365 Defender erstellt aus ihren Warnungen bereits Vorfälle.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="283"/>
        <source>Covers MDE, MDI and MDO. With the rules on beside the connector, each rule incident whose alert an M365D incident also holds is marked as its duplicate.</source>
        <translation>Gilt für MDE, MDI und MDO. Laufen die Regeln neben dem Konnektor, wird jeder Regel-Vorfall, dessen Warnung auch ein M365D-Vorfall enthält, als dessen Duplikat markiert.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="291"/>
        <source>The MCAS rule stays on. %1</source>
        <translation>Die MCAS-Regel bleibt eingeschaltet. %1</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="302"/>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="302"/>
        <source>Creates incidents</source>
        <translation>Erstellt Vorfälle</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="302"/>
        <source>Filters</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="322"/>
        <source>Edit rule</source>
        <translation>Regel bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="332"/>
        <source>Create incidents from these alerts</source>
        <translation>Aus diesen Warnungen Vorfälle erstellen</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="339"/>
        <location filename="../ui/connectorpage.cpp" line="675"/>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="339"/>
        <location filename="../ui/connectorpage.cpp" line="675"/>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="339"/>
        <location filename="../ui/connectorpage.cpp" line="675"/>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="339"/>
        <location filename="../ui/connectorpage.cpp" line="675"/>
        <source>Informational</source>
        <translation>Informativ</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="347"/>
        <source>Severities:</source>
        <translation>Schweregrade:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="350"/>
        <source>every title; or parts separated by commas</source>
        <translation>jeder Titel; oder Teile durch Kommas getrennt</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="351"/>
        <source>Title contains one of</source>
        <translation>Titel enthält eines von</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="352"/>
        <source>Title contains:</source>
        <translation>Titel enthält:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="355"/>
        <source>nothing excluded; or parts separated by commas</source>
        <translation>nichts ausgeschlossen; oder Teile durch Kommas getrennt</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="356"/>
        <source>Title does not contain any of</source>
        <translation>Titel enthält keines von</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="357"/>
        <source>Title excludes:</source>
        <translation>Titel schließt aus:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="358"/>
        <source>Skip alerts that an M365D incident already holds</source>
        <translation>Warnungen überspringen, die bereits ein M365D-Vorfall enthält</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="373"/>
        <source>Save rule</source>
        <translation>Regel speichern</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="418"/>
        <source>Disconnected from tenant %1; its secrets were removed from the keychain and Vigil stopped syncing with it.</source>
        <translation>Verbindung zum Mandanten %1 getrennt; seine Geheimnisse wurden aus dem Schlüsselbund entfernt, und Vigil synchronisiert nicht mehr mit ihm.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="526"/>
        <source>Connected to tenant %1. The secret is in the keychain; Vigil syncs with this connection now.</source>
        <translation>Mit dem Mandanten %1 verbunden. Das Geheimnis liegt im Schlüsselbund; Vigil synchronisiert ab jetzt über diese Verbindung.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="542"/>
        <source>Connected to the embedded demo tenant</source>
        <translation>Mit dem eingebauten Demo-Mandanten verbunden</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="544"/>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="547"/>
        <source>Connected as an app (client secret)</source>
        <translation>Als App verbunden (Clientgeheimnis)</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="548"/>
        <source>Connected with an interactive sign-in</source>
        <translation>Mit interaktiver Anmeldung verbunden</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="550"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="554"/>
        <source>App %1</source>
        <translation>App %1</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="556"/>
        <source>nobody</source>
        <translation>niemand</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="142"/>
        <location filename="../ui/connectorpage.cpp" line="559"/>
        <source>US Government (GCC High)</source>
        <translation>US-Regierung (GCC High)</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="143"/>
        <location filename="../ui/connectorpage.cpp" line="561"/>
        <source>US Government (DoD)</source>
        <translation>US-Regierung (DoD)</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="141"/>
        <location filename="../ui/connectorpage.cpp" line="563"/>
        <source>Global</source>
        <translation>Global</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="128"/>
        <source>Interactive sign-in (device code)</source>
        <translation>Interaktive Anmeldung (Gerätecode)</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="129"/>
        <source>App with a client secret</source>
        <translation>App mit Clientgeheimnis</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="130"/>
        <source>Sign in:</source>
        <translation>Anmeldung:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="133"/>
        <source>tenant id or domain; empty: your organisation</source>
        <translation>Mandanten-ID oder Domäne; leer: Ihre Organisation</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="134"/>
        <source>Tenant id:</source>
        <translation>Mandanten-ID:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="137"/>
        <source>application (client) id of the app registration</source>
        <translation>Anwendungs-ID (Client-ID) der App-Registrierung</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="138"/>
        <source>Client id:</source>
        <translation>Client-ID:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="148"/>
        <source>kept only in the system keychain</source>
        <translation>nur im Schlüsselbund des Systems gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="149"/>
        <source>Client secret:</source>
        <translation>Clientgeheimnis:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="151"/>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="153"/>
        <source>Disconnect</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="155"/>
        <source>Forget the saved connection and remove its secrets from the keychain</source>
        <translation>Die gespeicherte Verbindung vergessen und ihre Geheimnisse aus dem Schlüsselbund entfernen</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="167"/>
        <source>Open the address below in a browser, enter the code and sign in with your work account.</source>
        <translation>Öffnen Sie die Adresse unten in einem Browser, geben Sie den Code ein und melden Sie sich mit Ihrem Geschäftskonto an.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="175"/>
        <source>Sign-in code</source>
        <translation>Anmeldecode</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="185"/>
        <source>Sign-in address</source>
        <translation>Anmeldeadresse</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="188"/>
        <source>Open in browser</source>
        <translation>Im Browser öffnen</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="190"/>
        <source>I have signed in</source>
        <translation>Ich habe mich angemeldet</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="192"/>
        <source>Check the sign-in now instead of at the next poll</source>
        <translation>Die Anmeldung jetzt prüfen statt bei der nächsten Abfrage</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="193"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="224"/>
        <source>No browser could be started; open %1 yourself.</source>
        <translation>Es konnte kein Browser gestartet werden; öffnen Sie %1 selbst.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="403"/>
        <source>Sign-in cancelled; nothing was changed.</source>
        <translation>Anmeldung abgebrochen; nichts wurde geändert.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="421"/>
        <source>There was no saved connection to remove.</source>
        <translation>Es gab keine gespeicherte Verbindung zum Entfernen.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="454"/>
        <source>Enter the client id of the app registration.</source>
        <translation>Geben Sie die Client-ID der App-Registrierung ein.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="456"/>
        <source>Connecting with a client secret needs the tenant id.</source>
        <translation>Für die Verbindung mit einem Clientgeheimnis wird die Mandanten-ID benötigt.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="458"/>
        <source>Enter the client secret.</source>
        <translation>Geben Sie das Clientgeheimnis ein.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="475"/>
        <source>Checking the client secret…</source>
        <translation>Clientgeheimnis wird geprüft…</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="476"/>
        <source>Asking for a sign-in code…</source>
        <translation>Anmeldecode wird angefordert…</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="500"/>
        <source>Waiting for the sign-in (the code expires at %1)…</source>
        <translation>Warten auf die Anmeldung (der Code läuft um %1 ab)…</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="535"/>
        <source>Not connected: %1</source>
        <translation>Nicht verbunden: %1</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="587"/>
        <source>%1 of %2 in the last minute</source>
        <translation>%1 von %2 in der letzten Minute</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="591"/>
        <source>Waiting until %1 before the next call</source>
        <translation>Warten bis %1 vor dem nächsten Aufruf</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="595"/>
        <source>Offline — retrying with growing pauses</source>
        <translation>Offline – neuer Versuch mit wachsenden Pausen</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="597"/>
        <location filename="../ui/connectorpage.cpp" line="603"/>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="622"/>
        <source>not yet</source>
        <translation>noch nicht</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="623"/>
        <source>nothing sent since Vigil started</source>
        <translation>seit dem Start von Vigil nichts gesendet</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="627"/>
        <source>at most %1 s</source>
        <translation>höchstens %1 s</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="628"/>
        <source>at most %1 min</source>
        <translation>höchstens %1 min</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="630"/>
        <source>unknown until the first pull</source>
        <translation>unbekannt bis zum ersten Abruf</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="655"/>
        <source>The rules could not be saved or read: %1</source>
        <translation>Die Regeln konnten nicht gespeichert oder gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="664"/>
        <source>Off — turned off above</source>
        <translation>Aus – oben ausgeschaltet</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="665"/>
        <source>On</source>
        <translation>Ein</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="665"/>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="672"/>
        <source>every severity</source>
        <translation>jeder Schweregrad</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="684"/>
        <source>title contains %1</source>
        <translation>Titel enthält %1</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="686"/>
        <source>title excludes %1</source>
        <translation>Titel schließt %1 aus</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="688"/>
        <source>skips alerts in M365D incidents</source>
        <translation>überspringt Warnungen in M365D-Vorfällen</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="742"/>
        <source>Turned off by &quot;Turn off all Microsoft incident creation rules&quot;; clear that box to turn it on.</source>
        <translation>Ausgeschaltet durch „Alle Microsoft-Regeln zur Vorfallerstellung ausschalten“; entfernen Sie dort den Haken, um sie einzuschalten.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="753"/>
        <source>Off while &quot;Turn off all Microsoft incident creation rules&quot; is checked. %1</source>
        <translation>Aus, solange „Alle Microsoft-Regeln zur Vorfallerstellung ausschalten“ angehakt ist. %1</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="764"/>
        <source>Incidents sync, but component alerts are not pulled and the incident creation rules do not run: the app registration may not read alerts (%1). Grant SecurityAlert.Read.All with admin consent.</source>
        <translation>Vorfälle werden synchronisiert, aber Einzelwarnungen werden nicht abgerufen und die Regeln zur Vorfallerstellung laufen nicht: Die App-Registrierung darf keine Warnungen lesen (%1). Erteilen Sie SecurityAlert.Read.All mit Administratoreinwilligung.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="769"/>
        <source>Incidents sync, but Microsoft Graph refused the component alert query, so the incident creation rules do not run (%1). Please report this with the log.</source>
        <translation>Vorfälle werden synchronisiert, aber Microsoft Graph hat die Abfrage der Einzelwarnungen abgelehnt, daher laufen die Regeln zur Vorfallerstellung nicht (%1). Bitte melden Sie dies mit dem Protokoll.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="773"/>
        <source>Incidents sync, but component alerts are not pulled: %1</source>
        <translation>Vorfälle werden synchronisiert, aber Einzelwarnungen werden nicht abgerufen: %1</translation>
    </message>
    <message>
        <location filename="../core/incidentrules.cpp" line="249"/>
        <source>Microsoft 365 Defender already makes incidents of these alerts; a rule would duplicate them.</source>
        <translation>Microsoft 365 Defender erstellt aus diesen Warnungen bereits Vorfälle; eine Regel würde sie verdoppeln.</translation>
    </message>
    <message>
        <location filename="../core/incidentrules.cpp" line="253"/>
        <source>Not every Defender for Cloud Apps alert type is onboarded to Microsoft 365 Defender, so the rule makes incidents of the others. It skips alerts an M365D incident already holds, so there are neither duplicates nor gaps.</source>
        <translation>Nicht jeder Warnungstyp von Defender for Cloud Apps ist in Microsoft 365 Defender eingebunden; die Regel erstellt Vorfälle aus den übrigen. Sie überspringt Warnungen, die bereits ein M365D-Vorfall enthält, so dass es weder Duplikate noch Lücken gibt.</translation>
    </message>
    <message>
        <location filename="../core/incidentrules.cpp" line="259"/>
        <source>Not every Entra ID Protection risk detection reaches a Microsoft 365 Defender incident, so the rule makes incidents of the others. It skips alerts an M365D incident already holds.</source>
        <translation>Nicht jede Risikoerkennung von Entra ID Protection landet in einem Microsoft 365 Defender-Vorfall; die Regel erstellt Vorfälle aus den übrigen. Sie überspringt Warnungen, die bereits ein M365D-Vorfall enthält.</translation>
    </message>
    <message>
        <location filename="../core/incidentrules.cpp" line="264"/>
        <source>Defender for Cloud alerts reach Microsoft 365 Defender only for connected subscriptions, so the rule makes incidents of the others. It skips alerts an M365D incident already holds.</source>
        <translation>Warnungen von Defender for Cloud erreichen Microsoft 365 Defender nur für verbundene Abonnements; die Regel erstellt Vorfälle aus den übrigen. Sie überspringt Warnungen, die bereits ein M365D-Vorfall enthält.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="787"/>
        <source>Choose at least one severity; a rule without severities would create nothing.</source>
        <translation>Wählen Sie mindestens einen Schweregrad; eine Regel ohne Schweregrade würde nichts erstellen.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="792"/>
        <source>A title part is empty: remove the extra comma.</source>
        <translation>Ein Titelteil ist leer: Entfernen Sie das überzählige Komma.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="797"/>
        <source>&quot;%1&quot; is both included and excluded: an alert with it in its title would never match.</source>
        <translation>„%1“ ist zugleich ein- und ausgeschlossen: Eine Warnung mit diesem Titelteil würde nie erfasst.</translation>
    </message>
</context>
<context>
    <name>Vigil::EntityTreeModel</name>
    <message>
        <location filename="../models/entitytreemodel.cpp" line="101"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../models/entitytreemodel.cpp" line="153"/>
        <source>Entity</source>
        <translation>Entität</translation>
    </message>
    <message>
        <location filename="../models/entitytreemodel.cpp" line="155"/>
        <source>Detail</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../models/entitytreemodel.cpp" line="157"/>
        <source>Verdict</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <location filename="../models/entitytreemodel.cpp" line="159"/>
        <source>Remediation</source>
        <translation>Behebung</translation>
    </message>
    <message>
        <location filename="../models/entitytreemodel.cpp" line="161"/>
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
    <name>Vigil::IncidentDetailView</name>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="99"/>
        <source>Incident detail</source>
        <translation>Vorfalldetails</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="106"/>
        <source>Select an incident to see its alerts, entities and comments.
j / k move through the queue, / filters it.</source>
        <translation>Wählen Sie einen Vorfall aus, um seine Warnungen, Entitäten und Kommentare zu sehen.
j / k blättern durch die Warteschlange, / filtert sie.</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="151"/>
        <source>Severity:</source>
        <translation>Schweregrad:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="155"/>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="156"/>
        <source>Incident:</source>
        <translation>Vorfall:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="157"/>
        <source>Defender id:</source>
        <translation>Defender-ID:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="158"/>
        <source>Owner:</source>
        <translation>Besitzer:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="159"/>
        <source>Provider:</source>
        <translation>Anbieter:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="160"/>
        <source>Classification:</source>
        <translation>Klassifizierung:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="161"/>
        <source>Determination:</source>
        <translation>Bestimmung:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="162"/>
        <source>Created:</source>
        <translation>Erstellt:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="163"/>
        <source>Last updated:</source>
        <translation>Zuletzt aktualisiert:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="176"/>
        <source>Sync:</source>
        <translation>Sync:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="183"/>
        <source>Tags:</source>
        <translation>Tags:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="211"/>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="213"/>
        <source>Load the incident detail again</source>
        <translation>Vorfalldetails erneut laden</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="227"/>
        <source>Loading</source>
        <translation>Wird geladen</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="241"/>
        <source>Open the full incident in Microsoft 365 Defender</source>
        <translation>Vollständigen Vorfall in Microsoft 365 Defender öffnen</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="246"/>
        <source>Load all alerts</source>
        <translation>Alle Warnungen laden</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="248"/>
        <source>Load all alerts of this incident</source>
        <translation>Alle Warnungen dieses Vorfalls laden</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="265"/>
        <source>Alerts of the incident</source>
        <translation>Warnungen des Vorfalls</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="291"/>
        <source>Entities of the incident, grouped by kind</source>
        <translation>Entitäten des Vorfalls, nach Art gruppiert</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="301"/>
        <source>Comments on the incident</source>
        <translation>Kommentare zum Vorfall</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="304"/>
        <location filename="../ui/incidentdetailview.cpp" line="390"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="304"/>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="304"/>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="362"/>
        <source>Status…</source>
        <translation>Status…</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="362"/>
        <source>Set the status of this incident (S)</source>
        <translation>Status dieses Vorfalls festlegen (S)</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="364"/>
        <source>Assign to me</source>
        <translation>Mir zuweisen</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="364"/>
        <source>Assign this incident to me (A)</source>
        <translation>Diesen Vorfall mir zuweisen (A)</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="366"/>
        <source>Assign…</source>
        <translation>Zuweisen…</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="366"/>
        <source>Assign this incident to someone (Shift+A)</source>
        <translation>Diesen Vorfall jemandem zuweisen (Umschalt+A)</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="368"/>
        <source>Close…</source>
        <translation>Schließen…</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="368"/>
        <source>Close this incident with a classification (C)</source>
        <translation>Diesen Vorfall mit einer Klassifizierung schließen (C)</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="370"/>
        <source>Tags…</source>
        <translation>Tags…</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="370"/>
        <source>Add or remove tags of this incident (T)</source>
        <translation>Tags dieses Vorfalls hinzufügen oder entfernen (T)</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="372"/>
        <source>Comment…</source>
        <translation>Kommentieren…</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="372"/>
        <source>Comment on this incident (M)</source>
        <translation>Diesen Vorfall kommentieren (M)</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="384"/>
        <source>Sync activity of the incident, newest first</source>
        <translation>Synchronisierungsaktivität des Vorfalls, neueste zuerst</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="390"/>
        <source>Side</source>
        <translation>Seite</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="390"/>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="390"/>
        <source>From</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="390"/>
        <source>To</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="390"/>
        <location filename="../ui/incidentdetailview.cpp" line="450"/>
        <source>Conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="401"/>
        <source>Apply mine again</source>
        <translation>Meinen Wert erneut anwenden</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="403"/>
        <source>Send the value Defender overwrote in this conflict again</source>
        <translation>Den Wert, den Defender in diesem Konflikt überschrieben hat, erneut senden</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="441"/>
        <source>Vigil</source>
        <translation>Vigil</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="441"/>
        <source>Defender</source>
        <translation>Defender</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="488"/>
        <source>(no title)</source>
        <translation>(kein Titel)</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="542"/>
        <source>Duplicate of %1 — that Microsoft 365 Defender incident holds the same alert.</source>
        <translation>Duplikat von %1 – dieser Microsoft 365 Defender-Vorfall enthält dieselbe Warnung.</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="647"/>
        <source>Activity (%1)</source>
        <translation>Aktivität (%1)</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="43"/>
        <location filename="../ui/incidentdetailview.cpp" line="495"/>
        <source>Unassigned</source>
        <translation>Nicht zugewiesen</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="499"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="502"/>
        <source>Not classified</source>
        <translation>Nicht klassifiziert</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="52"/>
        <location filename="../ui/incidentdetailview.cpp" line="504"/>
        <location filename="../ui/incidentdetailview.cpp" line="509"/>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="49"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="514"/>
        <source>Synced</source>
        <translation>Synchronisiert</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="517"/>
        <source>Pending — a change is waiting to be sent to Defender</source>
        <translation>Ausstehend – eine Änderung wartet darauf, an Defender gesendet zu werden</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="520"/>
        <source>Conflict — changed here and in Defender at the same time</source>
        <translation>Konflikt – gleichzeitig hier und in Defender geändert</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="523"/>
        <source>Error — a change could not be delivered</source>
        <translation>Fehler – eine Änderung konnte nicht übermittelt werden</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="526"/>
        <source>Sync state: %1</source>
        <translation>Synchronisierungsstatus: %1</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="533"/>
        <source>Merged into %1 — its alerts are there.</source>
        <translation>Zusammengeführt in %1 – dort sind seine Warnungen.</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="536"/>
        <source>Merged into Defender incident %1, which is not in the queue yet.</source>
        <translation>Zusammengeführt in Defender-Vorfall %1, der noch nicht in der Warteschlange ist.</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="539"/>
        <source>Merged into another incident.</source>
        <translation>In einen anderen Vorfall zusammengeführt.</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="548"/>
        <source>Merged from %1.</source>
        <translation>Zusammengeführt aus %1.</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="569"/>
        <source>Loading alerts, entities and comments…</source>
        <translation>Warnungen, Entitäten und Kommentare werden geladen…</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="595"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="607"/>
        <source>150+ alerts — showing the first 150.</source>
        <translation>Über 150 Warnungen – die ersten 150 werden angezeigt.</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="608"/>
        <source>%1 of %2 alerts shown.</source>
        <translation>%1 von %2 Warnungen angezeigt.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/incidentdetailview.cpp" line="609"/>
        <source>This incident has %n alerts.</source>
        <translation>
            <numerusform>Dieser Vorfall hat %n Warnung.</numerusform>
            <numerusform>Dieser Vorfall hat %n Warnungen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/incidentdetailview.cpp" line="629"/>
        <source>Loading all %n alerts…</source>
        <translation>
            <numerusform>%n Warnung wird geladen…</numerusform>
            <numerusform>Alle %n Warnungen werden geladen…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="643"/>
        <source>Alerts (%1 of %2)</source>
        <translation>Warnungen (%1 von %2)</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="644"/>
        <source>Alerts (%1)</source>
        <translation>Warnungen (%1)</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="645"/>
        <source>Entities (%1)</source>
        <translation>Entitäten (%1)</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="646"/>
        <source>Comments (%1)</source>
        <translation>Kommentare (%1)</translation>
    </message>
</context>
<context>
    <name>Vigil::IncidentQueueModel</name>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="73"/>
        <source>Synced</source>
        <translation>Synchronisiert</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="75"/>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="77"/>
        <source>Conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="79"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/incidentqueuemodel.cpp" line="200"/>
        <source>%n alerts; the detail view shows the first 150.</source>
        <translation>
            <numerusform>%n Warnung; die Detailansicht zeigt die ersten 150.</numerusform>
            <numerusform>%n Warnungen; die Detailansicht zeigt die ersten 150.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="249"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="249"/>
        <source>Incident number</source>
        <translation>Vorfallnummer</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="251"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="253"/>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="255"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="257"/>
        <source>Owner</source>
        <translation>Besitzer</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="259"/>
        <source>Classification</source>
        <translation>Klassifizierung</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="261"/>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="263"/>
        <source>Alerts</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="265"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="267"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="269"/>
        <source>Last updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="271"/>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
</context>
<context>
    <name>Vigil::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="59"/>
        <source>Vigil — Microsoft 365 Defender incidents</source>
        <translation>Vigil – Microsoft 365 Defender-Vorfälle</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="93"/>
        <location filename="../ui/mainwindow.cpp" line="343"/>
        <source>Sync now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="95"/>
        <source>Try the sync again now</source>
        <translation>Synchronisierung jetzt erneut versuchen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="98"/>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="100"/>
        <source>Hide this message</source>
        <translation>Diese Meldung ausblenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="137"/>
        <source>Opening the incident store…</source>
        <translation>Vorfallspeicher wird geöffnet…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="137"/>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="139"/>
        <source>Sync status</source>
        <translation>Synchronisierungsstatus</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="144"/>
        <source>Incidents shown</source>
        <translation>Angezeigte Vorfälle</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="188"/>
        <source>Your value on incident #%1 was not applied again: %2</source>
        <translation>Ihr Wert für Vorfall #%1 wurde nicht erneut angewendet: %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="230"/>
        <location filename="../ui/mainwindow.cpp" line="350"/>
        <source>Quick filter</source>
        <translation>Schnellfilter</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="232"/>
        <source>Filter by number, Defender id, title, owner or tag  ( / )</source>
        <translation>Nach Nummer, Defender-ID, Titel, Besitzer oder Tag filtern  ( / )</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="241"/>
        <source>Incident queue</source>
        <translation>Vorfallwarteschlange</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="335"/>
        <source>Open in Microsoft 365 Defender</source>
        <translation>In Microsoft 365 Defender öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="339"/>
        <source>Open the selected incident in the Defender portal (O)</source>
        <translation>Ausgewählten Vorfall im Defender-Portal öffnen (O)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="346"/>
        <source>Pull changes from Microsoft 365 Defender now (R)</source>
        <translation>Änderungen jetzt aus Microsoft 365 Defender abrufen (R)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="355"/>
        <source>Next incident</source>
        <translation>Nächster Vorfall</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="360"/>
        <source>Previous incident</source>
        <translation>Vorheriger Vorfall</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="365"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="371"/>
        <source>Back to the queue</source>
        <translation>Zurück zur Warteschlange</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="390"/>
        <source>Set &amp;status…</source>
        <translation>&amp;Status festlegen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="391"/>
        <source>Set the status of the selected incidents</source>
        <translation>Status der ausgewählten Vorfälle festlegen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="393"/>
        <source>&amp;Assign to me</source>
        <translation>&amp;Mir zuweisen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="394"/>
        <source>Assign the selected incidents to me</source>
        <translation>Ausgewählte Vorfälle mir zuweisen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="396"/>
        <source>Assign &amp;to…</source>
        <translation>&amp;Zuweisen an…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="397"/>
        <source>Assign the selected incidents to someone, or unassign them</source>
        <translation>Ausgewählte Vorfälle jemandem zuweisen oder ihre Zuweisung aufheben</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="399"/>
        <source>&amp;Close with classification…</source>
        <translation>Mit Klassifizierung s&amp;chließen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="400"/>
        <source>Close the selected incidents with a classification</source>
        <translation>Ausgewählte Vorfälle mit einer Klassifizierung schließen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="402"/>
        <source>Ta&amp;gs…</source>
        <translation>&amp;Tags…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="403"/>
        <source>Add or remove tags of the selected incidents</source>
        <translation>Tags der ausgewählten Vorfälle hinzufügen oder entfernen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="405"/>
        <source>Co&amp;mment…</source>
        <translation>&amp;Kommentieren…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="406"/>
        <source>Comment on the selected incidents</source>
        <translation>Ausgewählte Vorfälle kommentieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="408"/>
        <source>Mark / unmark incident</source>
        <translation>Vorfall markieren / Markierung aufheben</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="409"/>
        <source>Add the incident to the selection or take it out</source>
        <translation>Vorfall zur Auswahl hinzufügen oder daraus entfernen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="411"/>
        <source>Extend selection down</source>
        <translation>Auswahl nach unten erweitern</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="412"/>
        <source>Select the next incident too</source>
        <translation>Auch den nächsten Vorfall auswählen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="414"/>
        <source>Extend selection up</source>
        <translation>Auswahl nach oben erweitern</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="415"/>
        <source>Select the previous incident too</source>
        <translation>Auch den vorherigen Vorfall auswählen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="418"/>
        <source>&amp;Queue</source>
        <translation>&amp;Warteschlange</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="421"/>
        <source>Go to the incident queue (G Q)</source>
        <translation>Zur Vorfall-Warteschlange wechseln (G Q)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="423"/>
        <source>C&amp;onnector</source>
        <translation>K&amp;onnektor</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="427"/>
        <source>Go to the connector page: connection, health and incident creation rules (G C)</source>
        <translation>Zur Konnektor-Seite wechseln: Verbindung, Zustand und Regeln zur Vorfallerstellung (G C)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="439"/>
        <source>&amp;Vigil</source>
        <translation>&amp;Vigil</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="444"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="455"/>
        <source>Columns…</source>
        <translation>Spalten…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="459"/>
        <source>&amp;Incident</source>
        <translation>V&amp;orfall</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="466"/>
        <source>Main</source>
        <translation>Hauptsymbolleiste</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="565"/>
        <source>Incident #%1 has no Microsoft 365 Defender incident to open.</source>
        <translation>Vorfall #%1 hat keinen Microsoft 365 Defender-Vorfall, der geöffnet werden kann.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="572"/>
        <source>No web browser could be started for %1. Copy the address and open it yourself.</source>
        <translation>Für %1 konnte kein Webbrowser gestartet werden. Kopieren Sie die Adresse und öffnen Sie sie selbst.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="658"/>
        <source>Incident store opened; waiting for the first sync…</source>
        <translation>Vorfallspeicher geöffnet; warte auf die erste Synchronisierung…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="716"/>
        <source>The alerts of incident #%1 could not be loaded. </source>
        <translation>Die Warnungen von Vorfall #%1 konnten nicht geladen werden. </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="726"/>
        <source>Up to date</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="729"/>
        <source>Syncing…</source>
        <translation>Wird synchronisiert…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="733"/>
        <source>Waiting until %1 before the next call</source>
        <translation>Warten bis %1 vor dem nächsten Aufruf</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="736"/>
        <source>Waiting before the next call</source>
        <translation>Warten vor dem nächsten Aufruf</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="739"/>
        <source>Offline — showing the local copy</source>
        <translation>Offline – lokale Kopie wird angezeigt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="742"/>
        <source>Sync error</source>
        <translation>Synchronisierungsfehler</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="746"/>
        <source>Last sync %1</source>
        <translation>Zuletzt synchronisiert um %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="750"/>
        <source>Not synced yet</source>
        <translation>Noch nicht synchronisiert</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="756"/>
        <source>Changes pulled up to %1</source>
        <translation>Änderungen abgerufen bis %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="762"/>
        <source>Graph calls %1/%2 per min</source>
        <translation>Graph-Aufrufe %1/%2 pro Min.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="775"/>
        <source>The last sync failed. </source>
        <translation>Die letzte Synchronisierung ist fehlgeschlagen. </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="781"/>
        <source>Vigil cannot show incidents. </source>
        <translation>Vigil kann keine Vorfälle anzeigen. </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="783"/>
        <source>Incident store unavailable</source>
        <translation>Vorfallspeicher nicht verfügbar</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="801"/>
        <source>1 incident</source>
        <translation>1 Vorfall</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="801"/>
        <source>%1 incidents</source>
        <translation>%1 Vorfälle</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="806"/>
        <source>%1 of %2</source>
        <comment>shown of total incidents</comment>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="870"/>
        <source>Reset columns</source>
        <translation>Spalten zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1083"/>
        <source>Assign to me</source>
        <translation>Mir zuweisen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1097"/>
        <source>Incident #%1 was not assigned to you: %2</source>
        <translation>Vorfall #%1 wurde Ihnen nicht zugewiesen: %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1150"/>
        <source>Change to #%1 queued for Microsoft 365 Defender.</source>
        <translation>Änderung an #%1 für Microsoft 365 Defender in die Warteschlange gestellt.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1152"/>
        <source>Change to %1 incidents queued for Microsoft 365 Defender.</source>
        <translation>Änderung an %1 Vorfällen für Microsoft 365 Defender in die Warteschlange gestellt.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1165"/>
        <source>Defender refused the change to #%1: %2. The incident shows its previous values again.</source>
        <translation>Defender hat die Änderung an #%1 abgelehnt: %2. Der Vorfall zeigt wieder seine vorherigen Werte.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1176"/>
        <source>1 change waiting to be sent</source>
        <translation>1 Änderung wartet auf das Senden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1177"/>
        <source>%1 changes waiting to be sent</source>
        <translation>%1 Änderungen warten auf das Senden</translation>
    </message>
</context>
<context>
    <name>Vigil::StatusDialog</name>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="213"/>
        <location filename="../ui/triagedialogs.cpp" line="244"/>
        <source>Set status</source>
        <translation>Status festlegen</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="214"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="226"/>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="226"/>
        <source>Status New</source>
        <translation>Status Neu</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="227"/>
        <source>&amp;Active</source>
        <translation>&amp;Aktiv</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="227"/>
        <source>Status Active</source>
        <translation>Status Aktiv</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="228"/>
        <source>&amp;Closed…</source>
        <translation>&amp;Geschlossen…</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="229"/>
        <source>Status Closed, asks for a classification</source>
        <translation>Status Geschlossen, fragt nach einer Klassifizierung</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="250"/>
        <source>Choose a status: New, Active or Closed.</source>
        <translation>Wählen Sie einen Status: Neu, Aktiv oder Geschlossen.</translation>
    </message>
</context>
<context>
    <name>Vigil::SyncEngine</name>
    <message>
        <location filename="../sync/syncengine.cpp" line="181"/>
        <source>Choose a classification: True positive, Benign positive, False positive or Undetermined.</source>
        <translation>Wählen Sie eine Klassifizierung: Richtig positiv, Unbedenklich positiv, Falsch positiv oder Unbestimmt.</translation>
    </message>
    <message>
        <location filename="../sync/syncengine.cpp" line="191"/>
        <source>%1 takes no reason; leave the reason empty.</source>
        <translation>Für %1 gibt es keinen Grund; lassen Sie den Grund leer.</translation>
    </message>
    <message>
        <location filename="../sync/syncengine.cpp" line="197"/>
        <source>&quot;%1&quot; is not a reason for %2; choose %3.</source>
        <translation>„%1“ ist kein Grund für %2; wählen Sie %3.</translation>
    </message>
    <message>
        <location filename="../sync/syncengine.cpp" line="200"/>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <location filename="../sync/syncengine.cpp" line="208"/>
        <source>Undetermined takes no determination; leave it empty or choose another classification.</source>
        <translation>Für Unbestimmt gibt es keine Bestimmung; lassen Sie sie leer, oder wählen Sie eine andere Klassifizierung.</translation>
    </message>
    <message>
        <location filename="../sync/syncengine.cpp" line="219"/>
        <source>Microsoft no longer accepts the determination &quot;%1&quot;; choose one of: %2.</source>
        <translation>Microsoft akzeptiert die Bestimmung „%1“ nicht mehr; wählen Sie eine der folgenden: %2.</translation>
    </message>
    <message>
        <location filename="../sync/syncengine.cpp" line="227"/>
        <source>&quot;%1&quot; is not a determination Microsoft Defender knows; choose one of: %2.</source>
        <translation>„%1“ ist keine Bestimmung, die Microsoft Defender kennt; wählen Sie eine der folgenden: %2.</translation>
    </message>
    <message>
        <location filename="../sync/syncengine.cpp" line="234"/>
        <source>The determination &quot;%1&quot; does not go with %2; choose one of: %3.</source>
        <translation>Die Bestimmung „%1“ passt nicht zu %2; wählen Sie eine der folgenden: %3.</translation>
    </message>
    <message>
        <location filename="../sync/syncengine.cpp" line="255"/>
        <source>Choose why it is a false positive: Incorrect alert logic or Inaccurate data.</source>
        <translation>Wählen Sie aus, warum es falsch positiv ist: Falsche Warnungslogik oder Ungenaue Daten.</translation>
    </message>
    <message>
        <location filename="../sync/syncengine.cpp" line="260"/>
        <source>The reason &quot;%1&quot; means the determination &quot;%2&quot;; change the reason or the determination so that they agree.</source>
        <translation>Der Grund „%1“ bedeutet die Bestimmung „%2“; ändern Sie den Grund oder die Bestimmung, sodass beide übereinstimmen.</translation>
    </message>
    <message>
        <location filename="../sync/syncengine.cpp" line="304"/>
        <source>Nothing to change: set a status, owner, classification, tag or comment.</source>
        <translation>Nichts zu ändern: Legen Sie einen Status, einen Besitzer, eine Klassifizierung, ein Tag oder einen Kommentar fest.</translation>
    </message>
    <message>
        <location filename="../sync/syncengine.cpp" line="309"/>
        <source>The edit has no time; it cannot be ordered against changes made in the portal.</source>
        <translation>Die Bearbeitung hat keinen Zeitstempel; sie kann nicht gegenüber Änderungen im Portal eingeordnet werden.</translation>
    </message>
    <message>
        <location filename="../sync/syncengine.cpp" line="314"/>
        <source>This incident was merged into incident %1; edit that incident instead.</source>
        <translation>Dieser Vorfall wurde in Vorfall %1 zusammengeführt; bearbeiten Sie stattdessen jenen Vorfall.</translation>
    </message>
    <message>
        <location filename="../sync/syncengine.cpp" line="320"/>
        <source>Choose a status: New, Active or Closed.</source>
        <translation>Wählen Sie einen Status: Neu, Aktiv oder Geschlossen.</translation>
    </message>
    <message>
        <location filename="../sync/syncengine.cpp" line="324"/>
        <source>Choose a classification to close this incident: True positive, Benign positive, False positive or Undetermined.</source>
        <translation>Wählen Sie eine Klassifizierung, um diesen Vorfall zu schließen: Richtig positiv, Unbedenklich positiv, Falsch positiv oder Unbestimmt.</translation>
    </message>
    <message>
        <location filename="../sync/syncengine.cpp" line="334"/>
        <source>&quot;%1&quot; is not a user principal name; enter it as name@domain (for example kai@contoso.com), or unassign.</source>
        <translation>„%1“ ist kein Benutzerprinzipalname; geben Sie ihn als name@domain ein (zum Beispiel kai@contoso.com), oder heben Sie die Zuweisung auf.</translation>
    </message>
    <message>
        <location filename="../sync/syncengine.cpp" line="341"/>
        <source>A tag cannot be empty; type the tag&apos;s text or leave it out.</source>
        <translation>Ein Tag darf nicht leer sein; geben Sie den Text des Tags ein, oder lassen Sie es weg.</translation>
    </message>
    <message>
        <location filename="../sync/syncengine.cpp" line="348"/>
        <source>The tag &quot;%1&quot; is both added and removed; keep only one of the two.</source>
        <translation>Das Tag „%1“ wird zugleich hinzugefügt und entfernt; behalten Sie nur eines von beiden.</translation>
    </message>
    <message>
        <location filename="../sync/syncengine.cpp" line="355"/>
        <source>The comment is empty; type the comment&apos;s text or leave it out.</source>
        <translation>Der Kommentar ist leer; geben Sie den Kommentartext ein, oder lassen Sie ihn weg.</translation>
    </message>
    <message>
        <location filename="../sync/syncengine.cpp" line="365"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../sync/syncengine.cpp" line="367"/>
        <source>Owner</source>
        <translation>Besitzer</translation>
    </message>
    <message>
        <location filename="../sync/syncengine.cpp" line="369"/>
        <source>Classification</source>
        <translation>Klassifizierung</translation>
    </message>
    <message>
        <location filename="../sync/syncengine.cpp" line="371"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../sync/syncengine.cpp" line="373"/>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <location filename="../sync/syncengine.cpp" line="375"/>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <location filename="../sync/syncengine.cpp" line="377"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../sync/syncengine.cpp" line="764"/>
        <source>Microsoft Defender did not accept Vigil&apos;s sign-in; the change is kept and sent after you sign in again.</source>
        <translation>Microsoft Defender hat die Anmeldung von Vigil nicht akzeptiert; die Änderung bleibt erhalten und wird gesendet, sobald Sie sich erneut angemeldet haben.</translation>
    </message>
    <message>
        <location filename="../sync/syncengine.cpp" line="782"/>
        <source>Microsoft Defender refused the change (HTTP %1); it was undone here.</source>
        <translation>Microsoft Defender hat die Änderung abgelehnt (HTTP %1); sie wurde hier rückgängig gemacht.</translation>
    </message>
    <message>
        <location filename="../sync/syncengine.cpp" line="786"/>
        <source>Microsoft Defender refused the change; it was undone here.</source>
        <translation>Microsoft Defender hat die Änderung abgelehnt; sie wurde hier rückgängig gemacht.</translation>
    </message>
</context>
<context>
    <name>Vigil::TagsDialog</name>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="555"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="557"/>
        <source>&amp;Custom tags — uncheck a tag to remove it:</source>
        <translation>&amp;Benutzerdefinierte Tags – Häkchen entfernen, um ein Tag zu entfernen:</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="561"/>
        <source>Custom tags; uncheck a tag to remove it</source>
        <translation>Benutzerdefinierte Tags; Häkchen entfernen, um ein Tag zu entfernen</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="589"/>
        <source>On %1 of the %2 incidents</source>
        <translation>Bei %1 von %2 Vorfällen</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="605"/>
        <source>System tags (set by Microsoft, read-only): %1</source>
        <translation>Systemtags (von Microsoft festgelegt, schreibgeschützt): %1</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="614"/>
        <location filename="../ui/triagedialogs.cpp" line="645"/>
        <source>New tag</source>
        <translation>Neues Tag</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="615"/>
        <source>New tag; Enter adds it</source>
        <translation>Neues Tag; Eingabetaste fügt es hinzu</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="617"/>
        <source>&amp;Add:</source>
        <translation>&amp;Hinzufügen:</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="621"/>
        <source>Add tag</source>
        <translation>Tag hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="623"/>
        <source>Add the typed tag</source>
        <translation>Eingegebenes Tag hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="630"/>
        <source>Save tags</source>
        <translation>Tags speichern</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="671"/>
        <source>Nothing to change: type a tag to add, or uncheck a tag to remove it.</source>
        <translation>Nichts zu ändern: Geben Sie ein Tag zum Hinzufügen ein, oder entfernen Sie das Häkchen bei einem Tag, um es zu entfernen.</translation>
    </message>
</context>
<context>
    <name>Vigil::TriageDialog</name>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="89"/>
        <source>Incidents this change applies to</source>
        <translation>Vorfälle, für die diese Änderung gilt</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="94"/>
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
        <location filename="../ui/triagedialogs.cpp" line="116"/>
        <source>Problem with this change</source>
        <translation>Problem mit dieser Änderung</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="133"/>
        <source>Cancel without changing anything</source>
        <translation>Abbrechen, ohne etwas zu ändern</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="137"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="157"/>
        <source>Apply to %1 incidents</source>
        <translation>Auf %1 Vorfälle anwenden</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="198"/>
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
        <location filename="../core/vocabulary.cpp" line="184"/>
        <location filename="../sync/syncengine.cpp" line="42"/>
        <source>Undetermined</source>
        <translation>Unbestimmt</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="186"/>
        <location filename="../sync/syncengine.cpp" line="36"/>
        <source>True positive</source>
        <translation>Richtig positiv</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="188"/>
        <location filename="../sync/syncengine.cpp" line="38"/>
        <source>Benign positive</source>
        <translation>Unbedenklich positiv</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="190"/>
        <location filename="../sync/syncengine.cpp" line="40"/>
        <source>False positive</source>
        <translation>Falsch positiv</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="203"/>
        <location filename="../sync/syncengine.cpp" line="115"/>
        <source>Suspicious activity</source>
        <translation>Verdächtige Aktivität</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="205"/>
        <location filename="../sync/syncengine.cpp" line="117"/>
        <source>Suspicious but expected</source>
        <translation>Verdächtig, aber erwartet</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="208"/>
        <location filename="../sync/syncengine.cpp" line="119"/>
        <source>Incorrect alert logic</source>
        <translation>Falsche Warnungslogik</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="210"/>
        <location filename="../sync/syncengine.cpp" line="121"/>
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
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/vigil.cpp" line="61"/>
        <source>Vigil: triage Microsoft 365 Defender incidents.</source>
        <translation>Vigil: Triage von Microsoft 365 Defender-Vorfällen.</translation>
    </message>
    <message>
        <location filename="../app/vigil.cpp" line="66"/>
        <source>After the first sync, save the main window (queue and the detail of an incident with more than 150 alerts) to FILE as PNG and exit.</source>
        <translation>Nach der ersten Synchronisierung das Hauptfenster (Warteschlange und Details eines Vorfalls mit mehr als 150 Warnungen) als PNG in FILE speichern und beenden.</translation>
    </message>
    <message>
        <location filename="../app/vigil.cpp" line="72"/>
        <source>With --screenshot: the page to save, queue (the default) or connector.</source>
        <translation>Mit --screenshot: die zu speichernde Seite, queue (Vorgabe) oder connector.</translation>
    </message>
    <message>
        <location filename="../app/vigil.cpp" line="95"/>
        <source>Vigil has no tenant to sync with. Connect with &apos;vigilctl connect&apos;, or set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET for an app registration with SecurityIncident.Read.All, or start &apos;vigil --demo&apos; to try Vigil on the embedded demo tenant.</source>
        <translation>Vigil hat keinen Mandanten zum Synchronisieren. Verbinden Sie sich mit „vigilctl connect“, oder setzen Sie AZURE_TENANT_ID, AZURE_CLIENT_ID und AZURE_CLIENT_SECRET für eine App-Registrierung mit SecurityIncident.Read.All, oder starten Sie „vigil --demo“, um Vigil mit dem eingebauten Demo-Mandanten auszuprobieren.</translation>
    </message>
</context>
</TS>
