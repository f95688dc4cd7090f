find_package(simdjson REQUIRED)
find_package(SQLite3 REQUIRED)
add_executable(bench_initialsync ${CMAKE_CURRENT_LIST_DIR}/bench_initialsync.cpp
    ${CMAKE_CURRENT_LIST_DIR}/barereference.cpp ${CMAKE_CURRENT_LIST_DIR}/barereference.h)
target_link_libraries(bench_initialsync PRIVATE vigil_common vigil_sync vigil_sim vigil_sqlite
    Qt6::Network simdjson::simdjson SQLite::SQLite3)
add_executable(bench_twoway ${CMAKE_CURRENT_LIST_DIR}/bench_twoway.cpp)
target_link_libraries(bench_twoway PRIVATE vigil_common vigil_facade vigil_sync vigil_sim)
