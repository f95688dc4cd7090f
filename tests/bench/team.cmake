# Team mode: a change on one console → the other consoles' change feeds (LISTEN/NOTIFY).
add_executable(bench_teamfeed ${CMAKE_CURRENT_LIST_DIR}/bench_teamfeed.cpp)
target_link_libraries(bench_teamfeed PRIVATE vigil_common vigil_sync vigil_pgserver Qt6::Test)
