@status-mapping
Feature: StatusMapping
  What the client of a REST API sees for each thing an authorizer function can do: fail with exactly
  "Unauthorized" (401), fail otherwise or time out (500 AuthorizerConfigurationException), return something that is
  not an authorizer result (500), or a policy that denies (403). The outcome table A.6 with its exact default bodies
  and x-amzn-ErrorType headers (section N). The function is scripted: these are rules of the gateway.

  Background:
    Given a REST API
    And a valid token

  Rule: UNA-1 A function error whose message is exactly "Unauthorized" gives 401

    @source:aws-docs @rule:UNA-1 @rule:GWR-3 @needs:gateway-emulation
    Scenario: A function failing with Unauthorized gives 401 with the UnauthorizedException header
      Given the authorizer function fails with "Unauthorized"
      When the client calls GET /pets/1
      Then the client gets 401 because authorizer-unauthorized
      And the response body is:
        """
        {"message":"Unauthorized"}
        """
      And the response header "x-amzn-ErrorType" is "UnauthorizedException"
      And the authorizer was invoked
      And the backend is not reached

    @source:recorded @rule:UNA-1 @needs:gateway-emulation
    Scenario Outline: A message that only contains Unauthorized is not a 401
      Given the authorizer function fails with "<message>"
      When the client calls GET /pets/1
      Then the client gets 500 because authorizer-error
      And the response body is:
        """
        {"message":null}
        """
      And the response header "x-amzn-ErrorType" is "AuthorizerConfigurationException"

      Examples:
        | message                     |
        | Unauthorized: token expired |
        | Error: Unauthorized         |

  Rule: UNA-2 Any other function error gives 500 {"message":null} with AuthorizerConfigurationException

    @source:aws-docs @rule:UNA-2 @rule:GWR-2 @rule:GWR-3 @needs:gateway-emulation
    Scenario Outline: Another function error gives 500 AuthorizerConfigurationException
      Given the authorizer function fails with "<message>"
      When the client calls GET /pets/1
      Then the client gets 500 because authorizer-error
      And the response body is:
        """
        {"message":null}
        """
      And the response header "x-amzn-ErrorType" is "AuthorizerConfigurationException"
      And the backend is not reached

      Examples:
        | message                                                   |
        | Error: Invalid token                                      |
        | Forbidden                                                 |

  Rule: UNA-3 The match on "Unauthorized" is case-sensitive (disputed)

    @source:local-decision @rule:UNA-3 @verify-on-aws @needs:gateway-emulation
    Scenario Outline: A lower-case or upper-case unauthorized gives 500 by default
      Given the authorizer function fails with "<message>"
      When the client calls GET /pets/1
      Then the client gets 500 because authorizer-error

      Examples:
        | message      |
        | unauthorized |
        | UNAUTHORIZED |

    @source:local-decision @rule:UNA-3 @verify-on-aws @needs:gateway-emulation
    Scenario: With a case-insensitive match a lower-case unauthorized gives 401
      Given the behaviour option "unauthorizedMatchIgnoresCase" is "true"
      And the authorizer function fails with "unauthorized"
      When the client calls GET /pets/1
      Then the client gets 401 because authorizer-unauthorized

  Rule: UNA-4, OUT-1 Only a JSON object returned as the result is an authorizer result

    @source:local-decision @rule:UNA-4 @verify-on-aws @needs:gateway-emulation
    Scenario: Returning the string "Unauthorized" is malformed output, not a 401
      Given the authorizer function returns:
        """
        "Unauthorized"
        """
      When the client calls GET /pets/1
      Then the client gets 500 because authorizer-output-invalid
      And the response header "x-amzn-ErrorType" is "AuthorizerConfigurationException"

    @source:recorded @rule:OUT-1 @rule:UNA-4 @needs:gateway-emulation
    Scenario Outline: A Lambda-proxy-style response is not an authorizer result
      Given the authorizer function returns:
        """
        <output>
        """
      When the client calls GET /pets/1
      Then the client gets 500 because authorizer-output-invalid
      And the response body is:
        """
        {"message":null}
        """
      And the response header "x-amzn-ErrorType" is "AuthorizerConfigurationException"

      Examples:
        | output                                                                                   |
        | {"statusCode": 401, "body": "{\"message\":\"Unauthorized\"}"}                             |
        | {"statusCode": 200, "headers": {"Content-Type": "application/json"}, "body": "{\"principalId\":\"u-1\"}"} |

    @source:aws-docs @rule:OUT-1 @needs:gateway-emulation
    Scenario Outline: A result that is not a JSON object gives 500
      Given the authorizer function returns:
        """
        <output>
        """
      When the client calls GET /pets/1
      Then the client gets 500 because authorizer-output-invalid

      Examples:
        | output |
        | null   |
        | []     |

  Rule: OUT-2 policyDocument is required and must be a policy

    @source:aws-docs @rule:OUT-2 @needs:gateway-emulation
    Scenario Outline: A missing, null or unparseable policyDocument gives 500
      Given the authorizer function returns:
        """
        <output>
        """
      When the client calls GET /pets/1
      Then the client gets 500 because authorizer-output-invalid
      And the response body is:
        """
        {"message":null}
        """
      And the response header "x-amzn-ErrorType" is "AuthorizerConfigurationException"
      And the backend is not reached

      Examples:
        | output                                                                                                                 |
        | {"principalId": "u-1"}                                                                                                 |
        | {"principalId": "u-1", "policyDocument": null}                                                                         |
        | {"principalId": "u-1", "policyDocument": "allow"}                                                                      |
        | {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke"}]}} |

  Rule: OUT-3 principalId: an empty string is accepted; a missing one is disputed

    @source:recorded @rule:OUT-3 @needs:gateway-emulation
    Scenario: An empty principalId is accepted
      Given the authorizer function returns:
        """
        {"principalId": "", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}]}}
        """
      When the client calls GET /pets/1
      Then access is allowed
      And the backend receives the principal ""

    @source:local-decision @rule:OUT-3 @verify-on-aws @needs:gateway-emulation
    Scenario: A missing principalId is accepted by default
      Given the authorizer function returns:
        """
        {"policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}]}}
        """
      When the client calls GET /pets/1
      Then access is allowed

    @source:local-decision @rule:OUT-3 @verify-on-aws @needs:gateway-emulation
    Scenario: With principalId required a missing principalId gives 500
      Given the behaviour option "principalIdRequired" is "true"
      And the authorizer function returns:
        """
        {"policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}]}}
        """
      When the client calls GET /pets/1
      Then the client gets 500 because authorizer-output-invalid

    @source:local-decision @rule:OUT-3 @verify-on-aws @needs:gateway-emulation
    Scenario Outline: A principalId that is not a string gives 500
      Given the authorizer function returns:
        """
        {"principalId": <principal>, "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}]}}
        """
      When the client calls GET /pets/1
      Then the client gets 500 because authorizer-output-invalid

      Examples:
        | principal   |
        | 42          |
        | {"id": "u"} |

  Rule: OUT-4 Member names are case-sensitive

    @source:aws-docs @rule:OUT-4 @rule:OUT-2 @needs:gateway-emulation
    Scenario Outline: A wrong-case policy member is a missing policy
      Given the authorizer function returns:
        """
        <output>
        """
      When the client calls GET /pets/1
      Then the client gets 500 because authorizer-output-invalid

      Examples:
        | output                                                                                                                         |
        | {"principalId": "u-1", "PolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}]}} |
        | {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "statement": [{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}]}} |
        | {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [{"effect": "Allow", "action": "execute-api:Invoke", "resource": "*"}]}} |

    @source:aws-docs @rule:OUT-4 @needs:gateway-emulation
    Scenario: A wrong-case PrincipalID is not the principal
      Given the authorizer function returns:
        """
        {"PrincipalID": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}]}}
        """
      When the client calls GET /pets/1
      Then access is allowed
      And the backend receives the request context:
        """
        {"authorizer": {"principalId": null}}
        """

  Rule: OUT-8 The 8 KB limit on the result applies to WebSocket, not to REST (section N)

    @source:recorded @rule:OUT-8 @needs:gateway-emulation
    Scenario: A REST authorizer result over 8 KB is accepted
      Given the authorizer function returns, with "PADDING" standing for 9000 repetitions of "x":
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}]}, "context": {"padding": "PADDING"}}
        """
      When the client calls GET /pets/1
      Then access is allowed

    @source:local-decision @rule:OUT-8 @verify-on-aws @needs:gateway-emulation
    Scenario: With the REST size limit switched on a result over 8 KB gives 500
      Given the behaviour option "restOutputSizeLimit" is "true"
      And the authorizer function returns, with "PADDING" standing for 9000 repetitions of "x":
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}]}, "context": {"padding": "PADDING"}}
        """
      When the client calls GET /pets/1
      Then the client gets 500 because authorizer-output-invalid

    @source:aws-docs @rule:OUT-8 @rule:WS-6 @needs:gateway-emulation
    Scenario Outline: A WebSocket authorizer result is limited to 8 KB
      Given a WebSocket API
      And the authorizer function returns, with "PADDING" standing for <length> repetitions of "x":
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}]}, "context": {"padding": "PADDING"}}
        """
      When the client connects
      Then the client gets <status>

      Examples:
        | length | status |
        | 7000   | 101    |
        | 9000   | 500    |

  Rule: OUT-9 Unknown top-level members are ignored (low confidence)

    @source:local-decision @rule:OUT-9 @verify-on-aws @needs:gateway-emulation
    Scenario: An extra top-level member does not change the outcome
      Given the authorizer function returns:
        """
        {"principalId": "u-1", "ttl": 300, "isAuthorized": false, "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}]}}
        """
      When the client calls GET /pets/1
      Then access is allowed
      And the backend receives the principal "u-1"

  Rule: TOK-12 A function that does not answer in time gives 500

    @source:recorded @rule:TOK-12 @needs:gateway-emulation
    Scenario: An authorizer timeout gives 500 AuthorizerConfigurationException
      Given the authorizer function times out
      When the client calls GET /pets/1
      Then the client gets 500 because authorizer-timeout
      And the response body is:
        """
        {"message":null}
        """
      And the response header "x-amzn-ErrorType" is "AuthorizerConfigurationException"
      And the authorizer was invoked
      And the backend is not reached

  Rule: A.6 Each outcome has its default status, body and x-amzn-ErrorType (section N)

    @rule:GWR-3 @rule:GWR-5 @needs:gateway-emulation
    Scenario Outline: Outcome table A.6 with the default bodies and error types
      Given the authorizer function answers, in turn:
        | outcome   | detail   |
        | <outcome> | <detail> |
      When the client calls DELETE /pets/1
      Then the client gets <status> because <failure>
      And the response body is:
        """
        <body>
        """
      And the response header "x-amzn-ErrorType" is "<error type>"
      And the response header "Content-Type" is "application/json"
      And the backend is not reached

      @source:aws-docs @rule:UNA-1
      Examples: Row 4, the function fails with Unauthorized
        | outcome    | detail       | status | failure                 | body                       | error type            |
        | fails with | Unauthorized | 401    | authorizer-unauthorized | {"message":"Unauthorized"} | UnauthorizedException |

      @source:recorded @rule:POL-1
      Examples: Rows 5 and 6, the policy denies explicitly or implicitly
        | outcome | detail                                                                                                                                   | status | failure              | body                                                                          | error type            |
        | returns | {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "execute-api:Invoke", "Resource": "*"}]}}  | 403    | policy-explicit-deny | {"Message":"User is not authorized to access this resource with an explicit deny"} | AccessDeniedException |
        | returns | {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/*"}]}} | 403 | policy-implicit-deny | {"Message":"User is not authorized to access this resource"} | AccessDeniedException |

      @source:recorded @rule:UNA-2 @rule:TOK-12
      Examples: Row 7, the function fails otherwise or times out
        | outcome    | detail               | status | failure            | body             | error type                       |
        | fails with | Error: Invalid token | 500    | authorizer-error   | {"message":null} | AuthorizerConfigurationException |
        | times out  |                      | 500    | authorizer-timeout | {"message":null} | AuthorizerConfigurationException |

      @source:recorded @rule:OUT-2 @rule:OUT-5
      Examples: Row 8, the output is malformed
        | outcome | detail                                                                                                                                                          | status | failure                   | body             | error type                       |
        | returns | {"principalId": "u-1"}                                                                                                                                          | 500    | authorizer-output-invalid | {"message":null} | AuthorizerConfigurationException |
        | returns | {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}]}, "context": {"roles": ["a"]}} | 500 | context-value-invalid | {"message":null} | AuthorizerConfigurationException |

    @source:aws-docs @rule:TOK-6 @rule:GWR-3
    Scenario: Row 2, a missing token gives 401 with the UnauthorizedException header and no invocation
      When the client calls GET /pets/1 without a token
      Then the client gets 401 because identity-source-missing
      And the response body is:
        """
        {"message":"Unauthorized"}
        """
      And the response header "x-amzn-ErrorType" is "UnauthorizedException"
      And the authorizer was not invoked

    @source:aws-docs @rule:TOK-7 @rule:GWR-3
    Scenario: Row 3, a token failing the validation expression gives 401 with no invocation
      Given the authorizer's validation expression is "^Bearer [A-Za-z0-9._-]+$"
      When the client calls GET /pets/1 with the header "Authorization" set to "Basic dXNlcjpwYXNz"
      Then the client gets 401 because validation-expression-mismatch
      And the response body is:
        """
        {"message":"Unauthorized"}
        """
      And the response header "x-amzn-ErrorType" is "UnauthorizedException"
      And the authorizer was not invoked

    @source:aws-docs @rule:POL-1 @needs:gateway-emulation
    Scenario: Row 9, an Allow reaches the integration without an error header
      Given the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "${methodArn}"}]}}
        """
      When the client calls DELETE /pets/1
      Then access is allowed
      And the client gets 200
      And the response has no header "x-amzn-ErrorType"
