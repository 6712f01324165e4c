// The seed document's own three tests, with node:test (run: npm test). The conformance suite runs the same three
// through the emulated API Gateway (features/TokenAuthorizer.feature) and judges the rest of its contract.
'use strict';

const test = require('node:test');
const assert = require('node:assert');
const crypto = require('node:crypto');
const jwt = require('jsonwebtoken');

process.env.AUTH_TOKEN_SALT = crypto.randomBytes(48).toString('base64url');
const { handler } = require('./auth');
const methodArn = 'arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/42';

test('a valid token is allowed, with its principal and context', async () => {
  const token = jwt.sign({ userId: 'user-1', role: 'admin' }, process.env.AUTH_TOKEN_SALT);
  const result = await handler({ type: 'TOKEN', authorizationToken: token, methodArn });
  assert.strictEqual(result.principalId, 'user-1');
  assert.strictEqual(result.policyDocument.Statement[0].Effect, 'Allow');
  assert.strictEqual(result.context.role, 'admin');
});

test('no token is Unauthorized', async () => {
  await assert.rejects(handler({ type: 'TOKEN', methodArn }), (e) => e === 'Unauthorized');
});

test('a token signed with another secret is Unauthorized', async () => {
  const token = jwt.sign({ userId: 'user-1' }, crypto.randomBytes(48));
  await assert.rejects(handler({ type: 'TOKEN', authorizationToken: token, methodArn }), (e) => e === 'Unauthorized');
});
