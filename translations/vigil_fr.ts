<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>Vigil::AlertListModel</name>
    <message>
        <location filename="../models/alertlistmodel.cpp" line="27"/>
        <source>New</source>
        <translation>Nouvelle</translation>
    </message>
    <message>
        <location filename="../models/alertlistmodel.cpp" line="29"/>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location filename="../models/alertlistmodel.cpp" line="31"/>
        <source>Resolved</source>
        <translation>Résolue</translation>
    </message>
    <message>
        <location filename="../models/alertlistmodel.cpp" line="34"/>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <location filename="../models/alertlistmodel.cpp" line="110"/>
        <source>Alert</source>
        <translation>Alerte</translation>
    </message>
    <message>
        <location filename="../models/alertlistmodel.cpp" line="112"/>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <location filename="../models/alertlistmodel.cpp" line="114"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../models/alertlistmodel.cpp" line="116"/>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <location filename="../models/alertlistmodel.cpp" line="118"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location filename="../models/alertlistmodel.cpp" line="120"/>
        <source>Created</source>
        <translation>Création</translation>
    </message>
    <message>
        <location filename="../models/alertlistmodel.cpp" line="122"/>
        <source>Alert id</source>
        <translation>ID d&apos;alerte</translation>
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
        <translation>Entité</translation>
    </message>
    <message>
        <location filename="../models/entitytreemodel.cpp" line="155"/>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <location filename="../models/entitytreemodel.cpp" line="157"/>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <location filename="../models/entitytreemodel.cpp" line="159"/>
        <source>Remediation</source>
        <translation>Correction</translation>
    </message>
    <message>
        <location filename="../models/entitytreemodel.cpp" line="161"/>
        <source>Roles</source>
        <translation>Rôles</translation>
    </message>
</context>
<context>
    <name>Vigil::ErrorText</name>
    <message>
        <location filename="../ui/errortext.cpp" line="12"/>
        <source>no details</source>
        <translation>aucun détail</translation>
    </message>
    <message>
        <location filename="../ui/errortext.cpp" line="20"/>
        <source>Cannot reach Microsoft Graph (%1). Vigil keeps retrying; check the network connection or proxy.</source>
        <translation>Impossible de joindre Microsoft Graph (%1). Vigil continue de réessayer&#xa0;; vérifiez la connexion réseau ou le proxy.</translation>
    </message>
    <message>
        <location filename="../ui/errortext.cpp" line="24"/>
        <source>Microsoft Graph did not answer in time (%1). Vigil keeps retrying.</source>
        <translation>Microsoft Graph n&apos;a pas répondu à temps (%1). Vigil continue de réessayer.</translation>
    </message>
    <message>
        <location filename="../ui/errortext.cpp" line="26"/>
        <source>Signing in to the tenant failed (%1). Check the tenant id, client id and client secret on the connector page.</source>
        <translation>La connexion au locataire a échoué (%1). Vérifiez l&apos;ID de locataire, l&apos;ID client et le secret client sur la page du connecteur.</translation>
    </message>
    <message>
        <location filename="../ui/errortext.cpp" line="30"/>
        <source>The app registration is not allowed to read incidents (%1). Grant SecurityIncident.Read.All with admin consent.</source>
        <translation>L&apos;inscription d&apos;application n&apos;est pas autorisée à lire les incidents (%1). Accordez SecurityIncident.Read.All avec le consentement administrateur.</translation>
    </message>
    <message>
        <location filename="../ui/errortext.cpp" line="34"/>
        <source>Microsoft Graph does not know this item (%1). It may have been deleted in the Defender portal.</source>
        <translation>Microsoft Graph ne connaît pas cet élément (%1). Il a peut-être été supprimé dans le portail Defender.</translation>
    </message>
    <message>
        <location filename="../ui/errortext.cpp" line="39"/>
        <source>Microsoft Graph is throttling Vigil; the next call waits %1 s. Nothing to do: sync resumes by itself.</source>
        <translation>Microsoft Graph limite Vigil&#xa0;; le prochain appel attend %1&#xa0;s. Aucune action requise&#xa0;: la synchronisation reprend d&apos;elle-même.</translation>
    </message>
    <message>
        <location filename="../ui/errortext.cpp" line="42"/>
        <source>Microsoft Graph is throttling Vigil. Nothing to do: sync resumes by itself.</source>
        <translation>Microsoft Graph limite Vigil. Aucune action requise&#xa0;: la synchronisation reprend d&apos;elle-même.</translation>
    </message>
    <message>
        <location filename="../ui/errortext.cpp" line="44"/>
        <source>Microsoft Graph had a server error (%1). Vigil keeps retrying.</source>
        <translation>Microsoft Graph a rencontré une erreur serveur (%1). Vigil continue de réessayer.</translation>
    </message>
    <message>
        <location filename="../ui/errortext.cpp" line="46"/>
        <source>Microsoft Graph refused a request (%1). Please report this with the log.</source>
        <translation>Microsoft Graph a refusé une requête (%1). Signalez-le en joignant le journal.</translation>
    </message>
    <message>
        <location filename="../ui/errortext.cpp" line="49"/>
        <source>Vigil could not read an answer from Microsoft Graph (%1). Please report this with the log.</source>
        <translation>Vigil n&apos;a pas pu lire une réponse de Microsoft Graph (%1). Signalez-le en joignant le journal.</translation>
    </message>
    <message>
        <location filename="../ui/errortext.cpp" line="53"/>
        <source>Vigil could not use its local incident database (%1). Check free disk space and that the folder is writable, then restart Vigil.</source>
        <translation>Vigil n&apos;a pas pu utiliser sa base de données locale d&apos;incidents (%1). Vérifiez l&apos;espace disque disponible et que le dossier est accessible en écriture, puis redémarrez Vigil.</translation>
    </message>
    <message>
        <location filename="../ui/errortext.cpp" line="57"/>
        <source>The connection settings are incomplete (%1). Fix them on the connector page.</source>
        <translation>Les paramètres de connexion sont incomplets (%1). Corrigez-les sur la page du connecteur.</translation>
    </message>
    <message>
        <location filename="../ui/errortext.cpp" line="60"/>
        <source>The request was cancelled.</source>
        <translation>La requête a été annulée.</translation>
    </message>
    <message>
        <location filename="../ui/errortext.cpp" line="62"/>
        <source>The incident was changed elsewhere at the same time (%1). Review the change in the incident&apos;s activity log.</source>
        <translation>L&apos;incident a été modifié ailleurs au même moment (%1). Vérifiez la modification dans le journal d&apos;activité de l&apos;incident.</translation>
    </message>
</context>
<context>
    <name>Vigil::IncidentDetailView</name>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="62"/>
        <source>Incident detail</source>
        <translation>Détails de l&apos;incident</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="69"/>
        <source>Select an incident to see its alerts, entities and comments.
j / k move through the queue, / filters it.</source>
        <translation>Sélectionnez un incident pour voir ses alertes, entités et commentaires.
j / k parcourent la file d&apos;attente, / la filtre.</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="112"/>
        <source>Severity:</source>
        <translation>Gravité&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="116"/>
        <source>Status:</source>
        <translation>Statut&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="117"/>
        <source>Incident:</source>
        <translation>Incident&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="118"/>
        <source>Defender id:</source>
        <translation>ID Defender&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="119"/>
        <source>Owner:</source>
        <translation>Propriétaire&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="120"/>
        <source>Provider:</source>
        <translation>Fournisseur&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="121"/>
        <source>Classification:</source>
        <translation>Classification&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="122"/>
        <source>Determination:</source>
        <translation>Détermination&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="123"/>
        <source>Created:</source>
        <translation>Création&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="124"/>
        <source>Last updated:</source>
        <translation>Dernière mise à jour&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="125"/>
        <source>Tags:</source>
        <translation>Balises&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="153"/>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="155"/>
        <source>Load the incident detail again</source>
        <translation>Recharger les détails de l&apos;incident</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="169"/>
        <source>Loading</source>
        <translation>Chargement</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="183"/>
        <source>Open the full incident in Microsoft 365 Defender</source>
        <translation>Ouvrir l&apos;incident complet dans Microsoft 365 Defender</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="188"/>
        <source>Load all alerts</source>
        <translation>Charger toutes les alertes</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="190"/>
        <source>Load all alerts of this incident</source>
        <translation>Charger toutes les alertes de cet incident</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="207"/>
        <source>Alerts of the incident</source>
        <translation>Alertes de l&apos;incident</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="233"/>
        <source>Entities of the incident, grouped by kind</source>
        <translation>Entités de l&apos;incident, regroupées par type</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="243"/>
        <source>Comments on the incident</source>
        <translation>Commentaires sur l&apos;incident</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="246"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="246"/>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="246"/>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="301"/>
        <source>(no title)</source>
        <translation>(sans titre)</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="308"/>
        <source>Unassigned</source>
        <translation>Non attribué</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="310"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="313"/>
        <source>Not classified</source>
        <translation>Non classifié</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="315"/>
        <location filename="../ui/incidentdetailview.cpp" line="320"/>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="325"/>
        <source>Merged into %1 — its alerts are there.</source>
        <translation>Fusionné dans %1 — ses alertes s&apos;y trouvent.</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="328"/>
        <source>Merged into Defender incident %1, which is not in the queue yet.</source>
        <translation>Fusionné dans l&apos;incident Defender %1, qui n&apos;est pas encore dans la file d&apos;attente.</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="331"/>
        <source>Merged into another incident.</source>
        <translation>Fusionné dans un autre incident.</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="337"/>
        <source>Merged from %1.</source>
        <translation>Fusion de %1.</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="357"/>
        <source>Loading alerts, entities and comments…</source>
        <translation>Chargement des alertes, entités et commentaires…</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="383"/>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="394"/>
        <source>150+ alerts — showing the first 150.</source>
        <translation>Plus de 150 alertes — affichage des 150 premières.</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="395"/>
        <source>%1 of %2 alerts shown.</source>
        <translation>%1 alertes affichées sur %2.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/incidentdetailview.cpp" line="396"/>
        <source>This incident has %n alerts.</source>
        <translation>
            <numerusform>Cet incident comporte %n alerte.</numerusform>
            <numerusform>Cet incident comporte %n alertes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/incidentdetailview.cpp" line="416"/>
        <source>Loading all %n alerts…</source>
        <translation>
            <numerusform>Chargement de %n alerte…</numerusform>
            <numerusform>Chargement des %n alertes…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="430"/>
        <source>Alerts (%1 of %2)</source>
        <translation>Alertes (%1 sur %2)</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="431"/>
        <source>Alerts (%1)</source>
        <translation>Alertes (%1)</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="432"/>
        <source>Entities (%1)</source>
        <translation>Entités (%1)</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="433"/>
        <source>Comments (%1)</source>
        <translation>Commentaires (%1)</translation>
    </message>
</context>
<context>
    <name>Vigil::IncidentQueueModel</name>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="73"/>
        <source>Synced</source>
        <translation>Synchronisé</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="75"/>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="77"/>
        <source>Conflict</source>
        <translation>Conflit</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="79"/>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/incidentqueuemodel.cpp" line="200"/>
        <source>%n alerts; the detail view shows the first 150.</source>
        <translation>
            <numerusform>%n alerte&#xa0;; la vue détaillée affiche les 150 premières.</numerusform>
            <numerusform>%n alertes&#xa0;; la vue détaillée affiche les 150 premières.</numerusform>
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
        <translation>Numéro d&apos;incident</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="251"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="253"/>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="255"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="257"/>
        <source>Owner</source>
        <translation>Propriétaire</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="259"/>
        <source>Classification</source>
        <translation>Classification</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="261"/>
        <source>Provider</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="263"/>
        <source>Alerts</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="265"/>
        <source>Tags</source>
        <translation>Balises</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="267"/>
        <source>Created</source>
        <translation>Création</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="269"/>
        <source>Last updated</source>
        <translation>Mise à jour</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="271"/>
        <source>Sync</source>
        <translation>Synchro</translation>
    </message>
</context>
<context>
    <name>Vigil::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="52"/>
        <source>Vigil — Microsoft 365 Defender incidents</source>
        <translation>Vigil — Incidents Microsoft 365 Defender</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="83"/>
        <location filename="../ui/mainwindow.cpp" line="276"/>
        <source>Sync now</source>
        <translation>Synchroniser</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="85"/>
        <source>Try the sync again now</source>
        <translation>Relancer la synchronisation maintenant</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="88"/>
        <source>Dismiss</source>
        <translation>Ignorer</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="90"/>
        <source>Hide this message</source>
        <translation>Masquer ce message</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="114"/>
        <source>Opening the incident store…</source>
        <translation>Ouverture du magasin d&apos;incidents…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="114"/>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="116"/>
        <source>Sync status</source>
        <translation>État de la synchronisation</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="121"/>
        <source>Incidents shown</source>
        <translation>Incidents affichés</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="172"/>
        <location filename="../ui/mainwindow.cpp" line="283"/>
        <source>Quick filter</source>
        <translation>Filtre rapide</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="174"/>
        <source>Filter by number, Defender id, title, owner or tag  ( / )</source>
        <translation>Filtrer par numéro, ID Defender, titre, propriétaire ou balise  ( / )</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="183"/>
        <source>Incident queue</source>
        <translation>File d&apos;attente des incidents</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="268"/>
        <source>Open in Microsoft 365 Defender</source>
        <translation>Ouvrir dans Microsoft 365 Defender</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="272"/>
        <source>Open the selected incident in the Defender portal (O)</source>
        <translation>Ouvrir l&apos;incident sélectionné dans le portail Defender (O)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="279"/>
        <source>Pull changes from Microsoft 365 Defender now (R)</source>
        <translation>Récupérer maintenant les modifications de Microsoft 365 Defender (R)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="288"/>
        <source>Next incident</source>
        <translation>Incident suivant</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="293"/>
        <source>Previous incident</source>
        <translation>Incident précédent</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="298"/>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="304"/>
        <source>Back to the queue</source>
        <translation>Retour à la file d&apos;attente</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="318"/>
        <source>&amp;Vigil</source>
        <translation>&amp;Vigil</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="323"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="328"/>
        <source>Columns…</source>
        <translation>Colonnes…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="332"/>
        <source>&amp;Incident</source>
        <translation>&amp;Incident</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="335"/>
        <source>Main</source>
        <translation>Barre principale</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="424"/>
        <source>Incident #%1 has no Microsoft 365 Defender incident to open.</source>
        <translation>L&apos;incident #%1 n&apos;a aucun incident Microsoft 365 Defender à ouvrir.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="431"/>
        <source>No web browser could be started for %1. Copy the address and open it yourself.</source>
        <translation>Aucun navigateur web n&apos;a pu être lancé pour %1. Copiez l&apos;adresse et ouvrez-la vous-même.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="515"/>
        <source>Incident store opened; waiting for the first sync…</source>
        <translation>Magasin d&apos;incidents ouvert&#xa0;; en attente de la première synchronisation…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="573"/>
        <source>The alerts of incident #%1 could not be loaded. </source>
        <translation>Les alertes de l&apos;incident #%1 n&apos;ont pas pu être chargées. </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="583"/>
        <source>Up to date</source>
        <translation>À jour</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="586"/>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="590"/>
        <source>Waiting until %1 before the next call</source>
        <translation>Attente jusqu&apos;à %1 avant le prochain appel</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="593"/>
        <source>Waiting before the next call</source>
        <translation>Attente avant le prochain appel</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="596"/>
        <source>Offline — showing the local copy</source>
        <translation>Hors connexion — affichage de la copie locale</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="599"/>
        <source>Sync error</source>
        <translation>Erreur de synchronisation</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="603"/>
        <source>Last sync %1</source>
        <translation>Dernière synchronisation à %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="607"/>
        <source>Not synced yet</source>
        <translation>Pas encore synchronisé</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="613"/>
        <source>Changes pulled up to %1</source>
        <translation>Modifications récupérées jusqu&apos;au %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="619"/>
        <source>Graph calls %1/%2 per min</source>
        <translation>Appels Graph %1/%2 par min</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="632"/>
        <source>The last sync failed. </source>
        <translation>La dernière synchronisation a échoué. </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="638"/>
        <source>Vigil cannot show incidents. </source>
        <translation>Vigil ne peut pas afficher les incidents. </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="640"/>
        <source>Incident store unavailable</source>
        <translation>Magasin d&apos;incidents indisponible</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="658"/>
        <source>1 incident</source>
        <translation>1 incident</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="658"/>
        <source>%1 incidents</source>
        <translation>%1 incidents</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="663"/>
        <source>%1 of %2</source>
        <comment>shown of total incidents</comment>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="696"/>
        <source>Reset columns</source>
        <translation>Réinitialiser les colonnes</translation>
    </message>
</context>
<context>
    <name>Vigil::Vocabulary</name>
    <message>
        <location filename="../core/vocabulary.cpp" line="147"/>
        <source>Active · awaiting action</source>
        <translation>Actif · en attente d&apos;action</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="150"/>
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="152"/>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="154"/>
        <source>Closed</source>
        <translation>Fermé</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="184"/>
        <source>Undetermined</source>
        <translation>Indéterminé</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="186"/>
        <source>True positive</source>
        <translation>Vrai positif</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="188"/>
        <source>Benign positive</source>
        <translation>Positif bénin</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="190"/>
        <source>False positive</source>
        <translation>Faux positif</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="203"/>
        <source>Suspicious activity</source>
        <translation>Activité suspecte</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="205"/>
        <source>Suspicious but expected</source>
        <translation>Suspect mais attendu</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="208"/>
        <source>Incorrect alert logic</source>
        <translation>Logique d&apos;alerte incorrecte</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="210"/>
        <source>Inaccurate data</source>
        <translation>Données inexactes</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="158"/>
        <location filename="../core/vocabulary.cpp" line="220"/>
        <location filename="../core/vocabulary.cpp" line="283"/>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="221"/>
        <source>APT</source>
        <translation>APT</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="222"/>
        <source>Malware</source>
        <translation>Logiciel malveillant</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="224"/>
        <source>Security personnel</source>
        <translation>Personnel de sécurité</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="226"/>
        <source>Security testing</source>
        <translation>Tests de sécurité</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="228"/>
        <source>Unwanted software</source>
        <translation>Logiciel indésirable</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="229"/>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="231"/>
        <source>Multi-staged attack</source>
        <translation>Attaque en plusieurs étapes</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="233"/>
        <source>Compromised account</source>
        <translation>Compte compromis</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="234"/>
        <source>Phishing</source>
        <translation>Hameçonnage</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="236"/>
        <source>Malicious user activity</source>
        <translation>Activité utilisateur malveillante</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="238"/>
        <source>Not malicious</source>
        <translation>Non malveillant</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="240"/>
        <source>Not enough data to validate</source>
        <translation>Données insuffisantes pour valider</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="242"/>
        <source>Confirmed activity</source>
        <translation>Activité confirmée</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="244"/>
        <source>Line-of-business application</source>
        <translation>Application métier</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="246"/>
        <source>Unknown (future value)</source>
        <translation>Inconnu (valeur future)</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="271"/>
        <source>High</source>
        <translation>Élevé</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="273"/>
        <source>Medium</source>
        <translation>Moyen</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="275"/>
        <source>Low</source>
        <translation>Faible</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="277"/>
        <source>Informational</source>
        <translation>Informatif</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/vigil.cpp" line="58"/>
        <source>Vigil: triage Microsoft 365 Defender incidents.</source>
        <translation>Vigil&#xa0;: triage des incidents Microsoft 365 Defender.</translation>
    </message>
    <message>
        <location filename="../app/vigil.cpp" line="63"/>
        <source>After the first sync, save the main window (queue and the detail of an incident with more than 150 alerts) to FILE as PNG and exit.</source>
        <translation>Après la première synchronisation, enregistrer la fenêtre principale (file d&apos;attente et détails d&apos;un incident de plus de 150 alertes) au format PNG dans FILE, puis quitter.</translation>
    </message>
    <message>
        <location filename="../app/vigil.cpp" line="84"/>
        <source>Vigil has no tenant to sync with. Set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET for an app registration with SecurityIncident.Read.All, or start &apos;vigil --demo&apos; to try Vigil on the embedded demo tenant.</source>
        <translation>Vigil n&apos;a aucun locataire avec lequel se synchroniser. Définissez AZURE_TENANT_ID, AZURE_CLIENT_ID et AZURE_CLIENT_SECRET pour une inscription d&apos;application disposant de SecurityIncident.Read.All, ou lancez «&#xa0;vigil --demo&#xa0;» pour essayer Vigil sur le locataire de démonstration intégré.</translation>
    </message>
</context>
</TS>
