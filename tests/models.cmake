vigil_add_test(NAME tst_incidentqueuemodel SOURCES tst_incidentqueuemodel.cpp
               LIBS vigil_models LABELS models)
vigil_add_test(NAME tst_alertlistmodel SOURCES tst_alertlistmodel.cpp
               LIBS vigil_models LABELS models)
vigil_add_test(NAME tst_entitytreemodel SOURCES tst_entitytreemodel.cpp
               LIBS vigil_models LABELS models)
