// vigilctl: Vigil's command line. Same engine as the GUI (SyncController), no Widgets.
#include "appoptions.h"
#include "incidentexport.h"
#include "synccontroller.h"
#include "syncengine.h"
#include "vocabulary.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

using namespace Vigil;

namespace {

enum ExitCode { Ok = 0, Failed = 1, Usage = 2 };

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

int fail(const QString &message, int code = Failed)
{
    err() << "vigilctl: " << message << Qt::endl;
    return code;
}

QString describe(const Error &error)
{
    switch (error.kind) {
    case Error::Kind::Auth:
        return QStringLiteral("sign-in failed: %1. Check AZURE_TENANT_ID, AZURE_CLIENT_ID and "
                              "AZURE_CLIENT_SECRET.")
                .arg(error.message);
    case Error::Kind::Forbidden:
        return QStringLiteral("access denied: %1. The app registration needs the "
                              "SecurityIncident.Read.All (or ReadWrite.All) application permission "
                              "with admin consent.")
                .arg(error.message);
    case Error::Kind::Network:
    case Error::Kind::Timeout:
        return QStringLiteral("cannot reach the service: %1. Check the network and the endpoints.")
                .arg(error.message);
    case Error::Kind::Throttled:
        return QStringLiteral("Microsoft Graph is throttling requests: %1. Try again later.")
                .arg(error.message);
    case Error::Kind::Storage:
        return QStringLiteral("the local database failed: %1. Check --data-dir.")
                .arg(error.message);
    default:
        return error.toString();
    }
}

void printTable(const QList<Incident> &incidents, const Cloud &cloud)
{
    Q_UNUSED(cloud)
    const QStringList headers
            = {QStringLiteral("#"),      QStringLiteral("Severity"), QStringLiteral("Status"),
               QStringLiteral("Alerts"), QStringLiteral("Owner"),    QStringLiteral("Title")};
    QList<QStringList> rows;
    for (const Incident &i : incidents) {
        QString title = i.title;
        if (i.redirectedToNumber > 0)
            title += QStringLiteral(" (merged into #%1)").arg(i.redirectedToNumber);
        rows.append({QString::number(i.number), severityLabel(i.severity), statusLabel(i.status),
                     alertCountLabel(i.alertCount), i.assignedTo, title});
    }
    QList<int> widths;
    for (int c = 0; c < headers.size(); ++c) {
        int width = int(headers.at(c).size());
        if (c + 1 < headers.size()) {
            for (const QStringList &row : rows)
                width = std::max(width, int(row.at(c).size()));
        }
        widths.append(width);
    }
    const auto line = [&widths](const QStringList &cells) {
        QString text;
        for (int c = 0; c < cells.size(); ++c) {
            text += c + 1 < cells.size() ? cells.at(c).leftJustified(widths.at(c) + 2)
                                         : cells.at(c);
        }
        out() << text << '\n';
    };
    line(headers);
    for (const QStringList &row : rows)
        line(row);
    out().flush();
}

QUrl linkOf(const Incident &i, const Cloud &cloud)
{
    return portalIncidentUrl(i.webUrl, i.providerIncidentId, i.tenantId, cloud);
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

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // Progress detail is for QT_LOGGING_RULES="vigil.*.debug=true"; warnings always show.
    QLoggingCategory::setFilterRules(QStringLiteral("vigil.*.debug=false\nvigil.*.info=false"));
    QCoreApplication::setApplicationName(QStringLiteral("Vigil"));
    QCoreApplication::setOrganizationName(QStringLiteral("Vigil"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VIGIL_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
            "Vigil command line.\n\n"
            "Commands:\n"
            "  sync --once                          pull incidents from Microsoft 365 Defender "
            "once\n"
            "  incidents list [--format F]          the incident queue (json, csv or table)\n"
            "  incident show NUMBER [--all-alerts]  one incident with alerts, entities, comments,\n"
            "                                       activity\n"
            "  incident update NUMBER [--status S] [--owner UPN | --assign-to-me]\n"
            "      [--classification C] [--reason R] [--determination D] [--add-tag T]...\n"
            "      [--remove-tag T]... [--comment TEXT] [--wait]\n"
            "                                       change an incident (sent to Graph)\n"
            "  outbox list [--format json]          edits not yet accepted by Graph"));
    parser.addHelpOption();
    parser.addVersionOption();
    AppOptions::addTo(parser);
    parser.addOptions({
            {QStringLiteral("once"), QStringLiteral("sync: pull once and exit.")},
            {QStringLiteral("format"), QStringLiteral("Output format: json, csv or table."),
             QStringLiteral("format")},
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
            {QStringLiteral("wait"),
             QStringLiteral("update: exit only when Graph accepted (or refused) the change.")},
    });
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("See above."));
    parser.process(app);

    const QStringList args = parser.positionalArguments();
    const QString command = args.value(0) + QLatin1Char(' ') + args.value(1);
    enum class Command { Sync, List, Show, Update, Outbox } what;
    if (args.value(0) == QLatin1String("sync") && args.size() == 1) {
        what = Command::Sync;
        if (!parser.isSet(QStringLiteral("once"))) {
            return fail(QStringLiteral("'sync' needs --once (continuous sync runs in the Vigil "
                                       "window)."),
                        Usage);
        }
    } else if (command == QLatin1String("incidents list") && args.size() == 2) {
        what = Command::List;
    } else if (command == QLatin1String("incident show") && args.size() == 3) {
        what = Command::Show;
    } else if (command == QLatin1String("incident update") && args.size() == 3) {
        what = Command::Update;
    } else if (command == QLatin1String("outbox list") && args.size() == 2) {
        what = Command::Outbox;
    } else {
        return fail(QStringLiteral("unknown command '%1'. Try 'vigilctl --help'.")
                            .arg(args.join(QLatin1Char(' '))),
                    Usage);
    }

    const QString format = parser.value(QStringLiteral("format")).toLower();
    if (what == Command::List && !format.isEmpty() && format != QLatin1String("json")
        && format != QLatin1String("csv") && format != QLatin1String("table")) {
        return fail(QStringLiteral("--format must be json, csv or table."), Usage);
    }
    if ((what == Command::Show || what == Command::Outbox) && !format.isEmpty()
        && format != QLatin1String("json"))
        return fail(QStringLiteral("%1 supports --format json only.").arg(command), Usage);

    qint64 number = 0;
    if (what == Command::Show || what == Command::Update) {
        bool ok = false;
        number = args.at(2).toLongLong(&ok);
        if (!ok || number <= 0)
            return fail(QStringLiteral("'%1' is not an incident number.").arg(args.at(2)), Usage);
    }

    Result<AppOptions> options = AppOptions::fromParser(parser);
    if (!options)
        return fail(options.error().message, Usage);
    SyncConfig config = options->syncConfig();
    config.autoPoll = false;

    TriageEdit edit;
    if (what == Command::Update) {
        Result<TriageEdit> parsed = editFromOptions(parser, options->analystUpn());
        if (!parsed)
            return fail(parsed.error().message, Usage);
        edit = parsed.value();
    }

    DemoTenant demo;
    if (options->demo()) {
        if (const Result<void> started = demo.start(false); !started)
            return fail(started.error().message);
        demo.configure(config);
    } else if (what == Command::Sync && !options->hasCredentials()) {
        return fail(QStringLiteral("no credentials: set AZURE_TENANT_ID, AZURE_CLIENT_ID and "
                                   "AZURE_CLIENT_SECRET (or --tenant-id/--client-id), or use "
                                   "--demo for the embedded demo tenant."),
                    Usage);
    }

    SyncController controller(config);
    int exitCode = Ok;
    const auto finish = [&exitCode](int code) {
        exitCode = code;
        QCoreApplication::exit(code);
    };
    QObject::connect(&controller, &SyncController::storeFailed, &app,
                     [&finish](const Error &error) { finish(fail(describe(error))); });

    bool started = false;
    QObject::connect(
            &controller, &SyncController::incidentsLoaded, &app,
            [&](const QList<Incident> &incidents) {
                if (started)
                    return;
                started = true;
                switch (what) {
                case Command::Sync:
                    controller.syncNow();
                    break;
                case Command::List:
                    if (format == QLatin1String("csv")) {
                        out() << incidentCsvColumns().join(QLatin1Char(',')) << "\r\n";
                        for (const Incident &i : incidents)
                            out() << incidentToCsvLine(incidentToJson(i, linkOf(i, config.cloud)))
                                  << "\r\n";
                        out().flush();
                    } else if (format == QLatin1String("table")) {
                        printTable(incidents, config.cloud);
                    } else {
                        QJsonArray array;
                        for (const Incident &i : incidents)
                            array.append(incidentToJson(i, linkOf(i, config.cloud)));
                        out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
                        out().flush();
                    }
                    finish(Ok);
                    break;
                case Command::Show:
                    controller.requestDetail(number, parser.isSet(QStringLiteral("all-alerts")));
                    break;
                case Command::Update:
                    controller.requestEdit({number}, edit);
                    break;
                case Command::Outbox:
                    controller.requestOutbox();
                    break;
                }
            });
    QObject::connect(
            &controller, &SyncController::detailLoaded, &app, [&](const IncidentDetail &detail) {
                const QJsonObject json
                        = incidentDetailToJson(detail, linkOf(detail.incident, config.cloud));
                out() << QJsonDocument(json).toJson(QJsonDocument::Indented);
                out().flush();
                finish(Ok);
            });
    QObject::connect(
            &controller, &SyncController::detailFailed, &app,
            [&](qint64 which, const Error &error) {
                finish(fail(error.kind == Error::Kind::NotFound
                                    ? QStringLiteral("there is no incident #%1.").arg(which)
                                    : describe(error)));
            });
    SyncStatus lastStatus;
    bool pulled = false;
    bool pendingDone = false;
    QObject::connect(&controller, &SyncController::statusChanged, &app,
                     [&lastStatus](const SyncStatus &status) { lastStatus = status; });
    QObject::connect(
            &controller, &SyncController::syncFinished, &app, [&](bool ok, const Error &error) {
                if (what != Command::Sync)
                    return;
                if (!ok) {
                    finish(fail(QStringLiteral("sync failed: ") + describe(error)));
                    return;
                }
                out() << QStringLiteral("Synced: %1 incidents changed, %2 in the local queue.")
                                 .arg(lastStatus.incidentsThisCycle)
                                 .arg(lastStatus.incidentsInStore)
                      << Qt::endl;
                pulled = true; // the outbox is delivered next; outboxFlushed ends the run
            });
    QObject::connect(&controller, &SyncController::outboxFlushed, &app,
                     [&](int delivered, int queued) {
                         if (what != Command::Sync || !pulled)
                             return;
                         out() << QStringLiteral("Edits: %1 delivered, %2 still queued.")
                                          .arg(delivered)
                                          .arg(queued)
                               << Qt::endl;
                         finish(Ok);
                     });
    const bool wait = parser.isSet(QStringLiteral("wait"));
    QObject::connect(&controller, &SyncController::editAccepted, &app,
                     [&](qint64 which, int changes) {
                         if (what != Command::Update || which != number)
                             return;
                         if (changes == 0) {
                             out() << QStringLiteral("Incident #%1 already shows that; nothing "
                                                     "to change.")
                                              .arg(which)
                                   << Qt::endl;
                             finish(Ok);
                         } else if (!wait) {
                             out() << QStringLiteral("Incident #%1 changed locally; %2 edits "
                                                     "queued for Microsoft 365 Defender.")
                                              .arg(which)
                                              .arg(changes)
                                   << Qt::endl;
                             finish(Ok);
                         }
                     });
    QObject::connect(&controller, &SyncController::editDelivered, &app, [&](qint64 which) {
        if (what != Command::Update || which != number || !wait)
            return;
        out() << QStringLiteral("Incident #%1 updated in Microsoft 365 Defender.").arg(which)
              << Qt::endl;
        pendingDone = true;
    });
    QObject::connect(&controller, &SyncController::pendingCountChanged, &app, [&](int count) {
        if (what == Command::Update && wait && pendingDone && count == 0)
            finish(Ok);
    });
    QObject::connect(&controller, &SyncController::editRejected, &app,
                     [&](qint64 which, const Error &error) {
                         if (what != Command::Update || which != number)
                             return;
                         finish(fail(QStringLiteral("incident #%1 was not changed: %2")
                                             .arg(which)
                                             .arg(error.message)));
                     });
    QObject::connect(&controller, &SyncController::outboxLoaded, &app,
                     [&](const QList<OutboxRow> &rows) {
                         if (what != Command::Outbox)
                             return;
                         QJsonArray array;
                         for (const OutboxRow &row : rows) {
                             array.append(QJsonObject{
                                     {QStringLiteral("number"), row.number},
                                     {QStringLiteral("providerIncidentId"), row.providerIncidentId},
                                     {QStringLiteral("field"), fieldName(row.edit.field)},
                                     {QStringLiteral("base"),
                                      fieldValueToJson(row.edit.field, row.edit.base)},
                                     {QStringLiteral("local"),
                                      fieldValueToJson(row.edit.field, row.edit.local)},
                                     {QStringLiteral("editTime"),
                                      row.edit.editTime.toString(Qt::ISODateWithMs)},
                                     {QStringLiteral("attempts"), row.attempts},
                                     {QStringLiteral("lastError"), row.lastError}});
                         }
                         out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
                         out().flush();
                         finish(Ok);
                     });

    QTimer::singleShot(0, &controller, &SyncController::start);
    app.exec();
    return exitCode;
}
