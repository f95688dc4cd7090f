// `kql schema`: a query's result columns, checked against the Defender tables without running it.
#include "binder.h"
#include "ctlcommands.h"
#include "ctloutput.h"
#include "huntingschema.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Vigil::Ctl {

void addKqlOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("file"),
                      QStringLiteral("Read the KQL query from FILE ('-' for standard input)."),
                      QStringLiteral("FILE")});
}

int runKqlSchema(const QCommandLineParser &parser, const QStringList &args)
{
    QString query;
    const bool fromFile = parser.isSet(QStringLiteral("file"));
    if (fromFile == (args.size() == 3))
        return fail(
                QStringLiteral(
                        "kql schema needs the query as one argument or --file FILE (not both)."),
                Usage);
    if (fromFile) {
        Result<QString> read = readQueryFile(parser.value(QStringLiteral("file")));
        if (!read)
            return fail(read.error().message, Usage);
        query = std::move(read).value();
    } else {
        query = args.last();
    }
    const Kql::QueryAnalysis analysis = Kql::analyzeQuery(query, HuntingSchema::defender());
    if (!analysis.ok())
        return refusedQuery(analysis.errors.first(), true);
    QJsonArray columns;
    for (const Kql::Column &column : analysis.columns)
        columns.append(QJsonObject{{QStringLiteral("name"), column.name},
                                   {QStringLiteral("type"), kqlTypeName(column.type)}});
    QJsonObject result{{QStringLiteral("columns"), columns}};
    if (analysis.open)
        result.insert(QStringLiteral("open"), true);
    out() << QJsonDocument(result).toJson(QJsonDocument::Compact) << '\n';
    out().flush();
    return Ok;
}

} // namespace Vigil::Ctl
