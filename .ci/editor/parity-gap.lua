-- Run by .ci/editor-test in `nvim --headless --clean`, from the repository's
-- root, with the freshly built `dualtrack` first on PATH: the user's
-- configuration (editors/neovim/dualtrack.lua) opens a copy of the reference
-- ladder with ic8's band cut below the VP's, and the diagnostics Neovim
-- holds must include the parity gap at that line; typing the band back
-- must clear it. Prints a transcript of every diagnostic; exits 1 with what
-- it saw otherwise.

local function say(line)
  io.stdout:write(line, "\n")
end

-- The reference ladder with ic8's max cut from 500000 to 450000 (the VP, at
-- the same grade, still pays up to 500000), written to a temporary
-- directory: its path, and the line of the band cut.
local function broken_ladder()
  local lines = vim.fn.readfile("ladders/engineering.yaml")
  local ic8, cut
  for i, line in ipairs(lines) do
    if line:match("^%s*%- id: ic8$") then
      ic8 = i
    elseif ic8 and not cut and line:match("^%s*band:") then
      local replaced
      lines[i], replaced = line:gsub("max: 500000", "max: 450000")
      if replaced ~= 1 then
        error("ic8's band is not `max: 500000` in ladders/engineering.yaml")
      end
      cut = i
    end
  end
  if not cut then
    error("no band under ic8 in ladders/engineering.yaml")
  end
  local dir = vim.fn.tempname()
  vim.fn.mkdir(dir, "p")
  local path = dir .. "/engineering.yaml"
  vim.fn.writefile(lines, path)
  return path, cut
end

-- A diagnostic's code: Neovim 0.7 keeps the LSP one under user_data only.
local function code(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
end

local function parity_gap()
  for _, d in ipairs(vim.diagnostic.get(0)) do
    if code(d) == "parity-gap" then
      return d
    end
  end
end

local function check()
  -- Neovim 0.7 (Debian 12's) has no vim.lsp.start: the same with the
  -- older calls, for the current buffer.
  if not vim.lsp.start then
    vim.lsp.start = function(config)
      local client = vim.lsp.start_client(config)
      vim.lsp.buf_attach_client(0, client)
      return client
    end
  end
  dofile("editors/neovim/dualtrack.lua")

  local path, cut = broken_ladder()
  say(string.format("%s: ladders/engineering.yaml with ic8's band cut to max 450000 (line %d)",
    vim.fn.execute("version"):match("NVIM v[^%s]*"), cut))
  vim.cmd("edit " .. vim.fn.fnameescape(path))
  if vim.bo.filetype ~= "yaml" then
    error("the file is not a YAML buffer (filetype `" .. vim.bo.filetype .. "`)")
  end
  vim.wait(10000, function() return parity_gap() ~= nil end, 50)

  local diagnostics = vim.diagnostic.get(0)
  table.sort(diagnostics, function(a, b) return a.lnum < b.lnum end)
  local severities = { "error", "warning", "information", "hint" }
  say(string.format("vim.diagnostic.get(0): %d diagnostic(s)", #diagnostics))
  for _, d in ipairs(diagnostics) do
    say(string.format("line %d, column %d: %s[%s] (%s) %s", d.lnum + 1, d.col + 1,
      severities[d.severity] or "?", code(d) or "", d.source or "no source",
      (d.message:gsub("\n", "\n    "))))
  end

  local gap = parity_gap()
  if not gap then
    error("no parity-gap diagnostic within 10 s")
  elseif gap.lnum + 1 ~= cut then
    error(string.format("the parity gap is at line %d, not at ic8's band (line %d)", gap.lnum + 1, cut))
  elseif not (gap.message:find("`ic8`", 1, true) and gap.message:find("`vp`", 1, true)) then
    error("the parity gap does not name ic8 and vp: " .. gap.message)
  end
  say("ok: the parity gap is at ic8's band, line " .. cut)

  -- Typed back in the buffer (Neovim sends the change as an edit of that
  -- line), the gap goes away once typing pauses.
  local band = vim.api.nvim_buf_get_lines(0, cut - 1, cut, true)[1]
  vim.api.nvim_buf_set_lines(0, cut - 1, cut, true, { (band:gsub("max: 450000", "max: 500000")) })
  local cleared = vim.wait(10000, function() return #vim.diagnostic.get(0) == 0 end, 50)
  if not cleared then
    error(string.format("%d diagnostic(s) left after ic8's band was restored", #vim.diagnostic.get(0)))
  end
  say(string.format("ok: ic8's band typed back to max 500000 (line %d): no diagnostics", cut))
end

local ok, err = pcall(check)
if ok then
  vim.cmd("qall!")
else
  io.stderr:write("editor test: ", tostring(err), "\n")
  vim.cmd("cquit 1")
end
