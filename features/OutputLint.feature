@output-lint
Feature: Output lint
  The authorizer under test returns outputs that API Gateway accepts, and also none of the pitfalls the output linter
  knows (docs/lint.md): a cached policy scoped to the incoming method, an Allow on every API, a wildcard stage, a
  non-primitive or oversized context value, wrong-case names, a credential as principalId, an empty Resource list.
  Every run also writes the findings on all of the authorizer's outputs to reports/lint.md.

  @source:local-decision @rule:CAC-4
  Scenario: A REST TOKEN authorizer's output for a valid token has no lint findings
    Given a REST API
    And a valid token
    When the client calls GET /pets/1
    Then access is allowed
    And the authorizer output has no lint findings

  @source:local-decision @rule:REQ-6
  Scenario: A REST REQUEST authorizer's output for a valid token has no lint findings
    Given a REST API
    And the authorizer under test reads the token from the Authorization header
    And a REQUEST authorizer with identity sources "method.request.header.Authorization"
    And a valid token
    When the client calls GET /pets/1
    Then access is allowed
    And the authorizer output has no lint findings

  @source:local-decision @rule:HTTP-5
  Scenario: An HTTP API simple-response authorizer's output for a valid token has no lint findings
    Given an HTTP API
    And the authorizer uses simple responses
    And a valid token
    When the client calls GET /pets/1
    Then access is allowed
    And the authorizer output has no lint findings

  @source:local-decision @rule:WS-5
  Scenario: A WebSocket $connect authorizer's output for a valid token has no lint findings
    Given a WebSocket API
    And a valid token
    When the client connects
    Then access is allowed
    And the authorizer output has no lint findings
