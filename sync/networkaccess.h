#pragma once

#include "networkfactory.h"
#include "result.h"

#include <QtGlobal>

#include <chrono>
#include <functional>
#include <optional>

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

/**
 * Stops reading reply once it has received more than maxBytes, so that a broken or hostile
 * service cannot fill the memory with an endless answer: the reply is aborted, and
 * answerTooLarge() then gives the error to report instead of the reply's own.
 */
void limitAnswer(QNetworkReply *reply, qint64 maxBytes);
/** For a reply limitAnswer() stopped, an AnswerTooLarge error naming its host and the limit. */
std::optional<Error> answerTooLarge(const QNetworkReply *reply);

} // namespace Vigil
