-- A handful of catalog queries, cycled: what a catalog mostly serves, and what the hub caches
-- until the next publish. wrk args: the paths.
function init(args)
  paths = args
  n = 0
end

function request()
  n = n + 1
  return wrk.format("GET", paths[n % #paths + 1])
end
