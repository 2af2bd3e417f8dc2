# Protocol integration tests: the real binary over pipes, driven by a client
# built on vscode-jsonrpc / vscode-languageserver-protocol (installed by
# scripts/deps.sh with `npm ci` from this folder's lock file).
find_program(RLS_NODE node)
if(RLS_NODE)
  file(GLOB lsp_test_files CONFIGURE_DEPENDS "${CMAKE_CURRENT_LIST_DIR}/*.test.mjs")
  foreach(file IN LISTS lsp_test_files)
    get_filename_component(name "${file}" NAME_WE)
    add_test(NAME lsp/${name} COMMAND ${RLS_NODE} --test "${file}"
             WORKING_DIRECTORY "${CMAKE_CURRENT_LIST_DIR}")
    # The server runs under RLS_TEST_WRAPPER (valgrind) when there is one.
    list(JOIN RLS_TEST_WRAPPER " " _lsp_wrapper)
    # hostile and load state their own bounds (minutes for a 10 MB document).
    set(_lsp_base_timeout 120)
    if(name STREQUAL "hostile" OR name STREQUAL "load")
      set(_lsp_base_timeout 600)
    endif()
    math(EXPR _lsp_timeout "${_lsp_base_timeout} * ${RLS_TEST_TIME_SCALE}")
    # code_action_scale states a time bound too (issue #17).
    if(_lsp_base_timeout GREATER 120 OR name STREQUAL "code_action_scale")
      # Their time and memory bounds are measured: not beside other tests.
      set_tests_properties(lsp/${name} PROPERTIES RUN_SERIAL TRUE)
    endif()
    set_tests_properties(lsp/${name} PROPERTIES LABELS lsp TIMEOUT ${_lsp_timeout}
                         ENVIRONMENT "RESUME_LS_BIN=${RLS_BIN};RESUME_LS_WRAPPER=${_lsp_wrapper};RESUME_LS_TIME_SCALE=${RLS_TEST_TIME_SCALE}")
  endforeach()
else()
  message(WARNING "node not found: the protocol tests (tests/lsp) are not registered")
endif()
