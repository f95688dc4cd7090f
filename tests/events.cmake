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
