# Golden outlines: for every tests/golden/fixtures/{md,tex}/NAME.expected the
# fixture tests/data/resumes/{md,tex}/NAME.{md,tex} is parsed and its outline
# (JSON, as `resume-ls outline --format json` prints it) must match
# (golden/outline, everywhere). The same for every
# tests/golden/{md,tex}/NAME.expected and ../shared/corpus/{md,tex}/NAME
# (golden/outline/corpus, label corpus, skipped without the corpus).
# Regenerate with: RLS_REGEN=md (or tex, or md,tex) ctest -R golden/outline
# RLS_REGEN also creates the missing .expected files of the named formats.
add_executable(golden_test "${CMAKE_CURRENT_LIST_DIR}/golden_test.c")
rls_test_executable(golden_test)
target_compile_definitions(golden_test PRIVATE RLS_GOLDEN_DIR="${CMAKE_CURRENT_LIST_DIR}")
add_test(NAME golden/outline COMMAND golden_test)
add_test(NAME golden/outline/corpus COMMAND golden_test --corpus)
set_tests_properties(golden/outline golden/outline/corpus PROPERTIES LABELS golden TIMEOUT 300)
rls_corpus_test(golden/outline/corpus)
