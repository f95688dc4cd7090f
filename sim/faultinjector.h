#pragma once

#include <QJsonObject>
#include <QList>
#include <QRandomGenerator>
#include <QString>

#include <optional>

namespace Vigil::Sim {

enum class FaultKind {
    Throttle,
    ServerError,
    ExpandWithFilter,
    Slow,
    Hang,
    Malformed,
    TokenExpiry,
    Reset, // status line, headers and part of the body, then the connection is reset
    Timeout, // accepted and never answered; freed when the client closes the connection
    Forbidden, // 403: the app lacks the permission (e.g. SecurityAlert.Read.All for alerts_v2)
    BadRequest, // 400 with Graph's body for a query the service does not take (see `filter`)
    Conflict // 409 with Graph's body: a write that collided with another change of the item
};

/** One scripted failure: what happens, how often, and to which requests. */
struct FaultRule
{
    FaultKind kind = FaultKind::Throttle;
    int count = 1; // answers left; -1 = until cleared
    double probability = 1.0;
    int retryAfterSeconds = -1; // Throttle (default 5) and ServerError (none unless given)
    int status = 500; // ServerError: 500, 502, 503 or 504
    int delayMs = 2000; // Slow (default 2000); Reset: wait before the reset (default 0)
    int bytes = -1; // Reset: body bytes sent before the reset; -1 = half the body
    bool apply = false; // Hang, Timeout: carry out the request before going silent
    QString path; // only requests whose path contains this; empty = all
    QString method; // only requests with this HTTP method (upper case); empty = all
    QString filter; // only requests whose $filter contains this text; empty = all
    QString quota; // Throttle on runHuntingQuery: "requests" (default) or "cpu"
    quint32 seed = 0; // for probability < 1; fromJson derives it from the tenant seed
    bool seedGiven = false;

    // Book-keeping, reported by toJson().
    int id = 0;
    int matched = 0; // requests the rule applied to (before probability)
    int fired = 0; // requests it answered or changed

    static std::optional<FaultRule> fromJson(const QJsonObject &json, QString *error);
    QJsonObject toJson() const;
    int effectiveRetryAfter() const;
};

/** What the injector decided for one request. */
struct FaultDecision
{
    int delayMs = 0;
    bool expireTokens = false;
    std::optional<FaultRule> answer; // every kind except Slow and TokenExpiry
};

/**
 * Decides, request by request, which active fault rules fire. A rule with probability p < 1
 * draws from its own generator, seeded from the rule's "seed" or else from the tenant seed and the
 * rule's kind and path, once per matching request, so its sequence of hits is the same on every
 * run whatever other rules do. Used on the server's thread only.
 */
class FaultInjector
{
public:
    explicit FaultInjector(quint32 seed);

    void addRule(FaultRule rule);
    void clear();
    QList<FaultRule> rules() const { return m_rules; }

    FaultDecision decide(const QString &method, const QString &path, const QString &filter,
                         bool isTokenRequest, bool expandWithFilter);
    int injectedCount() const { return m_injected; }
    void resetCount() { m_injected = 0; }

private:
    QList<FaultRule> m_rules;
    QList<QRandomGenerator> m_generators; // parallel to m_rules
    quint32 m_seed;
    int m_nextId = 1;
    int m_injected = 0;
};

} // namespace Vigil::Sim
