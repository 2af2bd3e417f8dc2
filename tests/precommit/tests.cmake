# The pre-commit hook (.pre-commit-hooks.yaml at the root): its file is read
# as pre-commit reads it, its file pattern picks resumes and CVs only, and
# its entry runs the built binary on a fixture (tests/precommit/precommit_test.py).
find_package(Python3 REQUIRED COMPONENTS Interpreter)
add_test(NAME unit/precommit_hook_checks_resumes_and_cvs
         COMMAND ${Python3_EXECUTABLE} "${CMAKE_CURRENT_LIST_DIR}/precommit_test.py" "${RLS_BIN}"
                 "${PROJECT_SOURCE_DIR}")
set_tests_properties(unit/precommit_hook_checks_resumes_and_cvs PROPERTIES LABELS unit TIMEOUT 60)

# The CI example of docs/ci.md (examples/ci/): its check command writes the
# SARIF file its upload step reads.
add_test(NAME unit/ci_example_writes_sarif
         COMMAND ${Python3_EXECUTABLE} "${CMAKE_CURRENT_LIST_DIR}/ci_example_test.py" "${RLS_BIN}"
                 "${PROJECT_SOURCE_DIR}")
set_tests_properties(unit/ci_example_writes_sarif PROPERTIES LABELS unit TIMEOUT 60)
