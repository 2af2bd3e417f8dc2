# The one-way rule between folders (docs/architecture.md, "Layers"):
# scripts/layers.py over the sources, and over a small tree that breaks it
# four ways (tests/lint/layers-bad: an arrow up, a cycle, the shell
# reaching into a core folder, a folder reading another's *_internal.h),
# so that the check is seen to fail.
find_package(Python3 REQUIRED COMPONENTS Interpreter)
add_test(NAME lint/layers COMMAND ${Python3_EXECUTABLE} "${PROJECT_SOURCE_DIR}/scripts/layers.py"
                                  "${PROJECT_SOURCE_DIR}")
add_test(NAME lint/layers_refuses_a_cycle_and_an_arrow_up
         COMMAND ${Python3_EXECUTABLE} "${PROJECT_SOURCE_DIR}/scripts/layers.py"
                 "${CMAKE_CURRENT_LIST_DIR}/layers-bad")
set_tests_properties(lint/layers lint/layers_refuses_a_cycle_and_an_arrow_up
                     PROPERTIES LABELS unit TIMEOUT 60)
set_tests_properties(lint/layers_refuses_a_cycle_and_an_arrow_up PROPERTIES
                     PASS_REGULAR_EXPRESSION "layers: 4 fault\\(s\\)")

# No function of server/ over 120 lines but those scripts/funclen-allow.txt
# lists (scripts/funclen.py), and the check over a tree that breaks it four
# ways (tests/lint/funclen-bad: a long function not listed, a listed one
# that grew, a stale line, a line without its length).
add_test(NAME lint/funclen COMMAND ${Python3_EXECUTABLE} "${PROJECT_SOURCE_DIR}/scripts/funclen.py"
                                   "${PROJECT_SOURCE_DIR}")
add_test(NAME lint/funclen_refuses_a_long_function_and_a_stale_line
         COMMAND ${Python3_EXECUTABLE} "${PROJECT_SOURCE_DIR}/scripts/funclen.py"
                 "${CMAKE_CURRENT_LIST_DIR}/funclen-bad")
set_tests_properties(lint/funclen lint/funclen_refuses_a_long_function_and_a_stale_line
                     PROPERTIES LABELS unit TIMEOUT 60)
set_tests_properties(lint/funclen_refuses_a_long_function_and_a_stale_line PROPERTIES
                     PASS_REGULAR_EXPRESSION "funclen: 4 fault\\(s\\)")
