-- For bench.common.wrk: requests rotate through the paths in WRK_PATHS (one per line), if given,
-- and wrk's summary is printed as one JSON line prefixed "WRK_JSON ".
local paths = {}
for path in string.gmatch(os.getenv("WRK_PATHS") or "", "[^\n]+") do
  table.insert(paths, path)
end
local sent = 0

if #paths > 0 then
  request = function()
    sent = sent + 1
    return wrk.format(nil, paths[(sent % #paths) + 1])
  end
end

done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests": %d, "duration_us": %d, "bytes": %d, ' ..
    '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, ' ..
    '"latency_us": {"p50": %d, "p90": %d, "p99": %d, "max": %d, "mean": %.1f}}\n',
    summary.requests, summary.duration, summary.bytes,
    errors.connect, errors.read, errors.write, errors.status, errors.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
