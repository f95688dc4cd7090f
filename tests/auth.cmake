# Sign-in: device code, refresh tokens, the keychain, and vigilctl connect/disconnect/status.
set(VIGIL_WITH_KEYRING ${CMAKE_CURRENT_LIST_DIR}/support/with-keyring.sh)

vigil_add_test(NAME tst_devicecodeflow SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_devicecodeflow.cpp
               LIBS vigil_facade vigil_sync vigil_sim vigil_testclock vigil_syncsupport LABELS auth sim
               TIMEOUT 240)

vigil_add_test(NAME tst_connectorprofile SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_connectorprofile.cpp
               LIBS vigil_app LABELS auth app)

# Against a real Secret Service (gnome-keyring on a private session bus).
vigil_add_test(NAME tst_secretstore SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_secretstore.cpp
               LIBS vigil_sync LABELS auth keyring WRAPPER ${VIGIL_WITH_KEYRING})
# The same executable without any session bus: a clear error and nothing written in plaintext.
add_test(NAME tst_secretstore_nokeychain
         COMMAND ${CMAKE_COMMAND} -E env --unset=DBUS_SESSION_BUS_ADDRESS --unset=DISPLAY
                 --unset=WAYLAND_DISPLAY --unset=XDG_RUNTIME_DIR
                 $<TARGET_FILE:tst_secretstore> noKeychainGivesClearError)
set_tests_properties(tst_secretstore_nokeychain PROPERTIES
    TIMEOUT 60
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LANG=C.UTF-8;LC_ALL=C.UTF-8;VIGIL_EXPECT_NO_KEYCHAIN=1"
    LABELS "auth")

vigil_add_test(NAME tst_vigilctlconnect SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_vigilctlconnect.cpp
               LIBS vigil_sync vigil_sim LABELS auth app e2e keyring TIMEOUT 300
               WRAPPER ${VIGIL_WITH_KEYRING})
target_compile_definitions(tst_vigilctlconnect PRIVATE VIGILCTL_PATH="$<TARGET_FILE:vigilctl>")
add_dependencies(tst_vigilctlconnect vigilctl)

# ConnectionController on its own: client secret, device code and cancel, forget; on a test
# clock, against a real Secret Service.
vigil_add_test(NAME tst_connectioncontroller SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_connectioncontroller.cpp
               LIBS vigil_facade vigil_sync vigil_sim vigil_testclock LABELS auth sim keyring TIMEOUT 240
               WRAPPER ${VIGIL_WITH_KEYRING})
