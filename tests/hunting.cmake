# The KQL engine's runtime: values and the functions registered on SQLite.
vigil_add_test(NAME tst_kqltime SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_kqltime.cpp LIBS vigil_kqlsqlite LABELS hunting)
vigil_add_test(NAME tst_kqlfunctions SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_kqlfunctions.cpp LIBS vigil_kqlsqlite LABELS hunting)
# The KQL engine. The conformance test needs Node.js and Microsoft's KQL language service
# (scripts/install-deps.sh installs it outside the repository); it skips without them on a
# developer machine and fails in CI (CI=true).
find_program(VIGIL_NODE_EXECUTABLE node)
set(VIGIL_KQL_ORACLE "${PROJECT_SOURCE_DIR}/../shared/tools/kql-oracle/oracle.js" CACHE FILEPATH
    "tools/kql-oracle/oracle.js: Microsoft's KQL analyzer as a command (the conformance oracle)")
if(DEFINED ENV{VIGIL_NPM_CACHE})
    set(vigil_npm_cache "$ENV{VIGIL_NPM_CACHE}")
else()
    set(vigil_npm_cache "/var/cache/vigil-npm")
endif()
set(VIGIL_KUSTO_LS_DIR "${vigil_npm_cache}/kusto-language-service-next/node_modules/@kusto/language-service-next"
    CACHE PATH "the installed npm package @kusto/language-service-next")
vigil_add_test(NAME tst_kqlconformance SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_kqlconformance.cpp
               LIBS vigil_hunting LABELS hunting oracle TIMEOUT 300)
target_compile_definitions(tst_kqlconformance PRIVATE
    VIGIL_TEST_DATA="${CMAKE_CURRENT_LIST_DIR}/data"
    VIGIL_NODE="${VIGIL_NODE_EXECUTABLE}"
    VIGIL_KQL_ORACLE="${VIGIL_KQL_ORACLE}"
    VIGIL_KUSTO_LS_DIR="${VIGIL_KUSTO_LS_DIR}")
vigil_add_test(NAME tst_kqlfuzz SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_kqlfuzz.cpp
               LIBS vigil_hunting LABELS hunting fuzz TIMEOUT 120)
target_compile_definitions(tst_kqlfuzz PRIVATE VIGIL_TEST_DATA="${CMAKE_CURRENT_LIST_DIR}/data")
vigil_add_test(NAME tst_kqlfrontend SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_kqlfrontend.cpp
               LIBS vigil_hunting LABELS hunting TIMEOUT 120)
target_compile_definitions(tst_kqlfrontend PRIVATE VIGILCTL_PATH="$<TARGET_FILE:vigilctl>")
add_dependencies(tst_kqlfrontend vigilctl)
# The compiler to SQL and the runner: the conformance queries compile and run on an empty store.
vigil_add_test(NAME tst_kqlcompile SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_kqlcompile.cpp
               LIBS vigil_kqlengine vigil_store LABELS hunting TIMEOUT 120)
target_compile_definitions(tst_kqlcompile PRIVATE VIGIL_TEST_DATA="${CMAKE_CURRENT_LIST_DIR}/data")
# Kusto's semantics where SQL differs (the pitfalls of reference/kql.md) and `vigilctl hunt`.
vigil_add_test(NAME tst_kqlsemantics SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_kqlsemantics.cpp
               LIBS vigil_kqlengine LABELS hunting app TIMEOUT 120)
target_compile_definitions(tst_kqlsemantics PRIVATE VIGILCTL_PATH="$<TARGET_FILE:vigilctl>")
add_dependencies(tst_kqlsemantics vigilctl)
# evaluate bag_unpack(): the slots read from the data, then the query; rows from Microsoft's page.
vigil_add_test(NAME tst_kqlbagunpack SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_kqlbagunpack.cpp
               LIBS vigil_kqlengine vigil_facade LABELS hunting)
target_compile_definitions(tst_kqlbagunpack PRIVATE VIGILCTL_PATH="$<TARGET_FILE:vigilctl>")
add_dependencies(tst_kqlbagunpack vigilctl)
# Series and window functions (U15): values worked out from Microsoft's documentation.
vigil_add_test(NAME tst_kqlseries SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_kqlseries.cpp
               LIBS vigil_kqlengine LABELS hunting)
target_compile_definitions(tst_kqlseries PRIVATE VIGILCTL_PATH="$<TARGET_FILE:vigilctl>")
add_dependencies(tst_kqlseries vigilctl)
# scan and find: rows worked out from Microsoft's documentation.
vigil_add_test(NAME tst_kqlscanfind SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_kqlscanfind.cpp
               LIBS vigil_kqlengine LABELS hunting)
target_compile_definitions(tst_kqlscanfind PRIVATE VIGILCTL_PATH="$<TARGET_FILE:vigilctl>")
add_dependencies(tst_kqlscanfind vigilctl)
# The editor's help: completion at a cursor, the block at the cursor, KQL string literals.
vigil_add_test(NAME tst_kqlassist SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_kqlassist.cpp
               LIBS vigil_kqlengine LABELS hunting)
# externaldata against a feed server the test starts on loopback: formats, allow-list, limits,
# the on-disk cache, the window's controller and vigilctl; columns checked by the oracle.
vigil_add_test(NAME tst_kqlexternaldata SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_kqlexternaldata.cpp
               LIBS vigil_kqlfeeds vigil_facade vigil_store LABELS hunting app TIMEOUT 180)
target_compile_definitions(tst_kqlexternaldata PRIVATE
    VIGILCTL_PATH="$<TARGET_FILE:vigilctl>"
    VIGIL_KQL_ORACLE="${VIGIL_KQL_ORACLE}"
    VIGIL_KUSTO_LS_DIR="${VIGIL_KUSTO_LS_DIR}")
add_dependencies(tst_kqlexternaldata vigilctl)
# GeoIP and Defender's built-in functions (U12, U13): a MaxMind DB file the test writes, Debian's
# geoip-database when installed, the oracle's columns when it is installed.
vigil_add_test(NAME tst_kqlbuiltins SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_kqlbuiltins.cpp
               LIBS vigil_kqlengine vigil_store LABELS hunting oracle TIMEOUT 180)
target_compile_definitions(tst_kqlbuiltins PRIVATE VIGILCTL_PATH="$<TARGET_FILE:vigilctl>"
    VIGIL_NODE="${VIGIL_NODE_EXECUTABLE}" VIGIL_KQL_ORACLE="${VIGIL_KQL_ORACLE}"
    VIGIL_KUSTO_LS_DIR="${VIGIL_KUSTO_LS_DIR}")
add_dependencies(tst_kqlbuiltins vigilctl)
