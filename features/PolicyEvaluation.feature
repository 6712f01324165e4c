@policy
Feature: PolicyEvaluation
  How the policy an authorizer returns is evaluated: through the gateway where API Gateway's answer matters (403
  messages, explicit versus implicit deny, the deciding statements, 500 for a policy it cannot use), and directly
  against the IAM evaluator for IAM's own rules (iam-policy-evaluation.md §1, IAM-1.1 … IAM-1.8).
  The API is abc123, stage prod, in account 123456789012, region us-east-1.

  Rule: POL-1 Deny beats Allow; nothing allowed is an implicit deny

    Background:
      Given a REST API
      And a valid token
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Sid": "AllowAll", "Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/*"},
          {"Sid": "DenyDelete", "Effect": "Deny", "Action": "execute-api:Invoke", "Resource": "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/DELETE/*"}]}}
        """

    @source:aws-docs @rule:POL-1 @needs:gateway-emulation
    Scenario: A matching Deny beats a matching Allow
      When the client calls DELETE /pets/1
      Then access is denied by an explicit deny
      And the deciding statement is "DenyDelete"
      And the response body is:
        """
        {"Message":"User is not authorized to access this resource with an explicit deny"}
        """

    @source:aws-docs @rule:POL-1 @needs:gateway-emulation
    Scenario: The Allow decides where the Deny does not match
      When the client calls GET /pets/1
      Then access is allowed
      And the policy decision is Allow
      And the deciding statement is "AllowAll"

  Rule: POL-1 A policy that matches nothing denies implicitly

    @source:aws-docs @rule:POL-1 @needs:gateway-emulation
    Scenario: A policy for another stage is an implicit deny
      Given a REST API
      And a valid token
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "arn:aws:execute-api:us-east-1:123456789012:abc123/test/*"}]}}
        """
      When the client calls GET /pets/1
      Then access is denied: no statement matches
      And the client gets 403 because policy-implicit-deny
      And the response body is:
        """
        {"Message":"User is not authorized to access this resource"}
        """

  Rule: POL-2, POL-3 Action and Resource: string or array; execute-api:Invoke, execute-api:* and * all cover the call

    @source:aws-docs @rule:POL-2 @rule:POL-3 @needs:gateway-emulation
    Scenario Outline: The Action forms that cover execute-api:Invoke
      Given a REST API
      And a valid token
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": <action>, "Resource": <resource>}]}}
        """
      When the client calls GET /pets/1
      Then the policy decision is <decision>

      Examples:
        | action                                               | resource                                                                   | decision     |
        | "execute-api:Invoke"                                 | "${methodArn}"                                                             | Allow        |
        | ["execute-api:Invoke"]                               | ["${methodArn}"]                                                           | Allow        |
        | "execute-api:*"                                      | "*"                                                                        | Allow        |
        | "*"                                                  | "*"                                                                        | Allow        |
        | ["execute-api:InvalidateCache", "execute-api:Invoke"] | ["arn:aws:execute-api:us-east-1:123456789012:abc123/prod/POST/*", "${methodArn}"] | Allow |
        | "execute-api:InvalidateCache"                        | "*"                                                                        | ImplicitDeny |
        | "execute-api:ManageConnections"                      | "*"                                                                        | ImplicitDeny |

  Rule: POL-4, POL-5 Resource wildcards and literals through the gateway

    @source:aws-docs @rule:POL-4 @needs:gateway-emulation
    Scenario Outline: Wildcards in the returned Resource
      Given a REST API
      And a valid token
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "<resource>"}]}}
        """
      When the client calls GET <path>
      Then the policy decision is <decision>

      Examples:
        | resource                                                               | path             | decision     |
        | arn:aws:execute-api:*:*:*                                              | /pets/1          | Allow        |
        | arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/*      | /pets/1/photos/2 | Allow        |
        | arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/?      | /pets/12         | ImplicitDeny |
        | arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/            | /                | Allow        |

    @source:iam-docs @rule:POL-5 @needs:gateway-emulation
    Scenario Outline: Resource matching is case-sensitive and regex characters are literal
      Given a REST API
      And a valid token
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "<resource>"}]}}
        """
      When the client calls GET <path>
      Then the client gets <status>

      Examples:
        | resource                                                                 | path          | status |
        | arn:aws:execute-api:us-east-1:123456789012:abc123/prod/get/pets/1        | /pets/1       | 403    |
        | arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets.json     | /petsXjson    | 403    |
        | arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets.json     | /pets.json    | 200    |
        | arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/{proxy+} | /pets/1       | 403    |

    @source:iam-docs @rule:POL-5 @rule:ARN-6 @needs:gateway-emulation
    Scenario Outline: $connect in a WebSocket policy is matched literally
      Given a WebSocket API
      And a valid token
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "<resource>"}]}}
        """
      When the client connects
      Then the client gets <status>

      Examples:
        | resource                                                        | status |
        | arn:aws:execute-api:us-east-1:123456789012:abc123/prod/$connect | 101    |
        | arn:aws:execute-api:us-east-1:123456789012:abc123/prod/connect  | 403    |
        | arn:aws:execute-api:us-east-1:123456789012:abc123/prod/.connect | 403    |

  Rule: POL-6 Conditions are evaluated with the keys the gateway knows (which keys exist is low confidence)

    @source:local-decision @rule:POL-6 @verify-on-aws @needs:gateway-emulation
    Scenario Outline: aws:SourceIp narrows an Allow
      Given a REST API
      And a valid token
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Sid": "OfficeOnly", "Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*",
           "Condition": {"IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "2001:db8::/32"]}}}]}}
        """
      When the client calls GET /pets/1 from "<source ip>"
      Then the policy decision is <decision>
      And the client gets <status>

      Examples:
        | source ip    | decision     | status |
        | 203.0.113.9  | Allow        | 200    |
        | 2001:db8::7  | Allow        | 200    |
        | 198.51.100.1 | ImplicitDeny | 403    |

    @source:local-decision @rule:POL-6 @verify-on-aws @needs:gateway-emulation
    Scenario: A Deny with NotIpAddress blocks callers outside the network
      Given a REST API
      And a valid token
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"},
          {"Sid": "DenyOutside", "Effect": "Deny", "Action": "execute-api:Invoke", "Resource": "*",
           "Condition": {"NotIpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}]}}
        """
      When the client calls GET /pets/1 from "198.51.100.1"
      Then access is denied by an explicit deny
      And the deciding statement is "DenyOutside"

    @source:local-decision @rule:POL-6 @verify-on-aws @needs:gateway-emulation
    Scenario: A condition on a key the gateway does not supply never allows
      Given a REST API
      And a valid token
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*",
           "Condition": {"StringEquals": {"custom:tenant": "acme"}}}]}}
        """
      When the client calls GET /pets/1
      Then access is denied: no statement matches

    @source:recorded @rule:POL-6 @verify-on-aws @needs:gateway-emulation
    Scenario: "Condition": null makes the output unusable
      Given a REST API
      And a valid token
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*", "Condition": null}]}}
        """
      When the client calls GET /pets/1
      Then the client gets 500 because authorizer-output-invalid

    @source:local-decision @rule:POL-6 @verify-on-aws @needs:gateway-emulation
    Scenario Outline: Behaviour options for conditions
      Given a REST API
      And a valid token
      And the behaviour option "<option>" is "<value>"
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*", "Condition": <condition>}]}}
        """
      When the client calls GET /pets/1 from "203.0.113.9"
      Then the client gets <status>

      Examples:
        | option                 | value           | condition                                             | status |
        | nullConditionIsInvalid | false           | null                                                  | 200    |
        | conditions             | rejectAsInvalid | {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}     | 500    |

  Rule: POL-7 NotResource and NotAction

    @source:aws-docs @rule:POL-7 @verify-on-aws @needs:gateway-emulation
    Scenario Outline: A Deny with NotResource denies everything but the listed resources
      Given a REST API
      And a valid token
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Sid": "AllowAll", "Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"},
          {"Sid": "DenyAllButPets", "Effect": "Deny", "Action": "execute-api:Invoke",
           "NotResource": "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/*"}]}}
        """
      When the client calls <method> <path>
      Then the policy decision is <decision>
      And the deciding statement is "<deciding>"

      Examples:
        | method | path     | decision     | deciding       |
        | GET    | /pets/1  | Allow        | AllowAll       |
        | GET    | /owners  | ExplicitDeny | DenyAllButPets |
        | DELETE | /pets/1  | ExplicitDeny | DenyAllButPets |

    @source:local-decision @rule:POL-7 @verify-on-aws @needs:gateway-emulation
    Scenario Outline: NotAction is accepted by default and refused by the strict option
      Given a REST API
      And a valid token
      And the behaviour option "acceptNotAction" is "<accept>"
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "NotAction": "execute-api:InvalidateCache", "Resource": "*"}]}}
        """
      When the client calls GET /pets/1
      Then the client gets <status>

      Examples:
        | accept | status |
        | true   | 200    |
        | false  | 500    |

  Rule: POL-8 Effect is exactly Allow or Deny (low confidence on other casings)

    @source:iam-docs @rule:POL-8 @verify-on-aws @needs:gateway-emulation
    Scenario Outline: An Effect in another casing makes the output unusable by default
      Given a REST API
      And a valid token
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "<effect>", "Action": "execute-api:Invoke", "Resource": "*"}]}}
        """
      When the client calls GET /pets/1
      Then the client gets 500 because authorizer-output-invalid

      Examples:
        | effect |
        | allow  |
        | Permit |

    @source:local-decision @rule:POL-8 @verify-on-aws @needs:gateway-emulation
    Scenario Outline: With case-insensitive effects a lower-case effect counts, an unknown one never allows
      Given a REST API
      And a valid token
      And the behaviour option "effectCaseSensitive" is "false"
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "<effect>", "Action": "execute-api:Invoke", "Resource": "*"}]}}
        """
      When the client calls GET /pets/1
      Then the client gets <status>

      Examples:
        | effect | status |
        | allow  | 200    |
        | DENY   | 403    |
        | Permit | 500    |

  Rule: POL-9 A single Statement object (low confidence)

    @source:iam-docs @rule:POL-9 @verify-on-aws @needs:gateway-emulation
    Scenario Outline: A single statement object is accepted by default
      Given a REST API
      And a valid token
      And the behaviour option "acceptSingleStatementObject" is "<accept>"
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement":
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}}}
        """
      When the client calls GET /pets/1
      Then the client gets <status>

      Examples:
        | accept | status |
        | true   | 200    |
        | false  | 500    |

  Rule: POL-10 Version (low confidence)

    @source:iam-docs @rule:POL-10 @verify-on-aws @needs:gateway-emulation
    Scenario Outline: Version is optional by default, must be an IAM version when present
      Given a REST API
      And a valid token
      And the behaviour option "requirePolicyVersion" is "<require>"
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {<version> "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}]}}
        """
      When the client calls GET /pets/1
      Then the client gets <status>

      Examples:
        | require | version                    | status |
        | false   |                            | 200    |
        | false   | "Version": "2012-10-18",   | 500    |
        | true    |                            | 500    |

  Rule: POL-12 An empty list matches nothing: an implicit deny, not a malformed policy (Evidence update 2)

    @source:recorded @rule:POL-12 @needs:gateway-emulation
    Scenario: An Allow with an empty Resource list is a 403 implicit deny after a successful authorizer run
      Given a REST API
      And a valid token
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": []}]}}
        """
      When the client calls GET /pets/1
      Then access is denied: no statement matches
      And the client gets 403 because policy-implicit-deny
      And the authorizer was invoked
      And the response header "x-amzn-ErrorType" is "AccessDeniedException"
      And the response body is:
        """
        {"Message":"User is not authorized to access this resource"}
        """

    @source:local-decision @rule:POL-12 @needs:gateway-emulation
    Scenario Outline: An empty Action or Statement list is valid and matches nothing
      Given a REST API
      And a valid token
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": <statements>}}
        """
      When the client calls GET /pets/1
      Then the client gets 403 because policy-implicit-deny
      And the policy decision is ImplicitDeny

      Examples:
        | statements                                                  |
        | [{"Effect": "Allow", "Action": [], "Resource": "*"}]        |
        | []                                                          |

    @source:recorded @rule:POL-12
    Scenario Outline: The evaluator reads an empty Resource, Action or Statement list as matching nothing
      Given the policy:
        """
        {"Version": "2012-10-17", "Statement": <statements>}
        """
      When the policy is evaluated for arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/1
      Then the decision is ImplicitDeny

      Examples:
        | statements                                                                   |
        | [{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": []}]        |
        | [{"Effect": "Allow", "Action": [], "Resource": "*"}]                         |
        | []                                                                           |

    @source:local-decision @rule:POL-12 @verify-on-aws @needs:gateway-emulation
    Scenario Outline: An empty NotResource or NotAction list is read as the behaviour option says, by default never widening access
      Given a REST API
      And a valid token
      And the behaviour option "emptyNotList" is "<reading>"
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [<statements>]}}
        """
      When the client calls GET /pets/1
      Then the client gets <status>

      Examples:
        | reading   | statements                                                                                                                   | status |
        | narrowest | {"Effect": "Allow", "Action": "execute-api:Invoke", "NotResource": []}                                                      | 403    |
        | literal   | {"Effect": "Allow", "Action": "execute-api:Invoke", "NotResource": []}                                                      | 200    |
        | invalid   | {"Effect": "Allow", "Action": "execute-api:Invoke", "NotResource": []}                                                      | 500    |
        | narrowest | {"Effect": "Allow", "NotAction": [], "Resource": "*"}                                                                       | 403    |
        | literal   | {"Effect": "Allow", "NotAction": [], "Resource": "*"}                                                                       | 200    |
        | narrowest | {"Effect": "Allow", "Action": "*", "Resource": "*"}, {"Effect": "Deny", "Action": "execute-api:Invoke", "NotResource": []}  | 403    |

    @source:local-decision @rule:POL-12 @verify-on-aws @needs:gateway-emulation
    Scenario Outline: An empty string entry is read as the behaviour option says, by default never widening access
      Given a REST API
      And a valid token
      And the behaviour option "emptyStringEntry" is "<reading>"
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [<statements>]}}
        """
      When the client calls GET /pets/1
      Then the client gets <status>

      Examples:
        | reading   | statements                                                                                                                  | status |
        | narrowest | {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": [""]}                                                      | 403    |
        | narrowest | {"Effect": "Allow", "Action": "execute-api:Invoke", "NotResource": [""]}                                                   | 403    |
        | literal   | {"Effect": "Allow", "Action": "execute-api:Invoke", "NotResource": [""]}                                                   | 200    |
        | narrowest | {"Effect": "Allow", "Action": "*", "Resource": "*"}, {"Effect": "Deny", "Action": "execute-api:Invoke", "Resource": [""]}  | 403    |
        | literal   | {"Effect": "Allow", "Action": "*", "Resource": "*"}, {"Effect": "Deny", "Action": "execute-api:Invoke", "Resource": [""]}  | 200    |
        | invalid   | {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": [""]}                                                      | 500    |

  Rule: ARN-5 A Resource in the returned policy is at most 512 characters (what happens above is low confidence)

    @source:local-decision @rule:ARN-5 @verify-on-aws @needs:gateway-emulation
    Scenario Outline: A Resource over 512 characters
      Given a REST API
      And a valid token
      And the behaviour option "enforceResourceArnLength" is "<enforce>"
      And the authorizer function returns, with "STARS" standing for 500 repetitions of "*":
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/STARS"}]}}
        """
      When the client calls GET /pets/1
      Then the client gets <status>

      Examples:
        | enforce | status |
        | true    | 500    |
        | false   | 200    |

  Rule: IAM-1.1 Document shape: Statement object or array, Action and Resource string or array, malformed is Invalid

    @source:iam-docs @rule:IAM-1.1
    Scenario Outline: Equivalent shapes of one Allow
      Given the policy:
        """
        {"Version": "2012-10-17", "Statement": <statement>}
        """
      When the policy is evaluated for arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/1
      Then the decision is Allow

      Examples:
        | statement                                                                                                               |
        | [{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}]                                                  |
        | {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}                                                    |
        | [{"Effect": "Allow", "Action": ["execute-api:Invoke"], "Resource": ["arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/1"]}] |

    @source:iam-docs @rule:IAM-1.1
    Scenario Outline: A malformed policy is Invalid, with the JSON path of the problem
      Given the policy:
        """
        <policy>
        """
      When the policy is evaluated for arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/1
      Then the decision is Invalid
      And the policy is invalid at "<path>"

      Examples:
        | policy                                                                                                                           | path                     |
        | {"Version": "2012-10-17", "Statement": [{"Effect": "allow", "Action": "execute-api:Invoke", "Resource": "*"}]}                  | Statement[0].Effect      |
        | {"Version": "2012-10-17", "Statement": {"Effect": "Alow", "Action": "execute-api:Invoke", "Resource": "*"}}                     | Statement.Effect         |
        | {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "action": "execute-api:Invoke", "Resource": "*"}]}                  | Statement[0].action      |
        | {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke", "NotAction": "*", "Resource": "*"}]} | Statement[0].NotAction   |
        | {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke"}]}                                   | Statement[0].Resource    |
        | {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": ["*", 7]}]}             | Statement[0].Resource[1] |
        | {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "abc123/prod/*"}]}      | Statement[0].Resource    |
        | {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "*"}]} | Statement[0].Principal |
        | [{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}]                                                           |                          |

  Rule: IAM-1.2 Version and policy variables

    @source:iam-docs @rule:IAM-1.2
    Scenario Outline: A variable is substituted only under 2012-10-17
      Given the policy:
        """
        {"Version": "<version>", "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke",
          "Resource": "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/users/${aws:username}"}]}
        """
      When the policy is evaluated for <arn> with the request context:
        | key          | value |
        | aws:username | alice |
      Then the decision is <decision>

      Examples:
        | version    | arn                                                                                  | decision     |
        | 2012-10-17 | arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/users/alice               | Allow        |
        | 2012-10-17 | arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/users/bob                 | ImplicitDeny |
        | 2008-10-17 | arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/users/alice               | ImplicitDeny |
        | 2008-10-17 | arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/users/${aws:username}     | Allow        |

    @source:iam-docs @rule:IAM-1.2
    Scenario Outline: A variable without a value matches nothing unless it has a default
      Given the policy:
        """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke",
          "Resource": "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/users/<variable>"}]}
        """
      When the policy is evaluated for arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/users/guest
      Then the decision is <decision>

      Examples:
        | variable                    | decision     |
        | ${aws:username}             | ImplicitDeny |
        | ${aws:username, 'guest'}    | Allow        |

    @source:iam-docs @rule:IAM-1.2
    Scenario Outline: ${*} stands for a literal star
      Given the policy:
        """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke",
          "Resource": "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/files/${*}"}]}
        """
      When the policy is evaluated for <arn>
      Then the decision is <decision>

      Examples:
        | arn                                                                      | decision     |
        | arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/files/*       | Allow        |
        | arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/files/report  | ImplicitDeny |

    @source:iam-docs @rule:IAM-1.2
    Scenario: A Version that is not an IAM version is Invalid
      Given the policy:
        """
        {"Version": "2012-10-18", "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}]}
        """
      When the policy is evaluated for arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/1
      Then the policy is invalid at "Version"

  Rule: IAM-1.3 Actions match case-insensitively, with * and ?

    @source:iam-docs @rule:IAM-1.3
    Scenario Outline: Action patterns against execute-api:Invoke
      Given the policy:
        """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "<action>", "Resource": "*"}]}
        """
      When the policy is evaluated for arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/1
      Then the decision is <decision>

      Examples:
        | action                      | decision     |
        | EXECUTE-API:invoke          | Allow        |
        | execute-api:Inv*            | Allow        |
        | execute-api:In?oke          | Allow        |
        | execute-api:In?ke           | ImplicitDeny |
        | lambda:InvokeFunction       | ImplicitDeny |

    @source:iam-docs @rule:IAM-1.3
    Scenario: A wildcard in the service prefix is Invalid
      Given the policy:
        """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*:Invoke", "Resource": "*"}]}
        """
      When the policy is evaluated for arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/1
      Then the policy is invalid at "Statement[0].Action"

    @source:iam-docs @rule:IAM-1.3
    Scenario: An action other than Invoke is matched on its own name
      Given the policy:
        """
        {"Version": "2012-10-17", "Statement": [{"Sid": "Manage", "Effect": "Allow", "Action": "execute-api:ManageConnections", "Resource": "*"}]}
        """
      When the policy is evaluated for the action "execute-api:ManageConnections" on arn:aws:execute-api:us-east-1:123456789012:abc123/prod/POST/@connections/c1
      Then the decision is Allow
      And the statements that decided are "Manage"

  Rule: IAM-1.4 Resource wildcards: * crosses /, ? is one character, everything else literal and case-sensitive

    @source:iam-docs @rule:IAM-1.4 @rule:POL-4 @rule:POL-5
    Scenario Outline: Resource patterns
      Given the policy:
        """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "<pattern>"}]}
        """
      When the policy is evaluated for <arn>
      Then the decision is <decision>

      Examples:
        | pattern                                                               | arn                                                                              | decision     |
        | arn:aws:execute-api:us-east-1:123456789012:abc123/*                   | arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/1/photos         | Allow        |
        | arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/*     | arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/1/photos         | Allow        |
        | arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/?     | arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/7                | Allow        |
        | arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/?     | arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/                 | ImplicitDeny |
        | arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets       | arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/1                | ImplicitDeny |
        | arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/p.ts       | arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets                  | ImplicitDeny |
        | arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets$      | arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets                  | ImplicitDeny |
        | arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/{proxy+}   | arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/{proxy+}              | Allow        |
        | arn:aws:execute-api:us-east-1:123456789012:abc123/prod/$connect       | arn:aws:execute-api:us-east-1:123456789012:abc123/prod/$disconnect               | ImplicitDeny |
        | arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/Pets       | arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets                  | ImplicitDeny |
        | arn:aws:execute-api:us-east-1:*                                       | arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/GET/pets                  | ImplicitDeny |
        | arn:aws:execute-api:*:*:*                                             | arn:aws:execute-api:eu-west-1:210987654321:zzz999/dev/POST/x                     | Allow        |
        | arn:aws:execute-api:us-*:123456789012:abc123/*                        | arn:aws:execute-api:us-west-2:123456789012:abc123/prod/GET/pets                  | Allow        |
        | arn:aws:execute-api:us-east-1:123456789012:*/prod/DELETE/*            | arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/1                | ImplicitDeny |

    @source:local-decision @rule:IAM-1.4 @rule:IAM-1.8
    Scenario: Partition, region and account are matched case-sensitively too
      Given the policy:
        """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke",
          "Resource": "arn:aws:execute-api:US-EAST-1:123456789012:abc123/*"}]}
        """
      When the policy is evaluated for arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets
      Then the decision is ImplicitDeny
      And statement 0 did not match because of its Resource

    @source:iam-docs @rule:IAM-1.4
    Scenario: A wildcard in the service segment is Invalid
      Given the policy:
        """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "arn:aws:execute-*:us-east-1:*"}]}
        """
      When the policy is evaluated for arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets
      Then the policy is invalid at "Statement[0].Resource"

  Rule: IAM-1.5 NotAction and NotResource match everything except what they list

    @source:iam-docs @rule:IAM-1.5 @rule:POL-7
    Scenario Outline: NotResource and NotAction statements
      Given the policy:
        """
        {"Version": "2012-10-17", "Statement": [<statement>]}
        """
      When the policy is evaluated for <arn>
      Then the decision is <decision>

      Examples:
        | statement                                                                                                                                | arn                                                                    | decision     |
        | {"Effect": "Allow", "Action": "execute-api:Invoke", "NotResource": "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/DELETE/*"}    | arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/1      | Allow        |
        | {"Effect": "Allow", "Action": "execute-api:Invoke", "NotResource": "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/DELETE/*"}    | arn:aws:execute-api:us-east-1:123456789012:abc123/prod/DELETE/pets/1   | ImplicitDeny |
        | {"Effect": "Allow", "NotAction": "execute-api:InvalidateCache", "Resource": "*"}                                                         | arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/1      | Allow        |
        | {"Effect": "Allow", "NotAction": ["execute-api:*"], "Resource": "*"}                                                                     | arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/1      | ImplicitDeny |

    @source:iam-docs @rule:IAM-1.5
    Scenario: A NotAction that lists the action explains the mismatch by its Action
      Given the policy:
        """
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "NotAction": "execute-api:Invoke", "Resource": "*"},
          {"Effect": "Allow", "Action": "execute-api:Invoke", "NotResource": "*"}]}
        """
      When the policy is evaluated for arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/1
      Then the decision is ImplicitDeny
      And statement 0 did not match because of its Action
      And statement 1 did not match because of its Resource

  Rule: IAM-1.6 Conditions: operators, absent keys, IfExists, set qualifiers

    @source:iam-docs @rule:IAM-1.6
    Scenario Outline: Condition operators against a request context
      Given the policy:
        """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*",
          "Condition": {"<operator>": {"<key>": <expected>}}}]}
        """
      When the policy is evaluated for arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/1 with the request context:
        | key           | value           |
        | <context key> | <context value> |
      Then the decision is <decision>

      Examples: Operators on a present key
        | operator                  | key                 | expected                   | context key         | context value        | decision     |
        | StringEquals              | aws:UserAgent       | "curl/8.0"                 | aws:UserAgent       | curl/8.0             | Allow        |
        | StringEquals              | aws:UserAgent       | "curl/8.0"                 | aws:UserAgent       | Curl/8.0             | ImplicitDeny |
        | StringEqualsIgnoreCase    | aws:UserAgent       | "curl/8.0"                 | aws:UserAgent       | Curl/8.0             | Allow        |
        | StringLike                | aws:UserAgent       | "curl/*"                   | aws:UserAgent       | curl/7.1             | Allow        |
        | StringNotEquals           | aws:UserAgent       | ["curl/8.0", "wget"]       | aws:UserAgent       | wget                 | ImplicitDeny |
        | NumericLessThan           | aws:EpochTime       | 1800000000                 | aws:EpochTime       | 1768478400           | Allow        |
        | DateLessThan              | aws:CurrentTime     | "2026-02-01T00:00:00Z"     | aws:CurrentTime     | 2026-01-15T12:00:00Z | Allow        |
        | IpAddress                 | aws:SourceIp        | "203.0.113.0/24"           | aws:SourceIp        | 203.0.113.9          | Allow        |
        | ArnLike                   | aws:SourceArn       | "arn:aws:execute-api:*:*:abc123/*" | aws:SourceArn | arn:aws:execute-api:us-east-1:123456789012:abc123/prod | Allow |

      Examples: Operators on an absent key
        | operator                  | key                 | expected                   | context key         | context value        | decision     |
        | StringEquals              | aws:UserAgent       | "curl/8.0"                 | custom:other        | x                    | ImplicitDeny |
        | StringNotEquals           | aws:UserAgent       | "curl/8.0"                 | custom:other        | x                    | Allow        |
        | NotIpAddress              | aws:SourceIp        | "203.0.113.0/24"           | custom:other        | x                    | Allow        |
        | StringEqualsIfExists      | aws:UserAgent       | "curl/8.0"                 | custom:other        | x                    | Allow        |
        | Null                      | aws:UserAgent       | "true"                     | custom:other        | x                    | Allow        |
        | ForAllValues:StringEquals | custom:groups       | ["admins", "ops"]          | custom:other        | x                    | Allow        |
        | ForAnyValue:StringEquals  | custom:groups       | ["admins", "ops"]          | custom:other        | x                    | ImplicitDeny |

    @source:iam-docs @rule:IAM-1.6
    Scenario Outline: Set qualifiers on a multi-valued key
      Given the policy:
        """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*",
          "Condition": {"<operator>": {"custom:groups": ["admins", "ops"]}}}]}
        """
      When the policy is evaluated for arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/1 with the request context:
        | key           | value    |
        | custom:groups | ops      |
        | custom:groups | <second> |
      Then the decision is <decision>

      Examples:
        | operator                  | second  | decision     |
        | ForAnyValue:StringEquals  | readers | Allow        |
        | ForAllValues:StringEquals | readers | ImplicitDeny |
        | ForAllValues:StringEquals | admins  | Allow        |
        | StringEquals              | admins  | ImplicitDeny |

    @source:iam-docs @rule:IAM-1.6
    Scenario Outline: Keys are ANDed, values of one key are ORed
      Given the policy:
        """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*",
          "Condition": {"StringEquals": {"aws:UserAgent": ["curl/8.0", "wget"]}, "IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}]}
        """
      When the policy is evaluated for arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/1 with the request context:
        | key           | value   |
        | aws:UserAgent | <agent> |
        | aws:SourceIp  | <ip>    |
      Then the decision is <decision>

      Examples:
        | agent    | ip           | decision     |
        | wget     | 203.0.113.9  | Allow        |
        | curl/8.0 | 203.0.113.9  | Allow        |
        | wget     | 198.51.100.1 | ImplicitDeny |
        | httpie   | 203.0.113.9  | ImplicitDeny |

    @source:iam-docs @rule:IAM-1.6
    Scenario Outline: Malformed conditions are Invalid
      Given the policy:
        """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*",
          "Condition": <condition>}]}
        """
      When the policy is evaluated for arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/1
      Then the policy is invalid at "<path>"

      Examples:
        | condition                                                | path                                               |
        | {"StringEqualz": {"aws:UserAgent": "curl"}}              | Statement[0].Condition.StringEqualz                |
        | {"NumericLessThan": {"aws:EpochTime": "soon"}}           | Statement[0].Condition.NumericLessThan.aws:EpochTime |
        | {"IpAddress": {"aws:SourceIp": ["10.0.0.0/8", "10.0.0.0/99"]}} | Statement[0].Condition.IpAddress.aws:SourceIp[1] |
        | "aws:SourceIp"                                           | Statement[0].Condition                             |

    @source:local-decision @rule:IAM-1.6 @rule:POL-6 @verify-on-aws
    Scenario: With conditions rejected, any Condition makes the policy Invalid
      Given conditions are rejected as invalid
      And the policy:
        """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*",
          "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}]}
        """
      When the policy is evaluated for arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/1
      Then the policy is invalid at "Statement[0].Condition"

  Rule: IAM-1.7 Explicit deny > allow > implicit deny, whatever the order

    @source:iam-docs @rule:IAM-1.7 @rule:POL-1
    Scenario Outline: Statement order never changes the decision
      Given the policy:
        """
        {"Version": "2012-10-17", "Statement": [<first>, <second>]}
        """
      When the policy is evaluated for arn:aws:execute-api:us-east-1:123456789012:abc123/prod/DELETE/pets/1
      Then the decision is ExplicitDeny
      And the statements that decided are "DenyDelete"

      Examples:
        | first                                                                                                                   | second                                                                                                                  |
        | {"Sid": "AllowAll", "Effect": "Allow", "Action": "*", "Resource": "*"}                                                  | {"Sid": "DenyDelete", "Effect": "Deny", "Action": "execute-api:Invoke", "Resource": "arn:aws:execute-api:*:*:*/*/DELETE/*"} |
        | {"Sid": "DenyDelete", "Effect": "Deny", "Action": "execute-api:Invoke", "Resource": "arn:aws:execute-api:*:*:*/*/DELETE/*"} | {"Sid": "AllowAll", "Effect": "Allow", "Action": "*", "Resource": "*"}                                                  |

    @source:iam-docs @rule:IAM-1.7
    Scenario: Every matching statement of the winning effect is a deciding statement
      Given the policy:
        """
        {"Version": "2012-10-17", "Statement": [
          {"Sid": "AllowStage", "Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/*"},
          {"Effect": "Allow", "Action": "execute-api:*", "Resource": "arn:aws:execute-api:us-east-1:123456789012:abc123/*/GET/*"},
          {"Sid": "DenyPost", "Effect": "Deny", "Action": "execute-api:Invoke", "Resource": "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/POST/*"}]}
        """
      When the policy is evaluated for arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/1
      Then the decision is Allow
      And the statements that decided are "AllowStage, #1"
      And statement 2 did not match because of its Resource

    @source:iam-docs @rule:IAM-1.7
    Scenario: Nothing matching is an implicit deny with no deciding statement
      Given the policy:
        """
        {"Version": "2012-10-17", "Statement": [
          {"Sid": "DenyPost", "Effect": "Deny", "Action": "execute-api:Invoke", "Resource": "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/POST/*"}]}
        """
      When the policy is evaluated for arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/1
      Then the decision is ImplicitDeny
      And the statements that decided are ""

  Rule: IAM-1.8 What API Gateway honours, where the emulators go wrong

    @source:iam-docs @rule:IAM-1.8 @rule:POL-1 @needs:gateway-emulation
    Scenario: A Deny statement is never ignored (SAM CLI ignores them)
      Given a REST API
      And a valid token
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"},
          {"Sid": "DenyPets", "Effect": "Deny", "Action": "execute-api:Invoke", "Resource": "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/*"}]}}
        """
      When the client calls GET /pets/1
      Then access is denied by an explicit deny
      And the deciding statement is "DenyPets"

    @source:iam-docs @rule:IAM-1.8 @rule:POL-2 @needs:gateway-emulation
    Scenario: The Action is checked (serverless-offline ignores it)
      Given a REST API
      And a valid token
      And the authorizer function returns:
        """
        {"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}}
        """
      When the client calls GET /pets/1
      Then access is denied: no statement matches

    @source:iam-docs @rule:IAM-1.8 @rule:POL-4
    Scenario Outline: A Resource is matched from its start (serverless-offline's path match is a suffix match)
      Given the policy:
        """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "<pattern>"}]}
        """
      When the policy is evaluated for <arn>
      Then the decision is <decision>

      Examples:
        | pattern                                                        | arn                                                                          | decision     |
        | arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets | arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/admin/pets       | ImplicitDeny |
        | arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets | arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/extra       | ImplicitDeny |
        | arn:aws:execute-api:us-east-1:123456789012:bc123/prod/GET/pets  | arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets             | ImplicitDeny |
