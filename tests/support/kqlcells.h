#pragma once
// A result cell of the local KQL engine as the tests compare it: "null", true/false, reals to 15
// significant digits, datetimes as Kusto prints them, everything else as its text.
#include "huntingschema.h"
#include "kqltime.h"

#include <QByteArray>
#include <QVariant>

namespace Vigil::Kql {

inline QByteArray cellText(const QVariant &value, KqlType type)
{
    if (!value.isValid())
        return "null";
    switch (type) {
    case KqlType::Bool:
        return value.toBool() ? "true" : "false";
    case KqlType::Real:
        return QByteArray::number(value.toDouble(), 'g', 15);
    case KqlType::DateTime:
        return KqlTime::formatDateTime(value.toLongLong()).toUtf8();
    default:
        return value.toString().toUtf8();
    }
}

} // namespace Vigil::Kql
