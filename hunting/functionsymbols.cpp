#include "functionsymbols.h"

#include <QLatin1StringView>

namespace Vigil::Kql {

namespace {

// The functions Vigil runs, by unit of reference/kql.md (siblings included, as the page asks).
// The SQL compiler and the SQLite runtime implement exactly these; everything else in the table
// is known to Kusto and refused by name.
const QList<std::pair<QLatin1StringView, QStringList>> &supportedByUnit()
{
    static const QList<std::pair<QLatin1StringView, QStringList>> units = {
            {QLatin1StringView("U2"),
             {QStringLiteral("ago"),
              QStringLiteral("now"),
              QStringLiteral("bin"),
              QStringLiteral("bin_at"),
              QStringLiteral("floor"),
              QStringLiteral("startofday"),
              QStringLiteral("startofweek"),
              QStringLiteral("startofmonth"),
              QStringLiteral("startofyear"),
              QStringLiteral("endofday"),
              QStringLiteral("endofweek"),
              QStringLiteral("endofmonth"),
              QStringLiteral("endofyear"),
              QStringLiteral("todatetime"),
              QStringLiteral("totimespan"),
              QStringLiteral("datetime_diff"),
              QStringLiteral("datetime_add"),
              QStringLiteral("datetime_part"),
              QStringLiteral("dayofweek"),
              QStringLiteral("dayofmonth"),
              QStringLiteral("dayofyear"),
              QStringLiteral("hourofday"),
              QStringLiteral("getmonth"),
              QStringLiteral("getyear"),
              QStringLiteral("monthofyear"),
              QStringLiteral("weekofyear"),
              QStringLiteral("week_of_year"),
              QStringLiteral("format_timespan"),
              QStringLiteral("format_datetime"),
              QStringLiteral("make_datetime"),
              QStringLiteral("make_timespan"),
              QStringLiteral("datetime_utc_to_local"),
              QStringLiteral("datetime_local_to_utc"),
              QStringLiteral("unixtime_seconds_todatetime"),
              QStringLiteral("unixtime_milliseconds_todatetime"),
              QStringLiteral("unixtime_microseconds_todatetime"),
              QStringLiteral("unixtime_nanoseconds_todatetime")}},
            {QLatin1StringView("U4"),
             {QStringLiteral("count"),
              QStringLiteral("countif"),
              QStringLiteral("dcount"),
              QStringLiteral("dcountif"),
              QStringLiteral("count_distinct"),
              QStringLiteral("count_distinctif"),
              QStringLiteral("sum"),
              QStringLiteral("sumif"),
              QStringLiteral("min"),
              QStringLiteral("max"),
              QStringLiteral("minif"),
              QStringLiteral("maxif"),
              QStringLiteral("avg"),
              QStringLiteral("avgif"),
              QStringLiteral("any"),
              QStringLiteral("anyif"),
              QStringLiteral("take_any"),
              QStringLiteral("take_anyif"),
              QStringLiteral("arg_max"),
              QStringLiteral("arg_min"),
              QStringLiteral("make_set"),
              QStringLiteral("make_set_if"),
              QStringLiteral("makeset"),
              QStringLiteral("makelist"),
              QStringLiteral("argmax"),
              QStringLiteral("argmin"),
              QStringLiteral("make_list"),
              QStringLiteral("make_list_if"),
              QStringLiteral("make_list_with_nulls"),
              QStringLiteral("make_bag"),
              QStringLiteral("make_bag_if"),
              QStringLiteral("stdev"),
              QStringLiteral("stdevif"),
              QStringLiteral("stdevp"),
              QStringLiteral("variance"),
              QStringLiteral("varianceif"),
              QStringLiteral("variancep"),
              QStringLiteral("variancepif")}},
            {QLatin1StringView("U5"),
             {QStringLiteral("parse_json"),
              QStringLiteral("parsejson"),
              QStringLiteral("todynamic"),
              QStringLiteral("extract_json"),
              QStringLiteral("extractjson"),
              QStringLiteral("tostring"),
              QStringLiteral("toint"),
              QStringLiteral("tolong"),
              QStringLiteral("todouble"),
              QStringLiteral("toreal"),
              QStringLiteral("tobool"),
              QStringLiteral("toboolean"),
              QStringLiteral("todecimal"),
              QStringLiteral("toguid"),
              QStringLiteral("pack_array"),
              QStringLiteral("pack"),
              QStringLiteral("bag_pack"),
              QStringLiteral("pack_dictionary"),
              QStringLiteral("pack_all"),
              QStringLiteral("array_length"),
              QStringLiteral("array_concat"),
              QStringLiteral("array_index_of"),
              QStringLiteral("array_slice"),
              QStringLiteral("array_reverse"),
              QStringLiteral("range"),
              QStringLiteral("array_sort_asc"),
              QStringLiteral("array_sort_desc"),
              QStringLiteral("set_has_element"),
              QStringLiteral("set_intersect"),
              QStringLiteral("set_union"),
              QStringLiteral("set_difference"),
              QStringLiteral("bag_merge"),
              QStringLiteral("bag_keys"),
              QStringLiteral("bag_has_key"),
              QStringLiteral("bag_remove_keys"),
              QStringLiteral("split"),
              QStringLiteral("strcat_array"),
              QStringLiteral("isnull"),
              QStringLiteral("isnotnull"),
              QStringLiteral("gettype"),
              QStringLiteral("dynamic_to_json"),
              QStringLiteral("array_sum"),
              QStringLiteral("array_rotate_left"),
              QStringLiteral("array_rotate_right"),
              QStringLiteral("array_shift_left"),
              QStringLiteral("array_shift_right"),
              QStringLiteral("array_iff"),
              QStringLiteral("array_iif"),
              QStringLiteral("zip"),
              QStringLiteral("bag_set_key"),
              QStringLiteral("repeat")}},
            {QLatin1StringView("U8"),
             {QStringLiteral("isempty"),
              QStringLiteral("isnotempty"),
              QStringLiteral("notempty"),
              QStringLiteral("notnull"),
              QStringLiteral("iff"),
              QStringLiteral("iif"),
              QStringLiteral("case"),
              QStringLiteral("coalesce"),
              QStringLiteral("tolower"),
              QStringLiteral("toupper"),
              QStringLiteral("strcat"),
              QStringLiteral("strcat_delim"),
              QStringLiteral("strlen"),
              QStringLiteral("substring"),
              QStringLiteral("indexof"),
              QStringLiteral("replace_string"),
              QStringLiteral("replace_regex"),
              QStringLiteral("replace"),
              QStringLiteral("extract"),
              QStringLiteral("extract_all"),
              QStringLiteral("trim"),
              QStringLiteral("trim_start"),
              QStringLiteral("trim_end"),
              QStringLiteral("countof"),
              QStringLiteral("url_decode"),
              QStringLiteral("url_encode"),
              QStringLiteral("url_encode_component"),
              QStringLiteral("base64_encode_tostring"),
              QStringLiteral("base64_decode_tostring"),
              QStringLiteral("base64_decodestring"),
              QStringLiteral("base64_encodestring"),
              QStringLiteral("base64_decode_toarray"),
              QStringLiteral("parse_url"),
              QStringLiteral("parse_urlquery"),
              QStringLiteral("parse_path"),
              QStringLiteral("parse_command_line"),
              QStringLiteral("parse_csv"),
              QStringLiteral("parse_xml"),
              QStringLiteral("string_size"),
              QStringLiteral("format_bytes"),
              QStringLiteral("hash_sha256"),
              QStringLiteral("hash_sha1"),
              QStringLiteral("hash_md5"),
              QStringLiteral("hash"),
              QStringLiteral("make_string"),
              QStringLiteral("unicode_codepoints_from_string"),
              QStringLiteral("unicode_codepoints_to_string"),
              QStringLiteral("abs"),
              QStringLiteral("round"),
              QStringLiteral("ceiling"),
              QStringLiteral("sqrt"),
              QStringLiteral("pow"),
              QStringLiteral("log"),
              QStringLiteral("log10"),
              QStringLiteral("log2"),
              QStringLiteral("exp"),
              QStringLiteral("exp2"),
              QStringLiteral("exp10"),
              QStringLiteral("sign"),
              QStringLiteral("sin"),
              QStringLiteral("cos"),
              QStringLiteral("tan"),
              QStringLiteral("asin"),
              QStringLiteral("acos"),
              QStringLiteral("atan"),
              QStringLiteral("atan2"),
              QStringLiteral("cot"),
              QStringLiteral("degrees"),
              QStringLiteral("radians"),
              QStringLiteral("pi"),
              QStringLiteral("gamma"),
              QStringLiteral("loggamma"),
              QStringLiteral("isinf"),
              QStringLiteral("hash_xxhash64"),
              QStringLiteral("isascii"),
              QStringLiteral("isutf8"),
              QStringLiteral("regex_quote"),
              QStringLiteral("translate"),
              QStringLiteral("replace_strings"),
              QStringLiteral("rand"),
              QStringLiteral("new_guid"),
              QStringLiteral("binary_and"),
              QStringLiteral("binary_or"),
              QStringLiteral("binary_xor"),
              QStringLiteral("binary_not"),
              QStringLiteral("binary_shift_left"),
              QStringLiteral("binary_shift_right"),
              QStringLiteral("ipv4_is_private"),
              QStringLiteral("ipv4_is_in_range"),
              QStringLiteral("ipv4_is_match"),
              QStringLiteral("ipv4_compare"),
              QStringLiteral("ipv4_is_in_any_range"),
              QStringLiteral("format_ipv4"),
              QStringLiteral("format_ipv4_mask"),
              QStringLiteral("parse_ipv4_mask"),
              QStringLiteral("ipv4_netmask_suffix"),
              QStringLiteral("ipv6_compare"),
              QStringLiteral("ipv6_is_match"),
              QStringLiteral("ipv6_is_in_range"),
              QStringLiteral("ipv6_is_in_any_range"),
              QStringLiteral("parse_ipv6"),
              QStringLiteral("parse_ipv6_mask"),
              QStringLiteral("has_ipv4"),
              QStringLiteral("has_ipv4_prefix"),
              QStringLiteral("has_any_ipv4"),
              QStringLiteral("has_any_ipv4_prefix"),
              QStringLiteral("parse_version"),
              QStringLiteral("indexof_regex"),
              QStringLiteral("parse_ipv4"),
              QStringLiteral("jaccard_index"),
              QStringLiteral("reverse"),
              QStringLiteral("strrep"),
              QStringLiteral("max_of"),
              QStringLiteral("min_of"),
              QStringLiteral("not"),
              QStringLiteral("strcmp"),
              QStringLiteral("tohex")}},
            {QLatin1StringView("U13"), {QStringLiteral("geo_info_from_ip_address")}},
            {QLatin1StringView("U14"), {QStringLiteral("ingestion_time")}},
            {QLatin1StringView("U15"),
             {QStringLiteral("prev"),
              QStringLiteral("next"),
              QStringLiteral("row_number"),
              QStringLiteral("row_cumsum"),
              QStringLiteral("series_outliers"),
              QStringLiteral("series_fit_line_dynamic"),
              QStringLiteral("series_fit_2lines_dynamic"),
              QStringLiteral("series_add"),
              QStringLiteral("series_subtract"),
              QStringLiteral("series_multiply"),
              QStringLiteral("series_divide"),
              QStringLiteral("series_pow"),
              QStringLiteral("series_greater"),
              QStringLiteral("series_greater_equals"),
              QStringLiteral("series_less"),
              QStringLiteral("series_less_equals"),
              QStringLiteral("series_equals"),
              QStringLiteral("series_not_equals"),
              QStringLiteral("series_abs"),
              QStringLiteral("series_sign"),
              QStringLiteral("series_floor"),
              QStringLiteral("series_ceiling"),
              QStringLiteral("series_exp"),
              QStringLiteral("series_log"),
              QStringLiteral("series_sin"),
              QStringLiteral("series_cos"),
              QStringLiteral("series_tan"),
              QStringLiteral("series_asin"),
              QStringLiteral("series_acos"),
              QStringLiteral("series_atan")}},
    };
    return units;
}

ParamKind paramKind(QStringView text)
{
    static const QHash<QString, ParamKind> kinds = {
            {QStringLiteral("Declared"), ParamKind::Declared},
            {QStringLiteral("Scalar"), ParamKind::Scalar},
            {QStringLiteral("Any"), ParamKind::Any},
            {QStringLiteral("Tabular"), ParamKind::Tabular},
            {QStringLiteral("Integer"), ParamKind::Integer},
            {QStringLiteral("RealOrDecimal"), ParamKind::RealOrDecimal},
            {QStringLiteral("StringOrDynamic"), ParamKind::StringOrDynamic},
            {QStringLiteral("StringOrArray"), ParamKind::StringOrArray},
            {QStringLiteral("IntegerOrArray"), ParamKind::IntegerOrArray},
            {QStringLiteral("DynamicArray"), ParamKind::DynamicArray},
            {QStringLiteral("DynamicBag"), ParamKind::DynamicBag},
            {QStringLiteral("Number"), ParamKind::Number},
            {QStringLiteral("NumberOrBool"), ParamKind::NumberOrBool},
            {QStringLiteral("Summable"), ParamKind::Summable},
            {QStringLiteral("Orderable"), ParamKind::Orderable},
            {QStringLiteral("NotRealOrBool"), ParamKind::NotRealOrBool},
            {QStringLiteral("NotDynamic"), ParamKind::NotDynamic},
            {QStringLiteral("NotBool"), ParamKind::NotBool},
            {QStringLiteral("Parameter0"), ParamKind::Parameter0},
            {QStringLiteral("Parameter1"), ParamKind::Parameter1},
            {QStringLiteral("Parameter2"), ParamKind::Parameter2},
            {QStringLiteral("CommonScalar"), ParamKind::CommonScalar},
            {QStringLiteral("CommonNumber"), ParamKind::CommonNumber},
            {QStringLiteral("CommonSummable"), ParamKind::CommonSummable},
            {QStringLiteral("CommonOrderable"), ParamKind::CommonOrderable},
            {QStringLiteral("CommonScalarOrDynamic"), ParamKind::CommonScalarOrDynamic},
    };
    return kinds.value(text.toString(), ParamKind::Any);
}

ReturnKind returnKind(QStringView text)
{
    static const QHash<QString, ReturnKind> kinds = {
            {QStringLiteral("Declared"), ReturnKind::Declared},
            {QStringLiteral("Parameter0"), ReturnKind::Parameter0},
            {QStringLiteral("Parameter1"), ReturnKind::Parameter1},
            {QStringLiteral("Parameter2"), ReturnKind::Parameter2},
            {QStringLiteral("ParameterN"), ReturnKind::ParameterN},
            {QStringLiteral("Parameter0Literal"), ReturnKind::Parameter0Literal},
            {QStringLiteral("Parameter1Literal"), ReturnKind::Parameter1Literal},
            {QStringLiteral("ParameterNLiteral"), ReturnKind::ParameterNLiteral},
            {QStringLiteral("Parameter0Promoted"), ReturnKind::Parameter0Promoted},
            {QStringLiteral("Parameter0Array"), ReturnKind::Parameter0Array},
            {QStringLiteral("Common"), ReturnKind::Common},
            {QStringLiteral("CommonNonDynamic"), ReturnKind::CommonNonDynamic},
            {QStringLiteral("Widest"), ReturnKind::Widest},
            {QStringLiteral("Custom"), ReturnKind::Custom},
            {QStringLiteral("Computed"), ReturnKind::Custom},
    };
    return kinds.value(text.toString(), ReturnKind::Other);
}

ResultNameKind resultNameKind(QStringView text)
{
    static const QHash<QString, ResultNameKind> kinds = {
            {QStringLiteral("FirstArgument"), ResultNameKind::FirstArgument},
            {QStringLiteral("OnlyArgument"), ResultNameKind::OnlyArgument},
            {QStringLiteral("FirstArgumentValueIfColumn"),
             ResultNameKind::FirstArgumentValueIfColumn},
            {QStringLiteral("NameAndFirstArgument"), ResultNameKind::NameAndFirstArgument},
            {QStringLiteral("NameAndOnlyArgument"), ResultNameKind::NameAndOnlyArgument},
            {QStringLiteral("PrefixAndFirstArgument"), ResultNameKind::PrefixAndFirstArgument},
            {QStringLiteral("PrefixAndOnlyArgument"), ResultNameKind::PrefixAndOnlyArgument},
            {QStringLiteral("PrefixOnly"), ResultNameKind::PrefixOnly},
    };
    return kinds.value(text.toString(), ResultNameKind::None);
}

// "name:kind:types:min:max:argumentKind"
ParamSymbol parseParam(QStringView text)
{
    const QList<QStringView> f = text.split(u':');
    ParamSymbol p;
    if (f.size() < 6)
        return p;
    p.name = f[0].toString();
    p.kind = paramKind(f[1]);
    for (QStringView type : f[2].split(u'|', Qt::SkipEmptyParts)) {
        if (type == u"type")
            p.typeLiteral = true;
        else if (const std::optional<KqlType> t = kqlTypeFromName(type))
            p.types.append(*t);
    }
    p.minOccurring = f[3].toInt();
    p.maxOccurring = f[4].toInt();
    p.constant = f[5].startsWith(u"Constant") || f[5].startsWith(u"Literal");
    p.starAllowed = f[5].startsWith(u"Star");
    return p;
}

} // namespace

int SignatureSymbol::minArgs() const
{
    int n = 0;
    for (const ParamSymbol &p : params)
        n += p.minOccurring;
    return n;
}

int SignatureSymbol::maxArgs() const
{
    int n = 0;
    for (const ParamSymbol &p : params)
        n += p.maxOccurring;
    return n;
}

FunctionSymbols::FunctionSymbols()
{
    const QString table = QString::fromUtf8(kqlFunctionTable());
    for (QStringView line : QStringView(table).split(u'\n', Qt::SkipEmptyParts)) {
        const QList<QStringView> f = line.split(u'\t');
        if (f.size() < 5)
            continue;
        FunctionSymbol fn;
        fn.aggregate = f[0] == u"a";
        fn.name = f[1].toString();
        fn.resultName = resultNameKind(f[2]);
        fn.resultPrefix = f[3].toString();
        for (QStringView sig : f[4].split(u';', Qt::SkipEmptyParts)) {
            const qsizetype open = sig.indexOf(u'(');
            if (open < 0 || !sig.endsWith(u')'))
                continue;
            const QStringView head = sig.left(open);
            const qsizetype colon = head.indexOf(u':');
            SignatureSymbol s;
            s.returnKind = returnKind(head.left(colon));
            // dynamic{} a bag, dynamic[] an array, dynamic[s|a|b] of single values, arrays, bags.
            QStringView declared = head.mid(colon + 1);
            if (declared == u"dynamic{}") {
                s.returnShape = DynShape::Bag;
                declared = declared.left(7);
            } else if (declared.startsWith(u"dynamic[") && declared.endsWith(u']')) {
                s.returnShape = DynShape::Array;
                const QStringView element = declared.mid(8, declared.size() - 9);
                s.returnElementShape = element == u"s"   ? DynShape::Single
                                       : element == u"a" ? DynShape::Array
                                       : element == u"b" ? DynShape::Bag
                                                         : DynShape::Unknown;
                declared = declared.left(7);
            }
            s.declaredReturn = kqlTypeFromName(declared);
            const QStringView params = sig.mid(open + 1, sig.size() - open - 2);
            for (QStringView param : params.split(u',', Qt::SkipEmptyParts))
                s.params.append(parseParam(param));
            fn.signatures.append(s);
        }
        (fn.aggregate ? m_aggregates : m_functions).insert(fn.name, fn);
    }
    for (const auto &[unit, names] : supportedByUnit()) {
        for (const QString &name : names) {
            for (QHash<QString, FunctionSymbol> *symbols : {&m_functions, &m_aggregates}) {
                auto it = symbols->find(name);
                // U4 names aggregates; the other units scalar functions (any() is both).
                if (it != symbols->end()
                    && (symbols == &m_aggregates) == (unit == QLatin1StringView("U4"))) {
                    it->supported = true;
                    it->unit = unit;
                }
            }
        }
    }
}

const FunctionSymbols &FunctionSymbols::instance()
{
    static const FunctionSymbols symbols;
    return symbols;
}

const FunctionSymbol *FunctionSymbols::find(QStringView name, bool preferAggregate) const
{
    const QString key = name.toString();
    const auto aggregate = m_aggregates.constFind(key);
    const auto scalar = m_functions.constFind(key);
    const FunctionSymbol *a = aggregate == m_aggregates.constEnd() ? nullptr : &*aggregate;
    const FunctionSymbol *s = scalar == m_functions.constEnd() ? nullptr : &*scalar;
    if (a && s)
        return preferAggregate ? a : s;
    return a ? a : s;
}

} // namespace Vigil::Kql
