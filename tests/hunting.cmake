# The KQL engine's runtime: values and the functions registered on SQLite.
vigil_add_test(NAME tst_kqltime SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_kqltime.cpp LIBS vigil_kqlsqlite LABELS hunting)
vigil_add_test(NAME tst_kqlfunctions SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_kqlfunctions.cpp LIBS vigil_kqlsqlite LABELS hunting)
