vigil_add_test(NAME tst_graphjson SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_graphjson.cpp LIBS vigil_core LABELS core)
target_compile_definitions(tst_graphjson PRIVATE
    VIGIL_TEST_DATA="${CMAKE_CURRENT_LIST_DIR}/data")
vigil_add_test(NAME tst_vocabulary SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_vocabulary.cpp LIBS vigil_core LABELS core)
vigil_add_test(NAME tst_cloud SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_cloud.cpp LIBS vigil_core LABELS core)
vigil_add_test(NAME tst_incidentexport SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_incidentexport.cpp LIBS vigil_core LABELS core)
vigil_add_test(NAME tst_huntingschema SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_huntingschema.cpp LIBS vigil_core LABELS core hunting)
vigil_add_test(NAME tst_incidentfilter SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_incidentfilter.cpp LIBS vigil_core LABELS core)
vigil_add_test(NAME tst_sla SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_sla.cpp LIBS vigil_core LABELS core)
