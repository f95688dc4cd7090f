#include "alertlistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

#include <memory>

using namespace Vigil;

namespace {

Alert makeAlert(int n, const QString &severity = QStringLiteral("medium"))
{
    Alert a;
    a.id = QStringLiteral("da%1").arg(n, 6, 10, QLatin1Char('0'));
    a.title = QStringLiteral("Alert %1").arg(n);
    a.severity = severity;
    a.status = QStringLiteral("new");
    a.category = QStringLiteral("Execution");
    a.serviceSource = QStringLiteral("microsoftDefenderForEndpoint");
    a.createdTime = QDateTime(QDate(2024, 3, 1), QTime(8, 0), Qt::UTC).addSecs(n);
    return a;
}

} // namespace

class TestAlertListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void columns_data();
    void columns();
    void statusLabel_data();
    void statusLabel();
    void severitySortsByRank();
    void setAlertsResets_data();
    void setAlertsResets();

private:
    std::unique_ptr<AlertListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestAlertListModel::init()
{
    m_model = std::make_unique<AlertListModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestAlertListModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

void TestAlertListModel::columns_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("text");
    QTest::newRow("title") << int(AlertListModel::TitleColumn) << QStringLiteral("Alert 1");
    QTest::newRow("severity") << int(AlertListModel::SeverityColumn) << QStringLiteral("High");
    QTest::newRow("status") << int(AlertListModel::StatusColumn) << QStringLiteral("New");
    QTest::newRow("product") << int(AlertListModel::ProductColumn) << QStringLiteral("MDE");
    QTest::newRow("category") << int(AlertListModel::CategoryColumn) << QStringLiteral("Execution");
    QTest::newRow("id") << int(AlertListModel::AlertIdColumn) << QStringLiteral("da000001");
}

void TestAlertListModel::columns()
{
    QFETCH(int, column);
    QFETCH(QString, text);
    m_model->setAlerts({makeAlert(1, QStringLiteral("high"))});
    QCOMPARE(m_model->index(0, column).data().toString(), text);
    QCOMPARE(m_model->index(0, column).data(AlertListModel::AlertIdRole).toString(),
             QStringLiteral("da000001"));
    QVERIFY(!m_model->headerData(column, Qt::Horizontal).toString().isEmpty());
}

void TestAlertListModel::statusLabel_data()
{
    QTest::addColumn<QString>("wire");
    QTest::addColumn<QString>("label");
    QTest::newRow("new") << QStringLiteral("new") << QStringLiteral("New");
    QTest::newRow("inProgress") << QStringLiteral("inProgress") << QStringLiteral("In progress");
    QTest::newRow("resolved") << QStringLiteral("Resolved") << QStringLiteral("Resolved");
    QTest::newRow("empty") << QString() << QStringLiteral("Unknown");
    QTest::newRow("future value") << QStringLiteral("snoozed") << QStringLiteral("snoozed");
}

void TestAlertListModel::statusLabel()
{
    QFETCH(QString, wire);
    QFETCH(QString, label);
    Alert a = makeAlert(1);
    a.status = wire;
    m_model->setAlerts({a});
    QCOMPARE(m_model->index(0, AlertListModel::StatusColumn).data().toString(), label);
}

void TestAlertListModel::severitySortsByRank()
{
    m_model->setAlerts({makeAlert(1, QStringLiteral("low")), makeAlert(2, QStringLiteral("high")),
                        makeAlert(3, QStringLiteral("informational")),
                        makeAlert(4, QStringLiteral("medium"))});
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(m_model.get());
    proxy.setSortRole(AlertListModel::SortRole);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.sort(AlertListModel::SeverityColumn, Qt::DescendingOrder);
    QStringList order;
    for (int row = 0; row < proxy.rowCount(); ++row)
        order << proxy.index(row, AlertListModel::SeverityColumn).data().toString();
    QCOMPARE(order, QStringList({QStringLiteral("High"), QStringLiteral("Medium"),
                                 QStringLiteral("Low"), QStringLiteral("Informational")}));
}

void TestAlertListModel::setAlertsResets_data()
{
    QTest::addColumn<int>("count");
    QTest::newRow("none") << 0;
    QTest::newRow("149") << 149;
    QTest::newRow("150") << 150;
    QTest::newRow("all 420") << 420;
}

void TestAlertListModel::setAlertsResets()
{
    QFETCH(int, count);
    m_model->setAlerts({makeAlert(0)});
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QList<Alert> alerts;
    for (int n = 0; n < count; ++n)
        alerts << makeAlert(n);
    m_model->setAlerts(alerts);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(m_model->rowCount(), count);
    if (count > 0)
        QCOMPARE(m_model->index(count - 1, AlertListModel::TitleColumn).data().toString(),
                 QStringLiteral("Alert %1").arg(count - 1));
}

QTEST_MAIN(TestAlertListModel)
#include "tst_alertlistmodel.moc"
