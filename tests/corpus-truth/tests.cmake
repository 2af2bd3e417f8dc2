# Structure-reading truth (issue #13): for every corpus resume a hand-written
# expected outline (tests/corpus-truth/{md,tex}/NAME.truth, format in the
# README beside this file) is compared with `resume-ls outline --format json`
# by score.py, which prints per-file and corpus figures (entries right, dates
# right, bullets under the right entry, invented and missing entries). The
# corpus test fails when a figure falls below BASELINE (a ratchet the lead
# raises as the reader improves) and skips (77) without ../shared/corpus.
# RLS_TRUTH_VERBOSE=1 prints every wrong entry as expected vs got.
find_package(Python3 REQUIRED COMPONENTS Interpreter)

add_test(NAME corpus-truth/structure_read_from_real_resumes_holds_the_baseline
         COMMAND ${Python3_EXECUTABLE} "${CMAKE_CURRENT_LIST_DIR}/score.py" "${RLS_BIN}"
                 "${CMAKE_CURRENT_LIST_DIR}" "${RLS_SHARED_DIR}/corpus"
                 "${CMAKE_CURRENT_LIST_DIR}/BASELINE")
set_tests_properties(corpus-truth/structure_read_from_real_resumes_holds_the_baseline
                     PROPERTIES LABELS corpus SKIP_RETURN_CODE 77 TIMEOUT 300)

# The scorer's own tests, on a hand-written pair (selftest/): run everywhere.
set(_truth_scorer_cases
    counts_on_the_sample_pair_are_the_hand_counted_ones
    swapped_title_and_organisation_pair_but_count_wrong
    repeated_titles_pair_in_reading_order
    a_shared_start_month_pairs_but_a_shared_year_does_not
    folding_ignores_case_accents_punctuation_and_spaces
    a_single_date_compares_equal_in_its_three_forms
    a_resume_with_roles_that_yields_no_entry_is_flagged
    malformed_truth_lines_are_errors
    a_missing_corpus_skips_with_77
    the_baseline_is_a_ratchet)
foreach(case IN LISTS _truth_scorer_cases)
  add_test(NAME corpus-truth/scorer/${case}
           COMMAND ${Python3_EXECUTABLE} "${CMAKE_CURRENT_LIST_DIR}/score_selftest.py" ${case})
  set_tests_properties(corpus-truth/scorer/${case} PROPERTIES LABELS unit TIMEOUT 60)
endforeach()
