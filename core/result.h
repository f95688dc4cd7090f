#pragma once

#include <QMetaType>
#include <QString>

#include <chrono>
#include <optional>
#include <utility>
#include <variant>

namespace Vigil {

/** @brief What went wrong, in terms the UI and the retry logic can act on. Any thread. */
struct Error
{
    enum class Kind {
        Network,
        Timeout,
        Auth,
        Forbidden,
        NotFound,
        Throttled,
        Server,
        BadRequest,
        Parse,
        Storage,
        Config,
        Cancelled,
        Conflict,
    };

    Kind kind = Kind::Network;
    int httpStatus = 0;
    QString code;
    QString message;
    std::optional<std::chrono::seconds> retryAfter;

    /** True for failures that a later attempt may not hit: network, timeouts, 5xx, 429. */
    bool isTransient() const
    {
        return kind == Kind::Network || kind == Kind::Timeout || kind == Kind::Server
               || kind == Kind::Throttled;
    }
    /** One line for logs and the status bar: kind, status, Graph code and message. */
    QString toString() const;
};

QString errorKindName(Error::Kind kind);

/** @brief A value or an Error (std::expected is C++23). Any thread. */
template<typename T>
class Result
{
public:
    Result(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    { }
    Result(Error error)
        : m_data(std::in_place_index<1>, std::move(error))
    { }

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_data); }
    T &value() & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }
    const Error &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

/** @brief Result of an operation without a value. */
template<>
class Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
    { }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

} // namespace Vigil

Q_DECLARE_METATYPE(Vigil::Error)
