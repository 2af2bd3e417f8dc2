# Incremental analysis equals a fresh one (issue 9): random edit sequences on
# every fixture resume (property/incremental) and corpus resume
# (property/incremental/corpus, label corpus) and on generated ones; after
# each edit the analysis that reuses its caches (and the server's
# publishDiagnostics) must be byte-identical to a fresh rls_analyze of the
# same text.
add_executable(incremental_test "${CMAKE_CURRENT_LIST_DIR}/incremental_test.c"
  "${PROJECT_SOURCE_DIR}/bench/gen.c")
rls_test_executable(incremental_test)
target_include_directories(incremental_test PRIVATE "${PROJECT_SOURCE_DIR}/bench")
rls_add_split_test(property/incremental COMMAND ${RLS_TEST_WRAPPER} $<TARGET_FILE:incremental_test>
                   LABELS property TIMEOUT 600)
