// The window's hunting data: File → Import with its progress dialog and summary, Cancel, and
// the connector page's "Hunting tables" section, on a real EventController and store thread.
#include "connectorpage.h"
#include "eventcontroller.h"
#include "huntingimport.h"
#include "huntingtablesbox.h"
#include "mainwindow.h"
#include "pluralforms.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Vigil;

namespace {

QByteArray processLine(int i)
{
    return "{\"category\":\"AdvancedHunting-DeviceProcessEvents\",\"properties\":{\"Timestamp\":"
           "\"2024-03-26T09:39:50Z\",\"DeviceId\":\"d\",\"ReportId\":"
           + QByteArray::number(i) + ",\"FileName\":\"<b>cmd</b>\"}}\n";
}

QTreeWidgetItem *row(QTreeWidget *tree, const QString &table)
{
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        if (tree->topLevelItem(i)->text(HuntingTablesBox::Table) == table)
            return tree->topLevelItem(i);
    }
    return nullptr;
}

} // namespace

class TestHuntingUi : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString file(const QString &name, const QByteArray &content)
    {
        QString path = m_dir.filePath(name);
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(content);
        return path;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(installPluralForms()); }

    void countsReadAsEnglish()
    {
        // The window's counted strings come in their English one and many forms.
        QCOMPARE(QCoreApplication::translate("Vigil::HuntingImport", "%1: %Ln row(s)", nullptr, 1)
                         .arg(QStringLiteral("DeviceInfo")),
                 QStringLiteral("DeviceInfo: 1 row"));
        QCOMPARE(QCoreApplication::translate("Vigil::StorageAccountBox", "%Ln line(s) rejected",
                                             nullptr, 2),
                 QStringLiteral("2 lines rejected"));
        QCOMPARE(QCoreApplication::translate("Vigil::StorageAccountBox", "%Ln line(s) rejected",
                                             nullptr, 1),
                 QStringLiteral("1 line rejected"));
    }

    void importAndTables()
    {
        EventController events;
        QSignalSpy opened(&events, &EventController::opened);
        events.start(m_dir.filePath(QStringLiteral("events.sqlite")));
        QVERIFY(opened.wait());
        QVERIFY(!opened.first().first().value<std::optional<Error>>());

        MainWindow window(nullptr);
        window.setEventController(&events);
        window.show();
        QAction *import = window.findChild<QAction *>(QStringLiteral("importHuntingDataAction"));
        QVERIFY(import);
        QCOMPARE(window.menuBar()->actions().first()->text(), QStringLiteral("&File"));

        QByteArray content;
        for (int i = 0; i < 3; ++i)
            content += processLine(i);
        content += "{\"category\":\"AdvancedHunting-DeviceInfo\",\"properties\":{\"OSBuild\":"
                   "\"<i>x</i>\"}}\n";
        const QString path = file(QStringLiteral("events.json"), content);
        QSignalSpy finished(window.huntingImport(), &HuntingImport::finished);
        window.huntingImport()->importFile(path);
        QVERIFY(window.huntingImport()->progressDialog());
        QTRY_VERIFY(!finished.isEmpty());
        const auto summary = finished.first().first().value<EventImportSummary>();
        QCOMPARE(summary.result.totalInserted(), 3);
        QCOMPARE(summary.result.rejectedCount, 1);
        QMessageBox *box = nullptr;
        QTRY_VERIFY(box = window.findChild<QMessageBox *>(QStringLiteral("huntingImportSummary")));
        QCOMPARE(box->textFormat(), Qt::PlainText);
        QVERIFY2(box->text().contains(QStringLiteral("DeviceProcessEvents: 3 rows")),
                 qPrintable(box->text()));
        QVERIFY2(!box->text().contains(QStringLiteral("(s)")), qPrintable(box->text()));
        QVERIFY(box->text().contains(
                QStringLiteral("line 4: OSBuild: expected long, got <i>x</i>")));
        box->close();
        QVERIFY(!window.huntingImport()->isRunning());

        // Cancel at the first progress: the batches committed stay, the rest is not read.
        finished.clear();
        events.setImportBatchBytes(1); // a transaction per line
        QByteArray more;
        for (int i = 100; i < 20100; ++i)
            more += processLine(i);
        QSignalSpy progressed(&events, &EventController::importProgress);
        window.huntingImport()->importFile(file(QStringLiteral("more.json"), more));
        QProgressDialog *progress = window.huntingImport()->progressDialog();
        QVERIFY(progress);
        QVERIFY(progressed.wait());
        auto *cancel = progress->findChild<QPushButton *>();
        QVERIFY(cancel);
        cancel->click();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30000);
        const auto cancelled = finished.first().first().value<EventImportSummary>();
        QVERIFY(cancelled.cancelled);
        QVERIFY(cancelled.result.totalInserted() > 0);
        QVERIFY2(cancelled.result.totalInserted() < 20000,
                 qPrintable(QString::number(cancelled.result.totalInserted())));
        QCOMPARE(cancelled.linesDone, cancelled.result.totalInserted());
        QTRY_VERIFY(box = window.findChild<QMessageBox *>(QStringLiteral("huntingImportSummary")));
        QVERIFY(box->text().startsWith(QStringLiteral("Import cancelled")));
        box->close();
        const qint64 kept = cancelled.result.totalInserted();

        // The connector page's hunting tables.
        window.showConnectorPage();
        HuntingTablesBox *box2 = window.connectorPage()->huntingTables();
        QVERIFY(box2);
        auto *tree = box2->findChild<QTreeWidget *>(QStringLiteral("huntingTables"));
        QTRY_COMPARE(tree->topLevelItemCount(), 23);
        QTreeWidgetItem *process = row(tree, QStringLiteral("DeviceProcessEvents"));
        QVERIFY(process);
        QCOMPARE(process->text(HuntingTablesBox::Rows), QLocale().toString(3 + kept));
        QCOMPARE(row(tree, QStringLiteral("DeviceInfo"))->text(HuntingTablesBox::Rejected),
                 QStringLiteral("1"));
        QVERIFY(process->text(HuntingTablesBox::Estimate).contains(QStringLiteral("30 days")));
        auto *retention
                = qobject_cast<QSpinBox *>(tree->itemWidget(process, HuntingTablesBox::Retention));
        QCOMPARE(retention->value(), 30);
        QSignalSpy saved(&events, &EventController::settingSaved);
        QSignalSpy loaded(&events, &EventController::tablesLoaded);
        retention->setValue(7);
        QVERIFY(saved.wait());
        QVERIFY(!saved.first().at(1).value<std::optional<Error>>());
        QTRY_VERIFY(!loaded.isEmpty());
        const auto snapshot = loaded.last().first().value<EventTablesSnapshot>();
        const auto it = std::find_if(
                snapshot.tables.begin(), snapshot.tables.end(), [](const EventTableStats &t) {
                    return t.settings.table == QLatin1String("DeviceProcessEvents");
                });
        QCOMPARE(it->settings.retentionDays, std::optional<int>(7));
        // Unlimited is the spin box's lowest value.
        process = row(tree, QStringLiteral("DeviceProcessEvents"));
        retention
                = qobject_cast<QSpinBox *>(tree->itemWidget(process, HuntingTablesBox::Retention));
        QCOMPARE(retention->value(), 7);
        saved.clear();
        retention->setValue(0);
        QCOMPARE(retention->text(), QStringLiteral("unlimited"));
        QVERIFY(saved.wait());

        // A later pass refreshes the list in place: the analyst's place in it and the current
        // row stay where they were.
        tree->resize(tree->width(), 120);
        QTreeWidgetItem *last = tree->topLevelItem(tree->topLevelItemCount() - 1);
        tree->setCurrentItem(last);
        tree->scrollToItem(last);
        const int scrolled = tree->verticalScrollBar()->value();
        QVERIFY(scrolled > 0);
        loaded.clear();
        box2->reload();
        QTRY_VERIFY(!loaded.isEmpty());
        QCOMPARE(tree->verticalScrollBar()->value(), scrolled);
        QCOMPARE(tree->currentItem(), last);
        QCOMPARE(tree->topLevelItemCount(), 23);
    }
};

QTEST_MAIN(TestHuntingUi)
#include "tst_huntingui.moc"
