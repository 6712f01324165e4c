// A small TOKEN authorizer, the benchmark's workload (like the seed document's): verify an HS256 JWT with the secret
// in AUTH_TOKEN_SALT, principal = userId, Allow on the methodArn, every primitive claim as context. Node stdlib only.
'use strict';
const crypto = require('node:crypto');

function verify(token, secret) {
  const [header, payload, signature] = token.split('.');
  if (!signature) throw 'Unauthorized';
  const expected = crypto.createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, Buffer.from(expected))) throw 'Unauthorized';
  if (JSON.parse(Buffer.from(header, 'base64url')).alg !== 'HS256') throw 'Unauthorized';
  const claims = JSON.parse(Buffer.from(payload, 'base64url'));
  if (typeof claims.exp === 'number' && claims.exp < Date.now() / 1000) throw 'Unauthorized';
  return claims;
}

exports.handler = async (event) => {
  const secret = process.env.AUTH_TOKEN_SALT;
  if (!secret) throw new Error('AUTH_TOKEN_SALT is not set');
  const token = (event.authorizationToken || '').replace(/^Bearer /, '');
  const claims = verify(token, secret);
  if (claims.userId === undefined) throw 'Unauthorized';
  const context = {};
  for (const [key, value] of Object.entries(claims)) {
    if (['string', 'number', 'boolean'].includes(typeof value)) context[key] = value;
  }
  return {
    principalId: String(claims.userId),
    policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: event.methodArn }] },
    context,
  };
};
