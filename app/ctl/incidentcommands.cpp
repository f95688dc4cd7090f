// `incidents list`, `incident show NUMBER` and `incident update NUMBER`: the queue, one incident,
// and a triage edit queued for Microsoft 365 Defender.
#include "controllerrun.h"
#include "ctlcommands.h"
#include "ctloutput.h"
#include "incidentexport.h"
#include "incidentfilter.h"
#include "synccontroller.h"
#include "triage.h"
#include "vocabulary.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>

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
    if (!format.isEmpty() && format != QLatin1String("json"))
        return fail(QStringLiteral("incident show supports --format json only."), Usage);
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
                const QJsonObject json
                        = incidentDetailToJson(detail, linkOf(detail.incident, cloud), cloud);
                out() << QJsonDocument(json).toJson(QJsonDocument::Indented);
                out().flush();
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

    ControllerRun run(options.value(), ControllerRun::Reach::GraphWhenConnected);
    if (const int opened = run.open(); opened != Ok)
        return opened;
    SyncController &controller = run.controller();
    QCoreApplication *app = QCoreApplication::instance();
    const bool wait = parser.isSet(QStringLiteral("wait"));
    bool delivered = false;
    QObject::connect(&controller, &SyncController::editAccepted, app,
                     [&](qint64 which, int changes) {
                         if (which != *number)
                             return;
                         if (changes == 0) {
                             out() << QStringLiteral("Incident #%1 already shows that; nothing "
                                                     "to change.")
                                              .arg(which)
                                   << Qt::endl;
                             run.finish(Ok);
                         } else if (!wait) {
                             out() << QStringLiteral("Incident #%1 changed locally; %2 edits "
                                                     "queued for Microsoft 365 Defender.")
                                              .arg(which)
                                              .arg(changes)
                                   << Qt::endl;
                             run.finish(Ok);
                         }
                     });
    QObject::connect(&controller, &SyncController::editDelivered, app, [&](qint64 which) {
        if (which != *number || !wait)
            return;
        out() << QStringLiteral("Incident #%1 updated in Microsoft 365 Defender.").arg(which)
              << Qt::endl;
        delivered = true;
    });
    QObject::connect(&controller, &SyncController::pendingCountChanged, app, [&](int count) {
        if (wait && delivered && count == 0)
            run.finish(Ok);
    });
    QObject::connect(&controller, &SyncController::editRejected, app,
                     [&](qint64 which, const Error &error) {
                         if (which != *number)
                             return;
                         run.finish(fail(QStringLiteral("incident #%1 was not changed: %2")
                                                 .arg(which)
                                                 .arg(error.message)));
                     });
    return run.exec([&controller, number, &edit](const QList<Incident> &) {
        controller.requestEdit({*number}, edit);
    });
}

} // namespace Vigil::Ctl
