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
    set_tests_properties(lsp/${name} PROPERTIES LABELS lsp TIMEOUT 120
                         ENVIRONMENT "RESUME_LS_BIN=${RLS_BIN}")
  endforeach()
else()
  message(WARNING "node not found: the protocol tests (tests/lsp) are not registered")
endif()
