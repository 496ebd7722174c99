-- wrk script: DELETE /<bucket>/obj/<i>?uploadId=<id of i> for i = 0, 1, 2, ... on each connection
-- thread, the request s3abort sends for upload i (uploads.mjs), with headers of the same names and
-- sizes as the SDK's signed request (the stub checks none of them). Run with one thread:
--   wrk -t1 -c16 -d3s -s bench/loadgen.lua http://127.0.0.1:PORT -- <bucket> <id tail>
local bucket, tail = "wrk", ""
local n = 0
local digits = "0123456789abcdefghijklmnopqrstuvwxyz"

local function base36(i)
  local s = ""
  repeat
    local r = i % 36
    s = digits:sub(r + 1, r + 1) .. s
    i = math.floor(i / 36)
  until i == 0
  return string.rep("0", 6 - #s) .. s
end

local headers = {
  ["x-amz-user-agent"] = "aws-sdk-js/3.1175.0 s3abort/1.0.0-Node.js/20.20.2-Linux/6.18.44-x86_64",
  ["User-Agent"] = "aws-sdk-js/3.1175.0 ua/2.1 os/linux#6.18.44 lang/js md/nodejs#20.20.2 api/s3#3.1175.0 m/N,E s3abort/1.0.0",
  ["amz-sdk-invocation-id"] = "13f43746-1fdd-45f3-a645-901823594689",
  ["amz-sdk-request"] = "attempt=1; max=3",
  ["x-amz-date"] = "20260101T000000Z",
  ["x-amz-content-sha256"] = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  ["Authorization"] = "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260101/us-east-1/s3/aws4_request, " ..
    "SignedHeaders=amz-sdk-invocation-id;amz-sdk-request;host;x-amz-content-sha256;x-amz-date;x-amz-user-agent, " ..
    "Signature=0000000000000000000000000000000000000000000000000000000000000000",
  ["Content-Length"] = "0",
}

function init(args)
  bucket = args[1] or bucket
  tail = args[2] or tail
end

function request()
  local i = n
  n = n + 1
  return wrk.format("DELETE", string.format("/%s/obj/%07d?uploadId=%s%s", bucket, i, base36(i), tail), headers)
end
