-- resume-ls for Neovim: starts the server for resume buffers, forwards the
-- settings, and shows the score breakdown.
--
--   require("resume_ls").setup({
--     cmd = { "resume-ls", "--stdio" },  -- the server
--     settings = { rules = { ["passive-voice"] = "hint" }, role = "backend" },
--     filetypes = { "markdown", "tex", "plaintex" },
--     files = { "docs/**/me.md" },        -- extra globs, as resumeLs.files in VS Code
--     is_resume = function(bufnr, path, filetype) ... end,  -- replaces the file rule
--     on_attach = function(client, bufnr) ... end,
--   })
--
-- Works on Neovim 0.7 (vim.lsp.start_client + buf_attach_client, one client
-- per root directory) and 0.8+ (vim.lsp.start, which reuses a client with
-- the same name and root by itself).
local files = require("resume_ls.files")
local score = require("resume_ls.score")

local M = {}

M.NAME = "resume-ls"
M.SECTION = "resumeLs"

local defaults = {
  cmd = { "resume-ls", "--stdio" },
  settings = {},
  filetypes = { "markdown", "tex", "plaintex", "latex" },
  files = {},
  is_resume = nil,
  root_markers = { ".resume-ls.json", ".git" },
  on_attach = nil,
  capabilities = nil,
}

M.config = nil
local clients_by_root = {} -- 0.7 only: root_dir -> client id
local forced = {} -- bufnr -> true after :ResumeCheck
local warned_missing = false

-- Client methods are called with ":" from 0.11 on (the "." form is
-- deprecated there) and with "." before.
local colon = vim.fn.has("nvim-0.11") == 1
local function call(client, method, ...)
  if colon then return client[method](client, ...) end
  return client[method](...)
end

-- Our clients, of one buffer or of all (get_clients is 0.10+).
local function our_clients(bufnr)
  local out = {}
  if vim.lsp.get_clients then
    return vim.lsp.get_clients({ bufnr = bufnr, name = M.NAME })
  end
  local list = bufnr and vim.lsp.buf_get_clients(bufnr) or vim.lsp.get_active_clients()
  for _, c in pairs(list) do
    if c.name == M.NAME then table.insert(out, c) end
  end
  return out
end

-- Filetype -> LSP languageId: the server knows "markdown" and "latex",
-- while Neovim calls LaTeX buffers "tex" (or "plaintex").
function M.language_id(filetype)
  if filetype == "tex" or filetype == "plaintex" or filetype == "latex" then return "latex" end
  return filetype
end

local function dirname(path)
  return path:match("^(.*)[/\\][^/\\]*$") or "."
end

local function exists(path)
  return vim.loop.fs_stat(path) ~= nil
end

-- The nearest folder upward holding a root marker, else the file's folder.
function M.root_dir(path)
  local dir = dirname(vim.fn.fnamemodify(path, ":p"))
  local cur = dir
  while cur and cur ~= "" do
    for _, marker in ipairs(M.config.root_markers) do
      if exists(cur .. "/" .. marker) then return cur end
    end
    local parent = dirname(cur)
    if parent == cur or parent == "" or parent == "." then break end
    cur = parent
  end
  return dir
end

local function buf_path(bufnr)
  return vim.api.nvim_buf_get_name(bufnr)
end

-- Whether a buffer is a resume: a LaTeX/Markdown filetype and the file rule
-- (or the user's is_resume), or forced with :ResumeCheck.
function M.is_resume(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local ft = vim.bo[bufnr].filetype
  if not vim.tbl_contains(M.config.filetypes, ft) then return false end
  if forced[bufnr] then return true end
  local path = buf_path(bufnr)
  if path == "" then return false end
  if M.config.is_resume then return M.config.is_resume(bufnr, path, ft) and true or false end
  return files.is_resume_path(path, M.config.files, { M.root_dir(path) })
end

local function settings_value()
  local s = M.config.settings or {}
  if next(s) == nil then return vim.empty_dict() end
  return s
end

-- workspace/configuration: our section gets the settings; a request for
-- everything (no or empty section) gets { resumeLs = ... }; anything else
-- null. One answer per item, in order (the 0.7 default handler drops items
-- without a section, which misaligns the answer).
local function configuration_handler(_, params, _)
  local out = {}
  for i, item in ipairs((params and params.items) or {}) do
    if item.section == M.SECTION then
      out[i] = settings_value()
    elseif item.section == nil or item.section == "" then
      out[i] = { [M.SECTION] = settings_value() }
    else
      out[i] = vim.NIL
    end
  end
  return out
end

function M.client_config(root)
  return {
    name = M.NAME,
    cmd = M.config.cmd,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
    init_options = settings_value(),
    settings = { [M.SECTION] = settings_value() },
    get_language_id = function(_, filetype)
      return M.language_id(filetype)
    end,
    handlers = { ["workspace/configuration"] = configuration_handler },
    capabilities = M.config.capabilities or vim.lsp.protocol.make_client_capabilities(),
    on_attach = M.config.on_attach,
    on_exit = function()
      if clients_by_root[root] then clients_by_root[root] = nil end
    end,
  }
end

local function executable_ok()
  local exe = M.config.cmd[1]
  if vim.fn.executable(exe) == 1 then return true end
  if not warned_missing then
    warned_missing = true
    vim.notify(
      string.format(
        "resume-ls: the server %q was not found or is not executable. Install resume-ls (see docs/editors.md, \"Install the server\") or pass cmd = { \"/path/to/resume-ls\", \"--stdio\" } to require(\"resume_ls\").setup().",
        exe
      ),
      vim.log.levels.ERROR
    )
  end
  return false
end

-- Starts (or reuses) the client for the buffer's root and attaches it.
-- Returns the client id, or nil when the server cannot be started.
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  if not executable_ok() then return nil end
  local root = M.root_dir(buf_path(bufnr))
  local config = M.client_config(root)
  if vim.lsp.start then
    -- reuses a running client with the same name and root_dir
    return vim.lsp.start(config, { bufnr = bufnr })
  end
  local id = clients_by_root[root]
  -- a client that exited is gone from get_client_by_id (and on_exit forgot it)
  if not (id and vim.lsp.get_client_by_id(id)) then
    id = vim.lsp.start_client(config)
    if not id then return nil end
    clients_by_root[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

function M.get_client(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  return our_clients(bufnr)[1]
end

local function maybe_attach(bufnr)
  if vim.api.nvim_buf_is_valid(bufnr) and vim.bo[bufnr].buftype == "" and M.is_resume(bufnr) and not M.get_client(bufnr) then
    M.attach(bufnr)
  end
end

-- :ResumeCheck: treat the current buffer as a resume whatever its name.
function M.check_current()
  local bufnr = vim.api.nvim_get_current_buf()
  if not vim.tbl_contains(M.config.filetypes, vim.bo[bufnr].filetype) then
    vim.notify("resume-ls: not a Markdown or LaTeX buffer", vim.log.levels.WARN)
    return nil
  end
  forced[bufnr] = true
  return M.get_client(bufnr) and M.get_client(bufnr).id or M.attach(bufnr)
end

-- Replaces the settings and tells every running client
-- (workspace/didChangeConfiguration), so they apply without a restart.
function M.update_settings(settings)
  M.config.settings = settings or {}
  for _, client in ipairs(our_clients(nil)) do
    client.config.settings = { [M.SECTION] = settings_value() }
    call(client, "notify", "workspace/didChangeConfiguration", { settings = client.config.settings })
  end
end

-- Asks for the score of a buffer. callback(message, lines): message is set
-- when there is no score to show (no client, command unavailable, error),
-- lines are the Markdown breakdown otherwise.
function M.request_score(bufnr, callback)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local client = M.get_client(bufnr)
  if not client then
    callback("resume-ls: this buffer is not checked as a resume (use :ResumeCheck to include it).", nil)
    return
  end
  local commands = ((client.server_capabilities or client.resolved_capabilities or {}).executeCommandProvider or {}).commands
    or {}
  if not vim.tbl_contains(commands, score.COMMAND) then
    callback(score.error_message(nil, false), nil)
    return
  end
  local params = { command = score.COMMAND, arguments = { vim.uri_from_bufnr(bufnr) } }
  call(client, "request", "workspace/executeCommand", params, function(err, result)
    if err then
      callback(score.error_message(err, true), nil)
    else
      callback(nil, score.lines(vim.fn.fnamemodify(buf_path(bufnr), ":t"), result))
    end
  end, bufnr)
end

-- :ResumeScore: the breakdown in a floating window (or the reason there is none).
function M.show_score()
  M.request_score(0, function(message, lines)
    if message then
      vim.notify(message, vim.log.levels.WARN)
      return
    end
    M.last_float = { vim.lsp.util.open_floating_preview(lines, "markdown", { border = "rounded", focus_id = "resume-ls-score" }) }
  end)
end

function M.restart()
  for _, client in ipairs(our_clients(nil)) do
    call(client, "stop")
  end
  clients_by_root = {}
  vim.defer_fn(function()
    for _, b in ipairs(vim.api.nvim_list_bufs()) do
      if vim.api.nvim_buf_is_loaded(b) then maybe_attach(b) end
    end
  end, 500)
end

function M.setup(opts)
  opts = opts or {}
  M.config = vim.tbl_deep_extend("force", {}, defaults, opts)
  -- tbl_deep_extend merges lists index by index ({ "a", "b" } + { "x" } =
  -- { "x", "b" }): take the user's lists as given.
  for _, key in ipairs({ "cmd", "filetypes", "files", "root_markers" }) do
    if opts[key] ~= nil then M.config[key] = opts[key] end
  end
  if opts.settings ~= nil then M.config.settings = opts.settings end
  if type(M.config.cmd) == "string" then M.config.cmd = { M.config.cmd, "--stdio" } end
  local group = vim.api.nvim_create_augroup("resume_ls", { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = M.config.filetypes,
    callback = function(args)
      maybe_attach(args.buf)
    end,
  })
  vim.api.nvim_create_autocmd("BufWipeout", {
    group = group,
    callback = function(args)
      forced[args.buf] = nil
    end,
  })
  -- Buffers already open when setup() runs (e.g. setup in a lazy loader).
  for _, b in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(b) then maybe_attach(b) end
  end
  return M
end

return M
