@source:local-decision @rule:TOK-6
Feature: Planted failures against the authorizer under test
  Fails on purpose against the selected target (the reference authorizer in these tests), with a token signed by
  the run's key: the reproduction must replay it with placeholder keys and give the same outcome.

  Background:
    Given a REST API
    And a valid token with the claims:
      | claim | value |
      | role  | admin |

  Scenario: status against the target
    When the client calls GET /pets/42
    And the client calls GET /pets/42 without a token
    Then the client gets 200

  Scenario: authorizer log
    When the client calls GET /pets/42
    Then the authorizer logged a line containing "a line nobody logs"

  Scenario: harness error
    When the client calls GET /pets/42
    Given the route "GET /late" has no authorizer
