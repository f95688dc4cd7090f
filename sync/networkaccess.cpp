#include "networkaccess.h"

#include "clock.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace Vigil {

QNetworkAccessManager *createNetworkManager(const NetworkFactory &factory, QObject *parent)
{
    return factory ? factory(parent) : new QNetworkAccessManager(parent);
}

void prepareTransferTimeout(QNetworkRequest &request, const Clock *clock,
                            std::chrono::milliseconds timeout)
{
    if (clock == Clock::system())
        request.setTransferTimeout(int(timeout.count()));
}

void watchTransfer(QNetworkReply *reply, Clock *clock, std::chrono::milliseconds timeout)
{
    if (clock == Clock::system() || timeout.count() <= 0)
        return;
    ClockTimer *timer = clock->createTimer(reply);
    // An abort Vigil did not ask for reads as a timeout, as with Qt's own transfer timeout.
    QObject::connect(timer, &ClockTimer::timeout, reply, &QNetworkReply::abort);
    const auto restart = [timer, timeout] { timer->start(timeout); };
    QObject::connect(reply, &QNetworkReply::downloadProgress, timer, restart);
    QObject::connect(reply, &QNetworkReply::uploadProgress, timer, restart);
    QObject::connect(reply, &QNetworkReply::finished, timer, &ClockTimer::stop);
    timer->start(timeout);
}

namespace {
constexpr char kLimitProperty[] = "vigil.answerLimit";
constexpr char kTooLargeProperty[] = "vigil.answerTooLarge";
} // namespace

void limitAnswer(QNetworkReply *reply, qint64 maxBytes)
{
    reply->setProperty(kLimitProperty, maxBytes);
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply,
                     [reply, maxBytes](qint64 received, qint64) {
                         if (received > maxBytes && !reply->property(kTooLargeProperty).toBool()) {
                             reply->setProperty(kTooLargeProperty, true);
                             reply->abort();
                         }
                     });
}

std::optional<Error> answerTooLarge(const QNetworkReply *reply)
{
    if (!reply->property(kTooLargeProperty).toBool())
        return std::nullopt;
    return Error{Error::Kind::Parse,
                 reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                 QStringLiteral("AnswerTooLarge"),
                 QStringLiteral("the answer from %1 went on past %2 bytes; it was not read "
                                "further")
                         .arg(reply->url().host())
                         .arg(reply->property(kLimitProperty).toLongLong()),
                 {}};
}

} // namespace Vigil
