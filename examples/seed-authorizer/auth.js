// The seed document's TOKEN authorizer, ported as written (issue 5 lists what a real API Gateway does to it).
// Kept faithful on purpose: it is the worked example the conformance suite judges, not code to copy.
// docs/seed-authorizer-report.md is the suite's verdict on it; authorizer/ is what good looks like.
'use strict';

const jwt = require('jsonwebtoken');

// Allow (or deny) exactly the method ARN of this request, with every claim as the context.
const generatePolicy = (principalId, effect, resource, context) => ({
  principalId,
  policyDocument: {
    Version: '2012-10-17',
    Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: resource }],
  },
  context,
});

exports.handler = async (event) => {
  const token = event.authorizationToken;
  if (!token) {
    throw 'Unauthorized';
  }
  try {
    const decoded = jwt.verify(token, process.env.AUTH_TOKEN_SALT);
    return generatePolicy(decoded.userId, 'Allow', event.methodArn, decoded);
  } catch (err) {
    throw 'Unauthorized';
  }
};
