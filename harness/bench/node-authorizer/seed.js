'use strict';
// The seed example's own authorizer (examples/seed-authorizer/auth.js, jsonwebtoken), served by serverless-offline in
// the benchmark exactly as the harness's node: bootstrap runs it. Needs `npm ci --prefix examples/seed-authorizer`.
module.exports = require('../../../examples/seed-authorizer/auth.js');
