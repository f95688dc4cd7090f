# bench_queue: the incident queue at 100,000 incidents (first paint, sort, quick filter, memory).
add_executable(bench_queue ${CMAKE_CURRENT_LIST_DIR}/bench_queue.cpp)
target_link_libraries(bench_queue PRIVATE vigil_common vigil_ui)

# bench_queuestartup: the queue's first paint when it comes from a 100,000-incident store.
add_executable(bench_queuestartup ${CMAKE_CURRENT_LIST_DIR}/bench_queuestartup.cpp)
target_link_libraries(bench_queuestartup PRIVATE vigil_common vigil_ui vigil_facade vigil_store)
