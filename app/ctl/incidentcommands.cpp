// `incidents list`, `incident show NUMBER` and `incident update NUMBER`: the queue, one incident,
// and a triage edit sent to Microsoft 365 Defender (or queued, saying why).
#include "controllerrun.h"
#include "ctlcommands.h"
#include "ctloutput.h"
#include "graphjson.h"
#include "incidentexport.h"
#include "incidentfilter.h"
#include "sla.h"
#include "synccontroller.h"
#include "triage.h"
#include "vocabulary.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QSysInfo>
#include <QTimer>

#include <chrono>
#include <optional>

namespace Vigil::Ctl {

namespace {

void printTable(const QList<Incident> &incidents)
{
    const QStringList headers
            = {QStringLiteral("#"),      QStringLiteral("Severity"), QStringLiteral("Status"),
               QStringLiteral("Alerts"), QStringLiteral("Owner"),    QStringLiteral("Title")};
    QList<QStringList> rows;
    for (const Incident &i : incidents) {
        QString title = i.title;
        if (i.redirectedToNumber > 0)
            title += QStringLiteral(" (merged into #%1)").arg(i.redirectedToNumber);
        if (i.duplicateOf > 0)
            title += QStringLiteral(" (duplicate of #%1)").arg(i.duplicateOf);
        rows.append({QString::number(i.number), severityLabel(i.severity), statusLabel(i.status),
                     alertCountLabel(i.alertCount), i.assignedTo, title});
    }
    writeTable(headers, rows);
}

QUrl linkOf(const Incident &i, const Cloud &cloud)
{
    if (i.isRuleIncident())
        return portalAlertUrl(i.webUrl, cloud);
    return portalIncidentUrl(i.webUrl, i.providerIncidentId, i.tenantId, cloud);
}

/** The NUMBER operand of `incident show` and `incident update`; nullopt when it is not one. */
std::optional<qint64> incidentNumber(const QString &text)
{
    bool ok = false;
    const qint64 number = text.toLongLong(&ok);
    if (!ok || number <= 0)
        return std::nullopt;
    return number;
}

Result<TriageEdit> editFromOptions(const QCommandLineParser &parser, const QString &analyst)
{
    const auto usage = [](const QString &message) {
        return Result<TriageEdit>(Error{Error::Kind::Config, 0, {}, message, {}});
    };
    TriageEdit edit;
    edit.analyst = analyst;
    edit.editTime = QDateTime::currentDateTimeUtc();
    if (parser.isSet(QStringLiteral("status"))) {
        const QString status = parser.value(QStringLiteral("status")).toLower();
        if (status == QLatin1String("new"))
            edit.status = VigilStatus::New;
        else if (status == QLatin1String("active"))
            edit.status = VigilStatus::Active;
        else if (status == QLatin1String("closed"))
            edit.status = VigilStatus::Closed;
        else
            return usage(QStringLiteral("--status must be New, Active or Closed."));
    }
    if (parser.isSet(QStringLiteral("owner")) && parser.isSet(QStringLiteral("assign-to-me")))
        return usage(QStringLiteral("use --owner or --assign-to-me, not both."));
    if (parser.isSet(QStringLiteral("owner")))
        edit.owner = parser.value(QStringLiteral("owner"));
    if (parser.isSet(QStringLiteral("assign-to-me"))) {
        if (analyst.isEmpty())
            return usage(QStringLiteral("--assign-to-me needs --analyst UPN or "
                                        "VIGIL_ANALYST_UPN."));
        edit.owner = analyst;
    }
    const bool classified = parser.isSet(QStringLiteral("classification"));
    if (!classified
        && (parser.isSet(QStringLiteral("reason"))
            || parser.isSet(QStringLiteral("determination"))))
        return usage(QStringLiteral("--reason and --determination need --classification."));
    if (classified) {
        static const QHash<QString, VigilClassification> classifications
                = {{QStringLiteral("truepositive"), VigilClassification::TruePositive},
                   {QStringLiteral("benignpositive"), VigilClassification::BenignPositive},
                   {QStringLiteral("falsepositive"), VigilClassification::FalsePositive},
                   {QStringLiteral("undetermined"), VigilClassification::Undetermined}};
        static const QHash<QString, ClosingReason> reasons
                = {{QStringLiteral("suspiciousactivity"), ClosingReason::SuspiciousActivity},
                   {QStringLiteral("suspiciousbutexpected"), ClosingReason::SuspiciousButExpected},
                   {QStringLiteral("incorrectalertlogic"), ClosingReason::IncorrectAlertLogic},
                   {QStringLiteral("inaccuratedata"), ClosingReason::InaccurateData}};
        const QString name = parser.value(QStringLiteral("classification")).toLower();
        if (!classifications.contains(name))
            return usage(QStringLiteral("--classification must be TruePositive, BenignPositive, "
                                        "FalsePositive or Undetermined."));
        ClassificationChoice choice;
        choice.classification = classifications.value(name);
        if (parser.isSet(QStringLiteral("reason"))) {
            const QString reason = parser.value(QStringLiteral("reason")).toLower();
            if (!reasons.contains(reason))
                return usage(QStringLiteral("--reason must be SuspiciousActivity, "
                                            "SuspiciousButExpected, IncorrectAlertLogic or "
                                            "InaccurateData."));
            choice.reason = reasons.value(reason);
        }
        choice.determination = parser.value(QStringLiteral("determination"));
        edit.classification = choice;
    }
    edit.tagsToAdd = parser.values(QStringLiteral("add-tag"));
    edit.tagsToRemove = parser.values(QStringLiteral("remove-tag"));
    if (parser.isSet(QStringLiteral("comment")))
        edit.comment = parser.value(QStringLiteral("comment"));
    return edit;
}

/** How long `incident update` without --wait gives Graph to take the edit. */
constexpr std::chrono::seconds kOneAttempt{10};

/** What `incident update` has seen of its edit so far. */
struct UpdateProgress
{
    bool connected = false; ///< a connection (or the demo tenant) to deliver with
    bool ruleIncident = false; ///< a local incident of an incident-creation rule
    bool accepted = false; ///< stored locally with its outbox rows
    int changes = 0;
    bool delivered = false; ///< Graph accepted some of its rows in this process
    bool timedOut = false; ///< the one attempt took longer than kOneAttempt
    bool done = false;
    int attemptsSeen = 0;
    QString holder; ///< the console that delivers the outbox, when another one does
    QDateTime acceptedAt;
};

/** The console that holds the outbox ("<host> <pid> <tag>"), in words: the window when it is
 *  Vigil's GUI on this machine. */
QString describeHolder(const QString &holder)
{
    const QStringList parts = holder.split(QLatin1Char(' '));
    const QString pid = parts.value(1);
    QString host = QSysInfo::machineHostName();
    host.replace(QLatin1Char(' '), QLatin1Char('_')); // as OutboxClaim names its holder
    if (parts.size() == 3 && parts.at(0) == host) {
        QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
        if (comm.open(QIODevice::ReadOnly) && comm.readAll().trimmed() == "vigil")
            return QStringLiteral("the running Vigil window (process %1) delivers this store's "
                                  "outbox and sends it")
                    .arg(pid);
    }
    return QStringLiteral("another Vigil (process %1 on %2) delivers this store's outbox and "
                          "sends it")
            .arg(terminalSafe(pid), terminalSafe(parts.value(0)));
}

/** Why an edit is still in the outbox, in words for the terminal. */
QString whyQueued(const OutboxRow &row, const UpdateProgress &progress)
{
    if (!progress.connected)
        return QStringLiteral("not connected to a tenant (run 'vigilctl connect'); the next "
                              "sync after connecting sends it");
    if (!progress.holder.isEmpty())
        return describeHolder(progress.holder);
    if (row.state == QLatin1String("held"))
        return QStringLiteral("waiting for sign-in (%1)").arg(terminalSafe(row.lastError));
    if (row.attempts > 0 && !row.lastError.isEmpty())
        return QStringLiteral("not delivered (%1); the running window or the next 'vigilctl "
                              "sync --once' tries again")
                .arg(terminalSafe(row.lastError));
    if (progress.timedOut)
        return QStringLiteral("no answer within %1 s; the running window or the next "
                              "'vigilctl sync --once' sends it")
                .arg(kOneAttempt.count());
    return QStringLiteral("not sent yet; the running window or the next 'vigilctl sync --once' "
                          "sends it");
}

/** The message of a refusal (or a discard) logged for the incident since `since`, empty when
 *  there is none: how a delivery by another console ended. */
QString refusalSince(const IncidentDetail &detail, const QDateTime &since)
{
    for (const ActivityEntry &entry : detail.activity) {
        if (entry.side == ActivitySide::Local && !entry.conflict && !entry.note.isEmpty()
            && entry.time >= since)
            return entry.note;
    }
    return {};
}

/** "overdue", "due", "met" or "none": the SLA state as scripts read it. */
QString slaStateKey(SlaState state)
{
    switch (state) {
    case SlaState::Overdue:
        return QStringLiteral("overdue");
    case SlaState::Due:
        return QStringLiteral("due");
    case SlaState::Met:
        return QStringLiteral("met");
    case SlaState::None:
        break;
    }
    return QStringLiteral("none");
}

/** The incident's age and first-triage SLA at now, as the window's Age and SLA columns show
 *  them, plus the numbers a script needs. */
void addTimeFields(QJsonObject &json, const Incident &incident, const QDateTime &now,
                   const SlaTargets &targets)
{
    const qint64 ageMs = incidentAgeMs(incident, now);
    const bool aged = incident.createdTime.isValid();
    json.insert(QStringLiteral("age"), aged ? QJsonValue(durationText(ageMs)) : QJsonValue());
    json.insert(QStringLiteral("ageSeconds"), aged ? QJsonValue(ageMs / 1000) : QJsonValue());
    const SlaStatus sla = slaStatus(incident, now, targets);
    const bool counting = sla.state == SlaState::Due || sla.state == SlaState::Overdue;
    json.insert(QStringLiteral("sla"),
                QJsonObject{{QStringLiteral("state"), slaStateKey(sla.state)},
                            {QStringLiteral("text"), slaText(sla)},
                            {QStringLiteral("deadline"),
                             sla.deadline.isValid() ? QJsonValue(formatGraphDateTime(sla.deadline))
                                                    : QJsonValue()},
                            {QStringLiteral("remainingSeconds"),
                             counting ? QJsonValue(sla.remainingMs / 1000) : QJsonValue()}});
}

/** A time for the terminal: local, to the second, with its offset. */
QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss t"))
                          : QString();
}

/** `incident show --format table`: the fields, the texts, then the alerts, evidence and
 *  comments as tables. Every text from the service goes through terminalSafe(). */
void printDetail(const IncidentDetail &detail, const QJsonObject &json)
{
    const Incident &i = detail.incident;
    const auto field = [](const QString &label, const QString &value) {
        out() << label.leftJustified(19) << terminalSafe(value) << '\n';
    };
    // A text of several lines: under its label, indented, its line breaks kept.
    const auto text = [](const QString &label, const QString &value) {
        if (value.trimmed().isEmpty())
            return;
        out() << '\n' << label << '\n';
        for (const QString &line : terminalSafe(value.trimmed(), true).split(QLatin1Char('\n')))
            out() << "  " << line << '\n';
    };
    out() << '#' << i.number << "  " << terminalSafe(i.title) << '\n';
    field(QStringLiteral("Severity"), severityLabel(i.severity));
    field(QStringLiteral("Status"), statusLabel(i.status));
    field(QStringLiteral("Owner"),
          i.assignedTo.isEmpty() ? QStringLiteral("(none)") : i.assignedTo);
    field(QStringLiteral("Classification"),
          json.value(QStringLiteral("classification")).toString());
    field(QStringLiteral("Determination"), i.determination);
    field(QStringLiteral("Alerts"), alertCountLabel(detail.totalAlerts));
    field(QStringLiteral("Tags"), i.tags().join(QStringLiteral(", ")));
    field(QStringLiteral("Created"), timeText(i.createdTime));
    field(QStringLiteral("Last updated"), timeText(i.lastUpdateTime));
    field(QStringLiteral("Age"), json.value(QStringLiteral("age")).toString());
    const QJsonObject sla = json.value(QStringLiteral("sla")).toObject();
    QString slaLine = sla.value(QStringLiteral("text")).toString();
    if (sla.value(QStringLiteral("state")).toString() == QLatin1String("none"))
        slaLine = QStringLiteral("no target for this severity");
    else if (sla.value(QStringLiteral("state")).toString() != QLatin1String("met"))
        slaLine += QStringLiteral(" (first triage due %1)")
                           .arg(timeText(parseGraphDateTime(
                                   sla.value(QStringLiteral("deadline")).toString())));
    field(QStringLiteral("SLA"), slaLine);
    if (i.redirectedToNumber > 0)
        field(QStringLiteral("Merged into"), QStringLiteral("#%1").arg(i.redirectedToNumber));
    if (i.duplicateOf > 0)
        field(QStringLiteral("Duplicate of"), QStringLiteral("#%1").arg(i.duplicateOf));
    field(QStringLiteral("Link"), json.value(QStringLiteral("webUrl")).toString());
    text(QStringLiteral("Summary"), i.summary);
    text(QStringLiteral("Resolving comment"), i.resolvingComment);
    text(QStringLiteral("Description"), i.description);

    out() << '\n'
          << (qsizetype(detail.totalAlerts) > detail.alerts.size()
                      ? QStringLiteral("Alerts (%1 of %2; --all-alerts lists every one)")
                                .arg(detail.alerts.size())
                                .arg(detail.totalAlerts)
                      : QStringLiteral("Alerts (%1)").arg(detail.alerts.size()))
          << '\n';
    QList<QStringList> alerts;
    for (const Alert &a : detail.alerts)
        alerts.append({severityLabel(a.severity), a.status, productShortName(a.serviceSource),
                       timeText(a.createdTime), a.mitreTechniques.join(QStringLiteral(", ")),
                       a.title});
    writeTable({QStringLiteral("Severity"), QStringLiteral("Status"), QStringLiteral("Product"),
                QStringLiteral("Created"), QStringLiteral("MITRE techniques"),
                QStringLiteral("Title")},
               alerts);
    if (!detail.entities.isEmpty()) {
        out() << '\n' << QStringLiteral("Evidence (%1)").arg(detail.entities.size()) << '\n';
        QList<QStringList> entities;
        for (const Entity &e : detail.entities)
            entities.append({e.kind, e.verdict, e.value});
        writeTable({QStringLiteral("Kind"), QStringLiteral("Verdict"), QStringLiteral("Value")},
                   entities);
    }
    if (!i.comments.isEmpty()) {
        out() << '\n' << QStringLiteral("Comments (%1)").arg(i.comments.size()) << '\n';
        QList<QStringList> comments;
        for (const Comment &c : i.comments)
            comments.append({timeText(c.createdTime), c.author, c.text});
        writeTable({QStringLiteral("Time"), QStringLiteral("Author"), QStringLiteral("Text")},
                   comments);
    }
    out().flush();
}

} // namespace

void addIncidentOptions(QCommandLineParser &parser)
{
    parser.addOptions({
            {QStringLiteral("all-alerts"),
             QStringLiteral("incident show: list every alert, not only the first 150.")},
            {QStringLiteral("status"), QStringLiteral("update: New, Active or Closed."),
             QStringLiteral("status")},
            {QStringLiteral("owner"),
             QStringLiteral("update: assign to this UPN (\"\" unassigns)."), QStringLiteral("upn")},
            {QStringLiteral("assign-to-me"),
             QStringLiteral("update: assign to --analyst / $VIGIL_ANALYST_UPN.")},
            {QStringLiteral("classification"),
             QStringLiteral("update: TruePositive, BenignPositive, FalsePositive or Undetermined."),
             QStringLiteral("classification")},
            {QStringLiteral("reason"),
             QStringLiteral("update: SuspiciousActivity, SuspiciousButExpected, "
                            "IncorrectAlertLogic or InaccurateData."),
             QStringLiteral("reason")},
            {QStringLiteral("determination"),
             QStringLiteral("update: a Graph determination value."), QStringLiteral("value")},
            {QStringLiteral("add-tag"), QStringLiteral("update: add a tag (repeatable)."),
             QStringLiteral("tag")},
            {QStringLiteral("remove-tag"), QStringLiteral("update: remove a tag (repeatable)."),
             QStringLiteral("tag")},
            {QStringLiteral("comment"), QStringLiteral("update: add a comment."),
             QStringLiteral("text")},
            {QStringLiteral("filter"),
             QStringLiteral("incidents list: only what this filter matches, in the window's "
                            "filter language (severity:high status:new,active owner:me "
                            "age:<4h product:MDE has:duplicate, free words)."),
             QStringLiteral("expr")},
            {QStringLiteral("wait"),
             QStringLiteral("update: exit only when Graph accepted (or refused) the change.")},
    });
}

int runIncidentsList(const QCommandLineParser &parser, const QStringList &)
{
    const QString format = parser.value(QStringLiteral("format")).toLower();
    if (!format.isEmpty() && format != QLatin1String("json") && format != QLatin1String("csv")
        && format != QLatin1String("table")) {
        return fail(QStringLiteral("--format must be json, csv or table."), Usage);
    }
    Result<AppOptions> options = AppOptions::fromParser(parser);
    if (!options)
        return fail(options.error().message, Usage);
    // The same language, parser and messages as the window's quick filter.
    const IncidentQuery query = IncidentQuery::parse(parser.value(QStringLiteral("filter")));
    if (!query.isValid())
        return fail(QStringLiteral("--filter: %1").arg(query.errorMessage()), Usage);
    IncidentFilterContext context;
    context.me = options->analystUpn();
    // sla: counts against the targets the window keeps (Vigil → SLA targets…).
    context.sla = SlaTargets::load(QSettings());

    ControllerRun run(options.value(), ControllerRun::Reach::Store);
    if (const int opened = run.open(); opened != Ok)
        return opened;
    const Cloud &cloud = run.config().cloud;
    return run.exec([&](const QList<Incident> &queue) {
        const QList<Incident> incidents = query.isEmpty() ? queue : query.filter(queue, context);
        if (incidents.isEmpty() && !query.isEmpty()) {
            const auto [term, left] = query.emptyingTerm(queue, context);
            if (term >= 0)
                err() << query.emptyExplanation(term, left) << Qt::endl;
        }
        if (format == QLatin1String("csv")) {
            out() << incidentCsvColumns().join(QLatin1Char(',')) << "\r\n";
            for (const Incident &i : incidents)
                out() << incidentToCsvLine(incidentToJson(i, linkOf(i, cloud))) << "\r\n";
            out().flush();
        } else if (format == QLatin1String("table")) {
            printTable(incidents);
        } else {
            QJsonArray array;
            for (const Incident &i : incidents)
                array.append(incidentToJson(i, linkOf(i, cloud)));
            out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
            out().flush();
        }
        run.finish(Ok);
    });
}

int runIncidentShow(const QCommandLineParser &parser, const QStringList &args)
{
    const QString format = parser.value(QStringLiteral("format")).toLower();
    if (!format.isEmpty() && format != QLatin1String("json") && format != QLatin1String("table"))
        return fail(QStringLiteral("incident show supports --format json or table."), Usage);
    const std::optional<qint64> number = incidentNumber(args.at(2));
    if (!number)
        return fail(notAnIncidentNumber(args.at(2)), Usage);
    Result<AppOptions> options = AppOptions::fromParser(parser);
    if (!options)
        return fail(options.error().message, Usage);

    ControllerRun run(options.value(), ControllerRun::Reach::Store);
    if (const int opened = run.open(); opened != Ok)
        return opened;
    SyncController &controller = run.controller();
    QCoreApplication *app = QCoreApplication::instance();
    QObject::connect(
            &controller, &SyncController::detailLoaded, app, [&](const IncidentDetail &detail) {
                const Cloud &cloud = run.config().cloud;
                QJsonObject json
                        = incidentDetailToJson(detail, linkOf(detail.incident, cloud), cloud);
                // Age and SLA as the window shows them now, against its targets.
                addTimeFields(json, detail.incident, QDateTime::currentDateTimeUtc(),
                              SlaTargets::load(QSettings()));
                if (format == QLatin1String("table")) {
                    printDetail(detail, json);
                } else {
                    out() << QJsonDocument(json).toJson(QJsonDocument::Indented);
                    out().flush();
                }
                run.finish(Ok);
            });
    QObject::connect(
            &controller, &SyncController::detailFailed, app,
            [&run](qint64 which, const Error &error) {
                run.finish(fail(error.kind == Error::Kind::NotFound
                                        ? QStringLiteral("there is no incident #%1.").arg(which)
                                        : describe(error)));
            });
    const bool allAlerts = parser.isSet(QStringLiteral("all-alerts"));
    return run.exec([&controller, number, allAlerts](const QList<Incident> &) {
        controller.requestDetail(*number, allAlerts);
    });
}

int runIncidentUpdate(const QCommandLineParser &parser, const QStringList &args)
{
    const std::optional<qint64> number = incidentNumber(args.at(2));
    if (!number)
        return fail(notAnIncidentNumber(args.at(2)), Usage);
    Result<AppOptions> options = AppOptions::fromParser(parser);
    if (!options)
        return fail(options.error().message, Usage);
    Result<TriageEdit> parsed = editFromOptions(parser, options->analystUpn());
    if (!parsed)
        return fail(parsed.error().message, Usage);
    const TriageEdit edit = parsed.value();

    const bool wait = parser.isSet(QStringLiteral("wait"));
    ControllerRun run(options.value(), ControllerRun::Reach::GraphWhenConnected);
    // Without --wait: one attempt, answered or given up within kOneAttempt, then the outbox
    // keeps what is left for the next sync.
    if (!wait)
        run.limitToOneAttempt(kOneAttempt);
    if (const int opened = run.open(); opened != Ok)
        return opened;
    SyncController &controller = run.controller();
    QCoreApplication *app = QCoreApplication::instance();

    UpdateProgress progress;
    progress.connected
            = options->demo() || options->hasCredentials() || options->usesSavedProfile();
    const auto finished = [&progress, &run](int code) {
        if (progress.done)
            return;
        progress.done = true;
        run.finish(code);
    };
    const auto delivered = [&progress, number, &finished] {
        out() << (progress.ruleIncident
                          ? QStringLiteral("Incident #%1 changed (an incident of a Vigil rule: "
                                           "nothing to send to Microsoft 365 Defender).")
                          : QStringLiteral("Incident #%1 updated in Microsoft 365 Defender."))
                         .arg(*number)
              << Qt::endl;
        finished(Ok);
    };
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, app, [&] {
        progress.timedOut = true;
        controller.requestOutbox();
    });
    QObject::connect(&controller, &SyncController::editAccepted, app,
                     [&](qint64 which, int changes) {
                         if (which != *number)
                             return;
                         progress.accepted = true;
                         progress.changes = changes;
                         if (changes == 0) {
                             out() << QStringLiteral("Incident #%1 already shows that; nothing "
                                                     "to change.")
                                              .arg(which)
                                   << Qt::endl;
                             finished(Ok);
                         } else if (!wait) {
                             deadline.start(kOneAttempt);
                         }
                     });
    QObject::connect(&controller, &SyncController::editDelivered, app, [&](qint64 which) {
        if (which != *number)
            return;
        progress.delivered = true;
        // With --wait, done once none of the incident's edits is left (a comment goes after
        // the fields); without, the end of the delivery run tells.
        if (wait)
            controller.requestOutbox();
    });
    QObject::connect(&controller, &SyncController::outboxFlushed, app, [&](int, int) {
        if (progress.accepted)
            controller.requestOutbox();
    });
    QObject::connect(
            &controller, &SyncController::outboxClaimedElsewhere, app, [&](const QString &holder) {
                if (wait && holder != progress.holder)
                    err() << QStringLiteral("Waiting: %1.").arg(describeHolder(holder)) << Qt::endl;
                progress.holder = holder;
            });
    QObject::connect(
            &controller, &SyncController::outboxLoaded, app, [&](const QList<OutboxRow> &rows) {
                if (!progress.accepted || progress.done)
                    return;
                QList<OutboxRow> own;
                for (const OutboxRow &row : rows) {
                    if (row.number == *number)
                        own.append(row);
                }
                if (own.isEmpty()) {
                    if (progress.delivered || progress.holder.isEmpty()) {
                        delivered();
                        return;
                    }
                    // Another console delivered them: its answer is in the activity log.
                    controller.requestDetail(*number);
                    return;
                }
                if (!wait || progress.timedOut) {
                    out() << QStringLiteral("Incident #%1 changed locally; %2 queued for "
                                            "Microsoft 365 Defender: %3.")
                                     .arg(*number)
                                     .arg(own.size() == 1
                                                  ? QStringLiteral("1 edit")
                                                  : QStringLiteral("%1 edits").arg(own.size()))
                                     .arg(whyQueued(own.constFirst(), progress))
                          << Qt::endl;
                    finished(Ok);
                    return;
                }
                if (!progress.connected || own.constFirst().state == QLatin1String("held")) {
                    finished(fail(QStringLiteral("incident #%1 changed locally but cannot be "
                                                 "delivered from here: %2; the edit stays "
                                                 "queued.")
                                          .arg(*number)
                                          .arg(whyQueued(own.constFirst(), progress))));
                    return;
                }
                if (own.constFirst().attempts > progress.attemptsSeen) {
                    progress.attemptsSeen = own.constFirst().attempts;
                    err() << QStringLiteral("Not delivered yet (%1); trying again.")
                                     .arg(terminalSafe(own.constFirst().lastError))
                          << Qt::endl;
                }
            });
    QObject::connect(&controller, &SyncController::detailLoaded, app,
                     [&](const IncidentDetail &detail) {
                         if (progress.done || detail.incident.number != *number)
                             return;
                         const QString refusal = refusalSince(detail, progress.acceptedAt);
                         if (refusal.isEmpty())
                             delivered();
                         else
                             finished(fail(QStringLiteral("incident #%1 was not changed: %2")
                                                   .arg(*number)
                                                   .arg(terminalSafe(refusal))));
                     });
    QObject::connect(&controller, &SyncController::editRejected, app,
                     [&](qint64 which, const Error &error) {
                         if (which != *number)
                             return;
                         finished(fail(QStringLiteral("incident #%1 was not changed: %2")
                                               .arg(which)
                                               .arg(error.message)));
                     });
    return run.exec([&controller, number, &edit, &progress](const QList<Incident> &queue) {
        for (const Incident &incident : queue) {
            if (incident.number == *number)
                progress.ruleIncident = incident.isRuleIncident();
        }
        progress.acceptedAt = QDateTime::currentDateTimeUtc().addSecs(-1);
        controller.requestEdit({*number}, edit);
    });
}

} // namespace Vigil::Ctl
