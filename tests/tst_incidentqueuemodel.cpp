#include "incidentfilterproxymodel.h"
#include "incidentqueuemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Vigil;

namespace {

Incident makeIncident(qint64 number, const QString &title, const QString &severity = {},
                      const QString &status = QStringLiteral("active"))
{
    Incident i;
    i.number = number;
    i.providerIncidentId = QString::number(1000 + number);
    i.tenantId = QStringLiteral("tenant");
    i.title = title;
    i.severity = severity.isEmpty() ? QStringLiteral("medium") : severity;
    i.status = status;
    i.createdTime = QDateTime(QDate(2024, 3, 1), QTime(8, 0), Qt::UTC).addSecs(number * 60);
    i.lastUpdateTime = i.createdTime.addSecs(3600);
    i.alertCount = 1;
    return i;
}

} // namespace

class TestIncidentQueueModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void alertCountLabel_data();
    void alertCountLabel();
    void statusLabel_data();
    void statusLabel();
    void redirectedIsClosedWithTag();
    void unknownEnumValuesShownVerbatim_data();
    void unknownEnumValuesShownVerbatim();
    void classificationShowsReason();
    void severityCarriesIconAndText();
    void sortBySeverityUsesRank();
    void sortByEachColumnIsTotal_data();
    void sortByEachColumnIsTotal();
    void filter_data();
    void filter();
    void filterKeepsSortOrder();
    void filterFieldsAndExplanation();
    void invalidFilterKeepsRows();
    void furtherSortKeys();
    void applyChangesUpdatesInPlace();
    void applyChangesInsertsOneRun();
    void applyChangesUnchangedEmitsNothing();
    void applyChangesManyChangedEmitsOneFullRange();
    void applyChangesContiguousRuns();
    void applyChangesKeepsProxySortAndFilter();
    void setIncidentsResets();
    void presenceShowsWhoElseIsOnAnIncident();
    void filterAndSortCarryPersistentIndexes();
    void rowsContainingFollowsChanges();

private:
    QString cell(int row, int column) const
    {
        return m_model->index(row, column).data().toString();
    }

    std::unique_ptr<IncidentQueueModel> m_model;
    std::unique_ptr<IncidentFilterProxyModel> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;
};

void TestIncidentQueueModel::init()
{
    m_model = std::make_unique<IncidentQueueModel>();
    m_proxy = std::make_unique<IncidentFilterProxyModel>();
    m_proxy->setSourceModel(m_model.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_proxyTester = std::make_unique<QAbstractItemModelTester>(
            m_proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestIncidentQueueModel::cleanup()
{
    m_proxyTester.reset();
    m_tester.reset();
    m_proxy.reset();
    m_model.reset();
}

void TestIncidentQueueModel::alertCountLabel_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("label");
    QTest::newRow("0") << 0 << QStringLiteral("0");
    QTest::newRow("149") << 149 << QStringLiteral("149");
    QTest::newRow("150") << 150 << QStringLiteral("150");
    QTest::newRow("151") << 151 << QStringLiteral("150+");
    QTest::newRow("420") << 420 << QStringLiteral("150+");
}

void TestIncidentQueueModel::alertCountLabel()
{
    QFETCH(int, count);
    QFETCH(QString, label);
    Incident i = makeIncident(7, QStringLiteral("Big one"));
    i.alertCount = count;
    m_model->setIncidents({i});
    QCOMPARE(cell(0, IncidentQueueModel::AlertsColumn), label);
    QCOMPARE(m_model->index(0, IncidentQueueModel::AlertsColumn)
                     .data(IncidentQueueModel::AlertCountRole)
                     .toInt(),
             count);
    // Sorting uses the true count, not the capped label.
    QCOMPARE(m_model->index(0, IncidentQueueModel::AlertsColumn)
                     .data(IncidentQueueModel::SortRole)
                     .toInt(),
             count);
}

void TestIncidentQueueModel::statusLabel_data()
{
    QTest::addColumn<QString>("wire");
    QTest::addColumn<QString>("label");
    QTest::newRow("active") << QStringLiteral("active") << QStringLiteral("New");
    QTest::newRow("inProgress") << QStringLiteral("inProgress") << QStringLiteral("Active");
    QTest::newRow("awaitingAction")
            << QStringLiteral("awaitingAction") << QStringLiteral("Active · awaiting action");
    QTest::newRow("resolved") << QStringLiteral("resolved") << QStringLiteral("Closed");
    QTest::newRow("redirected") << QStringLiteral("redirected") << QStringLiteral("Closed");
    QTest::newRow("case-insensitive") << QStringLiteral("INPROGRESS") << QStringLiteral("Active");
}

void TestIncidentQueueModel::statusLabel()
{
    QFETCH(QString, wire);
    QFETCH(QString, label);
    m_model->setIncidents({makeIncident(1, QStringLiteral("x"), {}, wire)});
    QCOMPARE(cell(0, IncidentQueueModel::StatusColumn), label);
}

void TestIncidentQueueModel::redirectedIsClosedWithTag()
{
    Incident i = makeIncident(5, QStringLiteral("Merged away"), {}, QStringLiteral("redirected"));
    i.customTags = {QStringLiteral("VIP")};
    i.redirectIncidentId = QStringLiteral("1009");
    i.redirectedToNumber = 9;
    m_model->setIncidents({i});
    QCOMPARE(cell(0, IncidentQueueModel::StatusColumn), QStringLiteral("Closed"));
    QCOMPARE(cell(0, IncidentQueueModel::TagsColumn), QStringLiteral("VIP, Redirected"));
    // The tag is searchable like any other.
    m_proxy->setQuickFilterText(QStringLiteral("redirected"));
    QCOMPARE(m_proxy->rowCount(), 1);
}

void TestIncidentQueueModel::unknownEnumValuesShownVerbatim_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("severity");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("classification");
    QTest::addColumn<QString>("expected");
    QTest::newRow("severity") << int(IncidentQueueModel::SeverityColumn)
                              << QStringLiteral("catastrophic") << QStringLiteral("active")
                              << QString() << QStringLiteral("catastrophic");
    QTest::newRow("status") << int(IncidentQueueModel::StatusColumn) << QStringLiteral("high")
                            << QStringLiteral("underReview") << QString()
                            << QStringLiteral("underReview");
    QTest::newRow("classification")
            << int(IncidentQueueModel::ClassificationColumn) << QStringLiteral("high")
            << QStringLiteral("active") << QStringLiteral("probablyFine")
            << QStringLiteral("probablyFine");
}

void TestIncidentQueueModel::unknownEnumValuesShownVerbatim()
{
    QFETCH(int, column);
    QFETCH(QString, severity);
    QFETCH(QString, status);
    QFETCH(QString, classification);
    QFETCH(QString, expected);
    Incident i = makeIncident(3, QStringLiteral("Future"), severity, status);
    i.classification = classification;
    m_model->setIncidents({i});
    QCOMPARE(cell(0, column), expected);
}

void TestIncidentQueueModel::classificationShowsReason()
{
    Incident i = makeIncident(4, QStringLiteral("Closed FP"), {}, QStringLiteral("resolved"));
    i.classification = QStringLiteral("falsePositive");
    i.determination = QStringLiteral("notMalicious");
    m_model->setIncidents({i});
    QCOMPARE(cell(0, IncidentQueueModel::ClassificationColumn),
             QStringLiteral("False positive · Incorrect alert logic"));
}

void TestIncidentQueueModel::severityCarriesIconAndText()
{
    m_model->setIncidents({makeIncident(1, QStringLiteral("a"), QStringLiteral("high"))});
    const QModelIndex severity = m_model->index(0, IncidentQueueModel::SeverityColumn);
    QCOMPARE(severity.data().toString(), QStringLiteral("High"));
    QCOMPARE(severity.data(IncidentQueueModel::SeverityRankRole).toInt(), 4);
    QVERIFY(!severity.data(Qt::DecorationRole).isValid());

    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    SeverityIcons icons;
    QPixmap red(8, 8);
    red.fill(Qt::red);
    icons[4] = QIcon(red);
    m_model->setSeverityIcons(icons);
    QCOMPARE(changed.size(), 1);
    QVERIFY(severity.data(Qt::DecorationRole).value<QIcon>().cacheKey() == icons[4].cacheKey());
    QCOMPARE(severity.data().toString(), QStringLiteral("High")); // never colour alone
}

void TestIncidentQueueModel::sortBySeverityUsesRank()
{
    m_model->setIncidents({makeIncident(1, QStringLiteral("a"), QStringLiteral("medium")),
                           makeIncident(2, QStringLiteral("b"), QStringLiteral("high")),
                           makeIncident(3, QStringLiteral("c"), QStringLiteral("informational")),
                           makeIncident(4, QStringLiteral("d"), QStringLiteral("low")),
                           makeIncident(5, QStringLiteral("e"), QStringLiteral("unknown"))});
    m_proxy->sort(IncidentQueueModel::SeverityColumn, Qt::AscendingOrder);
    QStringList order;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        order << m_proxy->index(row, IncidentQueueModel::SeverityColumn).data().toString();
    // Text order would be High, Informational, Low, Medium, Unknown.
    QCOMPARE(order, QStringList({QStringLiteral("Unknown"), QStringLiteral("Informational"),
                                 QStringLiteral("Low"), QStringLiteral("Medium"),
                                 QStringLiteral("High")}));
    m_proxy->sort(IncidentQueueModel::SeverityColumn, Qt::DescendingOrder);
    QCOMPARE(m_proxy->index(0, IncidentQueueModel::SeverityColumn).data().toString(),
             QStringLiteral("High"));
}

void TestIncidentQueueModel::sortByEachColumnIsTotal_data()
{
    QTest::addColumn<int>("column");
    for (int column = 0; column < IncidentQueueModel::ColumnCount; ++column)
        QTest::addRow("column %d", column) << column;
}

void TestIncidentQueueModel::sortByEachColumnIsTotal()
{
    QFETCH(int, column);
    QList<Incident> incidents;
    for (int n = 1; n <= 60; ++n) {
        Incident i = makeIncident(
                n,
                (n % 2 ? QStringLiteral("Incident %1") : QStringLiteral("INCIDENT %1")).arg(n % 7),
                QStringList(
                        {QStringLiteral("high"), QStringLiteral("low"), QStringLiteral("medium")})
                        .at(n % 3));
        i.assignedTo = n % 4 ? QStringLiteral("analyst%1@contoso.com").arg(n % 4) : QString();
        i.alertCount = (n * 37) % 200;
        i.customTags = {QStringLiteral("t%1").arg(n % 5)};
        i.syncState = SyncState(n % 4);
        i.classification = n % 2 ? QStringLiteral("truePositive") : QString();
        incidents << i;
    }
    m_model->setIncidents(incidents);
    // The fast whole-queue order agrees with the row comparison.
    const QList<int> rows = m_model->rowsInOrder(column);
    QCOMPARE(rows.size(), 60);
    for (qsizetype i = 1; i < rows.size(); ++i)
        QVERIFY2(m_model->lessThan(rows.at(i - 1), rows.at(i), column),
                 qPrintable(QString::number(i)));
    for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
        m_proxy->sort(column, order);
        QCOMPARE(m_proxy->rowCount(), 60);
        for (int row = 1; row < m_proxy->rowCount(); ++row) {
            const int a = m_proxy->mapToSource(m_proxy->index(row - 1, 0)).row();
            const int b = m_proxy->mapToSource(m_proxy->index(row, 0)).row();
            if (order == Qt::AscendingOrder)
                QVERIFY(m_model->lessThan(a, b, column));
            else
                QVERIFY(m_model->lessThan(b, a, column));
        }
    }
    // Raw sort values agree with the comparison for ordered types.
    if (column == IncidentQueueModel::LastUpdatedColumn) {
        m_proxy->sort(column, Qt::AscendingOrder);
        QVERIFY(m_proxy->index(0, column).data(IncidentQueueModel::SortRole).toDateTime()
                < m_proxy->index(59, column).data(IncidentQueueModel::SortRole).toDateTime());
    }
}

void TestIncidentQueueModel::filter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<qint64>>("numbers");
    QTest::newRow("empty") << QString() << QList<qint64>{11, 12, 13, 112};
    QTest::newRow("title, any case") << QStringLiteral("PHISH") << QList<qint64>{11};
    QTest::newRow("title substring") << QStringLiteral("ransom") << QList<qint64>{12};
    QTest::newRow("owner") << QStringLiteral("bob@contoso") << QList<qint64>{13};
    QTest::newRow("custom tag") << QStringLiteral("vip") << QList<qint64>{12};
    QTest::newRow("system tag") << QStringLiteral("defender experts") << QList<qint64>{112};
    QTest::newRow("number substring") << QStringLiteral("12") << QList<qint64>{12, 112};
    QTest::newRow("exact number") << QStringLiteral("#12") << QList<qint64>{12};
    QTest::newRow("defender id") << QStringLiteral("1013") << QList<qint64>{13};
    QTest::newRow("spaces trimmed") << QStringLiteral("  phish ") << QList<qint64>{11};
    QTest::newRow("no match") << QStringLiteral("nothing like this") << QList<qint64>{};
    QTest::newRow("not across fields") << QStringLiteral("\"campaign 1011\"") << QList<qint64>{};
    QTest::newRow("words combine across fields")
            << QStringLiteral("campaign 1011") << QList<qint64>{11};
    QTest::newRow("field and word") << QStringLiteral("severity:high fin") << QList<qint64>{12};
    QTest::newRow("host name in the evidence")
            << QStringLiteral("FIN-LT-2073") << QList<qint64>{13};
}

void TestIncidentQueueModel::filter()
{
    QFETCH(QString, text);
    QFETCH(QList<qint64>, numbers);
    Incident a = makeIncident(11, QStringLiteral("Phish campaign"));
    Incident b = makeIncident(12, QStringLiteral("Ransomware on FIN-07"));
    b.customTags = {QStringLiteral("VIP")};
    b.severity = QStringLiteral("high");
    Incident c = makeIncident(13, QStringLiteral("Suspicious sign-in"));
    c.assignedTo = QStringLiteral("Bob@Contoso.com");
    c.alertText = QStringLiteral("Sign-in from a new place") + QChar(0x1F)
                  + QStringLiteral("fin-lt-2073.contoso.com");
    Incident d = makeIncident(112, QStringLiteral("Mass download"));
    d.systemTags = {QStringLiteral("Defender Experts")};
    m_model->setIncidents({a, b, c, d});
    m_proxy->sort(IncidentQueueModel::NumberColumn, Qt::AscendingOrder);

    QSignalSpy filterChanged(m_proxy.get(), &IncidentFilterProxyModel::filterChanged);
    m_proxy->setQuickFilterText(text);
    QCOMPARE(filterChanged.size(), text.isEmpty() ? 0 : 1);
    QList<qint64> shown;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        shown << m_proxy->index(row, 0).data(IncidentQueueModel::NumberRole).toLongLong();
    QCOMPARE(shown, numbers);
}

void TestIncidentQueueModel::filterFieldsAndExplanation()
{
    QList<Incident> incidents;
    for (int n = 1; n <= 30; ++n) {
        Incident i = makeIncident(n, QStringLiteral("incident %1").arg(n),
                                  n % 3 == 0 ? QStringLiteral("high") : QStringLiteral("low"),
                                  n % 2 ? QStringLiteral("active") : QStringLiteral("resolved"));
        if (n == 9)
            i.assignedTo = QStringLiteral("me@contoso.com");
        incidents << i;
    }
    m_model->setIncidents(incidents);
    m_proxy->sort(IncidentQueueModel::NumberColumn, Qt::AscendingOrder);
    m_proxy->setAnalyst(QStringLiteral("ME@contoso.com"));

    m_proxy->setQuickFilterText(QStringLiteral("severity:high status:new"));
    QList<qint64> shown;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        shown << m_proxy->index(row, 0).data(IncidentQueueModel::NumberRole).toLongLong();
    QCOMPARE(shown, (QList<qint64>{3, 9, 15, 21, 27}));
    QVERIFY(m_proxy->emptyExplanation().isEmpty());

    m_proxy->setQuickFilterText(QStringLiteral("severity:high status:new owner:me"));
    QCOMPARE(m_proxy->rowCount(), 1);
    QCOMPARE(m_proxy->index(0, 0).data(IncidentQueueModel::NumberRole).toLongLong(), 9);

    // Nothing left: the explanation names the term that removed the last rows.
    m_proxy->setQuickFilterText(QStringLiteral("severity:high status:new -owner:none owner:bob"));
    QCOMPARE(m_proxy->rowCount(), 0);
    QCOMPARE(m_proxy->emptyExplanation(),
             QStringLiteral("owner:bob removed the last incident that the terms before it left."));
    // A row whose change takes it out of the filter goes (the filter follows data changes).
    m_proxy->setQuickFilterText(QStringLiteral("severity:high status:new owner:none"));
    QCOMPARE(m_proxy->rowCount(), 4);
    QVERIFY(m_proxy->emptyExplanation().isEmpty());
    incidents[14].severity = QStringLiteral("low");
    m_model->applyChanges({incidents.at(14)});
    QCOMPARE(m_proxy->rowCount(), 3);
}

void TestIncidentQueueModel::invalidFilterKeepsRows()
{
    QList<Incident> incidents;
    for (int n = 1; n <= 10; ++n)
        incidents << makeIncident(n, QStringLiteral("row"),
                                  n <= 4 ? QStringLiteral("high") : QStringLiteral("low"));
    m_model->setIncidents(incidents);
    m_proxy->setQuickFilterText(QStringLiteral("severity:high"));
    QCOMPARE(m_proxy->rowCount(), 4);
    // Half typed: the rows stay as the last valid filter left them, and the error says why.
    QSignalSpy layout(m_proxy.get(), &QAbstractItemModel::layoutChanged);
    m_proxy->setQuickFilterText(QStringLiteral("severity:high status:"));
    QCOMPARE(m_proxy->rowCount(), 4);
    QCOMPARE(layout.size(), 0);
    QVERIFY(m_proxy->filterError().startsWith(QStringLiteral("status: — status is new")));
    m_proxy->setQuickFilterText(QStringLiteral("severity:high status:new"));
    QVERIFY(m_proxy->filterError().isEmpty());
    QCOMPARE(m_proxy->rowCount(), 4);
}

void TestIncidentQueueModel::furtherSortKeys()
{
    // Severity first (descending), then title ascending, then the number.
    const QList<Incident> incidents = {
            makeIncident(1, QStringLiteral("b"), QStringLiteral("low")),
            makeIncident(2, QStringLiteral("a"), QStringLiteral("high")),
            makeIncident(3, QStringLiteral("c"), QStringLiteral("high")),
            makeIncident(4, QStringLiteral("a"), QStringLiteral("low")),
            makeIncident(5, QStringLiteral("a"), QStringLiteral("high")),
    };
    m_model->setIncidents(incidents);
    m_proxy->sort(IncidentQueueModel::SeverityColumn, Qt::DescendingOrder);
    QSignalSpy header(m_proxy.get(), &QAbstractItemModel::headerDataChanged);
    m_proxy->addSortKey(IncidentQueueModel::TitleColumn, Qt::AscendingOrder);
    QCOMPARE(header.size(), 1);
    const auto numbers = [this] {
        QList<qint64> list;
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            list << m_proxy->index(row, 0).data(IncidentQueueModel::NumberRole).toLongLong();
        return list;
    };
    QCOMPARE(numbers(), (QList<qint64>{5, 2, 3, 4, 1}));
    QCOMPARE(m_proxy->sortKeys().size(), 2);
    // The header names the second key.
    QCOMPARE(m_proxy->headerData(IncidentQueueModel::TitleColumn, Qt::Horizontal).toString(),
             QStringLiteral("Title 2") + QChar(0x25B2));
    // Adding it again flips it.
    m_proxy->addSortKey(IncidentQueueModel::TitleColumn);
    QCOMPARE(numbers(), (QList<qint64>{3, 5, 2, 1, 4}));
    // A filter keeps the order.
    m_proxy->setQuickFilterText(QStringLiteral("severity:high"));
    QCOMPARE(numbers(), (QList<qint64>{3, 5, 2}));
    // A plain sort drops the further keys.
    m_proxy->sort(IncidentQueueModel::NumberColumn, Qt::AscendingOrder);
    QCOMPARE(m_proxy->sortKeys().size(), 1);
    QCOMPARE(numbers(), (QList<qint64>{2, 3, 5}));
    QCOMPARE(m_proxy->headerData(IncidentQueueModel::TitleColumn, Qt::Horizontal).toString(),
             QStringLiteral("Title"));
}

void TestIncidentQueueModel::filterKeepsSortOrder()
{
    QList<Incident> incidents;
    for (int n = 1; n <= 40; ++n)
        incidents << makeIncident(n, n % 2 ? QStringLiteral("odd") : QStringLiteral("even"));
    m_model->setIncidents(incidents);
    m_proxy->sort(IncidentQueueModel::CreatedColumn, Qt::DescendingOrder);
    m_proxy->setQuickFilterText(QStringLiteral("odd"));
    QCOMPARE(m_proxy->rowCount(), 20);
    QCOMPARE(m_proxy->index(0, 0).data(IncidentQueueModel::NumberRole).toLongLong(), 39);
    QCOMPARE(m_proxy->index(19, 0).data(IncidentQueueModel::NumberRole).toLongLong(), 1);
    m_proxy->setQuickFilterText({});
    QCOMPARE(m_proxy->rowCount(), 40);
    QCOMPARE(m_proxy->index(0, 0).data(IncidentQueueModel::NumberRole).toLongLong(), 40);
}

void TestIncidentQueueModel::applyChangesUpdatesInPlace()
{
    QList<Incident> incidents;
    for (int n = 1; n <= 10; ++n)
        incidents << makeIncident(n, QStringLiteral("Incident %1").arg(n));
    m_model->setIncidents(incidents);

    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);

    Incident updated = incidents.at(3);
    updated.status = QStringLiteral("inProgress");
    updated.assignedTo = QStringLiteral("alice@contoso.com");
    m_model->applyChanges({updated});

    QCOMPARE(m_model->rowCount(), 10);
    QCOMPARE(m_model->rowOfNumber(4), 3);
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(changed.size(), 1);
    const auto topLeft = changed.at(0).at(0).value<QModelIndex>();
    const auto bottomRight = changed.at(0).at(1).value<QModelIndex>();
    QCOMPARE(topLeft.row(), 3);
    QCOMPARE(bottomRight.row(), 3);
    // Status changed (and with it the Tags column, which shows "Redirected") through Owner.
    QCOMPARE(topLeft.column(), int(IncidentQueueModel::StatusColumn));
    QVERIFY(bottomRight.column() >= int(IncidentQueueModel::OwnerColumn));
    QCOMPARE(cell(3, IncidentQueueModel::StatusColumn), QStringLiteral("Active"));
    QCOMPARE(cell(3, IncidentQueueModel::OwnerColumn), QStringLiteral("alice@contoso.com"));
}

void TestIncidentQueueModel::applyChangesInsertsOneRun()
{
    m_model->setIncidents(
            {makeIncident(1, QStringLiteral("one")), makeIncident(2, QStringLiteral("two"))});
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);

    Incident two = makeIncident(2, QStringLiteral("two, renamed"));
    m_model->applyChanges({makeIncident(3, QStringLiteral("three")), two,
                           makeIncident(4, QStringLiteral("four")),
                           makeIncident(3, QStringLiteral("three again"))});
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 2);
    QCOMPARE(inserted.at(0).at(2).toInt(), 3);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(m_model->rowCount(), 4);
    QCOMPARE(m_model->rowOfNumber(3), 2);
    QCOMPARE(m_model->rowOfNumber(4), 3);
    QCOMPARE(cell(2, IncidentQueueModel::TitleColumn), QStringLiteral("three again"));
    QCOMPARE(cell(1, IncidentQueueModel::TitleColumn), QStringLiteral("two, renamed"));
}

void TestIncidentQueueModel::applyChangesUnchangedEmitsNothing()
{
    const Incident one = makeIncident(1, QStringLiteral("one"));
    m_model->setIncidents({one});
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->applyChanges({one});
    m_model->applyChanges({});
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(changed.size(), 0);
}

void TestIncidentQueueModel::applyChangesManyChangedEmitsOneFullRange()
{
    QList<Incident> incidents;
    for (int n = 1; n <= 10; ++n)
        incidents << makeIncident(n, QStringLiteral("Incident %1").arg(n));
    m_model->setIncidents(incidents);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QList<Incident> batch;
    for (int n : {1, 3, 5, 7, 9, 10}) {
        Incident i = incidents.at(n - 1);
        i.severity = QStringLiteral("high");
        batch << i;
    }
    m_model->applyChanges(batch);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), m_model->index(0, 0));
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>(),
             m_model->index(9, IncidentQueueModel::ColumnCount - 1));
}

void TestIncidentQueueModel::applyChangesContiguousRuns()
{
    QList<Incident> incidents;
    for (int n = 1; n <= 20; ++n)
        incidents << makeIncident(n, QStringLiteral("Incident %1").arg(n));
    m_model->setIncidents(incidents);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QList<Incident> batch;
    for (int n : {6, 3, 4, 5, 15}) { // rows 2..5 and 14, given out of order
        Incident i = incidents.at(n - 1);
        i.alertCount = 151;
        batch << i;
    }
    m_model->applyChanges(batch);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>(),
             m_model->index(2, IncidentQueueModel::AlertsColumn));
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>(),
             m_model->index(5, IncidentQueueModel::AlertsColumn));
    QCOMPARE(changed.at(1).at(0).value<QModelIndex>(),
             m_model->index(14, IncidentQueueModel::AlertsColumn));
    QCOMPARE(cell(14, IncidentQueueModel::AlertsColumn), QStringLiteral("150+"));
}

void TestIncidentQueueModel::applyChangesKeepsProxySortAndFilter()
{
    QList<Incident> incidents;
    for (int n = 1; n <= 30; ++n)
        incidents << makeIncident(n, n % 3 ? QStringLiteral("noise") : QStringLiteral("phish"));
    m_model->setIncidents(incidents);
    m_proxy->sort(IncidentQueueModel::LastUpdatedColumn, Qt::DescendingOrder);
    m_proxy->setQuickFilterText(QStringLiteral("phish"));
    QCOMPARE(m_proxy->rowCount(), 10);
    const QPersistentModelIndex kept = m_proxy->index(4, 0);
    const qint64 keptNumber = kept.data(IncidentQueueModel::NumberRole).toLongLong();

    // One phish incident moves to the top, a new phish arrives, a noise one becomes phish.
    Incident moved = incidents.at(2);
    moved.lastUpdateTime = moved.lastUpdateTime.addDays(1);
    Incident becomes = incidents.at(0);
    becomes.title = QStringLiteral("phish after all");
    Incident fresh = makeIncident(31, QStringLiteral("phish new"));
    m_model->applyChanges({moved, becomes, fresh});

    QCOMPARE(m_proxy->rowCount(), 12);
    QCOMPARE(m_proxy->index(0, 0).data(IncidentQueueModel::NumberRole).toLongLong(), 3);
    QVERIFY(kept.isValid());
    QCOMPARE(kept.data(IncidentQueueModel::NumberRole).toLongLong(), keptNumber);
    for (int row = 1; row < m_proxy->rowCount(); ++row) {
        QVERIFY(m_proxy->index(row - 1, IncidentQueueModel::LastUpdatedColumn)
                        .data(IncidentQueueModel::SortRole)
                        .toDateTime()
                >= m_proxy->index(row, IncidentQueueModel::LastUpdatedColumn)
                           .data(IncidentQueueModel::SortRole)
                           .toDateTime());
    }
}

void TestIncidentQueueModel::presenceShowsWhoElseIsOnAnIncident()
{
    QList<Incident> incidents;
    for (int n = 1; n <= 5; ++n)
        incidents << makeIncident(n, QStringLiteral("Incident %1").arg(n));
    m_model->setIncidents(incidents);
    const int column = IncidentQueueModel::PresenceColumn;
    QCOMPARE(m_model->headerData(column, Qt::Horizontal).toString(), QStringLiteral("Also on it"));
    QCOMPARE(cell(2, column), QString());
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    // A colleague's name is plain text, however it looks.
    const QString who = QStringLiteral("<b>eve@contoso.com</b> (edited it)");
    m_model->setPresence(3, who);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), m_model->index(2, column));
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>(), m_model->index(2, column));
    QCOMPARE(cell(2, column), who);
    const QString tip = m_model->index(2, column).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QLatin1String("&lt;b&gt;")), qPrintable(tip));
    // The same again changes nothing; a number not (yet) in the queue is kept for its row.
    m_model->setPresence(3, who);
    QCOMPARE(changed.size(), 1);
    m_model->setPresence(9, QStringLiteral("ben@contoso.com"));
    QCOMPARE(changed.size(), 1);
    m_model->applyChanges({makeIncident(9, QStringLiteral("Incident 9"))});
    QCOMPARE(cell(m_model->rowOfNumber(9), column), QStringLiteral("ben@contoso.com"));
    // Sorting by it brings the rows with someone on them together, by name.
    m_proxy->sort(column, Qt::DescendingOrder);
    QCOMPARE(m_proxy->index(0, column).data(IncidentQueueModel::NumberRole).toLongLong(), 9);
    QCOMPARE(m_proxy->index(1, column).data(IncidentQueueModel::NumberRole).toLongLong(), 3);
    // Gone: the cell is empty again, and survives a reload of the whole queue empty.
    m_model->setPresence(3, {});
    QCOMPARE(cell(2, column), QString());
    m_model->setIncidents(incidents);
    QCOMPARE(cell(2, column), QString());
}

void TestIncidentQueueModel::setIncidentsResets()
{
    m_model->setIncidents({makeIncident(1, QStringLiteral("a"))});
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->setIncidents({makeIncident(2, QStringLiteral("b")),
                           makeIncident(2, QStringLiteral("c")),
                           makeIncident(3, QStringLiteral("d"))});
    QCOMPARE(reset.size(), 1);
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->rowOfNumber(1), -1);
    QCOMPARE(m_model->rowOfNumber(2), 0);
    QCOMPARE(cell(0, IncidentQueueModel::TitleColumn), QStringLiteral("c"));
    QCOMPARE(m_model->incidentAt(1).number, 3);
}

void TestIncidentQueueModel::filterAndSortCarryPersistentIndexes()
{
    QList<Incident> incidents;
    for (int n = 1; n <= 40; ++n)
        incidents << makeIncident(n, n % 4 ? QStringLiteral("noise %1").arg(n)
                                           : QStringLiteral("phish %1").arg(n));
    m_model->setIncidents(incidents);
    m_proxy->sort(IncidentQueueModel::NumberColumn, Qt::AscendingOrder);
    const QPersistentModelIndex phish
            = m_proxy->index(7, IncidentQueueModel::TitleColumn); // #8, phish
    const QPersistentModelIndex noise
            = m_proxy->index(8, IncidentQueueModel::TitleColumn); // #9, noise
    QCOMPARE(phish.data(IncidentQueueModel::NumberRole).toLongLong(), 8);
    QSignalSpy layout(m_proxy.get(), &QAbstractItemModel::layoutChanged);

    // A keystroke is one layout change: the shown row keeps its index, the hidden one loses it.
    m_proxy->setQuickFilterText(QStringLiteral("PHISH"));
    QCOMPARE(layout.count(), 1);
    QCOMPARE(m_proxy->rowCount(), 10);
    QVERIFY(phish.isValid());
    QCOMPARE(phish.row(), 1);
    QCOMPARE(phish.column(), int(IncidentQueueModel::TitleColumn));
    QCOMPARE(phish.data(IncidentQueueModel::NumberRole).toLongLong(), 8);
    QVERIFY(!noise.isValid());

    // Descending is ascending reversed, and the index follows its row.
    m_proxy->sort(IncidentQueueModel::NumberColumn, Qt::DescendingOrder);
    QCOMPARE(m_proxy->index(0, 0).data(IncidentQueueModel::NumberRole).toLongLong(), 40);
    QCOMPARE(phish.row(), 8);
    QCOMPARE(phish.data(IncidentQueueModel::NumberRole).toLongLong(), 8);

    // "#n" matches one incident only; clearing the filter shows every row again, still sorted.
    m_proxy->setQuickFilterText(QStringLiteral("#12"));
    QCOMPARE(m_proxy->rowCount(), 1);
    QCOMPARE(m_proxy->index(0, 0).data(IncidentQueueModel::NumberRole).toLongLong(), 12);
    m_proxy->setQuickFilterText(QString());
    QCOMPARE(m_proxy->rowCount(), 40);
    QCOMPARE(m_proxy->index(39, 0).data(IncidentQueueModel::NumberRole).toLongLong(), 1);
    QCOMPARE(m_proxy->headerData(IncidentQueueModel::TitleColumn, Qt::Horizontal),
             m_model->headerData(IncidentQueueModel::TitleColumn, Qt::Horizontal));

    // With nothing shown, the header still names its columns.
    m_proxy->setQuickFilterText(QStringLiteral("no such incident"));
    QCOMPARE(m_proxy->rowCount(), 0);
    QCOMPARE(m_proxy->headerData(IncidentQueueModel::TitleColumn, Qt::Horizontal),
             m_model->headerData(IncidentQueueModel::TitleColumn, Qt::Horizontal));
}

void TestIncidentQueueModel::rowsContainingFollowsChanges()
{
    m_model->setIncidents({makeIncident(1, QStringLiteral("Phish one")),
                           makeIncident(2, QStringLiteral("noise")),
                           makeIncident(3, QStringLiteral("phishing two"))});
    QCOMPARE(m_model->rowsContaining(u"phish"), QByteArray("\x01\x00\x01", 3));
    QCOMPARE(m_model->rowsContaining(u"ph"), QByteArray("\x01\x00\x01", 3));
    QCOMPARE(m_model->rowsContaining(u""), QByteArray("\x01\x01\x01", 3));
    // A needle cannot match across two rows' texts, nor contain the row separator.
    QCOMPARE(m_model->rowsContaining(u"noise\u001ephish"), QByteArray(3, 0));

    // A row that stops matching, one that starts, and a new one: the copy follows.
    Incident one = makeIncident(1, QStringLiteral("clean now"));
    Incident two = makeIncident(2, QStringLiteral("phish after all"));
    Incident four = makeIncident(4, QStringLiteral("new PHISH"));
    m_model->applyChanges({one, two, four});
    QCOMPARE(m_model->rowsContaining(u"phish"), QByteArray("\x00\x01\x01\x01", 4));
    QCOMPARE(m_model->rowsContaining(u"clean"), QByteArray("\x01\x00\x00\x00", 4));
    // The last row's text ends the buffer: a needle at its very end is found.
    QCOMPARE(m_model->rowsContaining(m_model->searchTextAt(3).right(3)).at(3), char(1));
}

QTEST_MAIN(TestIncidentQueueModel)
#include "tst_incidentqueuemodel.moc"
