# The one-way rule between folders (docs/architecture.md, "Layers"):
# scripts/layers.py over the sources, and over a small tree that breaks it
# five ways (tests/lint/layers-bad: an arrow up between shell folders, one
# between core folders through include/rls/, a cycle, the shell reaching
# into a core folder, a folder reading another's *_internal.h), so that the
# check is seen to fail.
find_package(Python3 REQUIRED COMPONENTS Interpreter)
add_test(NAME lint/layers COMMAND ${Python3_EXECUTABLE} "${PROJECT_SOURCE_DIR}/scripts/layers.py"
                                  "${PROJECT_SOURCE_DIR}")
add_test(NAME lint/layers_refuses_a_cycle_and_an_arrow_up
         COMMAND ${Python3_EXECUTABLE} "${PROJECT_SOURCE_DIR}/scripts/layers.py"
                 "${CMAKE_CURRENT_LIST_DIR}/layers-bad")
set_tests_properties(lint/layers lint/layers_refuses_a_cycle_and_an_arrow_up
                     PROPERTIES LABELS unit TIMEOUT 60)
set_tests_properties(lint/layers_refuses_a_cycle_and_an_arrow_up PROPERTIES
                     PASS_REGULAR_EXPRESSION "layers: 5 fault\\(s\\)")

# The build refuses the same includes: each folder's own compile command
# (compile_commands.json) preprocesses a probe including each header of the
# other folders; those of higher or side-by-side folders must not be found,
# and in the core those below must be (tests/lint/layers_build.py).
add_test(NAME lint/layers-build
         COMMAND ${Python3_EXECUTABLE} "${CMAKE_CURRENT_LIST_DIR}/layers_build.py"
                 "${PROJECT_SOURCE_DIR}" "${PROJECT_BINARY_DIR}")
set_tests_properties(lint/layers-build PROPERTIES LABELS unit TIMEOUT 300)

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
