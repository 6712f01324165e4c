// The mutant catalogue's correct authorizer: a hardened Node 20 JWT authorizer, standard library only.
// Every mutant of docs/mutants.md is this file with exactly one textual patch (mutants.json); keep each
// patched line unique so a patch can only ever apply in one place. Exports: token (TOKEN), request
// (REQUEST, header read in any casing) and httpSimple (HTTP API payload 2.0, simple responses).
'use strict';

const crypto = require('crypto');

const SKEW_SECONDS = 60;
const MAX_TOKEN_CHARS = 8192;
const SEGMENT = /^[A-Za-z0-9_-]+$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

function unauthorized() {
  return new Error('Unauthorized');
}

function misconfigured(variable) {
  console.error(`configuration error: ${variable} is not set`);
  return new Error(`authorizer misconfigured: ${variable} is not set`);
}

// HS256 with the secret in AUTH_SECRET, or RS256 with the public JWKS in AUTH_JWKS (AUTH_ALG=RS256).
function keyOrThrow() {
  if (process.env.AUTH_ALG === 'RS256') {
    const jwks = process.env.AUTH_JWKS;
    if (!jwks) throw misconfigured('AUTH_JWKS');
    const jwk = JSON.parse(jwks).keys.find((candidate) => candidate.kty === 'RSA');
    return { alg: 'RS256', kid: jwk.kid, publicKey: crypto.createPublicKey({ key: jwk, format: 'jwk' }) };
  }
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw misconfigured('AUTH_SECRET');
  return { alg: 'HS256', secret };
}

function tokenFromHeader(header) {
  if (typeof header !== 'string') return null;
  // RFC 6750 Bearer (scheme in any casing, RFC 7235 §2.1), or the raw token as the seed's clients send it.
  const match = /^\s*(?:Bearer +)?(\S+)\s*$/i.exec(header);
  return match ? match[1] : null;
}

function decodeSegment(segment) {
  if (!SEGMENT.test(segment)) return null;
  const text = utf8.decode(Buffer.from(segment, 'base64url'));
  if (hasDuplicateKeys(text)) return null;
  const value = JSON.parse(text);
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !wellFormed(value)) return null;
  return value;
}

function wellFormed(value) {
  if (typeof value === 'string') return value.isWellFormed();
  if (value === null || typeof value !== 'object') return true;
  return Object.entries(value).every(([key, inner]) => key.isWellFormed() && wellFormed(inner));
}

function hasDuplicateKeys(text) {
  const stack = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      let k = j + 1;
      while (k < text.length && ' \t\r\n'.includes(text[k])) k++;
      const keys = stack[stack.length - 1];
      if (text[k] === ':' && keys) {
        const key = JSON.parse(text.slice(i, j + 1));
        if (keys.has(key)) return true;
        keys.add(key);
      }
      i = j;
    } else if (c === '{') stack.push(new Set());
    else if (c === '[') stack.push(null);
    else if (c === '}' || c === ']') stack.pop();
  }
  return false;
}

function hmacMatches(signed, signature, secret, hash = 'sha256') {
  const expected = crypto.createHmac(hash, secret).update(signed).digest('base64url');
  return signature.length === expected.length && crypto.timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
}

// The configured key decides the algorithm (RFC 8725 §3.1): the token's header only has to agree with it.
function signatureMatches(parts, header, key) {
  if (!SEGMENT.test(parts[2])) return false;
  const signed = `${parts[0]}.${parts[1]}`;
  const secret = key.alg === 'HS256' ? key.secret : null;
  if (header.alg === 'HS256') return secret !== null && hmacMatches(signed, parts[2], secret);
  if (header.alg === 'RS256') return key.alg === 'RS256' && crypto.verify('sha256', Buffer.from(signed), key.publicKey, Buffer.from(parts[2], 'base64url'));
  return false;
}

function verify(token, key) {
  if (token.length > MAX_TOKEN_CHARS) return null;
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  let header;
  let claims;
  try {
    header = decodeSegment(parts[0]);
    claims = decodeSegment(parts[1]);
  } catch {
    return null;
  }
  if (!header || !claims) return null;
  if (header.crit !== undefined) return null;
  if (header.jwk !== undefined || header.jku !== undefined || header.x5u !== undefined) return null;
  if (header.kid !== undefined && header.kid !== key.kid) return null;
  if (!signatureMatches(parts, header, key)) return null;
  const now = Date.now() / 1000;
  for (const name of ['exp', 'nbf', 'iat']) {
    if (claims[name] !== undefined && (typeof claims[name] !== 'number' || !Number.isFinite(claims[name]))) return null;
  }
  if (claims.exp !== undefined && now > claims.exp + SKEW_SECONDS) return null;
  if (claims.nbf !== undefined && now < claims.nbf - SKEW_SECONDS) return null;
  if (claims.iat !== undefined && now < claims.iat - SKEW_SECONDS) return null;
  return claims;
}

function principalOf(claims) {
  const sub = claims.sub;
  if (typeof sub === 'string' && sub.length > 0) return sub;
  if (Number.isInteger(sub)) return String(sub);
  return null;
}

function contextOf(claims) {
  const context = {};
  for (const [name, value] of Object.entries(claims)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') context[name] = value;
  }
  return context;
}

// The whole stage: API Gateway caches this policy for every method of the stage (CAC-4).
function stageWide(methodArn) {
  const [apiArn, stage] = methodArn.split('/');
  return `${apiArn}/${stage}/*/*`;
}

function claimsOrThrow(header) {
  const key = keyOrThrow();
  const token = tokenFromHeader(header);
  if (!token) {
    console.log('refused: no Bearer token');
    throw unauthorized();
  }
  const claims = verify(token, key);
  if (!claims) {
    console.log('refused: the token did not verify');
    throw unauthorized();
  }
  const principalId = principalOf(claims);
  if (!principalId) {
    console.log('refused: no principal claim');
    throw unauthorized();
  }
  return { claims, principalId };
}

function iamAnswer(claims, principalId, methodArn) {
  return {
    principalId,
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: stageWide(methodArn) }],
    },
    context: contextOf(claims),
  };
}

exports.token = async (event) => {
  const { claims, principalId } = claimsOrThrow(event.authorizationToken);
  return iamAnswer(claims, principalId, event.methodArn);
};

exports.request = async (event) => {
  const headers = event.headers || {};
  const name = Object.keys(headers).find((key) => key.toLowerCase() === 'authorization');
  const { claims, principalId } = claimsOrThrow(name === undefined ? undefined : headers[name]);
  return iamAnswer(claims, principalId, event.methodArn);
};

exports.httpSimple = async (event) => {
  const key = keyOrThrow();
  const token = tokenFromHeader((event.headers || {}).authorization);
  const claims = token ? verify(token, key) : null;
  const principalId = claims ? principalOf(claims) : null;
  if (!principalId) {
    console.log('refused (simple response): no valid token');
    return { isAuthorized: false };
  }
  return { isAuthorized: true, context: { ...contextOf(claims), principalId } };
};
