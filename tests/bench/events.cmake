# bench_eventingest: hunting events from a file against a bare SQLite insert, bytes per event,
# a retention pass over a large table.
find_package(SQLite3 REQUIRED)
add_executable(bench_eventingest ${CMAKE_CURRENT_LIST_DIR}/bench_eventingest.cpp
                                 ${CMAKE_CURRENT_LIST_DIR}/eventbenchsupport.h)
target_link_libraries(bench_eventingest PRIVATE vigil_common vigil_sync vigil_store vigil_sqlite
                                                SQLite::SQLite3)
# bench_eventstream: the same records streamed from Azurite through EventService, against the
# same bare insert (needs Azurite, as the azurite tests do).
add_executable(bench_eventstream ${CMAKE_CURRENT_LIST_DIR}/bench_eventstream.cpp
                                 ${CMAKE_CURRENT_LIST_DIR}/eventbenchsupport.h)
target_link_libraries(bench_eventstream PRIVATE vigil_common vigil_sync vigil_store vigil_sqlite
                                                vigil_azurite SQLite::SQLite3)
