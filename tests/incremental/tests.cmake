# Incremental analysis equals a fresh one (issue 9): random edit sequences on
# every corpus resume and on generated ones; after each edit the analysis
# that reuses its caches (and the server's publishDiagnostics) must be
# byte-identical to a fresh rls_analyze of the same text.
add_executable(incremental_test "${CMAKE_CURRENT_LIST_DIR}/incremental_test.c"
  "${PROJECT_SOURCE_DIR}/bench/gen.c")
target_include_directories(incremental_test PRIVATE "${RLS_TESTS_DIR}/unit"
  "${PROJECT_SOURCE_DIR}/bench")
target_link_libraries(incremental_test PRIVATE rls_shell)
target_compile_definitions(incremental_test PRIVATE RLS_SHARED_DIR="${RLS_SHARED_DIR}")
rls_warnings(incremental_test)
add_test(NAME property/incremental COMMAND ${RLS_TEST_WRAPPER} $<TARGET_FILE:incremental_test>)
set_tests_properties(property/incremental PROPERTIES LABELS property TIMEOUT 600)
