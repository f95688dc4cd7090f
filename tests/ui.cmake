vigil_add_test(NAME tst_mainwindow SOURCES tst_mainwindow.cpp LIBS vigil_ui LABELS ui)
# The same window on a real SyncController syncing from the in-process simulated tenant.
vigil_add_test(NAME tst_mainwindowsim SOURCES tst_mainwindowsim.cpp LIBS vigil_ui vigil_simfixture
               LABELS ui sim TIMEOUT 300)
# The outbox page on a real SyncController and the simulated tenant: keys, Retry, Discard.
vigil_add_test(NAME tst_outboxpage SOURCES tst_outboxpage.cpp LIBS vigil_ui vigil_simfixture
               LABELS ui sim TIMEOUT 300)
# The triage side of the window: dialogs, keys, bulk selection, sync state, editRequested.
vigil_add_test(NAME tst_triageui SOURCES tst_triageui.cpp LIBS vigil_ui LABELS ui)
# The connector page on a real SyncController and the simulated tenant: rules, health, restart.
vigil_add_test(NAME tst_connectorpage SOURCES tst_connectorpage.cpp LIBS vigil_ui vigil_simfixture
               LABELS ui sim rules TIMEOUT 300)
# It also asks vigilctl what the rules are, on the same data directory.
target_compile_definitions(tst_connectorpage PRIVATE VIGILCTL_PATH="$<TARGET_FILE:vigilctl>")
add_dependencies(tst_connectorpage vigilctl)
# Connect and disconnect from the connector page, against a real Secret Service.
vigil_add_test(NAME tst_connectorsignin SOURCES tst_connectorsignin.cpp
               LIBS vigil_ui vigil_simfixture vigil_testclock
               LABELS ui sim auth keyring TIMEOUT 240
               WRAPPER ${PROJECT_SOURCE_DIR}/tests/support/with-keyring.sh)
# Server text in the window: plain text in every label, cell and tooltip, and capped.
vigil_add_test(NAME tst_plaintextui SOURCES tst_plaintextui.cpp LIBS vigil_ui LABELS ui)
# The hunting page's widgets: charts from render, the schema browser, history and saved queries.
vigil_add_test(NAME tst_huntingchartview SOURCES tst_huntingchartview.cpp LIBS vigil_ui LABELS ui hunting)
vigil_add_test(NAME tst_schemabrowser SOURCES tst_schemabrowser.cpp LIBS vigil_ui vigil_facade
               LABELS ui hunting events)
vigil_add_test(NAME tst_querylibrarypanel SOURCES tst_querylibrarypanel.cpp LIBS vigil_ui vigil_facade
               LABELS ui hunting)
# The hunting page driven by keyboard on a store with known rows; exports compared with vigilctl.
vigil_add_test(NAME tst_huntingpage SOURCES tst_huntingpage.cpp LIBS vigil_ui vigil_facade vigil_store
               LABELS hunting ui TIMEOUT 240)
target_compile_definitions(tst_huntingpage PRIVATE VIGILCTL_PATH="$<TARGET_FILE:vigilctl>")
add_dependencies(tst_huntingpage vigilctl)
# The External data dialog (allow-list, limits, kept copies) and a run over a kept copy.
vigil_add_test(NAME tst_feedsettingsui SOURCES tst_feedsettingsui.cpp LIBS vigil_ui vigil_facade
               vigil_kqlfeeds vigil_store LABELS hunting ui)
# The hunting page's GeoIP database choice and the runs that use it.
vigil_add_test(NAME tst_geoipui SOURCES tst_geoipui.cpp LIBS vigil_ui vigil_facade vigil_store
               LABELS hunting ui)
# The queue's filter language in the window: chips, empty state, completion, sort keys, views.
vigil_add_test(NAME tst_queuefilterui SOURCES tst_queuefilterui.cpp LIBS vigil_ui LABELS ui)
# The hunting page as the window wires it: charts, history, schema and Run in Defender (demo tenant).
vigil_add_test(NAME tst_huntingwiring SOURCES tst_huntingwiring.cpp LIBS vigil_ui vigil_app
               LABELS hunting ui TIMEOUT 240)
# The hunting issue's walk from an incident to Defender, on the demo tenant.
vigil_add_test(NAME tst_huntingwalk SOURCES tst_huntingwalk.cpp LIBS vigil_ui vigil_app
               LABELS hunting ui TIMEOUT 300)
# Reading incidents: titles at 1280×720, the splitter, the detail pane's place, alert detail, copy.
vigil_add_test(NAME tst_readingui SOURCES tst_readingui.cpp LIBS vigil_ui LABELS ui)
# Time in the window: the Age and SLA columns on a test clock, sla:overdue, notifications with do
# not disturb, the SLA targets dialog, the dashboard (g d) and its PNG.
vigil_add_test(NAME tst_timeui SOURCES tst_timeui.cpp LIBS vigil_ui vigil_testclock LABELS ui)
# Team mode in the window: the sync leader and who else is on an incident, against PostgreSQL.
vigil_add_test(NAME tst_teamui SOURCES tst_teamui.cpp
               LIBS vigil_ui vigil_facade vigil_sync vigil_pgserver LABELS ui postgres TIMEOUT 300)
# Its second window's edits also come from vigilctl, another process on the same database.
target_compile_definitions(tst_teamui PRIVATE VIGILCTL_PATH="$<TARGET_FILE:vigilctl>")
add_dependencies(tst_teamui vigilctl)
# The team database's password in a real keychain: TeamDatabaseSetup, the connector page, vigilctl.
vigil_add_test(NAME tst_teamdatabase SOURCES tst_teamdatabase.cpp
               LIBS vigil_ui vigil_facade vigil_sync vigil_pgserver
               LABELS ui postgres keyring TIMEOUT 240
               WRAPPER ${PROJECT_SOURCE_DIR}/tests/support/with-keyring.sh)
target_compile_definitions(tst_teamdatabase PRIVATE VIGILCTL_PATH="$<TARGET_FILE:vigilctl>")
add_dependencies(tst_teamdatabase vigilctl)
# Trusting the queue and learning the window: rows in place, undo, cheat sheet, palette, themes.
vigil_add_test(NAME tst_queuehabits SOURCES tst_queuehabits.cpp LIBS vigil_ui LABELS ui)
