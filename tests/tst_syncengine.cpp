#include "syncdecisions.h"

#include <QJsonDocument>
#include <QTest>

using namespace Vigil;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(std::optional<Vigil::Error>)

namespace {

const QDateTime kEditTime(QDate(2024, 5, 1), QTime(10, 0), Qt::UTC);
const QString kKai = QStringLiteral("kai@contoso.com");
const QString kLee = QStringLiteral("lee@contoso.com");

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

Incident incident(const char *status, const char *owner = "", const char *classification = "",
                  const char *determination = "", const QStringList &tags = {})
{
    Incident result;
    result.providerIncidentId = QStringLiteral("2972395");
    result.title = QStringLiteral("Multi-stage incident on one endpoint");
    result.severity = QStringLiteral("medium");
    result.status = s(status);
    result.assignedTo = s(owner);
    result.classification = s(classification);
    result.determination = s(determination);
    result.customTags = tags;
    result.lastUpdateTime = kEditTime.addSecs(-3600);
    return result;
}

Incident remoteAt(Incident remote, const QDateTime &lastUpdate)
{
    remote.lastUpdateTime = lastUpdate;
    return remote;
}

TriageEdit editAt(const QDateTime &time = kEditTime)
{
    TriageEdit edit;
    edit.editTime = time;
    edit.analyst = kKai;
    return edit;
}

TriageEdit statusEdit(VigilStatus status)
{
    TriageEdit edit = editAt();
    edit.status = status;
    return edit;
}

TriageEdit closeEdit(VigilClassification classification, ClosingReason reason,
                     const char *determination = "")
{
    TriageEdit edit = statusEdit(VigilStatus::Closed);
    edit.classification = ClassificationChoice{classification, reason, s(determination)};
    return edit;
}

TriageEdit classifyEdit(VigilClassification classification, ClosingReason reason,
                        const char *determination = "")
{
    TriageEdit edit = editAt();
    edit.classification = ClassificationChoice{classification, reason, s(determination)};
    return edit;
}

TriageEdit ownerEdit(const QString &owner)
{
    TriageEdit edit = editAt();
    edit.owner = owner;
    return edit;
}

TriageEdit tagEdit(const QStringList &add, const QStringList &remove = {})
{
    TriageEdit edit = editAt();
    edit.tagsToAdd = add;
    edit.tagsToRemove = remove;
    return edit;
}

TriageEdit commentEdit(const QString &text)
{
    TriageEdit edit = editAt();
    edit.comment = text;
    return edit;
}

FieldValue text(const char *value)
{
    return FieldValue{s(value), {}, {}};
}

FieldValue pair(const char *classification, const char *determination)
{
    return FieldValue{s(classification), s(determination), {}};
}

FieldValue tags(const QStringList &list)
{
    return FieldValue{{}, {}, list};
}

OutboxEdit row(IncidentField field, const FieldValue &base, const FieldValue &local)
{
    return OutboxEdit{field, base, local, kEditTime};
}

/** "status: active -> inProgress", the way an activity log line reads. */
QString describe(const ActivityEntry &entry)
{
    const auto value = [&](const FieldValue &v) -> QString {
        if (entry.field == IncidentField::Tags)
            return QLatin1Char('[') + v.tags.join(QLatin1Char(',')) + QLatin1Char(']');
        if (entry.field == IncidentField::Classification)
            return v.text + QLatin1Char('/') + v.determination;
        return v.text;
    };
    return fieldName(entry.field) + QStringLiteral(": ") + value(entry.oldValue)
           + QStringLiteral(" -> ") + value(entry.newValue);
}

Error httpError(Error::Kind kind, int status, const char *message = "",
                std::optional<std::chrono::seconds> retryAfter = std::nullopt)
{
    Error error;
    error.kind = kind;
    error.httpStatus = status;
    error.message = s(message);
    error.retryAfter = retryAfter;
    return error;
}

} // namespace

namespace Vigil {

// Readable QCOMPARE failures for the engine's values (found by argument-dependent lookup).
char *toString(const FieldValue &value)
{
    QString text = QLatin1Char('"') + value.text + QLatin1Char('"');
    if (!value.determination.isEmpty())
        text += QLatin1Char('/') + value.determination;
    if (!value.tags.isEmpty())
        text += QStringLiteral(" [") + value.tags.join(QLatin1Char(',')) + QLatin1Char(']');
    return QTest::toString(text);
}

char *toString(const OutboxEdit &edit)
{
    return QTest::toString(
            fieldName(edit.field) + QStringLiteral(": ")
            + QString::fromUtf8(QScopedArrayPointer<char>(toString(edit.base)).data())
            + QStringLiteral(" -> ")
            + QString::fromUtf8(QScopedArrayPointer<char>(toString(edit.local)).data())
            + QStringLiteral(" at ") + edit.editTime.toString(Qt::ISODate));
}

} // namespace Vigil

/** The decisions of two-way sync: vocabulary mapping, validation, outbox, conflicts, answers. */
class TestSyncEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statusMapping_data();
    void statusMapping();
    void classificationMapping_data();
    void classificationMapping();
    void offeredDeterminations();
    void validationRefuses_data();
    void validationRefuses();
    void validationAccepts_data();
    void validationAccepts();
    void applyLocally_data();
    void applyLocally();
    void applyLocallyRemembersBases();
    void patchBody_data();
    void patchBody();
    void commentBody();
    void conflicts_data();
    void conflicts();
    void conflictEntries();
    void applyMineAgain_data();
    void applyMineAgain();
    void onlyConflictsCanBeReapplied();
    void remoteActivity_data();
    void remoteActivity();
    void localActivityMirrorsTheEdit();
    void revert_data();
    void revert();
    void delivery_data();
    void delivery();
    void backoffJitterStaysWithinAQuarter();
    void fieldNamesRoundTrip();
};

void TestSyncEngine::statusMapping_data()
{
    QTest::addColumn<VigilStatus>("vigil");
    QTest::addColumn<QString>("graph");

    QTest::newRow("New -> active") << VigilStatus::New << s("active");
    QTest::newRow("Active -> inProgress") << VigilStatus::Active << s("inProgress");
    QTest::newRow("Closed -> resolved") << VigilStatus::Closed << s("resolved");
    QTest::newRow("Unknown is never written") << VigilStatus::Unknown << QString();
}

void TestSyncEngine::statusMapping()
{
    QFETCH(VigilStatus, vigil);
    QFETCH(QString, graph);
    QCOMPARE(graphStatusFor(vigil), graph);
    QVERIFY(graphStatusFor(vigil) != QLatin1String("awaitingAction"));
    QVERIFY(graphStatusFor(vigil) != QLatin1String("redirected"));
    if (!graph.isEmpty()) {
        // The way back shows the analyst the status they set.
        QCOMPARE(vigilStatus(graph), vigil);
        // The PATCH an analyst's status change sends.
        const AppliedEdit applied = Vigil::applyLocally(
                incident(vigil == VigilStatus::New ? "resolved" : "active"), statusEdit(vigil));
        QCOMPARE(graphPatchBody(applied.changes).value(QLatin1String("status")).toString(), graph);
    }
}

void TestSyncEngine::classificationMapping_data()
{
    QTest::addColumn<ClassificationChoice>("choice");
    QTest::addColumn<QString>("classification");
    QTest::addColumn<QString>("determination");
    QTest::addColumn<ClosingReason>("shownReason");

    using C = VigilClassification;
    using R = ClosingReason;
    const auto add = [](const char *name, C c, R r, const char *det, const char *gc, const char *gd,
                        R shown) {
        QTest::newRow(name) << ClassificationChoice{c, r, s(det)} << s(gc) << s(gd) << shown;
    };
    add("TP suspicious activity, default determination", C::TruePositive, R::SuspiciousActivity, "",
        "truePositive", "other", R::SuspiciousActivity);
    add("TP without reason takes its only reason", C::TruePositive, R::None, "", "truePositive",
        "other", R::SuspiciousActivity);
    for (const char *det : {"multiStagedAttack", "maliciousUserActivity", "compromisedAccount",
                            "malware", "phishing", "unwantedSoftware", "other"}) {
        add(qPrintable(QStringLiteral("TP + ") + s(det)), C::TruePositive, R::SuspiciousActivity,
            det, "truePositive", det, R::SuspiciousActivity);
    }
    add("TP + doc alias compromisedUser", C::TruePositive, R::SuspiciousActivity, "compromisedUser",
        "truePositive", "compromisedAccount", R::SuspiciousActivity);
    add("TP + PascalCase Malware", C::TruePositive, R::SuspiciousActivity, "Malware",
        "truePositive", "malware", R::SuspiciousActivity);
    add("BP suspicious but expected, default determination", C::BenignPositive,
        R::SuspiciousButExpected, "", "informationalExpectedActivity", "other",
        R::SuspiciousButExpected);
    for (const char *det :
         {"securityTesting", "lineOfBusinessApplication", "confirmedActivity", "other"}) {
        add(qPrintable(QStringLiteral("BP + ") + s(det)), C::BenignPositive,
            R::SuspiciousButExpected, det, "informationalExpectedActivity", det,
            R::SuspiciousButExpected);
    }
    add("BP + doc alias confirmedUserActivity", C::BenignPositive, R::SuspiciousButExpected,
        "confirmedUserActivity", "informationalExpectedActivity", "confirmedActivity",
        R::SuspiciousButExpected);
    add("FP incorrect alert logic", C::FalsePositive, R::IncorrectAlertLogic, "", "falsePositive",
        "notMalicious", R::IncorrectAlertLogic);
    add("FP inaccurate data", C::FalsePositive, R::InaccurateData, "", "falsePositive",
        "notEnoughDataToValidate", R::InaccurateData);
    add("FP incorrect alert logic + matching clean", C::FalsePositive, R::IncorrectAlertLogic,
        "clean", "falsePositive", "notMalicious", R::IncorrectAlertLogic);
    add("FP by determination clean", C::FalsePositive, R::None, "clean", "falsePositive",
        "notMalicious", R::IncorrectAlertLogic);
    add("FP by determination insufficientData", C::FalsePositive, R::None, "insufficientData",
        "falsePositive", "notEnoughDataToValidate", R::InaccurateData);
    add("FP other, no reason", C::FalsePositive, R::None, "other", "falsePositive", "other",
        R::None);
    add("Undetermined", C::Undetermined, R::None, "", "unknown", "unknown", R::None);
    add("Undetermined + explicit unknown", C::Undetermined, R::None, "unknown", "unknown",
        "unknown", R::None);
}

void TestSyncEngine::classificationMapping()
{
    QFETCH(ClassificationChoice, choice);
    QFETCH(QString, classification);
    QFETCH(QString, determination);
    QFETCH(ClosingReason, shownReason);

    const Result<GraphClassification> mapped = graphClassificationFor(choice);
    QVERIFY2(mapped.ok(), qPrintable(mapped.ok() ? QString() : mapped.error().message));
    QCOMPARE(mapped->classification, classification);
    QCOMPARE(mapped->determination, determination);

    // What the queue shows after the server echoes the pair back.
    const ClassificationChoice shown = classificationChoiceFor(classification, determination);
    QCOMPARE(shown.classification, choice.classification);
    QCOMPARE(shown.reason, shownReason);
    QCOMPARE(classificationReasonLabel(classification, determination),
             closingReasonLabel(shownReason));
}

void TestSyncEngine::offeredDeterminations()
{
    // The close dialog offers exactly the reference's pairing, never the deprecated values.
    QCOMPARE(determinationsFor(VigilClassification::TruePositive),
             QStringList({s("multiStagedAttack"), s("maliciousUserActivity"),
                          s("compromisedAccount"), s("malware"), s("phishing"),
                          s("unwantedSoftware"), s("other")}));
    QCOMPARE(determinationsFor(VigilClassification::BenignPositive),
             QStringList({s("securityTesting"), s("lineOfBusinessApplication"),
                          s("confirmedActivity"), s("other")}));
    QCOMPARE(determinationsFor(VigilClassification::FalsePositive),
             QStringList({s("notMalicious"), s("notEnoughDataToValidate"), s("other")}));
    QVERIFY(determinationsFor(VigilClassification::Undetermined).isEmpty());
    QCOMPARE(closingReasonsFor(VigilClassification::FalsePositive),
             QList<ClosingReason>(
                     {ClosingReason::IncorrectAlertLogic, ClosingReason::InaccurateData}));
    QCOMPARE(closingReasonsFor(VigilClassification::TruePositive),
             QList<ClosingReason>({ClosingReason::SuspiciousActivity}));
    QCOMPARE(closingReasonsFor(VigilClassification::BenignPositive),
             QList<ClosingReason>({ClosingReason::SuspiciousButExpected}));
    QVERIFY(closingReasonsFor(VigilClassification::Undetermined).isEmpty());
}

void TestSyncEngine::validationRefuses_data()
{
    QTest::addColumn<Incident>("current");
    QTest::addColumn<TriageEdit>("edit");
    QTest::addColumn<QString>("message");

    using C = VigilClassification;
    using R = ClosingReason;
    const Incident open = incident("active");
    Incident merged = incident("redirected");
    merged.redirectIncidentId = QStringLiteral("2972400");

    QTest::newRow("nothing to change") << open << editAt() << s("Nothing to change");
    TriageEdit undated = statusEdit(VigilStatus::Active);
    undated.editTime = {};
    QTest::newRow("no edit time") << open << undated << s("no time");
    QTest::newRow("merged incident") << merged << statusEdit(VigilStatus::Active)
                                     << s("merged into incident 2972400; edit that incident");
    QTest::newRow("status unknown") << open << statusEdit(VigilStatus::Unknown)
                                    << s("Choose a status: New, Active or Closed");
    QTest::newRow("close without classification")
            << open << statusEdit(VigilStatus::Closed)
            << s("Choose a classification to close this incident");
    QTest::newRow("close when Graph says unknown")
            << incident("active", "", "unknown", "unknown") << statusEdit(VigilStatus::Closed)
            << s("Choose a classification to close this incident");
    QTest::newRow("classification none")
            << open << closeEdit(C::None, R::None) << s("Choose a classification: True positive");
    QTest::newRow("classification unknown") << open << closeEdit(C::Unknown, R::None)
                                            << s("Choose a classification: True positive");
    QTest::newRow("TP with FP reason")
            << open << closeEdit(C::TruePositive, R::IncorrectAlertLogic)
            << s("\"Incorrect alert logic\" is not a reason for True positive; choose "
                 "Suspicious activity");
    QTest::newRow("BP with TP reason")
            << open << closeEdit(C::BenignPositive, R::SuspiciousActivity)
            << s("is not a reason for Benign positive; choose Suspicious but expected");
    QTest::newRow("FP with BP reason")
            << open << closeEdit(C::FalsePositive, R::SuspiciousButExpected)
            << s("choose Incorrect alert logic or Inaccurate data");
    QTest::newRow("Undetermined with a reason")
            << open << closeEdit(C::Undetermined, R::SuspiciousActivity)
            << s("Undetermined takes no reason");
    QTest::newRow("FP without reason or determination")
            << open << closeEdit(C::FalsePositive, R::None)
            << s("Choose why it is a false positive: Incorrect alert logic or Inaccurate data");
    QTest::newRow("FP incorrect logic with not enough data")
            << open
            << closeEdit(C::FalsePositive, R::IncorrectAlertLogic, "notEnoughDataToValidate")
            << s("\"Incorrect alert logic\" means the determination \"Not malicious\"");
    QTest::newRow("FP inaccurate data with clean")
            << open << closeEdit(C::FalsePositive, R::InaccurateData, "clean")
            << s("\"Inaccurate data\" means the determination \"Not enough data to validate\"");
    QTest::newRow("FP inaccurate data with other")
            << open << closeEdit(C::FalsePositive, R::InaccurateData, "other")
            << s("so that they agree");
    QTest::newRow("apt deprecated")
            << open << closeEdit(C::TruePositive, R::SuspiciousActivity, "apt")
            << s("Microsoft no longer accepts the determination \"APT\"; choose one of: "
                 "Multi-staged attack");
    QTest::newRow("securityPersonnel deprecated")
            << open << closeEdit(C::BenignPositive, R::SuspiciousButExpected, "securityPersonnel")
            << s("no longer accepts the determination \"Security personnel\"; choose one of: "
                 "Security testing");
    QTest::newRow("SecurityPersonnel in any casing")
            << open << classifyEdit(C::BenignPositive, R::None, "SECURITYPERSONNEL")
            << s("no longer accepts");
    QTest::newRow("made-up determination")
            << open << closeEdit(C::TruePositive, R::SuspiciousActivity, "ransomware")
            << s("\"ransomware\" is not a determination Microsoft Defender knows");
    QTest::newRow("TP with not malicious")
            << open << closeEdit(C::TruePositive, R::SuspiciousActivity, "notMalicious")
            << s("\"Not malicious\" does not go with True positive; choose one of: "
                 "Multi-staged attack, Malicious user activity, Compromised account, Malware, "
                 "Phishing, Unwanted software, Other");
    QTest::newRow("BP with malware")
            << open << closeEdit(C::BenignPositive, R::SuspiciousButExpected, "malware")
            << s("\"Malware\" does not go with Benign positive; choose one of: Security "
                 "testing, Line-of-business application, Confirmed activity, Other");
    QTest::newRow("FP with phishing") << open << closeEdit(C::FalsePositive, R::None, "phishing")
                                      << s("\"Phishing\" does not go with False positive");
    QTest::newRow("Undetermined with malware")
            << open << closeEdit(C::Undetermined, R::None, "malware")
            << s("Undetermined takes no determination");
    QTest::newRow("owner without domain")
            << open << ownerEdit(s("kai")) << s("\"kai\" is not a user principal name");
    QTest::newRow("owner without dot in domain")
            << open << ownerEdit(s("kai@contoso")) << s("enter it as name@domain");
    QTest::newRow("owner with a space")
            << open << ownerEdit(s("kai c@contoso.com")) << s("not a user principal name");
    QTest::newRow("owner without name")
            << open << ownerEdit(s("@contoso.com")) << s("not a user principal name");
    QTest::newRow("owner with two @")
            << open << ownerEdit(s("kai@lee@contoso.com")) << s("not a user principal name");
    QTest::newRow("owner that is a display name")
            << open << ownerEdit(s("Kai Carter")) << s("not a user principal name");
    QTest::newRow("empty tag added") << open << tagEdit({QString()}) << s("A tag cannot be empty");
    QTest::newRow("blank tag removed")
            << open << tagEdit({}, {s("   ")}) << s("A tag cannot be empty");
    QTest::newRow("tag added and removed") << open << tagEdit({s("phish")}, {s("phish")})
                                           << s("\"phish\" is both added and removed");
    QTest::newRow("blank comment") << open << commentEdit(s(" \n ")) << s("The comment is empty");
}

void TestSyncEngine::validationRefuses()
{
    QFETCH(Incident, current);
    QFETCH(TriageEdit, edit);
    QFETCH(QString, message);

    const Result<void> result = validateEdit(current, edit);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Config);
    QVERIFY2(result.error().message.contains(message), qPrintable(result.error().message));
}

void TestSyncEngine::validationAccepts_data()
{
    QTest::addColumn<Incident>("current");
    QTest::addColumn<TriageEdit>("edit");

    using C = VigilClassification;
    using R = ClosingReason;
    const Incident open = incident("active");
    QTest::newRow("close an already classified incident")
            << incident("inProgress", "", "truePositive", "malware")
            << statusEdit(VigilStatus::Closed);
    QTest::newRow("close as Undetermined") << open << closeEdit(C::Undetermined, R::None);
    QTest::newRow("close as FP incorrect alert logic")
            << open << closeEdit(C::FalsePositive, R::IncorrectAlertLogic);
    QTest::newRow("classify without closing")
            << open << classifyEdit(C::TruePositive, R::None, "phishing");
    QTest::newRow("reopen") << incident("resolved", "", "truePositive", "other")
                            << statusEdit(VigilStatus::New);
    QTest::newRow("assign") << open << ownerEdit(kKai);
    QTest::newRow("assign a guest UPN")
            << open << ownerEdit(s("kai_fabrikam.com#EXT#@contoso.onmicrosoft.com"));
    QTest::newRow("unassign") << incident("active", "kai@contoso.com") << ownerEdit(QString());
    QTest::newRow("tags") << open << tagEdit({s("phish"), s("vip")}, {s("old")});
    QTest::newRow("comment") << open << commentEdit(s("Isolated the device."));
}

void TestSyncEngine::validationAccepts()
{
    QFETCH(Incident, current);
    QFETCH(TriageEdit, edit);
    const Result<void> result = validateEdit(current, edit);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
}

void TestSyncEngine::applyLocally_data()
{
    QTest::addColumn<Incident>("current");
    QTest::addColumn<TriageEdit>("edit");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("owner");
    QTest::addColumn<QString>("classification");
    QTest::addColumn<QString>("determination");
    QTest::addColumn<QStringList>("customTags");
    QTest::addColumn<QStringList>("changedFields");

    using C = VigilClassification;
    using R = ClosingReason;
    const QStringList existing = {s("existing")};
    const Incident open = incident("active", "", "", "", existing);

    QTest::newRow("close as FP incorrect alert logic")
            << open << closeEdit(C::FalsePositive, R::IncorrectAlertLogic) << s("resolved")
            << QString() << s("falsePositive") << s("notMalicious") << existing
            << QStringList({s("status"), s("classification")});
    QTest::newRow("close as TP malware")
            << open << closeEdit(C::TruePositive, R::SuspiciousActivity, "malware") << s("resolved")
            << QString() << s("truePositive") << s("malware") << existing
            << QStringList({s("status"), s("classification")});
    QTest::newRow("Active keeps awaiting action")
            << incident("awaitingAction") << statusEdit(VigilStatus::Active) << s("awaitingAction")
            << QString() << QString() << QString() << QStringList() << QStringList();
    QTest::newRow("Active on New")
            << open << statusEdit(VigilStatus::Active) << s("inProgress") << QString() << QString()
            << QString() << existing << QStringList({s("status")});
    QTest::newRow("New on New is no change")
            << open << statusEdit(VigilStatus::New) << s("active") << QString() << QString()
            << QString() << existing << QStringList();
    QTest::newRow("assign to me") << open << ownerEdit(kKai) << s("active") << kKai << QString()
                                  << QString() << existing << QStringList({s("assignedTo")});
    QTest::newRow("same owner in other casing")
            << incident("active", "Kai@Contoso.com") << ownerEdit(kKai) << s("active")
            << s("Kai@Contoso.com") << QString() << QString() << QStringList() << QStringList();
    QTest::newRow("unassign") << incident("active", "kai@contoso.com") << ownerEdit(QString())
                              << s("active") << QString() << QString() << QString() << QStringList()
                              << QStringList({s("assignedTo")});
    QTest::newRow("add tag keeps existing")
            << open << tagEdit({s("phish")}) << s("active") << QString() << QString() << QString()
            << QStringList({s("existing"), s("phish")}) << QStringList({s("customTags")});
    QTest::newRow("add a tag it has")
            << open << tagEdit({s("existing")}) << s("active") << QString() << QString()
            << QString() << existing << QStringList();
    QTest::newRow("remove and add")
            << incident("active", "", "", "", {s("a"), s("b")}) << tagEdit({s("c")}, {s("a")})
            << s("active") << QString() << QString() << QString() << QStringList({s("b"), s("c")})
            << QStringList({s("customTags")});
    QTest::newRow("comment") << open << commentEdit(s("Isolated the device.")) << s("active")
                             << QString() << QString() << QString() << existing
                             << QStringList({s("comments")});
}

void TestSyncEngine::applyLocally()
{
    QFETCH(Incident, current);
    QFETCH(TriageEdit, edit);
    QFETCH(QString, status);
    QFETCH(QString, owner);
    QFETCH(QString, classification);
    QFETCH(QString, determination);
    QFETCH(QStringList, customTags);
    QFETCH(QStringList, changedFields);

    QVERIFY(validateEdit(current, edit).ok());
    const AppliedEdit applied = Vigil::applyLocally(current, edit);
    QCOMPARE(applied.incident.status, status);
    QCOMPARE(applied.incident.assignedTo, owner);
    QCOMPARE(applied.incident.classification, classification);
    QCOMPARE(applied.incident.determination, determination);
    QCOMPARE(applied.incident.customTags, customTags);
    QStringList fields;
    for (const OutboxEdit &change : applied.changes) {
        fields.append(fieldName(change.field));
        QCOMPARE(change.editTime, edit.editTime);
    }
    QCOMPARE(fields, changedFields);
    // The queue marks the incident pending exactly when something waits to be sent.
    QCOMPARE(applied.incident.syncState,
             changedFields.isEmpty() ? SyncState::Synced : SyncState::Pending);
    if (changedFields.isEmpty())
        QCOMPARE(applied.incident, current);
}

void TestSyncEngine::applyLocallyRemembersBases()
{
    const Incident current
            = incident("inProgress", "lee@contoso.com", "unknown", "unknown", {s("vip")});
    TriageEdit edit = closeEdit(VigilClassification::BenignPositive,
                                ClosingReason::SuspiciousButExpected, "securityTesting");
    edit.owner = kKai;
    edit.tagsToAdd = {s("pentest")};
    edit.comment = s("Red team exercise.");

    const AppliedEdit applied = Vigil::applyLocally(current, edit);
    QCOMPARE(applied.changes.size(), 5);
    QCOMPARE(applied.changes.at(0),
             row(IncidentField::Status, text("inProgress"), text("resolved")));
    QCOMPARE(applied.changes.at(1),
             row(IncidentField::Owner, text("lee@contoso.com"), text("kai@contoso.com")));
    QCOMPARE(applied.changes.at(2), row(IncidentField::Classification, pair("unknown", "unknown"),
                                        pair("informationalExpectedActivity", "securityTesting")));
    QCOMPARE(applied.changes.at(3),
             row(IncidentField::Tags, tags({s("vip")}), tags({s("vip"), s("pentest")})));
    QCOMPARE(applied.changes.at(4), row(IncidentField::Comment, {}, text("Red team exercise.")));
    // The pending comment shows at once, by the analyst, at the edit time.
    QCOMPARE(applied.incident.comments.size(), 1);
    QCOMPARE(applied.incident.comments.constLast(),
             (Comment{s("Red team exercise."), kKai, kEditTime}));
}

void TestSyncEngine::patchBody_data()
{
    QTest::addColumn<Incident>("current");
    QTest::addColumn<TriageEdit>("edit");
    QTest::addColumn<QByteArray>("json"); // single-quoted

    using C = VigilClassification;
    using R = ClosingReason;
    const Incident open = incident("active", "", "", "", {s("existing")});
    QTest::newRow("close FP incorrect alert logic")
            << open << closeEdit(C::FalsePositive, R::IncorrectAlertLogic)
            << QByteArray("{'status':'resolved','classification':'falsePositive',"
                          "'determination':'notMalicious'}");
    QTest::newRow("close FP inaccurate data")
            << open << closeEdit(C::FalsePositive, R::InaccurateData)
            << QByteArray("{'status':'resolved','classification':'falsePositive',"
                          "'determination':'notEnoughDataToValidate'}");
    QTest::newRow("close TP multi-staged attack")
            << open << closeEdit(C::TruePositive, R::SuspiciousActivity, "multiStagedAttack")
            << QByteArray("{'status':'resolved','classification':'truePositive',"
                          "'determination':'multiStagedAttack'}");
    QTest::newRow("close BP")
            << open << closeEdit(C::BenignPositive, R::SuspiciousButExpected)
            << QByteArray("{'status':'resolved','classification':"
                          "'informationalExpectedActivity','determination':'other'}");
    QTest::newRow("close Undetermined")
            << open << closeEdit(C::Undetermined, R::None)
            << QByteArray("{'status':'resolved','classification':'unknown',"
                          "'determination':'unknown'}");
    QTest::newRow("doc alias sent as SDK value")
            << open << closeEdit(C::TruePositive, R::None, "compromisedUser")
            << QByteArray("{'status':'resolved','classification':'truePositive',"
                          "'determination':'compromisedAccount'}");
    QTest::newRow("set Active") << open << statusEdit(VigilStatus::Active)
                                << QByteArray("{'status':'inProgress'}");
    QTest::newRow("reopen as New")
            << incident("resolved", "", "truePositive", "other") << statusEdit(VigilStatus::New)
            << QByteArray("{'status':'active'}");
    QTest::newRow("assign") << open << ownerEdit(kKai)
                            << QByteArray("{'assignedTo':'kai@contoso.com'}");
    QTest::newRow("unassign sends null")
            << incident("active", "kai@contoso.com") << ownerEdit(QString())
            << QByteArray("{'assignedTo':null}");
    QTest::newRow("tags sent whole") << open << tagEdit({s("phish"), s("vip")})
                                     << QByteArray("{'customTags':['existing','phish','vip']}");
    QTest::newRow("last tag removed sends empty list")
            << open << tagEdit({}, {s("existing")}) << QByteArray("{'customTags':[]}");
    QTest::newRow("comment is not a PATCH")
            << open << commentEdit(s("Looked at it.")) << QByteArray("{}");
    QTest::newRow("no change sends nothing")
            << incident("awaitingAction") << statusEdit(VigilStatus::Active) << QByteArray("{}");
}

void TestSyncEngine::patchBody()
{
    QFETCH(Incident, current);
    QFETCH(TriageEdit, edit);
    QFETCH(QByteArray, json);

    QVERIFY(validateEdit(current, edit).ok());
    const QJsonObject body = graphPatchBody(Vigil::applyLocally(current, edit).changes);
    // The table writes JSON with single quotes to stay readable.
    QCOMPARE(body, QJsonDocument::fromJson(QByteArray(json).replace('\'', '"')).object());
}

void TestSyncEngine::commentBody()
{
    const AppliedEdit applied
            = Vigil::applyLocally(incident("active"), commentEdit(s("Isolated \"WS-042\".")));
    QCOMPARE(applied.changes.size(), 1);
    QCOMPARE(QJsonDocument(graphCommentBody(applied.changes.constFirst().local.text))
                     .toJson(QJsonDocument::Compact),
             QByteArray("{\"@odata.type\":\"microsoft.graph.security.alertComment\","
                        "\"comment\":\"Isolated \\\"WS-042\\\".\"}"));
}

void TestSyncEngine::conflicts_data()
{
    QTest::addColumn<OutboxEdit>("edit");
    QTest::addColumn<Incident>("remote");
    QTest::addColumn<ConflictOutcome>("outcome");
    QTest::addColumn<FieldValue>("send");

    const QDateTime before = kEditTime.addSecs(-60);
    const QDateTime after = kEditTime.addSecs(60);
    const auto status = [](const char *base, const char *local) {
        return row(IncidentField::Status, text(base), text(local));
    };
    const auto owner = [](const char *base, const char *local) {
        return row(IncidentField::Owner, text(base), text(local));
    };
    const auto classification = [](const FieldValue &base, const FieldValue &local) {
        return row(IncidentField::Classification, base, local);
    };
    const auto tagRow = [](const QStringList &base, const QStringList &local) {
        return row(IncidentField::Tags, tags(base), tags(local));
    };
    const auto withTags = [](const QStringList &list, const QDateTime &time) {
        return remoteAt(incident("active", "", "", "", list), time);
    };
    using O = ConflictOutcome;

    QTest::newRow("status: portal untouched")
            << status("active", "resolved") << remoteAt(incident("active"), after) << O::NoConflict
            << text("resolved");
    QTest::newRow("status: portal made the same change")
            << status("active", "resolved") << remoteAt(incident("resolved"), after)
            << O::AlreadyConverged << FieldValue();
    QTest::newRow("status: same change in other casing")
            << status("active", "inProgress") << remoteAt(incident("InProgress"), after)
            << O::AlreadyConverged << FieldValue();
    QTest::newRow("status: edit later than portal")
            << status("active", "resolved") << remoteAt(incident("inProgress"), before)
            << O::LocalWins << text("resolved");
    QTest::newRow("status: portal later than edit")
            << status("active", "resolved") << remoteAt(incident("inProgress"), after)
            << O::RemoteWins << FieldValue();
    QTest::newRow("status: equal times, edit wins")
            << status("active", "resolved") << remoteAt(incident("inProgress"), kEditTime)
            << O::LocalWins << text("resolved");
    QTest::newRow("status: portal time missing, edit wins")
            << status("active", "resolved") << remoteAt(incident("inProgress"), QDateTime())
            << O::LocalWins << text("resolved");
    QTest::newRow("status: merged in the portal before the edit")
            << status("active", "resolved") << remoteAt(incident("redirected"), before)
            << O::RemoteWins << FieldValue();
    QTest::newRow("tags: merged in the portal")
            << tagRow({s("a")}, {s("a"), s("mine")})
            << remoteAt(incident("redirected", "", "", "", {s("a")}), before) << O::RemoteWins
            << FieldValue();
    QTest::newRow("owner: same UPN other casing is converged")
            << owner("", "Kai@Contoso.com")
            << remoteAt(incident("active", "kai@contoso.com"), after) << O::AlreadyConverged
            << FieldValue();
    QTest::newRow("owner: base in other casing is no portal change")
            << owner("kai@contoso.com", "lee@contoso.com")
            << remoteAt(incident("active", "KAI@CONTOSO.COM"), after) << O::NoConflict
            << text("lee@contoso.com");
    QTest::newRow("owner: portal assigned someone else later")
            << owner("", "kai@contoso.com")
            << remoteAt(incident("active", "sam@contoso.com"), after) << O::RemoteWins
            << FieldValue();
    QTest::newRow("owner: portal unassigned earlier, assign wins")
            << owner("sam@contoso.com", "kai@contoso.com") << remoteAt(incident("active"), before)
            << O::LocalWins << text("kai@contoso.com");
    QTest::newRow("owner: unassign, portal unassigned too")
            << owner("sam@contoso.com", "") << remoteAt(incident("active"), after)
            << O::AlreadyConverged << FieldValue();
    QTest::newRow("classification: clean equals notMalicious")
            << classification(pair("unknown", "unknown"), pair("falsePositive", "notMalicious"))
            << remoteAt(incident("resolved", "", "falsePositive", "clean"), after)
            << O::AlreadyConverged << FieldValue();
    QTest::newRow("classification: base alias is no portal change")
            << classification(pair("truePositive", "compromisedUser"),
                              pair("truePositive", "malware"))
            << remoteAt(incident("active", "", "TruePositive", "compromisedAccount"), after)
            << O::NoConflict << pair("truePositive", "malware");
    QTest::newRow("classification: determination changed in portal later")
            << classification(pair("truePositive", "malware"),
                              pair("falsePositive", "notMalicious"))
            << remoteAt(incident("active", "", "truePositive", "phishing"), after) << O::RemoteWins
            << FieldValue();
    QTest::newRow("classification: edit later than portal")
            << classification(pair("unknown", "unknown"), pair("truePositive", "other"))
            << remoteAt(incident("active", "", "falsePositive", "notMalicious"), before)
            << O::LocalWins << pair("truePositive", "other");
    QTest::newRow("tags: portal added another tag, both kept")
            << tagRow({s("a")}, {s("a"), s("mine")}) << withTags({s("a"), s("theirs")}, after)
            << O::NoConflict << tags({s("a"), s("theirs"), s("mine")});
    QTest::newRow("tags: local removal applied though portal still has it")
            << tagRow({s("a"), s("b")}, {s("a")}) << withTags({s("a"), s("b"), s("c")}, after)
            << O::NoConflict << tags({s("a"), s("c")});
    QTest::newRow("tags: portal removal kept when adding")
            << tagRow({s("a"), s("b")}, {s("a"), s("b"), s("mine")}) << withTags({s("a")}, after)
            << O::NoConflict << tags({s("a"), s("mine")});
    QTest::newRow("tags: portal added the same tag")
            << tagRow({s("a")}, {s("a"), s("mine")}) << withTags({s("mine"), s("a")}, after)
            << O::AlreadyConverged << tags({s("mine"), s("a")});
    QTest::newRow("tags: portal removed the same tag")
            << tagRow({s("a"), s("b")}, {s("a")}) << withTags({s("a")}, before)
            << O::AlreadyConverged << tags({s("a")});
    QTest::newRow("comment: always sent")
            << row(IncidentField::Comment, {}, text("Looked at it."))
            << remoteAt(incident("resolved", "sam@contoso.com"), after) << O::NoConflict
            << text("Looked at it.");
}

void TestSyncEngine::conflicts()
{
    QFETCH(OutboxEdit, edit);
    QFETCH(Incident, remote);
    QFETCH(ConflictOutcome, outcome);
    QFETCH(FieldValue, send);

    const ConflictDecision decision = resolveConflict(edit, remote);
    QCOMPARE(decision.outcome, outcome);
    switch (outcome) {
    case ConflictOutcome::NoConflict:
    case ConflictOutcome::LocalWins:
        QCOMPARE(decision.toSend.local, send);
        QCOMPARE(decision.toSend.field, edit.field);
        // What the edit replaces from now on: the remote value once it won over it or merged
        // onto it (so a later change back to the old base still shows), else the old base.
        if (outcome == ConflictOutcome::LocalWins || edit.field == IncidentField::Tags)
            QVERIFY(sameFieldValue(edit.field, decision.toSend.base,
                                   fieldValue(remote, edit.field)));
        else
            QCOMPARE(decision.toSend.base, edit.base);
        break;
    case ConflictOutcome::AlreadyConverged:
        if (edit.field == IncidentField::Tags)
            QVERIFY(sameFieldValue(IncidentField::Tags, decision.toSend.local, send));
        break;
    case ConflictOutcome::RemoteWins:
        break;
    }
    // Only a real conflict leaves a conflict line in the activity log.
    const bool conflict
            = outcome == ConflictOutcome::LocalWins || outcome == ConflictOutcome::RemoteWins;
    QCOMPARE(decision.activity.has_value(), conflict);
    if (conflict)
        QVERIFY(decision.activity->conflict);
}

void TestSyncEngine::conflictEntries()
{
    const OutboxEdit edit = row(IncidentField::Status, text("active"), text("resolved"));

    // The portal's later change wins: the analyst's value is kept, marked, for "apply mine again".
    const QDateTime later = kEditTime.addSecs(90);
    const ConflictDecision remoteWins
            = resolveConflict(edit, remoteAt(incident("inProgress"), later));
    QCOMPARE(remoteWins.activity, std::optional<ActivityEntry>(ActivityEntry{kEditTime,
                                                                             ActivitySide::Local,
                                                                             IncidentField::Status,
                                                                             text("active"),
                                                                             text("resolved"),
                                                                             true,
                                                                             {}}));

    // The analyst's later edit wins: the portal's value it overwrote is kept, marked.
    const QDateTime earlier = kEditTime.addSecs(-90);
    const ConflictDecision localWins
            = resolveConflict(edit, remoteAt(incident("inProgress"), earlier));
    QCOMPARE(localWins.activity, std::optional<ActivityEntry>(ActivityEntry{earlier,
                                                                            ActivitySide::Remote,
                                                                            IncidentField::Status,
                                                                            text("active"),
                                                                            text("inProgress"),
                                                                            true,
                                                                            {}}));
    QCOMPARE(graphPatchBody({localWins.toSend}),
             QJsonObject({{QLatin1String("status"), s("resolved")}}));
}

void TestSyncEngine::applyMineAgain_data()
{
    QTest::addColumn<OutboxEdit>("edit");
    QTest::addColumn<Incident>("remote");

    QTest::newRow("status") << row(IncidentField::Status, text("active"), text("resolved"))
                            << incident("inProgress", "", "truePositive", "malware");
    QTest::newRow("owner") << row(IncidentField::Owner, text(""), text("kai@contoso.com"))
                           << incident("active", "sam@contoso.com");
    QTest::newRow("unassign") << row(IncidentField::Owner, text("sam@contoso.com"), text(""))
                              << incident("active", "lee@contoso.com");
    QTest::newRow("classification FP inaccurate data")
            << row(IncidentField::Classification, pair("unknown", "unknown"),
                   pair("falsePositive", "notEnoughDataToValidate"))
            << incident("resolved", "", "truePositive", "malware");
    QTest::newRow("classification TP phishing")
            << row(IncidentField::Classification, pair("unknown", "unknown"),
                   pair("truePositive", "phishing"))
            << incident("resolved", "", "informationalExpectedActivity", "securityTesting");
}

void TestSyncEngine::applyMineAgain()
{
    QFETCH(OutboxEdit, edit);
    QFETCH(Incident, remote);

    const ConflictDecision decision = resolveConflict(edit, remoteAt(remote, kEditTime.addSecs(5)));
    QCOMPARE(decision.outcome, ConflictOutcome::RemoteWins);
    const QDateTime now = kEditTime.addSecs(600);
    const std::optional<TriageEdit> again = editRestoring(*decision.activity, now);
    QVERIFY(again.has_value());
    QCOMPARE(again->editTime, now);
    QVERIFY(validateEdit(remote, *again).ok());
    // One action puts the analyst's value back, and it goes out as a new outbox row.
    const AppliedEdit applied = Vigil::applyLocally(remote, *again);
    QVERIFY(sameFieldValue(edit.field, fieldValue(applied.incident, edit.field), edit.local));
    QCOMPARE(applied.changes.size(), 1);
    QCOMPARE(applied.changes.constFirst().base, fieldValue(remote, edit.field));
}

void TestSyncEngine::onlyConflictsCanBeReapplied()
{
    ActivityEntry plain{kEditTime,
                        ActivitySide::Remote,
                        IncidentField::Status,
                        text("active"),
                        text("resolved"),
                        false,
                        {}};
    QVERIFY(!editRestoring(plain, kEditTime).has_value());
    ActivityEntry severity{kEditTime,   ActivitySide::Remote, IncidentField::Severity,
                           text("low"), text("high"),         true,
                           {}};
    QVERIFY(!editRestoring(severity, kEditTime).has_value());
    // "Take theirs back" after the analyst's edit won restores the portal's owner.
    ActivityEntry theirs{kEditTime, ActivitySide::Remote,    IncidentField::Owner,
                         text(""),  text("sam@contoso.com"), true,
                         {}};
    const std::optional<TriageEdit> edit = editRestoring(theirs, kEditTime);
    QVERIFY(edit.has_value());
    QCOMPARE(edit->owner, std::optional<QString>(s("sam@contoso.com")));
}

void TestSyncEngine::remoteActivity_data()
{
    QTest::addColumn<Incident>("stored");
    QTest::addColumn<Incident>("pulled");
    QTest::addColumn<QList<OutboxEdit>>("pending");
    QTest::addColumn<QStringList>("lines");

    const Incident base
            = incident("active", "kai@contoso.com", "unknown", "unknown", {s("a"), s("b")});
    const auto changed = [&](auto mutate) {
        Incident pulled = base;
        pulled.lastUpdateTime = kEditTime;
        mutate(pulled);
        return pulled;
    };
    const QList<OutboxEdit> none;

    QTest::newRow("overlap duplicate") << base << base << none << QStringList();
    QTest::newRow("status") << base << changed([](Incident &i) { i.status = s("inProgress"); })
                            << none << QStringList({s("status: active -> inProgress")});
    QTest::newRow("status casing only")
            << base << changed([](Incident &i) { i.status = s("Active"); }) << none
            << QStringList();
    QTest::newRow("owner") << base << changed([](Incident &i) {
        i.assignedTo = s("sam@contoso.com");
    }) << none << QStringList({s("assignedTo: kai@contoso.com -> sam@contoso.com")});
    QTest::newRow("owner casing only")
            << base << changed([](Incident &i) { i.assignedTo = s("KAI@contoso.com"); }) << none
            << QStringList();
    QTest::newRow("unassigned") << base << changed([](Incident &i) { i.assignedTo.clear(); })
                                << none << QStringList({s("assignedTo: kai@contoso.com -> ")});
    QTest::newRow("classified") << base << changed([](Incident &i) {
        i.classification = s("truePositive");
        i.determination = s("malware");
    }) << none << QStringList({s("classification: unknown/unknown -> truePositive/malware")});
    QTest::newRow("determination only")
            << incident("active", "", "truePositive", "malware")
            << remoteAt(incident("active", "", "truePositive", "phishing"), kEditTime) << none
            << QStringList({s("classification: truePositive/malware -> truePositive/phishing")});
    QTest::newRow("determination alias only")
            << incident("active", "", "falsePositive", "notMalicious")
            << incident("active", "", "falsePositive", "clean") << none << QStringList();
    QTest::newRow("tags") << base << changed([](Incident &i) {
        i.customTags = {s("a"), s("c")};
    }) << none << QStringList({s("customTags: [a,b] -> [a,c]")});
    QTest::newRow("tags reordered") << base << changed([](Incident &i) {
        i.customTags = {s("b"), s("a")};
    }) << none << QStringList();
    QTest::newRow("severity") << base << changed([](Incident &i) { i.severity = s("high"); })
                              << none << QStringList({s("severity: medium -> high")});
    QTest::newRow("severity casing only")
            << base << changed([](Incident &i) { i.severity = s("Medium"); }) << none
            << QStringList();
    QTest::newRow("title") << base << changed([](Incident &i) { i.title = s("Ransomware"); })
                           << none
                           << QStringList({s("displayName: Multi-stage incident on one endpoint -> "
                                             "Ransomware")});
    QTest::newRow("several fields") << base << changed([](Incident &i) {
        i.status = s("resolved");
        i.severity = s("low");
    }) << none << QStringList({s("status: active -> resolved"), s("severity: medium -> low")});
    QTest::newRow("new comment") << base << changed([](Incident &i) {
        i.comments.append(Comment{s("Escalated."), s("Sam"), kEditTime.addSecs(-5)});
    }) << none << QStringList({s("comments:  -> Escalated.")});

    // The stored incident shows the analyst's pending value; the portal is compared with the base.
    Incident optimistic = base;
    optimistic.status = s("resolved");
    const QList<OutboxEdit> pendingClose
            = {row(IncidentField::Status, text("active"), text("resolved"))};
    QTest::newRow("pending edit is not a remote change")
            << optimistic << base << pendingClose << QStringList();
    QTest::newRow("portal change under a pending edit")
            << optimistic << changed([](Incident &i) { i.status = s("inProgress"); })
            << pendingClose << QStringList({s("status: active -> inProgress")});
}

void TestSyncEngine::remoteActivity()
{
    QFETCH(Incident, stored);
    QFETCH(Incident, pulled);
    QFETCH(QList<OutboxEdit>, pending);
    QFETCH(QStringList, lines);

    const QList<ActivityEntry> entries = Vigil::remoteActivity(stored, pulled, pending);
    QStringList described;
    for (const ActivityEntry &entry : entries) {
        described.append(describe(entry));
        QCOMPARE(entry.side, ActivitySide::Remote);
        QVERIFY(!entry.conflict);
        if (entry.field == IncidentField::Comment) {
            QCOMPARE(entry.time, pulled.comments.constLast().createdTime);
            QCOMPARE(entry.note, pulled.comments.constLast().author);
        } else {
            QCOMPARE(entry.time, pulled.lastUpdateTime);
        }
    }
    QCOMPARE(described, lines);
}

void TestSyncEngine::localActivityMirrorsTheEdit()
{
    TriageEdit edit
            = closeEdit(VigilClassification::FalsePositive, ClosingReason::IncorrectAlertLogic);
    edit.owner = kKai;
    const AppliedEdit applied = Vigil::applyLocally(incident("active"), edit);
    const QList<ActivityEntry> entries = localActivity(applied);
    QStringList described;
    for (const ActivityEntry &entry : entries) {
        described.append(describe(entry));
        QCOMPARE(entry.side, ActivitySide::Local);
        QCOMPARE(entry.time, kEditTime);
        QVERIFY(!entry.conflict);
    }
    QCOMPARE(described,
             QStringList({s("status: active -> resolved"), s("assignedTo:  -> kai@contoso.com"),
                          s("classification: / -> falsePositive/notMalicious")}));
}

void TestSyncEngine::revert_data()
{
    QTest::addColumn<Incident>("current");
    QTest::addColumn<TriageEdit>("edit");
    QTest::addColumn<int>("changeIndex");
    QTest::addColumn<Incident>("expected");

    using C = VigilClassification;
    using R = ClosingReason;
    const Incident open = incident("active", "sam@contoso.com", "", "", {s("a")});

    QTest::newRow("status") << open << statusEdit(VigilStatus::Active) << 0 << open;
    QTest::newRow("owner") << open << ownerEdit(kKai) << 0 << open;
    QTest::newRow("unassign") << open << ownerEdit(QString()) << 0 << open;
    QTest::newRow("classification only, status stays")
            << open << closeEdit(C::FalsePositive, R::InaccurateData) << 1
            << incident("resolved", "sam@contoso.com", "", "", {s("a")});
    QTest::newRow("tags") << open << tagEdit({s("b")}, {s("a")}) << 0 << open;
    QTest::newRow("comment") << open << commentEdit(s("Done.")) << 0 << open;
}

void TestSyncEngine::revert()
{
    QFETCH(Incident, current);
    QFETCH(TriageEdit, edit);
    QFETCH(int, changeIndex);
    QFETCH(Incident, expected);

    const AppliedEdit applied = Vigil::applyLocally(current, edit);
    QVERIFY(changeIndex < applied.changes.size());
    Incident reverted = revertLocally(applied.incident, applied.changes.at(changeIndex));
    reverted.syncState = SyncState::Synced; // the worker decides once no row is left
    QCOMPARE(reverted, expected);
}

void TestSyncEngine::delivery_data()
{
    QTest::addColumn<std::optional<Error>>("failure");
    QTest::addColumn<int>("attempt");
    QTest::addColumn<DeliveryOutcome>("outcome");
    QTest::addColumn<qint64>("delayMs");
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("refetch");

    using K = Error::Kind;
    using D = DeliveryOutcome;
    const std::optional<Error> ok;
    QTest::newRow("200") << ok << 1 << D::Delivered << qint64(0) << QString() << false;
    QTest::newRow("200 unreadable") << std::optional(httpError(K::Parse, 200, "not JSON")) << 1
                                    << D::Delivered << qint64(0) << QString() << true;
    QTest::newRow("400") << std::optional(
            httpError(K::BadRequest, 400, "Invalid value for determination."))
                         << 1 << D::Reverted << qint64(0) << s("Invalid value for determination.")
                         << false;
    QTest::newRow("403") << std::optional(
            httpError(K::Forbidden, 403, "Missing SecurityIncident.ReadWrite.All."))
                         << 1 << D::Reverted << qint64(0)
                         << s("Missing SecurityIncident.ReadWrite.All.") << false;
    QTest::newRow("404") << std::optional(httpError(K::NotFound, 404, "Incident not found.")) << 2
                         << D::Reverted << qint64(0) << s("Incident not found.") << false;
    QTest::newRow("409") << std::optional(httpError(K::Conflict, 409, "Incident was modified."))
                         << 1 << D::Reverted << qint64(0) << s("Incident was modified.") << false;
    QTest::newRow("422, another 4xx")
            << std::optional(httpError(K::Network, 422, "Unprocessable.")) << 1 << D::Reverted
            << qint64(0) << s("Unprocessable.") << false;
    QTest::newRow("400 without message")
            << std::optional(httpError(K::BadRequest, 400)) << 1 << D::Reverted << qint64(0)
            << s("Microsoft Defender refused the change (HTTP 400); it was undone here.") << false;
    QTest::newRow("429 Retry-After 30")
            << std::optional(httpError(K::Throttled, 429, "Too many requests", 30s)) << 1
            << D::Retry << qint64(30'000) << QString() << false;
    QTest::newRow("429 without Retry-After backs off")
            << std::optional(httpError(K::Throttled, 429)) << 3 << D::Retry << qint64(8'000)
            << QString() << false;
    QTest::newRow("503 Retry-After 10") << std::optional(httpError(K::Server, 503, "", 10s)) << 4
                                        << D::Retry << qint64(10'000) << QString() << false;
    QTest::newRow("503 first attempt") << std::optional(httpError(K::Server, 503)) << 1 << D::Retry
                                       << qint64(2'000) << QString() << false;
    QTest::newRow("500 second attempt") << std::optional(httpError(K::Server, 500)) << 2 << D::Retry
                                        << qint64(4'000) << QString() << false;
    QTest::newRow("504") << std::optional(httpError(K::Server, 504)) << 3 << D::Retry
                         << qint64(8'000) << QString() << false;
    QTest::newRow("408") << std::optional(httpError(K::Timeout, 408)) << 1 << D::Retry
                         << qint64(2'000) << QString() << false;
    QTest::newRow("timeout") << std::optional(httpError(K::Timeout, 0, "no answer in time")) << 4
                             << D::Retry << qint64(16'000) << QString() << false;
    QTest::newRow("network error") << std::optional(httpError(K::Network, 0, "Host unreachable"))
                                   << 2 << D::Retry << qint64(4'000) << QString() << false;
    QTest::newRow("back-off capped at five minutes")
            << std::optional(httpError(K::Network, 0)) << 40 << D::Retry << qint64(300'000)
            << QString() << false;
    QTest::newRow("cancelled at shutdown") << std::optional(httpError(K::Cancelled, 0)) << 1
                                           << D::Retry << qint64(0) << QString() << false;
    QTest::newRow("401 holds until sign-in")
            << std::optional(httpError(K::Auth, 401, "Token expired")) << 1 << D::Hold << qint64(0)
            << s("Microsoft Defender did not accept Vigil's sign-in; the change is kept and sent "
                 "after you sign in again.")
            << false;
}

void TestSyncEngine::delivery()
{
    QFETCH(std::optional<Error>, failure);
    QFETCH(int, attempt);
    QFETCH(DeliveryOutcome, outcome);
    QFETCH(qint64, delayMs);
    QFETCH(QString, message);
    QFETCH(bool, refetch);

    const DeliveryDecision decision = decideDelivery(failure, attempt, RetryPolicy{}, 0.5);
    QCOMPARE(decision.outcome, outcome);
    QCOMPARE(decision.retryDelay.count(), delayMs);
    QCOMPARE(decision.message, message);
    QCOMPARE(decision.refetch, refetch);
}

void TestSyncEngine::backoffJitterStaysWithinAQuarter()
{
    const RetryPolicy policy{1'000ms, 60'000ms};
    QCOMPARE(backoffDelay(1, policy, 0.0), 750ms);
    QCOMPARE(backoffDelay(1, policy, 0.5), 1'000ms);
    QVERIFY(backoffDelay(1, policy, 0.999) <= 1'250ms);
    QVERIFY(backoffDelay(1, policy, 0.999) > 1'240ms);
    QCOMPARE(backoffDelay(3, policy, 0.5), 4'000ms);
    QCOMPARE(backoffDelay(1000, policy, 0.5), 60'000ms);
    // Retry-After is the server's word: no jitter on it.
    const DeliveryDecision throttled
            = decideDelivery(httpError(Error::Kind::Throttled, 429, "", 7s), 5, policy, 0.0);
    QCOMPARE(throttled.retryDelay, 7'000ms);
}

void TestSyncEngine::fieldNamesRoundTrip()
{
    for (IncidentField field :
         {IncidentField::Status, IncidentField::Owner, IncidentField::Classification,
          IncidentField::Tags, IncidentField::Comment, IncidentField::Severity,
          IncidentField::Title}) {
        QVERIFY(!fieldLabel(field).isEmpty());
        QCOMPARE(fieldFromName(fieldName(field)), std::optional<IncidentField>(field));
    }
    QCOMPARE(fieldFromName(s("determination")), std::optional<IncidentField>());
}

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
