#!/usr/bin/env python3
# Verifies one Standard Webhooks delivery, written from the specification
# (https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md,
# "Verifying webhook authenticity"), independently of the Java code that signs:
#   signed content = "<webhook-id>.<webhook-timestamp>.<body>"
#   key            = base64-decode(secret without its "whsec_" prefix)
#   signature      = "v1," + base64(HMAC-SHA256(key, signed content))
# The header may hold several space-separated signatures; one match is enough.
# Usage: standard-webhooks-verify.py SECRET ID TIMESTAMP SIGNATURE_HEADER < body
# Exit 0 when the signature holds, 1 when it does not.
import base64
import hashlib
import hmac
import sys

secret, msg_id, timestamp, header = sys.argv[1:5]
body = sys.stdin.buffer.read()
key = base64.b64decode(secret[len("whsec_"):] if secret.startswith("whsec_") else secret)
content = msg_id.encode() + b"." + timestamp.encode() + b"." + body
expected = base64.b64encode(hmac.new(key, content, hashlib.sha256).digest()).decode()
for candidate in header.split(" "):
    version, _, value = candidate.partition(",")
    if version == "v1" and hmac.compare_digest(value, expected):
        sys.exit(0)
print("signature mismatch: expected v1," + expected, file=sys.stderr)
sys.exit(1)
