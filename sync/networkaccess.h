#pragma once

#include "networkfactory.h"

#include <chrono>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;
class QObject;

namespace Vigil {

class Clock;

/** factory(parent), or a plain QNetworkAccessManager when factory is empty. */
QNetworkAccessManager *createNetworkManager(const NetworkFactory &factory, QObject *parent);

/**
 * A request that receives nothing for timeout fails as a Timeout. On the system clock that is
 * QNetworkRequest's own transfer timeout (set by prepareTransferTimeout() before sending); on
 * any other clock watchTransfer() aborts the reply with a timer of that clock, restarted by
 * every byte, so that a test clock decides when it has waited long enough.
 */
void prepareTransferTimeout(QNetworkRequest &request, const Clock *clock,
                            std::chrono::milliseconds timeout);
void watchTransfer(QNetworkReply *reply, Clock *clock, std::chrono::milliseconds timeout);

} // namespace Vigil
