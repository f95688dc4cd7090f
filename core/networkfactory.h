#pragma once

#include <functional>

class QNetworkAccessManager;
class QObject;

namespace Vigil {

/**
 * Makes the network manager of a sync or sign-in thread, owned by parent and called on parent's
 * thread. Empty means a plain QNetworkAccessManager; tests hand in one of their own. A value
 * type in core so that configurations can carry it without seeing the network.
 */
using NetworkFactory = std::function<QNetworkAccessManager *(QObject *parent)>;

} // namespace Vigil
