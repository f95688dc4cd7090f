#pragma once

#include "incident.h"

#include <QByteArray>
#include <QList>

#include <array>
#include <limits>
#include <memory>
#include <string_view>
#include <vector>

namespace Vigil {

class AlertText;

/**
 * @brief Alerts in the form the store writes them: each text field as UTF-8 (its JSON list or
 * object text for lists and objects), each time as ms since the epoch.
 *
 * The page readers fill it straight from a page's text, without an Alert value (a QString per
 * field) in between: on an initial sync that is most of the mapping's cost. The fields point
 * into the page's text where it needs no unescaping, and into a buffer the rows share
 * otherwise; copies share both. The store turns Alert values into the same form
 * (StoreRows::alertRowsOf), so it has one way to write alerts. A value; any thread, one at a
 * time.
 */
class AlertRows
{
public:
    /** The text fields, in kAlertColumns order (incident_id is the holder's, not this). */
    enum Field : quint8 {
        Id,
        IncidentId, ///< the alert's own `incidentId`, as received
        ProviderAlertId,
        Title,
        Description,
        Category,
        Severity,
        Status,
        Classification,
        Determination,
        ServiceSource,
        DetectionSource,
        DetectorId,
        AssignedTo,
        AlertWebUrl,
        IncidentWebUrl,
        ActorDisplayName,
        ThreatDisplayName,
        ThreatFamilyName,
        RecommendedActions,
        TenantId,
        MitreTechniques, ///< a JSON list, as the store's jsonList() writes it
        SystemTags, ///< the same
        Comments, ///< a JSON array, as alertCommentsJson() writes it
        AlertPolicyId,
        CustomDetails, ///< JSON text as received; bound as a blob
        AdditionalData, ///< the same
        Evidence, ///< the same
        FieldCount
    };
    enum Time : quint8 { Created, LastUpdate, Resolved, FirstActivity, LastActivity, TimeCount };
    /** A time that is absent or not a time: stored as NULL. */
    static constexpr qint64 kNoTime = std::numeric_limits<qint64>::min();

    struct Row
    {
        /// A view whose data() is null is NULL; "" is an empty text.
        std::array<std::string_view, FieldCount> text{};
        std::array<qint64, TimeCount> time{kNoTime, kNoTime, kNoTime, kNoTime, kNoTime};
        /// The evidence's search names as appendEvidenceSearchNames() appends them, when the
        /// page reader found them; null when not known (then they are read from the evidence).
        std::string_view evidenceNames;
    };

    AlertRows();
    ~AlertRows();
    AlertRows(const AlertRows &);
    AlertRows(AlertRows &&) noexcept;
    AlertRows &operator=(const AlertRows &);
    AlertRows &operator=(AlertRows &&) noexcept;

    qsizetype size() const { return qsizetype(m_rows.size()); }
    bool isEmpty() const { return m_rows.empty(); }
    const Row &row(qsizetype n) const { return m_rows[size_t(n)]; }
    std::string_view text(qsizetype n, Field field) const { return row(n).text[field]; }
    /** The row read back into an Alert, as the store would read it (tests, conversions). */
    Alert alert(qsizetype n) const;
    QList<Alert> toAlerts() const;

    // Building (the readers).
    /** Rows that share text with other: views into other's buffers stay valid here. */
    explicit AlertRows(std::shared_ptr<AlertText> text);
    const std::shared_ptr<AlertText> &sharedText() const { return m_text; }
    Row &appendRow();
    void removeLastRow() { m_rows.pop_back(); }
    /** Appends a copy of a row of rows that share this one's text. */
    void appendRow(const Row &row) { m_rows.push_back(row); }
    void clear() { m_rows.clear(); }
    void reserve(qsizetype count) { m_rows.reserve(size_t(count)); }

private:
    std::shared_ptr<AlertText> m_text;
    std::vector<Row> m_rows;
};

/**
 * @brief What the views of AlertRows point into: the page's text, kept whole, and a buffer of
 * the texts that had to be made (unescaped, canonical, written). Its blocks never move, so a
 * view stays valid as long as the rows that share it.
 */
class AlertText
{
public:
    AlertText() = default;
    /** Keeps page (implicitly shared) so that views into its bytes stay valid. */
    explicit AlertText(QByteArray page)
        : m_page(std::move(page))
        , m_room(size_t(m_page.data_ptr().freeSpaceAtEnd()))
    { }
    AlertText(const AlertText &) = delete;
    AlertText &operator=(const AlertText &) = delete;

    const QByteArray &page() const { return m_page; }
    /** True when view lies in the page's text and at least bytes more of its buffer follow it
     *  (a parser's padding). */
    bool followedBy(std::string_view view, size_t bytes) const
    {
        const char *begin = m_page.constData();
        const char *end = begin + m_page.size();
        return !m_page.isNull() && view.data() >= begin && view.data() + view.size() <= end
               && size_t(end - (view.data() + view.size())) + m_room >= bytes;
    }
    /** A copy of text here; "" (not NULL) for empty text. */
    std::string_view copy(std::string_view text);
    /** Room for size bytes here, to be written before any other call. */
    char *reserve(size_t size);
    /** Ends what reserve() began: its first size bytes are kept. */
    std::string_view commit(char *start, size_t size);

private:
    QByteArray m_page;
    size_t m_room = 0; ///< bytes of its block after the page's text
    std::vector<std::unique_ptr<char[]>> m_blocks;
    char *m_free = nullptr;
    size_t m_left = 0;
};

/** Appends text (UTF-8) to out as a JSON string's content, escaped as the store's jsonList()
 *  escapes it. */
void appendJsonListItem(std::string &out, std::string_view text);
/** An alert's comments as the store keeps them: a compact JSON array of {comment,
 *  createdByDisplayName, createdDateTime}, `[]` when there are none. */
QByteArray alertCommentsJson(const QList<Comment> &comments);

} // namespace Vigil
