#include "faultinjector.h"

namespace Vigil::Sim {

namespace {

struct KindName
{
    FaultKind kind;
    const char *name;
};

constexpr KindName KindNames[] = {
        {FaultKind::Throttle, "throttle"},
        {FaultKind::ServerError, "serverError"},
        {FaultKind::ExpandWithFilter, "expandWithFilter"},
        {FaultKind::Slow, "slow"},
        {FaultKind::Hang, "hang"},
        {FaultKind::Malformed, "malformed"},
        {FaultKind::TokenExpiry, "tokenExpiry"},
};

} // namespace

std::optional<FaultRule> FaultRule::fromJson(const QJsonObject &json, QString *error)
{
    FaultRule rule;
    const QString kind = json.value(QLatin1String("kind")).toString();
    bool known = false;
    for (const KindName &entry : KindNames) {
        if (kind == QLatin1String(entry.name)) {
            rule.kind = entry.kind;
            known = true;
        }
    }
    if (!known) {
        *error = QStringLiteral("Unknown fault kind '%1'.").arg(kind);
        return std::nullopt;
    }
    // The real service keeps failing $expand with $filter until the data changes, so that fault
    // persists by default; the others fire once unless told otherwise.
    rule.count = json.value(QLatin1String("count"))
                         .toInt(rule.kind == FaultKind::ExpandWithFilter ? -1 : 1);
    rule.probability = json.value(QLatin1String("probability")).toDouble(1.0);
    rule.retryAfterSeconds = json.value(QLatin1String("retryAfter")).toInt(5);
    rule.status = json.value(QLatin1String("status")).toInt(500);
    rule.delayMs = json.value(QLatin1String("delayMs")).toInt(2000);
    rule.path = json.value(QLatin1String("path")).toString();
    if (rule.count == 0 || rule.count < -1) {
        *error = QStringLiteral("'count' must be positive or -1.");
        return std::nullopt;
    }
    if (rule.probability < 0.0 || rule.probability > 1.0) {
        *error = QStringLiteral("'probability' must be between 0 and 1.");
        return std::nullopt;
    }
    if (rule.kind == FaultKind::ServerError && rule.status != 500 && rule.status != 502
        && rule.status != 503 && rule.status != 504) {
        *error = QStringLiteral("'status' must be 500, 502, 503 or 504.");
        return std::nullopt;
    }
    if (rule.retryAfterSeconds < 0 || rule.delayMs < 0) {
        *error = QStringLiteral("'retryAfter' and 'delayMs' must not be negative.");
        return std::nullopt;
    }
    return rule;
}

QJsonObject FaultRule::toJson() const
{
    QString name;
    for (const KindName &entry : KindNames) {
        if (entry.kind == kind)
            name = QLatin1String(entry.name);
    }
    return QJsonObject{{QLatin1String("kind"), name},
                       {QLatin1String("count"), count},
                       {QLatin1String("probability"), probability},
                       {QLatin1String("retryAfter"), retryAfterSeconds},
                       {QLatin1String("status"), status},
                       {QLatin1String("delayMs"), delayMs},
                       {QLatin1String("path"), path}};
}

FaultInjector::FaultInjector(quint32 seed)
    : m_random(seed ^ 0xfa017u)
{ }

void FaultInjector::addRule(const FaultRule &rule)
{
    m_rules.append(rule);
}

void FaultInjector::clear()
{
    m_rules.clear();
}

FaultDecision FaultInjector::decide(const QString &path, bool isTokenRequest, bool expandWithFilter)
{
    FaultDecision decision;
    for (qsizetype i = 0; i < m_rules.size();) {
        FaultRule &rule = m_rules[i];
        bool applies = rule.path.isEmpty() || path.contains(rule.path);
        if (rule.kind == FaultKind::ExpandWithFilter)
            applies = applies && expandWithFilter && !isTokenRequest;
        if (rule.kind == FaultKind::TokenExpiry)
            applies = applies && !isTokenRequest;
        if (applies && decision.answer
            && (rule.kind != FaultKind::Slow && rule.kind != FaultKind::TokenExpiry))
            applies = false; // one answer per request; later rules wait for the next one
        if (applies && rule.probability < 1.0)
            applies = m_random.generateDouble() < rule.probability;
        if (!applies) {
            ++i;
            continue;
        }
        switch (rule.kind) {
        case FaultKind::Slow:
            decision.delayMs += rule.delayMs;
            break;
        case FaultKind::TokenExpiry:
            decision.expireTokens = true;
            break;
        default:
            decision.answer = rule;
            break;
        }
        ++m_injected;
        if (rule.count > 0 && --rule.count == 0)
            m_rules.removeAt(i);
        else
            ++i;
    }
    return decision;
}

} // namespace Vigil::Sim
