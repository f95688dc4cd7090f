#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestVigilScreenshot : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void demoScreenshot();
    void huntingPageScreenshot();
};

void TestVigilScreenshot::demoScreenshot()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("vigil.png"));
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(VIGIL_PATH),
                  {QStringLiteral("--demo"), QStringLiteral("--screenshot"), file});
    QVERIFY(process.waitForFinished(240000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    const QImage image(file);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= 1200);
    QVERIFY(image.height() >= 700);
    // A rendered window has many colours; a blank or failed grab has one or two.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7) {
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    }
    QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));
}

void TestVigilScreenshot::huntingPageScreenshot()
{
    // The hunting page after its query ran over the demo tenant's events (none may be local).
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("hunting.png"));
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("VIGIL_DATA_DIR"), dir.filePath(QStringLiteral("data")));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(VIGIL_PATH),
                  {QStringLiteral("--demo"), QStringLiteral("--screenshot"), file,
                   QStringLiteral("--page"), QStringLiteral("hunting")});
    QVERIFY(process.waitForFinished(240000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    const QImage image(file);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), QSize(1920, 1080));
    // Unknown pages are refused by name.
    QProcess wrong;
    wrong.setProcessEnvironment(env);
    wrong.start(QStringLiteral(VIGIL_PATH),
                {QStringLiteral("--demo"), QStringLiteral("--screenshot"), file,
                 QStringLiteral("--page"), QStringLiteral("hunt")});
    QVERIFY(wrong.waitForFinished(60000));
    QCOMPARE(wrong.exitCode(), 1);
    QVERIFY(wrong.readAllStandardError().contains("--page must be queue, connector or hunting"));
}

QTEST_GUILESS_MAIN(TestVigilScreenshot)
#include "tst_vigilscreenshot.moc"
