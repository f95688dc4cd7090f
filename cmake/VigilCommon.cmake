# Shared build configuration: every Vigil library links vigil_common PUBLIC.
add_library(vigil_common INTERFACE)
target_compile_features(vigil_common INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)
target_compile_options(vigil_common INTERFACE
    -Wall -Wextra -Wpedantic -Wold-style-cast -Woverloaded-virtual -Wshadow
    $<$<BOOL:${VIGIL_WERROR}>:-Werror>)
target_compile_definitions(vigil_common INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER)

# vigil_add_test(NAME name SOURCES ... LIBS ... [LABELS ...] [TIMEOUT s] [WRAPPER command ...])
# WRAPPER runs the test through a command, e.g. tests/support/with-keyring.sh.
function(vigil_add_test)
    cmake_parse_arguments(ARG "" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS;WRAPPER" ${ARGN})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 120)
    endif()
    add_executable(${ARG_NAME} ${ARG_SOURCES})
    target_link_libraries(${ARG_NAME} PRIVATE vigil_common Qt6::Test ${ARG_LIBS})
    target_include_directories(${ARG_NAME} PRIVATE ${PROJECT_SOURCE_DIR}/tests/support)
    add_test(NAME ${ARG_NAME} COMMAND ${ARG_WRAPPER} $<TARGET_FILE:${ARG_NAME}>)
    set_tests_properties(${ARG_NAME} PROPERTIES
        TIMEOUT ${ARG_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LANG=C.UTF-8;LC_ALL=C.UTF-8"
        LABELS "${ARG_LABELS}")
endfunction()

# vigil_translatable_sources(OUT DIRECTORIES dir...)
# The C++ sources of every library and executable defined in those directories (recursively),
# for lupdate: it reads only the sources it is given, so new files and new targets are picked
# up without a hand-kept list.
function(vigil_translatable_sources out)
    cmake_parse_arguments(ARG "" "" "DIRECTORIES" ${ARGN})
    set(sources)
    set(pending ${ARG_DIRECTORIES})
    while(pending)
        list(POP_FRONT pending dir)
        get_property(subdirs DIRECTORY ${dir} PROPERTY SUBDIRECTORIES)
        list(APPEND pending ${subdirs})
        get_property(targets DIRECTORY ${dir} PROPERTY BUILDSYSTEM_TARGETS)
        foreach(target IN LISTS targets)
            get_target_property(type ${target} TYPE)
            if(NOT type MATCHES "^(STATIC_LIBRARY|SHARED_LIBRARY|OBJECT_LIBRARY|EXECUTABLE)$")
                continue()
            endif()
            get_target_property(target_sources ${target} SOURCES)
            get_target_property(target_dir ${target} SOURCE_DIR)
            foreach(source IN LISTS target_sources)
                if(NOT source MATCHES "\\.(cpp|h)$")
                    continue()
                endif()
                cmake_path(ABSOLUTE_PATH source BASE_DIRECTORY ${target_dir}
                           OUTPUT_VARIABLE absolute)
                # Generated files (moc, resources) are not the project's own words.
                cmake_path(IS_PREFIX PROJECT_SOURCE_DIR ${absolute} NORMALIZE in_tree)
                cmake_path(IS_PREFIX PROJECT_BINARY_DIR ${absolute} NORMALIZE generated)
                if(in_tree AND NOT generated)
                    list(APPEND sources ${absolute})
                endif()
            endforeach()
        endforeach()
    endwhile()
    list(REMOVE_DUPLICATES sources)
    list(SORT sources)
    set(${out} ${sources} PARENT_SCOPE)
endfunction()
