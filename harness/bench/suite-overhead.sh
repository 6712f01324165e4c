#!/usr/bin/env bash
# Suite overhead (issue 11, item 7): what one no-op scenario costs inside the feature runner, and the wall time of
# the whole in-process suite. Not a test: a measurement printed with the machine's load. Usage:
#   harness/bench/suite-overhead.sh [N] [BASE_DLL]   (N no-op scenarios against 1; default 400; needs a built steps project)
# Per-scenario overhead = (run(N+1 scenarios) - run(1 scenario)) / N, each the median of 3 runs of the built suite
# (xUnit's in-process runner, the way authz run and dotnet test run it), Reqnroll's formatters on as in a normal run.
# Two figures per run: wall clock (the target's measure; meaningless on a loaded machine) and CPU time, user + system
# of the run's processes (far less disturbed by other load: the figure to compare builds with on a shared machine).
# With BASE_DLL (another build's AuthorizerConformance.Steps.dll) the same runs alternate between it and this build,
# for an A/B comparison in one run. SUITE_OVERHEAD_SKIP_NOOP=1 skips the no-op runs, SUITE_OVERHEAD_SKIP_WHOLE=1 the
# whole-suite run; SUITE_OVERHEAD_WHOLE_RUNS=N
# runs it N times (default 3); SUITE_OVERHEAD_BASE_TREE=DIR alternates it with another clone's (built) suite.
# Each build is measured as a normal run is (two lanes in parallel against the in-process reference) and with
# AUTHZ_LANES=1 (one lane: the cost of a scenario on one core, the figure comparable with runs before the lanes).
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-400}
suite=$PWD/steps/bin/Debug/net10.0/AuthorizerConformance.Steps.dll
base=${2:-}
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
  touch -d '-1 minute' "$1/NoOp.feature" # as a feature file at rest is (not written within the last seconds)
}

once() { # $1 dll, $2 features folder, $3 lanes ("" = the default) → "wall cpu" seconds
  local TIMEFORMAT='%R %U %S'
  { time AUTHZ_LANES="$3" AUTHZ_FEATURES_DIR="$2" REQNROLL_FORMATTERS="{\"formatters\":{\"html\":{\"outputFilePath\":\"$work/r.html\"},\"message\":{\"outputFilePath\":\"$work/r.ndjson\"}}}" \
      dotnet exec "$1" -noLogo -class AuthorizerConformance.Steps.FeatureTests > "$work/out.txt" 2>&1 || { cat "$work/out.txt" >&2; exit 1; } ; } 2> "$work/time.txt"
  awk '{ printf "%s %.3f\n", $1, $2 + $3 }' "$work/time.txt"
}

median() { sort -n | sed -n 2p; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "${SUITE_OVERHEAD_SKIP_NOOP:-}" != 1 ]; then
  write_features "$work/one" 1
  write_features "$work/many" $((n + 1))
  builds=("$suite")
  [ -n "$base" ] && builds=("$base" "$suite")
  declare -A wall cpu
  for round in 1 2 3; do
    for dll in "${builds[@]}"; do
      for lanes in default 1; do
        for size in one many; do
          once "$dll" "$work/$size" "$([ "$lanes" = default ] || echo "$lanes")" > "$work/run.txt"
          read -r w c < "$work/run.txt"
          wall[$dll,$lanes,$size]+="$w "
          cpu[$dll,$lanes,$size]+="$c "
        done
      done
    done
  done
  for dll in "${builds[@]}"; do
    for lanes in default 1; do
      label="$([ "$dll" = "$suite" ] && echo "this build" || echo "base $dll"), $([ "$lanes" = default ] && echo "lanes as a run has them" || echo "AUTHZ_LANES=1")"
      w1=$(echo ${wall[$dll,$lanes,one]} | tr ' ' '\n' | median); wn=$(echo ${wall[$dll,$lanes,many]} | tr ' ' '\n' | median)
      c1=$(echo ${cpu[$dll,$lanes,one]} | tr ' ' '\n' | median); cn=$(echo ${cpu[$dll,$lanes,many]} | tr ' ' '\n' | median)
      echo "$label: 1 scenario: ${w1} s wall, ${c1} s CPU; $((n + 1)) scenarios: ${wn} s wall, ${cn} s CPU"
      echo "$label: per no-op scenario: $(echo "scale=3; ($wn - $w1) * 1000 / $n" | bc) ms wall (target ≤ 1 ms), $(echo "scale=3; ($cn - $c1) * 1000 / $n" | bc) ms CPU"
    done
  done
fi
if [ "${SUITE_OVERHEAD_SKIP_WHOLE:-}" != 1 ]; then
  # The whole in-process suite, `dotnet test --no-build` (the target's measure), SUITE_OVERHEAD_WHOLE_RUNS times (default 3);
  # with SUITE_OVERHEAD_BASE_TREE (another clone of this repository, its steps project built) the runs alternate between
  # that tree and this one, and the medians of both are printed.
  trees=("$PWD")
  [ -n "${SUITE_OVERHEAD_BASE_TREE:-}" ] && trees=("$(cd "$SUITE_OVERHEAD_BASE_TREE" && pwd)" "$PWD")
  declare -A whole
  TIMEFORMAT='%R %U %S'
  for round in $(seq 1 "${SUITE_OVERHEAD_WHOLE_RUNS:-3}"); do
    for tree in "${trees[@]}"; do
      { time (cd "$tree" && dotnet test --project steps/AuthorizerConformance.Steps.csproj --no-build -- --filter-class AuthorizerConformance.Steps.FeatureTests > "$work/suite.txt" 2>&1) || true ; } 2> "$work/time.txt"
      read -r w u s < "$work/time.txt"
      whole[$tree]+="$w "
      echo "in-process suite (FeatureTests against the reference), dotnet test --no-build, $([ "$tree" = "$PWD" ] && echo "this tree" || echo "base $tree"), run $round: $w s wall (target ≤ 4 s), $(echo "$u + $s" | bc) s CPU; $(grep -E '^\s+total:' "$work/suite.txt" | tail -1 | xargs), $(grep -E '^\s+failed:' "$work/suite.txt" | tail -1 | xargs)"
    done
  done
  for tree in "${trees[@]}"; do
    sorted=$(echo ${whole[$tree]} | tr ' ' '\n' | sort -n)
    count=$(echo "$sorted" | wc -l)
    echo "in-process suite, $([ "$tree" = "$PWD" ] && echo "this tree" || echo "base $tree"): median $(echo "$sorted" | sed -n "$(( (count + 1) / 2 ))p") s wall over $count runs, fastest $(echo "$sorted" | head -1) s, slowest $(echo "$sorted" | tail -1) s, $(echo "$sorted" | awk '$1 > 4' | wc -l) above 4 s"
  done
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
