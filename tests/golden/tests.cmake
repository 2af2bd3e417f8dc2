# Golden outlines: for every tests/golden/{md,tex}/NAME.expected, the corpus
# file ../shared/corpus/{md,tex}/NAME.{md,tex} is parsed and its outline
# (JSON, as `resume-ls outline --format json` prints it) must match.
# Regenerate with: RLS_REGEN=md (or tex, or md,tex) ctest -R golden
# RLS_REGEN also creates the missing .expected files of the named formats.
add_executable(golden_test "${CMAKE_CURRENT_LIST_DIR}/golden_test.c")
target_include_directories(golden_test PRIVATE "${RLS_TESTS_DIR}/unit")
target_link_libraries(golden_test PRIVATE rls_shell)
target_compile_definitions(golden_test PRIVATE
  RLS_SHARED_DIR="${RLS_SHARED_DIR}" RLS_GOLDEN_DIR="${CMAKE_CURRENT_LIST_DIR}")
rls_warnings(golden_test)
add_test(NAME golden/outline COMMAND golden_test)
set_tests_properties(golden/outline PROPERTIES LABELS golden TIMEOUT 300)
