vigil_add_test(NAME tst_incidentstore SOURCES tst_incidentstore.cpp LIBS vigil_store LABELS store)
