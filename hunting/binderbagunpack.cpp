#include "binderimpl.h"

#include "huntingschema.h"

#include <QSet>

namespace Vigil::Kql {

namespace {

using T = KqlType;

SchemaPtr share(RowSchema row)
{
    return std::make_shared<const RowSchema>(std::move(row));
}

/** A constant string argument: a string literal, as decoded. */
std::optional<QString> constantString(const Node &value)
{
    if (value.kind == NodeKind::Literal && value.literal == LiteralKind::String)
        return value.value;
    return std::nullopt;
}

} // namespace

void Binder::takeDataColumns(const Node &op)
{
    if (m_dataColumns.contains(op.pos.offset))
        fail(QStringLiteral("evaluate %1() in a function called more than once is not supported "
                            "by Vigil's local KQL: its columns come from the data of each call")
                     .arg(op.kid(0)->text),
             op);
    m_dataColumns.insert(op.pos.offset);
}

SchemaPtr Binder::bindBagUnpack(Node &op, const RowSchema &input, const Context &ctx)
{
    // Microsoft's bag_unpack page: evaluate bag_unpack(Column [, OutputColumnPrefix]
    // [, columnsConflict] [, ignoredProperties]) [: (Name:type, …)]. The input's columns but
    // Column, then one column per distinct top-level slot of the bags, named prefix + slot, typed
    // as the slot's values when they share one type, else dynamic.
    Node &call = *op.kid(0);
    if (call.count() < 1)
        fail(QStringLiteral("bag_unpack() needs the dynamic column to unpack"), call);
    // The page documents up to three options; Microsoft's analyzer (the conformance oracle)
    // accepts one, and ignoredProperties only as a string the page does not describe. Until the
    // two agree, Vigil refuses what the analyzer rejects.
    if (call.count() > 2)
        fail(QStringLiteral("bag_unpack() with more than one option is not supported by Vigil's "
                            "local KQL: Microsoft's analyzer accepts one (a prefix, or "
                            "columnsConflict='…')"),
             *call.kid(2));
    Node &column = *call.kid(0);
    if (column.kind != NodeKind::Name)
        fail(QStringLiteral("bag_unpack() needs a column name"), column);
    const int bag = findColumn(input, column);
    if (bag < 0)
        fail(QStringLiteral("unknown column '%1'").arg(column.text), column);
    if (input[bag].type != T::Dynamic)
        fail(QStringLiteral("bag_unpack() needs a dynamic column; '%1' is %2")
                     .arg(column.text, kqlTypeName(input[bag].type)),
             column);
    column.type = T::Dynamic;
    column.value = input[bag].name;

    // The options, by position or by name.
    static const QStringList names
            = {QStringLiteral("OutputColumnPrefix"), QStringLiteral("columnsConflict"),
               QStringLiteral("ignoredProperties")};
    QString prefix;
    QString conflict = QStringLiteral("error");
    QSet<int> given;
    for (qsizetype k = 1; k < call.count(); ++k) {
        Node &arg = *call.kid(k);
        int which = int(k - 1);
        if (arg.kind == NodeKind::NamedArg) {
            which = int(names.indexOf(arg.text));
            if (which < 0)
                fail(QStringLiteral("bag_unpack() has no option '%1' (%2)")
                             .arg(arg.text, names.join(QLatin1String(", "))),
                     arg);
        }
        if (given.contains(which))
            fail(QStringLiteral("the option %1 of bag_unpack() is given twice").arg(names[which]),
                 arg);
        given.insert(which);
        Node &value = arg.kind == NodeKind::NamedArg ? *arg.kid(0) : arg;
        const T type = bindScalar(value, ctx);
        if (which == 2) {
            if (type == T::String)
                fail(QStringLiteral("ignoredProperties of bag_unpack() as a string is not "
                                    "documented (the page takes an array of names)"),
                     value);
            fail(QStringLiteral("ignoredProperties of bag_unpack() is not supported by Vigil's "
                                "local KQL: Microsoft's analyzer rejects the page's array of "
                                "names"),
                 value);
        }
        const std::optional<QString> text = constantString(value);
        if (type != T::String || !text)
            fail(QStringLiteral("%1 of bag_unpack() is a constant string").arg(names[which]),
                 value);
        if (which == 0) {
            if (text->isEmpty())
                fail(QStringLiteral("OutputColumnPrefix of bag_unpack() must not be empty; leave "
                                    "it out for no prefix"),
                     value);
            prefix = *text;
        } else {
            if (*text != u"error" && *text != u"replace_source" && *text != u"keep_source")
                fail(QStringLiteral("columnsConflict of bag_unpack() is 'error', "
                                    "'replace_source' or 'keep_source', not '%1'")
                             .arg(*text),
                     value);
            conflict = *text;
        }
    }
    op.options.append({QStringLiteral("bag"), input[bag].name});
    op.options.append({QStringLiteral("conflict"), conflict});

    RowSchema rest = input;
    rest.removeAt(bag);

    // Declared output columns (`: (Name:type, …)`): exactly those, in that order. A name of an
    // input column is that column (unless replace_source gives the slot); any other name is the
    // slot prefix + name.
    if (op.count() > 1) {
        // `(*, Name:type, …)`: the input's columns (but the bag) first, as the page's last
        // example, then the declared ones.
        struct Output
        {
            Column column;
            std::pair<QString, QString> cell; ///< the compiler's option: input, slot, …
        };
        QList<Output> outputs;
        const bool star = op.kid(1)->kind == NodeKind::Star;
        if (star) {
            for (const Column &c : rest)
                outputs.append({c, {QStringLiteral("input"), c.name}});
        }
        QSet<QString> declared;
        for (qsizetype k = star ? 2 : 1; k < op.count(); ++k) {
            Node &decl = *op.kid(k);
            if (decl.kind != NodeKind::ColumnDecl)
                fail(QStringLiteral("'*' comes first in the declared columns"), decl);
            const std::optional<T> type = kqlTypeFromName(decl.value);
            if (!type)
                fail(QStringLiteral("unknown type '%1'").arg(decl.value), decl);
            if (declared.contains(decl.text))
                fail(QStringLiteral("the column '%1' is declared twice").arg(decl.text), decl);
            declared.insert(decl.text);
            Output out{{decl.text, *type}, {}};
            Node name;
            name.text = decl.text;
            const int source = findColumn(rest, name);
            if (source >= 0 && conflict != u"replace_source") {
                if (rest[source].type != *type)
                    fail(QStringLiteral("'%1' is a %2 column of the input, declared %3")
                                 .arg(decl.text, kqlTypeName(rest[source].type),
                                      kqlTypeName(*type)),
                         decl);
                // columnsConflict='error': the query fails where a bag has that slot too.
                if (conflict == u"error" && decl.text.startsWith(prefix))
                    out.cell = {QStringLiteral("checked"),
                                rest[source].name + QChar(0x1f) + decl.text.mid(prefix.size())};
                else
                    out.cell = {QStringLiteral("input"), rest[source].name};
            } else if (!prefix.isEmpty() && !decl.text.startsWith(prefix)) {
                // Not a column of the input and without the prefix: no slot gives it.
                out.cell = {QStringLiteral("none"), decl.text};
            } else {
                if (typeIn(*type, {T::DateTime, T::TimeSpan, T::Guid, T::Decimal}))
                    fail(QStringLiteral("the slot '%1' of bag_unpack() is declared %2: how Kusto "
                                        "turns a slot's value into a %2 is not documented, so "
                                        "Vigil does not run it (declare it dynamic or string "
                                        "and convert it)")
                                 .arg(decl.text, kqlTypeName(*type)),
                         decl);
                out.cell = {QStringLiteral("slot"), decl.text.mid(prefix.size())};
            }
            // A declared input column leaves the place `*` gave it for its declared one (as
            // Microsoft's analyzer orders them).
            for (qsizetype i = 0; star && i < outputs.size(); ++i) {
                if (outputs[i].cell.first == u"input"
                    && outputs[i].column.name == (source >= 0 ? rest[source].name : decl.text)) {
                    outputs.removeAt(i);
                    break;
                }
            }
            outputs.append(out);
        }
        RowSchema row;
        for (const Output &out : std::as_const(outputs)) {
            row.append(out.column);
            op.options.append(out.cell);
        }
        return share(row);
    }

    const auto found = m_options.bagColumns.constFind(op.pos.offset);
    if (found == m_options.bagColumns.constEnd()) {
        if (m_options.pivotProbe)
            throw PivotProbe{&op};
        open = true; // the columns the slots give are known when the query runs
        op.options.append({QStringLiteral("open"), QStringLiteral("true")});
        return share(rest);
    }
    takeDataColumns(op);
    unpacked = true;
    // The slots, as the data gives them (in code-point order of their names, with their types).
    // Microsoft's bag_unpack page (its examples as of October 2025; the earlier ones put such a
    // column among the slots): a slot named like an input column stays in that column's place,
    // with the slot's value (replace_source) or the column's (keep_source).
    RowBuilder row(rest);
    struct Added
    {
        QString key;
        Column column;
    };
    QList<Added> added;
    QHash<QString, Added> replaced; ///< replace_source: input column → the slot in its place
    for (const Column &slot : *found) {
        const QString name = prefix + slot.name;
        if (slot.name.isEmpty())
            fail(QStringLiteral("the column '%1' holds a bag with an empty key: Kusto's name for "
                                "its column is not documented, so Vigil does not run it")
                         .arg(column.text),
                 column);
        for (const QChar c : name) {
            if (c.category() == QChar::Other_Control)
                fail(QStringLiteral("the column '%1' holds a bag whose key has a control "
                                    "character: not a valid column name")
                             .arg(column.text),
                     column);
        }
        constexpr qsizetype maxNameLength = 1024; // Kusto's limit on an entity name
        if (name.size() > maxNameLength)
            fail(QStringLiteral("the column '%1' holds a bag with a key of %2 characters: a "
                                "column name has at most %3")
                         .arg(column.text)
                         .arg(name.size())
                         .arg(maxNameLength),
                 column);
        const qsizetype existing = row.indexOf(name);
        if (existing < 0) {
            added.append({slot.name, {name, slot.type}});
            continue;
        }
        if (conflict == u"error")
            fail(QStringLiteral("the slot '%1' of bag_unpack() is also a column of its input "
                                "(columnsConflict='error', the default; 'replace_source' or "
                                "'keep_source' choose one)")
                         .arg(name),
                 call);
        if (conflict == u"replace_source")
            replaced.insert(rest[existing].name, {slot.name, {name, slot.type}});
    }
    RowSchema out;
    for (const Column &c : rest) {
        const auto slot = replaced.constFind(c.name);
        if (slot != replaced.constEnd()) {
            out.append(slot->column);
            op.options.append({QStringLiteral("slot"), slot->key});
            continue;
        }
        out.append(c);
        op.options.append({QStringLiteral("input"), c.name});
    }
    for (const Added &a : std::as_const(added)) {
        out.append(a.column);
        op.options.append({QStringLiteral("slot"), a.key});
    }
    return share(out);
}

} // namespace Vigil::Kql
