# End-to-end tests of the executables, run as a user would run them.
vigil_add_test(NAME tst_vigilctl SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_vigilctl.cpp
               LIBS Qt6::Core Qt6::Network LABELS app e2e TIMEOUT 300)
target_compile_definitions(tst_vigilctl PRIVATE VIGILCTL_PATH="$<TARGET_FILE:vigilctl>")
add_dependencies(tst_vigilctl vigilctl)
# `incident update`: delivered at once or queued with the reason, --wait, a window's claim.
vigil_add_test(NAME tst_vigilctlupdate SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_vigilctlupdate.cpp
               LIBS vigil_simfixture LABELS app e2e sim TIMEOUT 300)
target_compile_definitions(tst_vigilctlupdate PRIVATE VIGILCTL_PATH="$<TARGET_FILE:vigilctl>")
add_dependencies(tst_vigilctlupdate vigilctl)
# The demo tenant's hunting events: streamed from its storage account, then hunted in.
vigil_add_test(NAME tst_vigilctldemohunt SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_vigilctldemohunt.cpp
               LIBS Qt6::Core LABELS app e2e TIMEOUT 600)
target_compile_definitions(tst_vigilctldemohunt PRIVATE VIGILCTL_PATH="$<TARGET_FILE:vigilctl>")
add_dependencies(tst_vigilctldemohunt vigilctl)
if(VIGIL_GUI)
    vigil_add_test(NAME tst_vigilscreenshot
                   SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_vigilscreenshot.cpp
                   LIBS Qt6::Gui LABELS app e2e TIMEOUT 300)
    target_compile_definitions(tst_vigilscreenshot PRIVATE VIGIL_PATH="$<TARGET_FILE:vigil>")
    add_dependencies(tst_vigilscreenshot vigil)
endif()
vigil_add_test(NAME tst_crashrecovery SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_crashrecovery.cpp
               LIBS Qt6::Core Qt6::Network Qt6::Sql LABELS app e2e TIMEOUT 300)
target_compile_definitions(tst_crashrecovery PRIVATE VIGILCTL_PATH="$<TARGET_FILE:vigilctl>"
                                                     VIGIL_SIM_PATH="$<TARGET_FILE:vigil-sim>")
add_dependencies(tst_crashrecovery vigilctl vigil-sim)
vigil_add_test(NAME tst_exactlyonce SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_exactlyonce.cpp
               LIBS vigil_facade Qt6::Core Qt6::Network LABELS app e2e TIMEOUT 400)
target_compile_definitions(tst_exactlyonce PRIVATE VIGILCTL_PATH="$<TARGET_FILE:vigilctl>"
                                                   VIGIL_SIM_PATH="$<TARGET_FILE:vigil-sim>")
add_dependencies(tst_exactlyonce vigilctl vigil-sim)
# Server text on the command line: terminal tables, CSV cells and alert links, through vigilctl.
vigil_add_test(NAME tst_vigilctlplain SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_vigilctlplain.cpp
               LIBS vigil_syncsupport LABELS app e2e TIMEOUT 300)
target_compile_definitions(tst_vigilctlplain PRIVATE VIGILCTL_PATH="$<TARGET_FILE:vigilctl>"
                                                     VIGIL_SIM_PATH="$<TARGET_FILE:vigil-sim>")
add_dependencies(tst_vigilctlplain vigilctl vigil-sim)
# vigilctl against a scripted hostile service (a stub on loopback).
vigil_add_test(NAME tst_vigilctlhostile SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_vigilctlhostile.cpp
               LIBS vigil_syncsupport LABELS app e2e TIMEOUT 300)
target_compile_definitions(tst_vigilctlhostile PRIVATE VIGILCTL_PATH="$<TARGET_FILE:vigilctl>")
add_dependencies(tst_vigilctlhostile vigilctl)
# `vigilctl hunt --remote` against a scripted runHuntingQuery (a stub on loopback).
vigil_add_test(NAME tst_vigilctlremotehunt
               SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_vigilctlremotehunt.cpp
               LIBS vigil_syncsupport LABELS app e2e hunting TIMEOUT 300)
target_compile_definitions(tst_vigilctlremotehunt PRIVATE VIGILCTL_PATH="$<TARGET_FILE:vigilctl>")
add_dependencies(tst_vigilctlremotehunt vigilctl)
# Team mode: `team status` and headless `sync --follow` consoles electing one sync leader.
vigil_add_test(NAME tst_vigilctlteam SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_vigilctlteam.cpp
               LIBS Qt6::Core vigil_pgserver LABELS app e2e postgres TIMEOUT 300)
target_compile_definitions(tst_vigilctlteam PRIVATE VIGILCTL_PATH="$<TARGET_FILE:vigilctl>")
add_dependencies(tst_vigilctlteam vigilctl)
# `incident show` (table and JSON) and `incidents list --filter sla:…` on a scripted Graph.
vigil_add_test(NAME tst_vigilctlreading SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_vigilctlreading.cpp
               LIBS vigil_syncsupport LABELS app e2e TIMEOUT 300)
target_compile_definitions(tst_vigilctlreading PRIVATE VIGILCTL_PATH="$<TARGET_FILE:vigilctl>")
add_dependencies(tst_vigilctlreading vigilctl)
# A team's outbox across real processes: takeover after SIGKILL or pg_terminate_backend, each
# edit delivered once; three analysts and the portal converge.
vigil_add_test(NAME tst_teamoutbox SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_teamoutbox.cpp
               LIBS vigil_simfixture vigil_pgserver LABELS app e2e postgres sim TIMEOUT 900)
target_compile_definitions(tst_teamoutbox PRIVATE VIGILCTL_PATH="$<TARGET_FILE:vigilctl>")
add_dependencies(tst_teamoutbox vigilctl)
