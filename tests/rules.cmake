# Incident-creation rules: the pure rule logic, the rules against a simulated tenant, vigilctl.
vigil_add_test(NAME tst_incidentrules SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_incidentrules.cpp
               LIBS vigil_core LABELS core rules)
vigil_add_test(NAME tst_rulesync SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_rulesync.cpp
               LIBS vigil_sync vigil_sim LABELS sync sim rules TIMEOUT 300)
