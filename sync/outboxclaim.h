#pragma once

#include <QString>

#include <chrono>

namespace Vigil {

class Store;

/**
 * @brief This console's right to deliver a store's outbox: one process at a time delivers it,
 * so two consoles on one database never send the same edit twice.
 *
 * The right is a lease in the database (OutboxRepository::claimDelivery()), so that it works
 * for any console that shares the database, and a team's leader can hold it the same way. Its
 * holder is named "<host> <pid> <random>"; it is taken, and renewed, at every step of a
 * delivery and given up when the delivery run ends. A holder whose process ended (same host, the
 * process is gone) loses it at once, any other when its lease runs out. Sync thread.
 */
class OutboxClaim
{
public:
    /** lease: how long the right holds without being renewed. */
    explicit OutboxClaim(std::chrono::seconds lease);

    QString owner() const { return m_owner; }
    bool isHeld() const { return m_held; }
    /** Who held the right when take() last answered. */
    QString lastHolder() const { return m_lastHolder; }
    /** Takes or renews the right; false when another live console holds it (said at debug
     *  level) or the store could not tell (a warning). */
    bool take(Store &store);
    /** Gives the right up, when held. */
    void release(Store &store);

    /** True when holder names a process on this host that is no longer running. */
    static bool holderGone(const QString &holder);

private:
    QString m_owner;
    std::chrono::seconds m_lease;
    QString m_lastHolder;
    bool m_held = false;
};

} // namespace Vigil
