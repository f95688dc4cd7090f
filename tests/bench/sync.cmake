add_executable(bench_initialsync ${CMAKE_CURRENT_LIST_DIR}/bench_initialsync.cpp)
target_link_libraries(bench_initialsync PRIVATE vigil_common vigil_sync vigil_sim)
add_executable(bench_twoway ${CMAKE_CURRENT_LIST_DIR}/bench_twoway.cpp)
target_link_libraries(bench_twoway PRIVATE vigil_common vigil_facade vigil_sync vigil_sim)
