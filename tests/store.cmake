vigil_add_test(NAME tst_incidentstore SOURCES tst_incidentstore.cpp LIBS vigil_store LABELS store)
# The hunting library's database: runs, saved queries, .kql export and import.
vigil_add_test(NAME tst_huntinglibrary SOURCES tst_huntinglibrary.cpp LIBS vigil_store LABELS store hunting)
# A throwaway PostgreSQL 15 server (initdb into a temporary folder, a free loopback port) for the
# team-mode tests; as root the server runs as the postgres user.
add_library(vigil_pgserver STATIC ${CMAKE_CURRENT_LIST_DIR}/support/pgserver.cpp
                                  ${CMAKE_CURRENT_LIST_DIR}/support/pgserver.h)
target_include_directories(vigil_pgserver PUBLIC ${CMAKE_CURRENT_LIST_DIR}/support)
target_link_libraries(vigil_pgserver PUBLIC vigil_common Qt6::Core Qt6::Network Qt6::Sql)
vigil_add_test(NAME tst_pgserver SOURCES tst_pgserver.cpp LIBS vigil_pgserver Qt6::Sql LABELS store postgres)
vigil_add_test(NAME tst_pglocation SOURCES tst_pglocation.cpp LIBS vigil_store vigil_pgserver LABELS store postgres)

# vigil_add_postgres_variant(test): runs test again against PostgreSQL (VIGIL_TEST_STORE=postgresql:
# a throwaway server and a fresh database per test case), labelled postgres.
function(vigil_add_postgres_variant name)
    target_link_libraries(${name} PRIVATE vigil_pgserver)
    add_test(NAME ${name}_postgres COMMAND $<TARGET_FILE:${name}>)
    get_test_property(${name} LABELS labels)
    get_test_property(${name} TIMEOUT timeout)
    set_tests_properties(${name}_postgres PROPERTIES
        TIMEOUT ${timeout}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LANG=C.UTF-8;LC_ALL=C.UTF-8;VIGIL_TEST_STORE=postgresql"
        LABELS "${labels};postgres")
endfunction()
vigil_add_postgres_variant(tst_incidentstore)
# vigilctl db migrate's copy of a SQLite store into a PostgreSQL one.
vigil_add_test(NAME tst_storecopy SOURCES tst_storecopy.cpp LIBS vigil_store vigil_pgserver LABELS store postgres)
