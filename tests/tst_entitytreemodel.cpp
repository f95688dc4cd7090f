#include "entitytreemodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

#include <memory>

using namespace Vigil;

namespace {

Entity makeEntity(const QString &kind, const QString &value)
{
    Entity e;
    e.kind = kind;
    e.value = value;
    e.verdict = QStringLiteral("suspicious");
    e.remediationStatus = QStringLiteral("notFound");
    e.roles = {QStringLiteral("compromised")};
    return e;
}

} // namespace

class TestEntityTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void groupsByKindInAnalystOrder();
    void readableEnumValue_data();
    void readableEnumValue();

private:
    std::unique_ptr<EntityTreeModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestEntityTreeModel::init()
{
    m_model = std::make_unique<EntityTreeModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestEntityTreeModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

void TestEntityTreeModel::groupsByKindInAnalystOrder()
{
    m_model->setEntities({makeEntity(QStringLiteral("ip"), QStringLiteral("10.0.0.5")),
                          makeEntity(QStringLiteral("device"), QStringLiteral("FIN-07")),
                          makeEntity(QStringLiteral("somethingNew"), QStringLiteral("?")),
                          makeEntity(QStringLiteral("user"), QStringLiteral("bob@contoso.com")),
                          makeEntity(QStringLiteral("device"), QStringLiteral("HR-02"))});
    QCOMPARE(m_model->rowCount(), 4);
    QCOMPARE(m_model->entityCount(), 5);
    QCOMPARE(m_model->index(0, 0).data().toString(), QStringLiteral("Devices (2)"));
    QCOMPARE(m_model->index(1, 0).data().toString(), QStringLiteral("Users (1)"));
    QCOMPARE(m_model->index(2, 0).data().toString(), QStringLiteral("IP addresses (1)"));
    QCOMPARE(m_model->index(3, 0).data().toString(), QStringLiteral("Other evidence (1)"));
    const QModelIndex devices = m_model->index(0, 0);
    QCOMPARE(m_model->rowCount(devices), 2);
    QCOMPARE(m_model->index(1, 0, devices).data().toString(), QStringLiteral("HR-02"));
    QCOMPARE(m_model->index(1, EntityTreeModel::VerdictColumn, devices).data().toString(),
             QStringLiteral("Suspicious"));
    QCOMPARE(m_model->index(1, EntityTreeModel::RemediationColumn, devices).data().toString(),
             QStringLiteral("Not found"));
    QCOMPARE(m_model->parent(m_model->index(1, 2, devices)), devices);
    QVERIFY(m_model->index(0, 0).data(EntityTreeModel::IsGroupRole).toBool());
    QVERIFY(!m_model->index(0, 0, devices).data(EntityTreeModel::IsGroupRole).toBool());

    m_model->clear();
    QCOMPARE(m_model->rowCount(), 0);
}

void TestEntityTreeModel::readableEnumValue_data()
{
    QTest::addColumn<QString>("wire");
    QTest::addColumn<QString>("text");
    QTest::newRow("one word") << QStringLiteral("malicious") << QStringLiteral("Malicious");
    QTest::newRow("camel") << QStringLiteral("noThreatsFound")
                           << QStringLiteral("No threats found");
    QTest::newRow("empty") << QString() << QString();
}

void TestEntityTreeModel::readableEnumValue()
{
    QFETCH(QString, wire);
    QFETCH(QString, text);
    QCOMPARE(EntityTreeModel::readableEnumValue(wire), text);
}

QTEST_MAIN(TestEntityTreeModel)
#include "tst_entitytreemodel.moc"
