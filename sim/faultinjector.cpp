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
        {FaultKind::Reset, "reset"},
        {FaultKind::Timeout, "timeout"},
        {FaultKind::Forbidden, "forbidden"},
        {FaultKind::BadRequest, "badRequest"},
        {FaultKind::Conflict, "conflict"},
};

quint32 mix(quint32 a, quint32 b)
{
    quint64 z = (static_cast<quint64>(a) << 32 | b) + 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return static_cast<quint32>(z ^ (z >> 31));
}

/** FNV-1a: unlike qHash, the same on every machine and run. */
quint32 stableHash(const QString &text, quint32 salt)
{
    quint32 hash = 2166136261u ^ salt;
    for (const QChar c : text) {
        hash = (hash ^ c.unicode()) * 16777619u;
    }
    return hash;
}

} // namespace

std::optional<FaultRule> FaultRule::fromJson(const QJsonObject &json, QString *error)
{
    static const QStringList Known{
            QStringLiteral("kind"),   QStringLiteral("count"),      QStringLiteral("probability"),
            QStringLiteral("status"), QStringLiteral("retryAfter"), QStringLiteral("delayMs"),
            QStringLiteral("bytes"),  QStringLiteral("path"),       QStringLiteral("seed"),
            QStringLiteral("apply"),  QStringLiteral("method"),     QStringLiteral("filter"),
            QStringLiteral("quota")};
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!Known.contains(it.key())) {
            *error = QStringLiteral("Unknown fault property '%1'.").arg(it.key());
            return std::nullopt;
        }
    }
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
    rule.retryAfterSeconds = json.value(QLatin1String("retryAfter")).toInt(-1);
    rule.status = json.value(QLatin1String("status")).toInt(500);
    rule.delayMs
            = json.value(QLatin1String("delayMs")).toInt(rule.kind == FaultKind::Slow ? 2000 : 0);
    rule.bytes = json.value(QLatin1String("bytes")).toInt(-1);
    rule.path = json.value(QLatin1String("path")).toString();
    rule.method = json.value(QLatin1String("method")).toString().toUpper();
    rule.filter = json.value(QLatin1String("filter")).toString();
    rule.quota = json.value(QLatin1String("quota")).toString();
    if (!rule.quota.isEmpty() && rule.quota != QLatin1String("requests")
        && rule.quota != QLatin1String("cpu")) {
        *error = QStringLiteral("'quota' must be requests or cpu.");
        return std::nullopt;
    }
    static const QStringList Methods{QString(), QStringLiteral("GET"), QStringLiteral("POST"),
                                     QStringLiteral("PATCH"), QStringLiteral("DELETE")};
    if (!Methods.contains(rule.method)) {
        *error = QStringLiteral("'method' must be GET, POST, PATCH or DELETE.");
        return std::nullopt;
    }
    rule.apply = json.value(QLatin1String("apply")).toBool(false);
    if (json.contains(QLatin1String("seed"))) {
        const double seed = json.value(QLatin1String("seed")).toDouble(-1);
        if (seed < 0 || seed > 4294967295.0
            || seed != static_cast<double>(static_cast<qint64>(seed))) {
            *error = QStringLiteral("'seed' must be an integer between 0 and 4294967295.");
            return std::nullopt;
        }
        rule.seed = static_cast<quint32>(seed);
        rule.seedGiven = true;
    }
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
    if (json.contains(QLatin1String("retryAfter")) && rule.retryAfterSeconds < 0) {
        *error = QStringLiteral("'retryAfter' must not be negative.");
        return std::nullopt;
    }
    if (rule.delayMs < 0) {
        *error = QStringLiteral("'delayMs' must not be negative.");
        return std::nullopt;
    }
    if (rule.bytes < -1) {
        *error = QStringLiteral("'bytes' must not be negative.");
        return std::nullopt;
    }
    return rule;
}

int FaultRule::effectiveRetryAfter() const
{
    if (kind == FaultKind::Throttle)
        return retryAfterSeconds < 0 ? 5 : retryAfterSeconds;
    return retryAfterSeconds;
}

QJsonObject FaultRule::toJson() const
{
    QString name;
    for (const KindName &entry : KindNames) {
        if (entry.kind == kind)
            name = QLatin1String(entry.name);
    }
    QJsonObject json{
            {QLatin1String("id"), id},           {QLatin1String("kind"), name},
            {QLatin1String("count"), count},     {QLatin1String("probability"), probability},
            {QLatin1String("status"), status},   {QLatin1String("delayMs"), delayMs},
            {QLatin1String("path"), path},       {QLatin1String("seed"), static_cast<qint64>(seed)},
            {QLatin1String("matched"), matched}, {QLatin1String("fired"), fired}};
    if (effectiveRetryAfter() >= 0)
        json.insert(QLatin1String("retryAfter"), effectiveRetryAfter());
    if (!method.isEmpty())
        json.insert(QLatin1String("method"), method);
    if (!filter.isEmpty())
        json.insert(QLatin1String("filter"), filter);
    if (!quota.isEmpty())
        json.insert(QLatin1String("quota"), quota);
    if (kind == FaultKind::Reset)
        json.insert(QLatin1String("bytes"), bytes);
    if (kind == FaultKind::Hang || kind == FaultKind::Timeout)
        json.insert(QLatin1String("apply"), apply);
    return json;
}

FaultInjector::FaultInjector(quint32 seed)
    : m_seed(seed)
{ }

void FaultInjector::addRule(FaultRule rule)
{
    if (!rule.seedGiven) {
        rule.seed = mix(m_seed ^ 0xfa017u, stableHash(rule.path, static_cast<quint32>(rule.kind)));
    }
    rule.id = m_nextId++;
    rule.matched = 0;
    rule.fired = 0;
    m_rules.append(rule);
    m_generators.append(QRandomGenerator(rule.seed));
}

void FaultInjector::clear()
{
    m_rules.clear();
    m_generators.clear();
}

FaultDecision FaultInjector::decide(const QString &method, const QString &path,
                                    const QString &filter, bool isTokenRequest,
                                    bool expandWithFilter)
{
    FaultDecision decision;
    for (qsizetype i = 0; i < m_rules.size();) {
        FaultRule &rule = m_rules[i];
        bool applies = (rule.path.isEmpty() || path.contains(rule.path))
                       && (rule.method.isEmpty() || rule.method == method)
                       && (rule.filter.isEmpty() || filter.contains(rule.filter));
        if (rule.kind == FaultKind::ExpandWithFilter)
            applies = applies && expandWithFilter && !isTokenRequest;
        if (rule.kind == FaultKind::TokenExpiry)
            applies = applies && !isTokenRequest;
        if (!applies) {
            ++i;
            continue;
        }
        ++rule.matched;
        // Draw for every matching request, so that a rule's sequence depends only on its seed
        // and the requests it matches, not on what other rules did.
        bool fires = rule.probability >= 1.0 || m_generators[i].generateDouble() < rule.probability;
        if (fires && decision.answer && rule.kind != FaultKind::Slow
            && rule.kind != FaultKind::TokenExpiry)
            fires = false; // one answer per request; later rules wait for the next one
        if (!fires) {
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
        ++rule.fired;
        ++m_injected;
        if (rule.count > 0 && --rule.count == 0) {
            m_rules.removeAt(i);
            m_generators.removeAt(i);
        } else {
            ++i;
        }
    }
    return decision;
}

} // namespace Vigil::Sim
