-- The answer of workspace/executeCommand "resume-ls.score" as Markdown
-- lines for a floating window. Lenient in the same way as the VS Code
-- extension's score.ts: total under total/score/overall, components as a
-- list of {name, score, max} or a table keyed by name; the raw JSON is
-- always shown at the end.
local M = {}

M.COMMAND = "resume-ls.score"
M.METHOD_NOT_FOUND = -32601

local TOTAL_KEYS = { "total", "score", "overall", "value", "points" }
local MAX_KEYS = { "max", "outOf", "out_of", "maximum" }
local NAME_KEYS = { "title", "name", "label", "id", "component" }
local LIST_KEYS = { "components", "breakdown", "parts", "categories" }
local NOTE_KEYS = { "deductions", "notes", "reasons", "details", "suggestions", "findings", "tips" }

local function first_number(t, keys)
  for _, k in ipairs(keys) do
    if type(t[k]) == "number" then return t[k] end
  end
end

local function is_list(t)
  return type(t) == "table" and (vim.tbl_islist(t) and (#t > 0 or next(t) == nil))
end

local function notes_of(t)
  local out = {}
  for _, k in ipairs(NOTE_KEYS) do
    local v = t[k]
    if type(v) == "string" then
      table.insert(out, v)
    elseif is_list(v) then
      for _, item in ipairs(v) do
        if type(item) == "string" then
          table.insert(out, item)
        elseif type(item) == "table" and type(item.message) == "string" then
          table.insert(out, item.message)
        elseif type(item) == "table" and type(item.reason) == "string" then
          -- resume-ls: { reason = "...", points = 2.5 } (points deducted)
          if type(item.points) == "number" then
            table.insert(out, string.format("%s (-%g)", item.reason, item.points))
          else
            table.insert(out, item.reason)
          end
        end
      end
    end
  end
  return out
end

local function component(name, v)
  if type(v) == "number" then return { name = name, score = v, notes = {} } end
  if type(v) ~= "table" then return nil end
  local s = first_number(v, TOTAL_KEYS)
  if not s then return nil end
  return { name = name, score = s, max = first_number(v, MAX_KEYS), notes = notes_of(v) }
end

-- { total, max, components = { {name, score, max, notes} } } or nil.
function M.summarize(json)
  if type(json) == "number" then return { total = json, max = 100, components = {} } end
  if type(json) ~= "table" or is_list(json) then return nil end
  local total = first_number(json, TOTAL_KEYS)
  if not total then
    for _, k in ipairs(TOTAL_KEYS) do
      if type(json[k]) == "table" then return M.summarize(json[k]) end
    end
    return nil
  end
  local comps = {}
  for _, k in ipairs(LIST_KEYS) do
    local list = json[k]
    if is_list(list) then
      for i, item in ipairs(list) do
        local name = "#" .. i
        if type(item) == "table" then
          for _, nk in ipairs(NAME_KEYS) do
            if type(item[nk]) == "string" then
              name = item[nk]
              break
            end
          end
        end
        local c = component(name, item)
        if c then table.insert(comps, c) end
      end
    elseif type(list) == "table" then
      local names = vim.tbl_keys(list)
      table.sort(names)
      for _, name in ipairs(names) do
        local c = component(name, list[name])
        if c then table.insert(comps, c) end
      end
    end
    if #comps > 0 then break end
  end
  return { total = total, max = first_number(json, MAX_KEYS) or 100, components = comps }
end

local function fmt(n)
  if n == math.floor(n) then return string.format("%d", n) end
  return string.format("%.1f", n)
end

function M.one_line(s)
  local parts = { string.format("ATS score %s/%s", fmt(s.total), fmt(s.max)) }
  for _, c in ipairs(s.components) do
    table.insert(parts, c.name .. " " .. fmt(c.score) .. (c.max and ("/" .. fmt(c.max)) or ""))
  end
  return table.concat(parts, " · ")
end

function M.lines(file_name, raw)
  local s = M.summarize(raw)
  local lines = { "# Score of " .. file_name, "" }
  if not s then
    table.insert(lines, "The server answered, but not with a score this plugin can read:")
  else
    table.insert(lines, string.format("**ATS score: %s / %s**", fmt(s.total), fmt(s.max)))
    table.insert(lines, "")
    for _, c in ipairs(s.components) do
      table.insert(lines, string.format("- %s: %s%s", c.name, fmt(c.score), c.max and (" / " .. fmt(c.max)) or ""))
      for _, n in ipairs(c.notes) do
        table.insert(lines, "  - " .. n)
      end
    end
    table.insert(lines, "")
    table.insert(lines, "Full answer:")
  end
  table.insert(lines, "```json")
  for _, l in ipairs(vim.split(vim.fn.json_encode(raw), "\n", { plain = true })) do
    table.insert(lines, l)
  end
  table.insert(lines, "```")
  return lines
end

function M.error_message(err, advertised)
  if not advertised or (type(err) == "table" and err.code == M.METHOD_NOT_FOUND) then
    return 'resume-ls: this version of the server does not compute a score (the "resume-ls.score" command is not available). Update resume-ls to see the score breakdown.'
  end
  local msg = type(err) == "table" and err.message or tostring(err)
  return "resume-ls: the server could not compute the score: " .. tostring(msg)
end

return M
