@caching
Feature: Caching
  API Gateway caches the authorizer's output, not its decision, and evaluates the cached policy again for every
  request within the TTL.

  Background:
    Given a REST API

  Rule: The cached output is evaluated again against each new method ARN

    @source:aws-docs @rule:CAC-4 @rule:CAC-3 @smoke
    Scenario: A policy scoped to the incoming method ARN gives 403 on the next method within the TTL
      Given the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "${methodArn}"}]}}
        """
      And a valid token
      When the client calls GET /pets/1
      Then access is allowed
      When the client calls DELETE /pets/1
      Then the client gets 403 because policy-implicit-deny
      And the result came from the cache
      And the authorizer was not invoked
      And the authorizer was invoked 1 time in all

    @source:aws-docs @rule:CAC-4 @needs:authorizer-settings
    Scenario: The reference authorizer's stage-wide policy serves every method from the cache
      Given a valid token
      When the client calls GET /pets/1
      And 1 minute passes
      And the client calls DELETE /pets/1
      Then access is allowed
      And the result came from the cache
      And the authorizer was invoked 1 time in all
