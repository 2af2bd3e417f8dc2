# Headless Neovim (the distribution's 0.7.2 or later) against the real
# server: a resume opens, diagnostics arrive for the buffer's version.
find_program(RLS_NVIM nvim)
if(RLS_NVIM)
  add_test(NAME editor/nvim-diagnostics
           COMMAND ${RLS_NVIM} --headless -u NONE -i NONE -c "luafile ${CMAKE_CURRENT_LIST_DIR}/diagnostics.lua")
  set_tests_properties(editor/nvim-diagnostics PROPERTIES LABELS editor TIMEOUT 60
    ENVIRONMENT "RESUME_LS_BIN=${RLS_BIN};RESUME_FILE=${CMAKE_CURRENT_LIST_DIR}/../lsp/fixtures/resume.md;RESUME_LS_LOG=warn;EXPECT_WEAK_OPENER=1")
else()
  message(WARNING "nvim not found: the editor test (tests/nvim) is not registered")
endif()
