#pragma once

#include "simtypes.h"

namespace Vigil::Sim {

class HuntingData;
class SimTenant;

/**
 * Writes the demo tenant's advanced-hunting events: Defender-schema rows for the device,
 * email and identity tables over the last seven days, consistent with the tenant's incidents
 * (the devices, users, file hashes, processes, IPs and URLs of each incident's alert evidence
 * show up in events from an hour and a half before its first alert to after its last) plus
 * background activity on other devices. The same tenant, seed and reference time give the same
 * rows. Used once, on the SimServer's thread.
 */
class DemoEventGenerator
{
public:
    DemoEventGenerator(const SimTenant &tenant, quint32 seed, Ticks now);

    /** Fills data with events from now - 7 days up to horizon (>= now: rows Defender will
     *  receive later, for a tenant whose clock runs on). */
    void generate(HuntingData &data, Ticks horizon);

private:
    const SimTenant &m_tenant;
    quint32 m_seed;
    Ticks m_now;
};

} // namespace Vigil::Sim
