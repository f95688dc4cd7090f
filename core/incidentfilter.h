#pragma once

#include "incident.h"
#include "sla.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace Vigil {

/**
 * Lower-cased text that the filter's free words are matched against: number, Defender id,
 * title, owner, tags, and the alerts' titles and evidence names (Incident::alertText), the
 * fields separated by U+001F so that a word never matches across two of them.
 */
QString incidentSearchText(const Incident &incident);

/** @brief One term of an incident filter, as parsed. Any thread. */
struct IncidentFilterTerm
{
    enum class Field {
        Text, ///< a free word or quoted phrase
        Number, ///< "#123"
        Severity,
        Status,
        Classification,
        Owner,
        Tag,
        Provider,
        Product,
        Age, ///< on the creation time
        Updated, ///< on the last update time
        Has,
        Sla, ///< the first-triage SLA state at the context's time (sla.h)
    };
    enum Has { Duplicate, Comment, Conflict, Pending, SyncError, Merged };
    enum Provider { M365d, Rule };

    Field field = Field::Text;
    bool negated = false;
    QString text; ///< the term as typed, e.g. "-severity:high"
    qsizetype start = 0; ///< where the term starts in the filter text
    qsizetype length = 0; ///< its length there
    /** Lower-cased alternatives (comma = OR): words, owners ("me", "none"), tags, products. */
    QStringList values;
    /** The alternatives as codes: severity ranks, VigilStatus, VigilClassification, Has,
     *  Provider, SlaState; for Number the incident number. */
    QList<qint64> codes;
    qint64 limitMs = 0; ///< Age, Updated: the duration
    bool olderThan = false; ///< Age, Updated: ">" (older than) rather than "<"
};

/** @brief What a filter needs besides the incidents: who "me" is and what time it is. */
struct IncidentFilterContext
{
    QString me; ///< the signed-in analyst's UPN; owner:me matches nothing when empty
    QDateTime now = QDateTime::currentDateTimeUtc();
    SlaTargets sla; ///< what sla:overdue counts against
};

/**
 * @brief The queue's filter language: parsed once, matched against many incidents.
 *
 * `severity:high status:new,active owner:me tag:VIP provider:rule age:<4h product:MDE
 * has:duplicate sla:overdue "priya needs" fin-lt-2073 -status:closed #42`. Terms combine with AND,
 * commas are OR within a field, a leading `-` (or `not:`) negates a term, everything is
 * case-insensitive and values are the words the queue shows. The window's quick filter and
 * `vigilctl incidents list --filter` both use this class, so they accept and refuse the same
 * text with the same messages. A value type; any thread.
 */
class IncidentQuery
{
public:
    /** Parses text; on an error the query is invalid and says which term and why. */
    static IncidentQuery parse(const QString &text);

    bool isValid() const { return m_error.isEmpty(); }
    bool isEmpty() const { return m_terms.isEmpty(); }
    /** "severity:hgh — severity is informational, low, medium or high". */
    const QString &errorMessage() const { return m_error; }
    const QString &text() const { return m_text; }
    const QList<IncidentFilterTerm> &terms() const { return m_terms; }

    /** Whether one term accepts an incident; searchText is incidentSearchText(incident). */
    static bool termMatches(const IncidentFilterTerm &term, const Incident &incident,
                            QStringView searchText, const IncidentFilterContext &context);
    /** Whether every term accepts the incident (an invalid query accepts nothing). */
    bool matches(const Incident &incident, QStringView searchText,
                 const IncidentFilterContext &context) const;
    /** The incidents the query accepts, in their order. */
    QList<Incident> filter(const QList<Incident> &incidents,
                           const IncidentFilterContext &context) const;
    /**
     * For a query that leaves nothing of incidents: the first term whose addition leaves no
     * incident, and how many incidents the terms before it had left; {-1, 0} otherwise.
     */
    std::pair<int, int> emptyingTerm(const QList<Incident> &incidents,
                                     const IncidentFilterContext &context) const;
    /** What to tell the analyst when term (from emptyingTerm()) removed everything. */
    QString emptyExplanation(int term, int leftBefore) const;
    /** The filter text without one term (for a chip's remove button), spaces tidied. */
    QString textWithoutTerm(int term) const;

    /** The field names, "severity" ... "has". */
    static QStringList fieldNames();
    /** The values a field accepts ("high", "new", ...); empty for free-form fields. */
    static QStringList fieldValues(const QString &field);
    /** A term shown to the analyst: control characters replaced, at most 60 characters. */
    static QString displayTerm(const QString &term);

private:
    QString m_text;
    QString m_error;
    QList<IncidentFilterTerm> m_terms;
};

} // namespace Vigil
