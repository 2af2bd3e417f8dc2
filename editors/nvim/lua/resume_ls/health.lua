-- :checkhealth resume_ls
--
-- Reports the server binary and its version, which client path this Neovim
-- takes, the buffers attached to a resume-ls client, and problems in the
-- settings given to setup().
--
-- The reporting functions changed names across Neovim versions: 0.7 has the
-- Lua module `health` (report_start, report_ok, ...); 0.8 and 0.9 have
-- vim.health.report_*; 0.10 renamed them vim.health.start/ok/warn/error/info
-- (and deprecated report_*). The first that exists is used.
local M = {}

local function reporter()
  local h = vim.health
  if h == nil or (h.start == nil and h.report_start == nil) then h = require("health") end
  return {
    start = h.start or h.report_start,
    ok = h.ok or h.report_ok,
    info = h.info or h.report_info,
    warn = h.warn or h.report_warn,
    error = h.error or h.report_error,
  }
end

local SEVERITIES = { error = true, warning = true, info = true, hint = true, off = true }
local KEYS = {
  rules = "table",
  lexicons = "table",
  thresholds = "table",
  role = "string",
  jobDescription = "string",
  macros = "table",
  logLevel = "string",
}
local ROLES = {
  [""] = true,
  backend = true,
  frontend = true,
  fullstack = true,
  ["data-engineering"] = true,
  ["devops-sre"] = true,
  mobile = true,
  ["machine-learning"] = true,
}
local LOG_LEVELS = { off = true, error = true, warn = true, info = true, debug = true, trace = true }

-- Problems in the resumeLs settings, as sentences (empty when none). The
-- server reports the same on its own once running; this catches them
-- before, and when the server never starts.
function M.settings_problems(settings)
  local out = {}
  if type(settings) ~= "table" then
    return { "settings must be a table (the resumeLs section), not " .. type(settings) }
  end
  local keys = vim.tbl_keys(settings)
  table.sort(keys)
  for _, key in ipairs(keys) do
    local v = settings[key]
    if KEYS[key] == nil then
      table.insert(out, string.format("unknown setting %q (known: %s)", key, "rules, lexicons, thresholds, role, jobDescription, macros, logLevel"))
    elseif type(v) ~= KEYS[key] then
      table.insert(out, string.format("%s should be a %s, not a %s", key, KEYS[key], type(v)))
    end
  end
  if type(settings.rules) == "table" then
    local ids = vim.tbl_keys(settings.rules)
    table.sort(ids)
    for _, id in ipairs(ids) do
      local sev = settings.rules[id]
      if not SEVERITIES[sev] then
        table.insert(out, string.format("rules[%q] = %s: use error, warning, info, hint or off", id, vim.inspect(sev)))
      end
    end
  end
  if type(settings.role) == "string" and not ROLES[settings.role] then
    table.insert(out, string.format("role %q is not a profile (backend, frontend, fullstack, data-engineering, devops-sre, mobile, machine-learning)", settings.role))
  end
  if type(settings.logLevel) == "string" and not LOG_LEVELS[settings.logLevel] then
    table.insert(out, string.format("logLevel %q: use off, error, warn, info, debug or trace", settings.logLevel))
  end
  return out
end

function M.check()
  local r = reporter()
  local rls = require("resume_ls")
  local config = rls.config

  r.start("resume-ls: Neovim")
  local v = vim.version()
  local version = string.format("%d.%d.%d", v.major, v.minor, v.patch)
  if vim.fn.has("nvim-0.9") == 1 then
    r.ok("Neovim " .. version .. ": servers start with vim.lsp.start(config, { bufnr = ... })")
  elseif vim.fn.has("nvim-0.7") == 1 then
    r.ok("Neovim " .. version .. ": servers start with vim.lsp.start_client + vim.lsp.buf_attach_client (one per project root)")
  else
    r.error("Neovim " .. version .. " is too old: resume-ls needs 0.7 or later")
  end

  r.start("resume-ls: server")
  if config == nil then
    r.warn('require("resume_ls").setup() has not run: resume buffers start no server', {
      'Add require("resume_ls").setup({}) to your init.lua, or use the nvim-lspconfig setup of docs/editors.md.',
    })
  end
  local cmd = (config and config.cmd) or { "resume-ls", "--stdio" }
  local exe = cmd[1]
  if vim.fn.executable(exe) ~= 1 then
    r.error(string.format("the server %q was not found or is not executable", exe), {
      "Install resume-ls (make install) or pass cmd = { \"/path/to/resume-ls\", \"--stdio\" } to setup().",
    })
  else
    local path = vim.fn.exepath(exe)
    local out = vim.fn.system({ exe, "--version" })
    if vim.v.shell_error == 0 then
      r.ok(string.format("%s (%s)", vim.trim(out), path ~= "" and path or exe))
    else
      r.error(string.format("%s --version failed (exit %d): %s", exe, vim.v.shell_error, vim.trim(out)))
    end
  end

  r.start("resume-ls: buffers")
  local clients = rls.clients(nil)
  if #clients == 0 then
    r.info("no resume-ls client is running (open a resume, or :ResumeCheck)")
  end
  for _, c in ipairs(clients) do
    local bufs = {}
    for _, b in ipairs(vim.api.nvim_list_bufs()) do
      if vim.lsp.buf_is_attached(b, c.id) then
        table.insert(bufs, vim.fn.fnamemodify(vim.api.nvim_buf_get_name(b), ":~:."))
      end
    end
    local name = c.server_info and c.server_info.name and (c.server_info.name .. " " .. (c.server_info.version or "")) or "resume-ls"
    r.ok(string.format("client %d %q (%s), root %s: %s", c.id, c.name, vim.trim(name), tostring(c.config.root_dir),
      #bufs > 0 and table.concat(bufs, ", ") or "no buffer attached"))
  end

  r.start("resume-ls: settings")
  local problems = M.settings_problems(config and config.settings or {})
  if #problems == 0 then
    r.ok("settings look right")
  else
    for _, p in ipairs(problems) do
      r.warn(p)
    end
  end
end

return M
