# Reading the Defender streaming API's Azure Storage destination: against a real Azurite (label
# azurite), and against a stand-in server for the faults Azurite cannot produce.
find_program(VIGIL_AZURITE_BLOB azurite-blob
             HINTS $ENV{VIGIL_NPM_CACHE}/azurite/node_modules/.bin
                   /var/cache/vigil-npm/azurite/node_modules/.bin
                   $ENV{HOME}/.cache/vigil-npm/azurite/node_modules/.bin
             DOC "Azurite's blob service (scripts/install-deps.sh installs it)")
add_library(vigil_azurite STATIC ${CMAKE_CURRENT_LIST_DIR}/support/azurite.cpp
                                 ${CMAKE_CURRENT_LIST_DIR}/support/azurite.h)
target_include_directories(vigil_azurite PUBLIC ${CMAKE_CURRENT_LIST_DIR}/support)
target_link_libraries(vigil_azurite PUBLIC vigil_common vigil_sync Qt6::Network)
target_compile_definitions(vigil_azurite PRIVATE VIGIL_AZURITE_BLOB_PATH="${VIGIL_AZURITE_BLOB}")

vigil_add_test(NAME tst_storageaccount SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_storageaccount.cpp
               LIBS vigil_sync LABELS sync events)
vigil_add_test(NAME tst_blobstreamreader SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_blobstreamreader.cpp
               LIBS vigil_azurite LABELS sync events azurite TIMEOUT 240)
vigil_add_test(NAME tst_blobfaults SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_blobfaults.cpp
               LIBS vigil_sync LABELS sync events TIMEOUT 120)
# vigilctl events connect/disconnect against Azurite, with a real Secret Service.
vigil_add_test(NAME tst_vigilctlevents SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_vigilctlevents.cpp
               LIBS vigil_azurite LABELS app e2e events azurite keyring TIMEOUT 240
               WRAPPER ${CMAKE_CURRENT_LIST_DIR}/support/with-keyring.sh)
target_compile_definitions(tst_vigilctlevents PRIVATE VIGILCTL_PATH="$<TARGET_FILE:vigilctl>")
add_dependencies(tst_vigilctlevents vigilctl)

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
# vigilctl events pull --once / events status against Azurite, the account from the environment.
vigil_add_test(NAME tst_vigilctleventpull SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_vigilctleventpull.cpp
               LIBS vigil_azurite LABELS app e2e events azurite TIMEOUT 240)
target_compile_definitions(tst_vigilctleventpull PRIVATE VIGILCTL_PATH="$<TARGET_FILE:vigilctl>")
add_dependencies(tst_vigilctleventpull vigilctl)
# The connector page's storage account part: the window streams from Azurite on its own thread.
if(VIGIL_GUI)
    vigil_add_test(NAME tst_huntingstream SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_huntingstream.cpp
                   LIBS vigil_azurite vigil_ui vigil_facade LABELS events azurite ui keyring
                   TIMEOUT 240 WRAPPER ${CMAKE_CURRENT_LIST_DIR}/support/with-keyring.sh)
endif()
