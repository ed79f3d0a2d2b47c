-- Token bucket, one request = one token, evaluated atomically inside Redis.
-- KEYS[1]  hash holding the bucket: tokens (float), ts (microseconds of Redis' own clock)
-- ARGV[1]  replenish rate, tokens per second (may be fractional)
-- ARGV[2]  burst capacity, tokens
-- Returns  { allowed (1|0), whole tokens left, milliseconds until the next token when refused }
-- Time comes from Redis (TIME), so the gateway instances' clocks do not matter; Redis 5+ replicates
-- the script's effects, which makes TIME allowed before writes.
local key = KEYS[1]
local rate = tonumber(ARGV[1])
local capacity = tonumber(ARGV[2])

local now_parts = redis.call('TIME')
local now = tonumber(now_parts[1]) * 1000000 + tonumber(now_parts[2])

local state = redis.call('HMGET', key, 'tokens', 'ts')
local tokens = tonumber(state[1])
local ts = tonumber(state[2])
if tokens == nil or ts == nil then
  tokens = capacity
  ts = now
end

local elapsed = math.max(0, now - ts)
tokens = math.min(capacity, tokens + elapsed * rate / 1000000)

local allowed = 0
local retry_ms = 0
if tokens >= 1 then
  allowed = 1
  tokens = tokens - 1
else
  retry_ms = math.ceil((1 - tokens) * 1000 / rate)
end

-- Formatted by hand: tostring() keeps only 14 significant digits, too few for microseconds.
redis.call('HSET', key, 'tokens', string.format('%.6f', tokens), 'ts', string.format('%.0f', now))
-- A bucket left alone refills completely after capacity / rate seconds; keep it a little longer.
redis.call('PEXPIRE', key, math.ceil(capacity / rate * 1000) + 1000)

return { allowed, math.floor(tokens), retry_ms }
