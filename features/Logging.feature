@logging
Feature: Logging
  The $context.authorizer.* variables an access log can print for each request (CTX-6). The emulation's function
  takes no time on the scenario clock, so latencies are 0; a value that does not apply is printed as "-".

  Background:
    Given a REST API

  Rule: The authorizer's status and error are logged for every request the authorizer stage handles

    @source:aws-docs @rule:CTX-6 @needs:gateway-emulation
    Scenario Outline: The logged authorizer status and error follow the outcome: <case>
      Given the authorizer function answers, in turn:
        | outcome    | detail   |
        | <outcome>  | <detail> |
      And a valid token
      When the client calls GET /pets/1
      Then the access log variable "$context.authorizer.status" is "<status>"
      And the access log variable "$context.authorizer.error" is "<error>"
      And the access log variable "$context.authorizer.integrationStatus" is "<integration>"
      And the access log variable "$context.authorizer.latency" is "0"

      Examples:
        | case           | outcome    | detail                                                                                                                                                 | status | error                                                                                                         | integration |
        | allowed        | returns    | {"principalId": "u", "policyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}]}} | 200    | -                                                                                                             | 200         |
        | explicit deny  | returns    | {"principalId": "u", "policyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "execute-api:Invoke", "Resource": "*"}]}}  | 403    | User is not authorized to access this resource with an explicit deny                                         | 200         |
        | Unauthorized   | fails with | Unauthorized                                                                                                                                           | 401    | Unauthorized                                                                                                  | 200         |
        | timeout        | times out  |                                                                                                                                                        | 500    | the function did not answer within 29 s                                                                       | 504         |

    @source:aws-docs @rule:CTX-6 @rule:TOK-6
    Scenario: A request refused for a missing identity source logs 401 with no authorizer integration
      When the client calls GET /pets/1 without a token
      Then the access log variable "$context.authorizer.status" is "401"
      And the access log variable "$context.authorizer.integrationStatus" is "-"
      And the access log variable "$context.authorizer.integrationLatency" is "-"

    @source:aws-docs @rule:CTX-6 @needs:gateway-emulation
    Scenario: A cache hit logs the authorizer status without a new authorizer integration
      Given the authorizer function returns:
        """
        {"principalId": "u", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}]}}
        """
      And a valid token
      When the client calls GET /pets/1
      And the client calls GET /pets/2
      Then the result came from the cache
      And the access log variable "$context.authorizer.status" is "200"
      And the access log variable "$context.authorizer.integrationStatus" is "-"

    @source:aws-docs @rule:CTX-6 @rule:HTTP-7 @needs:gateway-emulation
    Scenario: An HTTP API logs the documented error text for an output it cannot use
      Given an HTTP API
      And the authorizer uses simple responses
      And the authorizer function returns:
        """
        {"isAuthorized": "true"}
        """
      And a valid token
      When the client calls GET /pets/1
      Then the client gets 500
      And the access log variable "$context.authorizer.error" is "The response from the Lambda Authorizer function doesn't match the format that API Gateway expects. Invalid json in authorizer response"

    @source:aws-docs @rule:CTX-6
    Scenario: A route without an authorizer has no authorizer variables
      Given the route "GET /health" has no authorizer
      When the client calls GET /health without a token
      Then access is allowed
      And the request has no authorizer access log variables
