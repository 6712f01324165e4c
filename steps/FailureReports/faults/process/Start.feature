Feature: Faulty function processes
  Run only by FaultRunTests, against faulty-runtime.js started with FAULT=never-polls or FAULT=slow-start: the process
  never asks for its event within Lambda's 10 s init. The scenario must fail, naming the fault, within a bound.

  @source:local-decision @rule:TOK-6
  Scenario: A function process that does not start in time fails the scenario
    Given a REST API
    And a valid token
    When the client calls GET /ok
    Then access is allowed
