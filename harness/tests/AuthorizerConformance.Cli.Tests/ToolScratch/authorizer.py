"""A small HS256 TOKEN authorizer in plain Python: what a team's own authorizer in its own repository looks like."""
import base64
import hashlib
import hmac
import json
import os
import time


def _decode(part):
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def handler(event, context):
    token = event.get("authorizationToken") or ""
    if token.startswith("Bearer "):
        token = token[len("Bearer "):]
    try:
        header, payload, signature = token.split(".")
        if json.loads(_decode(header)).get("alg") != "HS256":
            raise ValueError("algorithm")
        secret = os.environ["AUTH_SECRET"].encode()
        expected = hmac.new(secret, f"{header}.{payload}".encode(), hashlib.sha256).digest()
        if not hmac.compare_digest(expected, _decode(signature)):
            raise ValueError("signature")
        claims = json.loads(_decode(payload))
        if not isinstance(claims.get("sub"), str) or claims.get("exp", 0) <= time.time():
            raise ValueError("claims")
    except (ValueError, KeyError):
        raise Exception("Unauthorized")
    return {
        "principalId": claims["sub"],
        "policyDocument": {"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": event["methodArn"]}]},
    }
