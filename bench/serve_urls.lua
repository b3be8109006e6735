-- wrk script: GET the paths listed in a file (one per line), in turn, per thread.
-- Usage: wrk -s bench/serve_urls.lua URL -- PATHS_FILE [KEY]
local paths = {}
local index = 0
local headers = {}

function init(args)
    for line in io.lines(args[1]) do
        if #line > 0 then paths[#paths + 1] = line end
    end
    if args[2] then headers["X-Vitrina-Key"] = args[2] end
    -- Threads start at different places so that they do not ask the same thing at once.
    index = math.random(#paths)
end

function request()
    index = index % #paths + 1
    return wrk.format("GET", paths[index], headers)
end
