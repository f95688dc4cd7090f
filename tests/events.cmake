# The hunting event store: reading records, storing them, importing files, retention.
vigil_add_test(NAME tst_eventrecordreader SOURCES tst_eventrecordreader.cpp LIBS vigil_core LABELS events)
vigil_add_test(NAME tst_eventstore SOURCES tst_eventstore.cpp LIBS vigil_store vigil_testclock LABELS events)
