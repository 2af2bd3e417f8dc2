-- Commands of the resume-ls plugin. Nothing starts until
-- require("resume_ls").setup() is called (see docs/editors.md); the
-- commands call setup() with the defaults if it has not run, so that
-- :ResumeCheck works in a session that never configured the plugin.
if vim.g.loaded_resume_ls then return end
vim.g.loaded_resume_ls = true

local function plugin()
  local m = require("resume_ls")
  if not m.config then m.setup({}) end
  return m
end

vim.api.nvim_create_user_command("ResumeScore", function()
  plugin().show_score()
end, { desc = "resume-ls: score breakdown of this resume" })

vim.api.nvim_create_user_command("ResumeCheck", function()
  plugin().check_current()
end, { desc = "resume-ls: check this buffer as a resume" })

vim.api.nvim_create_user_command("ResumeRestart", function()
  plugin().restart()
end, { desc = "resume-ls: restart the server" })
