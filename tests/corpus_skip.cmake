# Checks that corpus tests skip cleanly on a fresh clone: runs each command
# (separated by "--") with RLS_CORPUS_DIR pointing nowhere and
# RLS_TEST_GROUP=corpus, and fails unless every one exits 77 (CTest's
# SKIP_RETURN_CODE for the label corpus) and says why; and, with
# RLS_REQUIRE_CORPUS=1 (.ci/run), exits 1: in CI a missing corpus fails.
#   cmake -P corpus_skip.cmake -- CMD ARGS... -- CMD ARGS...
set(nowhere "${CMAKE_CURRENT_BINARY_DIR}/no-such-corpus")
set(cmds "")
set(cmd "")
math(EXPR last "${CMAKE_ARGC} - 1")
set(started FALSE)
foreach(i RANGE 0 ${last})
  set(arg "${CMAKE_ARGV${i}}")
  if(arg STREQUAL "--")
    if(cmd)
      list(APPEND cmds "${cmd}")
    endif()
    set(cmd "")
    set(started TRUE)
  elseif(started)
    # Arguments of one command joined by '|', commands kept in a list.
    if(cmd)
      set(cmd "${cmd}|${arg}")
    else()
      set(cmd "${arg}")
    endif()
  endif()
endforeach()
if(cmd)
  list(APPEND cmds "${cmd}")
endif()
list(LENGTH cmds n)
if(n EQUAL 0)
  message(FATAL_ERROR "corpus_skip: no command given")
endif()
set(failed 0)
foreach(c IN LISTS cmds)
  string(REPLACE "|" ";" argv "${c}")
  execute_process(COMMAND ${CMAKE_COMMAND} -E env --unset=RLS_REQUIRE_CORPUS
                          "RLS_CORPUS_DIR=${nowhere}" RLS_TEST_GROUP=corpus ${argv}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  execute_process(COMMAND ${CMAKE_COMMAND} -E env RLS_REQUIRE_CORPUS=1
                          "RLS_CORPUS_DIR=${nowhere}" RLS_TEST_GROUP=corpus ${argv}
                  RESULT_VARIABLE rc_ci OUTPUT_VARIABLE out_ci ERROR_VARIABLE err_ci)
  if(NOT rc EQUAL 77 OR NOT out MATCHES "skipped: \\.\\./shared/corpus not found")
    message(SEND_ERROR "not ok - ${argv}: exit ${rc}, output:\n${out}${err}")
    math(EXPR failed "${failed} + 1")
  elseif(NOT rc_ci EQUAL 1)
    message(SEND_ERROR "not ok - ${argv} with RLS_REQUIRE_CORPUS=1: exit ${rc_ci}, want 1:\n${out_ci}${err_ci}")
    math(EXPR failed "${failed} + 1")
  else()
    message(STATUS "ok - ${argv} skips, and fails when the corpus is required")
  endif()
endforeach()
if(failed GREATER 0)
  message(FATAL_ERROR "${failed} of ${n} corpus tests do not skip without the corpus")
endif()
