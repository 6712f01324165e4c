@websocket
Feature: WebSocket
  WebSocket API authorizers: REQUEST only and only on $connect, a route ARN ending in /$connect without a verb, the
  CONNECT event, the handshake answers (101 on success, 401 for a missing identity source or Unauthorized, 403 on a
  denying policy, 500 on an error), the 8 KB result limit, the context handed to the $connect integration, and the
  reference authorizer's WebSocket variant.

  Background:
    Given a WebSocket API
    And the API is "ws123" in account "123456789012", region "us-east-1", stage "prod"

  Rule: Only REQUEST authorizers, and only on $connect (WS-1)

    @source:aws-docs @rule:WS-1 @needs:gateway-emulation
    Scenario: An authorizer on a WebSocket route other than $connect is refused when the API is set up
      Given the route "$default" is protected by the authorizer
      When the API set-up is checked
      Then the set-up is refused at "api.routes[0].authorizer": "a WebSocket authorizer can only protect $connect"

    @source:aws-docs @rule:WS-1 @needs:gateway-emulation
    Scenario: A TOKEN authorizer on a WebSocket API is refused when the API is set up
      Given a TOKEN authorizer reading the "Authorization" header
      When the API set-up is checked
      Then the set-up is refused at "authorizers.A.type": "TOKEN authorizers exist only on REST APIs"

  Rule: The route ARN ends in /$connect and has no HTTP verb (WS-2, ARN-6)

    @source:aws-docs @rule:WS-2 @rule:ARN-6 @needs:gateway-emulation
    Scenario: The $connect authorizer receives a method ARN without a verb, and a policy for it opens the connection
      Given the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "${methodArn}"}]}}
        """
      And a valid token
      When the client connects
      Then the client gets 101
      And access is allowed
      And the method ARN is "arn:aws:execute-api:us-east-1:123456789012:ws123/prod/$connect"
      And the authorizer received "methodArn" = "arn:aws:execute-api:us-east-1:123456789012:ws123/prod/$connect"

  Rule: The CONNECT event has the REQUEST members without path, resource or verb (WS-3)

    @source:aws-docs @rule:WS-3 @rule:WS-2 @needs:gateway-emulation
    Scenario: The $connect authorizer receives a REQUEST event with a CONNECT request context
      Given the stage variable "tier" is "gold"
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "${methodArn}"}]}}
        """
      And a valid token
      When the client connects
      Then access is allowed
      And the authorizer's event has exactly the members "type, methodArn, headers, multiValueHeaders, queryStringParameters, multiValueQueryStringParameters, stageVariables, requestContext"
      And the authorizer received:
        """
        {"type": "REQUEST", "stageVariables": {"tier": "gold"},
         "requestContext": {"routeKey": "$connect", "eventType": "CONNECT", "messageDirection": "IN",
                            "stage": "prod", "apiId": "ws123"}}
        """
      And the authorizer received "headers.Authorization" = "${credentials}"
      And the authorizer's event has no "requestContext.httpMethod"

  Rule: A missing identity source rejects the handshake with 401 without invoking the authorizer (WS-4)

    @source:aws-docs @rule:WS-4 @needs:gateway-emulation
    Scenario Outline: A handshake without the identity source <source> gets 401
      Given a REQUEST authorizer with identity sources "<source>"
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "${methodArn}"}]}}
        """
      When the client connects with the query "room=1"
      Then the client gets 401 because identity-source-missing
      And the authorizer was not invoked
      And the backend is not reached

      Examples:
        | source                             |
        | route.request.header.Authorization |
        | route.request.querystring.token    |

    @source:aws-docs @rule:WS-4 @needs:gateway-emulation
    Scenario: A query-string identity source is read from the handshake request
      Given a REQUEST authorizer with identity sources "route.request.querystring.token"
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "${methodArn}"}]}}
        """
      When the client connects with the query "token=q-1&room=1"
      Then the client gets 101
      And the authorizer received "queryStringParameters.token" = "q-1"

  Rule: Deny is a 403 handshake, Unauthorized 401, an error 500 (WS-5)

    @source:aws-docs @rule:WS-5 @needs:gateway-emulation
    Scenario Outline: A $connect authorizer that <answers> rejects the handshake with <status>
      Given the authorizer function answers, in turn:
        | outcome   | detail   |
        | <outcome> | <detail> |
      And a valid token
      When the client connects
      Then the client gets <status> because <failure>
      And the backend is not reached

      Examples:
        | answers                      | outcome    | detail                                                                                                                                               | status | failure                   |
        | denies explicitly            | returns    | {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "execute-api:Invoke", "Resource": "${methodArn}"}]}} | 403    | policy-explicit-deny      |
        | allows only another stage    | returns    | {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "arn:aws:execute-api:us-east-1:123456789012:ws123/dev/*"}]}} | 403    | policy-implicit-deny      |
        | fails with Unauthorized      | fails with | Unauthorized                                                                                                                                         | 401    | authorizer-unauthorized   |
        | fails with another error     | fails with | Error: boom                                                                                                                                          | 500    | authorizer-error          |
        | times out                    | times out  |                                                                                                                                                      | 500    | authorizer-timeout        |
        | returns a simple response    | returns    | {"isAuthorized": true}                                                                                                                               | 500    | authorizer-output-invalid |

    @source:aws-docs @rule:WS-5 @rule:POL-4 @needs:gateway-emulation
    Scenario: A policy for every route of the stage opens the connection
      Given the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "arn:aws:execute-api:us-east-1:123456789012:ws123/prod/*"}]}}
        """
      And a valid token
      When the client connects
      Then the client gets 101
      And the policy decision is Allow

  Rule: The result is at most 8 KB; the context reaches the $connect integration (WS-6, OUT-8)

    @source:aws-docs @rule:WS-6 @rule:OUT-8 @needs:gateway-emulation
    Scenario Outline: An authorizer result with a context value of <characters> characters <verdict>
      Given the authorizer function returns, with "PADDING" standing for <characters> repetitions of "x":
        """
        {"principalId": "u-1", "context": {"padding": "PADDING"},
         "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "${methodArn}"}]}}
        """
      And a valid token
      When the client connects
      Then <outcome>

      Examples:
        | characters | verdict                    | outcome                                               |
        | 7500       | fits in 8 KB               | the client gets 101                                   |
        | 8200       | exceeds 8 KB and gets 500  | the client gets 500 because authorizer-output-invalid |

    @source:aws-docs @rule:WS-6 @needs:gateway-emulation
    Scenario: The $connect integration receives the principal and the context the authorizer returned
      Given the authorizer function returns:
        """
        {"principalId": "u-1", "context": {"tenant": "t-1", "level": 3},
         "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "${methodArn}"}]}}
        """
      And a valid token
      When the client connects
      Then access is allowed
      And the backend receives the principal "u-1"
      And the backend receives the context:
        | key    | value |
        | tenant | t-1   |
        | level  | 3     |
      And the backend receives the request context:
        """
        {"routeKey": "$connect", "eventType": "CONNECT", "authorizer": {"principalId": "u-1", "tenant": "t-1"}}
        """

  Rule: A WebSocket authorizer validates the token of the handshake (WS-5, UNA-1)

    @source:aws-docs @rule:WS-5 @rule:OUT-3
    Scenario: The authorizer under test opens the connection for a valid token
      Given a valid token
      When the client connects
      Then the client gets 101
      And the backend receives the principal "user-123"
      And the backend receives the context the authorizer under test promises

    @source:aws-docs @rule:UNA-1 @rule:WS-5
    Scenario: The authorizer under test rejects the handshake of a token signed with another key with 401
      Given a valid token
      And the token is signed with a key the authorizer does not know
      When the client connects
      Then the client gets 401 because authorizer-unauthorized
      And the authorizer was invoked

  Rule: The reference authorizer's WebSocket variant reads the token from the query and denies routes when configured to

    @source:local-decision @rule:WS-4 @rule:WS-5 @needs:authorizer-settings
    Scenario: The reference authorizer reads the token from the query when configured to
      Given a REQUEST authorizer with identity sources "route.request.querystring.token"
      And the authorizer setting "AUTH_TOKEN_QUERY" is "token"
      And a valid token
      When the client connects with the query "token={token}"
      Then the client gets 101
      And the backend receives the principal "user-123"

    @source:local-decision @rule:WS-5 @needs:authorizer-settings
    Scenario: The reference authorizer's deny route for $connect rejects the handshake with 403
      Given the authorizer setting "AUTH_DENY_ROUTES" is "$connect"
      And a valid token
      When the client connects
      Then the client gets 403 because policy-explicit-deny
