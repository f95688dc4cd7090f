#pragma once

#include "incident.h"

#include <QDialog>

class QLabel;
class QTreeWidget;

namespace Vigil {

/**
 * The detail of one alert, opened from the alerts tab (double-click or Enter): every field
 * Graph sent for it (description, MITRE techniques, threat, custom details, additional data,
 * ...), its evidence with each piece's properties, and its Defender link. Everything is plain
 * text and can be copied. Non-modal; it deletes itself when closed. GUI thread.
 */
class AlertDetailDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AlertDetailDialog(const Alert &alert, QWidget *parent = nullptr);

    const Alert &alert() const { return m_alert; }

    /** A dialog with one piece of evidence's properties (the entities tab opens it). */
    static QDialog *evidenceDialog(const Entity &entity, QWidget *parent);
    /** Fills a two-column tree with evidence: one top-level row per piece, its properties
     *  below. */
    static void fillEvidence(QTreeWidget *tree, const QList<Entity> &evidence);

Q_SIGNALS:
    /** "Open in Microsoft 365 Defender": the alert's alertWebUrl, unchecked (the window checks
     *  it against the portal allow-list before a browser sees it). */
    void openInDefenderRequested(const QString &alertWebUrl);

private:
    Alert m_alert;
};

} // namespace Vigil
