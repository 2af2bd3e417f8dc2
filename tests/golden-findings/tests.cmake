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

# Precision on real resumes (issue #14): every finding of the corpus judged
# in judgements.tsv; per-rule precision printed, gated at 85% per rule with
# >= 10 findings and 90% overall. And no finding of any fixture or corpus
# file has an empty range. See precision_test.c.
add_executable(precision_test "${CMAKE_CURRENT_LIST_DIR}/precision_test.c")
rls_test_executable(precision_test)
target_compile_definitions(precision_test PRIVATE RLS_GOLDEN_FINDINGS_DIR="${CMAKE_CURRENT_LIST_DIR}")
add_test(NAME golden/findings/ranges COMMAND precision_test --ranges)
add_test(NAME golden/findings/precision COMMAND precision_test --corpus)
set_tests_properties(golden/findings/ranges golden/findings/precision PROPERTIES LABELS golden
                     TIMEOUT 300)
rls_corpus_test(golden/findings/precision)
