vigil_add_test(NAME tst_simserver
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_simserver.cpp
    LIBS vigil_sim Qt6::Network
    LABELS sim
    TIMEOUT 300)

vigil_add_test(NAME tst_simfaults
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_simfaults.cpp
    LIBS vigil_sim Qt6::Network
    LABELS sim
    TIMEOUT 300)

vigil_add_test(NAME tst_simauth
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_simauth.cpp
    LIBS vigil_sim Qt6::Network
    LABELS sim
    TIMEOUT 300)

# The simulator's $filter grammar on its own: accepted, refused with which error, hostile input.
vigil_add_test(NAME tst_odatafilter
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_odatafilter.cpp
    LIBS vigil_sim
    LABELS sim)

# Advanced hunting in the simulated tenant: demo events and runHuntingQuery.
vigil_add_test(NAME tst_simhunting
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_simhunting.cpp
    LIBS vigil_sim Qt6::Network
    LABELS sim
    TIMEOUT 300)

# The simulated tenant's storage account: the Azure Blob calls the streaming destination needs.
vigil_add_test(NAME tst_simblobs
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_simblobs.cpp
    LIBS vigil_sim Qt6::Network
    LABELS sim
    TIMEOUT 300)
