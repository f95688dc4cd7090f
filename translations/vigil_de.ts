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
        <location filename="../ui/incidentdetailview.cpp" line="62"/>
        <source>Incident detail</source>
        <translation>Vorfalldetails</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="69"/>
        <source>Select an incident to see its alerts, entities and comments.
j / k move through the queue, / filters it.</source>
        <translation>Wählen Sie einen Vorfall aus, um seine Warnungen, Entitäten und Kommentare zu sehen.
j / k blättern durch die Warteschlange, / filtert sie.</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="112"/>
        <source>Severity:</source>
        <translation>Schweregrad:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="116"/>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="117"/>
        <source>Incident:</source>
        <translation>Vorfall:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="118"/>
        <source>Defender id:</source>
        <translation>Defender-ID:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="119"/>
        <source>Owner:</source>
        <translation>Besitzer:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="120"/>
        <source>Provider:</source>
        <translation>Anbieter:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="121"/>
        <source>Classification:</source>
        <translation>Klassifizierung:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="122"/>
        <source>Determination:</source>
        <translation>Bestimmung:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="123"/>
        <source>Created:</source>
        <translation>Erstellt:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="124"/>
        <source>Last updated:</source>
        <translation>Zuletzt aktualisiert:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="125"/>
        <source>Tags:</source>
        <translation>Tags:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="153"/>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="155"/>
        <source>Load the incident detail again</source>
        <translation>Vorfalldetails erneut laden</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="169"/>
        <source>Loading</source>
        <translation>Wird geladen</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="183"/>
        <source>Open the full incident in Microsoft 365 Defender</source>
        <translation>Vollständigen Vorfall in Microsoft 365 Defender öffnen</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="188"/>
        <source>Load all alerts</source>
        <translation>Alle Warnungen laden</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="190"/>
        <source>Load all alerts of this incident</source>
        <translation>Alle Warnungen dieses Vorfalls laden</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="207"/>
        <source>Alerts of the incident</source>
        <translation>Warnungen des Vorfalls</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="233"/>
        <source>Entities of the incident, grouped by kind</source>
        <translation>Entitäten des Vorfalls, nach Art gruppiert</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="243"/>
        <source>Comments on the incident</source>
        <translation>Kommentare zum Vorfall</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="246"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="246"/>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="246"/>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="301"/>
        <source>(no title)</source>
        <translation>(kein Titel)</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="308"/>
        <source>Unassigned</source>
        <translation>Nicht zugewiesen</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="310"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="313"/>
        <source>Not classified</source>
        <translation>Nicht klassifiziert</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="315"/>
        <location filename="../ui/incidentdetailview.cpp" line="320"/>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="325"/>
        <source>Merged into %1 — its alerts are there.</source>
        <translation>Zusammengeführt in %1 – dort sind seine Warnungen.</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="328"/>
        <source>Merged into Defender incident %1, which is not in the queue yet.</source>
        <translation>Zusammengeführt in Defender-Vorfall %1, der noch nicht in der Warteschlange ist.</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="331"/>
        <source>Merged into another incident.</source>
        <translation>In einen anderen Vorfall zusammengeführt.</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="337"/>
        <source>Merged from %1.</source>
        <translation>Zusammengeführt aus %1.</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="357"/>
        <source>Loading alerts, entities and comments…</source>
        <translation>Warnungen, Entitäten und Kommentare werden geladen…</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="383"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="394"/>
        <source>150+ alerts — showing the first 150.</source>
        <translation>Über 150 Warnungen – die ersten 150 werden angezeigt.</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="395"/>
        <source>%1 of %2 alerts shown.</source>
        <translation>%1 von %2 Warnungen angezeigt.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/incidentdetailview.cpp" line="396"/>
        <source>This incident has %n alerts.</source>
        <translation>
            <numerusform>Dieser Vorfall hat %n Warnung.</numerusform>
            <numerusform>Dieser Vorfall hat %n Warnungen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/incidentdetailview.cpp" line="416"/>
        <source>Loading all %n alerts…</source>
        <translation>
            <numerusform>%n Warnung wird geladen…</numerusform>
            <numerusform>Alle %n Warnungen werden geladen…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="430"/>
        <source>Alerts (%1 of %2)</source>
        <translation>Warnungen (%1 von %2)</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="431"/>
        <source>Alerts (%1)</source>
        <translation>Warnungen (%1)</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="432"/>
        <source>Entities (%1)</source>
        <translation>Entitäten (%1)</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="433"/>
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
        <location filename="../ui/mainwindow.cpp" line="52"/>
        <source>Vigil — Microsoft 365 Defender incidents</source>
        <translation>Vigil – Microsoft 365 Defender-Vorfälle</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="83"/>
        <location filename="../ui/mainwindow.cpp" line="276"/>
        <source>Sync now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="85"/>
        <source>Try the sync again now</source>
        <translation>Synchronisierung jetzt erneut versuchen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="88"/>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="90"/>
        <source>Hide this message</source>
        <translation>Diese Meldung ausblenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="114"/>
        <source>Opening the incident store…</source>
        <translation>Vorfallspeicher wird geöffnet…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="114"/>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="116"/>
        <source>Sync status</source>
        <translation>Synchronisierungsstatus</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="121"/>
        <source>Incidents shown</source>
        <translation>Angezeigte Vorfälle</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="172"/>
        <location filename="../ui/mainwindow.cpp" line="283"/>
        <source>Quick filter</source>
        <translation>Schnellfilter</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="174"/>
        <source>Filter by number, Defender id, title, owner or tag  ( / )</source>
        <translation>Nach Nummer, Defender-ID, Titel, Besitzer oder Tag filtern  ( / )</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="183"/>
        <source>Incident queue</source>
        <translation>Vorfallwarteschlange</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="268"/>
        <source>Open in Microsoft 365 Defender</source>
        <translation>In Microsoft 365 Defender öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="272"/>
        <source>Open the selected incident in the Defender portal (O)</source>
        <translation>Ausgewählten Vorfall im Defender-Portal öffnen (O)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="279"/>
        <source>Pull changes from Microsoft 365 Defender now (R)</source>
        <translation>Änderungen jetzt aus Microsoft 365 Defender abrufen (R)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="288"/>
        <source>Next incident</source>
        <translation>Nächster Vorfall</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="293"/>
        <source>Previous incident</source>
        <translation>Vorheriger Vorfall</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="298"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="304"/>
        <source>Back to the queue</source>
        <translation>Zurück zur Warteschlange</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="318"/>
        <source>&amp;Vigil</source>
        <translation>&amp;Vigil</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="323"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="328"/>
        <source>Columns…</source>
        <translation>Spalten…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="332"/>
        <source>&amp;Incident</source>
        <translation>V&amp;orfall</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="335"/>
        <source>Main</source>
        <translation>Hauptsymbolleiste</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="424"/>
        <source>Incident #%1 has no Microsoft 365 Defender incident to open.</source>
        <translation>Vorfall #%1 hat keinen Microsoft 365 Defender-Vorfall, der geöffnet werden kann.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="431"/>
        <source>No web browser could be started for %1. Copy the address and open it yourself.</source>
        <translation>Für %1 konnte kein Webbrowser gestartet werden. Kopieren Sie die Adresse und öffnen Sie sie selbst.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="515"/>
        <source>Incident store opened; waiting for the first sync…</source>
        <translation>Vorfallspeicher geöffnet; warte auf die erste Synchronisierung…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="573"/>
        <source>The alerts of incident #%1 could not be loaded. </source>
        <translation>Die Warnungen von Vorfall #%1 konnten nicht geladen werden. </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="583"/>
        <source>Up to date</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="586"/>
        <source>Syncing…</source>
        <translation>Wird synchronisiert…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="590"/>
        <source>Waiting until %1 before the next call</source>
        <translation>Warten bis %1 vor dem nächsten Aufruf</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="593"/>
        <source>Waiting before the next call</source>
        <translation>Warten vor dem nächsten Aufruf</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="596"/>
        <source>Offline — showing the local copy</source>
        <translation>Offline – lokale Kopie wird angezeigt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="599"/>
        <source>Sync error</source>
        <translation>Synchronisierungsfehler</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="603"/>
        <source>Last sync %1</source>
        <translation>Zuletzt synchronisiert um %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="607"/>
        <source>Not synced yet</source>
        <translation>Noch nicht synchronisiert</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="613"/>
        <source>Changes pulled up to %1</source>
        <translation>Änderungen abgerufen bis %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="619"/>
        <source>Graph calls %1/%2 per min</source>
        <translation>Graph-Aufrufe %1/%2 pro Min.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="632"/>
        <source>The last sync failed. </source>
        <translation>Die letzte Synchronisierung ist fehlgeschlagen. </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="638"/>
        <source>Vigil cannot show incidents. </source>
        <translation>Vigil kann keine Vorfälle anzeigen. </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="640"/>
        <source>Incident store unavailable</source>
        <translation>Vorfallspeicher nicht verfügbar</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="658"/>
        <source>1 incident</source>
        <translation>1 Vorfall</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="658"/>
        <source>%1 incidents</source>
        <translation>%1 Vorfälle</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="663"/>
        <source>%1 of %2</source>
        <comment>shown of total incidents</comment>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="696"/>
        <source>Reset columns</source>
        <translation>Spalten zurücksetzen</translation>
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
        <source>Undetermined</source>
        <translation>Unbestimmt</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="186"/>
        <source>True positive</source>
        <translation>Richtig positiv</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="188"/>
        <source>Benign positive</source>
        <translation>Unbedenklich positiv</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="190"/>
        <source>False positive</source>
        <translation>Falsch positiv</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="203"/>
        <source>Suspicious activity</source>
        <translation>Verdächtige Aktivität</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="205"/>
        <source>Suspicious but expected</source>
        <translation>Verdächtig, aber erwartet</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="208"/>
        <source>Incorrect alert logic</source>
        <translation>Falsche Warnungslogik</translation>
    </message>
    <message>
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
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/vigil.cpp" line="58"/>
        <source>Vigil: triage Microsoft 365 Defender incidents.</source>
        <translation>Vigil: Triage von Microsoft 365 Defender-Vorfällen.</translation>
    </message>
    <message>
        <location filename="../app/vigil.cpp" line="63"/>
        <source>After the first sync, save the main window (queue and the detail of an incident with more than 150 alerts) to FILE as PNG and exit.</source>
        <translation>Nach der ersten Synchronisierung das Hauptfenster (Warteschlange und Details eines Vorfalls mit mehr als 150 Warnungen) als PNG in FILE speichern und beenden.</translation>
    </message>
    <message>
        <location filename="../app/vigil.cpp" line="84"/>
        <source>Vigil has no tenant to sync with. Set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET for an app registration with SecurityIncident.Read.All, or start &apos;vigil --demo&apos; to try Vigil on the embedded demo tenant.</source>
        <translation>Vigil hat keinen Mandanten zum Synchronisieren. Setzen Sie AZURE_TENANT_ID, AZURE_CLIENT_ID und AZURE_CLIENT_SECRET für eine App-Registrierung mit SecurityIncident.Read.All, oder starten Sie „vigil --demo“, um Vigil mit dem eingebetteten Demo-Mandanten auszuprobieren.</translation>
    </message>
</context>
</TS>
