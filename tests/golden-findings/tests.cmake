# Golden findings: for every tests/golden-findings/fixtures/NAME.expected the
# fixture tests/data/resumes/{md,tex}/NAME is analysed with the default
# configuration and its findings must match line for line (golden/findings,
# everywhere). The same for every tests/golden-findings/NAME.expected and
# ../shared/corpus/{md,tex}/NAME (golden/findings/corpus, label corpus,
# skipped without the corpus). Review notes in REVIEW.md.
# Regenerate with: RLS_REGEN=1 ctest -R golden/findings
add_executable(findings_test "${CMAKE_CURRENT_LIST_DIR}/findings_test.c")
rls_test_executable(findings_test)
target_compile_definitions(findings_test PRIVATE RLS_GOLDEN_FINDINGS_DIR="${CMAKE_CURRENT_LIST_DIR}")
add_test(NAME golden/findings COMMAND findings_test)
add_test(NAME golden/findings/corpus COMMAND findings_test --corpus)
set_tests_properties(golden/findings golden/findings/corpus PROPERTIES LABELS golden TIMEOUT 300)
rls_corpus_test(golden/findings/corpus)

# The rule engine alone, for profiling (not a test; see rules_bench.c).
add_executable(rules_bench "${CMAKE_CURRENT_LIST_DIR}/rules_bench.c"
                           "${CMAKE_SOURCE_DIR}/bench/gen.c")
target_include_directories(rules_bench PRIVATE "${CMAKE_SOURCE_DIR}/bench")
target_link_libraries(rules_bench PRIVATE rls_core)
rls_warnings(rules_bench)
