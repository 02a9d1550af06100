-- wrk script: Twilio-signed inbound webhooks, a realistic evening mix.
--
-- Each request is a form Twilio would POST, signed the way Twilio signs it
-- (base64 HMAC-SHA1 of the URL plus the sorted key+value pairs, auth token as key).
-- Environment: BENCH_URL (the URL Twilio signs, PUBLIC_BASE_URL + path), BENCH_TOKEN,
-- BENCH_NUMBERS (households +12125550000 .. +1212555NNNN), BENCH_SEED, BENCH_MIX (evening_mix.tsv).
-- The mix: meal texts, questions, summaries, commands, and redeliveries (the same
-- MessageSid and body sent again, as Twilio does after a timeout).
local bit = require("bit")
local band, bor, bxor, bnot = bit.band, bit.bor, bit.bxor, bit.bnot
local lshift, rshift, rol, tobit = bit.lshift, bit.rshift, bit.rol, bit.tobit

local function sha1(msg)
  local h0, h1, h2, h3, h4 = 0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0
  local bits = #msg * 8
  msg = msg .. "\128" .. string.rep("\0", (55 - #msg) % 64) .. "\0\0\0\0"
    .. string.char(band(rshift(bits, 24), 255), band(rshift(bits, 16), 255), band(rshift(bits, 8), 255), band(bits, 255))
  local w = {}
  for chunk = 1, #msg, 64 do
    for i = 0, 15 do
      local a, b, c, d = msg:byte(chunk + i * 4, chunk + i * 4 + 3)
      w[i] = bor(lshift(a, 24), lshift(b, 16), lshift(c, 8), d)
    end
    for i = 16, 79 do
      w[i] = rol(bxor(w[i - 3], w[i - 8], w[i - 14], w[i - 16]), 1)
    end
    local a, b, c, d, e = h0, h1, h2, h3, h4
    for i = 0, 79 do
      local f, k
      if i < 20 then f, k = bor(band(b, c), band(bnot(b), d)), 0x5A827999
      elseif i < 40 then f, k = bxor(b, c, d), 0x6ED9EBA1
      elseif i < 60 then f, k = bor(band(b, c), band(b, d), band(c, d)), 0x8F1BBCDC
      else f, k = bxor(b, c, d), 0xCA62C1D6 end
      local t = tobit(rol(a, 5) + f + e + k + w[i])
      a, b, c, d, e = t, a, rol(b, 30), c, d
    end
    h0, h1, h2, h3, h4 = tobit(h0 + a), tobit(h1 + b), tobit(h2 + c), tobit(h3 + d), tobit(h4 + e)
  end
  local out = {}
  for _, h in ipairs({h0, h1, h2, h3, h4}) do
    out[#out + 1] = string.char(band(rshift(h, 24), 255), band(rshift(h, 16), 255), band(rshift(h, 8), 255), band(h, 255))
  end
  return table.concat(out)
end

local function hmac_sha1(key, msg)
  if #key > 64 then key = sha1(key) end
  key = key .. string.rep("\0", 64 - #key)
  local inner, outer = {}, {}
  for i = 1, 64 do
    local k = key:byte(i)
    inner[i] = string.char(bxor(k, 0x36))
    outer[i] = string.char(bxor(k, 0x5c))
  end
  return sha1(table.concat(outer) .. sha1(table.concat(inner) .. msg))
end

local B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
local function base64(s)
  local out = {}
  for i = 1, #s, 3 do
    local a, b, c = s:byte(i, i + 2)
    local n = a * 65536 + (b or 0) * 256 + (c or 0)
    local quad = {rshift(n, 18), band(rshift(n, 12), 63), band(rshift(n, 6), 63), band(n, 63)}
    for j = 1, 4 do out[#out + 1] = B64:sub(quad[j] + 1, quad[j] + 1) end
    if not b then out[#out - 1], out[#out] = "=", "=" elseif not c then out[#out] = "=" end
  end
  return table.concat(out)
end

local function urlencode(s)
  return (s:gsub("[^%w%-%._~ ]", function(c) return string.format("%%%02X", c:byte()) end):gsub(" ", "+"))
end

-- Sign and encode a form (a list of {key, value}); returns the body and the signature.
function sign_form(url, token, form)
  local sorted = {}
  for _, kv in ipairs(form) do sorted[#sorted + 1] = kv end
  table.sort(sorted, function(x, y) return x[1] < y[1] end)
  local signed, body = {url}, {}
  for _, kv in ipairs(sorted) do
    signed[#signed + 1] = kv[1] .. kv[2]
    body[#body + 1] = urlencode(kv[1]) .. "=" .. urlencode(kv[2])
  end
  return table.concat(body, "&"), base64(hmac_sha1(token, table.concat(signed)))
end

-- The texts and their weights come from evening_mix.tsv, which the burst test reads too.
local MIX, TEXTS = {}, {}
local mix_path = os.getenv("BENCH_MIX")
for line in io.lines(mix_path) do
  local kind, rest = line:match("^(%w+)\t(.+)$")
  if kind == "weight" then
    local name, weight = rest:match("^(%w+)\t(%d+)$")
    MIX[#MIX + 1] = {name, tonumber(weight)}
  elseif kind then
    TEXTS[kind] = TEXTS[kind] or {}
    table.insert(TEXTS[kind], rest)
  end
end

local url = os.getenv("BENCH_URL")
local token = os.getenv("BENCH_TOKEN")
local households = tonumber(os.getenv("BENCH_NUMBERS") or "20")
local seed = tonumber(os.getenv("BENCH_SEED") or "1")
local path = url:match("^https?://[^/]+(/.*)$")

local threads = {}
function setup(thread)
  thread:set("id", #threads + 1)
  threads[#threads + 1] = thread
end

-- globals, so that done() can read them from each thread
counter, recent, sent, redelivered, bad = 0, {}, 0, 0, 0
function init(args)
  math.randomseed(seed * 1000 + id)
end

local function pick(list) return list[math.random(#list)] end

local function fresh(texts)
  counter = counter + 1
  local sid = string.format("SM%08x%08x%016x", seed, id, counter)
  local number = string.format("+1212555%04d", math.random(households) - 1)
  local form = {{"MessageSid", sid}, {"SmsMessageSid", sid}, {"SmsSid", sid}, {"AccountSid", "AC" .. string.rep("0", 32)},
                {"From", number}, {"To", "+15550006789"}, {"Body", pick(texts)}, {"NumMedia", "0"},
                {"NumSegments", "1"}, {"ApiVersion", "2010-04-01"}}
  local body, signature = sign_form(url, token, form)
  local req = wrk.format("POST", path, {["Content-Type"] = "application/x-www-form-urlencoded",
                                        ["X-Twilio-Signature"] = signature}, body)
  recent[(counter % 64) + 1] = req
  return req
end

function request()
  sent = sent + 1
  local roll, at = math.random(100), 0
  for _, kind in ipairs(MIX) do
    at = at + kind[2]
    if roll <= at then
      if kind[1] == "redelivery" and counter > 0 then
        redelivered = redelivered + 1
        return recent[math.random(math.min(counter, 64))]
      elseif kind[1] ~= "redelivery" then
        return fresh(TEXTS[kind[1]])
      end
    end
  end
  return fresh(TEXTS[MIX[1][1]])
end

function response(status, headers, body)
  if status ~= 200 or not body:find("<Response", 1, true) then bad = bad + 1 end
end

function done(summary, latency, requests)
  local total_bad, total_redelivered = 0, 0
  for _, thread in ipairs(threads) do
    total_bad = total_bad + thread:get("bad")
    total_redelivered = total_redelivered + thread:get("redelivered")
  end
  local seconds = summary.duration / 1e6
  -- one JSON line the Python side reads
  io.write(string.format('BENCH {"requests": %d, "seconds": %.3f, "rps": %.2f, "p50": %.2f, "p90": %.2f, '
    .. '"p99": %.2f, "max": %.2f, "bad": %d, "redelivered": %d, "timeouts": %d, "connect_errors": %d, '
    .. '"read_errors": %d, "status_errors": %d}\n',
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000, total_bad,
    total_redelivered, summary.errors.timeout, summary.errors.connect, summary.errors.read,
    summary.errors.status))
end
