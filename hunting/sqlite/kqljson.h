#pragma once

#include <QtGlobal>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace Vigil {

/**
 * @brief A KQL dynamic value: JSON with ordered property bags, as Kusto keeps them.
 *
 * Kusto keeps a bag's properties in the order they were written and prints dynamic values as
 * compact JSON; std::map or QJsonObject would sort the keys and QJsonValue would lose 64-bit
 * integers, so the runtime has its own small value. Value type; any thread.
 */
struct KqlJsonMember;

struct KqlJson
{
    enum class Kind { Null, Bool, Long, Real, String, Array, Object };

    Kind kind = Kind::Null;
    bool boolean = false;
    qint64 integer = 0;
    double real = 0;
    std::string text; ///< UTF-8, for String
    std::vector<KqlJson> items; ///< for Array
    std::vector<KqlJsonMember> members; ///< for Object, in written order

    static KqlJson null();
    static KqlJson fromBool(bool value);
    static KqlJson fromLong(qint64 value);
    static KqlJson fromReal(double value);
    static KqlJson fromString(std::string value);
    static KqlJson array();
    static KqlJson object();

    bool isNull() const { return kind == Kind::Null; }
    bool isArray() const { return kind == Kind::Array; }
    bool isObject() const { return kind == Kind::Object; }
    bool isString() const { return kind == Kind::String; }
    bool isNumber() const { return kind == Kind::Long || kind == Kind::Real; }

    /** The member of that exact name, or nullptr. */
    const KqlJson *member(std::string_view key) const;
    /** Sets a member, replacing an existing one in place (keeping its position). */
    void setMember(std::string key, KqlJson value);

    /**
     * Parses JSON text: RFC 8259 plus what Kusto's parser also takes (single-quoted strings).
     * nullopt when the text is not one JSON value or nests deeper than MaxDepth.
     */
    static std::optional<KqlJson> parse(std::string_view text);
    /** Compact JSON text, as Kusto prints dynamic values. */
    std::string serialize() const;
    void serializeTo(std::string &out) const;

    friend bool operator==(const KqlJson &a, const KqlJson &b);

    static constexpr int MaxDepth = 256;
};

/**
 * @brief One property of a JSON object: its key and value (named as std::pair's, which cannot
 * hold the still incomplete KqlJson inside KqlJson's own definition). Value type; any thread.
 */
struct KqlJsonMember
{
    std::string first; ///< the key
    KqlJson second; ///< the value

    friend bool operator==(const KqlJsonMember &, const KqlJsonMember &) = default;
};

/** How Kusto prints a real: the shortest round-trip digits, exponent form as .NET writes it. */
std::string kqlFormatReal(double value);
/** Appends text as a JSON string literal (quotes and escapes). */
void kqlAppendJsonString(std::string &out, std::string_view text);

} // namespace Vigil
