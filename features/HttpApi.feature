@http-api
Feature: HTTP API
  HTTP API (v2) Lambda authorizers: REQUEST only, payload 1.0 and 2.0 events, identity-source selection expressions,
  simple and IAM responses evaluated against routeArn, typed context for the integration, the fixed status codes and
  bodies (no gateway-response customisation), the cache keyed by identity sources, and the reference authorizer's
  HTTP variants.

  Background:
    Given an HTTP API
    And the API is "abc123" in account "123456789012", region "us-east-1", stage "prod"

  Rule: Only REQUEST authorizers, with payload format 1.0 or 2.0 (HTTP-1)

    @source:aws-docs @rule:HTTP-1 @needs:gateway-emulation
    Scenario: A TOKEN authorizer on an HTTP API is refused when the API is set up
      Given a TOKEN authorizer reading the "Authorization" header
      When the API set-up is checked
      Then the set-up is refused at "authorizers.A.type": "TOKEN authorizers exist only on REST APIs"

  Rule: Payload 1.0 is the REST REQUEST event with version and the identity values comma-joined (HTTP-3, ARN-7)

    @source:aws-docs @rule:HTTP-3 @rule:ARN-7 @needs:gateway-emulation
    Scenario: A payload 1.0 event carries methodArn, version 1.0 and the identity values joined by commas
      Given a REQUEST authorizer with identity sources "$request.header.Authorization, $request.querystring.tenant"
      And the authorizer has payload format "1.0"
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "${methodArn}"}]}}
        """
      When the client calls GET /pets/1?tenant=t-9 with the header "Authorization" set to "token-1"
      Then access is allowed
      And the authorizer received:
        """
        {"version": "1.0", "type": "REQUEST",
         "methodArn": "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/1",
         "identitySource": "token-1,t-9", "authorizationToken": "token-1,t-9",
         "path": "/pets/1", "httpMethod": "GET", "queryStringParameters": {"tenant": "t-9"}}
        """
      And the authorizer's event has no "routeArn"

    @source:aws-docs @rule:HTTP-3 @needs:gateway-emulation
    Scenario: A payload 1.0 authorizer's claims member is reserved and never becomes the context
      Given a REQUEST authorizer with identity sources "$request.header.Authorization"
      And the authorizer has payload format "1.0"
      And the route "GET /pets/{id}" is protected by the authorizer
      And the route "GET /pets/{id}" sends payload format "1.0" to its integration
      And the authorizer function returns:
        """
        {"principalId": "u-1", "claims": {"tenant": "t-1"}, "context": {"plan": "gold"},
         "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "${methodArn}"}]}}
        """
      When the client calls GET /pets/1 with the header "Authorization" set to "token-1"
      Then access is allowed
      And the backend receives the context:
        | key  | value |
        | plan | gold  |
      And the backend receives no context key "tenant"

  Rule: Payload 2.0 has routeArn, an identity list, raw path and query, lower-case comma-joined headers, no body (HTTP-4, ARN-7)

    @source:aws-docs @rule:HTTP-4 @rule:ARN-7 @needs:gateway-emulation
    Scenario: A payload 2.0 event carries routeArn, the identity list and the raw request, with repeated values comma-joined
      Given a REQUEST authorizer with identity sources "$request.header.Authorization, $request.querystring.tenant"
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "${routeArn}"}]}}
        """
      When the client calls POST /pets/1?tenant=t-9&tag=a&tag=b with the headers:
        | name          | value   |
        | Authorization | token-1 |
        | X-Trace       | one     |
        | X-Trace       | two     |
      Then access is allowed
      And the authorizer received:
        """
        {"version": "2.0", "type": "REQUEST",
         "routeArn": "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/POST/pets/1",
         "identitySource": ["token-1", "t-9"], "routeKey": "$default",
         "rawPath": "/pets/1", "rawQueryString": "tenant=t-9&tag=a&tag=b",
         "headers": {"authorization": "token-1", "x-trace": "one,two"},
         "queryStringParameters": {"tenant": "t-9", "tag": "a,b"},
         "requestContext": {"http": {"method": "POST", "path": "/pets/1"}, "routeKey": "$default", "stage": "prod"}}
        """
      And the authorizer's event has no "methodArn"
      And the authorizer's event has no "body"
      And the authorizer's event has no "multiValueHeaders"
      And the authorizer's event has no "headers.X-Trace"

  Rule: Identity sources are selection expressions; a missing one is 401 without invoking the authorizer (HTTP-2)

    @source:aws-docs @rule:HTTP-2 @needs:gateway-emulation
    Scenario Outline: The identity source <source> is read from the request
      Given the stage variable "tier" is "gold"
      And a REQUEST authorizer with identity sources "<source>"
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "${routeArn}"}]}}
        """
      When the client calls GET /pets/1?token=q-1 with the header "X-Api-Token" set to "h-1"
      Then access is allowed
      And the authorizer received "identitySource.0" = "<value>"

      Examples:
        | source                      | value    |
        | $request.header.X-Api-Token | h-1      |
        | $request.header.x-api-token | h-1      |
        | $request.querystring.token  | q-1      |
        | $context.routeKey           | $default |
        | $stageVariables.tier        | gold     |

    @source:aws-docs @rule:HTTP-2 @needs:gateway-emulation
    Scenario Outline: A missing identity source <source> gets 401 without invoking the authorizer
      Given a REQUEST authorizer with identity sources "$request.header.X-Api-Token, <source>"
      And the authorizer function returns:
        """
        {"isAuthorized": true}
        """
      When the client calls GET /pets/1?token=q-1 with the header "X-Api-Token" set to "h-1"
      Then the client gets 401 because identity-source-missing
      And the response body is:
        """
        {"message":"Unauthorized"}
        """
      And the authorizer was not invoked

      Examples:
        | source                     |
        | $request.header.X-Missing  |
        | $request.querystring.Token |
        | $stageVariables.absent     |

  Rule: Simple responses grant only on the JSON boolean true (HTTP-5, HTTP-7)

    @source:aws-docs @rule:HTTP-5 @needs:gateway-emulation
    Scenario: A simple response with isAuthorized true is allowed
      Given the authorizer uses simple responses
      And the authorizer function returns:
        """
        {"isAuthorized": true}
        """
      And a valid token
      When the client calls GET /pets/1
      Then access is allowed

    @source:aws-docs @rule:HTTP-5 @rule:HTTP-7 @needs:gateway-emulation @verify-on-aws
    Scenario: A simple response with isAuthorized false gets 403 Forbidden
      Given the authorizer uses simple responses
      And the authorizer function returns:
        """
        {"isAuthorized": false}
        """
      And a valid token
      When the client calls GET /pets/1
      Then the client gets 403 because simple-response-denied
      And the response body is:
        """
        {"message":"Forbidden"}
        """
      And the backend is not reached

    @source:local-decision @rule:HTTP-7 @needs:gateway-emulation @verify-on-aws
    Scenario Outline: A simple response whose isAuthorized is <shape> gets 500 and never grants
      Given the authorizer uses simple responses
      And the authorizer function returns:
        """
        <output>
        """
      And a valid token
      When the client calls GET /pets/1
      Then the client gets 500 because authorizer-output-invalid
      And the backend is not reached

      Examples:
        | shape              | output                              |
        | the string "true"  | {"isAuthorized": "true"}            |
        | the number 1       | {"isAuthorized": 1}                 |
        | null               | {"isAuthorized": null}              |
        | missing            | {"context": {"user": "u-1"}}        |
        | an IAM policy only | {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": []}} |

  Rule: IAM responses are evaluated against routeArn (HTTP-5, POL-1)

    @source:aws-docs @rule:HTTP-5 @rule:POL-1 @rule:ARN-7 @needs:gateway-emulation
    Scenario Outline: An IAM policy for GET /pets/* decides <method> /pets/1 by its routeArn
      Given the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Sid": "ReadPets", "Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/*"},
          {"Sid": "NoDelete", "Effect": "Deny", "Action": "execute-api:Invoke", "Resource": "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/DELETE/*"}]}}
        """
      And a valid token
      When the client calls <method> /pets/1
      Then <outcome>
      And the deciding statement is "<statement>"

      Examples:
        | method | outcome                                      | statement |
        | GET    | access is allowed                            | ReadPets  |
        | DELETE | access is denied by an explicit deny         | NoDelete  |

    @source:aws-docs @rule:HTTP-5 @rule:POL-1 @needs:gateway-emulation
    Scenario: An IAM policy that does not cover the route gets 403 from an implicit deny
      Given the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/*"}]}}
        """
      And a valid token
      When the client calls PUT /pets/1
      Then the client gets 403 because policy-implicit-deny

  Rule: The integration receives the typed context (CTX-4, HTTP-6, CTX-5)

    @source:aws-docs @rule:CTX-4 @rule:HTTP-6 @needs:gateway-emulation
    Scenario: Payload 2.0 integrations get the context with its JSON types under authorizer.lambda, arrays and maps included
      Given the authorizer uses simple responses
      And the authorizer function returns:
        """
        {"isAuthorized": true, "context": {"user": "u-1", "num": 1, "flag": true, "roles": ["a", "b"], "org": {"id": 7}}}
        """
      And a valid token
      When the client calls GET /pets/1
      Then access is allowed
      And the backend receives the request context:
        """
        {"authorizer": {"lambda": {"user": "u-1", "num": 1, "flag": true, "roles": ["a", "b"], "org": {"id": 7}}}}
        """

    @source:aws-docs @rule:HTTP-6 @needs:gateway-emulation
    Scenario: An IAM response may carry an array context value on an HTTP API
      Given the authorizer function returns:
        """
        {"principalId": "u-1", "context": {"roles": ["a", "b"]}, "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "${routeArn}"}]}}
        """
      And a valid token
      When the client calls GET /pets/1
      Then access is allowed
      And the backend receives the context:
        | key   | value      |
        | roles | ["a","b"]  |

    @source:local-decision @rule:CTX-5 @needs:gateway-emulation @verify-on-aws
    Scenario: A payload 1.0 integration gets the principal and the typed context flat under authorizer
      Given the route "$default" is protected by the authorizer
      And the route "$default" sends payload format "1.0" to its integration
      And the authorizer function returns:
        """
        {"principalId": "u-1", "context": {"num": 1}, "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "${routeArn}"}]}}
        """
      And a valid token
      When the client calls GET /pets/1
      Then access is allowed
      And the backend receives the request context:
        """
        {"authorizer": {"principalId": "u-1", "num": 1}}
        """

  Rule: Status codes and bodies are fixed (HTTP-7, HTTP-8)

    @source:local-decision @rule:HTTP-7 @needs:gateway-emulation @verify-on-aws
    Scenario: A function error Unauthorized gets 401 on an HTTP API by default
      Given the authorizer function fails with "Unauthorized"
      And a valid token
      When the client calls GET /pets/1
      Then the client gets 401 because authorizer-unauthorized
      And the response body is:
        """
        {"message":"Unauthorized"}
        """

    @source:local-decision @rule:HTTP-7 @needs:gateway-emulation @verify-on-aws
    Scenario: With the other behaviour setting a function error Unauthorized gets 500 on an HTTP API
      Given the behaviour option "httpUnauthorizedErrorGives401" is "false"
      And the authorizer function fails with "Unauthorized"
      And a valid token
      When the client calls GET /pets/1
      Then the client gets 500 because authorizer-error

    @source:aws-docs @rule:HTTP-7 @needs:gateway-emulation @verify-on-aws
    Scenario Outline: A function that <fails> gets 500 Internal Server Error
      Given the authorizer function <fails>
      And a valid token
      When the client calls GET /pets/1
      Then the client gets 500 because <failure>
      And the response body is:
        """
        {"message":"Internal Server Error"}
        """
      And the backend is not reached

      Examples:
        | fails                         | failure                   |
        | fails with "Error: boom"      | authorizer-error          |
        | times out                     | authorizer-timeout        |

    @source:local-decision @rule:HTTP-7 @needs:gateway-emulation @verify-on-aws
    Scenario Outline: The disputed HTTP API <status> body follows the behaviour option <option>
      Given the behaviour option "<option>" is "<body>"
      And the authorizer uses simple responses
      And the authorizer function answers, in turn:
        | outcome    | detail                   |
        | <outcome>  | <detail>                 |
      And a valid token
      When the client calls GET /pets/1
      Then the client gets <status>
      And the response body is "<body>"

      Examples:
        | status | option                      | body              | outcome    | detail                  |
        | 403    | httpForbiddenBody           | Access denied     | returns    | {"isAuthorized": false} |
        | 500    | httpInternalServerErrorBody | Authorizer failed | fails with | Error: boom             |

    @source:aws-docs @rule:HTTP-8 @needs:gateway-emulation
    Scenario: An HTTP API has no gateway responses to customise
      Given the UNAUTHORIZED gateway response has status 403
      When the API set-up is checked
      Then the set-up is refused at "api.gatewayResponses": "HTTP APIs have no gateway-response customisation (HTTP-8)"

  Rule: The cache is keyed by the identity sources; $context.routeKey makes it per route (CAC-6, HTTP-9)

    @source:aws-docs @rule:CAC-6 @rule:HTTP-9 @needs:gateway-emulation
    Scenario: A cached simple verdict applies to every route for the same identity values
      Given the route "GET /pets/{id}" is protected by the authorizer
      And the route "DELETE /pets/{id}" is protected by the authorizer
      And the authorizer uses simple responses
      And the authorizer caches results for 300 seconds
      And the authorizer function answers, in turn:
        | outcome | detail                  |
        | returns | {"isAuthorized": true}  |
        | returns | {"isAuthorized": false} |
      And a valid token
      When the client calls GET /pets/1
      And the client calls DELETE /pets/1
      Then access is allowed
      And the result came from the cache
      And the authorizer was invoked 1 time in all

    @source:aws-docs @rule:CAC-6 @rule:HTTP-9 @needs:gateway-emulation
    Scenario: With $context.routeKey as an identity source each route gets its own cached verdict
      Given the route "GET /pets/{id}" is protected by the authorizer
      And the route "DELETE /pets/{id}" is protected by the authorizer
      And a REQUEST authorizer with identity sources "$request.header.Authorization, $context.routeKey"
      And the authorizer uses simple responses
      And the authorizer caches results for 300 seconds
      And the authorizer function answers, in turn:
        | outcome | detail                  |
        | returns | {"isAuthorized": true}  |
        | returns | {"isAuthorized": false} |
      And a valid token
      When the client calls GET /pets/1
      And the client calls DELETE /pets/1
      Then the client gets 403 because simple-response-denied
      And the result did not come from the cache
      And the authorizer received "identitySource.1" = "DELETE /pets/{id}"
      When the client calls GET /pets/2
      Then access is allowed
      And the result came from the cache
      And the authorizer was invoked 2 times in all

  Rule: An HTTP API authorizer allows a valid token and refuses a bad one in its response format (HTTP-5, HTTP-7, UNA-1)

    @source:aws-docs @rule:HTTP-5
    Scenario Outline: The authorizer under test allows a valid token on an HTTP API (<variant>)
      Given <configuration>
      And a valid token
      When the client calls GET /pets/1
      Then access is allowed

      Examples:
        | variant                 | configuration                                    |
        | payload 2.0, IAM        | the authorizer has payload format "2.0"          |
        | payload 2.0, simple     | the authorizer uses simple responses             |
        | payload 1.0, IAM        | the authorizer has payload format "1.0"          |

    @source:aws-docs @rule:UNA-1 @rule:HTTP-7
    Scenario Outline: The authorizer under test refuses a token signed with another key on an HTTP API (<variant>)
      Given <configuration>
      And a valid token
      And the token is signed with a key the authorizer does not know
      When the client calls GET /pets/1
      Then the token is refused
      And the authorizer was invoked

      Examples:
        | variant                 | configuration                                    |
        | payload 2.0, IAM        | the authorizer has payload format "2.0"          |
        | payload 2.0, simple     | the authorizer uses simple responses             |
        | payload 1.0, IAM        | the authorizer has payload format "1.0"          |

  Rule: The reference authorizer's HTTP variants validate the token and answer in the variant's format

    @source:local-decision @rule:HTTP-5 @rule:CTX-4
    Scenario Outline: The reference authorizer allows a valid token on an HTTP API (<variant>)
      Given <configuration>
      And a valid token
      When the client calls GET /pets/1
      Then access is allowed
      And the backend receives the context:
        | key | value    |
        | sub | user-123 |

      Examples:
        | variant                 | configuration                                    |
        | payload 2.0, IAM        | the authorizer has payload format "2.0"          |
        | payload 2.0, simple     | the authorizer uses simple responses             |
        | payload 1.0, IAM        | the authorizer has payload format "1.0"          |

    @source:local-decision @rule:UNA-1 @rule:HTTP-7 @needs:authorizer-settings
    Scenario Outline: The reference authorizer refuses an invalid token on an HTTP API with 401 (<variant>)
      Given the reference authorizer's default settings
      And <configuration>
      And a valid token
      And the token is signed with a key the authorizer does not know
      When the client calls GET /pets/1
      Then the client gets 401 because authorizer-unauthorized
      And the authorizer was invoked

      Examples:
        | variant                 | configuration                                    |
        | payload 2.0, IAM        | the authorizer has payload format "2.0"          |
        | payload 2.0, simple     | the authorizer uses simple responses             |
        | payload 1.0, IAM        | the authorizer has payload format "1.0"          |

    @source:local-decision @rule:HTTP-5 @needs:authorizer-settings
    Scenario Outline: The reference authorizer's deny routes give 403 on an HTTP API (<variant>)
      Given <configuration>
      And the authorizer setting "AUTH_DENY_ROUTES" is "DELETE /pets/*"
      And a valid token
      When the client calls DELETE /pets/1
      Then the client gets 403 because <failure>

      Examples:
        | variant                 | configuration                                    | failure                |
        | payload 2.0, IAM        | the authorizer has payload format "2.0"          | policy-explicit-deny   |
        | payload 2.0, simple     | the authorizer uses simple responses             | simple-response-denied |
