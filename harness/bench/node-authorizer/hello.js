'use strict';
// The backend behind the authorizer in serverless-offline's HTTP measurement.
exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify({ principal: event.requestContext?.authorizer?.principalId ?? null }) });
