vigil_add_test(NAME tst_incidentstore SOURCES tst_incidentstore.cpp LIBS vigil_store LABELS store)
# The hunting library's database: runs, saved queries, .kql export and import.
vigil_add_test(NAME tst_huntinglibrary SOURCES tst_huntinglibrary.cpp LIBS vigil_store LABELS store hunting)
