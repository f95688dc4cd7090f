#include "binderimpl.h"

// Defender's own functions (advanced hunting's FileProfile(), SeenBy(), DeviceFromIP(),
// AssignedIPAddresses()): their columns are the ones the schema's "functions" entry gives, from
// Defender's documentation pages.
namespace Vigil::Kql {

namespace {

using T = KqlType;

SchemaPtr share(RowSchema row)
{
    return std::make_shared<const RowSchema>(std::move(row));
}

} // namespace

SchemaPtr Binder::bindDefenderInvoke(Node &op, const SchemaPtr &inputPtr, const HuntingFunction &fn,
                                     const Context &outer)
{
    const RowSchema &input = *inputPtr;
    Node &call = *op.kid(0);
    if (fn.name == u"SeenBy")
        fail(QStringLiteral("'invoke SeenBy()' is not supported by Vigil's local KQL: Defender "
                            "does not document what it computes"),
             call);
    if (fn.name != u"FileProfile")
        fail(QStringLiteral("'invoke %1()' is not supported by Vigil's local KQL yet "
                            "(FileProfile() is)")
                     .arg(fn.name),
             call);
    // Defender's FileProfile page: invoke FileProfile([x [, y]]): x the file ID column (SHA1,
    // SHA256, InitiatingProcessSHA1 or InitiatingProcessSHA256; SHA1 when not given), y how many
    // records to enrich (1 to 1000; 100 when not given).
    static const QStringList idColumns = {
            QStringLiteral("SHA1"),
            QStringLiteral("SHA256"),
            QStringLiteral("InitiatingProcessSHA1"),
            QStringLiteral("InitiatingProcessSHA256"),
    };
    if (call.count() > 2)
        fail(QStringLiteral("FileProfile() takes the file ID column and a limit"), call);
    QString id = QStringLiteral("SHA1");
    if (call.count() >= 1) {
        Node &arg = *call.kid(0);
        const bool text = arg.kind == NodeKind::Literal && arg.literal == LiteralKind::String;
        if (arg.kind != NodeKind::Name && !text)
            fail(QStringLiteral("the first argument of FileProfile() is the file ID column (SHA1, "
                                "SHA256, InitiatingProcessSHA1 or InitiatingProcessSHA256)"),
                 arg);
        id = text ? arg.value : arg.text;
        if (!idColumns.contains(id))
            fail(QStringLiteral("FileProfile() looks files up by SHA1, SHA256, "
                                "InitiatingProcessSHA1 or InitiatingProcessSHA256, not '%1'")
                         .arg(id),
                 arg);
        arg.type = T::String;
    }
    qint64 limit = 100;
    if (call.count() == 2) {
        Node &arg = *call.kid(1);
        Context none;
        none.scope = outer.scope;
        const T t = bindScalar(arg, none);
        bool ok = false;
        if (arg.kind == NodeKind::Literal && (t == T::Long || t == T::Int))
            limit = arg.value.toLongLong(&ok);
        // Defender documents 1 to 1000; a larger limit runs while the input names at most 1000
        // files, where every reading of it gives the same rows (the compiler checks that).
        if (!ok || limit < 1)
            fail(QStringLiteral("the limit of FileProfile() is a whole number from 1 to 1000"),
                 arg);
    }
    Node idName;
    idName.text = id;
    const int i = findColumn(input, idName);
    if (i < 0)
        fail(QStringLiteral("FileProfile() looks files up by the column %1, which the input does "
                            "not have (name the column: invoke FileProfile(SHA256))")
                     .arg(id),
             call);
    if (input[i].type != T::String)
        fail(QStringLiteral("the file ID column %1 of FileProfile() must be a string").arg(id),
             call);
    op.options.append({QStringLiteral("id"), input[i].name});
    op.options.append({QStringLiteral("limit"), QString::number(limit)});
    // The documented columns, after the input's; a column the input has keeps its place.
    RowSchema row = input;
    for (const HuntingColumn &c : fn.columns) {
        bool present = false;
        for (const Column &have : input)
            present = present || have.name == c.name;
        if (!present)
            row.append({c.name, c.type});
    }
    return share(row);
}

} // namespace Vigil::Kql
