# Golden findings: for every tests/golden-findings/NAME.expected the corpus
# file ../shared/corpus/{md,tex}/NAME is analysed with the default
# configuration and its findings must match line for line (review notes in
# REVIEW.md). Regenerate with: RLS_REGEN=1 ctest -R golden/findings
add_executable(findings_test "${CMAKE_CURRENT_LIST_DIR}/findings_test.c")
target_include_directories(findings_test PRIVATE "${RLS_TESTS_DIR}/unit")
target_link_libraries(findings_test PRIVATE rls_shell)
target_compile_definitions(findings_test PRIVATE
  RLS_SHARED_DIR="${RLS_SHARED_DIR}" RLS_GOLDEN_FINDINGS_DIR="${CMAKE_CURRENT_LIST_DIR}")
rls_warnings(findings_test)
add_test(NAME golden/findings COMMAND findings_test)
set_tests_properties(golden/findings PROPERTIES LABELS golden TIMEOUT 300)

# The rule engine alone, for profiling (not a test; see rules_bench.c).
add_executable(rules_bench "${CMAKE_CURRENT_LIST_DIR}/rules_bench.c"
                           "${CMAKE_SOURCE_DIR}/bench/gen.c")
target_include_directories(rules_bench PRIVATE "${CMAKE_SOURCE_DIR}/bench")
target_link_libraries(rules_bench PRIVATE rls_core)
rls_warnings(rules_bench)
