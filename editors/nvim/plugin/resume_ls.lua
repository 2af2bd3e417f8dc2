-- Commands of the resume-ls plugin. Nothing starts until
-- require("resume_ls").setup() is called (see docs/editors.md); the
-- commands load the defaults if it has not run, without starting servers
-- for every resume: :ResumeScore then uses the resume-ls client that is
-- running (nvim-lspconfig's, whatever its name), and :ResumeCheck starts one
-- only when the buffer has none.
if vim.g.loaded_resume_ls then return end
vim.g.loaded_resume_ls = true

local function plugin()
  local m = require("resume_ls")
  if not m.config then m.setup({}, { attach = false }) end
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
