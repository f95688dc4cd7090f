<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Vigil::ConnectorPage</name>
    <message numerus="yes">
        <location filename="../ui/connectorpagesafety.cpp" line="51" />
        <source>None of the alerts of the last %n day(s) would have made one, so expect few or none.</source>
        <translation>
            <numerusform>None of the alerts of the last %n day would have made one, so expect few or none.</numerusform>
            <numerusform>None of the alerts of the last %n days would have made one, so expect few or none.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/connectorpagesafety.cpp" line="56" />
        <source>From the %n alert(s) they would have matched </source>
        <translation>
            <numerusform>From the %n alert they would have matched </numerusform>
            <numerusform>From the %n alerts they would have matched </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/connectorpagesafety.cpp" line="57" />
        <source>in the last %n day(s), </source>
        <translation>
            <numerusform>in the last %n day, </numerusform>
            <numerusform>in the last %n days, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/connectorpagesafety.cpp" line="58" />
        <source>expect about %n incident(s) a day</source>
        <translation>
            <numerusform>expect about %n incident a day</numerusform>
            <numerusform>expect about %n incidents a day</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/connectorpagesafety.cpp" line="60" />
        <source>; %n of those alerts are already in M365D incidents, so their incidents would be duplicates.</source>
        <translation>
            <numerusform>; %n of those alerts are already in M365D incidents, so their incidents would be duplicates.</numerusform>
            <numerusform>; %n of those alerts are already in M365D incidents, so their incidents would be duplicates.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/connectorpagesafety.cpp" line="126" />
        <source>While the rules were on (since %1) they made %n incident(s) of alerts that an M365D incident already holds.</source>
        <translation>
            <numerusform>While the rules were on (since %1) they made %n incident of alerts that an M365D incident already holds.</numerusform>
            <numerusform>While the rules were on (since %1) they made %n incidents of alerts that an M365D incident already holds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/connectorpagesafety.cpp" line="134" />
        <source>Close %n duplicate(s)</source>
        <translation>
            <numerusform>Close %n duplicate</numerusform>
            <numerusform>Close %n duplicates</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Vigil::CopySupport</name>
    <message numerus="yes">
        <location filename="../ui/copysupport.cpp" line="157" />
        <source>Copy %n selected row(s)</source>
        <translation>
            <numerusform>Copy %n selected row</numerusform>
            <numerusform>Copy %n selected rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Vigil::DashboardPage</name>
    <message numerus="yes">
        <location filename="../ui/dashboardpage.cpp" line="73" />
        <source>%1 (%n incident(s))</source>
        <translation>
            <numerusform>%1 (%n incident)</numerusform>
            <numerusform>%1 (%n incidents)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Vigil::FilterChips</name>
    <message numerus="yes">
        <location filename="../ui/filterchips.cpp" line="73" />
        <source>+%n more</source>
        <translation>
            <numerusform>+%n more</numerusform>
            <numerusform>+%n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Vigil::HuntingImport</name>
    <message numerus="yes">
        <location filename="../ui/huntingimport.cpp" line="74" />
        <source>%Ln row(s) stored</source>
        <translation>
            <numerusform>%Ln row stored</numerusform>
            <numerusform>%Ln rows stored</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/huntingimport.cpp" line="75" />
        <source>%Ln duplicate(s)</source>
        <translation>
            <numerusform>%Ln duplicate</numerusform>
            <numerusform>%Ln duplicates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/huntingimport.cpp" line="76" />
        <source>%Ln rejected</source>
        <translation>
            <numerusform>%Ln rejected</numerusform>
            <numerusform>%Ln rejected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/huntingimport.cpp" line="88" />
        <source>%1: %Ln row(s)</source>
        <translation>
            <numerusform>%1: %Ln row</numerusform>
            <numerusform>%1: %Ln rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Vigil::HuntingResultView</name>
    <message numerus="yes">
        <location filename="../ui/hunting/huntingresultview.cpp" line="45" />
        <source>[%n item(s)]</source>
        <translation>
            <numerusform>[%n item]</numerusform>
            <numerusform>[%n items]</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/hunting/huntingresultview.cpp" line="47" />
        <source>{%n propert(y/ies)}</source>
        <translation>
            <numerusform>{%n property}</numerusform>
            <numerusform>{%n properties}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Vigil::HuntingTab</name>
    <message numerus="yes">
        <location filename="../ui/hunting/huntingtab.cpp" line="242" />
        <source>Waiting for Defender (%1): trying again in %n second(s)</source>
        <translation>
            <numerusform>Waiting for Defender (%1): trying again in %n second</numerusform>
            <numerusform>Waiting for Defender (%1): trying again in %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Vigil::IncidentDetailView</name>
    <message numerus="yes">
        <location filename="../ui/incidentdetailview.cpp" line="670" />
        <source>This incident has %n alerts.</source>
        <translation>
            <numerusform>This incident has %n alert.</numerusform>
            <numerusform>This incident has %n alerts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/incidentdetailview.cpp" line="699" />
        <source>Loading all %n alerts…</source>
        <translation>
            <numerusform>Loading %n alert…</numerusform>
            <numerusform>Loading all %n alerts…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Vigil::IncidentQueueModel</name>
    <message numerus="yes">
        <location filename="../models/incidentqueuemodel.cpp" line="273" />
        <source>%n alerts, all loaded in the detail view.</source>
        <translation>
            <numerusform>%n alerts, all loaded in the detail view.</numerusform>
            <numerusform>%n alerts, all loaded in the detail view.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/incidentqueuemodel.cpp" line="287" />
        <source>%n alerts; the detail view shows the first 150.</source>
        <translation>
            <numerusform>%n alert; the detail view shows the first 150.</numerusform>
            <numerusform>%n alerts; the detail view shows the first 150.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Vigil::MainWindow</name>
    <message numerus="yes">
        <location filename="../ui/mainwindowviews.cpp" line="153" />
        <source>%n view(s) imported</source>
        <translation>
            <numerusform>%n view imported</numerusform>
            <numerusform>%n views imported</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Vigil::QueryLibraryPanel</name>
    <message numerus="yes">
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="334" />
        <source>Remove the %n run(s) in the history? Saved queries stay.</source>
        <translation>
            <numerusform>Remove the %n run in the history? Saved queries stay.</numerusform>
            <numerusform>Remove the %n runs in the history? Saved queries stay.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Vigil::StorageAccountBox</name>
    <message numerus="yes">
        <location filename="../ui/storageaccountbox.cpp" line="168" />
        <source>%Ln row(s) stored</source>
        <translation>
            <numerusform>%Ln row stored</numerusform>
            <numerusform>%Ln rows stored</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/storageaccountbox.cpp" line="169" />
        <source>%Ln duplicate(s) skipped</source>
        <translation>
            <numerusform>%Ln duplicate skipped</numerusform>
            <numerusform>%Ln duplicates skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/storageaccountbox.cpp" line="170" />
        <source>%Ln line(s) rejected</source>
        <translation>
            <numerusform>%Ln line rejected</numerusform>
            <numerusform>%Ln lines rejected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Vigil::TrayNotifier</name>
    <message numerus="yes">
        <location filename="../ui/traynotifier.cpp" line="109" />
        <source>%n new High incident(s)</source>
        <translation>
            <numerusform>%n new High incident</numerusform>
            <numerusform>%n new High incidents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/traynotifier.cpp" line="138" />
        <source>%n incident(s) past their SLA</source>
        <translation>
            <numerusform>%n incident past their SLA</numerusform>
            <numerusform>%n incidents past their SLA</numerusform>
        </translation>
    </message>
</context>
</TS>
