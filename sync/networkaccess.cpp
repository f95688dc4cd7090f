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

} // namespace Vigil
