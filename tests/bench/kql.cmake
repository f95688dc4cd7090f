# bench_kql: KQL hunting queries against the same questions written by hand in SQL.
add_executable(bench_kql ${CMAKE_CURRENT_LIST_DIR}/bench_kql.cpp)
target_link_libraries(bench_kql PRIVATE vigil_kqlengine vigil_store SQLite::SQLite3)
