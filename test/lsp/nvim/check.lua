-- Run by .ci/nvim-lsp-test.sh in `nvim --headless`: Neovim's own LSP client (vim.lsp.start_client) talks to
-- `tfguard lsp --stdio` about one file; each step is logged to $TFG_OUT for the script to assert.
local root, file, out = os.getenv('TFG_ROOT'), os.getenv('TFG_FILE'), os.getenv('TFG_OUT')
local function log(s)
  local f = io.open(out, 'a')
  f:write(s .. '\n')
  f:close()
end
vim.cmd('edit ' .. file)
local bufnr = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = 'tfguard',
  cmd = { 'node', root .. '/bin/tfguard.js', 'lsp', '--stdio' },
  root_dir = vim.fn.fnamemodify(file, ':h'),
})
vim.lsp.buf_attach_client(bufnr, client_id)
local function code(d)
  return (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or d.code or '?'
end
local function codes()
  local t = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(t, code(d) .. '@' .. (d.lnum + 1))
  end
  table.sort(t)
  return table.concat(t, ',')
end
local function has(id)
  return codes():find(id .. '@', 1, true) ~= nil
end

local ok = vim.wait(30000, function() return has('D9.TF.AWS.LOG.01') end, 50)
log('opened ' .. tostring(ok) .. ' ' .. codes())

-- Edit a value in the buffer (not saved): the finding must go.
local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
for i, l in ipairs(lines) do
  if l:find('is_multi_region_trail', 1, true) then
    vim.api.nvim_buf_set_lines(bufnr, i - 1, i, false, { (l:gsub('false', 'true')) })
  end
end
ok = vim.wait(30000, function() return not has('D9.TF.AWS.LOG.01') end, 50)
log('edited ' .. tostring(ok) .. ' ' .. codes())

-- Apply the code action that fixes TFG.AWS.CLOUDTRAIL.3 (log file validation not set).
local diag
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  if code(d) == 'TFG.AWS.CLOUDTRAIL.3' then diag = d end
end
local applied = 'none'
if diag then
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = { start = { line = diag.lnum, character = diag.col }, ['end'] = { line = diag.end_lnum, character = diag.end_col } },
    -- Neovim 0.7 keeps the server's fields (code, data) in user_data.lsp and the position in the diagnostic itself.
    context = {
      diagnostics = {
        vim.tbl_extend('force', diag.user_data.lsp, {
          source = diag.source,
          message = diag.message,
          range = { start = { line = diag.lnum, character = diag.col }, ['end'] = { line = diag.end_lnum, character = diag.end_col } },
        }),
      },
    },
  }
  local res = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 20000)
  for _, r in pairs(res or {}) do
    for _, a in ipairs(r.result or {}) do
      if applied == 'none' and a.edit and a.title:find('enable_log_file_validation', 1, true) then
        vim.lsp.util.apply_workspace_edit(a.edit, 'utf-16')
        applied = a.title
      end
    end
  end
end
log('action ' .. applied)
ok = vim.wait(30000, function() return not has('TFG.AWS.CLOUDTRAIL.3') end, 50)
log('fixed ' .. tostring(ok) .. ' ' .. codes())
log('buffer ' .. table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '|'))
vim.lsp.stop_client(client_id)
vim.cmd('qall!')
