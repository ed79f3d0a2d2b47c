-- wrk script for bench/gateway.sh.
--   BENCH_TOKENS  optional file with one bearer token per line: requests cycle through them
--   BENCH_RATE    optional target rate (requests/s for the whole run): requests are paced with
--                 delay() against CLOCK_MONOTONIC (wrk 4 has no -R); latency is measured by wrk from
--                 the moment each request is written, so the pacing wait is not counted
--   BENCH_THREADS the -t value, to split BENCH_RATE between threads
-- done() prints one machine-readable line: RESULT rps=... p50_ms=... p99_ms=... non2xx=... errors=...
local tokens = {}
local index = 0
local interval_ms = nil
local next_at = nil

local ffi = require("ffi")
ffi.cdef[[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clock_id, bench_timespec *tp);
]]
local ts = ffi.new("bench_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, ts)
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

init = function(args)
  local file = os.getenv("BENCH_TOKENS")
  if file and file ~= "" then
    for line in io.lines(file) do
      if line ~= "" then tokens[#tokens + 1] = line end
    end
  end
  local rate = tonumber(os.getenv("BENCH_RATE") or "")
  local threads = tonumber(os.getenv("BENCH_THREADS") or "1")
  if rate and rate > 0 then
    interval_ms = 1000 / (rate / threads)
  end
  -- Threads start at different tokens.
  index = math.random(0, math.max(#tokens - 1, 0))
end

request = function()
  if #tokens == 0 then
    return wrk.format(nil, nil, nil)
  end
  index = index % #tokens + 1
  return wrk.format(nil, nil, { ["Authorization"] = "Bearer " .. tokens[index] })
end

delay = function()
  if not interval_ms then return 0 end
  local now = now_ms()
  if next_at == nil or next_at < now - 100 then next_at = now end
  next_at = next_at + interval_ms
  local wait = next_at - now
  if wait <= 0 then return 0 end
  return math.floor(wait)
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT rps=%.1f p50_ms=%.3f p99_ms=%.3f non2xx=%d errors=%d requests=%d\n",
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status, errors, summary.requests))
end
