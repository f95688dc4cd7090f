vigil_add_test(NAME tst_syncengine SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_syncengine.cpp
               LIBS vigil_sync LABELS sync)
