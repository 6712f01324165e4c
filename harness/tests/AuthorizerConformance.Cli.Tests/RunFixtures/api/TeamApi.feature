Feature: The team's API
  Scenarios for the authz run --api test: those that describe no API run on the API given to the run (petstore-rest.yaml
  of the import tests: /health has no authorizer, the other routes have the TOKEN authorizer JwtAuthorizer).

  @source:local-decision @rule:POL-11
  Scenario: The health check of the team's API is open
    When the client calls GET /health without a token
    Then access is allowed

  @source:local-decision @rule:TOK-6 @api-step
  Scenario: Listing pets on the team's API needs a token
    Given the API under test
    When the client calls GET /pets without a token
    Then the client gets 401
    And the backend is not reached

  @source:local-decision @rule:POL-1
  Scenario: A valid token reaches a pet on the team's API
    Given a valid token
    When the client calls GET /pets/1
    Then access is allowed

  @source:local-decision @rule:TOK-6
  Scenario: A scenario that describes its own API keeps it
    Given a REST API
    When the client calls GET /health without a token
    Then the client gets 401
