// A team's outbox across real processes: two and three `vigilctl sync --follow` consoles on one
// throwaway PostgreSQL database and one simulated tenant. The leader is SIGKILLed, or its
// backend terminated, while a write of its is on its way; another console takes over within one
// poll interval and every queued edit reaches Defender exactly once, as the simulator's log of
// writes counts them. Edits of three analysts and the portal's own changes converge.
#include "incidentrepository.h"
#include "outboxrepository.h"
#include "pgserver.h"
#include "simfixture.h"
#include "simtenant.h"
#include "store.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>
#include <sys/prctl.h>
#include <vector>

using namespace Vigil;
using Vigil::Sim::ChangeRecord;
using Vigil::Test::PgServer;

namespace {

/** The consoles' poll interval, which is also the election's: the shortest vigilctl takes. */
constexpr int kIntervalMs = 5000;
/** How long the simulator holds back the answer to the write the leader is killed during. */
constexpr int kHeldAnswerMs = 8000;

/** One `vigilctl sync --follow` process and what it printed. */
struct Console
{
    std::unique_ptr<QProcess> process = std::make_unique<QProcess>();
    std::unique_ptr<QTemporaryDir> dataDir = std::make_unique<QTemporaryDir>();
    QString analyst;
    QByteArray out;

    bool running() const { return process->state() == QProcess::Running; }
    qint64 pid() const { return process->processId(); }
    /** Reads what it printed so far; true when it contains text. */
    bool printed(const QByteArray &text)
    {
        out += process->readAllStandardOutput();
        return out.contains(text);
    }
};

/** The rows left in the outbox; -1 when the store cannot tell. */
qsizetype queued(Store &store)
{
    const Result<QList<OutboxRow>> rows = store.outbox().rows();
    return rows ? rows->size() : -1;
}

/** The incident's tags with tag added, as the queue's "add tag" makes them. */
QStringList withTag(QStringList tags, const QString &tag)
{
    if (!tags.contains(tag))
        tags.append(tag);
    return tags;
}

} // namespace

class TestTeamOutbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void takeoverDeliversEveryEditOnce_data();
    void takeoverDeliversEveryEditOnce();
    void threeAnalystsAndThePortalConverge();

private:
    void startConsoles(int count);
    /** A running console other than except that says it leads (the last it said about it),
     *  -1 when none. */
    int leaderIndex(int except = -1);
    /** The store as a console's analyst edits it. */
    std::unique_ptr<Store> openAs(const QString &analyst);
    /** Open Defender incidents of the store, at most count. */
    QList<Incident> openIncidents(Store &store, int count);
    /** Vigil's writes (Graph calls) to a simulated incident, as its history logs them. */
    QList<ChangeRecord> apiWrites(const QString &incidentId);
    int commentsSent(const QString &incidentId, const QString &text);
    int tagWrites(const QString &incidentId, const QString &tag);
    void stopConsoles();

    PgServer m_server;
    Test::SimFixture m_sim;
    std::vector<Console> m_consoles;
    QString m_name; ///< the database of the current case
    QString m_url;
    int m_database = 0;
};

void TestTeamOutbox::initTestCase()
{
    if (PgServer::binDir().isEmpty()) {
        if (PgServer::requiredHere())
            QFAIL(qPrintable(PgServer::missingAdvice()));
        QSKIP(qPrintable(PgServer::missingAdvice()));
    }
    QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
}

void TestTeamOutbox::init()
{
    // A fresh database and tenant per case keep the cases apart.
    m_name = QStringLiteral("team%1").arg(++m_database);
    QVERIFY(m_server.createDatabase(m_name));
    m_url = m_server.url(m_name);
    Sim::SimOptions options;
    options.seed = 1400 + quint32(m_database);
    options.incidents = 40;
    QVERIFY(m_sim.start(options));
}

void TestTeamOutbox::cleanup()
{
    stopConsoles();
    m_sim.stop();
}

void TestTeamOutbox::stopConsoles()
{
    for (Console &console : m_consoles) {
        if (console.running())
            ::kill(pid_t(console.pid()), SIGTERM);
    }
    for (Console &console : m_consoles) {
        // The simulator answers on this thread: keep its loop turning while they stop.
        QTRY_VERIFY_WITH_TIMEOUT(!console.running(), 30000);
        if (console.running()) {
            console.process->kill();
            console.process->waitForFinished();
        }
    }
    m_consoles.clear();
}

void TestTeamOutbox::startConsoles(int count)
{
    const QString analysts[]
            = {QStringLiteral("ana@contoso.com"), QStringLiteral("ben@contoso.com"),
               QStringLiteral("chloe@contoso.com")};
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *key :
         {"AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_AUTHORITY_HOST", "VIGIL_GRAPH_ENDPOINT",
          "VIGIL_DATA_DIR", "VIGIL_CLOUD", "VIGIL_STORAGE_URL", "VIGIL_STORAGE_SAS", "VIGIL_DB",
          "VIGIL_ANALYST_UPN"})
        environment.remove(QLatin1String(key));
    environment.insert(QStringLiteral("AZURE_CLIENT_SECRET"), m_sim->clientSecret());
    for (int i = 0; i < count; ++i) {
        Console &console = m_consoles.emplace_back();
        console.analyst = analysts[i % 3];
        console.process->setProcessEnvironment(environment);
        // What a console logs shows in the test's output when a case fails.
        console.process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        // A console outlives no test that fails.
        console.process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
        console.process->start(QStringLiteral(VIGILCTL_PATH),
                               {QStringLiteral("--data-dir"), console.dataDir->path(),
                                QStringLiteral("--db"), m_url, QStringLiteral("--tenant-id"),
                                m_sim->tenantId(), QStringLiteral("--client-id"), m_sim->clientId(),
                                QStringLiteral("--authority-host"), m_sim.baseUrl().toString(),
                                QStringLiteral("--graph-endpoint"), m_sim.baseUrl().toString(),
                                QStringLiteral("--analyst"), console.analyst,
                                QStringLiteral("sync"), QStringLiteral("--follow"),
                                QStringLiteral("--poll-interval"),
                                QString::number(kIntervalMs / 1000)});
        QVERIFY(console.process->waitForStarted());
    }
}

int TestTeamOutbox::leaderIndex(int except)
{
    for (size_t i = 0; i < m_consoles.size(); ++i) {
        Console &console = m_consoles[i];
        console.printed({});
        const qsizetype led = console.out.lastIndexOf("Leading the team's sync.");
        const qsizetype left = console.out.lastIndexOf("No longer leading");
        if (int(i) != except && console.running() && led >= 0 && led > left)
            return int(i);
    }
    return -1;
}

std::unique_ptr<Store> TestTeamOutbox::openAs(const QString &analyst)
{
    StoreConfig config = StoreConfig::postgres(m_url);
    config.analyst = analyst;
    auto opened = openStore(config);
    if (!opened) {
        qWarning("%s", qPrintable(opened.error().toString()));
        return {};
    }
    return std::move(opened).value();
}

QList<Incident> TestTeamOutbox::openIncidents(Store &store, int count)
{
    QList<Incident> open;
    const QList<Incident> queue = store.incidents().loadQueue().value();
    for (const Incident &incident : queue) {
        if (incident.status != QLatin1String("resolved") && !incident.isRedirected()
            && !incident.isRuleIncident() && open.size() < count)
            open.append(incident);
    }
    return open;
}

QList<ChangeRecord> TestTeamOutbox::apiWrites(const QString &incidentId)
{
    QList<ChangeRecord> writes;
    for (const ChangeRecord &record : m_sim->tenant().history(incidentId.toLongLong())) {
        if (record.source == Sim::ChangeSource::Api)
            writes.append(record);
    }
    return writes;
}

int TestTeamOutbox::commentsSent(const QString &incidentId, const QString &text)
{
    int sent = 0;
    for (const ChangeRecord &write : apiWrites(incidentId)) {
        sent += write.action == QLatin1String("comment")
                                && write.changes.value(QLatin1String("comment")).toString() == text
                        ? 1
                        : 0;
    }
    return sent;
}

int TestTeamOutbox::tagWrites(const QString &incidentId, const QString &tag)
{
    // A write that added the tag: it is in what the write set and was not before. A PATCH sent
    // twice shows twice, the second time from a value that holds the tag already.
    int writes = 0;
    for (const ChangeRecord &write : apiWrites(incidentId)) {
        const QJsonObject tags = write.changes.value(QLatin1String("customTags")).toObject();
        if (tags.value(QLatin1String("to")).toArray().contains(tag))
            ++writes;
    }
    return writes;
}

void TestTeamOutbox::takeoverDeliversEveryEditOnce_data()
{
    QTest::addColumn<int>("consoles");
    QTest::addColumn<bool>("terminateBackend");
    QTest::newRow("two consoles, leader SIGKILLed") << 2 << false;
    QTest::newRow("three consoles, leader SIGKILLed") << 3 << false;
    QTest::newRow("two consoles, leader's backend terminated") << 2 << true;
    QTest::newRow("three consoles, leader's backend terminated") << 3 << true;
}

void TestTeamOutbox::takeoverDeliversEveryEditOnce()
{
    QFETCH(int, consoles);
    QFETCH(bool, terminateBackend);
    startConsoles(consoles);
    QTRY_VERIFY_WITH_TIMEOUT(leaderIndex() >= 0, 60000);
    const int leader = leaderIndex();
    QTRY_VERIFY_WITH_TIMEOUT(m_consoles[size_t(leader)].printed("Synced:"), 60000);

    // Edits queued by a console that only reads, as a window in the team does: per incident a
    // tag and then a comment (a POST, which Graph would keep twice).
    std::unique_ptr<Store> store = openAs(QStringLiteral("dana@contoso.com"));
    QVERIFY(store);
    const QList<Incident> incidents = openIncidents(*store, 6);
    QCOMPARE(incidents.size(), 6);
    // The first incident's comment is the write on its way when the leader goes: the
    // simulator takes it at once and holds its answer back.
    const QString held = incidents.at(0).providerIncidentId;
    m_sim.admin("POST", QStringLiteral("/_sim/faults"),
                {{QStringLiteral("kind"), QStringLiteral("slow")},
                 {QStringLiteral("delayMs"), kHeldAnswerMs},
                 {QStringLiteral("method"), QStringLiteral("POST")},
                 {QStringLiteral("path"), QStringLiteral("/incidents/%1/comments").arg(held)},
                 {QStringLiteral("count"), 1}});
    const QString tag = QStringLiteral("Handover");
    const auto note = [](int i) { return QStringLiteral("Handover note %1: <b>keep</b>").arg(i); };
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < incidents.size(); ++i) {
        Incident incident = incidents.at(i);
        const OutboxEdit tagged{IncidentField::Tags, FieldValue{{}, {}, incident.customTags},
                                FieldValue{{}, {}, withTag(incident.customTags, tag)}, now};
        const OutboxEdit commented{IncidentField::Comment, {}, FieldValue{note(i), {}, {}}, now};
        incident.customTags = tagged.local.tags;
        QVERIFY(store->incidents().storeEdit(incident, {tagged, commented}, {}).ok());
    }
    QCOMPARE(queued(*store), qsizetype(12));

    // The leader is mid-cycle: the held comment has reached Defender, its answer has not come.
    QTRY_VERIFY_WITH_TIMEOUT(commentsSent(held, note(0)) == 1, 60000);
    Console &old = m_consoles[size_t(leader)];
    QElapsedTimer handover;
    handover.start();
    if (terminateBackend) {
        // An administrator (or a cut network) ends the leader's session: its process lives on.
        QCOMPARE(m_server.terminateBackends(m_name,
                                            QStringLiteral("vigil-election-%1").arg(old.pid())),
                 1);
    } else {
        ::kill(pid_t(old.pid()), SIGKILL);
    }
    // Another console leads within one poll interval (and a little for its start).
    QTRY_VERIFY_WITH_TIMEOUT(leaderIndex(leader) >= 0, kIntervalMs + 2000);
    qInfo("%s → new leader: %lld ms (interval %d ms)",
          terminateBackend ? "pg_terminate_backend" : "SIGKILL", handover.elapsed(), kIntervalMs);

    // Every edit is delivered, each once.
    QTRY_COMPARE_WITH_TIMEOUT(queued(*store), qsizetype(0), 90000);
    for (int i = 0; i < incidents.size(); ++i) {
        const QString id = incidents.at(i).providerIncidentId;
        QCOMPARE(commentsSent(id, note(i)), 1);
        QCOMPARE(tagWrites(id, tag), 1);
    }
    if (terminateBackend) {
        // The old leader saw it and only reads now; it recorded the answer that came late.
        QTRY_VERIFY_WITH_TIMEOUT(old.printed("No longer leading the team's sync."), 30000);
        QVERIFY(old.running());
    }
}

void TestTeamOutbox::threeAnalystsAndThePortalConverge()
{
    startConsoles(3);
    QTRY_VERIFY_WITH_TIMEOUT(leaderIndex() >= 0, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(m_consoles[size_t(leaderIndex())].printed("Synced:"), 60000);
    std::unique_ptr<Store> analysts[]
            = {openAs(QStringLiteral("ana@contoso.com")), openAs(QStringLiteral("ben@contoso.com")),
               openAs(QStringLiteral("chloe@contoso.com"))};
    for (const auto &analyst : analysts)
        QVERIFY(analyst);
    const QList<Incident> incidents = openIncidents(*analysts[0], 8);
    QCOMPARE(incidents.size(), 8);
    const QStringList owners{QStringLiteral("ana@contoso.com"), QStringLiteral("ben@contoso.com"),
                             QStringLiteral("chloe@contoso.com"), QString()};
    const QStringList tags{QStringLiteral("Phish"), QStringLiteral("VIP"),
                           QStringLiteral("Escalated")};
    const QStringList statuses{QStringLiteral("active"), QStringLiteral("inProgress")};
    QStringList notes;
    QRandomGenerator random(20261206);
    QElapsedTimer spread;
    spread.start();
    // Edits of the three analysts and the portal's changes, interleaved over several cycles;
    // the leader is killed half way.
    for (int step = 0; step < 48; ++step) {
        const Incident &picked = incidents.at(int(random.bounded(incidents.size())));
        if (step % 4 == 3) {
            QJsonObject change;
            if (random.bounded(2) == 0)
                change.insert(QStringLiteral("assignedTo"),
                              owners.at(int(random.bounded(owners.size() - 1))));
            else
                change.insert(QStringLiteral("status"),
                              statuses.at(int(random.bounded(statuses.size()))));
            m_sim.admin("POST", QStringLiteral("/_sim/incidents/%1").arg(picked.providerIncidentId),
                        change);
        } else {
            Store &store = *analysts[step % 3];
            Incident incident = store.incidents().loadIncident(picked.number).value();
            const QDateTime now = QDateTime::currentDateTimeUtc();
            OutboxEdit edit;
            edit.editTime = now;
            switch (random.bounded(3)) {
            case 0:
                edit.field = IncidentField::Owner;
                edit.base.text = incident.assignedTo;
                edit.local.text = owners.at(int(random.bounded(owners.size())));
                incident.assignedTo = edit.local.text;
                break;
            case 1:
                edit.field = IncidentField::Tags;
                edit.base.tags = incident.customTags;
                edit.local.tags
                        = withTag(incident.customTags, tags.at(int(random.bounded(tags.size()))));
                incident.customTags = edit.local.tags;
                break;
            default:
                edit.field = IncidentField::Comment;
                edit.local.text = QStringLiteral("note %1 by analyst %2").arg(step).arg(step % 3);
                notes.append(edit.local.text);
                break;
            }
            QVERIFY(store.incidents().storeEdit(incident, {edit}, {}).ok());
        }
        if (step == 24) {
            const int leader = leaderIndex();
            QVERIFY(leader >= 0);
            ::kill(pid_t(m_consoles[size_t(leader)].pid()), SIGKILL);
            QTRY_VERIFY_WITH_TIMEOUT(leaderIndex(leader) >= 0, kIntervalMs + 2000);
        }
        QTest::qWait(250);
    }
    qInfo("edits made over %lld ms", spread.elapsed());

    // Quiet: the outbox empties, then two more cycles bring the portal's last changes in.
    QTRY_COMPARE_WITH_TIMEOUT(queued(*analysts[0]), qsizetype(0), 120000);
    Console &leader = m_consoles[size_t(leaderIndex())];
    leader.printed({});
    const qsizetype syncedBefore = leader.out.count("Synced:");
    QTRY_VERIFY_WITH_TIMEOUT((leader.printed({}), leader.out.count("Synced:") >= syncedBefore + 2),
                             4 * kIntervalMs + 30000);
    QCOMPARE(queued(*analysts[0]), qsizetype(0));

    // Every console's database and Defender agree on every incident.
    for (const Incident &incident : incidents) {
        const Incident local = analysts[1]->incidents().loadIncident(incident.number).value();
        const QJsonObject remote = m_sim.admin(
                "GET", QStringLiteral("/_sim/incidents/%1").arg(incident.providerIncidentId));
        QCOMPARE(local.status, remote.value(QLatin1String("status")).toString());
        QCOMPARE(local.assignedTo.toLower(),
                 remote.value(QLatin1String("assignedTo")).toString().toLower());
        QStringList remoteTags;
        for (const auto &tag : remote.value(QLatin1String("customTags")).toArray())
            remoteTags.append(tag.toString());
        QStringList localTags = local.customTags;
        localTags.sort();
        remoteTags.sort();
        QCOMPARE(localTags, remoteTags);
        QStringList localComments;
        for (const Comment &comment : local.comments)
            localComments.append(comment.text);
        QStringList remoteComments;
        for (const auto &comment : remote.value(QLatin1String("comments")).toArray())
            remoteComments.append(comment.toObject().value(QLatin1String("comment")).toString());
        QCOMPARE(localComments, remoteComments);
    }
    // Every analyst's comment arrived once.
    for (const QString &text : notes) {
        int sent = 0;
        for (const Incident &incident : incidents)
            sent += commentsSent(incident.providerIncidentId, text);
        QCOMPARE(sent, 1);
    }
}

QTEST_GUILESS_MAIN(TestTeamOutbox)
#include "tst_teamoutbox.moc"
