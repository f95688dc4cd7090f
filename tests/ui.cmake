vigil_add_test(NAME tst_mainwindow SOURCES tst_mainwindow.cpp LIBS vigil_ui LABELS ui)
