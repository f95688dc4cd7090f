#include "changefeed.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

#include <cmath>

namespace Vigil {

namespace {

constexpr qsizetype kMaxNumbers = 10'000;
constexpr qsizetype kMaxAnalyst = 256;

} // namespace

ChangeFeed::ChangeFeed(TeamSettings settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_connection(QStringLiteral("vigil-feed-%1").arg(QCoreApplication::applicationPid()))
    , m_keepAlive(new QTimer(this))
{
    // A lost connection is noticed within this; never longer than 5 s, the feed's promise.
    m_keepAlive->setInterval(m_settings.pollIntervalMs > 0
                                     ? std::clamp(m_settings.pollIntervalMs, 200, 5'000)
                                     : 5'000);
    connect(m_keepAlive, &QTimer::timeout, this, &ChangeFeed::keepAlive);
}

ChangeFeed::~ChangeFeed()
{
    blockSignals(true);
    stop();
}

void ChangeFeed::start()
{
    if (m_running)
        return;
    m_running = true;
    m_keepAlive->start();
    listen();
}

void ChangeFeed::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_keepAlive->stop();
    if (m_connection.isOpen()) {
        if (QSqlDriver *driver = m_connection.database().driver()) {
            disconnect(driver, nullptr, this, nullptr);
            driver->unsubscribeFromNotification(Team::changesChannel());
        }
        m_connection.close();
    }
    if (m_listening) {
        m_listening = false;
        Q_EMIT listeningChanged(false);
    }
}

bool ChangeFeed::listen()
{
    const Result<void> opened = m_connection.open(m_settings);
    if (!opened) {
        // Said once per kind of failure, not at every retry.
        if (m_lastError != opened.error().message) {
            m_lastError = opened.error().message;
            qCWarning(lcTeam).noquote() << "change feed:" << m_lastError;
        }
        return false;
    }
    m_lastError.clear();
    QSqlDriver *driver = m_connection.database().driver();
    connect(driver, &QSqlDriver::notification, this, &ChangeFeed::onNotification);
    if (!driver->subscribeToNotification(Team::changesChannel())) {
        qCWarning(lcTeam).noquote() << "change feed: cannot listen:" << driver->lastError().text();
        disconnect(driver, nullptr, this, nullptr);
        m_connection.close();
        return false;
    }
    m_listening = true;
    qCInfo(lcTeam) << "listening for changes on" << Team::changesChannel();
    Q_EMIT listeningChanged(true);
    if (m_missed) {
        m_missed = false;
        TeamChange refresh;
        refresh.fullRefresh = true;
        Q_EMIT changed(refresh);
    }
    return true;
}

void ChangeFeed::lost(const QString &detail)
{
    qCWarning(lcTeam).noquote() << "change feed: connection lost:" << detail.trimmed().left(300);
    if (QSqlDriver *driver = m_connection.database().driver())
        disconnect(driver, nullptr, this, nullptr);
    m_connection.close();
    m_missed = true;
    if (m_listening) {
        m_listening = false;
        Q_EMIT listeningChanged(false);
    }
}

void ChangeFeed::keepAlive()
{
    if (!m_running)
        return;
    if (m_connection.isOpen()) {
        QString failure;
        {
            QSqlQuery query(m_connection.database());
            if (query.exec(QStringLiteral("SELECT 1")) && query.next())
                return;
            failure = query.lastError().text();
        }
        lost(failure);
    }
    listen();
}

void ChangeFeed::onNotification(const QString &name, QSqlDriver::NotificationSource,
                                const QVariant &payload)
{
    if (name != Team::changesChannel())
        return;
    QString why;
    const std::optional<TeamChange> change = parsePayload(payload.toString(), &why);
    if (!change) {
        // A flood of garbage must not flood the log either.
        ++m_ignored;
        if (m_ignored <= 10 || m_ignored % 1000 == 0) {
            qCWarning(lcTeam) << "change feed: ignored a notification (" << m_ignored
                              << "so far):" << why;
        }
        return;
    }
    Q_EMIT changed(*change);
}

std::optional<TeamChange> ChangeFeed::parsePayload(const QString &payload, QString *why)
{
    const auto refuse = [why](const QString &reason) {
        if (why)
            *why = reason;
        return std::nullopt;
    };
    // PostgreSQL caps a payload at 8000 bytes; anything longer did not come from a NOTIFY.
    if (payload.size() > 8000)
        return refuse(QStringLiteral("payload too long"));
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(payload.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return refuse(QStringLiteral("not a JSON object"));
    const QJsonObject object = document.object();
    static const QRegularExpression word(QStringLiteral("^[a-z_]{1,32}$"));
    const QJsonValue what = object.value(QLatin1String("what"));
    if (!what.isString() || !word.match(what.toString()).hasMatch())
        return refuse(QStringLiteral("no valid \"what\""));
    TeamChange change;
    change.what = what.toString();
    const QJsonValue numbers = object.value(QLatin1String("numbers"));
    if (!numbers.isUndefined() && !numbers.isNull()) {
        if (!numbers.isArray())
            return refuse(QStringLiteral("\"numbers\" is not an array"));
        const QJsonArray array = numbers.toArray();
        if (array.size() <= kMaxNumbers) {
            change.numbers.reserve(array.size());
            for (const auto &value : array) {
                const double number = value.toDouble(-1);
                if (!value.isDouble() || number < 1 || number > 9007199254740991.0
                    || std::floor(number) != number)
                    return refuse(QStringLiteral("\"numbers\" holds something other than an "
                                                 "incident number"));
                change.numbers.append(qint64(number));
            }
            change.noIncidents = array.isEmpty();
        }
        // More than that many: as "many", everything is read again.
    }
    const QJsonValue by = object.value(QLatin1String("by"));
    if (by.isString())
        change.by = by.toString().left(kMaxAnalyst);
    else if (!by.isUndefined() && !by.isNull())
        return refuse(QStringLiteral("\"by\" is not a string"));
    return change;
}

QString ChangeFeed::payloadFor(const TeamChange &change)
{
    QJsonObject object{{QStringLiteral("what"), change.what}};
    if (!change.numbers.isEmpty() || change.noIncidents) {
        QJsonArray numbers;
        for (qint64 number : change.numbers)
            numbers.append(double(number));
        object.insert(QStringLiteral("numbers"), numbers);
    }
    if (!change.by.isEmpty())
        object.insert(QStringLiteral("by"), change.by);
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

Result<void> ChangeFeed::notify(const QSqlDatabase &db, const TeamChange &change)
{
    return notifyRaw(db, payloadFor(change));
}

Result<void> ChangeFeed::notifyRaw(const QSqlDatabase &db, const QString &payload)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT pg_notify(?, ?)"));
    query.addBindValue(Team::changesChannel());
    query.addBindValue(payload);
    if (!query.exec())
        return Team::queryError(QStringLiteral("notify"), query.lastError().text());
    return {};
}

} // namespace Vigil
