# Editor integrations (issue 7), label "editor".
#
#   editor/vscode-build    npm run build (tsc, esbuild bundle) in editors/vscode; a fixture the others need
#   editor/vscode-unit     node --test: file rule, settings mapping, score reading
#   editor/vscode-client   the extension's client code + vscode-languageclient against the real server
#   editor/vscode-extension  the shipped bundle activated through the shim: lazy start, enable,
#                          bundled server with nothing on PATH, score title, rule docs
#   editor/vscode-package  the generic and the linux-x64 .vsix: manifest, contents, no vsce warning
#   editor/nvim            headless Neovim loads editors/nvim and talks to the real server
#   editor/nvim-rules      the same, for spelling, tech-casing and the timeline rules (issue 18):
#                          ranges after é/CJK/emoji, hover, fixes through vim.lsp.buf.code_action
#   editor/helix-globs     the Helix file-types of docs/editors.md agree with the file rule
#   editor/server-log-levels  the server is silent on stderr unless --log-level info
#
# The npm packages come from `npm ci --ignore-scripts` (scripts/deps.sh). Tests
# that need a working server report SKIP while build/resume-ls is still the
# placeholder that exits at once, and only then.

set(RLS_VSCODE_DIR "${PROJECT_SOURCE_DIR}/editors/vscode")
set(RLS_EDITOR_TESTS "${CMAKE_CURRENT_LIST_DIR}")
find_program(RLS_NODE node)
find_program(RLS_NPM npm)
find_program(RLS_NVIM nvim)

if(RLS_NODE AND RLS_NPM)
  add_test(NAME editor/vscode-build
           COMMAND "${RLS_EDITOR_TESTS}/vscode-build.sh" "${RLS_VSCODE_DIR}")
  set_tests_properties(editor/vscode-build PROPERTIES
    LABELS editor TIMEOUT 180 FIXTURES_SETUP rls_vscode_out)

  add_test(NAME editor/vscode-unit
           COMMAND "${RLS_NODE}" --test test/files.test.js test/settings.test.js test/score.test.js
           WORKING_DIRECTORY "${RLS_VSCODE_DIR}")
  add_test(NAME editor/vscode-client
           COMMAND ${CMAKE_COMMAND} -E env "RLS_BIN=$<TARGET_FILE:resume-ls>"
                   "${RLS_NODE}" --test test/client.test.js
           WORKING_DIRECTORY "${RLS_VSCODE_DIR}")
  add_test(NAME editor/vscode-extension
           COMMAND ${CMAKE_COMMAND} -E env "RLS_BIN=$<TARGET_FILE:resume-ls>"
                   "${RLS_NODE}" --test test/extension.test.js
           WORKING_DIRECTORY "${RLS_VSCODE_DIR}")
  # Both packages are built in editors/vscode itself (server/ is created and
  # removed there); node runs the file's tests one after the other.
  add_test(NAME editor/vscode-package
           COMMAND ${CMAKE_COMMAND} -E env "RLS_BIN=$<TARGET_FILE:resume-ls>"
                   "${RLS_NODE}" --test test/package.test.js
           WORKING_DIRECTORY "${RLS_VSCODE_DIR}")
  # The Helix globs of docs/editors.md against the extension's file rule.
  add_test(NAME editor/helix-globs
           COMMAND "${RLS_NODE}" --test "${RLS_EDITOR_TESTS}/helix_globs.test.js"
           WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}")
  set_tests_properties(editor/vscode-unit editor/vscode-client editor/vscode-extension editor/vscode-package editor/helix-globs PROPERTIES
    LABELS editor TIMEOUT 180 FIXTURES_REQUIRED rls_vscode_out)
  # The client test skips (node's "# SKIP") only while the server is the placeholder.
  set_tests_properties(editor/vscode-client PROPERTIES SKIP_REGULAR_EXPRESSION "# SKIP server at ")
else()
  message(STATUS "resume-ls: node/npm not found, VS Code extension tests not registered (run scripts/deps.sh)")
endif()

if(RLS_NVIM)
  # -u NONE turns filetype detection off: the test turns it on as a user's
  # init would, and loads plugin/ from the repository through 'runtimepath'.
  add_test(NAME editor/nvim
           COMMAND ${CMAKE_COMMAND} -E env "RLS_BIN=$<TARGET_FILE:resume-ls>" "RLS_REPO=${PROJECT_SOURCE_DIR}"
                   "${RLS_NVIM}" --headless -u NONE -i NONE
                   --cmd "set rtp^=${PROJECT_SOURCE_DIR}/editors/nvim"
                   -c "filetype plugin on" -c "runtime plugin/resume_ls.lua"
                   -c "luafile ${RLS_EDITOR_TESTS}/nvim_test.lua"
           WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}")
  set_tests_properties(editor/nvim PROPERTIES
    LABELS editor TIMEOUT 120
    SKIP_REGULAR_EXPRESSION "# SKIP server at "
    FAIL_REGULAR_EXPRESSION "not ok - ")
  add_test(NAME editor/nvim-rules
           COMMAND ${CMAKE_COMMAND} -E env "RLS_BIN=$<TARGET_FILE:resume-ls>" "RLS_REPO=${PROJECT_SOURCE_DIR}"
                   "${RLS_NVIM}" --headless -u NONE -i NONE
                   --cmd "set rtp^=${PROJECT_SOURCE_DIR}/editors/nvim"
                   -c "filetype plugin on" -c "runtime plugin/resume_ls.lua"
                   -c "luafile ${RLS_EDITOR_TESTS}/nvim_rules_test.lua"
           WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}")
  set_tests_properties(editor/nvim-rules PROPERTIES
    LABELS editor TIMEOUT 120
    FAIL_REGULAR_EXPRESSION "not ok - ")
else()
  message(STATUS "resume-ls: nvim not found, Neovim plugin test not registered (run scripts/deps.sh)")
endif()

# The server's stderr at the default level and at --log-level info
# (editors file stderr lines as errors, so a default start is silent).
find_package(Python3 REQUIRED COMPONENTS Interpreter)
add_test(NAME editor/server-log-levels
         COMMAND ${Python3_EXECUTABLE} "${RLS_EDITOR_TESTS}/server_log_test.py" "$<TARGET_FILE:resume-ls>")
set_tests_properties(editor/server-log-levels PROPERTIES LABELS editor TIMEOUT 60)
