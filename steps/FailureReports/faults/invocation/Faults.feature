Feature: Faulty functions
  Run only by FaultRunTests, against faulty-runtime.js: each scenario expects access as a correct authorizer would give
  it, and the function fails in one way (picked by the path). Every one must fail, naming the fault, within a bound.

  @source:local-decision @rule:TOK-6
  Scenario Outline: A function that <fault> fails the scenario
    Given a REST API
    And a valid token
    When the client calls GET /<path>
    Then access is allowed

    Examples:
      | fault                                | path    |
      | answers correctly                    | ok      |
      | hangs                                | hang    |
      | crashes in the middle of its answer  | crash   |
      | sends garbage to the Runtime API     | garbage |
      | answers over 6 MB                    | huge    |
