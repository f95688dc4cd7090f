// Server text in the window: shown as plain text everywhere (a title must not draw a heading, a
// fake portal link or load an image from a local path), and capped so that a 10 MB field cannot
// hold the GUI thread.
#include "bench/syntheticincidents.h"
#include "connectorpage.h"
#include "incidentdetailview.h"
#include "incidentqueuemodel.h"
#include "mainwindow.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyledItemDelegate>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>

#include <limits>
#include <memory>

using namespace Vigil;

namespace {

const QDateTime kBase(QDate(2024, 3, 1), QTime(12, 0), Qt::UTC);
constexpr qint64 kHostile = 7;

/** What a hostile tenant puts in a text field: a red heading, a fake link, a local image. */
QString markup(const QString &field)
{
    return field
           + QStringLiteral(": <h1 style=\"color:red\">Pay now</h1><a "
                            "href=\"https://security.microsoft.com.evil.example/\">Open in "
                            "Microsoft 365 Defender</a><img src=\"file:///etc/passwd\">");
}

/** The fields the test fills, each with its own marker so that every one is looked for. */
const QStringList &fields()
{
    static const QStringList list = {
            QStringLiteral("title"),
            QStringLiteral("owner"),
            QStringLiteral("customtag"),
            QStringLiteral("systemtag"),
            QStringLiteral("provider"),
            QStringLiteral("defenderid"),
            QStringLiteral("classification"),
            QStringLiteral("determination"),
            QStringLiteral("severity"),
            QStringLiteral("status"),
            QStringLiteral("comment"),
            QStringLiteral("author"),
            QStringLiteral("alerttitle"),
            QStringLiteral("alertstatus"),
            QStringLiteral("alertcategory"),
            QStringLiteral("alertid"),
            QStringLiteral("alertsource"),
            QStringLiteral("entityvalue"),
            QStringLiteral("entitydetail"),
            QStringLiteral("entityverdict"),
            QStringLiteral("entityrole"),
            QStringLiteral("activityfrom"),
            QStringLiteral("activityto"),
            QStringLiteral("activitynote"),
            QStringLiteral("alertdescription"),
            QStringLiteral("syncerror"),
    };
    return list;
}

Incident hostileIncident()
{
    Incident i = Synthetic::incident(kHostile, kBase);
    i.title = markup(QStringLiteral("title"));
    i.assignedTo = markup(QStringLiteral("owner"));
    i.customTags = {markup(QStringLiteral("customtag"))};
    i.systemTags = {markup(QStringLiteral("systemtag"))};
    i.provider = markup(QStringLiteral("provider"));
    i.providerIncidentId = markup(QStringLiteral("defenderid"));
    // Values Vigil does not know are shown as received.
    i.classification = markup(QStringLiteral("classification"));
    i.determination = markup(QStringLiteral("determination"));
    i.severity = markup(QStringLiteral("severity"));
    i.status = markup(QStringLiteral("status"));
    i.comments
            = {Comment{markup(QStringLiteral("comment")), markup(QStringLiteral("author")), kBase}};
    return i;
}

IncidentDetail hostileDetail(const Incident &incident)
{
    IncidentDetail d = Synthetic::detail(incident, 3);
    d.incident.comments = incident.comments;
    d.alerts.first().title = markup(QStringLiteral("alerttitle"));
    d.alerts.first().description = markup(QStringLiteral("alertdescription"));
    d.alerts.first().status = markup(QStringLiteral("alertstatus"));
    d.alerts.first().category = markup(QStringLiteral("alertcategory"));
    d.alerts.first().id = markup(QStringLiteral("alertid"));
    d.alerts.first().serviceSource = markup(QStringLiteral("alertsource"));
    Entity &entity = d.entities.first();
    entity.value = markup(QStringLiteral("entityvalue"));
    entity.detail = markup(QStringLiteral("entitydetail"));
    entity.verdict = markup(QStringLiteral("entityverdict"));
    entity.roles = {markup(QStringLiteral("entityrole"))};
    ActivityEntry entry;
    entry.time = kBase;
    entry.field = IncidentField::Owner;
    entry.oldValue.text = markup(QStringLiteral("activityfrom"));
    entry.newValue.text = markup(QStringLiteral("activityto"));
    entry.note = markup(QStringLiteral("activitynote"));
    d.activity = {entry};
    return d;
}

/**
 * Whether text, shown with this format, reads as the characters it holds: plain text does; rich
 * text (or text Qt takes for rich text) must have no image, no link, no heading and show the
 * markup as characters.
 */
QString markupProblem(const QString &text, Qt::TextFormat format)
{
    if (format == Qt::PlainText || format == Qt::MarkdownText)
        return format == Qt::MarkdownText ? QStringLiteral("markdown") : QString();
    if (format == Qt::AutoText && !Qt::mightBeRichText(text))
        return {};
    QTextDocument document;
    document.setHtml(text);
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        if (block.blockFormat().headingLevel() > 0)
            return QStringLiteral("a heading");
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat charFormat = it.fragment().charFormat();
            if (charFormat.isImageFormat())
                return QStringLiteral("an image");
            if (charFormat.isAnchor()
                && !charFormat.anchorHref().startsWith(QLatin1String("vigil-incident:")))
                return QStringLiteral("a link to %1").arg(charFormat.anchorHref());
        }
    }
    if (text.contains(QLatin1String("<img")) || text.contains(QLatin1String("&lt;img"))) {
        if (!document.toPlainText().contains(QLatin1String("<img src=\"file:///etc/passwd\">")))
            return QStringLiteral("markup not shown as text");
    }
    return {};
}

} // namespace

class TestPlainTextUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void serverTextIsPlainEverywhere();
    void hugeTitleAndCommentDoNotStallTheWindow();

private:
    /** Selects an incident and waits for its detail, answered from m_details. */
    void showIncident(qint64 number);

    std::unique_ptr<MainWindow> m_window;
    QHash<qint64, IncidentDetail> m_details;
};

void TestPlainTextUi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("VigilTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_plaintextui"));
}

void TestPlainTextUi::init()
{
    QSettings().clear();
    m_details.clear();
    m_window = std::make_unique<MainWindow>(nullptr);
    m_window->resize(1600, 900);
    connect(m_window.get(), &MainWindow::detailRequested, m_window.get(),
            [this](qint64 number, bool) {
                QTimer::singleShot(0, m_window.get(), [this, number] {
                    if (m_details.contains(number))
                        m_window->showIncidentDetail(m_details.value(number));
                });
            });
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestPlainTextUi::cleanup()
{
    m_window.reset();
}

void TestPlainTextUi::showIncident(qint64 number)
{
    QSignalSpy shown(m_window.get(), &MainWindow::detailShown);
    QVERIFY(m_window->selectIncident(number));
    if (m_window->detailView()->isLoading())
        QVERIFY(shown.wait(10000));
}

void TestPlainTextUi::serverTextIsPlainEverywhere()
{
    QList<Incident> incidents = Synthetic::incidents(20, kBase);
    incidents[kHostile - 1] = hostileIncident();
    for (const Incident &incident : std::as_const(incidents))
        m_details.insert(incident.number, Synthetic::detail(incident, 3));
    m_details.insert(kHostile, hostileDetail(incidents[kHostile - 1]));
    m_window->setIncidents(incidents);
    for (int column = 0; column < IncidentQueueModel::ColumnCount; ++column)
        m_window->queueView()->setColumnHidden(column, false);
    showIncident(kHostile);

    // Errors quote the service, and so do the connection's identity and tenant.
    Error error;
    error.kind = Error::Kind::Server;
    error.httpStatus = 500;
    error.message = markup(QStringLiteral("syncerror"));
    SyncStatus status;
    status.state = SyncStatus::State::Offline;
    status.lastError = error;
    m_window->showSyncStatus(status);
    m_window->showSyncResult(false, error);
    m_window->connectorPage()->showSyncStatus(status);
    m_window->connectorPage()->setIdentity({markup(QStringLiteral("tenant")),
                                            QStringLiteral("client"), QStringLiteral("global"),
                                            markup(QStringLiteral("upn")), false, false});
    QApplication::processEvents();

    QSet<QString> seen;
    // What a text shows, as characters (a rich tooltip shows its plain text).
    const auto shown = [](const QString &text) {
        if (!Qt::mightBeRichText(text))
            return text;
        QTextDocument document;
        document.setHtml(text);
        return document.toPlainText();
    };
    const auto look = [&seen](const QString &text) {
        for (const QString &field : fields()) {
            if (text.contains(field + QStringLiteral(": <h1"), Qt::CaseInsensitive))
                seen.insert(field);
        }
    };

    // Every label: plain text, or rich text that shows the markup as characters.
    int labelsWithMarkup = 0;
    for (QLabel *label : m_window->findChildren<QLabel *>()) {
        const QString what
                = label->objectName().isEmpty()
                          ? QString::fromLatin1(label->parent()->metaObject()->className())
                          : label->objectName();
        const QString problem = markupProblem(label->text(), label->textFormat());
        QVERIFY2(problem.isEmpty(),
                 qPrintable(QStringLiteral("label %1 shows %2: %3")
                                    .arg(what, problem, label->text().left(200))));
        const QString tipProblem = markupProblem(label->toolTip(), Qt::AutoText);
        QVERIFY2(tipProblem.isEmpty(),
                 qPrintable(QStringLiteral("tooltip of %1 shows %2").arg(what, tipProblem)));
        if (label->text().contains(QLatin1String("<img")))
            ++labelsWithMarkup;
        look(label->text());
    }
    QVERIFY(labelsWithMarkup >= 10);
    const auto labelText = [this](const char *name) {
        auto *label = m_window->findChild<QLabel *>(QLatin1String(name));
        return label ? label->text() : QStringLiteral("(no label %1)").arg(QLatin1String(name));
    };
    QCOMPARE(labelText("detailTitle"), markup(QStringLiteral("title")));
    QCOMPARE(labelText("detailOwner"), markup(QStringLiteral("owner")));
    QCOMPARE(labelText("detailProvider"), markup(QStringLiteral("provider")));
    QCOMPARE(labelText("detailDefenderId"), markup(QStringLiteral("defenderid")));
    QCOMPARE(labelText("detailDetermination"), markup(QStringLiteral("determination")));
    QVERIFY(labelText("detailTags").contains(markup(QStringLiteral("customtag"))));
    QVERIFY(labelText("detailClassification").contains(markup(QStringLiteral("classification"))));
    QVERIFY(labelText("connectorIdentity").contains(markup(QStringLiteral("upn"))));
    QVERIFY(labelText("errorBannerText").contains(markup(QStringLiteral("syncerror"))));

    // Every cell: drawn by the plain delegate, its tooltip plain or escaped.
    int views = 0;
    for (QAbstractItemView *view : m_window->findChildren<QAbstractItemView *>()) {
        QAbstractItemModel *model = view->model();
        // A header draws our own column names; its model is the view's, walked there.
        if (!model || qobject_cast<QHeaderView *>(view))
            continue;
        ++views;
        QVERIFY2(view->itemDelegate(), qPrintable(view->objectName()));
        QCOMPARE(QString::fromLatin1(view->itemDelegate()->metaObject()->className()),
                 QStringLiteral("QStyledItemDelegate"));
        for (int column = 0; column < model->columnCount(); ++column)
            QVERIFY(!view->itemDelegateForColumn(column));
        QList<QModelIndex> parents = {QModelIndex()};
        while (!parents.isEmpty()) {
            const QModelIndex parent = parents.takeFirst();
            for (int row = 0; row < model->rowCount(parent); ++row) {
                for (int column = 0; column < model->columnCount(parent); ++column) {
                    const QModelIndex index = model->index(row, column, parent);
                    look(index.data(Qt::DisplayRole).toString());
                    const QString tip = index.data(Qt::ToolTipRole).toString();
                    look(shown(tip));
                    const QString problem = markupProblem(tip, Qt::AutoText);
                    QVERIFY2(problem.isEmpty(),
                             qPrintable(QStringLiteral("tooltip of %1 row %2 column %3 shows %4")
                                                .arg(view->objectName())
                                                .arg(row)
                                                .arg(column)
                                                .arg(problem)));
                    if (column == 0 && model->hasChildren(index))
                        parents << index;
                }
            }
        }
    }
    QVERIFY(views >= 4);
    QStringList missing;
    for (const QString &field : fields()) {
        if (!seen.contains(field))
            missing << field;
    }
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));

    const QImage image = m_window->renderToImage();
    const QByteArray extra = qgetenv("VIGIL_PLAINTEXT_SCREENSHOT");
    if (!extra.isEmpty())
        QVERIFY(image.save(QString::fromLocal8Bit(extra)));
}

void TestPlainTextUi::hugeTitleAndCommentDoNotStallTheWindow()
{
    QList<Incident> incidents = Synthetic::incidents(200, kBase);
    for (const Incident &incident : std::as_const(incidents))
        m_details.insert(incident.number, Synthetic::detail(incident, 3));
    m_window->setIncidents(incidents);
    QApplication::processEvents();

    // One incident changes its title and comment, arrives in the queue, is selected, its detail
    // is shown and the window painted: normal text first, then 10 MB of each.
    const auto showChanged = [this](qint64 number, const QString &text) {
        Incident incident = Synthetic::incident(number, kBase);
        incident.title = text;
        incident.lastUpdateTime = kBase.addDays(1);
        incident.comments = {Comment{text, QStringLiteral("kai@contoso.com"), kBase}};
        IncidentDetail detail = Synthetic::detail(incident, 3);
        detail.incident.comments = incident.comments;
        m_details.insert(number, detail);
        QElapsedTimer timer;
        timer.start();
        m_window->applyIncidentChanges({incident});
        showIncident(number);
        const QImage image = m_window->renderToImage();
        const qint64 elapsed = timer.nsecsElapsed();
        return image.isNull() ? -1 : elapsed;
    };
    qint64 normal = std::numeric_limits<qint64>::max();
    for (qint64 number : {11, 12, 13})
        normal = std::min(normal,
                          showChanged(number, QStringLiteral("Suspicious sign-in %1").arg(number)));
    QVERIFY(normal > 0);

    QString huge = QStringLiteral("Mass download from SharePoint ");
    huge = huge.repeated(qsizetype(10) * 1024 * 1024 / huge.size());
    const qint64 big = showChanged(14, huge);
    QVERIFY(big > 0);
    qInfo("showing a short title: %.1f ms, a 10 MB title and comment: %.1f ms (%.1fx)",
          double(normal) / 1e6, double(big) / 1e6, double(big) / double(normal));
    QVERIFY2(big < 20 * normal, qPrintable(QStringLiteral("10 MB took %1x as long as a short title")
                                                   .arg(double(big) / double(normal))));

    // What is shown is capped; the model keeps the whole title for copy and export.
    auto *title = m_window->findChild<QLabel *>(QStringLiteral("detailTitle"));
    QVERIFY(title->text().size() <= 10000);
    QVERIFY(title->text().startsWith(QStringLiteral("Mass download from SharePoint")));
    const IncidentQueueModel *model = m_window->queueModel();
    const QModelIndex cell = model->index(model->rowOfNumber(14), IncidentQueueModel::TitleColumn);
    QVERIFY(cell.data(Qt::DisplayRole).toString().size() <= 10000);
    QVERIFY(cell.data(Qt::ToolTipRole).toString().size() <= 20000);
    QCOMPARE(cell.data(IncidentQueueModel::IncidentRole).value<Incident>().title.size(),
             huge.size());
    auto *comments = m_window->findChild<QTreeWidget *>(QStringLiteral("commentList"));
    QCOMPARE(comments->topLevelItemCount(), 1);
    QVERIFY(comments->topLevelItem(0)->text(2).startsWith(QStringLiteral("Mass download")));
    QVERIFY(comments->topLevelItem(0)->text(2).size() <= 10000);
    QVERIFY(comments->topLevelItem(0)->toolTip(2).size() <= 20000);
}

QTEST_MAIN(TestPlainTextUi)
#include "tst_plaintextui.moc"
