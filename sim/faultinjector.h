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
    TokenExpiry
};

/** One scripted failure: what happens, how often, and to which requests. */
struct FaultRule
{
    FaultKind kind = FaultKind::Throttle;
    int count = 1; // answers left; -1 = until cleared
    double probability = 1.0;
    int retryAfterSeconds = 5; // Throttle
    int status = 500; // ServerError: 500, 502, 503 or 504
    int delayMs = 2000; // Slow
    QString path; // only requests whose path contains this; empty = all

    static std::optional<FaultRule> fromJson(const QJsonObject &json, QString *error);
    QJsonObject toJson() const;
};

/** What the injector decided for one request. */
struct FaultDecision
{
    int delayMs = 0;
    bool expireTokens = false;
    std::optional<FaultRule> answer; // Throttle, ServerError, ExpandWithFilter, Hang or Malformed
};

/**
 * Decides, request by request, which active fault rules fire. Used on the server's thread only.
 */
class FaultInjector
{
public:
    explicit FaultInjector(quint32 seed);

    void addRule(const FaultRule &rule);
    void clear();
    QList<FaultRule> rules() const { return m_rules; }

    FaultDecision decide(const QString &path, bool isTokenRequest, bool expandWithFilter);
    int injectedCount() const { return m_injected; }
    void resetCount() { m_injected = 0; }

private:
    QList<FaultRule> m_rules;
    QRandomGenerator m_random;
    int m_injected = 0;
};

} // namespace Vigil::Sim
