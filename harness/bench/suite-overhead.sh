#!/usr/bin/env bash
# Suite overhead (issue 11, item 7): what one no-op scenario costs inside the feature runner, and the wall time of
# the whole in-process suite. Not a test: a measurement printed with the machine's load. Usage:
#   harness/bench/suite-overhead.sh [N]     (N no-op scenarios against 1; default 400; needs a built steps project)
# Per-scenario overhead = (wall(N+1 scenarios) - wall(1 scenario)) / N, each the median of 3 runs of the built suite
# (xUnit's in-process runner, the way authz run and dotnet test run it), Reqnroll's formatters on as in a normal run.
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-400}
suite=steps/bin/Debug/net10.0/AuthorizerConformance.Steps.dll
[ -f "$suite" ] || { echo "build first: dotnet build steps/AuthorizerConformance.Steps.csproj" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

write_features() { # $1 folder, $2 count
  mkdir -p "$1"
  {
    echo "Feature: No-op"
    for i in $(seq 1 "$2"); do
      printf '\n  @source:local-decision @rule:TOK-6\n  Scenario: No-op %s\n    Given a REST API\n' "$i"
    done
  } > "$1/NoOp.feature"
}

wall() { # $1 features folder → seconds (median of 3)
  for _ in 1 2 3; do
    start=$(date +%s.%N)
    AUTHZ_FEATURES_DIR="$1" REQNROLL_FORMATTERS="{\"formatters\":{\"html\":{\"outputFilePath\":\"$work/r.html\"},\"message\":{\"outputFilePath\":\"$work/r.ndjson\"}}}" \
      dotnet exec "$suite" -noLogo -class AuthorizerConformance.Steps.FeatureTests > "$work/out.txt" 2>&1 || { cat "$work/out.txt" >&2; exit 1; }
    end=$(date +%s.%N)
    echo "$end - $start" | bc
  done | sort -n | sed -n 2p
}

write_features "$work/one" 1
write_features "$work/many" $((n + 1))
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
one=$(wall "$work/one")
many=$(wall "$work/many")
echo "1 scenario: ${one} s wall; $((n + 1)) scenarios: ${many} s wall"
echo "per no-op scenario: $(echo "scale=3; ($many - $one) * 1000 / $n" | bc) ms (target ≤ 1 ms)"
start=$(date +%s.%N)
dotnet test --project steps/AuthorizerConformance.Steps.csproj --no-build > "$work/suite.txt" 2>&1 || true
end=$(date +%s.%N)
echo "whole suite, dotnet test --no-build: $(echo "$end - $start" | bc) s wall (target ≤ 4 s); $(grep -E '^\s+total:' "$work/suite.txt" | tail -1 | xargs)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
