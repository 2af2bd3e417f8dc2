-- Which files are resumes: the same rule as the VS Code extension
-- (editors/vscode/src/files.ts); tests/editors/fixtures/names.json is the
-- table both are tested on.
--
-- Default: the file name contains "resume" (case and accents ignored:
-- "Résumé.md", "RESUME.tex") or has "cv" as a word of its own ("my-CV.tex",
-- "cv_2024.md", "JaneDoeCV.md", not "recv-notes.md"). A README never is,
-- unless a glob in `files` names it.
local M = {}

-- Lower case with the accents of Latin letters removed. Lua's string.lower
-- only knows ASCII, so the common precomposed accented vowels are mapped by
-- hand and combining marks (U+0300-U+036F, as in NFD names from macOS)
-- are dropped.
local accented = {
  ["à"] = "a", ["á"] = "a", ["â"] = "a", ["ä"] = "a", ["ã"] = "a", ["å"] = "a",
  ["À"] = "a", ["Á"] = "a", ["Â"] = "a", ["Ä"] = "a", ["Ã"] = "a", ["Å"] = "a",
  ["è"] = "e", ["é"] = "e", ["ê"] = "e", ["ë"] = "e",
  ["È"] = "e", ["É"] = "e", ["Ê"] = "e", ["Ë"] = "e",
  ["ì"] = "i", ["í"] = "i", ["î"] = "i", ["ï"] = "i",
  ["Ì"] = "i", ["Í"] = "i", ["Î"] = "i", ["Ï"] = "i",
  ["ò"] = "o", ["ó"] = "o", ["ô"] = "o", ["ö"] = "o", ["õ"] = "o",
  ["Ò"] = "o", ["Ó"] = "o", ["Ô"] = "o", ["Ö"] = "o", ["Õ"] = "o",
  ["ù"] = "u", ["ú"] = "u", ["û"] = "u", ["ü"] = "u",
  ["Ù"] = "u", ["Ú"] = "u", ["Û"] = "u", ["Ü"] = "u",
  ["ç"] = "c", ["Ç"] = "c", ["ñ"] = "n", ["Ñ"] = "n",
}

function M.fold(s)
  -- combining diacritical marks: U+0300..U+036F = CC 80..CD AF in UTF-8
  s = s:gsub("\204[\128-\191]", ""):gsub("\205[\128-\175]", "")
  s = s:gsub("[\195][\128-\191]", function(ch)
    return accented[ch] or ch
  end)
  return s:lower()
end

function M.basename(path)
  return path:match("([^/\\]*)$") or path
end

function M.is_readme(path)
  local base = M.basename(path):lower()
  return base == "readme" or base:match("^readme%.") ~= nil
end

-- Words of a file stem: split on anything not a letter or digit, on
-- lower-to-upper case changes and between letters and digits. Bytes >= 0x80
-- count as letters, so accented words stay whole.
function M.words(stem)
  local out, cur = {}, ""
  local prev_kind = nil
  local i = 1
  while i <= #stem do
    local c = stem:sub(i, i)
    local b = c:byte()
    local len = 1
    if b >= 0xF0 then len = 4 elseif b >= 0xE0 then len = 3 elseif b >= 0xC0 then len = 2 end
    local ch = stem:sub(i, i + len - 1)
    local kind
    if c:match("%l") or b >= 0x80 then
      kind = "lower"
    elseif c:match("%u") then
      kind = "upper"
    elseif c:match("%d") then
      kind = "digit"
    end
    if kind == nil then
      if cur ~= "" then table.insert(out, cur) end
      cur = ""
    else
      local boundary = (prev_kind == "lower" and kind == "upper")
        or (prev_kind == "digit" and kind ~= "digit")
        or (prev_kind ~= nil and prev_kind ~= "digit" and kind == "digit")
      if boundary and cur ~= "" then
        table.insert(out, cur)
        cur = ""
      end
      cur = cur .. ch
    end
    prev_kind = kind
    i = i + len
  end
  if cur ~= "" then table.insert(out, cur) end
  return out
end

function M.is_default_resume_name(path)
  local base = M.basename(path)
  if M.is_readme(base) then return false end
  local stem = base:match("^(.+)%.[^.]*$") or base
  if M.fold(stem):find("resume", 1, true) then return true end
  for _, w in ipairs(M.words(stem)) do
    if M.fold(w) == "cv" then return true end
  end
  return false
end

-- Globs as in VS Code: `*` and `?` within one path segment, `**` across,
-- `{a,b}` alternatives, `[...]` classes. Compiled to a Vim regex (very
-- magic off, so only the characters below are special).
function M.glob_to_vim_regex(glob)
  local re, i, depth = {}, 1, 0
  while i <= #glob do
    local c = glob:sub(i, i)
    if c == "*" then
      if glob:sub(i + 1, i + 1) == "*" then
        if glob:sub(i + 2, i + 2) == "/" then
          table.insert(re, "\\%([^/]*/\\)*")
          i = i + 2
        else
          table.insert(re, ".*")
          i = i + 1
        end
      else
        table.insert(re, "[^/]*")
      end
    elseif c == "?" then
      table.insert(re, "[^/]")
    elseif c == "{" then
      depth = depth + 1
      table.insert(re, "\\%(")
    elseif c == "}" and depth > 0 then
      depth = depth - 1
      table.insert(re, "\\)")
    elseif c == "," and depth > 0 then
      table.insert(re, "\\|")
    elseif c == "[" then
      local close = glob:find("]", i + 1, true)
      if not close then
        table.insert(re, "\\[")
      else
        local cls = glob:sub(i + 1, close - 1):gsub("\\", "\\\\")
        if cls:sub(1, 1) == "!" then cls = "^" .. cls:sub(2) end
        table.insert(re, "[" .. cls .. "]")
        i = close
      end
    elseif c:match("[%.%^%$~\\]") then
      table.insert(re, "\\" .. c)
    else
      table.insert(re, c)
    end
    i = i + 1
  end
  return "^" .. table.concat(re) .. "$"
end

local function regex_match(re, s)
  return vim.regex("\\C" .. re):match_str(s) ~= nil
end

-- Same meaning as globMatches in files.ts: no "/" -> the file name; a "/"
-- -> the path relative to a root that contains the file (or absolute).
function M.glob_matches(glob, path, roots)
  glob = vim.trim(glob or ""):gsub("\\", "/")
  if glob == "" then return false end
  path = path:gsub("\\", "/")
  local re = M.glob_to_vim_regex(glob)
  if not glob:find("/", 1, true) then return regex_match(re, M.basename(path)) end
  if glob:sub(1, 1) == "/" or glob:match("^%a:/") then return regex_match(re, path) end
  for _, root in ipairs(roots or {}) do
    local r = root:gsub("\\", "/"):gsub("/+$", "") .. "/"
    if path:sub(1, #r) == r and regex_match(re, path:sub(#r + 1)) then return true end
  end
  return glob:sub(1, 3) == "**/" and regex_match(re, (path:gsub("^/+", "")))
end

-- The whole default rule: a name match, or a glob (README only when the
-- glob names it).
function M.is_resume_path(path, globs, roots)
  if M.is_default_resume_name(path) then return true end
  local readme = M.is_readme(path)
  for _, g in ipairs(globs or {}) do
    if (not readme or g:lower():find("readme", 1, true)) and M.glob_matches(g, path, roots) then return true end
  end
  return false
end

return M
