add_library(vigil_syncsupport STATIC support/syncsupport.cpp support/syncsupport.h)
target_include_directories(vigil_syncsupport PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/support)
target_link_libraries(vigil_syncsupport PUBLIC vigil_common Qt6::Network)
# A clock that moves only when a test says so (core's Clock interface).
add_library(vigil_testclock STATIC support/testclock.cpp support/testclock.h)
target_include_directories(vigil_testclock PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/support)
target_link_libraries(vigil_testclock PUBLIC vigil_core)
# The in-process simulated tenant the sync, rule and UI tests run against.
add_library(vigil_simfixture STATIC support/simfixture.cpp support/simfixture.h)
target_include_directories(vigil_simfixture PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/support)
target_link_libraries(vigil_simfixture PUBLIC vigil_common vigil_facade vigil_sync vigil_sim Qt6::Network
                                              Qt6::Test)
# Moves a test clock on while a real sync runs against the simulator.
add_library(vigil_clockdriver STATIC support/clockdriver.cpp support/clockdriver.h)
target_include_directories(vigil_clockdriver PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/support)
target_link_libraries(vigil_clockdriver PUBLIC vigil_testclock Qt6::Network Qt6::Test)

vigil_add_test(NAME tst_graphclient SOURCES tst_graphclient.cpp
               LIBS vigil_sync vigil_syncsupport LABELS sync)
vigil_add_test(NAME tst_syncworker SOURCES tst_syncworker.cpp
               LIBS vigil_simfixture vigil_testclock LABELS sync sim TIMEOUT 300)
vigil_add_test(NAME tst_twowaysync SOURCES tst_twowaysync.cpp
               LIBS vigil_simfixture LABELS sync sim TIMEOUT 300)
vigil_add_test(NAME tst_outboxdelivery SOURCES tst_outboxdelivery.cpp
               LIBS vigil_simfixture LABELS sync sim TIMEOUT 300)
vigil_add_test(NAME tst_convergence SOURCES tst_convergence.cpp
               LIBS vigil_simfixture vigil_clockdriver LABELS sync sim TIMEOUT 900)

# Direct tests of the pieces the sync is made of, on a test clock where time matters.
vigil_add_test(NAME tst_ratelimiter SOURCES tst_ratelimiter.cpp
               LIBS vigil_sync vigil_syncsupport vigil_testclock LABELS sync)
vigil_add_test(NAME tst_tokenprovider SOURCES tst_tokenprovider.cpp
               LIBS vigil_sync vigil_syncsupport vigil_testclock LABELS sync auth)
vigil_add_test(NAME tst_synccontroller SOURCES tst_synccontroller.cpp
               LIBS vigil_facade vigil_sync vigil_sim LABELS sync sim TIMEOUT 300)
# Running a hunting query in Defender: the answer, the client's errors and retries, the facade.
vigil_add_test(NAME tst_remotehunt SOURCES tst_remotehunt.cpp
               LIBS vigil_facade vigil_sync vigil_syncsupport LABELS sync hunting)
# The engine against a scripted hostile service: future dates, looping pages, broken text.
vigil_add_test(NAME tst_hostilesync SOURCES tst_hostilesync.cpp
               LIBS vigil_simfixture vigil_syncsupport LABELS sync TIMEOUT 240)
# It measures convergence under injected faults with real HTTP and real time: run alone, so that
# the other tests' load does not change the interleavings it checks.
set_tests_properties(tst_convergence PROPERTIES RUN_SERIAL TRUE)

# Team mode on PostgreSQL: the sync leader's election across processes (vigil_teamprobe), the
# change feed (LISTEN/NOTIFY) and presence, against a throwaway server (vigil_pgserver).
add_executable(vigil_teamprobe support/teamprobe.cpp)
target_link_libraries(vigil_teamprobe PRIVATE vigil_sync)
vigil_add_test(NAME tst_teamelection SOURCES tst_teamelection.cpp
               LIBS vigil_sync vigil_pgserver LABELS sync postgres TIMEOUT 300)
target_compile_definitions(tst_teamelection PRIVATE
                           TEAMPROBE_PATH="$<TARGET_FILE:vigil_teamprobe>")
add_dependencies(tst_teamelection vigil_teamprobe)
vigil_add_test(NAME tst_teamfeed SOURCES tst_teamfeed.cpp
               LIBS vigil_sync vigil_facade vigil_pgserver LABELS sync postgres TIMEOUT 300)
# Defender's file profiles fetched by the sync for the local FileProfile(), against the
# simulated tenant and a scripted hostile one.
vigil_add_test(NAME tst_fileprofilesync SOURCES tst_fileprofilesync.cpp
               LIBS vigil_simfixture vigil_syncsupport vigil_hunting LABELS sync sim hunting
               TIMEOUT 300)
# Defender's SeenBy() answers fetched by the sync for the local SeenBy(), likewise.
vigil_add_test(NAME tst_seenbysync SOURCES tst_seenbysync.cpp
               LIBS vigil_simfixture vigil_syncsupport vigil_hunting LABELS sync sim hunting
               TIMEOUT 300)
