@source:local-decision @rule:POL-1 @needs:gateway-emulation
Feature: Planted failures against a scripted authorizer
  Every scenario fails on purpose, each in one kind of expectation, so the tests in steps/FailureReports can check
  that its failure message names what was compared, says what the scenario expected and what happened, and shows
  no framework stack frame. Not part of the conformance suite: run only by those tests.

  Background:
    Given a REST API
    And the authorizer function returns:
      """
      {"principalId": "u-1", "context": {"role": "admin"},
       "policyDocument": {"Version": "2012-10-17", "Statement": [
         {"Sid": "AllowAll", "Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "${methodArn}"}]}}
      """
    And a valid token

  Scenario: status
    When the client calls GET /pets/42
    Then the client gets 403

  Scenario: failure code
    When the client calls GET /pets/42 without a token
    Then the client gets 401 because jwt-expired

  Scenario: response body
    When the client calls GET /pets/42 without a token
    Then the response body is:
      """
      {"message": "Forbidden"}
      """

  Scenario: response header
    When the client calls GET /pets/42 without a token
    Then the response header "x-amzn-ErrorType" is "AccessDeniedException"

  Scenario: absent response header
    When the client calls GET /pets/42 without a token
    Then the response has no header "x-amzn-ErrorType"

  Scenario: access allowed
    When the client calls GET /pets/42 without a token
    Then access is allowed

  Scenario: policy decision
    When the client calls GET /pets/42
    Then the policy decision is ExplicitDeny

  Scenario: deciding statement
    When the client calls GET /pets/42
    Then the deciding statement is "DenyAll"

  Scenario: resource policy decision
    When the client calls GET /pets/42
    Then the resource policy decision is Allow

  Scenario: authorizer not invoked
    When the client calls GET /pets/42
    Then the authorizer was not invoked

  Scenario: invocation count
    When the client calls GET /pets/42
    Then the authorizer was invoked 2 times in all

  Scenario: cache hit
    When the client calls GET /pets/42
    Then the result came from the cache

  Scenario: method ARN
    When the client calls GET /pets/42
    Then the method ARN is "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/43"

  Scenario: method ARN length
    When the client calls GET /pets/42
    Then the method ARN is 10 bytes long

  Scenario: event JSON
    When the client calls GET /pets/42
    Then the authorizer received:
      """
      {"type": "TOKEN", "authorizationToken": "Bearer ${token}-changed"}
      """

  Scenario: event member
    When the client calls GET /pets/42
    Then the authorizer received "type" = "REQUEST"

  Scenario: absent event member
    When the client calls GET /pets/42
    Then the authorizer's event has no "methodArn"

  Scenario: event members
    When the client calls GET /pets/42
    Then the authorizer's event has exactly the members "type, methodArn, resource"

  Scenario: context row
    When the client calls GET /pets/42
    Then the backend receives the context:
      | key  | value |
      | role | user  |

  Scenario: absent context key
    When the client calls GET /pets/42
    Then the backend receives no context key "role"

  Scenario: principal
    When the client calls GET /pets/42
    Then the backend receives the principal "u-2"

  Scenario: request context JSON
    When the client calls GET /pets/42
    Then the backend receives the request context:
      """
      {"stage": "test", "identity": {"sourceIp": "203.0.113.1"}}
      """

  Scenario: backend not reached
    When the client calls GET /pets/42
    Then the backend is not reached

  Scenario: access log variable
    When the client calls GET /pets/42
    Then the access log variable "$context.authorizer.status" is "401"

  Scenario: passing
    When the client calls GET /pets/42
    Then access is allowed
