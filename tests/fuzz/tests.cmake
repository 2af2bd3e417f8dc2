# Fuzz targets (issue 8). Each target is built twice over:
#   - always, with tests/fuzz/replay.c as main: replays the seed corpora as
#     an ordinary test (label fuzz), so regressions show in every build: the
#     committed seeds (tests/fuzz/seeds) and fixture resumes (tests/data)
#     everywhere, the real resumes of ../shared/corpus in the tests labelled
#     corpus too (skipped without it);
#   - with RLS_FUZZ=ON (clang), linked with libFuzzer: a bounded fuzzing run
#     of RLS_FUZZ_SECONDS per target (scripts/fuzz.sh; `make fuzz`).
set(RLS_FUZZ_SECONDS 60 CACHE STRING "Seconds per target in the bounded fuzz run")
set(_fuzz_dir "${CMAKE_CURRENT_LIST_DIR}")
set(_fixtures "${RLS_TEST_DATA_DIR}/resumes")

# rls_fuzz_target(name [source]): source defaults to <name>.c.
function(rls_fuzz_target name)
  set(_src "${_fuzz_dir}/${name}.c")
  if(ARGC GREATER 1)
    set(_src "${_fuzz_dir}/${ARGV1}")
  endif()
  if(RLS_FUZZ)
    add_executable(${name} "${_src}")
    target_link_options(${name} PRIVATE -fsanitize=fuzzer)
    # Under libFuzzer: checks that double a run's cost stay in the replays.
    target_compile_definitions(${name} PRIVATE RLS_FUZZING)
  else()
    add_executable(${name} "${_src}" "${_fuzz_dir}/replay.c")
  endif()
  target_link_libraries(${name} PRIVATE rls_shell)
  target_include_directories(${name} PRIVATE "${RLS_TESTS_DIR}/unit")
  rls_warnings(${name})
endfunction()

rls_fuzz_target(fuzz_text)
rls_fuzz_target(fuzz_analyze)
rls_fuzz_target(fuzz_rpc)
rls_fuzz_target(fuzz_actions)
# Parse and rules apart from the whole pipeline, on small inputs, with the
# parsers built once (issue #17: hundreds of runs a second, not tens).
rls_fuzz_target(fuzz_parse_md fuzz_parse.c)
rls_fuzz_target(fuzz_parse_tex fuzz_parse.c)
target_compile_definitions(fuzz_parse_md PRIVATE FUZZ_PARSE_LATEX=0)
target_compile_definitions(fuzz_parse_tex PRIVATE FUZZ_PARSE_LATEX=1)
rls_fuzz_target(fuzz_rules)
# fuzz_rules reads models written as lines; this writes them from documents
# (its seeds, scripts/fuzz.sh). An ordinary program in either build.
add_executable(fuzz_rules_seed "${_fuzz_dir}/rules_seed.c")
target_link_libraries(fuzz_rules_seed PRIVATE rls_shell)
rls_warnings(fuzz_rules_seed)
if(RLS_FUZZ)
  target_compile_definitions(fuzz_actions PRIVATE RLS_FUZZ_SAMPLE)
endif()
# fuzz_rpc reaches into the shell's private headers (framing, dispatch).
target_include_directories(fuzz_rpc PRIVATE "${PROJECT_SOURCE_DIR}/server")

if(NOT RLS_FUZZ)
  add_test(NAME fuzz/replay_text COMMAND ${RLS_TEST_WRAPPER} $<TARGET_FILE:fuzz_text> "${_fuzz_dir}/seeds/text")
  add_test(NAME fuzz/replay_analyze_markdown
           COMMAND ${RLS_TEST_WRAPPER} $<TARGET_FILE:fuzz_analyze> --prefix b "${_fixtures}/md")
  add_test(NAME fuzz/replay_analyze_latex
           COMMAND ${RLS_TEST_WRAPPER} $<TARGET_FILE:fuzz_analyze> --prefix a "${_fixtures}/tex")
  add_test(NAME fuzz/replay_analyze_markdown/corpus
           COMMAND ${RLS_TEST_WRAPPER} $<TARGET_FILE:fuzz_analyze> --prefix b --corpus md)
  add_test(NAME fuzz/replay_analyze_latex/corpus
           COMMAND ${RLS_TEST_WRAPPER} $<TARGET_FILE:fuzz_analyze> --prefix a --corpus tex)
  # Crashes fuzz_analyze found, as Markdown (.md) or LaTeX (.tex) documents.
  file(GLOB _analyze_md "${_fuzz_dir}/seeds/analyze/*.md")
  add_test(NAME fuzz/replay_analyze_seeds
           COMMAND ${RLS_TEST_WRAPPER} $<TARGET_FILE:fuzz_analyze> --prefix b ${_analyze_md})
  file(GLOB _analyze_tex "${_fuzz_dir}/seeds/analyze/*.tex")
  add_test(NAME fuzz/replay_analyze_seeds_latex
           COMMAND ${RLS_TEST_WRAPPER} $<TARGET_FILE:fuzz_analyze> --prefix a ${_analyze_tex})
  add_test(NAME fuzz/replay_rpc COMMAND ${RLS_TEST_WRAPPER} $<TARGET_FILE:fuzz_rpc> "${_fuzz_dir}/seeds/rpc")
  add_test(NAME fuzz/replay_actions COMMAND ${RLS_TEST_WRAPPER} $<TARGET_FILE:fuzz_actions> "${_fuzz_dir}/seeds/actions")
  add_test(NAME fuzz/replay_actions_markdown
           COMMAND ${RLS_TEST_WRAPPER} $<TARGET_FILE:fuzz_actions> --prefix b "${_fixtures}/md")
  add_test(NAME fuzz/replay_actions_latex
           COMMAND ${RLS_TEST_WRAPPER} $<TARGET_FILE:fuzz_actions> --prefix a "${_fixtures}/tex")
  add_test(NAME fuzz/replay_actions_markdown/corpus
           COMMAND ${RLS_TEST_WRAPPER} $<TARGET_FILE:fuzz_actions> --prefix b --corpus md)
  add_test(NAME fuzz/replay_actions_latex/corpus
           COMMAND ${RLS_TEST_WRAPPER} $<TARGET_FILE:fuzz_actions> --prefix a --corpus tex)
  # The parse and rules targets: their seeds (crashes found and inputs that
  # reach deep nesting, rare code points, front matter, macros), the
  # fixtures, and the seeds of the whole-pipeline target.
  add_test(NAME fuzz/replay_parse_md
           COMMAND ${RLS_TEST_WRAPPER} $<TARGET_FILE:fuzz_parse_md> "${_fuzz_dir}/seeds/parse_md"
                   "${_fixtures}/md" ${_analyze_md})
  add_test(NAME fuzz/replay_parse_tex
           COMMAND ${RLS_TEST_WRAPPER} $<TARGET_FILE:fuzz_parse_tex> "${_fuzz_dir}/seeds/parse_tex"
                   "${_fixtures}/tex" ${_analyze_tex})
  add_test(NAME fuzz/replay_rules
           COMMAND ${RLS_TEST_WRAPPER} $<TARGET_FILE:fuzz_rules> "${_fuzz_dir}/seeds/rules")
  # fuzz_rules: its seeds are models written as lines; the fixtures are
  # whole documents ('b' Markdown, 'c' LaTeX: parsed, then the rules).
  add_test(NAME fuzz/replay_rules_markdown
           COMMAND ${RLS_TEST_WRAPPER} $<TARGET_FILE:fuzz_rules> --prefix b "${_fixtures}/md")
  add_test(NAME fuzz/replay_rules_latex
           COMMAND ${RLS_TEST_WRAPPER} $<TARGET_FILE:fuzz_rules> --prefix c "${_fixtures}/tex")
  # The seeds' format holds what the rules read of a real model: every
  # fixture's model comes back from its lines with the same rules firing.
  file(GLOB _fixture_docs "${_fixtures}/md/*.md" "${_fixtures}/tex/*.tex")
  add_test(NAME fuzz/rules_seed_round_trip
           COMMAND ${RLS_TEST_WRAPPER} $<TARGET_FILE:fuzz_rules_seed> --check ${_fixture_docs})
  set_tests_properties(fuzz/rules_seed_round_trip PROPERTIES LABELS fuzz TIMEOUT 600)
  set_tests_properties(fuzz/replay_parse_md fuzz/replay_parse_tex fuzz/replay_rules
                       fuzz/replay_rules_markdown fuzz/replay_rules_latex
                       PROPERTIES LABELS fuzz TIMEOUT 600)
  set_tests_properties(fuzz/replay_text fuzz/replay_analyze_markdown fuzz/replay_analyze_latex
                       fuzz/replay_analyze_seeds fuzz/replay_analyze_seeds_latex fuzz/replay_rpc fuzz/replay_actions fuzz/replay_actions_markdown
                       fuzz/replay_actions_latex fuzz/replay_analyze_markdown/corpus
                       fuzz/replay_analyze_latex/corpus fuzz/replay_actions_markdown/corpus
                       fuzz/replay_actions_latex/corpus
                       PROPERTIES LABELS fuzz TIMEOUT 600)
  foreach(_t analyze_markdown analyze_latex actions_markdown actions_latex)
    rls_corpus_test(fuzz/replay_${_t}/corpus)
  endforeach()
endif()
