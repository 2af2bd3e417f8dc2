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
--     keymaps = true,   -- buffer-local K (hover), omnifunc, code lens refresh
--     rule_ids = true,  -- " [rule-id]" after each message (float, virtual text)
--   })
--
-- Works on Neovim 0.7 and 0.8 (vim.lsp.start_client + buf_attach_client,
-- one client per root directory: vim.lsp.start has no bufnr before 0.9, so
-- it would attach the current buffer instead of the one asked for) and
-- 0.9+ (vim.lsp.start with bufnr, reusing any resume-ls client of the root).
--
-- "Our" clients are found by the server they talk to, not by their name: a
-- client started by nvim-lspconfig is called "resume_ls", and using it is
-- what keeps :ResumeScore from starting a second server.
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
  keymaps = true,
  rule_ids = true,
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

local function basename(path)
  return (path:gsub("\\", "/"):match("([^/]*)$"))
end

-- Whether a client talks to resume-ls, whatever it is called: the name the
-- server gave in initialize's serverInfo (kept by Neovim 0.10+ as
-- client.server_info; by our own on_init before that), else the program it
-- runs, else our own client name.
function M.is_resume_ls_client(client)
  if client.server_info and client.server_info.name then return client.server_info.name == M.NAME end
  local cmd = client.config and client.config.cmd
  if type(cmd) == "table" and type(cmd[1]) == "string" then
    local exe = basename(cmd[1]):gsub("%.exe$", "")
    if exe == M.NAME then return true end
  end
  return client.name == M.NAME
end

-- Our clients, of one buffer or of all (get_clients is 0.10+).
local function our_clients(bufnr)
  local out = {}
  local list
  if vim.lsp.get_clients then
    list = vim.lsp.get_clients({ bufnr = bufnr })
  else
    list = bufnr and vim.lsp.buf_get_clients(bufnr) or vim.lsp.get_active_clients()
  end
  for _, c in pairs(list) do
    if M.is_resume_ls_client(c) then table.insert(out, c) end
  end
  table.sort(out, function(a, b)
    return a.id < b.id
  end)
  return out
end
M.clients = our_clients

-- The clients this plugin started (settings and restarts are theirs; a
-- client of nvim-lspconfig keeps its own configuration).
local function own_clients()
  local out = {}
  for _, c in ipairs(our_clients(nil)) do
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

-- " [weak-opener]" after a message: the id that `rules` settings and
-- disable comments need. The LSP code is top-level from 0.7 on; older
-- handlers kept it in user_data.lsp.
local function rule_id(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
end
function M.format_diagnostic(d)
  local code = rule_id(d)
  if code == nil or code == "" or d.message:find("[" .. code .. "]", 1, true) then return d.message end
  return string.format("%s [%s]", d.message, code)
end

local float_format_installed = false
-- Virtual text: configured for the client's namespace only. The float:
-- Neovim 0.9+ adds the LSP code itself (open_float's default `suffix`); on
-- 0.7 and 0.8 open_float reads only the global config, so our format is
-- chained in front of whatever format is there, and touches only
-- diagnostics whose source is resume-ls.
local function show_rule_ids(client)
  local ns = vim.lsp.diagnostic.get_namespace(client.id)
  local vt = vim.diagnostic.config().virtual_text
  if vt then
    local opts = type(vt) == "table" and vim.deepcopy(vt) or {}
    opts.format = M.format_diagnostic
    vim.diagnostic.config({ virtual_text = opts }, ns)
  end
  if vim.fn.has("nvim-0.9") == 1 or float_format_installed then return end
  float_format_installed = true
  local float = vim.diagnostic.config().float
  local opts = type(float) == "table" and float or {}
  local inner = opts.format
  opts.format = function(d)
    if d.source == M.NAME then d = vim.tbl_extend("force", d, { message = M.format_diagnostic(d) }) end
    return inner and inner(d) or d.message
  end
  if float ~= false then vim.diagnostic.config({ float = opts }) end
end

-- The code lens (the score on line 1) of one buffer. refresh() takes a
-- bufnr from 0.10 on; before, it asks for the current buffer, hence
-- nvim_buf_call.
function M.refresh_codelens(bufnr)
  if not vim.api.nvim_buf_is_loaded(bufnr) then return end
  if vim.fn.has("nvim-0.10") == 1 then
    vim.lsp.codelens.refresh({ bufnr = bufnr })
  else
    vim.api.nvim_buf_call(bufnr, function()
      vim.lsp.codelens.refresh()
    end)
  end
end

-- Buffer-local defaults (setup{ keymaps = false } turns them off): K shows
-- the hover, <C-x><C-o> completes from the server, the code lens is asked
-- for on attach, on InsertLeave and after edits in normal mode.
local function buffer_defaults(client, bufnr)
  local caps = client.server_capabilities or client.resolved_capabilities or {}
  if caps.hoverProvider or caps.hover then
    vim.keymap.set("n", "K", vim.lsp.buf.hover, { buffer = bufnr, desc = "resume-ls: hover" })
  end
  if caps.completionProvider or caps.completion then vim.bo[bufnr].omnifunc = "v:lua.vim.lsp.omnifunc" end
  if caps.codeLensProvider or caps.code_lens then
    local group = vim.api.nvim_create_augroup("resume_ls_codelens_" .. bufnr, { clear = true })
    vim.api.nvim_create_autocmd({ "InsertLeave", "TextChanged", "BufEnter" }, {
      group = group,
      buffer = bufnr,
      callback = function()
        M.refresh_codelens(bufnr)
      end,
    })
    M.refresh_codelens(bufnr)
  end
end

-- A column of a buffer line in the client's position encoding.
local function lsp_col(client, bufnr, lnum, col)
  local enc = client.offset_encoding or "utf-16"
  if enc == "utf-8" then return col end
  local line = vim.api.nvim_buf_get_lines(bufnr, lnum, lnum + 1, false)[1] or ""
  local u32, u16 = vim.str_utfindex(line, math.min(col, #line))
  return enc == "utf-32" and u32 or u16
end

-- Neovim before 0.11 builds a codeAction request's context from
-- vim.diagnostic, whose columns are bytes, and sends them as the LSP range
-- (0.11 sends the diagnostic as published). The server knows a finding by
-- its exact range, so after é, CJK or an emoji on the line no fix would be
-- offered. A context diagnostic that is one of ours (same code and message)
-- at its byte columns, and not at its range in the client's encoding, gets
-- that range back; any other is left as it came.
local function restore_context_ranges(client, params)
  local ctx = params.context
  local uri = params.textDocument and params.textDocument.uri
  if type(ctx) ~= "table" or type(ctx.diagnostics) ~= "table" or not uri then return end
  local bufnr = vim.uri_to_bufnr(uri)
  local ns = vim.lsp.diagnostic.get_namespace(client.id)
  for _, d in ipairs(ctx.diagnostics) do
    local s, e = d.range and d.range.start, d.range and d.range["end"]
    local ours = s and e and vim.diagnostic.get(bufnr, { namespace = ns, lnum = s.line }) or {}
    local restored
    for _, vd in ipairs(ours) do
      if vd.code == d.code and vd.message == d.message and vd.end_lnum == e.line then
        local range = {
          start = { line = s.line, character = lsp_col(client, bufnr, s.line, vd.col) },
          ["end"] = { line = e.line, character = lsp_col(client, bufnr, e.line, vd.end_col) },
        }
        if vim.deep_equal(range, d.range) then
          restored = nil
          break
        end
        if vd.col == s.character and vd.end_col == e.character then restored = restored or range end
      end
    end
    if restored then d.range = restored end
  end
end

local function fix_code_action_context(client)
  if colon or client.resume_ls_context_fixed then return end
  client.resume_ls_context_fixed = true
  local request = client.request
  client.request = function(method, params, ...)
    if method == "textDocument/codeAction" and type(params) == "table" then restore_context_ranges(client, params) end
    return request(method, params, ...)
  end
end

-- What the plugin does when a resume-ls client attaches to a buffer. Called
-- for the plugin's own clients; pass it as on_attach to nvim-lspconfig to
-- get the same (docs/editors.md).
function M.on_attach(client, bufnr)
  local cfg = M.config or defaults
  fix_code_action_context(client)
  if cfg.rule_ids ~= false then show_rule_ids(client) end
  if cfg.keymaps ~= false then buffer_defaults(client, bufnr) end
  if cfg.on_attach then cfg.on_attach(client, bufnr) end
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
    on_attach = M.on_attach,
    -- Neovim before 0.10 keeps no serverInfo; remember it for
    -- is_resume_ls_client (and :checkhealth).
    on_init = function(client, result)
      if not client.server_info and result and result.serverInfo then client.server_info = result.serverInfo end
    end,
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
  local root = M.root_dir(buf_path(bufnr))
  -- A resume-ls client of this root started elsewhere (nvim-lspconfig's
  -- "resume_ls"): attach it rather than start a second server.
  for _, c in ipairs(our_clients(nil)) do
    if c.config.root_dir == root and not call(c, "is_stopped") then
      vim.lsp.buf_attach_client(bufnr, c.id)
      return c.id
    end
  end
  if not executable_ok() then return nil end
  local config = M.client_config(root)
  if vim.fn.has("nvim-0.9") == 1 then
    -- bufnr is an option of vim.lsp.start from 0.9 on (0.8's attaches the
    -- current buffer); it reuses a client of the same name and root.
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
  for _, client in ipairs(own_clients()) do
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
  for _, client in ipairs(own_clients()) do
    call(client, "stop")
  end
  clients_by_root = {}
  vim.defer_fn(function()
    for _, b in ipairs(vim.api.nvim_list_bufs()) do
      if vim.api.nvim_buf_is_loaded(b) then maybe_attach(b) end
    end
  end, 500)
end

-- setup(opts): the plugin starts servers for resume buffers. The commands
-- of plugin/resume_ls.lua call setup(opts, { attach = false }) when the
-- user never did: they then use whatever resume-ls client is running
-- (nvim-lspconfig's) and start none on their own, except :ResumeCheck.
function M.setup(opts, internal)
  opts = opts or {}
  local autostart = not (internal and internal.attach == false)
  M.config = vim.tbl_deep_extend("force", {}, defaults, opts)
  -- tbl_deep_extend merges lists index by index ({ "a", "b" } + { "x" } =
  -- { "x", "b" }): take the user's lists as given.
  for _, key in ipairs({ "cmd", "filetypes", "files", "root_markers" }) do
    if opts[key] ~= nil then M.config[key] = opts[key] end
  end
  if opts.settings ~= nil then M.config.settings = opts.settings end
  if type(M.config.cmd) == "string" then M.config.cmd = { M.config.cmd, "--stdio" } end
  local group = vim.api.nvim_create_augroup("resume_ls", { clear = true })
  if not autostart then return M end
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
