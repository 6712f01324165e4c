// A REST REQUEST authorizer whose clients send the token in the query string (?access_token=<JWT>): the mutant
// catalogue's correct REQUEST variant, handed the query parameter as its Authorization header. CorrectProfileTests runs
// the suite against it to show the token goes where the profile's identitySource says.
'use strict';

const correct = require('../../AuthorizerConformance.Mutants/node/authorizer.js');

exports.request = async (event) =>
  correct.request({ ...event, headers: { Authorization: (event.queryStringParameters || {}).access_token } });
