# Team mode: a change on one console → the other consoles' change feeds (LISTEN/NOTIFY).
add_executable(bench_teamfeed ${CMAKE_CURRENT_LIST_DIR}/bench_teamfeed.cpp)
target_link_libraries(bench_teamfeed PRIVATE vigil_common vigil_sync vigil_pgserver Qt6::Test)
# Team mode end to end: edit → other consoles (1 and 10), Graph calls of 10 consoles against one,
# initial sync into PostgreSQL against SQLite; one PostgreSQL server, one simulated tenant.
add_executable(bench_team ${CMAKE_CURRENT_LIST_DIR}/bench_team.cpp)
target_link_libraries(bench_team PRIVATE vigil_common vigil_facade vigil_sync vigil_sim
    vigil_pgserver)
