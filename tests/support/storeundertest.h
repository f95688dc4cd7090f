#pragma once

#include "pgserver.h"
#include "storeconfig.h"

#include <QString>
#include <QTest>

#include <memory>

namespace Vigil::Test {

/**
 * @brief The engine a store test runs on: a SQLite file (the default), or a fresh PostgreSQL
 * database per test case when VIGIL_TEST_STORE=postgresql (the `_postgres` ctest variants).
 *
 * One throwaway server per test process, started by start() in initTestCase(); config() names
 * the current test case's database. Lives on the test's thread.
 */
class StoreUnderTest
{
public:
    static bool postgresWanted()
    {
        return qEnvironmentVariable("VIGIL_TEST_STORE")
                       .compare(QLatin1String("postgresql"), Qt::CaseInsensitive)
               == 0;
    }

    bool isPostgres() const { return m_server != nullptr; }

    /** Starts the server when the variant asks for PostgreSQL. False with reason() when it
     *  cannot: skip (fail on CI, PgServer::requiredHere()). */
    bool start()
    {
        if (!postgresWanted())
            return true;
        if (PgServer::binDir().isEmpty()) {
            m_reason = PgServer::missingAdvice();
            return false;
        }
        m_server = std::make_unique<PgServer>();
        if (!m_server->start()) {
            m_reason = m_server->lastError();
            m_server.reset();
            return false;
        }
        return true;
    }
    QString reason() const { return m_reason; }

    /** A new, empty database for the test case now starting (SQLite: the file at path). */
    bool newDatabase(const QString &sqlitePath)
    {
        if (!m_server) {
            m_config = StoreConfig::sqlite(sqlitePath);
            return true;
        }
        const QString name = QStringLiteral("case%1").arg(++m_cases);
        if (!m_server->createDatabase(name)) {
            m_reason = m_server->lastError();
            return false;
        }
        m_config = StoreConfig::postgres(m_server->url(name));
        return true;
    }
    StoreConfig config() const { return m_config; }
    PgServer *server() const { return m_server.get(); }

private:
    std::unique_ptr<PgServer> m_server;
    StoreConfig m_config;
    QString m_reason;
    int m_cases = 0;
};

} // namespace Vigil::Test

/** In initTestCase(): starts the engine, or skips (fails on CI) when PostgreSQL is missing. */
#define VIGIL_START_STORE_ENGINE(engine) \
    do { \
        if (!(engine).start()) { \
            if (Vigil::Test::PgServer::requiredHere()) \
                QFAIL(qPrintable((engine).reason())); \
            QSKIP(qPrintable((engine).reason())); \
        } \
    } while (false)

/** In a test function about SQLite's own file behaviour: skipped on PostgreSQL. */
#define VIGIL_SQLITE_ONLY(engine) \
    do { \
        if ((engine).isPostgres()) \
            QSKIP("about SQLite's file; PostgreSQL has its own tests"); \
    } while (false)
