@gateway-responses
Feature: GatewayResponses
  REST gateway responses (spec 1.2): the defaults a client sees for UNAUTHORIZED, ACCESS_DENIED,
  AUTHORIZER_CONFIGURATION_ERROR and MISSING_AUTHENTICATION_TOKEN, and what an API owner can customise: status,
  static headers and templates with $context variables, per type or through DEFAULT_4XX/DEFAULT_5XX (GWR-1).
  The authorizer cannot choose its own status code or message.

  Background:
    Given a REST API
    And a valid token

  Rule: Table 1.2 Default responses

    @source:aws-docs @rule:GWR-3 @rule:GWR-2
    Scenario Outline: An unknown route gives 403 Missing Authentication Token before any authorizer
      Given the route "GET /pets/{id}" is protected by the authorizer
      When the client calls <method> <path>
      Then the client gets 403 because route-not-found
      And the response body is:
        """
        {"message":"Missing Authentication Token"}
        """
      And the response header "x-amzn-ErrorType" is "MissingAuthenticationTokenException"
      And the authorizer was not invoked
      And the backend is not reached

      Examples:
        | method | path        |
        | DELETE | /pets/1     |
        | GET    | /owners/1   |

    @source:aws-docs @rule:GWR-3
    Scenario: An unknown route without a token gives 403, not 401
      Given the route "GET /pets/{id}" is protected by the authorizer
      When the client calls GET /owners without a token
      Then the client gets 403 because route-not-found
      And the authorizer was not invoked

    @source:recorded @rule:GWR-5 @rule:POL-1 @needs:gateway-emulation
    Scenario Outline: ACCESS_DENIED's default body uses the key Message, unlike the listed default template
      Given the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "<effect>", "Action": "execute-api:Invoke", "Resource": "<resource>"}]}}
        """
      When the client calls GET /pets/1
      Then the client gets 403 because <failure>
      And the response body is:
        """
        {"Message":"<message>"}
        """
      And the response header "x-amzn-ErrorType" is "AccessDeniedException"

      Examples:
        | effect | resource                                                        | failure              | message                                                              |
        | Deny   | *                                                               | policy-explicit-deny | User is not authorized to access this resource with an explicit deny |
        | Allow  | arn:aws:execute-api:us-east-1:123456789012:abc123/prod/POST/*   | policy-implicit-deny | User is not authorized to access this resource                       |

  Rule: GWR-1, GWR-2 Status, headers and templates can be customised; templates see $context.error.*

    @source:aws-docs @rule:GWR-1 @rule:GWR-2 @needs:gateway-emulation
    Scenario: A customised UNAUTHORIZED template expands $context.error.messageString
      Given the UNAUTHORIZED gateway response has the template:
        """
        {"error":$context.error.messageString,"hint":"sign in again"}
        """
      When the client calls GET /pets/1 without a token
      Then the client gets 401 because identity-source-missing
      And the response body is:
        """
        {"error":"Unauthorized","hint":"sign in again"}
        """

    @source:recorded @rule:GWR-2 @needs:gateway-emulation
    Scenario: $context.error.messageString is null for AUTHORIZER_CONFIGURATION_ERROR
      Given the AUTHORIZER_CONFIGURATION_ERROR gateway response has the template:
        """
        {"error":$context.error.messageString,"type":"$context.error.responseType"}
        """
      And the authorizer function fails with "Error: boom"
      When the client calls GET /pets/1
      Then the client gets 500 because authorizer-error
      And the response body is:
        """
        {"error":null,"type":"AUTHORIZER_CONFIGURATION_ERROR"}
        """

    @source:aws-docs @rule:GWR-1 @needs:gateway-emulation
    Scenario: $context.error.message is the unquoted message
      Given the ACCESS_DENIED gateway response has the template:
        """
        {"reason":"$context.error.message (stage $context.stage, $context.httpMethod)"}
        """
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Deny", "Action": "execute-api:Invoke", "Resource": "*"}]}}
        """
      When the client calls GET /pets/1
      Then the client gets 403 because policy-explicit-deny
      And the response body is:
        """
        {"reason":"User is not authorized to access this resource with an explicit deny (stage prod, GET)"}
        """

    @source:aws-docs @rule:GWR-1 @needs:gateway-emulation
    Scenario Outline: A customised status replaces the default status
      Given the <type> gateway response has status <status>
      And the authorizer function answers, in turn:
        | outcome   | detail   |
        | <outcome> | <detail> |
      When the client calls GET /pets/1
      Then the client gets <status> because <failure>

      Examples:
        | type                           | status | outcome    | detail       | failure                 |
        | UNAUTHORIZED                   | 403    | fails with | Unauthorized | authorizer-unauthorized |
        | AUTHORIZER_CONFIGURATION_ERROR | 503    | fails with | Error: boom  | authorizer-error        |

    @source:aws-docs @rule:GWR-1 @rule:OUT-9 @verify-on-aws @needs:gateway-emulation
    Scenario: The authorizer cannot choose the status: a statusCode beside its policy is ignored
      Given the authorizer function returns:
        """
        {"statusCode": 418, "principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Deny", "Action": "execute-api:Invoke", "Resource": "*"}]}}
        """
      When the client calls GET /pets/1
      Then the client gets 403 because policy-explicit-deny

  Rule: GWR-4 Headers such as CORS can be added to the 401 and 403 responses

    @source:aws-docs @rule:GWR-4 @rule:GWR-1 @verify-on-aws @needs:gateway-emulation
    Scenario Outline: A static header in single quotes is sent without the quotes
      Given the <type> gateway response has the header "Access-Control-Allow-Origin" set to "'*'"
      And the <type> gateway response has the header "Access-Control-Allow-Headers" set to "'Authorization,Content-Type'"
      And the authorizer function answers, in turn:
        | outcome   | detail   |
        | <outcome> | <detail> |
      When the client calls GET /pets/1
      Then the client gets <status>
      And the response header "Access-Control-Allow-Origin" is "*"
      And the response header "Access-Control-Allow-Headers" is "Authorization,Content-Type"

      Examples:
        | type          | outcome    | detail                                                                                                                                   | status |
        | UNAUTHORIZED  | fails with | Unauthorized                                                                                                                             | 401    |
        | ACCESS_DENIED | returns    | {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "execute-api:Invoke", "Resource": "*"}]}} | 403    |

    @source:aws-docs @rule:GWR-1 @needs:gateway-emulation
    Scenario: A header on UNAUTHORIZED is not added to other responses
      Given the UNAUTHORIZED gateway response has the header "Access-Control-Allow-Origin" set to "'*'"
      And the authorizer function fails with "Error: boom"
      When the client calls GET /pets/1
      Then the client gets 500
      And the response has no header "Access-Control-Allow-Origin"

  Rule: GWR-1 DEFAULT_4XX and DEFAULT_5XX apply to every type not customised itself

    @source:aws-docs @rule:GWR-1 @needs:gateway-emulation
    Scenario Outline: DEFAULT_4XX customises 401 and 403 but keeps their status
      Given the DEFAULT_4XX gateway response has the template:
        """
        {"error":$context.error.messageString}
        """
      And the DEFAULT_4XX gateway response has the header "Access-Control-Allow-Origin" set to "'*'"
      And the authorizer function answers, in turn:
        | outcome   | detail   |
        | <outcome> | <detail> |
      When the client calls GET /pets/1
      Then the client gets <status> because <failure>
      And the response body is:
        """
        {"error":"<message>"}
        """
      And the response header "Access-Control-Allow-Origin" is "*"

      Examples:
        | outcome    | detail                                                                                                                                   | status | failure                 | message                                                              |
        | fails with | Unauthorized                                                                                                                             | 401    | authorizer-unauthorized | Unauthorized                                                         |
        | returns    | {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "execute-api:Invoke", "Resource": "*"}]}} | 403    | policy-explicit-deny    | User is not authorized to access this resource with an explicit deny |

    @source:aws-docs @rule:GWR-1 @needs:gateway-emulation
    Scenario: DEFAULT_4XX also customises MISSING_AUTHENTICATION_TOKEN
      Given the route "GET /pets/{id}" is protected by the authorizer
      And the DEFAULT_4XX gateway response has the template:
        """
        {"error":$context.error.messageString}
        """
      When the client calls GET /owners
      Then the client gets 403 because route-not-found
      And the response body is:
        """
        {"error":"Missing Authentication Token"}
        """

    @source:aws-docs @rule:GWR-1 @needs:gateway-emulation
    Scenario: A type's own customisation wins over DEFAULT_4XX
      Given the DEFAULT_4XX gateway response has the template:
        """
        {"error":"generic"}
        """
      And the UNAUTHORIZED gateway response has the template:
        """
        {"error":"login required"}
        """
      When the client calls GET /pets/1 without a token
      Then the client gets 401
      And the response body is:
        """
        {"error":"login required"}
        """

    @source:aws-docs @rule:GWR-1 @needs:gateway-emulation
    Scenario: DEFAULT_5XX customises AUTHORIZER_CONFIGURATION_ERROR, DEFAULT_4XX does not
      Given the DEFAULT_4XX gateway response has the template:
        """
        {"error":"client"}
        """
      And the DEFAULT_5XX gateway response has the template:
        """
        {"error":"server","type":"$context.error.responseType"}
        """
      And the authorizer function times out
      When the client calls GET /pets/1
      Then the client gets 500 because authorizer-timeout
      And the response body is:
        """
        {"error":"server","type":"AUTHORIZER_CONFIGURATION_ERROR"}
        """

  Rule: GWR-5 A customised ACCESS_DENIED template renders as written

    @source:recorded @rule:GWR-5 @rule:GWR-2 @needs:gateway-emulation
    Scenario: The generic template gives ACCESS_DENIED a lower-case key once it is customised
      Given the ACCESS_DENIED gateway response has the template:
        """
        {"message":$context.error.messageString}
        """
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/POST/*"}]}}
        """
      When the client calls GET /pets/1
      Then the client gets 403 because policy-implicit-deny
      And the response body is:
        """
        {"message":"User is not authorized to access this resource"}
        """

  Rule: CTX-7 Templates can read $context.authorizer.*

    @source:recorded @rule:CTX-7 @rule:GWR-1 @needs:gateway-emulation
    Scenario: A 403 template shows the principal and a context key of the Deny policy
      Given the ACCESS_DENIED gateway response has status 451
      And the ACCESS_DENIED gateway response has the template:
        """
        {"principal":"$context.authorizer.principalId","region":"${context.authorizer.region}"}
        """
      And the authorizer function returns:
        """
        {"principalId": "u-42", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Deny", "Action": "execute-api:Invoke", "Resource": "*"}]}, "context": {"region": "embargoed"}}
        """
      When the client calls GET /pets/1
      Then the client gets 451 because policy-explicit-deny
      And the response body is:
        """
        {"principal":"u-42","region":"embargoed"}
        """

    @source:local-decision @rule:CTX-7 @needs:gateway-emulation
    Scenario: Without an authorizer result $context.authorizer.* renders empty
      Given the UNAUTHORIZED gateway response has the template:
        """
        {"principal":"$context.authorizer.principalId"}
        """
      When the client calls GET /pets/1 without a token
      Then the client gets 401
      And the response body is:
        """
        {"principal":""}
        """
