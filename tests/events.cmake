# The hunting event store: reading records, storing them, importing files, retention.
vigil_add_test(NAME tst_eventrecordreader SOURCES tst_eventrecordreader.cpp LIBS vigil_core LABELS events)
vigil_add_test(NAME tst_eventstore SOURCES tst_eventstore.cpp LIBS vigil_store vigil_testclock LABELS events)
# vigilctl import / tables / retention, run as a user does (one import is killed with SIGKILL).
find_package(ZLIB REQUIRED)
vigil_add_test(NAME tst_eventimport SOURCES tst_eventimport.cpp LIBS Qt6::Sql ZLIB::ZLIB
               LABELS events app TIMEOUT 240)
target_compile_definitions(tst_eventimport PRIVATE VIGILCTL_PATH="$<TARGET_FILE:vigilctl>")
add_dependencies(tst_eventimport vigilctl)
# The window's File → Import and the connector page's hunting tables.
if(VIGIL_GUI)
    vigil_add_test(NAME tst_huntingui SOURCES tst_huntingui.cpp LIBS vigil_ui vigil_facade
                   LABELS events ui)
endif()
# The store on its writer thread: batches with checkpoints, checkpoints, retention.
vigil_add_test(NAME tst_eventservice SOURCES tst_eventservice.cpp LIBS vigil_sync vigil_testclock
               LABELS events)
