// Server text on the command line: `incidents list --format table` shows no escape sequence raw,
// the CSV export starts no cell a spreadsheet would run, JSON stays exact, and `incident show`
// prints no alert link outside the Defender portal. The data comes from the simulator (hostile
// titles, owners and tags set through its admin API, as a portal user could) and, for alert links
// no real tenant sends, from a scripted Graph stand-in.
#include "syncsupport.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Vigil::Test;

namespace {

// ESC ] 0 ; sets the window title, ESC [ 2 J clears the screen, ESC ] 8 draws a hyperlink;
// U+202E reverses the rest of the line, U+0085 is a C1 control, DEL and BEL end the set.
const QString kEscapeTitle = QStringLiteral("Invoice\x1b]0;pwned\x07\x1b[2J"
                                            "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;"
                                            "\x1b\\ \u202Eexe.gnp\u202C\u2066x\u2069\u0085\x7f"
                                            "\ttab\rcr");
const QString kFormulaTitle = QStringLiteral("=HYPERLINK(\"https://evil.example\",\"open\")");
const QString kFormulaOwner = QStringLiteral("-2+3@contoso.com");
const QStringList kFormulaTags = {QStringLiteral("@SUM(A1:A9)"), QStringLiteral("=1+1")};
const QString kPlusTitle = QStringLiteral("+cmd|' /C calc'!A0");
const QString kTabTitle = QStringLiteral("\t=1+2");

/** RFC 4180 records (quoted cells may hold commas, quotes and line breaks). */
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> records;
    QStringList record;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size()
                && text.at(i + 1) == QLatin1Char('"')) {
                cell += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            record << cell;
            cell.clear();
        } else if (c == QLatin1Char('\r') && i + 1 < text.size()
                   && text.at(i + 1) == QLatin1Char('\n')) {
            record << cell;
            records << record;
            record.clear();
            cell.clear();
            ++i;
        } else {
            cell += c;
        }
    }
    if (!cell.isEmpty() || !record.isEmpty())
        records << (record << cell);
    return records;
}

} // namespace

class TestVigilctlPlain : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void tableShowsNoControlCharacter();
    void csvRunsNoFormula();
    void jsonKeepsTheExactText();
    void showDropsAlertLinksOffThePortal();
    void cleanupTestCase();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Run vigilctl(const QStringList &arguments, const QString &base, const QString &dataDir);
    QJsonDocument admin(const QByteArray &verb, const QString &path, const QJsonObject &body = {});
    QJsonArray listJson();
    QString idOf(qint64 number);

    QTemporaryDir m_dataDir;
    QProcess m_sim;
    QByteArray m_simOut;
    QString m_base;
    QString m_tenant;
    QString m_client;
    QString m_secret;
    QNetworkAccessManager m_network;
    QHash<QString, qint64> m_numberOfId;
    qint64 m_escape = 0;
    qint64 m_formula = 0;
    qint64 m_plus = 0;
    qint64 m_tab = 0;
};

TestVigilctlPlain::Run TestVigilctlPlain::vigilctl(const QStringList &arguments,
                                                   const QString &base, const QString &dataDir)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("VIGIL_DATA_DIR"));
    env.remove(QStringLiteral("AZURE_AUTHORITY_HOST"));
    env.insert(QStringLiteral("AZURE_TENANT_ID"), m_tenant);
    env.insert(QStringLiteral("AZURE_CLIENT_ID"), m_client);
    env.insert(QStringLiteral("AZURE_CLIENT_SECRET"), m_secret);
    QProcess process;
    process.setProcessEnvironment(env);
    // The event loop keeps running: a scripted stand-in in this process answers the calls.
    QEventLoop loop;
    connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    connect(&process, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    process.start(QStringLiteral(VIGILCTL_PATH),
                  QStringList{QStringLiteral("--data-dir"), dataDir,
                              QStringLiteral("--authority-host"), base,
                              QStringLiteral("--graph-endpoint"), base}
                          + arguments);
    loop.exec();
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

QJsonDocument TestVigilctlPlain::admin(const QByteArray &verb, const QString &path,
                                       const QJsonObject &body)
{
    QNetworkRequest request(QUrl(m_base + path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply *reply = m_network.sendCustomRequest(
            request, verb, verb == "GET" ? QByteArray() : QJsonDocument(body).toJson());
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(10000))
        qWarning() << "admin call timed out" << verb << path;
    const QByteArray data = reply->readAll();
    if (reply->error() != QNetworkReply::NoError)
        qWarning() << verb << path << reply->errorString() << data;
    reply->deleteLater();
    return QJsonDocument::fromJson(data);
}

QJsonArray TestVigilctlPlain::listJson()
{
    const Run run = vigilctl({QStringLiteral("incidents"), QStringLiteral("list"),
                              QStringLiteral("--format"), QStringLiteral("json")},
                             m_base, m_dataDir.path());
    if (run.exitCode != 0)
        qWarning() << run.err;
    return QJsonDocument::fromJson(run.out).array();
}

void TestVigilctlPlain::initTestCase()
{
    QVERIFY(m_dataDir.isValid());
    connect(&m_sim, &QProcess::readyReadStandardOutput, this,
            [this] { m_simOut += m_sim.readAllStandardOutput(); });
    m_sim.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_sim.start(QStringLiteral(VIGIL_SIM_PATH),
                {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--seed"),
                 QStringLiteral("9"), QStringLiteral("--incidents"), QStringLiteral("12"),
                 QStringLiteral("--quiet")});
    QVERIFY(m_sim.waitForStarted(10000));
    QTRY_VERIFY_WITH_TIMEOUT(m_simOut.contains('\n'), 20000);
    const QString first = QString::fromUtf8(m_simOut.left(m_simOut.indexOf('\n')));
    static const QRegularExpression startup(QStringLiteral(
            R"(listening on (http://127\.0\.0\.1:\d+)/? tenant (\S+) client (\S+) secret (\S+))"));
    const QRegularExpressionMatch match = startup.match(first);
    QVERIFY2(match.hasMatch(), qPrintable(first));
    m_base = match.captured(1);
    m_tenant = match.captured(2);
    m_client = match.captured(3);
    m_secret = match.captured(4);

    Run sync = vigilctl({QStringLiteral("sync"), QStringLiteral("--once")}, m_base,
                        m_dataDir.path());
    QVERIFY2(sync.exitCode == 0, sync.err.constData());
    QList<QPair<qint64, QString>> open;
    for (const QJsonValue value : listJson()) {
        const QJsonObject i = value.toObject();
        if (!i.value(QLatin1String("redirectedTo")).isNull())
            continue;
        open << qMakePair(i.value(QLatin1String("number")).toInteger(),
                          i.value(QLatin1String("providerIncidentId")).toString());
    }
    QVERIFY(open.size() >= 4);
    // As a portal user (or a detection naming a file) could set them.
    const auto change = [this](const QString &id, const QJsonObject &body) {
        return !admin("POST", QStringLiteral("/_sim/incidents/") + id, body).isNull();
    };
    m_escape = open.at(0).first;
    QVERIFY(change(open.at(0).second,
                   {{QStringLiteral("displayName"), kEscapeTitle},
                    {QStringLiteral("assignedTo"), QStringLiteral("\x1b[31mred@contoso.com")},
                    {QStringLiteral("customTags"),
                     QJsonArray{QStringLiteral("\x1b]8;;https://evil.example/\x1b\\tag")}}}));
    m_formula = open.at(1).first;
    QVERIFY(change(open.at(1).second,
                   {{QStringLiteral("displayName"), kFormulaTitle},
                    {QStringLiteral("assignedTo"), kFormulaOwner},
                    {QStringLiteral("customTags"), QJsonArray::fromStringList(kFormulaTags)}}));
    m_plus = open.at(2).first;
    QVERIFY(change(open.at(2).second, {{QStringLiteral("displayName"), kPlusTitle}}));
    m_tab = open.at(3).first;
    QVERIFY(change(open.at(3).second, {{QStringLiteral("displayName"), kTabTitle}}));
    sync = vigilctl({QStringLiteral("sync"), QStringLiteral("--once")}, m_base, m_dataDir.path());
    QVERIFY2(sync.exitCode == 0, sync.err.constData());
}

void TestVigilctlPlain::cleanupTestCase()
{
    if (m_sim.state() != QProcess::NotRunning) {
        m_sim.terminate();
        if (!m_sim.waitForFinished(5000)) {
            m_sim.kill();
            m_sim.waitForFinished(5000);
        }
    }
}

void TestVigilctlPlain::tableShowsNoControlCharacter()
{
    const Run run = vigilctl({QStringLiteral("incidents"), QStringLiteral("list"),
                              QStringLiteral("--format"), QStringLiteral("table")},
                             m_base, m_dataDir.path());
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QString text = QString::fromUtf8(run.out);
    const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), listJson().size() + 1); // one line per incident: no line breaks
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const bool control = (u < 0x20 && u != u'\n') || (u >= 0x7F && u <= 0x9F);
        const bool bidi = (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069);
        QVERIFY2(!control && !bidi,
                 qPrintable(
                         QStringLiteral("U+%1 in the table").arg(int(u), 4, 16, QLatin1Char('0'))));
    }
    // What was there is still visible, not silently dropped.
    QString row;
    for (const QString &line : lines) {
        if (line.startsWith(QString::number(m_escape) + QLatin1Char(' ')))
            row = line;
    }
    QVERIFY2(row.contains(QStringLiteral("Invoice\u241B]0;pwned")), qPrintable(row));
    QVERIFY2(row.contains(QStringLiteral("red@contoso.com")), qPrintable(row));
}

void TestVigilctlPlain::csvRunsNoFormula()
{
    const Run run = vigilctl({QStringLiteral("incidents"), QStringLiteral("list"),
                              QStringLiteral("--format"), QStringLiteral("csv")},
                             m_base, m_dataDir.path());
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QList<QStringList> records = parseCsv(QString::fromUtf8(run.out));
    QVERIFY(records.size() > 4);
    const QStringList &header = records.first();
    const qsizetype title = header.indexOf(QStringLiteral("title"));
    const qsizetype owner = header.indexOf(QStringLiteral("owner"));
    const qsizetype tags = header.indexOf(QStringLiteral("tags"));
    QVERIFY(title >= 0 && owner >= 0 && tags >= 0);
    QHash<qint64, QStringList> byNumber;
    for (const QStringList &record : records.mid(1)) {
        QCOMPARE(record.size(), header.size());
        byNumber.insert(record.first().toLongLong(), record);
        // No cell of any row may start a formula.
        for (const QString &cell : record) {
            QVERIFY2(cell.isEmpty() || !QStringLiteral("=+-@\t\r").contains(cell.front()),
                     qPrintable(cell));
        }
    }
    QCOMPARE(byNumber.value(m_formula).at(title), QStringLiteral("'") + kFormulaTitle);
    QCOMPARE(byNumber.value(m_formula).at(owner), QStringLiteral("'") + kFormulaOwner);
    QCOMPARE(byNumber.value(m_formula).at(tags),
             QStringLiteral("'") + kFormulaTags.join(QStringLiteral("; ")));
    QCOMPARE(byNumber.value(m_plus).at(title), QStringLiteral("'") + kPlusTitle);
    QCOMPARE(byNumber.value(m_tab).at(title), QStringLiteral("'") + kTabTitle);
}

void TestVigilctlPlain::jsonKeepsTheExactText()
{
    QHash<qint64, QJsonObject> byNumber;
    for (const QJsonValue value : listJson())
        byNumber.insert(value.toObject().value(QLatin1String("number")).toInteger(),
                        value.toObject());
    QCOMPARE(byNumber.value(m_escape).value(QLatin1String("title")).toString(), kEscapeTitle);
    QCOMPARE(byNumber.value(m_formula).value(QLatin1String("title")).toString(), kFormulaTitle);
    QCOMPARE(byNumber.value(m_formula).value(QLatin1String("owner")).toString(), kFormulaOwner);
    QCOMPARE(byNumber.value(m_tab).value(QLatin1String("title")).toString(), kTabTitle);

    const Run show = vigilctl({QStringLiteral("incident"), QStringLiteral("show"),
                               QString::number(m_escape), QStringLiteral("--format"),
                               QStringLiteral("json")},
                              m_base, m_dataDir.path());
    QVERIFY2(show.exitCode == 0, show.err.constData());
    QVERIFY(!show.out.contains('\x1b')); // JSON escapes it as \u001b
    QCOMPARE(QJsonDocument::fromJson(show.out).object().value(QLatin1String("title")).toString(),
             kEscapeTitle);
}

void TestVigilctlPlain::showDropsAlertLinksOffThePortal()
{
    // A real tenant sends portal links only; this stand-in sends what a hostile one could.
    const QByteArray good = "https://security.microsoft.com/alerts/da3?tid=t1";
    const QList<QByteArray> links = {"javascript:alert(document.cookie)", "file:///etc/passwd",
                                     "https://security.microsoft.com.evil.example/alerts/da2", good,
                                     "http://security.microsoft.com/alerts/da4"};
    QByteArray alerts;
    for (int n = 0; n < links.size(); ++n) {
        if (n > 0)
            alerts += ',';
        alerts += "{\"id\":\"da" + QByteArray::number(n)
                  + "\",\"incidentId\":\"77\",\"status\":\"new\",\"severity\":\"high\","
                    "\"serviceSource\":\"microsoftDefenderForEndpoint\",\"title\":\"Alert "
                  + QByteArray::number(n)
                  + "\",\"createdDateTime\":\"2024-05-01T10:00:00Z\","
                    "\"lastUpdateDateTime\":\"2024-05-01T10:00:00Z\",\"alertWebUrl\":\""
                  + links.at(n) + "\",\"evidence\":[]}";
    }
    const QByteArray incident
            = "{\"id\":\"77\",\"displayName\":\"Links\",\"tenantId\":\"t1\","
              "\"incidentWebUrl\":\"https://security.microsoft.com/incidents/77?tid=t1\","
              "\"status\":\"active\",\"severity\":\"high\",\"createdDateTime\":"
              "\"2024-05-01T10:00:00Z\",\"lastUpdateDateTime\":\"2024-05-01T10:00:00Z\","
              "\"customTags\":[],\"systemTags\":[],\"comments\":[],\"alerts\":["
              + alerts + "]}";
    StubHttpServer stub;
    int tokens = 0;
    stub.setHandler([&](const StubRequest &request) {
        const QByteArray path = request.path();
        if (path.endsWith("/token"))
            return StubHttpServer::tokenResponse(++tokens);
        if (path.endsWith("/security/incidents"))
            return StubResponse::json(200, "{\"value\":[" + incident + "]}");
        if (path.endsWith("/security/incidents/77"))
            return StubResponse::json(200, incident);
        return StubResponse::json(200, "{\"value\":[]}");
    });
    QVERIFY(stub.listen());
    QTemporaryDir dataDir;
    const QString base = stub.url().toString(QUrl::StripTrailingSlash);
    const Run sync
            = vigilctl({QStringLiteral("sync"), QStringLiteral("--once")}, base, dataDir.path());
    QVERIFY2(sync.exitCode == 0, sync.err.constData());
    const Run show
            = vigilctl({QStringLiteral("incident"), QStringLiteral("show"), QStringLiteral("1"),
                        QStringLiteral("--format"), QStringLiteral("json")},
                       base, dataDir.path());
    QVERIFY2(show.exitCode == 0, show.err.constData());
    const QJsonArray shown
            = QJsonDocument::fromJson(show.out).object().value(QLatin1String("alerts")).toArray();
    QCOMPARE(shown.size(), links.size());
    for (const QJsonValue value : shown) {
        const QJsonObject alert = value.toObject();
        const QString link = alert.value(QLatin1String("alertWebUrl")).toString();
        if (alert.value(QLatin1String("id")).toString() == QLatin1String("da3"))
            QCOMPARE(link, QString::fromLatin1(good));
        else
            QVERIFY2(alert.value(QLatin1String("alertWebUrl")).isNull(), qPrintable(link));
    }
    QVERIFY(!show.out.contains("javascript:"));
    QVERIFY(!show.out.contains("file:"));
}

QTEST_GUILESS_MAIN(TestVigilctlPlain)
#include "tst_vigilctlplain.moc"
