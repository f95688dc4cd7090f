# Incident-creation rules: the pure rule logic, the rules against a simulated tenant, vigilctl.
vigil_add_test(NAME tst_incidentrules SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_incidentrules.cpp
               LIBS vigil_core LABELS core rules)
vigil_add_test(NAME tst_rulestore SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_rulestore.cpp
               LIBS vigil_store LABELS store rules)
vigil_add_postgres_variant(tst_rulestore)
vigil_add_test(NAME tst_rulesync SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_rulesync.cpp
               LIBS vigil_simfixture LABELS sync sim rules TIMEOUT 300)
vigil_add_test(NAME tst_vigilctlrules SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_vigilctlrules.cpp
               LIBS Qt6::Core Qt6::Network LABELS app e2e rules TIMEOUT 300)
target_compile_definitions(tst_vigilctlrules PRIVATE VIGILCTL_PATH="$<TARGET_FILE:vigilctl>"
                                                     VIGIL_SIM_PATH="$<TARGET_FILE:vigil-sim>")
add_dependencies(tst_vigilctlrules vigilctl vigil-sim)
