# bench_eventingest: hunting events from a file against a bare SQLite insert, bytes per event,
# a retention pass over a large table.
find_package(SQLite3 REQUIRED)
add_executable(bench_eventingest ${CMAKE_CURRENT_LIST_DIR}/bench_eventingest.cpp)
target_link_libraries(bench_eventingest PRIVATE vigil_common vigil_sync vigil_store vigil_sqlite
                                                SQLite::SQLite3)
