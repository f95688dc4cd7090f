#pragma once

#include "simtypes.h"

#include <span>

namespace Vigil::Sim {

enum class EvidenceKind : quint8 {
    Device,
    User,
    Mailbox,
    File,
    Process,
    Ip,
    Url,
    RegistryKey,
    RegistryValue,
    AnalyzedMessage,
    CloudApplication,
    MailCluster,
    OauthApplication,
    SecurityGroup,
    KubernetesPod, // newer than the v1.0 reference: clients must tolerate unknown types
    AiAgent
};

constexpr quint32 evidenceBit(EvidenceKind kind)
{
    return 1u << static_cast<quint32>(kind);
}

/** What one kind of alert looks like when a Defender product raises it. */
struct AlertTemplate
{
    ServiceSource serviceSource;
    DetectionSource detectionSource;
    const char *title; // UTF-8
    const char *category;
    const char *mitreTechniques; // comma-separated
    const char *description;
    const char *recommendedActions;
    quint32 evidence; // evidenceBit() mask
    const char *actorDisplayName; // may be nullptr
    const char *threatFamilyName; // may be nullptr
};

struct UserIdentity
{
    const char *displayName; // UTF-8
    const char *accountName;
    const char *userPrincipalName;
};

/** The fixed vocabulary the generator draws from: alert kinds, people, machines, names. */
class Catalogue
{
public:
    static std::span<const AlertTemplate> alertTemplates();
    static std::span<const UserIdentity> users();
    static int deviceCount();
    static QString deviceName(int index); // e.g. FIN-LT-0042
    static QStringList owners(); // analysts' UPNs, mixed case as people type them
    static std::span<const char *const> incidentTitles(); // UTF-8, %1 = device, %2 = user
    static std::span<const char *const> customTags();
    static std::span<const char *const> systemTags();
    static std::span<const char *const> commentTexts();
};

} // namespace Vigil::Sim
