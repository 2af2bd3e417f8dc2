-- diagnostics.lua - headless Neovim (0.7+, the distribution's) opens a
-- resume, starts resume-ls with its built-in LSP client, and must receive
-- the server's publishDiagnostics for that buffer and version.
--
-- Run (tests/nvim/tests.cmake does):
--   RESUME_LS_BIN=... RESUME_FILE=... nvim --headless -u NONE -i NONE -c "luafile diagnostics.lua"
-- Exit status 0 on success, 1 with a message on stderr otherwise.
vim.cmd('filetype plugin on')

local bin = os.getenv('RESUME_LS_BIN')
local file = os.getenv('RESUME_FILE')
local function fail(msg)
  io.stderr:write('nvim test: ' .. msg .. '\n')
  vim.cmd('cquit 1')
end
if not bin or not file then fail('RESUME_LS_BIN and RESUME_FILE must be set') end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
local uri = vim.uri_from_bufnr(buf)

local published = {} -- every publishDiagnostics the client saw for our buffer
local default_handler = vim.lsp.handlers['textDocument/publishDiagnostics']
local handlers = {
  ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
    if result and result.uri == uri then table.insert(published, result) end
    return default_handler(err, result, ctx, config)
  end,
}

-- 0.7 has no vim.lsp.start: start_client + buf_attach_client.
local client_id = vim.lsp.start_client({
  name = 'resume-ls',
  cmd = { bin, '--stdio' },
  root_dir = vim.fn.fnamemodify(file, ':p:h'),
  handlers = handlers,
})
if not client_id then fail('the client did not start') end
vim.lsp.buf_attach_client(buf, client_id)

local function wait_for(what, pred)
  if not vim.wait(5000, pred, 20) then fail('timed out waiting for ' .. what) end
end

wait_for('the first publishDiagnostics', function() return #published > 0 end)
local first = published[1]
if first.version ~= vim.lsp.util.buf_versions[buf] and first.version ~= 0 then
  fail(('first publish has version %s, buffer is at %s'):format(tostring(first.version),
    tostring(vim.lsp.util.buf_versions[buf])))
end

-- An edit that changes the findings must produce a publish for the new
-- version (incremental sync). A bullet in a new Projects section is judged
-- (weak opener, no metric); the server does not push a set equal to the last
-- one to a client that does not interpret versions, as Neovim's does not.
vim.api.nvim_buf_set_lines(buf, -1, -1, false, { '', '## Projects', '', '- Worked on the café app 😀' })
local version = vim.lsp.util.buf_versions[buf]
wait_for('diagnostics for version ' .. version, function()
  return published[#published].version == version
end)

-- What the server found is what Neovim shows for the buffer.
local shown = vim.diagnostic.get(buf)
local last = published[#published].diagnostics
if #shown ~= #last then fail(('neovim shows %d diagnostics, server sent %d'):format(#shown, #last)) end
for _, d in ipairs(last) do
  if d.source ~= 'resume-ls' then fail('a diagnostic without source resume-ls') end
end
-- Once the rule engine is in (issue #4), the weak opener must be among them.
if os.getenv('EXPECT_WEAK_OPENER') == '1' then
  local found = false
  for _, d in ipairs(last) do
    if d.code == 'weak-opener' then found = true end
  end
  if not found then fail('no weak-opener diagnostic') end
end

local client = vim.lsp.get_client_by_id(client_id)
client.stop()
wait_for('the server to stop', function() return client.is_stopped() end)
io.stdout:write(('nvim test: ok, %d publishes, %d diagnostics shown\n'):format(#published, #shown))
vim.cmd('qall!')
