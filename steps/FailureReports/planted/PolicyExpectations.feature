@source:local-decision @rule:IAM-1.1
Feature: Planted failures without a request
  The IAM evaluator and the set-up check on their own fail on purpose: the message names the difference, and with
  no request there is nothing to replay.

  Scenario: IAM decision
    Given the policy:
      """
      {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}]}
      """
    When the policy is evaluated for arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/1
    Then the decision is ExplicitDeny

  @needs:gateway-emulation
  Scenario: set-up check
    Given a REST API
    And the authorizer caches results for 300 seconds
    When the API set-up is checked
    Then the set-up is refused at "authorizers.A.resultTtlInSeconds"
