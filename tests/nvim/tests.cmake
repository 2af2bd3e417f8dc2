# Headless Neovim (the distribution's 0.7.2 or later) against the real
# server.
#   editor/nvim-diagnostics       a resume opens, diagnostics arrive for the buffer's version
#   editor/nvim-plugin-<mode>     the plugin of editors/nvim (plugin_test.lua, one fresh
#                                 Neovim per mode): buffer defaults, code lens, rule ids,
#                                 :checkhealth, keymaps = false, the nvim-lspconfig snippet
#                                 of docs/editors.md, Neovim 0.8's vim.lsp.start
find_program(RLS_NVIM nvim)
if(RLS_NVIM)
  add_test(NAME editor/nvim-diagnostics
           COMMAND ${RLS_NVIM} --headless -u NONE -i NONE -c "luafile ${CMAKE_CURRENT_LIST_DIR}/diagnostics.lua")
  set_tests_properties(editor/nvim-diagnostics PROPERTIES LABELS editor TIMEOUT 60
    ENVIRONMENT "RESUME_LS_BIN=${RLS_BIN};RESUME_FILE=${CMAKE_CURRENT_LIST_DIR}/../lsp/fixtures/resume.md;RESUME_LS_LOG=warn;EXPECT_WEAK_OPENER=1")
  foreach(mode defaults nokeymaps lspconfig nvim08)
    # A cache folder of its own: the LSP log the defaults mode reads is there.
    set(_cache "${CMAKE_CURRENT_BINARY_DIR}/nvim-${mode}-cache")
    add_test(NAME editor/nvim-plugin-${mode}
             COMMAND ${CMAKE_COMMAND} -E env "RLS_BIN=${RLS_BIN}" "RLS_REPO=${PROJECT_SOURCE_DIR}"
                     "RLS_TEST_MODE=${mode}" "XDG_CACHE_HOME=${_cache}" "XDG_STATE_HOME=${_cache}"
                     ${CMAKE_COMMAND} -E chdir "${PROJECT_SOURCE_DIR}"
                     ${RLS_NVIM} --headless -u NONE -i NONE -c "luafile ${CMAKE_CURRENT_LIST_DIR}/plugin_test.lua")
    set_tests_properties(editor/nvim-plugin-${mode} PROPERTIES LABELS editor TIMEOUT 90
      FAIL_REGULAR_EXPRESSION "not ok - ")
  endforeach()
else()
  message(WARNING "nvim not found: the editor test (tests/nvim) is not registered")
endif()
