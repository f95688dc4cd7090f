#include "incidentfilter.h"

#include "vocabulary.h"

#include <QCoreApplication>
#include <QHash>

#include <limits>
#include <numeric>

namespace Vigil {

namespace {

constexpr QChar kFieldSeparator = QChar(0x1F);

QString tr(const char *text)
{
    return QCoreApplication::translate("Vigil::IncidentQuery", text);
}

using Field = IncidentFilterTerm::Field;

struct FieldInfo
{
    const char *name;
    Field field;
};

// The order is the order completion and error messages list them in.
constexpr FieldInfo kFields[] = {
        {"severity", Field::Severity},
        {"status", Field::Status},
        {"classification", Field::Classification},
        {"owner", Field::Owner},
        {"tag", Field::Tag},
        {"provider", Field::Provider},
        {"product", Field::Product},
        {"age", Field::Age},
        {"updated", Field::Updated},
        {"has", Field::Has},
        {"sla", Field::Sla},
};

/** Values of the enumerated fields: the word the analyst types -> its code. Aliases after the
 *  names that are listed in messages. */
struct Word
{
    const char *word;
    qint64 code;
    bool listed;
};

const QList<Word> &wordsOf(Field field)
{
    static const QList<Word> severity
            = {{"informational", 1, true}, {"low", 2, true},   {"medium", 3, true},
               {"high", 4, true},          {"info", 1, false}, {"unknown", 0, false}};
    static const QList<Word> status = {
            {"new", qint64(VigilStatus::New), true},
            {"active", qint64(VigilStatus::Active), true},
            {"closed", qint64(VigilStatus::Closed), true},
            {"resolved", qint64(VigilStatus::Closed), false},
    };
    static const QList<Word> classification = {
            {"truepositive", qint64(VigilClassification::TruePositive), true},
            {"benignpositive", qint64(VigilClassification::BenignPositive), true},
            {"falsepositive", qint64(VigilClassification::FalsePositive), true},
            {"undetermined", qint64(VigilClassification::Undetermined), true},
            {"none", qint64(VigilClassification::None), true},
            {"tp", qint64(VigilClassification::TruePositive), false},
            {"bp", qint64(VigilClassification::BenignPositive), false},
            {"fp", qint64(VigilClassification::FalsePositive), false},
    };
    static const QList<Word> provider = {{"m365d", IncidentFilterTerm::M365d, true},
                                         {"rule", IncidentFilterTerm::Rule, true},
                                         {"defender", IncidentFilterTerm::M365d, false},
                                         {"microsoft", IncidentFilterTerm::M365d, false},
                                         {"vigil", IncidentFilterTerm::Rule, false}};
    static const QList<Word> has = {
            {"duplicate", IncidentFilterTerm::Duplicate, true},
            {"comment", IncidentFilterTerm::Comment, true},
            {"conflict", IncidentFilterTerm::Conflict, true},
            {"pending", IncidentFilterTerm::Pending, true},
            {"error", IncidentFilterTerm::SyncError, true},
            {"merged", IncidentFilterTerm::Merged, true},
            {"comments", IncidentFilterTerm::Comment, false},
            {"duplicates", IncidentFilterTerm::Duplicate, false},
    };
    static const QList<Word> sla = {
            {"overdue", qint64(SlaState::Overdue), true},
            {"due", qint64(SlaState::Due), true},
            {"met", qint64(SlaState::Met), true},
            {"none", qint64(SlaState::None), true},
    };
    static const QList<Word> none;
    switch (field) {
    case Field::Sla:
        return sla;
    case Field::Severity:
        return severity;
    case Field::Status:
        return status;
    case Field::Classification:
        return classification;
    case Field::Provider:
        return provider;
    case Field::Has:
        return has;
    default:
        break;
    }
    return none;
}

/** The products a product: term accepts: the short names of the known service sources. */
const QStringList &productWords()
{
    static const QStringList words = [] {
        QStringList list;
        for (const QString &source : knownEnumValues(GraphEnum::ServiceSource)) {
            const QString name = productShortName(source).toLower();
            if (!name.isEmpty() && !list.contains(name))
                list.append(name);
        }
        return list;
    }();
    return words;
}

/** "a, b or c". */
QString alternatives(const QStringList &words)
{
    if (words.size() <= 1)
        return words.value(0);
    return words.mid(0, words.size() - 1).join(QStringLiteral(", ")) + tr(" or ") + words.last();
}

QStringList listedWords(Field field)
{
    if (field == Field::Product)
        return productWords();
    QStringList list;
    for (const Word &w : wordsOf(field))
        if (w.listed)
            list.append(QString::fromLatin1(w.word));
    return list;
}

QString fieldName(Field field)
{
    for (const FieldInfo &info : kFields)
        if (info.field == field)
            return QString::fromLatin1(info.name);
    return {};
}

/** What a field accepts, for error messages. */
QString accepted(Field field)
{
    const QString name = fieldName(field);
    switch (field) {
    case Field::Owner:
        return tr("owner is me, none or part of a UPN, e.g. owner:me");
    case Field::Tag:
        return tr("tag needs a tag, e.g. tag:VIP");
    case Field::Age:
    case Field::Updated:
        return tr("%1 is <N or >N with m, h, d or w (minutes, hours, days, weeks), e.g. %1:<4h")
                .arg(name);
    default:
        break;
    }
    return tr("%1 is %2").arg(name, alternatives(listedWords(field)));
}

/** Folds a classification such as "False positive" or "false-positive" to "falsepositive". */
QString folded(const QString &value)
{
    QString out;
    out.reserve(value.size());
    for (QChar c : value)
        if (c != QLatin1Char(' ') && c != QLatin1Char('-') && c != QLatin1Char('_'))
            out.append(c);
    return out;
}

/** "<4h", ">2d", "4h" (= "<4h"); false when it is not one. */
bool parseDuration(const QString &value, qint64 &ms, bool &olderThan)
{
    QStringView v(value);
    olderThan = false;
    if (v.startsWith(QLatin1Char('>'))) {
        olderThan = true;
        v = v.mid(1);
    } else if (v.startsWith(QLatin1Char('<'))) {
        v = v.mid(1);
    }
    if (v.startsWith(QLatin1Char('=')))
        v = v.mid(1);
    if (v.size() < 2 || v.size() > 12)
        return false;
    const QChar unit = v.back();
    bool ok = false;
    const qint64 n = v.chopped(1).toLongLong(&ok);
    if (!ok || n < 0)
        return false;
    qint64 unitMs = 0;
    switch (unit.unicode()) {
    case 'm':
        unitMs = 60'000;
        break;
    case 'h':
        unitMs = 3'600'000;
        break;
    case 'd':
        unitMs = 86'400'000;
        break;
    case 'w':
        unitMs = 7 * 86'400'000LL;
        break;
    default:
        return false;
    }
    if (n > std::numeric_limits<qint64>::max() / unitMs)
        return false;
    ms = n * unitMs;
    return true;
}

struct Token
{
    QString raw; ///< as typed
    QString prefix; ///< before the first unquoted ':' (empty when there is none)
    QString value; ///< the rest, quotes removed
    bool hasColon = false;
    bool unbalanced = false;
    qsizetype start = 0;
};

QList<Token> tokenize(const QString &text)
{
    QList<Token> tokens;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        while (i < n && text.at(i).isSpace())
            ++i;
        if (i >= n)
            break;
        Token token;
        token.start = i;
        bool quoted = false;
        QString current;
        while (i < n && (quoted || !text.at(i).isSpace())) {
            const QChar c = text.at(i);
            if (c == QLatin1Char('"')) {
                quoted = !quoted;
            } else if (c == QLatin1Char(':') && !quoted && !token.hasColon) {
                token.hasColon = true;
                token.prefix = current;
                current.clear();
            } else {
                current.append(c);
            }
            ++i;
        }
        token.unbalanced = quoted;
        token.value = current;
        token.raw = text.mid(token.start, i - token.start);
        tokens.append(token);
    }
    return tokens;
}

} // namespace

QString incidentSearchText(const Incident &incident)
{
    QString search;
    search.reserve(incident.title.size() + incident.providerIncidentId.size()
                   + incident.assignedTo.size() + incident.alertText.size() + 48);
    search += QString::number(incident.number) + kFieldSeparator + incident.providerIncidentId
              + kFieldSeparator + incident.title + kFieldSeparator + incident.assignedTo;
    for (const QString &tag : incident.tags())
        search += kFieldSeparator + tag;
    if (!incident.alertText.isEmpty())
        search += kFieldSeparator + incident.alertText;
    return search.toLower();
}

QString IncidentQuery::displayTerm(const QString &term)
{
    QString shown;
    shown.reserve(std::min<qsizetype>(term.size(), 61));
    for (QChar c : term) {
        if (shown.size() >= 60) {
            shown.append(QChar(0x2026));
            break;
        }
        shown.append(c.category() == QChar::Other_Control || c.category() == QChar::Other_Format
                                     || c.isSurrogate()
                             ? QChar(0xFFFD)
                             : c);
    }
    return shown;
}

IncidentQuery IncidentQuery::parse(const QString &text)
{
    IncidentQuery query;
    query.m_text = text;
    const auto fail = [&query](const Token &token, const QString &why) {
        query.m_error = displayTerm(token.raw) + QStringLiteral(" — ") + why;
        query.m_terms.clear();
        return query;
    };
    for (Token token : tokenize(text)) {
        IncidentFilterTerm term;
        term.text = token.raw;
        term.start = token.start;
        term.length = token.raw.size();
        if (token.unbalanced)
            return fail(token, tr("the quote is not closed"));
        // Negation: a leading "-" or "not:".
        if (token.hasColon
            && token.prefix.compare(QLatin1String("not"), Qt::CaseInsensitive) == 0) {
            term.negated = true;
            const QList<Token> inner = tokenize(token.value);
            const bool hadQuote = token.raw.contains(QLatin1Char('"'));
            if (inner.size() == 1 && !hadQuote) {
                token.hasColon = inner.first().hasColon;
                token.prefix = inner.first().prefix;
                token.value = inner.first().value;
            } else {
                token.hasColon = false;
                token.prefix.clear();
            }
        } else if (token.raw.size() > 1 && token.raw.front() == QLatin1Char('-')) {
            term.negated = true;
            if (token.hasColon)
                token.prefix = token.prefix.mid(1);
            else
                token.value = token.value.mid(1);
        }
        if (!token.hasColon) {
            const QString word = token.value.toLower();
            if (word.isEmpty())
                continue; // "" or a lone quote pair: nothing to match
            if (word.size() > 1 && word.front() == QLatin1Char('#')
                && !token.raw.contains(QLatin1Char('"'))) {
                bool ok = false;
                const qint64 number = word.mid(1).toLongLong(&ok);
                if (ok) {
                    term.field = Field::Number;
                    term.codes = {number};
                    query.m_terms.append(term);
                    continue;
                }
            }
            term.field = Field::Text;
            term.values = {word};
            query.m_terms.append(term);
            continue;
        }
        const QString prefix = token.prefix.toLower();
        const FieldInfo *info = nullptr;
        for (const FieldInfo &candidate : kFields)
            if (prefix == QLatin1String(candidate.name))
                info = &candidate;
        if (!info) {
            bool letters = !prefix.isEmpty();
            for (QChar c : prefix)
                letters = letters && c.isLetter() && c.unicode() < 128;
            if (letters && prefix != QLatin1String("http") && prefix != QLatin1String("https"))
                return fail(token,
                            tr("%1 is not a field; the fields are %2 (quote the term to "
                               "search for it as text)")
                                    .arg(displayTerm(token.prefix), alternatives(fieldNames())));
            // "10.1.2.3:443", "c:\temp", "https://...": text with a colon in it.
            term.field = Field::Text;
            term.values = {(token.prefix + QLatin1Char(':') + token.value).toLower()};
            query.m_terms.append(term);
            continue;
        }
        term.field = info->field;
        QStringList values;
        for (const QString &part : token.value.split(QLatin1Char(',')))
            if (!part.trimmed().isEmpty())
                values.append(part.trimmed().toLower());
        if (values.isEmpty())
            return fail(token, accepted(term.field));
        switch (term.field) {
        case Field::Age:
        case Field::Updated:
            if (values.size() != 1 || !parseDuration(values.first(), term.limitMs, term.olderThan))
                return fail(token, accepted(term.field));
            break;
        case Field::Owner:
        case Field::Tag:
            term.values = values;
            break;
        case Field::Product:
            for (const QString &value : std::as_const(values))
                if (!productWords().contains(value))
                    return fail(token, accepted(term.field));
            term.values = values;
            break;
        default: {
            const QList<Word> &words = wordsOf(term.field);
            for (const QString &value : std::as_const(values)) {
                const QString key = term.field == Field::Classification ? folded(value) : value;
                bool found = false;
                for (const Word &w : words) {
                    if (key == QLatin1String(w.word)) {
                        term.codes.append(w.code);
                        found = true;
                        break;
                    }
                }
                if (!found)
                    return fail(token, accepted(term.field));
            }
            term.values = values;
            break;
        }
        }
        query.m_terms.append(term);
    }
    return query;
}

bool IncidentQuery::termMatches(const IncidentFilterTerm &term, const Incident &incident,
                                QStringView searchText, const IncidentFilterContext &context)
{
    bool match = false;
    switch (term.field) {
    case Field::Text:
        match = searchText.contains(term.values.value(0));
        break;
    case Field::Number:
        match = incident.number == term.codes.value(0);
        break;
    case Field::Severity:
        match = term.codes.contains(severityRank(incident.severity));
        break;
    case Field::Status:
        match = term.codes.contains(qint64(vigilStatus(incident.status)));
        break;
    case Field::Classification:
        match = term.codes.contains(qint64(vigilClassification(incident.classification)));
        break;
    case Field::Owner:
        for (const QString &value : term.values) {
            if (value == QLatin1String("me"))
                match = !context.me.isEmpty()
                        && incident.assignedTo.compare(context.me, Qt::CaseInsensitive) == 0;
            else if (value == QLatin1String("none"))
                match = incident.assignedTo.trimmed().isEmpty();
            else
                match = incident.assignedTo.contains(value, Qt::CaseInsensitive);
            if (match)
                break;
        }
        break;
    case Field::Tag: {
        const QStringList tags = incident.tags();
        for (const QString &value : term.values) {
            for (const QString &tag : tags)
                match = match || tag.compare(value, Qt::CaseInsensitive) == 0;
        }
        break;
    }
    case Field::Provider:
        match = term.codes.contains(incident.isRuleIncident() ? IncidentFilterTerm::Rule
                                                              : IncidentFilterTerm::M365d);
        break;
    case Field::Product:
        for (const QString &source : incident.alertSources)
            match = match || term.values.contains(productShortName(source), Qt::CaseInsensitive);
        break;
    case Field::Age:
    case Field::Updated: {
        const QDateTime &time
                = term.field == Field::Age ? incident.createdTime : incident.lastUpdateTime;
        if (time.isValid()) {
            const qint64 age = time.msecsTo(context.now);
            match = term.olderThan ? age > term.limitMs : age < term.limitMs;
        }
        break;
    }
    case Field::Sla:
        match = term.codes.contains(qint64(slaStatus(incident, context.now, context.sla).state));
        break;
    case Field::Has:
        for (qint64 code : term.codes) {
            switch (code) {
            case IncidentFilterTerm::Duplicate:
                match = match || incident.duplicateOf > 0;
                break;
            case IncidentFilterTerm::Comment:
                match = match || incident.commentCount > 0 || !incident.comments.isEmpty();
                break;
            case IncidentFilterTerm::Conflict:
                match = match || incident.syncState == SyncState::Conflict;
                break;
            case IncidentFilterTerm::Pending:
                match = match || incident.syncState == SyncState::Pending;
                break;
            case IncidentFilterTerm::SyncError:
                match = match || incident.syncState == SyncState::Error;
                break;
            case IncidentFilterTerm::Merged:
                match = match || incident.isRedirected();
                break;
            default:
                break;
            }
        }
        break;
    }
    return match != term.negated;
}

bool IncidentQuery::matches(const Incident &incident, QStringView searchText,
                            const IncidentFilterContext &context) const
{
    if (!isValid())
        return false;
    for (const IncidentFilterTerm &term : m_terms)
        if (!termMatches(term, incident, searchText, context))
            return false;
    return true;
}

QList<Incident> IncidentQuery::filter(const QList<Incident> &incidents,
                                      const IncidentFilterContext &context) const
{
    QList<Incident> out;
    if (!isValid())
        return out;
    for (const Incident &incident : incidents)
        if (m_terms.isEmpty() || matches(incident, incidentSearchText(incident), context))
            out.append(incident);
    return out;
}

std::pair<int, int> IncidentQuery::emptyingTerm(const QList<Incident> &incidents,
                                                const IncidentFilterContext &context) const
{
    if (!isValid() || incidents.isEmpty())
        return {-1, 0};
    QList<int> left(incidents.size());
    std::iota(left.begin(), left.end(), 0);
    QList<QString> texts(incidents.size());
    for (qsizetype i = 0; i < incidents.size(); ++i)
        texts[i] = incidentSearchText(incidents.at(i));
    for (int t = 0; t < m_terms.size(); ++t) {
        QList<int> next;
        for (int i : std::as_const(left))
            if (termMatches(m_terms.at(t), incidents.at(i), texts.at(i), context))
                next.append(i);
        if (next.isEmpty())
            return {t, int(left.size())};
        left = next;
    }
    return {-1, 0};
}

QString IncidentQuery::emptyExplanation(int term, int leftBefore) const
{
    if (term < 0 || term >= m_terms.size())
        return {};
    const QString shown = displayTerm(m_terms.at(term).text);
    if (term == 0)
        return tr("No incident matches %1.").arg(shown);
    if (leftBefore == 1)
        return tr("%1 removed the last incident that the terms before it left.").arg(shown);
    return tr("%1 removed the last %2 incidents that the terms before it left.")
            .arg(shown)
            .arg(leftBefore);
}

QString IncidentQuery::textWithoutTerm(int term) const
{
    if (term < 0 || term >= m_terms.size())
        return m_text;
    const IncidentFilterTerm &t = m_terms.at(term);
    QString left = m_text.left(t.start);
    QString right = m_text.mid(t.start + t.length);
    while (left.endsWith(QLatin1Char(' ')))
        left.chop(1);
    while (right.startsWith(QLatin1Char(' ')))
        right.remove(0, 1);
    if (!left.isEmpty() && !right.isEmpty())
        return left + QLatin1Char(' ') + right;
    return left + right;
}

QStringList IncidentQuery::fieldNames()
{
    QStringList names;
    for (const FieldInfo &info : kFields)
        names.append(QString::fromLatin1(info.name));
    return names;
}

QStringList IncidentQuery::fieldValues(const QString &field)
{
    for (const FieldInfo &info : kFields) {
        if (field.compare(QLatin1String(info.name), Qt::CaseInsensitive) != 0)
            continue;
        switch (info.field) {
        case Field::Owner:
            return {QStringLiteral("me"), QStringLiteral("none")};
        case Field::Age:
        case Field::Updated:
            return {QStringLiteral("<1h"), QStringLiteral("<4h"), QStringLiteral("<1d"),
                    QStringLiteral(">1d"), QStringLiteral(">7d")};
        case Field::Product: {
            QStringList list;
            for (const QString &word : productWords())
                list.append(word.contains(QLatin1Char(' '))
                                    ? QLatin1Char('"') + word + QLatin1Char('"')
                                    : word);
            return list;
        }
        default:
            return listedWords(info.field);
        }
    }
    return {};
}

} // namespace Vigil
