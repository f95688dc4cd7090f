<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>HuntPivot</name>
    <message>
        <location filename="../facade/huntingpivot.cpp" line="143"/>
        <source>Device %1</source>
        <translation>Appareil %1</translation>
    </message>
    <message>
        <location filename="../facade/huntingpivot.cpp" line="167"/>
        <source>User %1</source>
        <translation>Utilisateur %1</translation>
    </message>
    <message>
        <location filename="../facade/huntingpivot.cpp" line="185"/>
        <source>File %1</source>
        <translation>Fichier %1</translation>
    </message>
    <message>
        <location filename="../facade/huntingpivot.cpp" line="198"/>
        <source>IP %1</source>
        <translation>IP %1</translation>
    </message>
    <message>
        <location filename="../facade/huntingpivot.cpp" line="215"/>
        <source>Alert %1</source>
        <translation>Alerte %1</translation>
    </message>
</context>
<context>
    <name>QMainWindow</name>
    <message>
        <location filename="../ui/commandpalette.cpp" line="100"/>
        <source>Other keys</source>
        <translation>Autres touches</translation>
    </message>
</context>
<context>
    <name>TeamDatabaseSetup</name>
    <message>
        <location filename="../facade/teamdatabasesetup.cpp" line="22"/>
        <source>The team database&apos;s password could not be kept in the keychain (%1): %2 Give it with the URL again next time, or through ~/.pgpass.</source>
        <translation>Le mot de passe de la base de données d’équipe n’a pas pu être conservé dans le trousseau (%1)&#xa0;: %2 Indiquez-le de nouveau avec l’URL la prochaine fois, ou via ~/.pgpass.</translation>
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
        <translation>%1 incidents</translation>
    </message>
    <message>
        <location filename="../ui/triageundo.cpp" line="71"/>
        <source>status New</source>
        <translation>statut Nouveau</translation>
    </message>
    <message>
        <location filename="../ui/triageundo.cpp" line="74"/>
        <source>status Active</source>
        <translation>statut Actif</translation>
    </message>
    <message>
        <location filename="../ui/triageundo.cpp" line="77"/>
        <source>close</source>
        <translation>fermeture</translation>
    </message>
    <message>
        <location filename="../ui/triageundo.cpp" line="84"/>
        <source>unassign</source>
        <translation>annulation de l’attribution</translation>
    </message>
    <message>
        <location filename="../ui/triageundo.cpp" line="85"/>
        <source>assign to %1</source>
        <translation>attribution à %1</translation>
    </message>
    <message>
        <location filename="../ui/triageundo.cpp" line="87"/>
        <source>classification</source>
        <translation>classification</translation>
    </message>
    <message>
        <location filename="../ui/triageundo.cpp" line="89"/>
        <source>tags</source>
        <translation>balises</translation>
    </message>
    <message>
        <location filename="../ui/triageundo.cpp" line="91"/>
        <source>comment</source>
        <translation>commentaire</translation>
    </message>
    <message>
        <location filename="../ui/triageundo.cpp" line="92"/>
        <source>%1 on %2</source>
        <comment>what an edit changed, on which incidents</comment>
        <translation>%1 sur %2</translation>
    </message>
</context>
<context>
    <name>Vigil</name>
    <message>
        <location filename="../core/incidentfilter.cpp" line="136"/>
        <source> or </source>
        <translation> ou </translation>
    </message>
    <message>
        <location filename="../core/incidentfilter.cpp" line="164"/>
        <source>owner is me, none or part of a UPN, e.g. owner:me</source>
        <translation>owner vaut me, none ou une partie d’un UPN, par ex. owner:me</translation>
    </message>
    <message>
        <location filename="../core/incidentfilter.cpp" line="166"/>
        <source>tag needs a tag, e.g. tag:VIP</source>
        <translation>tag attend une balise, par ex. tag:VIP</translation>
    </message>
    <message>
        <location filename="../core/incidentfilter.cpp" line="169"/>
        <source>%1 is &lt;N or &gt;N with m, h, d or w (minutes, hours, days, weeks), e.g. %1:&lt;4h</source>
        <translation>%1 vaut &lt;N ou &gt;N avec m, h, d ou w (minutes, heures, jours, semaines), par ex. %1:&lt;4h</translation>
    </message>
    <message>
        <location filename="../core/incidentfilter.cpp" line="174"/>
        <source>%1 is %2</source>
        <translation>%1 vaut %2</translation>
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
        <translation>%1 j %2 h</translation>
    </message>
    <message>
        <location filename="../core/sla.cpp" line="116"/>
        <source>Met</source>
        <translation>Respecté</translation>
    </message>
    <message>
        <location filename="../core/sla.cpp" line="118"/>
        <source>%1 left</source>
        <translation>%1 restant</translation>
    </message>
    <message>
        <location filename="../core/sla.cpp" line="120"/>
        <source>Overdue %1</source>
        <translation>En retard de %1</translation>
    </message>
</context>
<context>
    <name>Vigil::AlertDetailDialog</name>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="48"/>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="48"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="67"/>
        <source>Alert: %1</source>
        <translation>Alerte&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="72"/>
        <source>(no title)</source>
        <translation>(sans titre)</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="84"/>
        <source>No Defender link</source>
        <translation>Aucun lien Defender</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="92"/>
        <source>Open in Microsoft 365 Defender</source>
        <translation>Ouvrir dans Microsoft 365 Defender</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="101"/>
        <source>Fields of the alert</source>
        <translation>Champs de l’alerte</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="106"/>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="107"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="108"/>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="109"/>
        <source>Detection source</source>
        <translation>Source de détection</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="110"/>
        <source>Category (tactic)</source>
        <translation>Catégorie (tactique)</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="111"/>
        <source>MITRE techniques</source>
        <translation>Techniques MITRE</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="112"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="113"/>
        <source>Recommended actions</source>
        <translation>Actions recommandées</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="114"/>
        <source>Threat</source>
        <translation>Menace</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="115"/>
        <source>Threat family</source>
        <translation>Famille de menaces</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="116"/>
        <source>Actor</source>
        <translation>Acteur</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="117"/>
        <source>Assigned to</source>
        <translation>Attribuée à</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="118"/>
        <source>Classification</source>
        <translation>Classification</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="119"/>
        <source>Determination</source>
        <translation>Détermination</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="120"/>
        <source>Created</source>
        <translation>Création</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="121"/>
        <source>First activity</source>
        <translation>Première activité</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="122"/>
        <source>Last activity</source>
        <translation>Dernière activité</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="123"/>
        <source>Last updated</source>
        <translation>Mise à jour</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="124"/>
        <source>Resolved</source>
        <translation>Résolue</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="125"/>
        <source>System tags</source>
        <translation>Balises système</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="126"/>
        <source>Alert id</source>
        <translation>ID d&apos;alerte</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="127"/>
        <source>Provider alert id</source>
        <translation>ID de l’alerte chez le fournisseur</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="128"/>
        <source>Incident id</source>
        <translation>ID de l’incident</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="129"/>
        <source>Detector id</source>
        <translation>ID du détecteur</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="130"/>
        <source>Alert policy id</source>
        <translation>ID de la stratégie d’alerte</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="131"/>
        <source>Tenant</source>
        <translation>Locataire</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="132"/>
        <source>Incident link</source>
        <translation>Lien de l’incident</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="134"/>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="135"/>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="149"/>
        <source>Custom details</source>
        <translation>Détails personnalisés</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="150"/>
        <source>Additional data</source>
        <translation>Données supplémentaires</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="155"/>
        <source>Evidence of the alert</source>
        <translation>Preuves de l’alerte</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="173"/>
        <source>No evidence</source>
        <translation>Aucune preuve</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="182"/>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="183"/>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="184"/>
        <source>Remediation status</source>
        <translation>État de la correction</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="201"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../ui/alertdetaildialog.cpp" line="204"/>
        <source>Properties of the evidence</source>
        <translation>Propriétés de la preuve</translation>
    </message>
</context>
<context>
    <name>Vigil::AlertListModel</name>
    <message>
        <location filename="../models/alertlistmodel.cpp" line="28"/>
        <source>New</source>
        <translation>Nouvelle</translation>
    </message>
    <message>
        <location filename="../models/alertlistmodel.cpp" line="30"/>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location filename="../models/alertlistmodel.cpp" line="32"/>
        <source>Resolved</source>
        <translation>Résolue</translation>
    </message>
    <message>
        <location filename="../models/alertlistmodel.cpp" line="35"/>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <location filename="../models/alertlistmodel.cpp" line="124"/>
        <source>Alert</source>
        <translation>Alerte</translation>
    </message>
    <message>
        <location filename="../models/alertlistmodel.cpp" line="126"/>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <location filename="../models/alertlistmodel.cpp" line="128"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../models/alertlistmodel.cpp" line="130"/>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <location filename="../models/alertlistmodel.cpp" line="132"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location filename="../models/alertlistmodel.cpp" line="134"/>
        <source>MITRE techniques</source>
        <translation>Techniques MITRE</translation>
    </message>
    <message>
        <location filename="../models/alertlistmodel.cpp" line="136"/>
        <source>Created</source>
        <translation>Création</translation>
    </message>
    <message>
        <location filename="../models/alertlistmodel.cpp" line="138"/>
        <source>Alert id</source>
        <translation>ID d&apos;alerte</translation>
    </message>
</context>
<context>
    <name>Vigil::AssignDialog</name>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="464"/>
        <location filename="../ui/triagedialogs.cpp" line="519"/>
        <source>Assign to me</source>
        <translation>M&apos;attribuer</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="464"/>
        <source>Assign to…</source>
        <translation>Attribuer à…</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="467"/>
        <source>Vigil does not know your account yet. Enter your user principal name once; Vigil remembers it for “Assign to me” (A).</source>
        <translation>Vigil ne connaît pas encore votre compte. Entrez une fois votre nom d&apos;utilisateur principal&#xa0;; Vigil le mémorise pour «&#xa0;M&apos;attribuer&#xa0;» (A).</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="478"/>
        <source>&amp;Your account:</source>
        <translation>&amp;Votre compte&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="478"/>
        <source>Assign &amp;to:</source>
        <translation>&amp;Attribuer à&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="480"/>
        <source>Assign to the user principal name below</source>
        <translation>Attribuer au nom d&apos;utilisateur principal ci-dessous</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="485"/>
        <source>User principal name</source>
        <translation>Nom d&apos;utilisateur principal</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="486"/>
        <source>name@contoso.com</source>
        <translation>nom@contoso.com</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="498"/>
        <source>&amp;Unassign (nobody owns it)</source>
        <translation>A&amp;nnuler l&apos;attribution (aucun propriétaire)</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="500"/>
        <source>Unassign</source>
        <translation>Annuler l&apos;attribution</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="519"/>
        <source>Assign</source>
        <translation>Attribuer</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="542"/>
        <source>Enter your user principal name (for example kai@contoso.com).</source>
        <translation>Entrez votre nom d&apos;utilisateur principal (par exemple kai@contoso.com).</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="544"/>
        <source>Enter a user principal name (for example kai@contoso.com), or choose Unassign.</source>
        <translation>Entrez un nom d&apos;utilisateur principal (par exemple kai@contoso.com) ou choisissez «&#xa0;Annuler l&apos;attribution&#xa0;».</translation>
    </message>
</context>
<context>
    <name>Vigil::CheatSheet</name>
    <message>
        <location filename="../ui/cheatsheet.cpp" line="21"/>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../ui/cheatsheet.cpp" line="24"/>
        <source>Single letters act on the queue when it has the focus; Ctrl+K finds any command by name.</source>
        <translation>Les lettres seules agissent sur la file d’attente quand elle a le focus&#xa0;; Ctrl+K trouve n’importe quelle commande par son nom.</translation>
    </message>
</context>
<context>
    <name>Vigil::CloseDialog</name>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="274"/>
        <source>Close with classification</source>
        <translation>Fermer avec une classification</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="276"/>
        <source>Classification</source>
        <translation>Classification</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="284"/>
        <source>Classification %1</source>
        <translation>Classification %1</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="288"/>
        <source>&amp;True positive</source>
        <translation>&amp;Vrai positif</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="289"/>
        <source>&amp;Benign positive</source>
        <translation>&amp;Positif bénin</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="290"/>
        <source>&amp;False positive</source>
        <translation>&amp;Faux positif</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="291"/>
        <source>&amp;Undetermined</source>
        <translation>&amp;Indéterminé</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="297"/>
        <source>Closing reason</source>
        <translation>Motif de fermeture</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="298"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Motif&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="301"/>
        <source>Determination</source>
        <translation>Détermination</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="302"/>
        <source>&amp;Determination:</source>
        <translation>&amp;Détermination&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="305"/>
        <source>Closing comment (optional)</source>
        <translation>Commentaire de fermeture (facultatif)</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="306"/>
        <source>Optional. Ctrl+Enter closes the incident.</source>
        <translation>Facultatif. Ctrl+Entrée ferme l&apos;incident.</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="308"/>
        <source>Co&amp;mment:</source>
        <translation>C&amp;ommentaire&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="347"/>
        <source>Close incident</source>
        <translation>Fermer l&apos;incident</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="378"/>
        <source>Choose a classification first</source>
        <translation>Choisissez d&apos;abord une classification</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="379"/>
        <source>None for %1</source>
        <translation>Aucun pour %1</translation>
    </message>
</context>
<context>
    <name>Vigil::CommandPalette</name>
    <message>
        <location filename="../ui/commandpalette.cpp" line="119"/>
        <source>Command palette</source>
        <translation>Palette de commandes</translation>
    </message>
    <message>
        <location filename="../ui/commandpalette.cpp" line="124"/>
        <source>Command to run</source>
        <translation>Commande à exécuter</translation>
    </message>
    <message>
        <location filename="../ui/commandpalette.cpp" line="125"/>
        <source>Type a command or a view; Enter runs it</source>
        <translation>Tapez une commande ou une vue&#xa0;; Entrée l’exécute</translation>
    </message>
    <message>
        <location filename="../ui/commandpalette.cpp" line="130"/>
        <source>Commands</source>
        <translation>Commandes</translation>
    </message>
    <message>
        <location filename="../ui/commandpalette.cpp" line="134"/>
        <source>↑ ↓ choose · Enter runs · Esc closes</source>
        <translation>↑ ↓ choisir · Entrée exécute · Échap ferme</translation>
    </message>
</context>
<context>
    <name>Vigil::CommentDialog</name>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="715"/>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="716"/>
        <source>&amp;Comment (Ctrl+Enter sends):</source>
        <translation>&amp;Commentaire (Ctrl+Entrée pour envoyer)&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="719"/>
        <source>Comment text</source>
        <translation>Texte du commentaire</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="724"/>
        <source>Add comment</source>
        <translation>Ajouter un commentaire</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="731"/>
        <source>The comment is empty; type the comment&apos;s text.</source>
        <translation>Le commentaire est vide&#xa0;; saisissez son texte.</translation>
    </message>
</context>
<context>
    <name>Vigil::ConnectorPage</name>
    <message>
        <location filename="../ui/connectorpage.cpp" line="77"/>
        <source>Connector</source>
        <translation>Connecteur</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="163"/>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="166"/>
        <source>State:</source>
        <translation>État&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="167"/>
        <source>Tenant:</source>
        <translation>Locataire&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="168"/>
        <source>Signed in as:</source>
        <translation>Connecté en tant que&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="169"/>
        <location filename="../ui/connectorpage.cpp" line="193"/>
        <source>Cloud:</source>
        <translation>Cloud&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="303"/>
        <source>Health</source>
        <translation>État de santé</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="306"/>
        <source>Last pull:</source>
        <translation>Dernière récupération&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="307"/>
        <source>Last push:</source>
        <translation>Dernier envoi&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="308"/>
        <source>Behind Defender:</source>
        <translation>Retard sur Defender&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="309"/>
        <source>Graph calls:</source>
        <translation>Appels Graph&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="310"/>
        <source>Back-off:</source>
        <translation>Temporisation&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="311"/>
        <source>Last error:</source>
        <translation>Dernière erreur&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="317"/>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="320"/>
        <source>Incidents:</source>
        <translation>Incidents&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="321"/>
        <source>Alerts in incidents:</source>
        <translation>Alertes dans les incidents&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="322"/>
        <source>Component alerts:</source>
        <translation>Alertes des composants&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="323"/>
        <source>Rule incidents:</source>
        <translation>Incidents issus de règles&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="324"/>
        <source>Duplicates:</source>
        <translation>Doublons&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="51"/>
        <location filename="../ui/connectorpagerules.cpp" line="80"/>
        <source>Incident creation rules</source>
        <translation>Règles de création d’incidents</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="56"/>
        <source>Turn off all Microsoft incident creation rules for these products (recommended)</source>
        <translation>Désactiver toutes les règles Microsoft de création d’incidents pour ces produits (recommandé)</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="59"/>
        <source>Microsoft Defender for Endpoint, for Identity and for Office 365: Microsoft 365 Defender already makes incidents of their alerts.</source>
        <translation>Microsoft Defender for Endpoint, for Identity et for Office 365&#xa0;: Microsoft 365 Defender crée déjà des incidents à partir de leurs alertes.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="64"/>
        <source>Covers MDE, MDI and MDO. With the rules on beside the connector, each rule incident whose alert an M365D incident also holds is marked as its duplicate.</source>
        <translation>Concerne MDE, MDI et MDO. Si les règles fonctionnent à côté du connecteur, chaque incident de règle dont l’alerte figure aussi dans un incident M365D est marqué comme son doublon.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="72"/>
        <source>The MCAS rule stays on. %1</source>
        <translation>La règle MCAS reste active. %1</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="83"/>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="83"/>
        <source>Creates incidents</source>
        <translation>Crée des incidents</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="83"/>
        <source>Filters</source>
        <translation>Filtres</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="103"/>
        <source>Edit rule</source>
        <translation>Modifier la règle</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="113"/>
        <source>Create incidents from these alerts</source>
        <translation>Créer des incidents à partir de ces alertes</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="120"/>
        <location filename="../ui/connectorpagerules.cpp" line="221"/>
        <source>High</source>
        <translation>Élevée</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="120"/>
        <location filename="../ui/connectorpagerules.cpp" line="221"/>
        <source>Medium</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="120"/>
        <location filename="../ui/connectorpagerules.cpp" line="221"/>
        <source>Low</source>
        <translation>Faible</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="120"/>
        <location filename="../ui/connectorpagerules.cpp" line="221"/>
        <source>Informational</source>
        <translation>Informative</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="128"/>
        <source>Severities:</source>
        <translation>Gravités&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="131"/>
        <source>every title; or parts separated by commas</source>
        <translation>tous les titres&#xa0;; ou des parties séparées par des virgules</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="132"/>
        <source>Title contains one of</source>
        <translation>Le titre contient l’un de</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="133"/>
        <source>Title contains:</source>
        <translation>Le titre contient&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="136"/>
        <source>nothing excluded; or parts separated by commas</source>
        <translation>rien d’exclu&#xa0;; ou des parties séparées par des virgules</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="137"/>
        <source>Title does not contain any of</source>
        <translation>Le titre ne contient aucun de</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="138"/>
        <source>Title excludes:</source>
        <translation>Le titre exclut&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="139"/>
        <source>Skip alerts that an M365D incident already holds</source>
        <translation>Ignorer les alertes déjà présentes dans un incident M365D</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="154"/>
        <source>Save rule</source>
        <translation>Enregistrer la règle</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="362"/>
        <source>Disconnected from tenant %1; its secrets were removed from the keychain and Vigil stopped syncing with it.</source>
        <translation>Déconnecté du locataire %1 ; ses secrets ont été retirés du trousseau et Vigil ne se synchronise plus avec lui.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="471"/>
        <source>Connected to tenant %1. The secret is in the keychain; Vigil syncs with this connection now.</source>
        <translation>Connecté au locataire %1. Le secret est dans le trousseau ; Vigil se synchronise désormais avec cette connexion.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="489"/>
        <source>Connected to the embedded demo tenant</source>
        <translation>Connecté au locataire de démonstration intégré</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="491"/>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="494"/>
        <source>Connected as an app (client secret)</source>
        <translation>Connecté en tant qu’application (secret client)</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="495"/>
        <source>Connected with an interactive sign-in</source>
        <translation>Connecté par une connexion interactive</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="497"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="501"/>
        <source>App %1</source>
        <translation>Application %1</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="503"/>
        <source>nobody</source>
        <translation>personne</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="191"/>
        <location filename="../ui/connectorpage.cpp" line="506"/>
        <source>US Government (GCC High)</source>
        <translation>Gouvernement américain (GCC High)</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="192"/>
        <location filename="../ui/connectorpage.cpp" line="508"/>
        <source>US Government (DoD)</source>
        <translation>Gouvernement américain (DoD)</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="190"/>
        <location filename="../ui/connectorpage.cpp" line="510"/>
        <source>Global</source>
        <translation>Mondial</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="57"/>
        <source>read, %1 new</source>
        <translation>lu, %1 nouveaux</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="60"/>
        <source>not streamed</source>
        <translation>non diffusée</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="62"/>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="64"/>
        <source>stopped</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="177"/>
        <source>Interactive sign-in (device code)</source>
        <translation>Connexion interactive (code d’appareil)</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="178"/>
        <source>App with a client secret</source>
        <translation>Application avec un secret client</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="179"/>
        <source>Sign in:</source>
        <translation>Connexion&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="182"/>
        <source>tenant id or domain; empty: your organisation</source>
        <translation>ID ou domaine du locataire&#xa0;; vide&#xa0;: votre organisation</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="183"/>
        <source>Tenant id:</source>
        <translation>ID du locataire&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="186"/>
        <source>application (client) id of the app registration</source>
        <translation>ID d’application (client) de l’inscription d’application</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="187"/>
        <source>Client id:</source>
        <translation>ID client&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="197"/>
        <source>kept only in the system keychain</source>
        <translation>conservé uniquement dans le trousseau du système</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="198"/>
        <source>Client secret:</source>
        <translation>Secret client&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="200"/>
        <source>Connect</source>
        <translation>Connecter</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="202"/>
        <source>Disconnect</source>
        <translation>Déconnecter</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="204"/>
        <source>Forget the saved connection and remove its secrets from the keychain</source>
        <translation>Oublier la connexion enregistrée et retirer ses secrets du trousseau</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="216"/>
        <source>Open the address below in a browser, enter the code and sign in with your work account.</source>
        <translation>Ouvrez l’adresse ci-dessous dans un navigateur, saisissez le code et connectez-vous avec votre compte professionnel.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="225"/>
        <source>Sign-in code</source>
        <translation>Code de connexion</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="236"/>
        <source>Sign-in address</source>
        <translation>Adresse de connexion</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="239"/>
        <source>Open in browser</source>
        <translation>Ouvrir dans le navigateur</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="241"/>
        <source>I have signed in</source>
        <translation>Je me suis connecté</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="243"/>
        <source>Check the sign-in now instead of at the next poll</source>
        <translation>Vérifier la connexion maintenant plutôt qu’à la prochaine interrogation</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="244"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="274"/>
        <source>The sign-in address %1 is not a Microsoft sign-in page; Vigil does not open it. Cancel and try again.</source>
        <translation>L’adresse de connexion %1 n’est pas une page de connexion Microsoft&#xa0;; Vigil ne l’ouvre pas. Annulez et réessayez.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="284"/>
        <source>No browser could be started; open %1 yourself.</source>
        <translation>Aucun navigateur n’a pu être lancé&#xa0;; ouvrez %1 vous-même.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="347"/>
        <source>Sign-in cancelled; nothing was changed.</source>
        <translation>Connexion annulée&#xa0;; rien n’a été modifié.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="365"/>
        <source>There was no saved connection to remove.</source>
        <translation>Il n’y avait aucune connexion enregistrée à retirer.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="398"/>
        <source>Enter the client id of the app registration.</source>
        <translation>Saisissez l’ID client de l’inscription d’application.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="400"/>
        <source>Connecting with a client secret needs the tenant id.</source>
        <translation>La connexion avec un secret client nécessite l’ID du locataire.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="402"/>
        <source>Enter the client secret.</source>
        <translation>Saisissez le secret client.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="420"/>
        <source>Checking the client secret…</source>
        <translation>Vérification du secret client…</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="421"/>
        <source>Asking for a sign-in code…</source>
        <translation>Demande d’un code de connexion…</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="445"/>
        <source>Waiting for the sign-in (the code expires at %1)…</source>
        <translation>En attente de la connexion (le code expire à %1)…</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="480"/>
        <source>Not connected: %1</source>
        <translation>Non connecté&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="526"/>
        <source>%1 of %2 in the last minute</source>
        <translation>%1 sur %2 au cours de la dernière minute</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="569"/>
        <source>Offline — retrying with growing pauses</source>
        <translation>Hors ligne — nouvel essai avec des pauses croissantes</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="589"/>
        <source>Incidents sync, but Defender&apos;s file profiles are not fetched, so FileProfile() in local hunts shows no global prevalence, publisher or threat name: the app registration may not run hunting queries (%1). Grant ThreatHunting.Read.All with admin consent and connect again.</source>
        <translation>Les incidents se synchronisent, mais les profils de fichiers de Defender ne sont pas récupérés : FileProfile() n&apos;affiche donc dans les chasses locales ni prévalence globale, ni éditeur, ni nom de menace. L&apos;inscription d&apos;application ne peut peut-être pas exécuter de requêtes de chasse (%1). Accordez ThreatHunting.Read.All avec le consentement administrateur et reconnectez-vous.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="595"/>
        <source>Defender is throttling hunting queries: file profiles are fetched again after its wait (%1).</source>
        <translation>Defender limite les requêtes de chasse : les profils de fichiers seront récupérés à nouveau après son délai (%1).</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="599"/>
        <source>Incidents sync, but Defender&apos;s file profiles were not fetched: %1</source>
        <translation>Les incidents se synchronisent, mais les profils de fichiers de Defender n&apos;ont pas été récupérés : %1</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="609"/>
        <source>Incidents sync, but Defender&apos;s device discovery answers are not fetched, so SeenBy() in local hunts shows null: the app registration may not run hunting queries (%1). Grant ThreatHunting.Read.All with admin consent and connect again.</source>
        <translation>Les incidents se synchronisent, mais les réponses de découverte d&apos;appareils de Defender ne sont pas récupérées : SeenBy() affiche donc null dans les chasses locales. L&apos;inscription d&apos;application ne peut peut-être pas exécuter de requêtes de chasse (%1). Accordez ThreatHunting.Read.All avec le consentement administrateur et reconnectez-vous.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="615"/>
        <source>Defender is throttling hunting queries: SeenBy() answers are fetched again after its wait (%1).</source>
        <translation>Defender limite les requêtes de chasse : les réponses SeenBy() seront récupérées à nouveau après son délai (%1).</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="619"/>
        <source>Incidents sync, but Defender&apos;s SeenBy() answers were not fetched: %1</source>
        <translation>Les incidents se synchronisent, mais les réponses SeenBy() de Defender n&apos;ont pas été récupérées : %1</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="538"/>
        <location filename="../ui/connectorpage.cpp" line="571"/>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="557"/>
        <source>not yet</source>
        <translation>pas encore</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="563"/>
        <source>Waiting %1 before the next call (until %2)</source>
        <translation>Attente de %1 avant le prochain appel (jusqu’à %2)</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="573"/>
        <source>nothing sent since Vigil started</source>
        <translation>rien d’envoyé depuis le démarrage de Vigil</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="577"/>
        <source>at most %1 s</source>
        <translation>au plus %1&#xa0;s</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="578"/>
        <source>at most %1 min</source>
        <translation>au plus %1&#xa0;min</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="580"/>
        <source>unknown until the first pull</source>
        <translation>inconnu jusqu’à la première récupération</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="201"/>
        <source>The rules could not be saved or read: %1</source>
        <translation>Les règles n’ont pas pu être enregistrées ou lues&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="210"/>
        <source>Off — turned off above</source>
        <translation>Désactivée — par la case ci-dessus</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="211"/>
        <source>On</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="211"/>
        <source>Off</source>
        <translation>Désactivée</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="218"/>
        <source>every severity</source>
        <translation>toutes les gravités</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="230"/>
        <source>title contains %1</source>
        <translation>le titre contient %1</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="232"/>
        <source>title excludes %1</source>
        <translation>le titre exclut %1</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="234"/>
        <source>skips alerts in M365D incidents</source>
        <translation>ignore les alertes des incidents M365D</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="288"/>
        <source>Turned off by &quot;Turn off all Microsoft incident creation rules&quot;; clear that box to turn it on.</source>
        <translation>Désactivée par «&#xa0;Désactiver toutes les règles Microsoft de création d’incidents&#xa0;»&#xa0;; décochez cette case pour l’activer.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="299"/>
        <source>Off while &quot;Turn off all Microsoft incident creation rules&quot; is checked. %1</source>
        <translation>Désactivée tant que «&#xa0;Désactiver toutes les règles Microsoft de création d’incidents&#xa0;» est cochée. %1</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="629"/>
        <source>Incidents sync, but component alerts are not pulled and the incident creation rules do not run: the app registration may not read alerts (%1). Grant SecurityAlert.Read.All with admin consent.</source>
        <translation>Les incidents sont synchronisés, mais les alertes des composants ne sont pas récupérées et les règles de création d’incidents ne s’exécutent pas&#xa0;: l’inscription d’application n’a pas le droit de lire les alertes (%1). Accordez SecurityAlert.Read.All avec le consentement administrateur.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="634"/>
        <source>Incidents sync, but Microsoft Graph refused the component alert query, so the incident creation rules do not run (%1). Please report this with the log.</source>
        <translation>Les incidents sont synchronisés, mais Microsoft Graph a refusé la requête des alertes des composants&#xa0;; les règles de création d’incidents ne s’exécutent donc pas (%1). Signalez-le avec le journal.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpage.cpp" line="638"/>
        <source>Incidents sync, but component alerts are not pulled: %1</source>
        <translation>Les incidents sont synchronisés, mais les alertes des composants ne sont pas récupérées&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../core/incidentrules.cpp" line="285"/>
        <source>Microsoft 365 Defender already makes incidents of these alerts; a rule would duplicate them.</source>
        <translation>Microsoft 365 Defender crée déjà des incidents à partir de ces alertes&#xa0;; une règle les dupliquerait.</translation>
    </message>
    <message>
        <location filename="../core/incidentrules.cpp" line="289"/>
        <source>Not every Defender for Cloud Apps alert type is onboarded to Microsoft 365 Defender, so the rule makes incidents of the others. It skips alerts an M365D incident already holds, so there are neither duplicates nor gaps.</source>
        <translation>Tous les types d’alertes de Defender for Cloud Apps ne sont pas intégrés à Microsoft 365 Defender&#xa0;: la règle crée des incidents pour les autres. Elle ignore les alertes déjà présentes dans un incident M365D, sans doublons ni lacunes.</translation>
    </message>
    <message>
        <location filename="../core/incidentrules.cpp" line="295"/>
        <source>Not every Entra ID Protection risk detection reaches a Microsoft 365 Defender incident, so the rule makes incidents of the others. It skips alerts an M365D incident already holds.</source>
        <translation>Toutes les détections de risque d’Entra ID Protection n’aboutissent pas à un incident Microsoft 365 Defender&#xa0;: la règle crée des incidents pour les autres. Elle ignore les alertes déjà présentes dans un incident M365D.</translation>
    </message>
    <message>
        <location filename="../core/incidentrules.cpp" line="300"/>
        <source>Defender for Cloud alerts reach Microsoft 365 Defender only for connected subscriptions, so the rule makes incidents of the others. It skips alerts an M365D incident already holds.</source>
        <translation>Les alertes de Defender for Cloud n’atteignent Microsoft 365 Defender que pour les abonnements connectés&#xa0;: la règle crée des incidents pour les autres. Elle ignore les alertes déjà présentes dans un incident M365D.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="314"/>
        <source>Choose at least one severity; a rule without severities would create nothing.</source>
        <translation>Choisissez au moins une gravité&#xa0;; une règle sans gravité ne créerait rien.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="319"/>
        <source>A title part is empty: remove the extra comma.</source>
        <translation>Une partie de titre est vide&#xa0;: supprimez la virgule en trop.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagerules.cpp" line="324"/>
        <source>&quot;%1&quot; is both included and excluded: an alert with it in its title would never match.</source>
        <translation>«&#xa0;%1&#xa0;» est à la fois inclus et exclu&#xa0;: une alerte dont le titre le contient ne correspondrait jamais.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagesafety.cpp" line="49"/>
        <source>How many incidents to expect is not known here.</source>
        <translation>Le nombre d’incidents à attendre n’est pas connu ici.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/connectorpagesafety.cpp" line="51"/>
        <source>None of the alerts of the last %n day(s) would have made one, so expect few or none.</source>
        <translation>
            <numerusform>Aucune des alertes sur %n jour n’en aurait créé&#xa0;; attendez-vous donc à peu ou pas d’incidents.</numerusform>
            <numerusform>Aucune des alertes sur les %n derniers jours n’en aurait créé&#xa0;; attendez-vous donc à peu ou pas d’incidents.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/connectorpagesafety.cpp" line="56"/>
        <source>From the %n alert(s) they would have matched </source>
        <translation>
            <numerusform>D’après %n alerte qu’elles auraient retenue </numerusform>
            <numerusform>D’après les %n alertes qu’elles auraient retenues </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/connectorpagesafety.cpp" line="57"/>
        <source>in the last %n day(s), </source>
        <translation>
            <numerusform>sur %n jour, </numerusform>
            <numerusform>sur les %n derniers jours, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/connectorpagesafety.cpp" line="58"/>
        <source>expect about %n incident(s) a day</source>
        <translation>
            <numerusform>attendez-vous à environ %n incident par jour</numerusform>
            <numerusform>attendez-vous à environ %n incidents par jour</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/connectorpagesafety.cpp" line="60"/>
        <source>; %n of those alerts are already in M365D incidents, so their incidents would be duplicates.</source>
        <translation>
            <numerusform>; %n de ces alertes est déjà dans des incidents M365D, ses incidents seraient donc des doublons.</numerusform>
            <numerusform>; %n de ces alertes sont déjà dans des incidents M365D, leurs incidents seraient donc des doublons.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/connectorpagesafety.cpp" line="67"/>
        <source>Turn on the Microsoft incident creation rules?</source>
        <translation>Activer les règles Microsoft de création d’incidents&#xa0;?</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagesafety.cpp" line="68"/>
        <source>Vigil will make an incident of its own for every new MDE, MDI and MDO alert that the rules below match, at the next pull and from then on, beside the incidents Microsoft 365 Defender already makes of the same alerts.</source>
        <translation>Vigil créera son propre incident pour chaque nouvelle alerte MDE, MDI et MDO retenue par les règles ci-dessous, dès la prochaine récupération et par la suite, à côté des incidents que Microsoft 365 Defender crée déjà à partir des mêmes alertes.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagesafety.cpp" line="72"/>
        <source>Turn the rules on</source>
        <translation>Activer les règles</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagesafety.cpp" line="74"/>
        <source>Keep them off</source>
        <translation>Les laisser désactivées</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagesafety.cpp" line="125"/>
        <source>Close the duplicates?</source>
        <translation>Fermer les doublons&#xa0;?</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/connectorpagesafety.cpp" line="126"/>
        <source>While the rules were on (since %1) they made %n incident(s) of alerts that an M365D incident already holds.</source>
        <translation>
            <numerusform>Pendant que les règles étaient actives (depuis %1), elles ont créé %n incident à partir d’alertes qu’un incident M365D contient déjà.</numerusform>
            <numerusform>Pendant que les règles étaient actives (depuis %1), elles ont créé %n incidents à partir d’alertes qu’un incident M365D contient déjà.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/connectorpagesafety.cpp" line="131"/>
        <source>Close them as Undetermined, with a comment that they are duplicates? The M365D incidents stay as they are.</source>
        <translation>Les fermer comme «&#xa0;Indéterminé&#xa0;», avec un commentaire indiquant que ce sont des doublons&#xa0;? Les incidents M365D restent tels quels.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/connectorpagesafety.cpp" line="134"/>
        <source>Close %n duplicate(s)</source>
        <translation>
            <numerusform>Fermer %n doublon</numerusform>
            <numerusform>Fermer %n doublons</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/connectorpagesafety.cpp" line="136"/>
        <source>Keep them</source>
        <translation>Les garder</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagesafety.cpp" line="146"/>
        <source>Duplicate of the M365D incident that holds the same alert: made while the Microsoft incident creation rules were on.</source>
        <translation>Doublon de l’incident M365D qui contient la même alerte&#xa0;: créé pendant que les règles Microsoft de création d’incidents étaient actives.</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagesafety.cpp" line="225"/>
        <source>Save the changes to the %1 rule?</source>
        <translation>Enregistrer les modifications de la règle %1&#xa0;?</translation>
    </message>
    <message>
        <location filename="../ui/connectorpagesafety.cpp" line="226"/>
        <source>The %1 rule has changes that are not saved. Save them before opening another rule, or discard them?</source>
        <translation>La règle %1 a des modifications non enregistrées. Les enregistrer avant d’ouvrir une autre règle, ou les abandonner&#xa0;?</translation>
    </message>
</context>
<context>
    <name>Vigil::CopySupport</name>
    <message>
        <location filename="../ui/copysupport.cpp" line="144"/>
        <source>Copy value</source>
        <translation>Copier la valeur</translation>
    </message>
    <message>
        <location filename="../ui/copysupport.cpp" line="145"/>
        <source>Copy %1</source>
        <translation>Copier %1</translation>
    </message>
    <message>
        <location filename="../ui/copysupport.cpp" line="151"/>
        <source>Copy row</source>
        <translation>Copier la ligne</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/copysupport.cpp" line="157"/>
        <source>Copy %n selected row(s)</source>
        <translation>
            <numerusform>Copier %n ligne sélectionnée</numerusform>
            <numerusform>Copier %n lignes sélectionnées</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/copysupport.cpp" line="178"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
</context>
<context>
    <name>Vigil::DashboardPage</name>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="72"/>
        <source>none yet</source>
        <translation>aucun pour l’instant</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dashboardpage.cpp" line="73"/>
        <source>%1 (%n incident(s))</source>
        <translation>
            <numerusform>%1 (%n incident)</numerusform>
            <numerusform>%1 (%n incidents)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="97"/>
        <source>&amp;Save as PNG…</source>
        <translation>&amp;Enregistrer en PNG…</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="99"/>
        <source>Save the dashboard as a PNG image</source>
        <translation>Enregistrer le tableau de bord comme image PNG</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="106"/>
        <source>Incidents created per day by severity</source>
        <translation>Incidents créés par jour selon la gravité</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="108"/>
        <location filename="../ui/dashboardpage.cpp" line="224"/>
        <source>Open incidents by age and SLA state</source>
        <translation>Incidents ouverts selon l’âge et l’état du SLA</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="110"/>
        <location filename="../ui/dashboardpage.cpp" line="263"/>
        <source>Closed incidents by classification</source>
        <translation>Incidents fermés selon la classification</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="112"/>
        <source>Mean time to triage and to close</source>
        <translation>Délai moyen de triage et de fermeture</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="120"/>
        <source>Times run from an incident&apos;s creation to its last update (Graph keeps no triage or closing time), so for open incidents they are upper bounds. First triage: the status leaves New or an owner is set. Days are UTC.</source>
        <translation>Les durées vont de la création d’un incident à sa dernière mise à jour (Graph ne conserve aucune heure de triage ni de fermeture)&#xa0;; pour les incidents ouverts, ce sont donc des bornes supérieures. Premier triage&#xa0;: le statut quitte Nouveau ou un propriétaire est défini. Les jours sont en UTC.</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="130"/>
        <source>Save the dashboard</source>
        <translation>Enregistrer le tableau de bord</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="131"/>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="175"/>
        <source>%1 open · %2 past their SLA · mean time to triage %3 · mean time to close %4</source>
        <translation>%1 ouverts · %2 au-delà de leur SLA · délai moyen de triage %3 · délai moyen de fermeture %4</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="185"/>
        <source>Incidents created per day, by severity</source>
        <translation>Incidents créés par jour, selon la gravité</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="227"/>
        <source>Past SLA</source>
        <translation>SLA dépassé</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="228"/>
        <source>Within SLA</source>
        <translation>Dans le SLA</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="229"/>
        <source>Triaged</source>
        <translation>Triagés</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="230"/>
        <source>No target</source>
        <translation>Aucun objectif</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="267"/>
        <source>True positive</source>
        <translation>Vrai positif</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="268"/>
        <source>Benign positive</source>
        <translation>Positif bénin</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="269"/>
        <source>False positive</source>
        <translation>Faux positif</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="270"/>
        <source>Undetermined</source>
        <translation>Indéterminé</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="271"/>
        <source>Not classified</source>
        <translation>Non classifié</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="272"/>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="284"/>
        <source>Closed incidents by classification: none closed yet</source>
        <translation>Incidents fermés selon la classification&#xa0;: aucun fermé pour l’instant</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="293"/>
        <source>Mean time to triage and to close (hours)</source>
        <translation>Délai moyen de triage et de fermeture (heures)</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="296"/>
        <source>Hours</source>
        <translation>Heures</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="306"/>
        <source>To close: %1</source>
        <translation>Jusqu’à la fermeture&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="307"/>
        <source>To triage: %1</source>
        <translation>Jusqu’au triage&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="338"/>
        <source>Saved %1</source>
        <translation>Enregistré dans %1</translation>
    </message>
    <message>
        <location filename="../ui/dashboardpage.cpp" line="340"/>
        <source>Could not write %1</source>
        <translation>Impossible d’écrire %1</translation>
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
        <translation>1–7 j</translation>
    </message>
    <message>
        <location filename="../core/dashboardstats.cpp" line="41"/>
        <source>&gt; 7 d</source>
        <translation>&gt; 7 j</translation>
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
        <translation>Entité</translation>
    </message>
    <message>
        <location filename="../models/entitytreemodel.cpp" line="176"/>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <location filename="../models/entitytreemodel.cpp" line="178"/>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <location filename="../models/entitytreemodel.cpp" line="180"/>
        <source>Remediation</source>
        <translation>Correction</translation>
    </message>
    <message>
        <location filename="../models/entitytreemodel.cpp" line="182"/>
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
    <name>Vigil::EventStreamController</name>
    <message>
        <location filename="../facade/eventstreamcontroller.cpp" line="232"/>
        <source>No hunting table is collected: turn one on in the Hunting tables list.</source>
        <translation>Aucune table de repérage n’est collectée&#xa0;: activez-en une dans la liste «&#xa0;Tables de repérage&#xa0;».</translation>
    </message>
    <message>
        <location filename="../facade/eventstreamcontroller.cpp" line="323"/>
        <source>No storage account is connected: connect the one the Defender streaming API writes to.</source>
        <translation>Aucun compte de stockage n’est connecté&#xa0;: connectez celui dans lequel écrit l’API de streaming de Defender.</translation>
    </message>
    <message>
        <location filename="../facade/eventstreamcontroller.cpp" line="328"/>
        <source>The hunting tables are not open.</source>
        <translation>Les tables de repérage ne sont pas ouvertes.</translation>
    </message>
    <message>
        <location filename="../facade/eventstreamcontroller.cpp" line="403"/>
        <source>the pass was stopped</source>
        <translation>le passage a été arrêté</translation>
    </message>
</context>
<context>
    <name>Vigil::EvidenceDetail</name>
    <message>
        <location filename="../core/graphdetails.cpp" line="19"/>
        <source>Device name</source>
        <translation>Nom de l’appareil</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="20"/>
        <source>Host name</source>
        <translation>Nom d’hôte</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="21"/>
        <source>DNS domain</source>
        <translation>Domaine DNS</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="22"/>
        <source>NT domain</source>
        <translation>Domaine NT</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="23"/>
        <source>OS</source>
        <translation>Système d’exploitation</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="24"/>
        <source>OS version</source>
        <translation>Version du système</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="25"/>
        <source>OS build</source>
        <translation>Build du système</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="26"/>
        <source>Health</source>
        <translation>État de santé</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="27"/>
        <source>Risk</source>
        <translation>Risque</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="28"/>
        <source>Onboarding</source>
        <translation>Intégration</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="29"/>
        <source>Antivirus</source>
        <translation>Antivirus</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="30"/>
        <source>Device group</source>
        <translation>Groupe d’appareils</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="31"/>
        <source>Device group id</source>
        <translation>ID du groupe d’appareils</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="32"/>
        <source>First seen</source>
        <translation>Vu pour la première fois</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="33"/>
        <source>Last IP address</source>
        <translation>Dernière adresse IP</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="34"/>
        <source>Last external IP address</source>
        <translation>Dernière adresse IP externe</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="35"/>
        <source>IP interfaces</source>
        <translation>Interfaces IP</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="36"/>
        <source>Logged-on users</source>
        <translation>Utilisateurs connectés</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="37"/>
        <source>Virtual machine</source>
        <translation>Machine virtuelle</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="38"/>
        <location filename="../core/graphdetails.cpp" line="48"/>
        <location filename="../core/graphdetails.cpp" line="58"/>
        <location filename="../core/graphdetails.cpp" line="71"/>
        <source>Defender device id</source>
        <translation>ID d’appareil Defender</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="39"/>
        <source>Entra device id</source>
        <translation>ID d’appareil Entra</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="40"/>
        <location filename="../core/graphdetails.cpp" line="45"/>
        <location filename="../core/graphdetails.cpp" line="56"/>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="41"/>
        <location filename="../core/graphdetails.cpp" line="62"/>
        <location filename="../core/graphdetails.cpp" line="95"/>
        <source>Stream</source>
        <translation>Flux</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="42"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="43"/>
        <source>Display name</source>
        <translation>Nom d’affichage</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="44"/>
        <source>UPN</source>
        <translation>UPN</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="46"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="47"/>
        <location filename="../core/graphdetails.cpp" line="57"/>
        <source>Detection</source>
        <translation>Détection</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="49"/>
        <source>Image file</source>
        <translation>Fichier image</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="50"/>
        <source>Process id</source>
        <translation>ID de processus</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="51"/>
        <source>Command line</source>
        <translation>Ligne de commande</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="52"/>
        <source>Started</source>
        <translation>Démarré</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="53"/>
        <source>Parent image file</source>
        <translation>Fichier image parent</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="54"/>
        <source>Parent process id</source>
        <translation>ID du processus parent</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="55"/>
        <source>Parent started</source>
        <translation>Parent démarré</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="59"/>
        <source>IP address</source>
        <translation>Adresse IP</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="60"/>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="61"/>
        <source>Location</source>
        <translation>Emplacement</translation>
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
        <translation>Ruche</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="65"/>
        <location filename="../core/graphdetails.cpp" line="67"/>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="68"/>
        <source>Value name</source>
        <translation>Nom de la valeur</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="69"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="70"/>
        <source>Value type</source>
        <translation>Type de la valeur</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="72"/>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="73"/>
        <source>Sender (P1)</source>
        <translation>Expéditeur (P1)</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="74"/>
        <source>Sender (P2)</source>
        <translation>Expéditeur (P2)</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="75"/>
        <source>Recipient</source>
        <translation>Destinataire</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="76"/>
        <source>Received</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="77"/>
        <source>Delivery action</source>
        <translation>Action de remise</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="78"/>
        <source>Delivery location</source>
        <translation>Emplacement de remise</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="79"/>
        <source>Threats</source>
        <translation>Menaces</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="80"/>
        <source>Detection methods</source>
        <translation>Méthodes de détection</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="81"/>
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="82"/>
        <source>Sender IP</source>
        <translation>IP de l’expéditeur</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="83"/>
        <source>URLs</source>
        <translation>URL</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="84"/>
        <source>URL count</source>
        <translation>Nombre d’URL</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="85"/>
        <source>Attachments</source>
        <translation>Pièces jointes</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="86"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="87"/>
        <source>Internet message id</source>
        <translation>ID de message Internet</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="88"/>
        <source>Network message id</source>
        <translation>ID de message réseau</translation>
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
        <translation>Application</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="91"/>
        <location filename="../core/graphdetails.cpp" line="103"/>
        <source>App id</source>
        <translation>ID de l’application</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="92"/>
        <source>Instance</source>
        <translation>Instance</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="93"/>
        <source>Instance id</source>
        <translation>ID de l’instance</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="94"/>
        <source>SaaS app id</source>
        <translation>ID de l’application SaaS</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="96"/>
        <source>Clustered by</source>
        <translation>Regroupé par</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="97"/>
        <source>Cluster value</source>
        <translation>Valeur de regroupement</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="98"/>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="99"/>
        <source>Network message ids</source>
        <translation>ID de messages réseau</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="100"/>
        <source>Query</source>
        <translation>Requête</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="104"/>
        <source>Object id</source>
        <translation>ID d’objet</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="105"/>
        <source>Publisher</source>
        <translation>Éditeur</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="106"/>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="107"/>
        <source>Group id</source>
        <translation>ID du groupe</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="108"/>
        <source>Friendly name</source>
        <translation>Nom convivial</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="109"/>
        <source>Distinguished name</source>
        <translation>Nom unique</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="110"/>
        <source>SID</source>
        <translation>SID</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="111"/>
        <source>AD object GUID</source>
        <translation>GUID d’objet AD</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="113"/>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="114"/>
        <source>Remediation status</source>
        <translation>État de la correction</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="115"/>
        <source>Remediation details</source>
        <translation>Détails de la correction</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="116"/>
        <source>Roles</source>
        <translation>Rôles</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="117"/>
        <source>Detailed roles</source>
        <translation>Rôles détaillés</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="118"/>
        <source>Tags</source>
        <translation>Balises</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="119"/>
        <source>First seen in the alert</source>
        <translation>Vu pour la première fois dans l’alerte</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="218"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location filename="../core/graphdetails.cpp" line="219"/>
        <source>no</source>
        <translation>non</translation>
    </message>
</context>
<context>
    <name>Vigil::FeedSettingsDialog</name>
    <message>
        <location filename="../ui/hunting/feedsettingsdialog.cpp" line="34"/>
        <source>External data</source>
        <translation>Données externes</translation>
    </message>
    <message>
        <location filename="../ui/hunting/feedsettingsdialog.cpp" line="36"/>
        <source>Queries with externaldata fetch their lists only from the hosts below, over https. Each copy is kept on disk; when a host does not answer, the kept copy is used and the result says how old it is.</source>
        <translation>Les requêtes avec externaldata ne récupèrent leurs listes que depuis les hôtes ci-dessous, via https. Chaque copie est conservée sur le disque&#xa0;; quand un hôte ne répond pas, la copie conservée est utilisée et le résultat indique son âge.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/feedsettingsdialog.cpp" line="46"/>
        <source>Allowed hosts</source>
        <translation>Hôtes autorisés</translation>
    </message>
    <message>
        <location filename="../ui/hunting/feedsettingsdialog.cpp" line="53"/>
        <source>Host name, e.g. feeds.example.org or *.example.org</source>
        <translation>Nom d’hôte, par ex. feeds.example.org ou *.example.org</translation>
    </message>
    <message>
        <location filename="../ui/hunting/feedsettingsdialog.cpp" line="54"/>
        <source>Host to allow</source>
        <translation>Hôte à autoriser</translation>
    </message>
    <message>
        <location filename="../ui/hunting/feedsettingsdialog.cpp" line="55"/>
        <source>&amp;Allow</source>
        <translation>&amp;Autoriser</translation>
    </message>
    <message>
        <location filename="../ui/hunting/feedsettingsdialog.cpp" line="57"/>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <location filename="../ui/hunting/feedsettingsdialog.cpp" line="75"/>
        <source>Offered:</source>
        <translation>Proposés&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/hunting/feedsettingsdialog.cpp" line="96"/>
        <source> MB</source>
        <translation> Mo</translation>
    </message>
    <message>
        <location filename="../ui/hunting/feedsettingsdialog.cpp" line="102"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../ui/hunting/feedsettingsdialog.cpp" line="104"/>
        <source>Work &amp;offline: use the kept copies only</source>
        <translation>Travailler &amp;hors connexion&#xa0;: utiliser uniquement les copies conservées</translation>
    </message>
    <message>
        <location filename="../ui/hunting/feedsettingsdialog.cpp" line="107"/>
        <source>&amp;Size limit per list:</source>
        <translation>&amp;Taille maximale par liste&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/hunting/feedsettingsdialog.cpp" line="108"/>
        <source>&amp;Time limit per list:</source>
        <translation>&amp;Durée maximale par liste&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/hunting/feedsettingsdialog.cpp" line="114"/>
        <source>Kept copies</source>
        <translation>Copies conservées</translation>
    </message>
    <message>
        <location filename="../ui/hunting/feedsettingsdialog.cpp" line="115"/>
        <source>Kept copy of</source>
        <translation>Copie conservée de</translation>
    </message>
    <message>
        <location filename="../ui/hunting/feedsettingsdialog.cpp" line="115"/>
        <source>Fetched</source>
        <translation>Récupérée</translation>
    </message>
    <message>
        <location filename="../ui/hunting/feedsettingsdialog.cpp" line="115"/>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <location filename="../ui/hunting/feedsettingsdialog.cpp" line="139"/>
        <source>“%1” is not a host name.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un nom d’hôte.</translation>
    </message>
</context>
<context>
    <name>Vigil::FilterChips</name>
    <message>
        <location filename="../ui/filterchips.cpp" line="25"/>
        <source>Filter terms</source>
        <translation>Termes du filtre</translation>
    </message>
    <message>
        <location filename="../ui/filterchips.cpp" line="64"/>
        <source>Remove %1 from the filter</source>
        <translation>Retirer %1 du filtre</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/filterchips.cpp" line="73"/>
        <source>+%n more</source>
        <translation>
            <numerusform>+%n autre</numerusform>
            <numerusform>+%n autres</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Vigil::HuntingChartView</name>
    <message>
        <location filename="../ui/hunting/huntingchartparts.cpp" line="142"/>
        <source>The column &quot;%1&quot; is not numeric, so it cannot be drawn as a value.</source>
        <translation>La colonne «&#xa0;%1&#xa0;» n’est pas numérique et ne peut donc pas être tracée comme valeur.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartparts.cpp" line="151"/>
        <source>The result has no numeric column to draw. A chart needs one, for example from summarize count() by …</source>
        <translation>Le résultat n’a aucune colonne numérique à tracer. Un graphique en nécessite une, par exemple issue de summarize count() by …</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartparts.cpp" line="180"/>
        <location filename="../ui/hunting/huntingchartviewbuild.cpp" line="330"/>
        <location filename="../ui/hunting/huntingchartviewbuild.cpp" line="415"/>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartparts.h" line="67"/>
        <source>render&apos;s %1 names the column &quot;%2&quot;, which the result does not have.</source>
        <translation>Le %1 de render désigne la colonne «&#xa0;%2&#xa0;», que le résultat ne contient pas.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartview.cpp" line="28"/>
        <source>Save as PNG…</source>
        <translation>Enregistrer en PNG…</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartview.cpp" line="128"/>
        <source>There is no chart to save.</source>
        <translation>Il n’y a aucun graphique à enregistrer.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartview.cpp" line="133"/>
        <source>Could not write the chart to %1: %2</source>
        <translation>Le graphique n’a pas pu être écrit dans %1&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartview.cpp" line="140"/>
        <source>Save chart as PNG</source>
        <translation>Enregistrer le graphique en PNG</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartview.cpp" line="141"/>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartviewbuild.cpp" line="62"/>
        <source>A timechart needs a datetime column for its x axis, and this result has none.</source>
        <translation>Un timechart nécessite une colonne datetime pour son axe x, et ce résultat n’en a aucune.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartviewbuild.cpp" line="66"/>
        <source>A %1 needs a datetime or numeric column for its x axis.</source>
        <translation>Un %1 nécessite une colonne datetime ou numérique pour son axe x.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartviewbuild.cpp" line="80"/>
        <source>%1 rows: one row in %2 is drawn.</source>
        <translation>%1 lignes&#xa0;: une ligne sur %2 est tracée.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartviewbuild.cpp" line="109"/>
        <location filename="../ui/hunting/huntingchartviewbuild.cpp" line="291"/>
        <source>Only the first %1 series are drawn; %2 more are not.</source>
        <translation>Seules les %1 premières séries sont tracées&#xa0;; %2 autres ne le sont pas.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartviewbuild.cpp" line="132"/>
        <source>There is nothing to draw: every x or y value is empty.</source>
        <translation>Rien à tracer&#xa0;: toutes les valeurs x ou y sont vides.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartviewbuild.cpp" line="223"/>
        <source> (UTC)</source>
        <translation> (UTC)</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartviewbuild.cpp" line="244"/>
        <source>The result has no column to draw.</source>
        <translation>Le résultat n’a aucune colonne à tracer.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartviewbuild.cpp" line="286"/>
        <location filename="../ui/hunting/huntingchartviewbuild.cpp" line="466"/>
        <source>There is nothing to draw: the result has no rows.</source>
        <translation>Rien à tracer&#xa0;: le résultat n’a aucune ligne.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartviewbuild.cpp" line="288"/>
        <source>Only the first %1 categories are drawn.</source>
        <translation>Seules les %1 premières catégories sont tracées.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartviewbuild.cpp" line="390"/>
        <source>There is nothing to draw: a piechart needs values above 0 in &quot;%1&quot;.</source>
        <translation>Rien à tracer&#xa0;: un piechart nécessite des valeurs supérieures à 0 dans «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartviewbuild.cpp" line="397"/>
        <source>1 row with a value of 0 or less is not drawn.</source>
        <translation>1 ligne dont la valeur est inférieure ou égale à 0 n’est pas tracée.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartviewbuild.cpp" line="398"/>
        <source>%1 rows with a value of 0 or less are not drawn.</source>
        <translation>%1 lignes dont la valeur est inférieure ou égale à 0 ne sont pas tracées.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartviewbuild.cpp" line="408"/>
        <source>Other (%1)</source>
        <translation>Autres (%1)</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartviewbuild.cpp" line="409"/>
        <source>The %1 smallest slices are drawn as one, &quot;Other&quot;.</source>
        <translation>Les %1 plus petites parts sont tracées en une seule, «&#xa0;Autres&#xa0;».</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartviewbuild.cpp" line="456"/>
        <source>This result is a table: see the grid.</source>
        <translation>Ce résultat est une table&#xa0;: consultez la grille.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartviewbuild.cpp" line="457"/>
        <source>Vigil does not draw &quot;%1&quot; charts; the rows are in the grid.</source>
        <translation>Vigil ne trace pas les graphiques «&#xa0;%1&#xa0;»&#xa0;; les lignes sont dans la grille.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingchartviewbuild.cpp" line="463"/>
        <source>There is nothing to draw: the result has no columns.</source>
        <translation>Rien à tracer&#xa0;: le résultat n’a aucune colonne.</translation>
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
        <translation>Importer des données de repérage</translation>
    </message>
    <message>
        <location filename="../ui/huntingimport.cpp" line="29"/>
        <source>Hunting data (*.json *.jsonl *.log *.csv *.gz);;All files (*)</source>
        <translation>Données de repérage (*.json *.jsonl *.log *.csv *.gz);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../ui/huntingimport.cpp" line="46"/>
        <source>A portal CSV export does not say its table. Which table is it?</source>
        <translation>Un export CSV du portail n’indique pas sa table. De quelle table s’agit-il&#xa0;?</translation>
    </message>
    <message>
        <location filename="../ui/huntingimport.cpp" line="53"/>
        <source>Importing %1…</source>
        <translation>Importation de %1…</translation>
    </message>
    <message>
        <location filename="../ui/huntingimport.cpp" line="53"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
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
            <numerusform>%Ln ligne enregistrée</numerusform>
            <numerusform>%Ln lignes enregistrées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/huntingimport.cpp" line="75"/>
        <source>%Ln duplicate(s)</source>
        <translation>
            <numerusform>%Ln doublon</numerusform>
            <numerusform>%Ln doublons</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/huntingimport.cpp" line="76"/>
        <source>%Ln rejected</source>
        <translation>
            <numerusform>%Ln rejetée</numerusform>
            <numerusform>%Ln rejetées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/huntingimport.cpp" line="88"/>
        <source>%1: %Ln row(s)</source>
        <translation>
            <numerusform>%1&#xa0;: %Ln ligne</numerusform>
            <numerusform>%1&#xa0;: %Ln lignes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/huntingimport.cpp" line="90"/>
        <source>No new rows.</source>
        <translation>Aucune nouvelle ligne.</translation>
    </message>
    <message>
        <location filename="../ui/huntingimport.cpp" line="91"/>
        <source>Duplicates skipped: %1</source>
        <translation>Doublons ignorés&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../ui/huntingimport.cpp" line="92"/>
        <source>Lines rejected: %1</source>
        <translation>Lignes rejetées&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../ui/huntingimport.cpp" line="95"/>
        <source>  line %1: %2</source>
        <translation>  ligne %1&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../ui/huntingimport.cpp" line="97"/>
        <source>Import finished</source>
        <translation>Importation terminée</translation>
    </message>
    <message>
        <location filename="../ui/huntingimport.cpp" line="99"/>
        <source>Import cancelled: the rows stored before it stopped are kept</source>
        <translation>Importation annulée&#xa0;: les lignes enregistrées avant l’arrêt sont conservées</translation>
    </message>
    <message>
        <location filename="../ui/huntingimport.cpp" line="101"/>
        <source>The import stopped: %1</source>
        <translation>L’importation s’est arrêtée&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Vigil::HuntingPage</name>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="57"/>
        <source>Hunting</source>
        <translation>Repérage</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="61"/>
        <location filename="../ui/hunting/huntingpage.cpp" line="483"/>
        <source>Run in Defender</source>
        <translation>Exécuter dans Defender</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="76"/>
        <source>Running in Defender…</source>
        <translation>Exécution dans Defender…</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="94"/>
        <source>New query tab</source>
        <translation>Nouvel onglet de requête</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="98"/>
        <source>Open a new query tab (Ctrl+T)</source>
        <translation>Ouvrir un nouvel onglet de requête (Ctrl+T)</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="105"/>
        <source>External data…</source>
        <translation>Données externes…</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="107"/>
        <source>The hosts externaldata may fetch lists from, its limits and the kept copies</source>
        <translation>Les hôtes depuis lesquels externaldata peut récupérer des listes, ses limites et les copies conservées</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="123"/>
        <source>GeoIP database…</source>
        <translation>Base de données GeoIP…</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="125"/>
        <source>The MaxMind or DB-IP .mmdb file, or legacy GeoIP.dat file, that geo_info_from_ip_address() reads</source>
        <translation>Le fichier .mmdb MaxMind ou DB-IP, ou l’ancien fichier GeoIP.dat, que lit geo_info_from_ip_address()</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="128"/>
        <source>Use the default GeoIP database</source>
        <translation>Utiliser la base de données GeoIP par défaut</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="144"/>
        <source>Close query tab</source>
        <translation>Fermer l’onglet de requête</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="149"/>
        <source>Rename query tab…</source>
        <translation>Renommer l’onglet de requête…</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="187"/>
        <source>cannot be opened: %1</source>
        <translation>ouverture impossible&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="219"/>
        <source>External data</source>
        <translation>Données externes</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="220"/>
        <source>The settings could not be saved: %1</source>
        <translation>Les paramètres n’ont pas pu être enregistrés&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="229"/>
        <location filename="../ui/hunting/huntingpage.cpp" line="246"/>
        <source>GeoIP database</source>
        <translation>Base de données GeoIP</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="230"/>
        <source>GeoIP databases (*.mmdb *.dat);;All files (*)</source>
        <translation>Bases de données GeoIP (*.mmdb *.dat);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="247"/>
        <source>%1 cannot be used as the GeoIP database: %2.

The GeoIP database stays as it was.</source>
        <translation>%1 ne peut pas être utilisé comme base de données GeoIP&#xa0;: %2.

La base de données GeoIP reste inchangée.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="270"/>
        <source>GeoIP: %1 (%2)</source>
        <translation>GeoIP&#xa0;: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="274"/>
        <source>GeoIP: none (install Debian&apos;s geoip-database or choose a file)</source>
        <translation>GeoIP&#xa0;: aucune (installez le paquet geoip-database de Debian ou choisissez un fichier)</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="276"/>
        <source>GeoIP: %1 (from VIGIL_GEOIP_DB)</source>
        <translation>GeoIP&#xa0;: %1 (via VIGIL_GEOIP_DB)</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="278"/>
        <source>GeoIP: Debian geoip-database (countries)</source>
        <translation>GeoIP&#xa0;: geoip-database de Debian (pays)</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="301"/>
        <source>Schema</source>
        <translation>Schéma</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="319"/>
        <source>Queries</source>
        <translation>Requêtes</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="359"/>
        <source>Last hour</source>
        <translation>Dernière heure</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="360"/>
        <source>Last 24 hours</source>
        <translation>Dernières 24 heures</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="361"/>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="362"/>
        <source>Last 30 days (Defender&apos;s default)</source>
        <translation>30 derniers jours (par défaut dans Defender)</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="382"/>
        <source>Custom…</source>
        <translation>Personnalisé…</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="385"/>
        <source>An ISO 8601 window: P3D (the last 3 days), 2024-02-01T08:00:00Z/2024-02-15T08:00:00Z, P7D/2024-02-15, or a start time</source>
        <translation>Une fenêtre ISO 8601&#xa0;: P3D (les 3 derniers jours), 2024-02-01T08:00:00Z/2024-02-15T08:00:00Z, P7D/2024-02-15, ou une heure de début</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="392"/>
        <location filename="../ui/hunting/huntingpage.cpp" line="413"/>
        <source>Custom: %1</source>
        <translation>Personnalisé&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="399"/>
        <location filename="../ui/hunting/huntingpage.cpp" line="408"/>
        <source>Time window in Defender</source>
        <translation>Fenêtre de temps dans Defender</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="400"/>
        <source>Defender searches its last 30 days. The window to search, in ISO 8601 (P3D, PT12H, start/end, duration/end, or a start time):</source>
        <translation>Defender cherche dans ses 30 derniers jours. La fenêtre à parcourir, en ISO 8601 (P3D, PT12H, début/fin, durée/fin, ou une heure de début)&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="456"/>
        <source>&quot;%1&quot; is not an ISO 8601 time window. Write a duration such as P7D or PT12H, a start/end pair such as 2024-02-01T08:00:00Z/2024-02-15T08:00:00Z, or a start time.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas une fenêtre de temps ISO 8601. Saisissez une durée comme P7D ou PT12H, une paire début/fin comme 2024-02-01T08:00:00Z/2024-02-15T08:00:00Z, ou une heure de début.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="472"/>
        <source>Defender&apos;s last 30 days</source>
        <translation>Les 30 derniers jours de Defender</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="499"/>
        <source>Defender did not answer.</source>
        <translation>Defender n’a pas répondu.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="508"/>
        <source>Ran in Microsoft 365 Defender</source>
        <translation>Exécutée dans Microsoft 365 Defender</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="580"/>
        <source>Run the query (or the selection) in Microsoft 365 Defender, over %1 (the arrow picks the window)</source>
        <translation>Exécuter la requête (ou la sélection) dans Microsoft 365 Defender, sur %1 (la flèche choisit la fenêtre)</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="583"/>
        <source>Running queries in Microsoft 365 Defender is not set up in this window</source>
        <translation>L’exécution de requêtes dans Microsoft 365 Defender n’est pas configurée dans cette fenêtre</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="593"/>
        <source>Query %1</source>
        <translation>Requête %1</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="636"/>
        <source>Rename query tab</source>
        <translation>Renommer l’onglet de requête</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="636"/>
        <source>Name:</source>
        <translation>Nom&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="679"/>
        <source>%1 holds no events</source>
        <translation>%1 ne contient aucun événement</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="682"/>
        <source>%1 holds %2 to %3</source>
        <translation>%1 contient du %2 au %3</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingpage.cpp" line="692"/>
        <source>The local tables do not hold all of %1 to %2 (%3). Run the query in Microsoft 365 Defender for the events this machine does not have.</source>
        <translation>Les tables locales ne couvrent pas toute la période du %1 au %2 (%3). Exécutez la requête dans Microsoft 365 Defender pour obtenir les événements que cette machine n’a pas.</translation>
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
            <numerusform>[%n élément]</numerusform>
            <numerusform>[%n éléments]</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/hunting/huntingresultview.cpp" line="47"/>
        <source>{%n propert(y/ies)}</source>
        <translation>
            <numerusform>{%n propriété}</numerusform>
            <numerusform>{%n propriétés}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingresultview.cpp" line="83"/>
        <source>Filter the rows shown…</source>
        <translation>Filtrer les lignes affichées…</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingresultview.cpp" line="84"/>
        <source>Filter the result rows</source>
        <translation>Filtrer les lignes du résultat</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingresultview.cpp" line="87"/>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingresultview.cpp" line="89"/>
        <source>Save the rows shown as CSV</source>
        <translation>Enregistrer les lignes affichées en CSV</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingresultview.cpp" line="90"/>
        <source>Export JSON…</source>
        <translation>Exporter en JSON…</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingresultview.cpp" line="92"/>
        <source>Save the rows shown as JSON (columns with their types, rows)</source>
        <translation>Enregistrer les lignes affichées en JSON (colonnes avec leurs types, lignes)</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingresultview.cpp" line="116"/>
        <source>Query results</source>
        <translation>Résultats de la requête</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingresultview.cpp" line="130"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingresultview.cpp" line="138"/>
        <source>The selected value as a tree</source>
        <translation>La valeur sélectionnée sous forme d’arbre</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingresultview.cpp" line="139"/>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingresultview.cpp" line="139"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingresultview.cpp" line="154"/>
        <source>Export as CSV</source>
        <translation>Exporter en CSV</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingresultview.cpp" line="154"/>
        <source>Export as JSON</source>
        <translation>Exporter en JSON</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingresultview.cpp" line="156"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingresultview.cpp" line="156"/>
        <source>JSON files (*.json)</source>
        <translation>Fichiers JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingresultview.cpp" line="212"/>
        <source>The results could not be saved to %1: %2</source>
        <translation>Les résultats n’ont pas pu être enregistrés dans %1&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingresultview.cpp" line="326"/>
        <source>Copy cell</source>
        <translation>Copier la cellule</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingresultview.cpp" line="327"/>
        <source>Copy row</source>
        <translation>Copier la ligne</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingresultview.cpp" line="328"/>
        <source>Copy column</source>
        <translation>Copier la colonne</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingresultview.cpp" line="330"/>
        <source>Show as tree</source>
        <translation>Afficher sous forme d’arbre</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingresultview.cpp" line="334"/>
        <source>Hide the tree</source>
        <translation>Masquer l’arbre</translation>
    </message>
</context>
<context>
    <name>Vigil::HuntingTab</name>
    <message>
        <location filename="../ui/hunting/huntingtab.cpp" line="33"/>
        <source>1 row</source>
        <translation>1 ligne</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingtab.cpp" line="34"/>
        <source>%1 rows</source>
        <translation>%1 lignes</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingtab.cpp" line="60"/>
        <source>Run</source>
        <translation>Exécuter</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingtab.cpp" line="62"/>
        <source>Run the selection, or the whole query (Ctrl+Enter); Shift+Enter runs the block at the cursor</source>
        <translation>Exécuter la sélection ou toute la requête (Ctrl+Entrée)&#xa0;; Maj+Entrée exécute le bloc sous le curseur</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingtab.cpp" line="65"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingtab.cpp" line="67"/>
        <source>Stop the running query (Esc in the editor)</source>
        <translation>Arrêter la requête en cours (Échap dans l’éditeur)</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingtab.cpp" line="85"/>
        <source>Rows and time of the last run</source>
        <translation>Lignes et durée de la dernière exécution</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingtab.cpp" line="90"/>
        <source>The error in the query</source>
        <translation>L’erreur dans la requête</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingtab.cpp" line="130"/>
        <source>Results</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingtab.cpp" line="145"/>
        <source>Saved %1</source>
        <translation>Enregistré dans %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/hunting/huntingtab.cpp" line="242"/>
        <source>Waiting for Defender (%1): trying again in %n second(s)</source>
        <translation>
            <numerusform>En attente de Defender (%1)&#xa0;: nouvel essai dans %n seconde</numerusform>
            <numerusform>En attente de Defender (%1)&#xa0;: nouvel essai dans %n secondes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingtab.cpp" line="283"/>
        <source>The query is refused at line %1, column %2: %3</source>
        <translation>La requête est refusée à la ligne %1, colonne %2&#xa0;: %3</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingtab.cpp" line="290"/>
        <source>The query was cancelled.</source>
        <translation>La requête a été annulée.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingtab.cpp" line="321"/>
        <source>Running… %1 · %2 s</source>
        <translation>Exécution… %1 · %2&#xa0;s</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingtab.cpp" line="324"/>
        <source>%1 · %2 s</source>
        <translation>%1 · %2&#xa0;s</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingtab.cpp" line="329"/>
        <source>truncated at %1 rows</source>
        <translation>tronqué à %1 lignes</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingtab.cpp" line="339"/>
        <source>1 warning, hover to read</source>
        <translation>1 avertissement, survoler pour le lire</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingtab.cpp" line="342"/>
        <source>%1 warnings, hover to read</source>
        <translation>%1 avertissements, survoler pour les lire</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingtab.cpp" line="332"/>
        <source>%1 min</source>
        <translation>%1&#xa0;min</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingtab.cpp" line="333"/>
        <source>%1 h</source>
        <translation>%1&#xa0;h</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingtab.cpp" line="334"/>
        <source>%1 days</source>
        <translation>%1&#xa0;jours</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingtab.cpp" line="335"/>
        <source>external data from a kept copy, %1 old</source>
        <translation>données externes issues d’une copie conservée, âgée de %1</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingtab.cpp" line="348"/>
        <source>%1 shown</source>
        <translation>%1 affichées</translation>
    </message>
    <message>
        <location filename="../ui/hunting/huntingtab.cpp" line="369"/>
        <source>Chart</source>
        <translation>Graphique</translation>
    </message>
</context>
<context>
    <name>Vigil::HuntingTablesBox</name>
    <message>
        <location filename="../ui/huntingtablesbox.cpp" line="38"/>
        <source>Hunting tables</source>
        <translation>Tables de repérage</translation>
    </message>
    <message>
        <location filename="../ui/huntingtablesbox.cpp" line="47"/>
        <source>Advanced hunting events kept on this machine, per table. Retention counts from when a row arrived; expired rows are deleted in the background.</source>
        <translation>Événements de repérage avancé conservés sur cette machine, par table. La rétention court à partir de l’arrivée d’une ligne&#xa0;; les lignes expirées sont supprimées en arrière-plan.</translation>
    </message>
    <message>
        <location filename="../ui/huntingtablesbox.cpp" line="55"/>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <location filename="../ui/huntingtablesbox.cpp" line="55"/>
        <source>Collect</source>
        <translation>Collecter</translation>
    </message>
    <message>
        <location filename="../ui/huntingtablesbox.cpp" line="55"/>
        <source>Retention</source>
        <translation>Rétention</translation>
    </message>
    <message>
        <location filename="../ui/huntingtablesbox.cpp" line="55"/>
        <source>Rows</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <location filename="../ui/huntingtablesbox.cpp" line="56"/>
        <source>Streaming</source>
        <translation>Streaming</translation>
    </message>
    <message>
        <location filename="../ui/huntingtablesbox.cpp" line="56"/>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <location filename="../ui/huntingtablesbox.cpp" line="56"/>
        <source>At this retention</source>
        <translation>Avec cette rétention</translation>
    </message>
    <message>
        <location filename="../ui/huntingtablesbox.cpp" line="57"/>
        <source>Oldest event</source>
        <translation>Événement le plus ancien</translation>
    </message>
    <message>
        <location filename="../ui/huntingtablesbox.cpp" line="57"/>
        <source>Newest event</source>
        <translation>Événement le plus récent</translation>
    </message>
    <message>
        <location filename="../ui/huntingtablesbox.cpp" line="57"/>
        <source>Last ingest</source>
        <translation>Dernière ingestion</translation>
    </message>
    <message>
        <location filename="../ui/huntingtablesbox.cpp" line="58"/>
        <source>Rejected</source>
        <translation>Rejetées</translation>
    </message>
    <message>
        <location filename="../ui/huntingtablesbox.cpp" line="83"/>
        <source>The setting of %1 was not saved: %2</source>
        <translation>Le paramètre de %1 n’a pas été enregistré&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../ui/huntingtablesbox.cpp" line="104"/>
        <source>The hunting tables cannot be read: %1</source>
        <translation>Les tables de repérage ne peuvent pas être lues&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../ui/huntingtablesbox.cpp" line="128"/>
        <source>about %1 for 1 day</source>
        <translation>environ %1 pour 1 jour</translation>
    </message>
    <message>
        <location filename="../ui/huntingtablesbox.cpp" line="129"/>
        <source>about %1 for %2 days</source>
        <translation>environ %1 pour %2 jours</translation>
    </message>
    <message>
        <location filename="../ui/huntingtablesbox.cpp" line="166"/>
        <source>Stop collecting %1</source>
        <translation>Arrêter de collecter %1</translation>
    </message>
    <message>
        <location filename="../ui/huntingtablesbox.cpp" line="167"/>
        <source>Stop collecting %1. Also delete the rows it holds now?</source>
        <translation>Arrêter de collecter %1. Supprimer aussi les lignes qu’elle contient actuellement&#xa0;?</translation>
    </message>
    <message>
        <location filename="../ui/huntingtablesbox.cpp" line="182"/>
        <source>unlimited</source>
        <translation>illimitée</translation>
    </message>
    <message>
        <location filename="../ui/huntingtablesbox.cpp" line="183"/>
        <source> days</source>
        <translation> jours</translation>
    </message>
</context>
<context>
    <name>Vigil::IncidentDetailView</name>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="103"/>
        <source>Incident detail</source>
        <translation>Détails de l&apos;incident</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="110"/>
        <source>Select an incident to see its alerts, entities and comments.
j / k move through the queue, / filters it.</source>
        <translation>Sélectionnez un incident pour voir ses alertes, entités et commentaires.
j / k parcourent la file d&apos;attente, / la filtre.</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="158"/>
        <source>Severity:</source>
        <translation>Gravité&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="162"/>
        <source>Status:</source>
        <translation>Statut&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="163"/>
        <source>Incident:</source>
        <translation>Incident&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="164"/>
        <source>Defender id:</source>
        <translation>ID Defender&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="165"/>
        <source>Owner:</source>
        <translation>Propriétaire&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="166"/>
        <source>Provider:</source>
        <translation>Fournisseur&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="167"/>
        <source>Classification:</source>
        <translation>Classification&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="168"/>
        <source>Determination:</source>
        <translation>Détermination&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="169"/>
        <source>Created:</source>
        <translation>Création&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="170"/>
        <source>Last updated:</source>
        <translation>Dernière mise à jour&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="184"/>
        <source>Sync:</source>
        <translation>Synchro&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="191"/>
        <source>Tags:</source>
        <translation>Balises&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="201"/>
        <source>Summary, description and resolving comment</source>
        <translation>Résumé, description et commentaire de résolution</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="239"/>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="241"/>
        <source>Load the incident detail again</source>
        <translation>Recharger les détails de l&apos;incident</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="256"/>
        <source>Loading</source>
        <translation>Chargement</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="271"/>
        <source>Open the full incident in Microsoft 365 Defender</source>
        <translation>Ouvrir l&apos;incident complet dans Microsoft 365 Defender</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="276"/>
        <source>Load all alerts</source>
        <translation>Charger toutes les alertes</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="278"/>
        <source>Load all alerts of this incident</source>
        <translation>Charger toutes les alertes de cet incident</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="295"/>
        <source>Alerts of the incident</source>
        <translation>Alertes de l&apos;incident</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="326"/>
        <source>Entities of the incident, grouped by kind</source>
        <translation>Entités de l&apos;incident, regroupées par type</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="336"/>
        <source>Comments on the incident</source>
        <translation>Commentaires sur l&apos;incident</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="339"/>
        <location filename="../ui/incidentdetailview.cpp" line="428"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="339"/>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="339"/>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="400"/>
        <source>Status…</source>
        <translation>Statut…</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="400"/>
        <source>Set the status of this incident (S)</source>
        <translation>Définir le statut de cet incident (S)</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="402"/>
        <source>Assign to me</source>
        <translation>M&apos;attribuer</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="402"/>
        <source>Assign this incident to me (A)</source>
        <translation>M&apos;attribuer cet incident (A)</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="404"/>
        <source>Assign…</source>
        <translation>Attribuer…</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="404"/>
        <source>Assign this incident to someone (Shift+A)</source>
        <translation>Attribuer cet incident à quelqu&apos;un (Maj+A)</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="406"/>
        <source>Close…</source>
        <translation>Fermer…</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="406"/>
        <source>Close this incident with a classification (C)</source>
        <translation>Fermer cet incident avec une classification (C)</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="408"/>
        <source>Tags…</source>
        <translation>Balises…</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="408"/>
        <source>Add or remove tags of this incident (T)</source>
        <translation>Ajouter ou supprimer des balises de cet incident (T)</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="410"/>
        <source>Comment…</source>
        <translation>Commenter…</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="410"/>
        <source>Comment on this incident (M)</source>
        <translation>Commenter cet incident (M)</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="422"/>
        <source>Sync activity of the incident, newest first</source>
        <translation>Activité de synchronisation de l&apos;incident, la plus récente en premier</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="428"/>
        <source>Side</source>
        <translation>Côté</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="428"/>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="428"/>
        <source>From</source>
        <translation>Avant</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="428"/>
        <source>To</source>
        <translation>Après</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="428"/>
        <location filename="../ui/incidentdetailview.cpp" line="494"/>
        <source>Conflict</source>
        <translation>Conflit</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="428"/>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="440"/>
        <source>Apply mine again</source>
        <translation>Réappliquer ma valeur</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="442"/>
        <source>Send the value Defender overwrote in this conflict again</source>
        <translation>Renvoyer la valeur que Defender a écrasée dans ce conflit</translation>
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
        <translation>(sans titre)</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="562"/>
        <source>%1 by %2</source>
        <translation>%1 par %2</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="599"/>
        <source>Duplicate of %1 — that Microsoft 365 Defender incident holds the same alert.</source>
        <translation>Doublon de %1 — cet incident Microsoft 365 Defender contient la même alerte.</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="692"/>
        <source>Someone else is on this incident: %1</source>
        <translation>Quelqu’un d’autre travaille sur cet incident&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="717"/>
        <source>Activity (%1)</source>
        <translation>Activité (%1)</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="46"/>
        <location filename="../ui/incidentdetailview.cpp" line="546"/>
        <source>Unassigned</source>
        <translation>Non attribué</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="551"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="554"/>
        <source>Not classified</source>
        <translation>Non classifié</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="55"/>
        <location filename="../ui/incidentdetailview.cpp" line="557"/>
        <location filename="../ui/incidentdetailview.cpp" line="566"/>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="52"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="571"/>
        <source>Synced</source>
        <translation>Synchronisé</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="574"/>
        <source>Pending — a change is waiting to be sent to Defender</source>
        <translation>En attente — une modification attend d&apos;être envoyée à Defender</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="577"/>
        <source>Conflict — changed here and in Defender at the same time</source>
        <translation>Conflit — modifié ici et dans Defender au même moment</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="580"/>
        <source>Error — a change could not be delivered</source>
        <translation>Erreur — une modification n&apos;a pas pu être transmise</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="583"/>
        <source>Sync state: %1</source>
        <translation>État de synchronisation&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="590"/>
        <source>Merged into %1 — its alerts are there.</source>
        <translation>Fusionné dans %1 — ses alertes s&apos;y trouvent.</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="593"/>
        <source>Merged into Defender incident %1, which is not in the queue yet.</source>
        <translation>Fusionné dans l&apos;incident Defender %1, qui n&apos;est pas encore dans la file d&apos;attente.</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="596"/>
        <source>Merged into another incident.</source>
        <translation>Fusionné dans un autre incident.</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="605"/>
        <source>Merged from %1.</source>
        <translation>Fusion de %1.</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="628"/>
        <source>Loading alerts, entities and comments…</source>
        <translation>Chargement des alertes, entités et commentaires…</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="655"/>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="668"/>
        <source>150+ alerts — showing the first 150.</source>
        <translation>Plus de 150 alertes — affichage des 150 premières.</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="669"/>
        <source>%1 of %2 alerts shown.</source>
        <translation>%1 alertes affichées sur %2.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/incidentdetailview.cpp" line="670"/>
        <source>This incident has %n alerts.</source>
        <translation>
            <numerusform>Cet incident comporte %n alerte.</numerusform>
            <numerusform>Cet incident comporte %n alertes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/incidentdetailview.cpp" line="699"/>
        <source>Loading all %n alerts…</source>
        <translation>
            <numerusform>Chargement de %n alerte…</numerusform>
            <numerusform>Chargement des %n alertes…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="713"/>
        <source>Alerts (%1 of %2)</source>
        <translation>Alertes (%1 sur %2)</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="714"/>
        <source>Alerts (%1)</source>
        <translation>Alertes (%1)</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="715"/>
        <source>Entities (%1)</source>
        <translation>Entités (%1)</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailview.cpp" line="716"/>
        <source>Comments (%1)</source>
        <translation>Commentaires (%1)</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailhunt.cpp" line="20"/>
        <location filename="../ui/incidentdetailhunt.cpp" line="30"/>
        <source>Hunt</source>
        <translation>Repérer</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailhunt.cpp" line="22"/>
        <source>Hunt for the selected alert or entity</source>
        <translation>Repérer l’alerte ou l’entité sélectionnée</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailhunt.cpp" line="23"/>
        <source>Open the hunting page with a query for the selected alert, device, user, file or IP, over the incident&apos;s time, and run it</source>
        <translation>Ouvrir la page de repérage avec une requête pour l’alerte, l’appareil, l’utilisateur, le fichier ou l’IP sélectionné, sur la période de l’incident, et l’exécuter</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailreading.cpp" line="48"/>
        <source>Filter alerts</source>
        <translation>Filtrer les alertes</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailreading.cpp" line="49"/>
        <source>Filter the alerts by title, product, category, MITRE technique or id</source>
        <translation>Filtrer les alertes par titre, produit, catégorie, technique MITRE ou ID</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailreading.cpp" line="53"/>
        <source>Filter entities</source>
        <translation>Filtrer les entités</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailreading.cpp" line="54"/>
        <source>Filter the entities by name, detail, verdict or kind</source>
        <translation>Filtrer les entités par nom, détail, verdict ou type</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailreading.cpp" line="102"/>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailreading.cpp" line="103"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../ui/incidentdetailreading.cpp" line="104"/>
        <source>Resolving comment</source>
        <translation>Commentaire de résolution</translation>
    </message>
</context>
<context>
    <name>Vigil::IncidentQuery</name>
    <message>
        <location filename="../core/incidentfilter.cpp" line="324"/>
        <source>the quote is not closed</source>
        <translation>le guillemet n’est pas fermé</translation>
    </message>
    <message>
        <location filename="../core/incidentfilter.cpp" line="377"/>
        <source>%1 is not a field; the fields are %2 (quote the term to search for it as text)</source>
        <translation>%1 n’est pas un champ&#xa0;; les champs sont %2 (mettez le terme entre guillemets pour le chercher comme texte)</translation>
    </message>
    <message>
        <location filename="../core/incidentfilter.cpp" line="576"/>
        <source>No incident matches %1.</source>
        <translation>Aucun incident ne correspond à %1.</translation>
    </message>
    <message>
        <location filename="../core/incidentfilter.cpp" line="578"/>
        <source>%1 removed the last incident that the terms before it left.</source>
        <translation>%1 a retiré le dernier incident que laissaient les termes précédents.</translation>
    </message>
    <message>
        <location filename="../core/incidentfilter.cpp" line="579"/>
        <source>%1 removed the last %2 incidents that the terms before it left.</source>
        <translation>%1 a retiré les %2 derniers incidents que laissaient les termes précédents.</translation>
    </message>
</context>
<context>
    <name>Vigil::IncidentQueueModel</name>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="78"/>
        <source>Synced</source>
        <translation>Synchronisé</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="80"/>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="82"/>
        <source>Conflict</source>
        <translation>Conflit</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="84"/>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="270"/>
        <source>Someone else is on this incident: %1</source>
        <translation>Quelqu’un d’autre travaille sur cet incident&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/incidentqueuemodel.cpp" line="273"/>
        <source>%n alerts, all loaded in the detail view.</source>
        <translation>
            <numerusform>%n alerte, entièrement chargée dans la vue détaillée.</numerusform>
            <numerusform>%n alertes, toutes chargées dans la vue détaillée.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="278"/>
        <source>New since you last looked</source>
        <translation>Nouveau depuis votre dernière consultation</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="280"/>
        <source>Changed in Defender or by a colleague since you last opened it</source>
        <translation>Modifié dans Defender ou par un collègue depuis votre dernière ouverture</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/incidentqueuemodel.cpp" line="287"/>
        <source>%n alerts; the detail view shows the first 150.</source>
        <translation>
            <numerusform>%n alerte&#xa0;; la vue détaillée affiche les 150 premières.</numerusform>
            <numerusform>%n alertes&#xa0;; la vue détaillée affiche les 150 premières.</numerusform>
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
        <translation>Numéro d&apos;incident</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="365"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="367"/>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="369"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="371"/>
        <source>Owner</source>
        <translation>Propriétaire</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="373"/>
        <source>Classification</source>
        <translation>Classification</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="375"/>
        <source>Provider</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="377"/>
        <source>Alerts</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="379"/>
        <source>Tags</source>
        <translation>Balises</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="381"/>
        <source>Created</source>
        <translation>Création</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="383"/>
        <source>Last updated</source>
        <translation>Mise à jour</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="385"/>
        <source>Sync</source>
        <translation>Synchro</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="387"/>
        <source>Age</source>
        <translation>Âge</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="387"/>
        <source>Time since the incident was created</source>
        <translation>Temps écoulé depuis la création de l’incident</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="390"/>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="391"/>
        <source>Time left to the first triage (status leaves New or an owner is set), by severity</source>
        <translation>Temps restant jusqu’au premier triage (le statut quitte Nouveau ou un propriétaire est défini), selon la gravité</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="394"/>
        <source>Also on it</source>
        <translation>Également présents</translation>
    </message>
    <message>
        <location filename="../models/incidentqueuemodel.cpp" line="395"/>
        <source>Colleagues who have the incident open or edited it in the last minutes</source>
        <translation>Collègues qui ont l’incident ouvert ou l’ont modifié ces dernières minutes</translation>
    </message>
</context>
<context>
    <name>Vigil::KqlEditor</name>
    <message>
        <location filename="../ui/hunting/kqleditor.cpp" line="29"/>
        <source>table</source>
        <translation>table</translation>
    </message>
    <message>
        <location filename="../ui/hunting/kqleditor.cpp" line="31"/>
        <source>column</source>
        <translation>colonne</translation>
    </message>
    <message>
        <location filename="../ui/hunting/kqleditor.cpp" line="33"/>
        <source>operator</source>
        <translation>opérateur</translation>
    </message>
    <message>
        <location filename="../ui/hunting/kqleditor.cpp" line="35"/>
        <source>function</source>
        <translation>fonction</translation>
    </message>
    <message>
        <location filename="../ui/hunting/kqleditor.cpp" line="37"/>
        <source>aggregate</source>
        <translation>agrégat</translation>
    </message>
    <message>
        <location filename="../ui/hunting/kqleditor.cpp" line="41"/>
        <source>keyword</source>
        <translation>mot-clé</translation>
    </message>
    <message>
        <location filename="../ui/hunting/kqleditor.cpp" line="55"/>
        <source>KQL query</source>
        <translation>Requête KQL</translation>
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

Ctrl+Entrée exécute la requête (ou la sélection), Maj+Entrée le bloc sous le curseur, Échap annule, Ctrl+Espace complète.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/kqleditor.cpp" line="161"/>
        <source>Line %1, column %2: %3</source>
        <translation>Ligne %1, colonne %2&#xa0;: %3</translation>
    </message>
</context>
<context>
    <name>Vigil::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="65"/>
        <source>Vigil — Microsoft 365 Defender incidents</source>
        <translation>Vigil — Incidents Microsoft 365 Defender</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="101"/>
        <location filename="../ui/mainwindow.cpp" line="268"/>
        <source>Sync now</source>
        <translation>Synchroniser</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="103"/>
        <source>Try the sync again now</source>
        <translation>Relancer la synchronisation maintenant</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="106"/>
        <source>Dismiss</source>
        <translation>Ignorer</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="108"/>
        <source>Hide this message</source>
        <translation>Masquer ce message</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="149"/>
        <source>Opening the incident store…</source>
        <translation>Ouverture du magasin d&apos;incidents…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="149"/>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="152"/>
        <source>Sync status</source>
        <translation>État de la synchronisation</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="157"/>
        <source>Incidents shown</source>
        <translation>Incidents affichés</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="173"/>
        <source>Show the edits waiting to be sent (G O)</source>
        <translation>Afficher les modifications en attente d’envoi (G O)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="207"/>
        <source>Your value on incident #%1 was not applied again: %2</source>
        <translation>Votre valeur pour l&apos;incident #%1 n&apos;a pas été réappliquée&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="243"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="245"/>
        <source>&amp;Import hunting data…</source>
        <translation>&amp;Importer des données de repérage…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="275"/>
        <location filename="../ui/mainwindowqueue.cpp" line="63"/>
        <source>Quick filter</source>
        <translation>Filtre rapide</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowqueue.cpp" line="65"/>
        <source>Filter: words, host names, severity:high status:new,active owner:me age:&lt;4h  ( / )</source>
        <translation>Filtre&#xa0;: mots, noms d’hôte, severity:high status:new,active owner:me age:&lt;4h  ( / )</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowqueue.cpp" line="68"/>
        <source>Words match the number, title, owner, tags, alert titles and evidence names.
Fields: severity, status, classification, owner (me, none), tag, provider (m365d, rule), product (MDE, MDI, MDO, MCAS, …), age and updated (&lt;4h, &gt;2d), has (duplicate, comment, conflict, pending, error, merged).
Terms combine with AND; a comma is OR within a field; -term excludes; &quot;quotes&quot; keep a phrase together.</source>
        <translation>Les mots portent sur le numéro, le titre, le propriétaire, les balises, les titres d’alerte et les noms des preuves.
Champs&#xa0;: severity, status, classification, owner (me, none), tag, provider (m365d, rule), product (MDE, MDI, MDO, MCAS, …), age et updated (&lt;4h, &gt;2d), has (duplicate, comment, conflict, pending, error, merged).
Les termes se combinent par ET&#xa0;; une virgule signifie OU dans un champ&#xa0;; -terme exclut&#xa0;; des &quot;guillemets&quot; gardent une expression entière.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowqueue.cpp" line="95"/>
        <source>Incident queue</source>
        <translation>File d&apos;attente des incidents</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowqueue.cpp" line="220"/>
        <source>Not applied: %1</source>
        <translation>Non appliqué&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowqueue.cpp" line="226"/>
        <source>No incident matches the filter.</source>
        <translation>Aucun incident ne correspond au filtre.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowqueue.cpp" line="228"/>
        <source>Remove that term, or press Esc in the filter to clear it.</source>
        <translation>Retirez ce terme ou appuyez sur Échap dans le filtre pour le vider.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="260"/>
        <source>Open in Microsoft 365 Defender</source>
        <translation>Ouvrir dans Microsoft 365 Defender</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="264"/>
        <source>Open the selected incident in the Defender portal (O)</source>
        <translation>Ouvrir l&apos;incident sélectionné dans le portail Defender (O)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="271"/>
        <source>Pull changes from Microsoft 365 Defender now (R)</source>
        <translation>Récupérer maintenant les modifications de Microsoft 365 Defender (R)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="280"/>
        <source>Next incident</source>
        <translation>Incident suivant</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="285"/>
        <source>Previous incident</source>
        <translation>Incident précédent</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="290"/>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="296"/>
        <source>Back to the queue</source>
        <translation>Retour à la file d&apos;attente</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="315"/>
        <source>Set &amp;status…</source>
        <translation>Définir le &amp;statut…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="316"/>
        <source>Set the status of the selected incidents</source>
        <translation>Définir le statut des incidents sélectionnés</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="318"/>
        <source>&amp;Assign to me</source>
        <translation>M&apos;&amp;attribuer</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="319"/>
        <source>Assign the selected incidents to me</source>
        <translation>M&apos;attribuer les incidents sélectionnés</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="321"/>
        <source>Assign &amp;to…</source>
        <translation>A&amp;ttribuer à…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="322"/>
        <source>Assign the selected incidents to someone, or unassign them</source>
        <translation>Attribuer les incidents sélectionnés à quelqu&apos;un ou annuler leur attribution</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="324"/>
        <source>&amp;Close with classification…</source>
        <translation>&amp;Fermer avec une classification…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="325"/>
        <source>Close the selected incidents with a classification</source>
        <translation>Fermer les incidents sélectionnés avec une classification</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="327"/>
        <source>Ta&amp;gs…</source>
        <translation>&amp;Balises…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="328"/>
        <source>Add or remove tags of the selected incidents</source>
        <translation>Ajouter ou supprimer des balises des incidents sélectionnés</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="330"/>
        <source>Co&amp;mment…</source>
        <translation>&amp;Commenter…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="331"/>
        <source>Comment on the selected incidents</source>
        <translation>Commenter les incidents sélectionnés</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="333"/>
        <source>Mark / unmark incident</source>
        <translation>Marquer / démarquer l&apos;incident</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="334"/>
        <source>Add the incident to the selection or take it out</source>
        <translation>Ajouter l&apos;incident à la sélection ou l&apos;en retirer</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="336"/>
        <source>Extend selection down</source>
        <translation>Étendre la sélection vers le bas</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="337"/>
        <source>Select the next incident too</source>
        <translation>Sélectionner aussi l&apos;incident suivant</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="339"/>
        <source>Extend selection up</source>
        <translation>Étendre la sélection vers le haut</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="340"/>
        <source>Select the previous incident too</source>
        <translation>Sélectionner aussi l&apos;incident précédent</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="343"/>
        <source>&amp;Queue</source>
        <translation>&amp;File d’attente</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="346"/>
        <source>Go to the incident queue (G Q)</source>
        <translation>Aller à la file d’attente des incidents (G Q)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="348"/>
        <source>C&amp;onnector</source>
        <translation>C&amp;onnecteur</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="352"/>
        <source>Go to the connector page: connection, health and incident creation rules (G C)</source>
        <translation>Aller à la page du connecteur&#xa0;: connexion, état de santé et règles de création d’incidents (G C)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="354"/>
        <source>&amp;Hunting</source>
        <translation>&amp;Repérage</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="357"/>
        <source>Go to the hunting page: KQL queries over the local events (G H)</source>
        <translation>Aller à la page de repérage&#xa0;: requêtes KQL sur les événements locaux (G H)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="370"/>
        <source>Vi&amp;gil</source>
        <translation>Vi&amp;gil</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="375"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="388"/>
        <source>Columns…</source>
        <translation>Colonnes…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="394"/>
        <source>&amp;Incident</source>
        <translation>&amp;Incident</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="401"/>
        <source>Main</source>
        <translation>Barre principale</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="459"/>
        <source>Incident #%1 has no Microsoft 365 Defender incident to open.</source>
        <translation>L&apos;incident #%1 n&apos;a aucun incident Microsoft 365 Defender à ouvrir.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="467"/>
        <location filename="../ui/mainwindowreading.cpp" line="66"/>
        <source>No web browser could be started for %1. Copy the address and open it yourself.</source>
        <translation>Aucun navigateur web n&apos;a pu être lancé pour %1. Copiez l&apos;adresse et ouvrez-la vous-même.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="503"/>
        <source>Incident store opened; waiting for the first sync…</source>
        <translation>Magasin d&apos;incidents ouvert&#xa0;; en attente de la première synchronisation…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="565"/>
        <source>The alerts of incident #%1 could not be loaded. </source>
        <translation>Les alertes de l&apos;incident #%1 n&apos;ont pas pu être chargées. </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="582"/>
        <source>Up to date</source>
        <translation>À jour</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="585"/>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="593"/>
        <source>Waiting %1 before the next call (until %2)</source>
        <translation>Attente de %1 avant le prochain appel (jusqu’à %2)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="599"/>
        <source>Waiting before the next call</source>
        <translation>Attente avant le prochain appel</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="603"/>
        <source>Offline — showing the local copy</source>
        <translation>Hors connexion — affichage de la copie locale</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="606"/>
        <source>Sync error</source>
        <translation>Erreur de synchronisation</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="610"/>
        <source>Last sync %1</source>
        <translation>Dernière synchronisation à %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="614"/>
        <source>Not synced yet</source>
        <translation>Pas encore synchronisé</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="620"/>
        <source>Changes pulled up to %1</source>
        <translation>Modifications récupérées jusqu&apos;au %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="626"/>
        <source>Graph calls %1/%2 per min</source>
        <translation>Appels Graph %1/%2 par min</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="639"/>
        <source>The last sync failed. </source>
        <translation>La dernière synchronisation a échoué. </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="645"/>
        <source>Vigil cannot show incidents. </source>
        <translation>Vigil ne peut pas afficher les incidents. </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="647"/>
        <source>Incident store unavailable</source>
        <translation>Magasin d&apos;incidents indisponible</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="665"/>
        <source>1 incident</source>
        <translation>1 incident</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="665"/>
        <source>%1 incidents</source>
        <translation>%1 incidents</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="670"/>
        <source>%1 of %2</source>
        <comment>shown of total incidents</comment>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowqueue.cpp" line="361"/>
        <source>Reset columns</source>
        <translation>Réinitialiser les colonnes</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowtriage.cpp" line="133"/>
        <source>Assign to me</source>
        <translation>M&apos;attribuer</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowtriage.cpp" line="147"/>
        <source>Incident #%1 was not assigned to you: %2</source>
        <translation>L&apos;incident #%1 ne vous a pas été attribué&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowtriage.cpp" line="213"/>
        <source>Change to #%1 queued for Microsoft 365 Defender.</source>
        <translation>Modification de #%1 mise en file d&apos;attente pour Microsoft 365 Defender.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowtriage.cpp" line="215"/>
        <source>Change to %1 incidents queued for Microsoft 365 Defender.</source>
        <translation>Modification de %1 incidents mise en file d&apos;attente pour Microsoft 365 Defender.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowtriage.cpp" line="228"/>
        <source>Defender refused the change to #%1: %2. The incident shows its previous values again.</source>
        <translation>Defender a refusé la modification de #%1&#xa0;: %2. L&apos;incident affiche de nouveau ses valeurs précédentes.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="785"/>
        <source>1 change waiting to be sent</source>
        <translation>1 modification en attente d&apos;envoi</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="786"/>
        <source>%1 changes waiting to be sent</source>
        <translation>%1 modifications en attente d&apos;envoi</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowviews.cpp" line="70"/>
        <source>View: %1</source>
        <translation>Vue&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowviews.cpp" line="76"/>
        <source>&amp;Then sort by</source>
        <translation>&amp;Puis trier par</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowviews.cpp" line="91"/>
        <source>Saved vie&amp;ws</source>
        <translation>&amp;Vues enregistrées</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowviews.cpp" line="115"/>
        <source>&amp;Save current view…</source>
        <translation>&amp;Enregistrer la vue actuelle…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowviews.cpp" line="117"/>
        <source>&amp;Default view</source>
        <translation>Vue par &amp;défaut</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowviews.cpp" line="138"/>
        <source>&amp;Rename view…</source>
        <translation>&amp;Renommer la vue…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowviews.cpp" line="139"/>
        <source>D&amp;elete view…</source>
        <translation>&amp;Supprimer la vue…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowviews.cpp" line="140"/>
        <source>E&amp;xport views…</source>
        <translation>E&amp;xporter les vues…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowviews.cpp" line="142"/>
        <source>Export views</source>
        <translation>Exporter les vues</translation>
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
        <translation>Vues Vigil (*.json)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowviews.cpp" line="144"/>
        <source>Views exported to %1</source>
        <translation>Vues exportées vers %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowviews.cpp" line="146"/>
        <source>&amp;Import views…</source>
        <translation>&amp;Importer des vues…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowviews.cpp" line="147"/>
        <source>Import views</source>
        <translation>Importer des vues</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindowviews.cpp" line="153"/>
        <source>%n view(s) imported</source>
        <translation>
            <numerusform>%n vue importée</numerusform>
            <numerusform>%n vues importées</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindowviews.cpp" line="162"/>
        <source>Save view</source>
        <translation>Enregistrer la vue</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowviews.cpp" line="163"/>
        <source>Name of the view (an existing name is replaced):</source>
        <translation>Nom de la vue (un nom existant est remplacé)&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowviews.cpp" line="181"/>
        <location filename="../ui/mainwindowviews.cpp" line="184"/>
        <source>Rename view</source>
        <translation>Renommer la vue</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowviews.cpp" line="181"/>
        <source>View:</source>
        <translation>Vue&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowviews.cpp" line="184"/>
        <source>New name:</source>
        <translation>Nouveau nom&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowviews.cpp" line="189"/>
        <source>The view could not be renamed: the new name is empty or taken.</source>
        <translation>La vue n’a pas pu être renommée&#xa0;: le nouveau nom est vide ou déjà pris.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowviews.cpp" line="202"/>
        <source>Delete view</source>
        <translation>Supprimer la vue</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowviews.cpp" line="202"/>
        <source>View to delete:</source>
        <translation>Vue à supprimer&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowviews.cpp" line="214"/>
        <source>The views could not be written to %1: %2</source>
        <translation>Les vues n’ont pas pu être écrites dans %1&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowviews.cpp" line="226"/>
        <source>%1 could not be read as a views file.</source>
        <translation>%1 n’a pas pu être lu comme fichier de vues.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowviews.cpp" line="232"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="130"/>
        <source>&amp;Mark all as seen</source>
        <translation>&amp;Marquer tout comme vu</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="132"/>
        <source>Take the new and changed marks off every incident</source>
        <translation>Retirer les marques «&#xa0;nouveau&#xa0;» et «&#xa0;modifié&#xa0;» de tous les incidents</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="135"/>
        <location filename="../ui/mainwindowhabits.cpp" line="257"/>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="141"/>
        <source>&amp;Re-sort the queue</source>
        <translation>R&amp;etrier la file d’attente</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="144"/>
        <source>Put the rows that changed in their place (Shift+R)</source>
        <translation>Remettre les lignes modifiées à leur place (Maj+R)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="147"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Raccourcis &amp;clavier</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="156"/>
        <source>&amp;Command palette…</source>
        <translation>&amp;Palette de commandes…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="161"/>
        <source>&amp;Export view…</source>
        <translation>E&amp;xporter la vue…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="165"/>
        <source>Save the incidents the queue shows, as it shows them, to CSV or JSON</source>
        <translation>Enregistrer les incidents affichés par la file d’attente, tels qu’elle les affiche, en CSV ou JSON</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="175"/>
        <source>Rows in italics have changed place · Shift+R sorts</source>
        <translation>Les lignes en italique ont changé de place · Maj+R trie</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="183"/>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="189"/>
        <source>T&amp;heme</source>
        <translation>&amp;Thème</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="211"/>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="258"/>
        <source>&amp;Undo: %1</source>
        <translation>&amp;Annuler&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="262"/>
        <source>Then, with Ctrl+Z again</source>
        <translation>Ensuite, de nouveau avec Ctrl+Z</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="285"/>
        <source>#%1: %2</source>
        <translation>#%1&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="295"/>
        <source>Undo could not put everything back. %1</source>
        <translation>L’annulation n’a pas pu tout rétablir. %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="300"/>
        <source>Undone: %1</source>
        <translation>Annulé&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="313"/>
        <source>Reopen closed incidents?</source>
        <translation>Rouvrir les incidents fermés&#xa0;?</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="314"/>
        <source>1 of the %1 incidents is closed. This edit reopens it.</source>
        <translation>1 des %1 incidents est fermé. Cette modification le rouvre.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="317"/>
        <source>%1 of the %2 incidents are closed. This edit reopens them.</source>
        <translation>%1 des %2 incidents sont fermés. Cette modification les rouvre.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="324"/>
        <source>Reopen 1 incident</source>
        <translation>Rouvrir 1 incident</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="325"/>
        <source>Reopen %1 incidents</source>
        <translation>Rouvrir %1 incidents</translation>
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
        <translation>Exporter la vue</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="487"/>
        <source>View saved to %1</source>
        <translation>Vue enregistrée dans %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhabits.cpp" line="547"/>
        <source>The view could not be saved to %1: %2</source>
        <translation>La vue n’a pas pu être enregistrée dans %1&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowoutbox.cpp" line="24"/>
        <source>O&amp;utbox</source>
        <translation>&amp;Boîte d’envoi</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowoutbox.cpp" line="28"/>
        <source>Go to the outbox: edits not yet accepted by Microsoft 365 Defender (G O)</source>
        <translation>Aller à la boîte d’envoi&#xa0;: modifications pas encore acceptées par Microsoft 365 Defender (G O)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowreading.cpp" line="40"/>
        <source>Show the &amp;detail pane</source>
        <translation>Afficher le volet de &amp;détail</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowreading.cpp" line="44"/>
        <source>Hide the detail pane to give the queue the whole width</source>
        <translation>Masquer le volet de détail pour donner toute la largeur à la file d’attente</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowreading.cpp" line="46"/>
        <source>Detail pane &amp;below the queue</source>
        <translation>Volet de détail &amp;sous la file d’attente</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowreading.cpp" line="49"/>
        <source>Show the detail pane under the queue instead of beside it</source>
        <translation>Afficher le volet de détail sous la file d’attente plutôt qu’à côté</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowreading.cpp" line="59"/>
        <source>This alert has no Microsoft 365 Defender link that may be opened.</source>
        <translation>Cette alerte n’a aucun lien Microsoft 365 Defender qui puisse être ouvert.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowteam.cpp" line="67"/>
        <source>Sync leader: %1</source>
        <translation>Meneur de la synchronisation&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowteam.cpp" line="70"/>
        <source>%1 (leader)</source>
        <translation>%1 (meneur)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowtime.cpp" line="49"/>
        <source>&amp;Dashboard</source>
        <translation>&amp;Tableau de bord</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowtime.cpp" line="53"/>
        <source>Go to the dashboard: incidents over time, the queue by age and SLA, closures, mean times (G D)</source>
        <translation>Aller au tableau de bord&#xa0;: incidents dans le temps, la file d’attente selon l’âge et le SLA, fermetures, délais moyens (G D)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowtime.cpp" line="71"/>
        <source>Do &amp;not disturb</source>
        <translation>&amp;Ne pas déranger</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowtime.cpp" line="74"/>
        <source>No desktop notifications for new High incidents and SLA breaches</source>
        <translation>Aucune notification de bureau pour les nouveaux incidents de gravité Élevée ni pour les dépassements de SLA</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowtime.cpp" line="80"/>
        <source>&amp;SLA targets…</source>
        <translation>Objectifs de &amp;SLA…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowtime.cpp" line="88"/>
        <source>Show Vigil</source>
        <translation>Afficher Vigil</translation>
    </message>
</context>
<context>
    <name>Vigil::OutboxPage</name>
    <message>
        <location filename="../ui/outboxpage.cpp" line="64"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="66"/>
        <source>Owner</source>
        <translation>Propriétaire</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="68"/>
        <source>Classification</source>
        <translation>Classification</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="70"/>
        <source>Tags</source>
        <translation>Balises</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="72"/>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="74"/>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="76"/>
        <location filename="../ui/outboxpage.cpp" line="132"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="87"/>
        <source>(unassigned)</source>
        <translation>(non attribué)</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="94"/>
        <source>(no tags)</source>
        <translation>(aucune balise)</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="118"/>
        <source>Outbox: edits Microsoft 365 Defender has not accepted yet</source>
        <translation>Boîte d’envoi&#xa0;: modifications que Microsoft 365 Defender n’a pas encore acceptées</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="132"/>
        <source>Incident</source>
        <translation>Incident</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="132"/>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="132"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="132"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="133"/>
        <source>Attempts</source>
        <translation>Tentatives</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="133"/>
        <source>Next attempt</source>
        <translation>Prochaine tentative</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="133"/>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="159"/>
        <source>&amp;Retry now</source>
        <translation>&amp;Réessayer maintenant</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="161"/>
        <source>Send the selected incident&apos;s edits to Microsoft 365 Defender now</source>
        <translation>Envoyer maintenant les modifications de l’incident sélectionné à Microsoft 365 Defender</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="162"/>
        <source>&amp;Discard…</source>
        <translation>A&amp;bandonner…</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="164"/>
        <source>Drop the selected incident&apos;s edits unsent; it shows Microsoft 365 Defender&apos;s values again</source>
        <translation>Abandonner sans les envoyer les modifications de l’incident sélectionné&#xa0;; il affiche de nouveau les valeurs de Microsoft 365 Defender</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="188"/>
        <source>Discarded the edit of incident #%1; it shows Microsoft 365 Defender&apos;s values again.</source>
        <translation>La modification de l’incident #%1 a été abandonnée&#xa0;; il affiche de nouveau les valeurs de Microsoft 365 Defender.</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="191"/>
        <source>Discarded %1 edits of incident #%2; it shows Microsoft 365 Defender&apos;s values again.</source>
        <translation>%1 modifications de l’incident #%2 ont été abandonnées&#xa0;; il affiche de nouveau les valeurs de Microsoft 365 Defender.</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="199"/>
        <source>The edits of incident #%1 were not discarded: %2</source>
        <translation>Les modifications de l’incident #%1 n’ont pas été abandonnées&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="238"/>
        <source>Waiting behind a failed edit</source>
        <translation>En attente derrière une modification en échec</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="240"/>
        <source>Waiting for sign-in</source>
        <translation>En attente de connexion</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="242"/>
        <source>Failed, retrying</source>
        <translation>En échec, nouvel essai</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="244"/>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="249"/>
        <source>after sign-in</source>
        <translation>après la connexion</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="256"/>
        <source>now</source>
        <translation>maintenant</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="277"/>
        <source>No edits wait: Microsoft 365 Defender has every change.</source>
        <translation>Aucune modification en attente&#xa0;: Microsoft 365 Defender a toutes les modifications.</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="279"/>
        <source>1 edit</source>
        <translation>1 modification</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="279"/>
        <source>%1 edits</source>
        <translation>%1 modifications</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="280"/>
        <location filename="../ui/outboxpage.cpp" line="288"/>
        <source>1 incident</source>
        <translation>1 incident</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="280"/>
        <location filename="../ui/outboxpage.cpp" line="289"/>
        <source>%1 incidents</source>
        <translation>%1 incidents</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="281"/>
        <source>%1 of %2 waiting to be sent.</source>
        <translation>%1 sur %2 en attente d’envoi.</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="286"/>
        <source>Failed: %1 (each retried on its own back-off, without holding back the others).</source>
        <translation>En échec&#xa0;: %1 (chacun réessayé avec son propre délai, sans retenir les autres).</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="309"/>
        <source>Sending the edits of incident #%1 now…</source>
        <translation>Envoi des modifications de l’incident #%1…</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="325"/>
        <source>Discard edits</source>
        <translation>Abandonner les modifications</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="326"/>
        <source>Discard the unsent edit of incident #%1?</source>
        <translation>Abandonner la modification non envoyée de l’incident #%1&#xa0;?</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="327"/>
        <source>Discard the %1 unsent edits of incident #%2?</source>
        <translation>Abandonner les %1 modifications non envoyées de l’incident #%2&#xa0;?</translation>
    </message>
    <message>
        <location filename="../ui/outboxpage.cpp" line="329"/>
        <source>They are never sent, and the incident shows Microsoft 365 Defender&apos;s values again. This cannot be undone.</source>
        <translation>Elles ne seront jamais envoyées, et l’incident affiche de nouveau les valeurs de Microsoft 365 Defender. Cette action est irréversible.</translation>
    </message>
</context>
<context>
    <name>Vigil::OutboxPusher</name>
    <message>
        <location filename="../sync/outboxpusher.cpp" line="461"/>
        <source>The incident store is not open.</source>
        <translation>Le magasin d’incidents n’est pas ouvert.</translation>
    </message>
    <message>
        <location filename="../sync/outboxpusher.cpp" line="464"/>
        <source>The edits of incident #%1 are on their way to Microsoft 365 Defender; try again when they are answered.</source>
        <translation>Les modifications de l’incident #%1 sont en route vers Microsoft 365 Defender&#xa0;; réessayez quand elles auront reçu une réponse.</translation>
    </message>
    <message>
        <location filename="../sync/outboxpusher.cpp" line="482"/>
        <source>Another Vigil is delivering the outbox; try again in a moment.</source>
        <translation>Un autre Vigil délivre la boîte d’envoi&#xa0;; réessayez dans un instant.</translation>
    </message>
    <message>
        <location filename="../sync/outboxpusher.cpp" line="500"/>
        <source>Discarded before Microsoft 365 Defender accepted it.</source>
        <translation>Abandonnée avant que Microsoft 365 Defender ne l’accepte.</translation>
    </message>
</context>
<context>
    <name>Vigil::QueryLibraryPanel</name>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="51"/>
        <source>%1 ms</source>
        <translation>%1&#xa0;ms</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="52"/>
        <source>%1 s</source>
        <translation>%1&#xa0;s</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="75"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="80"/>
        <source>Clear history…</source>
        <translation>Effacer l’historique…</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="89"/>
        <source>When (UTC)</source>
        <translation>Date (UTC)</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="89"/>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="100"/>
        <source>Query</source>
        <translation>Requête</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="89"/>
        <source>Rows</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="89"/>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="89"/>
        <source>Where</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="89"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="100"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="100"/>
        <source>Changed (UTC)</source>
        <translation>Modifiée (UTC)</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="113"/>
        <source>Save current query…</source>
        <translation>Enregistrer la requête actuelle…</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="116"/>
        <source>Rename…</source>
        <translation>Renommer…</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="117"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="118"/>
        <source>Import…</source>
        <translation>Importer…</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="119"/>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="122"/>
        <source>Saved</source>
        <translation>Enregistrées</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="137"/>
        <source>The query library could not be opened: %1</source>
        <translation>La bibliothèque de requêtes n’a pas pu être ouverte&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="142"/>
        <source>Saved as &quot;%1&quot;.</source>
        <translation>Enregistrée sous «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="148"/>
        <source>1 query imported.</source>
        <translation>1 requête importée.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="149"/>
        <source>%1 queries imported.</source>
        <translation>%1 requêtes importées.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="156"/>
        <source>Exported to %1.</source>
        <translation>Exportée vers %1.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="184"/>
        <source>Search names and query text</source>
        <translation>Rechercher dans les noms et le texte des requêtes</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="228"/>
        <source>There is no query to save.</source>
        <translation>Il n’y a aucune requête à enregistrer.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="232"/>
        <source>Save query</source>
        <translation>Enregistrer la requête</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="232"/>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="275"/>
        <source>Name:</source>
        <translation>Nom&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="239"/>
        <source>Replace saved query</source>
        <translation>Remplacer la requête enregistrée</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="240"/>
        <source>A saved query is already named &quot;%1&quot;. Replace its text with the current query?</source>
        <translation>Une requête enregistrée s’appelle déjà «&#xa0;%1&#xa0;». Remplacer son texte par la requête actuelle&#xa0;?</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="275"/>
        <source>Rename saved query</source>
        <translation>Renommer la requête enregistrée</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="284"/>
        <source>A saved query needs a name.</source>
        <translation>Une requête enregistrée doit avoir un nom.</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="297"/>
        <source>Delete saved query</source>
        <translation>Supprimer la requête enregistrée</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="298"/>
        <source>Delete the saved query &quot;%1&quot;?</source>
        <translation>Supprimer la requête enregistrée «&#xa0;%1&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="307"/>
        <source>Import queries</source>
        <translation>Importer des requêtes</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="307"/>
        <source>KQL queries (*.kql);;All files (*)</source>
        <translation>Requêtes KQL (*.kql);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="319"/>
        <source>Export query</source>
        <translation>Exporter la requête</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="320"/>
        <source>KQL queries (*.kql)</source>
        <translation>Requêtes KQL (*.kql)</translation>
    </message>
    <message>
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="333"/>
        <source>Clear history</source>
        <translation>Effacer l’historique</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/hunting/querylibrarypanel.cpp" line="334"/>
        <source>Remove the %n run(s) in the history? Saved queries stay.</source>
        <translation>
            <numerusform>Supprimer %n exécution de l’historique&#xa0;? Les requêtes enregistrées restent.</numerusform>
            <numerusform>Supprimer les %n exécutions de l’historique&#xa0;? Les requêtes enregistrées restent.</numerusform>
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
        <translation>cette machine</translation>
    </message>
</context>
<context>
    <name>Vigil::SavedViews</name>
    <message>
        <location filename="../ui/savedviews.cpp" line="177"/>
        <source>The file does not hold Vigil views.</source>
        <translation>Le fichier ne contient pas de vues Vigil.</translation>
    </message>
</context>
<context>
    <name>Vigil::SchemaBrowser</name>
    <message>
        <location filename="../ui/hunting/schemabrowser.cpp" line="51"/>
        <source>Filter tables and columns</source>
        <translation>Filtrer les tables et les colonnes</translation>
    </message>
    <message>
        <location filename="../ui/hunting/schemabrowser.cpp" line="75"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../ui/hunting/schemabrowser.cpp" line="75"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../ui/hunting/schemabrowser.cpp" line="75"/>
        <source>Local rows</source>
        <translation>Lignes locales</translation>
    </message>
    <message>
        <location filename="../ui/hunting/schemabrowser.cpp" line="75"/>
        <source>Time range (UTC)</source>
        <translation>Période (UTC)</translation>
    </message>
    <message>
        <location filename="../ui/hunting/schemabrowser.cpp" line="130"/>
        <source>The local row counts could not be read: %1</source>
        <translation>Le nombre de lignes locales n’a pas pu être lu&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../ui/hunting/schemabrowser.cpp" line="167"/>
        <source>table</source>
        <translation>table</translation>
    </message>
    <message>
        <location filename="../ui/hunting/schemabrowser.cpp" line="176"/>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <location filename="../ui/hunting/schemabrowser.cpp" line="178"/>
        <source>%1: %2 rows held on this machine</source>
        <translation>%1&#xa0;: %2 lignes sur cette machine</translation>
    </message>
    <message>
        <location filename="../ui/hunting/schemabrowser.cpp" line="181"/>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <location filename="../ui/hunting/schemabrowser.cpp" line="184"/>
        <source>%1: no rows on this machine; run it in Defender</source>
        <translation>%1&#xa0;: aucune ligne sur cette machine&#xa0;; exécutez la requête dans Defender</translation>
    </message>
    <message>
        <location filename="../ui/hunting/schemabrowser.cpp" line="191"/>
        <source>%1 (JSON text)</source>
        <translation>%1 (texte JSON)</translation>
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
        <translation>Aucun objectif</translation>
    </message>
    <message>
        <location filename="../ui/sladialog.cpp" line="33"/>
        <source>SLA targets</source>
        <translation>Objectifs de SLA</translation>
    </message>
    <message>
        <location filename="../ui/sladialog.cpp" line="35"/>
        <source>How long a new incident may wait for its first triage: its status leaves New or an owner is set. The queue&apos;s SLA column counts down to it and marks overdue incidents.</source>
        <translation>Combien de temps un nouvel incident peut attendre son premier triage&#xa0;: son statut quitte Nouveau ou un propriétaire est défini. La colonne SLA de la file d’attente décompte jusqu’à ce moment et marque les incidents en retard.</translation>
    </message>
    <message>
        <location filename="../ui/sladialog.cpp" line="45"/>
        <source>&amp;High:</source>
        <translation>É&amp;levée&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/sladialog.cpp" line="46"/>
        <source>&amp;Medium:</source>
        <translation>&amp;Moyenne&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/sladialog.cpp" line="47"/>
        <source>&amp;Low:</source>
        <translation>&amp;Faible&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/sladialog.cpp" line="48"/>
        <source>&amp;Informational:</source>
        <translation>&amp;Informative&#xa0;:</translation>
    </message>
</context>
<context>
    <name>Vigil::StatusDialog</name>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="214"/>
        <location filename="../ui/triagedialogs.cpp" line="245"/>
        <source>Set status</source>
        <translation>Définir le statut</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="215"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="227"/>
        <source>&amp;New</source>
        <translation>&amp;Nouveau</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="227"/>
        <source>Status New</source>
        <translation>Statut Nouveau</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="228"/>
        <source>&amp;Active</source>
        <translation>&amp;Actif</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="228"/>
        <source>Status Active</source>
        <translation>Statut Actif</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="229"/>
        <source>&amp;Closed…</source>
        <translation>&amp;Fermé…</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="230"/>
        <source>Status Closed, asks for a classification</source>
        <translation>Statut Fermé, demande une classification</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="251"/>
        <source>Choose a status: New, Active or Closed.</source>
        <translation>Choisissez un statut&#xa0;: Nouveau, Actif ou Fermé.</translation>
    </message>
</context>
<context>
    <name>Vigil::StorageAccountBox</name>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="41"/>
        <source>Storage account</source>
        <translation>Compte de stockage</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="47"/>
        <source>The Azure Storage account that the Defender streaming API writes advanced hunting events to. Vigil reads what is new every 5 minutes.</source>
        <translation>Le compte Azure Storage dans lequel l’API de streaming de Defender écrit les événements de repérage avancé. Vigil lit les nouveautés toutes les 5 minutes.</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="53"/>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="54"/>
        <source>Account:</source>
        <translation>Compte&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="56"/>
        <source>Last pass</source>
        <translation>Dernier passage</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="57"/>
        <source>none yet</source>
        <translation>aucun pour l’instant</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="58"/>
        <source>Last pass:</source>
        <translation>Dernier passage&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="66"/>
        <source>Connect…</source>
        <translation>Connecter…</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="67"/>
        <source>Disconnect</source>
        <translation>Déconnecter</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="68"/>
        <source>Pull now</source>
        <translation>Récupérer maintenant</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="69"/>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="85"/>
        <source>Account URL:</source>
        <translation>URL du compte&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="88"/>
        <source>SAS token</source>
        <translation>Jeton SAS</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="89"/>
        <source>Account key</source>
        <translation>Clé de compte</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="90"/>
        <source>Credential:</source>
        <translation>Identifiant&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="94"/>
        <source>kept in the system keychain</source>
        <translation>conservé dans le trousseau du système</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="95"/>
        <source>Secret:</source>
        <translation>Secret&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="97"/>
        <source>Connect</source>
        <translation>Connecter</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="99"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="129"/>
        <source>Disconnecting…</source>
        <translation>Déconnexion…</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="166"/>
        <source>%1: %2, %3, %4</source>
        <translation>%1&#xa0;: %2, %3, %4</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/storageaccountbox.cpp" line="168"/>
        <source>%Ln row(s) stored</source>
        <translation>
            <numerusform>%Ln ligne enregistrée</numerusform>
            <numerusform>%Ln lignes enregistrées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/storageaccountbox.cpp" line="169"/>
        <source>%Ln duplicate(s) skipped</source>
        <translation>
            <numerusform>%Ln doublon ignoré</numerusform>
            <numerusform>%Ln doublons ignorés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/storageaccountbox.cpp" line="170"/>
        <source>%Ln line(s) rejected</source>
        <translation>
            <numerusform>%Ln ligne rejetée</numerusform>
            <numerusform>%Ln lignes rejetées</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="172"/>
        <source>; %1 of %2 tables not streamed to this account</source>
        <translation>&#xa0;; %1 tables sur %2 ne sont pas diffusées vers ce compte</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="176"/>
        <source> (stopped)</source>
        <translation> (arrêté)</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="178"/>
        <source> (stopped early)</source>
        <translation> (arrêté avant la fin)</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="191"/>
        <source>not connected</source>
        <translation>non connecté</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="193"/>
        <source>%1 (the demo tenant&apos;s storage account)</source>
        <translation>%1 (le compte de stockage du locataire de démonstration)</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="195"/>
        <source>%1 (from VIGIL_STORAGE_URL, which wins over a saved account)</source>
        <translation>%1 (de VIGIL_STORAGE_URL, qui l’emporte sur un compte enregistré)</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="200"/>
        <source>The storage account cannot be used: %1</source>
        <translation>Le compte de stockage ne peut pas être utilisé&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="224"/>
        <source>Give the account URL and its SAS token or account key.</source>
        <translation>Indiquez l’URL du compte et son jeton SAS ou sa clé de compte.</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="227"/>
        <source>Checking the account…</source>
        <translation>Vérification du compte…</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="240"/>
        <source>Not connected: %1</source>
        <translation>Non connecté&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="252"/>
        <source>Reading the storage account…</source>
        <translation>Lecture du compte de stockage…</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="263"/>
        <source>Table %1 of %2: %3, %4 of %5 blobs, %6 read</source>
        <translation>Table %1 sur %2&#xa0;: %3, %4 blobs sur %5, %6 lus</translation>
    </message>
    <message>
        <location filename="../ui/storageaccountbox.cpp" line="280"/>
        <source>The last pass stopped: %1</source>
        <translation>Le dernier passage s’est arrêté&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Vigil::SyncEngine</name>
    <message>
        <location filename="../core/triage.cpp" line="148"/>
        <source>Choose a classification: True positive, Benign positive, False positive or Undetermined.</source>
        <translation>Choisissez une classification&#xa0;: Vrai positif, Positif bénin, Faux positif ou Indéterminé.</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="158"/>
        <source>%1 takes no reason; leave the reason empty.</source>
        <translation>%1 n&apos;accepte aucun motif&#xa0;; laissez le motif vide.</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="164"/>
        <source>&quot;%1&quot; is not a reason for %2; choose %3.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un motif pour %2&#xa0;; choisissez %3.</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="167"/>
        <source> or </source>
        <translation> ou </translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="175"/>
        <source>Undetermined takes no determination; leave it empty or choose another classification.</source>
        <translation>Indéterminé n&apos;accepte aucune détermination&#xa0;; laissez-la vide ou choisissez une autre classification.</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="186"/>
        <source>Microsoft no longer accepts the determination &quot;%1&quot;; choose one of: %2.</source>
        <translation>Microsoft n&apos;accepte plus la détermination «&#xa0;%1&#xa0;»&#xa0;; choisissez parmi&#xa0;: %2.</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="194"/>
        <source>&quot;%1&quot; is not a determination Microsoft Defender knows; choose one of: %2.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas une détermination connue de Microsoft Defender&#xa0;; choisissez parmi&#xa0;: %2.</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="201"/>
        <source>The determination &quot;%1&quot; does not go with %2; choose one of: %3.</source>
        <translation>La détermination «&#xa0;%1&#xa0;» ne correspond pas à %2&#xa0;; choisissez parmi&#xa0;: %3.</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="222"/>
        <source>Choose why it is a false positive: Incorrect alert logic or Inaccurate data.</source>
        <translation>Indiquez pourquoi il s&apos;agit d&apos;un faux positif&#xa0;: Logique d&apos;alerte incorrecte ou Données inexactes.</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="227"/>
        <source>The reason &quot;%1&quot; means the determination &quot;%2&quot;; change the reason or the determination so that they agree.</source>
        <translation>Le motif «&#xa0;%1&#xa0;» implique la détermination «&#xa0;%2&#xa0;»&#xa0;; modifiez le motif ou la détermination pour qu&apos;ils concordent.</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="271"/>
        <source>Nothing to change: set a status, owner, classification, tag or comment.</source>
        <translation>Rien à modifier&#xa0;: définissez un statut, un propriétaire, une classification, une balise ou un commentaire.</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="276"/>
        <source>The edit has no time; it cannot be ordered against changes made in the portal.</source>
        <translation>La modification n&apos;a pas d&apos;horodatage&#xa0;; elle ne peut pas être ordonnée par rapport aux modifications effectuées dans le portail.</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="281"/>
        <source>This incident was merged into incident %1; edit that incident instead.</source>
        <translation>Cet incident a été fusionné dans l&apos;incident %1&#xa0;; modifiez plutôt ce dernier.</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="287"/>
        <source>Choose a status: New, Active or Closed.</source>
        <translation>Choisissez un statut&#xa0;: Nouveau, Actif ou Fermé.</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="291"/>
        <source>Choose a classification to close this incident: True positive, Benign positive, False positive or Undetermined.</source>
        <translation>Choisissez une classification pour fermer cet incident&#xa0;: Vrai positif, Positif bénin, Faux positif ou Indéterminé.</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="301"/>
        <source>&quot;%1&quot; is not a user principal name; enter it as name@domain (for example kai@contoso.com), or unassign.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un nom d&apos;utilisateur principal&#xa0;; saisissez-le sous la forme nom@domaine (par exemple kai@contoso.com) ou annulez l&apos;attribution.</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="308"/>
        <source>A tag cannot be empty; type the tag&apos;s text or leave it out.</source>
        <translation>Une balise ne peut pas être vide&#xa0;; saisissez son texte ou omettez-la.</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="315"/>
        <source>The tag &quot;%1&quot; is both added and removed; keep only one of the two.</source>
        <translation>La balise «&#xa0;%1&#xa0;» est à la fois ajoutée et supprimée&#xa0;; ne conservez que l&apos;une des deux actions.</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="322"/>
        <source>The comment is empty; type the comment&apos;s text or leave it out.</source>
        <translation>Le commentaire est vide&#xa0;; saisissez son texte ou omettez-le.</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="332"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="334"/>
        <source>Owner</source>
        <translation>Propriétaire</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="336"/>
        <source>Classification</source>
        <translation>Classification</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="338"/>
        <source>Tags</source>
        <translation>Balises</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="340"/>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="342"/>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="344"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../sync/syncdecisions.cpp" line="389"/>
        <source>Microsoft Defender did not accept Vigil&apos;s sign-in; the change is kept and sent after you sign in again.</source>
        <translation>Microsoft Defender n&apos;a pas accepté la connexion de Vigil&#xa0;; la modification est conservée et sera envoyée après votre reconnexion.</translation>
    </message>
    <message>
        <location filename="../sync/syncdecisions.cpp" line="407"/>
        <source>Microsoft Defender refused the change (HTTP %1); it was undone here.</source>
        <translation>Microsoft Defender a refusé la modification (HTTP %1)&#xa0;; elle a été annulée ici.</translation>
    </message>
    <message>
        <location filename="../sync/syncdecisions.cpp" line="411"/>
        <source>Microsoft Defender refused the change; it was undone here.</source>
        <translation>Microsoft Defender a refusé la modification&#xa0;; elle a été annulée ici.</translation>
    </message>
</context>
<context>
    <name>Vigil::TagsDialog</name>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="556"/>
        <source>Tags</source>
        <translation>Balises</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="558"/>
        <source>&amp;Custom tags — uncheck a tag to remove it:</source>
        <translation>Balises &amp;personnalisées — décochez une balise pour la supprimer&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="562"/>
        <source>Custom tags; uncheck a tag to remove it</source>
        <translation>Balises personnalisées&#xa0;; décochez une balise pour la supprimer</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="590"/>
        <source>On %1 of the %2 incidents</source>
        <translation>Sur %1 des %2 incidents</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="606"/>
        <source>System tags (set by Microsoft, read-only): %1</source>
        <translation>Balises système (définies par Microsoft, en lecture seule)&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="615"/>
        <location filename="../ui/triagedialogs.cpp" line="656"/>
        <source>New tag</source>
        <translation>Nouvelle balise</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="616"/>
        <source>New tag; Enter adds it</source>
        <translation>Nouvelle balise&#xa0;; Entrée l&apos;ajoute</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="618"/>
        <source>&amp;Add:</source>
        <translation>&amp;Ajouter&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="622"/>
        <source>Add tag</source>
        <translation>Ajouter la balise</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="624"/>
        <source>Add the typed tag</source>
        <translation>Ajouter la balise saisie</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="631"/>
        <source>Save tags</source>
        <translation>Enregistrer les balises</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="682"/>
        <source>Nothing to change: type a tag to add, or uncheck a tag to remove it.</source>
        <translation>Rien à modifier&#xa0;: saisissez une balise à ajouter ou décochez une balise pour la supprimer.</translation>
    </message>
</context>
<context>
    <name>Vigil::TeamController</name>
    <message>
        <location filename="../facade/teamcontroller.cpp" line="138"/>
        <source>nobody</source>
        <translation>personne</translation>
    </message>
    <message>
        <location filename="../facade/teamcontroller.cpp" line="139"/>
        <source>a console</source>
        <translation>une console</translation>
    </message>
    <message>
        <location filename="../facade/teamcontroller.cpp" line="140"/>
        <source>%1 on %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <location filename="../facade/teamcontroller.cpp" line="147"/>
        <source>a colleague on %1</source>
        <translation>un collègue sur %1</translation>
    </message>
    <message>
        <location filename="../facade/teamcontroller.cpp" line="149"/>
        <source>%1 (edited it)</source>
        <translation>%1 (l’a modifié)</translation>
    </message>
</context>
<context>
    <name>Vigil::TeamDatabaseBox</name>
    <message>
        <location filename="../ui/teamdatabasebox.cpp" line="34"/>
        <source>Team database</source>
        <translation>Base de données d’équipe</translation>
    </message>
    <message>
        <location filename="../ui/teamdatabasebox.cpp" line="40"/>
        <source>A PostgreSQL database that the whole team shares: one queue, one sync with Microsoft 365 Defender, everyone&apos;s changes live. The password is kept in the keychain.</source>
        <translation>Une base de données PostgreSQL partagée par toute l’équipe&#xa0;: une seule file d’attente, une seule synchronisation avec Microsoft 365 Defender, les modifications de chacun en direct. Le mot de passe est conservé dans le trousseau.</translation>
    </message>
    <message>
        <location filename="../ui/teamdatabasebox.cpp" line="47"/>
        <source>Database in use</source>
        <translation>Base de données utilisée</translation>
    </message>
    <message>
        <location filename="../ui/teamdatabasebox.cpp" line="48"/>
        <source>this machine&apos;s own</source>
        <translation>celle de cette machine</translation>
    </message>
    <message>
        <location filename="../ui/teamdatabasebox.cpp" line="49"/>
        <source>In use:</source>
        <translation>Utilisée&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/teamdatabasebox.cpp" line="52"/>
        <source>Team database URL</source>
        <translation>URL de la base de données d’équipe</translation>
    </message>
    <message>
        <location filename="../ui/teamdatabasebox.cpp" line="56"/>
        <source>URL:</source>
        <translation>URL&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/teamdatabasebox.cpp" line="59"/>
        <source>Team database password</source>
        <translation>Mot de passe de la base de données d’équipe</translation>
    </message>
    <message>
        <location filename="../ui/teamdatabasebox.cpp" line="61"/>
        <source>unchanged</source>
        <translation>inchangé</translation>
    </message>
    <message>
        <location filename="../ui/teamdatabasebox.cpp" line="62"/>
        <source>Password:</source>
        <translation>Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/teamdatabasebox.cpp" line="70"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../ui/teamdatabasebox.cpp" line="72"/>
        <source>Use this machine&apos;s database</source>
        <translation>Utiliser la base de données de cette machine</translation>
    </message>
    <message>
        <location filename="../ui/teamdatabasebox.cpp" line="96"/>
        <source>Write the team database&apos;s URL, or choose &quot;Use this machine&apos;s database&quot;.</source>
        <translation>Saisissez l’URL de la base de données d’équipe, ou choisissez «&#xa0;Utiliser la base de données de cette machine&#xa0;».</translation>
    </message>
    <message>
        <location filename="../ui/teamdatabasebox.cpp" line="114"/>
        <source>Vigil uses this machine&apos;s own database from its next start.</source>
        <translation>Vigil utilise la base de données de cette machine dès son prochain démarrage.</translation>
    </message>
    <message>
        <location filename="../ui/teamdatabasebox.cpp" line="116"/>
        <source>Saved. Vigil uses the team database from its next start; its password is in the keychain.</source>
        <translation>Enregistré. Vigil utilise la base de données d’équipe dès son prochain démarrage&#xa0;; son mot de passe est dans le trousseau.</translation>
    </message>
    <message>
        <location filename="../ui/teamdatabasebox.cpp" line="119"/>
        <source>Saved. Vigil uses the team database from its next start.</source>
        <translation>Enregistré. Vigil utilise la base de données d’équipe dès son prochain démarrage.</translation>
    </message>
</context>
<context>
    <name>Vigil::Theme</name>
    <message>
        <location filename="../ui/themes.cpp" line="244"/>
        <source>&amp;Light</source>
        <translation>&amp;Clair</translation>
    </message>
    <message>
        <location filename="../ui/themes.cpp" line="246"/>
        <source>&amp;Dark</source>
        <translation>&amp;Sombre</translation>
    </message>
    <message>
        <location filename="../ui/themes.cpp" line="248"/>
        <source>&amp;High contrast</source>
        <translation>Contraste é&amp;levé</translation>
    </message>
    <message>
        <location filename="../ui/themes.cpp" line="250"/>
        <source>&amp;Follow the desktop</source>
        <translation>Suivre le &amp;bureau</translation>
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
        <translation>Vigil — ne pas déranger</translation>
    </message>
    <message>
        <location filename="../ui/traynotifier.cpp" line="106"/>
        <source>New High incident #%1</source>
        <translation>Nouvel incident #%1 de gravité Élevée</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/traynotifier.cpp" line="109"/>
        <source>%n new High incident(s)</source>
        <translation>
            <numerusform>%n nouvel incident de gravité Élevée</numerusform>
            <numerusform>%n nouveaux incidents de gravité Élevée</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/traynotifier.cpp" line="133"/>
        <source>SLA breached: #%1 (%2)</source>
        <translation>SLA dépassé&#xa0;: #%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/traynotifier.cpp" line="138"/>
        <source>%n incident(s) past their SLA</source>
        <translation>
            <numerusform>%n incident au-delà de son SLA</numerusform>
            <numerusform>%n incidents au-delà de leur SLA</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/traynotifier.cpp" line="139"/>
        <source>Not triaged in time; sort the queue by SLA or filter with sla:overdue.</source>
        <translation>Pas triagé à temps&#xa0;; triez la file d’attente par SLA ou filtrez avec sla:overdue.</translation>
    </message>
</context>
<context>
    <name>Vigil::TriageDialog</name>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="90"/>
        <source>Incidents this change applies to</source>
        <translation>Incidents concernés par cette modification</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="95"/>
        <source>Apply to %1 incidents:</source>
        <translation>Appliquer à %1 incidents&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="103"/>
        <source>Incident #%1 — %2</source>
        <translation>Incident #%1 — %2</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="105"/>
        <source>(no title)</source>
        <translation>(sans titre)</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="117"/>
        <source>Problem with this change</source>
        <translation>Problème avec cette modification</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="134"/>
        <source>Cancel without changing anything</source>
        <translation>Annuler sans rien modifier</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="138"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="158"/>
        <source>Apply to %1 incidents</source>
        <translation>Appliquer à %1 incidents</translation>
    </message>
    <message>
        <location filename="../ui/triagedialogs.cpp" line="199"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
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
        <location filename="../core/triage.cpp" line="39"/>
        <location filename="../core/vocabulary.cpp" line="184"/>
        <source>Undetermined</source>
        <translation>Indéterminé</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="33"/>
        <location filename="../core/vocabulary.cpp" line="186"/>
        <source>True positive</source>
        <translation>Vrai positif</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="35"/>
        <location filename="../core/vocabulary.cpp" line="188"/>
        <source>Benign positive</source>
        <translation>Positif bénin</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="37"/>
        <location filename="../core/vocabulary.cpp" line="190"/>
        <source>False positive</source>
        <translation>Faux positif</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="82"/>
        <location filename="../core/vocabulary.cpp" line="203"/>
        <source>Suspicious activity</source>
        <translation>Activité suspecte</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="84"/>
        <location filename="../core/vocabulary.cpp" line="205"/>
        <source>Suspicious but expected</source>
        <translation>Suspect mais attendu</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="86"/>
        <location filename="../core/vocabulary.cpp" line="208"/>
        <source>Incorrect alert logic</source>
        <translation>Logique d&apos;alerte incorrecte</translation>
    </message>
    <message>
        <location filename="../core/triage.cpp" line="88"/>
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
    <message>
        <location filename="../core/vocabulary.cpp" line="329"/>
        <source>Devices</source>
        <translation>Appareils</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="330"/>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="331"/>
        <source>Mailboxes</source>
        <translation>Boîtes aux lettres</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="332"/>
        <source>Files</source>
        <translation>Fichiers</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="333"/>
        <source>Processes</source>
        <translation>Processus</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="334"/>
        <source>IP addresses</source>
        <translation>Adresses IP</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="335"/>
        <source>URLs</source>
        <translation>URL</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="337"/>
        <source>Registry keys</source>
        <translation>Clés de Registre</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="339"/>
        <source>Registry values</source>
        <translation>Valeurs de Registre</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="340"/>
        <source>Email messages</source>
        <translation>E-mails</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="342"/>
        <source>Cloud applications</source>
        <translation>Applications cloud</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="344"/>
        <source>Mail clusters</source>
        <translation>Clusters de messagerie</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="346"/>
        <source>OAuth applications</source>
        <translation>Applications OAuth</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="348"/>
        <source>Security groups</source>
        <translation>Groupes de sécurité</translation>
    </message>
    <message>
        <location filename="../core/vocabulary.cpp" line="351"/>
        <source>Other evidence</source>
        <translation>Autres preuves</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/vigil.cpp" line="148"/>
        <source>Vigil: triage Microsoft 365 Defender incidents.</source>
        <translation>Vigil&#xa0;: triage des incidents Microsoft 365 Defender.</translation>
    </message>
    <message>
        <location filename="../app/vigil.cpp" line="153"/>
        <source>After the first sync, save the main window (queue and the detail of an incident with more than 150 alerts) to FILE as PNG and exit.</source>
        <translation>Après la première synchronisation, enregistrer la fenêtre principale (file d&apos;attente et détails d&apos;un incident de plus de 150 alertes) au format PNG dans FILE, puis quitter.</translation>
    </message>
    <message>
        <location filename="../app/vigil.cpp" line="159"/>
        <source>With --screenshot: the page to save, queue (the default), connector, hunting, hunting-chart, dashboard, outbox, cheatsheet or palette.</source>
        <translation>Avec --screenshot&#xa0;: la page à enregistrer, queue (par défaut), connector, hunting, hunting-chart, dashboard, outbox, cheatsheet ou palette.</translation>
    </message>
    <message>
        <location filename="../app/vigil.cpp" line="165"/>
        <source>With --screenshot: the window&apos;s size, WIDTHxHEIGHT (1920x1080 by default).</source>
        <translation>Avec --screenshot&#xa0;: la taille de la fenêtre, LARGEURxHAUTEUR (1920x1080 par défaut).</translation>
    </message>
    <message>
        <location filename="../app/vigil.cpp" line="170"/>
        <source>Start with this queue filter (the quick filter&apos;s language, as in vigilctl incidents list --filter).</source>
        <translation>Démarrer avec ce filtre de file d’attente (le langage du filtre rapide, comme dans vigilctl incidents list --filter).</translation>
    </message>
    <message>
        <location filename="../app/vigil.cpp" line="207"/>
        <source>Vigil has no tenant to sync with. Connect with &apos;vigilctl connect&apos;, or set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET for an app registration with SecurityIncident.Read.All, or start &apos;vigil --demo&apos; to try Vigil on the embedded demo tenant.</source>
        <translation>Vigil n’a aucun locataire à synchroniser. Connectez-vous avec «&#xa0;vigilctl connect&#xa0;», ou définissez AZURE_TENANT_ID, AZURE_CLIENT_ID et AZURE_CLIENT_SECRET pour une inscription d’application disposant de SecurityIncident.Read.All, ou lancez «&#xa0;vigil --demo&#xa0;» pour essayer Vigil sur le locataire de démonstration intégré.</translation>
    </message>
</context>
</TS>
