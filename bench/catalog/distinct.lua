-- Catalog queries that never repeat within a cycle far longer than the hub's catalog cache
-- (2,000 pages), so every request is computed by Postgres. wrk args: <kind> <threads>.
--   common: 10 words x 6 category filters x 2 sorts x 100 page sizes = 12,000 queries, many matches
--   facets: the same 12,000 with facets=1 (the first page the catalog UI asks for: chip counts)
--   rare:   10,000 one-match terms ("plugin 123 for" is in one description) x 2 sorts = 20,000
-- Each thread takes every <threads>-th query from its own offset, so threads never overlap.
--
-- Globals, not locals: setup() runs in wrk's main Lua state and thread:set() writes a global of the
-- thread's own state; a chunk-level `local` of the same name would shadow it in request().
local threads = 0
function setup(thread)
  thread:set("offset", threads)
  threads = threads + 1
end

local words = { "vision", "speech", "text", "tabular", "graph", "audio", "video", "tracking", "detection", "segmentation" }
local categories = { "", "&category=export", "&category=neural_net", "&category=custom", "&category=upload", "&category=smart_tool" }
local sorts = { "updated", "name" }

function init(args)
  kind = args[1]
  step = tonumber(args[2])
  n = offset
end

local function pick(list, k)
  return list[k % #list + 1]
end

function request()
  local k = n
  n = n + step
  local path
  if kind == "rare" then
    path = "/api/v1/plugins?q=plugin%20" .. (k % 10000 + 1) .. "%20for&sort=" .. pick(sorts, math.floor(k / 10000))
  else
    path = "/api/v1/plugins?q=" .. pick(words, k) .. pick(categories, math.floor(k / 10))
      .. "&sort=" .. pick(sorts, math.floor(k / 60)) .. "&limit=" .. (math.floor(k / 120) % 100 + 1)
    if kind == "facets" then path = path .. "&facets=1" end
  end
  return wrk.format("GET", path)
end
