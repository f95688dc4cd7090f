#include "binderimpl.h"

#include <algorithm>

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

/** The input's columns, then the function's documented ones it lacks (one it has keeps its place
 *  and its values). */
RowSchema withFunctionColumns(const RowSchema &input, const HuntingFunction &fn)
{
    RowSchema row = input;
    for (const HuntingColumn &c : fn.columns) {
        const bool present = std::any_of(input.cbegin(), input.cend(),
                                         [&c](const Column &have) { return have.name == c.name; });
        if (!present)
            row.append({c.name, c.type});
    }
    return row;
}

} // namespace

SchemaPtr Binder::bindDefenderInvoke(Node &op, const SchemaPtr &inputPtr, const HuntingFunction &fn,
                                     const Context &outer)
{
    const RowSchema &input = *inputPtr;
    Node &call = *op.kid(0);
    if (fn.name == u"SeenBy")
        return bindSeenBy(op, input, fn);
    if (fn.name == u"DeviceFromIP")
        return bindDeviceFromIp(op, input, fn, outer);
    if (fn.name != u"FileProfile")
        fail(QStringLiteral("'invoke %1()' is not supported by Vigil's local KQL yet "
                            "(FileProfile(), SeenBy() and DeviceFromIP() are)")
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
    return share(withFunctionColumns(input, fn));
}

// Defender's SeenBy page: invoke SeenBy() on a table with a DeviceId column; Microsoft's analyzer
// takes no argument and adds SeenBy (dynamic) after the input's columns (a SeenBy the input has
// keeps its place and its values).
SchemaPtr Binder::bindSeenBy(Node &op, const RowSchema &input, const HuntingFunction &fn)
{
    Node &call = *op.kid(0);
    if (call.count() > 0)
        fail(QStringLiteral("SeenBy() takes no argument: it looks devices up by the input's "
                            "DeviceId column"),
             *call.kid(0));
    Node idName;
    idName.text = QStringLiteral("DeviceId");
    const int i = findColumn(input, idName);
    if (i < 0)
        fail(QStringLiteral("SeenBy() looks devices up by the column DeviceId, which the input "
                            "does not have (keep it, or project DeviceId = ... first)"),
             call);
    if (input[i].type != T::String)
        fail(QStringLiteral("the DeviceId column of SeenBy() must be a string"), call);
    return share(withFunctionColumns(input, fn));
}

// The time argument of AssignedIPAddresses() and DeviceFromIP(): one datetime for the whole
// query (ago(1d), datetime(…), a let value), not a column.
void Binder::bindAddressTime(Node &arg, const QString &function, const RowSchema *input,
                             const Context &outer)
{
    if (input && arg.kind == NodeKind::Name && findColumn(*input, arg) >= 0)
        fail(QStringLiteral("the time of %1() is one datetime for the whole query (for example "
                            "ago(1d)); a time per row ('%2') is not supported by Vigil's local KQL")
                     .arg(function, arg.text),
             arg);
    Context none;
    none.scope = outer.scope;
    if (bindScalar(arg, none) != T::DateTime)
        fail(QStringLiteral("the time of %1() must be a datetime").arg(function), arg);
}

// Defender's AssignedIPAddresses page: AssignedIPAddresses(x, y), x a DeviceId or DeviceName, y
// an optional datetime; a table of the device's latest addresses (at y when given).
SchemaPtr Binder::bindAssignedIpAddresses(Node &call, const Context &ctx)
{
    const HuntingFunction *fn = nullptr;
    for (const HuntingFunction &f : m_schema.functions())
        fn = f.name == call.text ? &f : fn;
    if (!fn)
        fail(QStringLiteral("internal error: the schema lacks AssignedIPAddresses()"), call);
    if (call.count() < 1 || call.count() > 2)
        fail(QStringLiteral("AssignedIPAddresses() takes the device (its DeviceId or DeviceName) "
                            "and an optional time"),
             call);
    Context none;
    none.scope = ctx.scope;
    if (bindScalar(*call.kid(0), none) != T::String)
        fail(QStringLiteral("the device of AssignedIPAddresses() is a string: its DeviceId or "
                            "DeviceName"),
             *call.kid(0));
    if (call.count() == 2)
        bindAddressTime(*call.kid(1), call.text, nullptr, ctx);
    RowSchema row;
    for (const HuntingColumn &c : fn->columns)
        row.append({c.name, c.type});
    return share(row);
}

// Defender's DeviceFromIP page: invoke DeviceFromIP([x [, y]]), x the input's IP column (IP when
// not given), y an optional datetime; a table of IP and DeviceId.
SchemaPtr Binder::bindDeviceFromIp(Node &op, const RowSchema &input, const HuntingFunction &fn,
                                   const Context &outer)
{
    Node &call = *op.kid(0);
    if (call.count() > 2)
        fail(QStringLiteral("DeviceFromIP() takes the IP column and an optional time"), call);
    Node ipName;
    ipName.text = QStringLiteral("IP");
    Node &column = call.count() >= 1 ? *call.kid(0) : ipName;
    if (column.kind != NodeKind::Name && call.count() >= 1)
        fail(QStringLiteral("the first argument of DeviceFromIP() is the input's column of IP "
                            "addresses (IP when not given)"),
             column);
    const int i = findColumn(input, column);
    if (i < 0)
        fail(QStringLiteral("DeviceFromIP() reads the IP addresses from the column %1, which the "
                            "input does not have (project IP = LocalIP first, or name the column)")
                     .arg(column.text),
             call);
    if (input[i].type != T::String)
        fail(QStringLiteral("the IP column %1 of DeviceFromIP() must be a string")
                     .arg(input[i].name),
             call);
    if (call.count() >= 1)
        column.type = T::String;
    if (call.count() == 2)
        bindAddressTime(*call.kid(1), call.text, &input, outer);
    op.options.append({QStringLiteral("ip"), input[i].name});
    RowSchema row;
    for (const HuntingColumn &c : fn.columns)
        row.append({c.name, c.type});
    return share(row);
}

} // namespace Vigil::Kql
