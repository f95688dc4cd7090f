#pragma once
// Command-line checking shared by the benchmarks: every option takes one value, and an option a
// benchmark does not know (or --help) prints its usage instead of starting a run of minutes.

#include <QStringList>

#include <cstdio>
#include <initializer_list>

namespace Vigil::Bench {

/**
 * True when args (program name first) are pairs of a known option and its value. Otherwise
 * prints what is wrong and the usage to stderr and returns false: the caller exits with 2.
 * Values are read by the benchmark itself (an option may be given only once).
 */
inline bool checkOptions(const QStringList &args, std::initializer_list<const char *> known,
                         const char *usage)
{
    for (qsizetype i = 1; i < args.size(); i += 2) {
        const QString &name = args.at(i);
        bool ok = false;
        for (const char *k : known)
            ok = ok || name == QLatin1String(k);
        if (!ok || i + 1 >= args.size() || args.indexOf(name, i + 1) > i) {
            if (name != QLatin1String("--help") && name != QLatin1String("-h")) {
                const char *why = !ok ? "unknown option"
                                      : (i + 1 >= args.size() ? "needs a value" : "given twice");
                std::fprintf(stderr, "%s: %s\n", qPrintable(name), why);
            }
            std::fprintf(stderr, "usage: %s %s\n", qPrintable(args.value(0)), usage);
            return false;
        }
    }
    return true;
}

} // namespace Vigil::Bench
