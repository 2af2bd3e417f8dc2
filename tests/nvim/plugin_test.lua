-- plugin_test.lua - headless Neovim (the distribution's 0.7.2) with the
-- plugin from editors/nvim and the real server: what a person gets on attach
-- and from :checkhealth. tests/nvim/tests.cmake runs it in several modes
-- (RLS_TEST_MODE), each in a fresh Neovim:
--
--   defaults   setup({}): K is hover, omnifunc is the LSP one, the code lens
--              is asked for on attach and again on InsertLeave, the rule id
--              shows in virtual text and the float, :checkhealth resume_ls
--              reports binary, version, client path, buffers and settings
--              problems; nothing on the server's stderr reaches the LSP log
--   nokeymaps  setup({ keymaps = false }): none of the buffer defaults
--   lspconfig  the nvim-lspconfig snippet of docs/editors.md, run against a
--              stand-in for nvim-lspconfig that names the client
--              "resume_ls" as it does: :ResumeScore uses that client and no
--              second server starts
--   nvim08     vim.lsp.start as Neovim 0.8 documents it (no bufnr: it
--              attaches the current buffer): setup() with two resumes open
--              in the background attaches each of them
--
-- Env: RLS_BIN (server), RLS_REPO (source tree), RLS_TEST_MODE.
-- Prints "ok - ..." / "not ok - ..." lines and "N passed, N failed"; exits
-- non-zero on a failure.
local BIN = assert(os.getenv("RLS_BIN"), "RLS_BIN")
local REPO = assert(os.getenv("RLS_REPO"), "RLS_REPO")
local MODE = os.getenv("RLS_TEST_MODE") or "defaults"
local FIXTURES = REPO .. "/tests/editors/fixtures"
local WAIT_MS = 10000

vim.opt.runtimepath:prepend(REPO .. "/editors/nvim")
vim.cmd("filetype plugin on")
vim.cmd("runtime plugin/resume_ls.lua")

local passed, failed = 0, 0
local function out(line)
  io.stdout:write(line .. "\n")
end
local function check(name, ok, detail)
  if ok then
    passed = passed + 1
    out("ok - " .. MODE .. ": " .. name)
  else
    failed = failed + 1
    out("not ok - " .. MODE .. ": " .. name .. (detail ~= nil and (": " .. tostring(detail)) or ""))
  end
  return ok
end

local work = vim.fn.tempname()
vim.fn.mkdir(work .. "/.git", "p")
local function copy(name, rel)
  local dest = work .. "/" .. (rel or name)
  vim.fn.writefile(vim.fn.readfile(FIXTURES .. "/" .. name, "b"), dest, "b")
  return dest
end
local function open(path)
  vim.cmd("edit " .. vim.fn.fnameescape(path))
  return vim.api.nvim_get_current_buf()
end
local function all_clients()
  return vim.lsp.get_active_clients()
end
local function wait_attached(bufnr)
  vim.wait(WAIT_MS, function()
    for _, c in pairs(vim.lsp.buf_get_clients(bufnr)) do
      if c.initialized ~= false and (c.server_capabilities or c.resolved_capabilities) then return true end
    end
    return false
  end, 20)
  return vim.lsp.buf_get_clients(bufnr)
end
local function wait_diags(bufnr)
  vim.wait(WAIT_MS, function()
    return #vim.diagnostic.get(bufnr) > 0
  end, 20)
  return vim.diagnostic.get(bufnr)
end
local function buffer_map(bufnr, lhs)
  return vim.api.nvim_buf_call(bufnr, function()
    local m = vim.fn.maparg(lhs, "n", false, true)
    return (m and m.buffer == 1) and m or nil
  end)
end
local function lens_titles(bufnr)
  local titles = {}
  for _, lens in ipairs(vim.lsp.codelens.get(bufnr) or {}) do
    if lens.command and lens.command.title then table.insert(titles, lens.command.title) end
  end
  return titles
end

-- Every textDocument/codeLens answer the plugin asked for, per buffer.
local lens_answers = {}
local on_codelens = vim.lsp.codelens.on_codelens
vim.lsp.codelens.on_codelens = function(err, result, ctx, config)
  lens_answers[ctx.bufnr] = (lens_answers[ctx.bufnr] or 0) + 1
  return on_codelens(err, result, ctx, config)
end

local function run_defaults()
  local md_path = copy("jane-resume.md")
  local readme_path = copy("README.md")
  local rls = require("resume_ls")
  rls.setup({
    cmd = { BIN, "--stdio" },
    settings = { rules = { ["weak-opener"] = "loud" }, role = "backend", colour = "blue" },
  })
  local readme = open(readme_path)
  local readme_omnifunc = vim.bo[readme].omnifunc
  local md = open(md_path)
  local clients = wait_attached(md)
  check("a client attaches to the resume", next(clients) ~= nil)

  -- Buffer-local defaults.
  local k = buffer_map(md, "K")
  check("K is mapped in the resume buffer", k ~= nil, vim.inspect(k))
  check("K runs hover, not :Man", k ~= nil and (k.desc or ""):find("hover", 1, true) ~= nil, k and k.desc)
  check("omnifunc is the LSP one", vim.bo[md].omnifunc == "v:lua.vim.lsp.omnifunc", vim.bo[md].omnifunc)
  check("README.md keeps its own K and omnifunc", buffer_map(readme, "K") == nil and vim.bo[readme].omnifunc == readme_omnifunc)
  local compl = vim.lsp.buf_request_sync(md, "textDocument/completion", {
    textDocument = { uri = vim.uri_from_bufnr(md) },
    position = { line = 0, character = 0 },
  }, WAIT_MS)
  check("the server answers the completion omnifunc asks for", compl ~= nil and next(compl) ~= nil)

  -- Code lens: on attach, then again after an edit and InsertLeave.
  vim.wait(WAIT_MS, function()
    return #lens_titles(md) > 0
  end, 20)
  local titles = lens_titles(md)
  out("# code lens: " .. table.concat(titles, " | "))
  check("the score code lens appears without a manual refresh", #titles > 0 and titles[1]:find("ATS", 1, true) ~= nil, vim.inspect(titles))
  local before = lens_answers[md] or 0
  vim.api.nvim_buf_set_lines(md, -1, -1, false, { "", "- Cut build time from 9 to 2 minutes" })
  vim.api.nvim_exec_autocmds("InsertLeave", { buffer = md })
  vim.wait(WAIT_MS, function()
    return (lens_answers[md] or 0) > before
  end, 20)
  check("InsertLeave after an edit asks for the code lens again", (lens_answers[md] or 0) > before)

  -- The rule id in the float and the virtual text.
  local diags = wait_diags(md)
  local weak
  for _, d in ipairs(diags) do
    if d.code == "weak-opener" then weak = d end
  end
  if check("a weak-opener diagnostic to look at", weak ~= nil) then
    -- Virtual text lives in a namespace of its own (0.7: user_data.virt_text_ns).
    local ns = weak.namespace or vim.lsp.diagnostic.get_namespace(next(clients))
    local info = vim.diagnostic.get_namespace(ns)
    local vt_ns = (info.user_data and info.user_data.virt_text_ns) or ns
    local marks = vim.api.nvim_buf_get_extmarks(md, vt_ns, 0, -1, { details = true })
    local vt = {}
    for _, m in ipairs(marks) do
      for _, chunk in ipairs((m[4] or {}).virt_text or {}) do
        table.insert(vt, chunk[1])
      end
    end
    vt = table.concat(vt, " ")
    -- 0.7 shows the last message of a line: the id is the one of that line's last diagnostic.
    local ids_on_line = {}
    for _, d in ipairs(diags) do
      if d.lnum == weak.lnum then table.insert(ids_on_line, "[" .. d.code .. "]") end
    end
    local shown = false
    for _, id in ipairs(ids_on_line) do
      if vt:find(id, 1, true) then shown = true end
    end
    check("virtual text shows the rule id, e.g. [weak-opener]", shown, vt:sub(1, 300))
    -- Another tool's diagnostic on the same line keeps its message as is.
    local other = vim.api.nvim_create_namespace("other-tool")
    vim.diagnostic.set(other, md, { { lnum = weak.lnum, col = 0, message = "other tool says", source = "other", code = "x1" } })
    vim.api.nvim_win_set_cursor(0, { weak.lnum + 1, weak.col })
    local fbuf = vim.diagnostic.open_float(md, { scope = "line" })
    local text = table.concat(fbuf and vim.api.nvim_buf_get_lines(fbuf, 0, -1, false) or {}, "\n")
    out("# float: " .. text:gsub("\n", " | "))
    check("the float shows [weak-opener]", text:find("[weak-opener]", 1, true) ~= nil, text)
    check("the float leaves other tools' messages alone", text:find("other tool says", 1, true) ~= nil and text:find("[x1]", 1, true) == nil, text)
    vim.diagnostic.reset(other, md)
  end

  -- :checkhealth resume_ls
  vim.cmd("checkhealth resume_ls")
  local report = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), "\n")
  out("# checkhealth:\n" .. report:gsub("\n", "\n#   "))
  check(":checkhealth resume_ls finds the health check", report:find("resume-ls: server", 1, true) ~= nil and report:find("No healthcheck found", 1, true) == nil)
  local version = vim.trim(vim.fn.system({ BIN, "--version" }))
  check("it reports the binary and its version", report:find(version, 1, true) ~= nil and report:find(BIN, 1, true) ~= nil, version)
  check("it reports the client path of this Neovim", report:find("vim.lsp.start_client + vim.lsp.buf_attach_client", 1, true) ~= nil)
  check("it lists the attached resume", report:find("jane-resume.md", 1, true) ~= nil)
  check("it reports the bad severity", report:find('rules["weak-opener"] = "loud"', 1, true) ~= nil)
  check("it reports the unknown setting", report:find('unknown setting "colour"', 1, true) ~= nil)
  vim.cmd("tabclose")

  -- The server's stderr: Neovim logs each line of it as [ERROR].
  for _, c in ipairs(all_clients()) do
    c.stop()
  end
  vim.wait(WAIT_MS, function()
    return #all_clients() == 0
  end, 50)
  -- The bad settings above make the server warn, so the log is known to
  -- catch its stderr; a default start must add no info line to it.
  local log = table.concat(vim.fn.readfile(vim.lsp.get_log_path()), "\n")
  check("the LSP log holds the server's warning about the settings", log:find("resume-ls: warn:", 1, true) ~= nil, log:sub(1, 400))
  check("no info line of the server in the LSP log (Neovim files stderr as [ERROR])", log:find("resume-ls: info:", 1, true) == nil, log:sub(1, 600))
end

local function run_nokeymaps()
  local md_path = copy("jane-resume.md")
  require("resume_ls").setup({ cmd = { BIN, "--stdio" }, keymaps = false })
  local md = open(md_path)
  local ft_omnifunc = vim.bo[md].omnifunc
  check("a client attaches to the resume", next(wait_attached(md)) ~= nil)
  wait_diags(md)
  vim.wait(500)
  check("no K mapping", buffer_map(md, "K") == nil)
  check("omnifunc left as the filetype set it", vim.bo[md].omnifunc == ft_omnifunc and ft_omnifunc ~= "v:lua.vim.lsp.omnifunc", vim.bo[md].omnifunc)
  check("no code lens requests", (lens_answers[md] or 0) == 0)
  check("no code lens autocommands", #vim.api.nvim_get_autocmds({ event = "InsertLeave", buffer = md }) == 0)
end

-- A stand-in for nvim-lspconfig (the parts the snippet uses), naming the
-- client after the config key as lspconfig does: "resume_ls".
local function fake_lspconfig()
  local util = {
    path = {
      dirname = function(p)
        return vim.fn.fnamemodify(p, ":h")
      end,
    },
    root_pattern = function(...)
      local markers = { ... }
      return function(fname)
        local dir = vim.fn.fnamemodify(fname, ":p:h")
        while dir ~= "/" and dir ~= "" do
          for _, m in ipairs(markers) do
            if vim.loop.fs_stat(dir .. "/" .. m) then return dir end
          end
          dir = vim.fn.fnamemodify(dir, ":h")
        end
        return nil
      end
    end,
  }
  local configs = setmetatable({}, {
    __newindex = function(t, name, def)
      def.setup = function(user)
        local cfg = vim.tbl_deep_extend("force", def.default_config, user or {})
        cfg.name = name
        local by_root = {}
        vim.api.nvim_create_autocmd("FileType", {
          pattern = cfg.filetypes,
          callback = function(args)
            local root = cfg.root_dir(vim.api.nvim_buf_get_name(args.buf))
            if not root then return end
            if not by_root[root] then by_root[root] = vim.lsp.start_client(vim.tbl_extend("force", cfg, { root_dir = root })) end
            vim.lsp.buf_attach_client(args.buf, by_root[root])
          end,
        })
      end
      rawset(t, name, def)
    end,
  })
  package.loaded["lspconfig.util"] = util
  package.loaded["lspconfig.configs"] = configs
  package.loaded["lspconfig"] = setmetatable({}, {
    __index = function(_, k)
      return configs[k]
    end,
  })
end

-- The first ```lua block under "### With nvim-lspconfig" in docs/editors.md.
local function lspconfig_snippet()
  local text = table.concat(vim.fn.readfile(REPO .. "/docs/editors.md"), "\n")
  local section = text:match("### With nvim%-lspconfig(.-)\n## ")
  assert(section, "docs/editors.md has a '### With nvim-lspconfig' section")
  local code = section:match("```lua\n(.-)\n```")
  assert(code, "the section has a lua block")
  return code
end

local function run_lspconfig()
  fake_lspconfig()
  local code = lspconfig_snippet():gsub('"resume%-ls", "%-%-stdio"', string.format("%q, \"--stdio\"", BIN))
  local chunk = assert(loadstring(code, "docs/editors.md lspconfig snippet"))
  chunk()
  local md = open(copy("jane-resume.md"))
  local readme = open(copy("README.md"))
  local clients = wait_attached(md)
  local c = select(2, next(clients))
  check("the snippet attaches a client named resume_ls to the resume", c ~= nil and c.name == "resume_ls", c and c.name)
  check("README.md gets no client", next(vim.lsp.buf_get_clients(readme)) == nil)
  check("the snippet's on_attach maps K", buffer_map(md, "K") ~= nil)
  local is_ours = require("resume_ls").is_resume_ls_client
  check("the plugin recognises it as a resume-ls client", c ~= nil and is_ours ~= nil and is_ours(c))
  vim.cmd("buffer " .. md)
  wait_diags(md)
  local diag_count = #vim.diagnostic.get(md)
  vim.cmd("ResumeScore")
  local rls = require("resume_ls")
  vim.wait(WAIT_MS, function()
    return rls.last_float ~= nil
  end, 20)
  check(":ResumeScore shows the score from that client", rls.last_float ~= nil)
  vim.wait(1000)
  check("no second server started", #all_clients() == 1, #all_clients())
  check("diagnostics are not doubled", #vim.diagnostic.get(md) == diag_count, string.format("%d then %d", diag_count, #vim.diagnostic.get(md)))
  local notes = open(copy("README.md", "notes.md"))
  vim.cmd("ResumeCheck")
  vim.wait(WAIT_MS, function()
    return #vim.diagnostic.get(notes) > 0
  end, 20)
  check(":ResumeCheck attaches the running resume_ls client", #all_clients() == 1 and vim.lsp.buf_is_attached(notes, c.id))
end

local function run_nvim08()
  -- Neovim 0.8's vim.lsp.start(config, opts): no bufnr option, it attaches
  -- the current buffer (runtime/doc/lsp.txt of 0.8; bufnr came in 0.9).
  vim.lsp.start = function(config, _)
    for _, c in ipairs(vim.lsp.get_active_clients()) do
      if c.name == config.name and c.config.root_dir == config.root_dir then
        vim.lsp.buf_attach_client(0, c.id)
        return c.id
      end
    end
    local id = vim.lsp.start_client(config)
    if id then vim.lsp.buf_attach_client(0, id) end
    return id
  end
  local md = open(copy("jane-resume.md"))
  local tex = open(copy("my-CV.tex"))
  local notes = open(copy("README.md", "notes.md"))
  require("resume_ls").setup({ cmd = { BIN, "--stdio" } })
  wait_attached(md)
  wait_attached(tex)
  check("the Markdown resume opened earlier is attached", next(vim.lsp.buf_get_clients(md)) ~= nil)
  check("the LaTeX resume opened earlier is attached", next(vim.lsp.buf_get_clients(tex)) ~= nil)
  check("the current buffer (not a resume) is not", next(vim.lsp.buf_get_clients(notes)) == nil)
  check("one server for the project", #all_clients() == 1, #all_clients())
end

local runs = { defaults = run_defaults, nokeymaps = run_nokeymaps, lspconfig = run_lspconfig, nvim08 = run_nvim08 }
if check("the server binary exists", vim.fn.executable(BIN) == 1, "no resume-ls at " .. BIN .. ": build it first (make build)") then
  local ok, err = xpcall(assert(runs[MODE], "unknown RLS_TEST_MODE " .. MODE), debug.traceback)
  if not ok then check("test script ran to the end", false, err) end
end
for _, c in ipairs(all_clients()) do
  c.stop()
end
vim.wait(2000, function()
  return #all_clients() == 0
end, 50)
vim.fn.delete(work, "rf")
out(string.format("%d passed, %d failed", passed, failed))
vim.cmd(failed == 0 and "qall!" or "cquit 1")
