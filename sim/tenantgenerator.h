#pragma once

#include "simtypes.h"

#include <QRandomGenerator>

namespace Vigil::Sim {

class SimTenant;
struct Incident;

/**
 * Fills a SimTenant with a realistic, seeded history: the same seed and reference time give the
 * same tenant. Runs once, inside SimTenant's constructor.
 */
class TenantGenerator
{
public:
    TenantGenerator(SimTenant &tenant, quint32 seed, Ticks now);

    void generate(int incidentCount);

    /** Portal-like attributes of a new incident created at @p created (no alerts yet). */
    static Incident makeIncident(QRandomGenerator &random, Ticks created, Ticks now);

private:
    SimTenant &m_tenant;
    QRandomGenerator m_random;
    Ticks m_now;
};

} // namespace Vigil::Sim
