# End-to-end tests of the command line: each case runs the real binary
# (tests/cli/cli_test.py CASE) and checks exit status, stderr and the parsed
# JSON/SARIF output. Plus a C test of the output formats on hand-built
# findings (positions with non-ASCII text and CRLF, fail levels).

# python3 is installed by scripts/deps.sh; a missing one is a setup error,
# not a reason to skip tests silently.
find_package(Python3 REQUIRED COMPONENTS Interpreter)
set(_cli_cases
    help check_help version usage_errors missing_file directory_walk lang_override stdin
    invalid_utf8_is_not_fatal json_shape sarif_shape config_problems_are_reported_not_fatal
    explicit_config examples_have_findings fail_level_semantics text_format_lines
    jobs_do_not_change_the_report outline_text_and_json
    a_fifo_named_as_job_description_does_not_hang_check
    every_subcommand_refuses_fifos_folders_and_huge_files_alike
    a_config_cannot_make_check_read_files_outside_its_folder
    the_config_search_stops_at_the_repository_and_home
    a_found_config_of_another_user_or_writable_by_others_is_ignored
    huge_thresholds_are_refused_and_change_nothing text_after_the_json_value_ignores_the_whole_config
    score_reads_the_configuration_as_check_does fix_write_keeps_symlinks_hard_links_owner_and_mode
    fix_write_refuses_read_only_files_unless_force fix_write_does_not_lose_a_save_made_while_it_runs
    fix_help_describes_how_write_keeps_files_safe fix_and_score_pick_the_format_as_check_does
    deep_markdown_nesting_is_checked_without_crashing
    rare_code_points_after_digits_are_checked_without_crashing)
foreach(case IN LISTS _cli_cases)
  add_test(NAME cli/${case}
           COMMAND ${Python3_EXECUTABLE} "${CMAKE_CURRENT_LIST_DIR}/cli_test.py" "${RLS_BIN}"
                   "${PROJECT_SOURCE_DIR}" "${PROJECT_VERSION}" ${case})
  set_tests_properties(cli/${case} PROPERTIES LABELS unit TIMEOUT 120)
endforeach()

add_executable(check_output_test "${CMAKE_CURRENT_LIST_DIR}/check_output_test.c")
target_include_directories(check_output_test PRIVATE "${RLS_TESTS_DIR}/unit")
target_link_libraries(check_output_test PRIVATE rls_shell)
rls_warnings(check_output_test)
add_test(NAME cli/check_output_test COMMAND check_output_test)
set_tests_properties(cli/check_output_test PROPERTIES LABELS unit TIMEOUT 60)
