// `outbox list`: the edits Graph has not accepted yet, as JSON.
#include "activity.h"
#include "controllerrun.h"
#include "ctlcommands.h"
#include "ctloutput.h"
#include "incidentexport.h"
#include "synccontroller.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Vigil::Ctl {

int runOutboxList(const QCommandLineParser &parser, const QStringList &)
{
    const QString format = parser.value(QStringLiteral("format")).toLower();
    if (!format.isEmpty() && format != QLatin1String("json"))
        return fail(QStringLiteral("outbox list supports --format json only."), Usage);
    Result<AppOptions> options = AppOptions::fromParser(parser);
    if (!options)
        return fail(options.error().message, Usage);

    ControllerRun run(options.value(), ControllerRun::Reach::Store);
    if (const int opened = run.open(); opened != Ok)
        return opened;
    SyncController &controller = run.controller();
    QObject::connect(
            &controller, &SyncController::outboxLoaded, QCoreApplication::instance(),
            [&run](const QList<OutboxRow> &rows) {
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
                            {QStringLiteral("lastError"), row.lastError},
                            {QStringLiteral("analyst"),
                             row.analyst.isEmpty() ? QJsonValue() : QJsonValue(row.analyst)}});
                }
                out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
                out().flush();
                run.finish(Ok);
            });
    return run.exec([&controller](const QList<Incident> &) { controller.requestOutbox(); });
}

} // namespace Vigil::Ctl
