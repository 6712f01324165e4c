@context
Feature: Context
  What a REST backend receives from the authorizer: principalId and the context map, stringified (CTX-1, CTX-2,
  section N); the API key chosen by the authorizer (CTX-3, OUT-7); the context in gateway-response templates (CTX-7);
  which context values API Gateway refuses (OUT-5, OUT-6); and how the reference authorizer flattens claims so that
  REST never refuses its context.
  HTTP API contexts (CTX-4, CTX-5) are covered in the HTTP API feature. CTX-6 (the access-log variables
  $context.authorizer.status, .error, .latency, …) is emulated and checked in the Logging feature.

  Background:
    Given a REST API
    And a valid token

  Rule: CTX-1, CTX-2 A REST proxy backend gets principalId and the context values as strings

    @source:recorded @rule:CTX-2 @rule:CTX-1 @needs:gateway-emulation
    Scenario: Context numbers and booleans arrive as strings next to principalId
      Given the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}]},
         "context": {"tenant": "acme", "level": 123, "ratio": 1.5, "admin": true, "trial": false}}
        """
      When the client calls GET /pets/1
      Then access is allowed
      And the backend receives the request context:
        """
        {"authorizer": {"principalId": "u-1", "tenant": "acme", "level": "123", "ratio": "1.5", "admin": "true", "trial": "false",
                        "integrationLatency": 0}}
        """

    @source:aws-docs @rule:CTX-2 @needs:gateway-emulation
    Scenario: Without a context the backend still gets principalId
      Given the authorizer function returns:
        """
        {"principalId": "u-7", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}]}}
        """
      When the client calls GET /pets/1
      Then access is allowed
      And the backend receives the principal "u-7"

    @source:aws-docs @rule:CTX-2 @rule:CAC-3 @needs:gateway-emulation
    Scenario: A cached result gives the backend the same principal and context
      Given the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}]}, "context": {"tenant": "acme"}}
        """
      When the client calls GET /pets/1
      And the client calls POST /pets/2
      Then access is allowed
      And the result came from the cache
      And the backend receives the principal "u-1"
      And the backend receives the context:
        | key    | value |
        | tenant | acme  |

  Rule: CTX-3, OUT-7 With apiKeySource AUTHORIZER the usageIdentifierKey is the request's API key

    Background:
      Given the route "GET /pets/{id}" is protected by the authorizer
      And the route "GET /pets/{id}" requires an API key
      And the usage plan has the API key "key-in-plan"

    @source:aws-docs @rule:OUT-7 @rule:CTX-3 @needs:gateway-emulation
    Scenario: A usageIdentifierKey in the usage plan passes the API key check
      Given API keys come from the authorizer
      And the authorizer function returns:
        """
        {"principalId": "u-1", "usageIdentifierKey": "key-in-plan", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}]}}
        """
      When the client calls GET /pets/1
      Then access is allowed
      And the backend receives the request context:
        """
        {"identity": {"apiKey": "key-in-plan"}}
        """

    @source:aws-docs @rule:OUT-7 @needs:gateway-emulation
    Scenario Outline: A usageIdentifierKey that is missing or not in the usage plan gives 403 Forbidden
      Given API keys come from the authorizer
      And the authorizer function returns:
        """
        {"principalId": "u-1", <key> "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}]}}
        """
      When the client calls GET /pets/1
      Then the client gets 403 because api-key-invalid
      And the response body is:
        """
        {"message":"Forbidden"}
        """
      And the backend is not reached

      Examples:
        | key                                   |
        | "usageIdentifierKey": "unknown-key",  |
        |                                       |

    @source:aws-docs @rule:OUT-7 @needs:gateway-emulation
    Scenario: With the HEADER key source the authorizer's usageIdentifierKey is not used
      Given the authorizer function returns:
        """
        {"principalId": "u-1", "usageIdentifierKey": "key-in-plan", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}]}}
        """
      When the client calls GET /pets/1
      Then the client gets 403 because api-key-invalid

    @source:aws-docs @rule:OUT-7 @needs:gateway-emulation
    Scenario: A policy that denies answers 403 before the API key is checked
      Given API keys come from the authorizer
      And the authorizer function returns:
        """
        {"principalId": "u-1", "usageIdentifierKey": "unknown-key", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Deny", "Action": "execute-api:Invoke", "Resource": "*"}]}}
        """
      When the client calls GET /pets/1
      Then access is denied by an explicit deny
      And the client gets 403 because policy-explicit-deny

  Rule: OUT-5 A context value may not be an object or an array

    @source:aws-docs @rule:OUT-5 @needs:gateway-emulation
    Scenario Outline: An object or array context value gives 500 AuthorizerConfigurationException
      Given the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}]}, "context": {"ok": "yes", "bad": <value>}}
        """
      When the client calls GET /pets/1
      Then the client gets 500 because context-value-invalid
      And the response body is:
        """
        {"message":null}
        """
      And the response header "x-amzn-ErrorType" is "AuthorizerConfigurationException"
      And the backend is not reached

      Examples:
        | value          |
        | {"nested": 1}  |
        | ["a", "b"]     |

  Rule: OUT-6 A null context value passes through; a context that is not an object is disputed

    @source:recorded @rule:OUT-6 @needs:gateway-emulation
    Scenario: A null context value reaches the backend as null
      Given the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}]}, "context": {"nickname": null, "tenant": "acme"}}
        """
      When the client calls GET /pets/1
      Then access is allowed
      And the backend receives the request context:
        """
        {"authorizer": {"nickname": null, "tenant": "acme"}}
        """

    @source:local-decision @rule:OUT-6 @verify-on-aws @needs:gateway-emulation
    Scenario Outline: A context that is not an object gives 500 by default
      Given the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}]}, "context": <context>}
        """
      When the client calls GET /pets/1
      Then the client gets 500 because authorizer-output-invalid

      Examples:
        | context  |
        | "tenant" |
        | ["a"]    |

    @source:local-decision @rule:OUT-6 @verify-on-aws @needs:gateway-emulation
    Scenario: With non-object contexts tolerated the context is ignored
      Given the behaviour option "nonObjectContextIsInvalid" is "false"
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}]}, "context": "tenant"}
        """
      When the client calls GET /pets/1
      Then access is allowed
      And the backend receives the principal "u-1"

  Rule: CTX-7 The authorizer's context can be used in a gateway-response template

    @source:recorded @rule:CTX-7 @rule:GWR-1 @needs:gateway-emulation
    Scenario: A 403 body names the reason the Deny policy put in its context
      Given the ACCESS_DENIED gateway response has the template:
        """
        {"message":$context.error.messageString,"reason":"$context.authorizer.reason","user":"$context.authorizer.principalId"}
        """
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Deny", "Action": "execute-api:Invoke", "Resource": "*"}]}, "context": {"reason": "account-suspended"}}
        """
      When the client calls GET /pets/1
      Then the client gets 403 because policy-explicit-deny
      And the response body is:
        """
        {"message":"User is not authorized to access this resource with an explicit deny","reason":"account-suspended","user":"u-1"}
        """

    @source:local-decision @rule:CTX-7 @rule:CTX-1 @needs:gateway-emulation
    Scenario: Context values in a template are stringified and unknown keys render empty
      Given the ACCESS_DENIED gateway response has the template:
        """
        {"level":"$context.authorizer.level","admin":"$context.authorizer.admin","missing":"$context.authorizer.nothing"}
        """
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/POST/*"}]},
         "context": {"level": 3, "admin": false}}
        """
      When the client calls GET /pets/1
      Then the client gets 403 because policy-implicit-deny
      And the response body is:
        """
        {"level":"3","admin":"false","missing":""}
        """

  Rule: OUT-5 An authorizer's context must survive API Gateway whatever claims the token carries

    @source:aws-docs @rule:OUT-5
    Scenario: A valid token with array and object claims is still allowed, with its principal and promised context
      Given a valid token with the claims:
        | claim  | value                  |
        | groups | ["admins","ops"]       |
        | org    | {"id":7,"name":"acme"} |
        | tier   | gold                   |
      When the client calls GET /pets/1
      Then access is allowed
      And the backend receives the principal "user-123"

    @source:aws-docs @rule:OUT-5 @rule:CTX-2
    Scenario: A valid token's claims reach the backend as the profile's context rule promises
      Given a valid token with the claims:
        | claim | value |
        | tier  | gold  |
        | level | 3     |
        | beta  | true  |
      When the client calls GET /pets/1
      Then access is allowed
      And the backend receives the context the authorizer under test promises

  Rule: OUT-5 The reference authorizer flattens claims so that REST accepts its context

    @source:local-decision @rule:OUT-5 @needs:authorizer-settings
    Scenario: Array and object claims become compact JSON text
      Given the reference authorizer's default settings
      And a valid token with the claims:
        | claim  | value                    |
        | groups | ["admins","ops"]         |
        | org    | {"id":7,"name":"acme"}   |
        | level  | 3                        |
        | beta   | true                     |
      When the client calls GET /pets/1
      Then access is allowed
      And the backend receives the context:
        | key    | value                  |
        | groups | ["admins","ops"]       |
        | org    | {"id":7,"name":"acme"} |
      And the backend receives the request context:
        """
        {"authorizer": {"level": "3", "beta": "true"}}
        """

    @source:local-decision @rule:OUT-5 @needs:authorizer-settings
    Scenario: With nested claims dropped, array and object claims are left out
      Given the authorizer setting "AUTH_CONTEXT_NESTED" is "drop"
      And a valid token with the claims:
        | claim  | value            |
        | groups | ["admins","ops"] |
        | tenant | acme             |
      When the client calls GET /pets/1
      Then access is allowed
      And the backend receives no context key "groups"
      And the backend receives the context:
        | key    | value |
        | tenant | acme  |

    @source:local-decision @rule:OUT-5 @rule:OUT-6 @needs:authorizer-settings
    Scenario: Null claims are left out of the context
      Given the reference authorizer's default settings
      And a valid token with the claims:
        | claim    | value |
        | nickname | null  |
      When the client calls GET /pets/1
      Then access is allowed
      And the backend receives no context key "nickname"

    @source:local-decision @rule:OUT-5 @rule:CTX-2 @needs:authorizer-settings
    Scenario: The principal comes from sub
      Given the reference authorizer's default settings
      And a valid token with the claims:
        | claim  | value  |
        | userId | legacy |
      When the client calls GET /pets/1
      Then access is allowed
      And the backend receives the principal "user-123"
      And the backend receives the context:
        | key    | value    |
        | sub    | user-123 |
        | userId | legacy   |

    @source:local-decision @rule:OUT-5 @rule:CTX-2 @needs:authorizer-settings
    Scenario: Without sub the principal comes from userId
      Given the reference authorizer's default settings
      And a valid token with the claims:
        | claim  | value  |
        | userId | user-9 |
      And the token has no "sub" claim
      When the client calls GET /pets/1
      Then access is allowed
      And the backend receives the principal "user-9"

    @source:local-decision @rule:OUT-5 @rule:CTX-2
    Scenario: A principalId claim does not override the REST principalId
      Given a valid token with the claims:
        | claim       | value   |
        | principalId | spoofed |
      When the client calls GET /pets/1
      Then access is allowed
      And the backend receives the principal "user-123"
