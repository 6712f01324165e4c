// A Node authorizer that leaks on purpose, for the secret-canary test (CanaryRunTests): it logs every token, its
// secret, its whole event and environment, and puts the raw token in its context. It records what it received in
// CANARY_RECORD (outside the run's reports) so the test knows every token to look for. Valid HS tokens are checked;
// RS/ES tokens are allowed unchecked (this function is a leak source, not a conformant authorizer).
'use strict';
const crypto = require('crypto');
const fs = require('fs');

function b64url(text) {
  return Buffer.from(text, 'base64url').toString('utf8');
}

exports.handler = async (event) => {
  const token = event.authorizationToken || '';
  fs.appendFileSync(process.env.CANARY_RECORD, JSON.stringify({ token, secret: process.env.CANARY_SECRET || null }) + '\n');
  console.log('received token', token);
  console.log('my secret is', process.env.CANARY_SECRET);
  const key = Buffer.from(process.env.CANARY_SECRET || '', 'utf8');
  console.log('my key as a JWK', JSON.stringify({ kty: 'oct', k: key.toString('base64url') }), 'and in base64', key.toString('base64'));
  console.error('event', JSON.stringify(event));
  console.log('environment', JSON.stringify(process.env));
  const raw = token.replace(/^Bearer /, '');
  const parts = raw.split('.');
  if (parts.length !== 3) throw 'Unauthorized';
  let header, claims;
  try {
    header = JSON.parse(b64url(parts[0]));
    claims = JSON.parse(b64url(parts[1]));
  } catch {
    throw 'Unauthorized';
  }
  if (header.alg === 'HS256') {
    const expected = crypto.createHmac('sha256', process.env.CANARY_SECRET || '').update(parts[0] + '.' + parts[1]).digest('base64url');
    if (expected !== parts[2]) throw 'Unauthorized';
  }
  console.log('signature', parts[2]);
  return {
    principalId: claims.sub || 'nobody',
    policyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: event.methodArn }] },
    context: { token: raw, signature: parts[2] },
  };
};
