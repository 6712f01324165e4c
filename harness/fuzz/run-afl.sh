#!/usr/bin/env bash
# Coverage-guided fuzzing of every parser with AFL++ and SharpFuzz (docs/fuzzing.md).
#   harness/fuzz/run-afl.sh [SECONDS_PER_TARGET] [TARGET…]
# Builds the fuzz project into a scratch folder, instruments the project's own assemblies there with the sharpfuzz tool
# (harness/fuzz/dotnet-tools.json), then runs afl-fuzz on each target in turn (one fuzzer at a time, at nice 19),
# seeded from harness/fuzz/corpus/<target> (or $FUZZ_SEEDS/<target>). Findings land in
# $AFL_OUT/<target>/default/{crashes,hangs,queue}. Exits 1 when any target saved a crash or a hang.
# Needs afl++ (Debian: apt-get install afl++).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(policy output scenario profile runtime-api token)
build=${FUZZ_BUILD:-$(mktemp -d)/build}
out=${AFL_OUT:-$here/../../artifacts/afl}
seeds=${FUZZ_SEEDS:-$here/corpus}
found=0
command -v afl-fuzz >/dev/null || { echo "afl-fuzz not found: apt-get install afl++" >&2; exit 2; }

dotnet build "$here/AuthorizerConformance.Fuzz/AuthorizerConformance.Fuzz.csproj" -c Release -o "$build" -v q -nologo
(cd "$here" && dotnet tool restore >/dev/null)
for dll in AuthorizerConformance.Policy AuthorizerConformance.Gateway AuthorizerConformance.Harness \
           AuthorizerConformance.Functions AuthorizerConformance.Authorizer; do
  (cd "$here" && dotnet sharpfuzz "$build/$dll.dll" >/dev/null)
done

export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1 \
       AFL_NO_AFFINITY=1 AFL_FORKSRV_INIT_TMOUT=60000 DOTNET_TieredPGO=0
for target in "${targets[@]}"; do
  mkdir -p "$out/$target"
  echo "fuzzing $target for ${seconds}s"
  # -t: an input that takes over 5 s is a hang; -V: stop after the given seconds; -m none: .NET reserves much address space.
  nice -n 19 afl-fuzz -i "$seeds/$target" -o "$out/$target" -t 5000 -m none -V "$seconds" \
    -- dotnet "$build/AuthorizerConformance.Fuzz.dll" "$target" >"$out/$target.log" 2>&1 || true
  stats="$out/$target/default/fuzzer_stats"
  if [ -f "$stats" ]; then
    grep -E '^(execs_done|run_time|corpus_count|saved_crashes|saved_hangs|bitmap_cvg) ' "$stats" | tr -s ' ' | paste -sd' ' | sed "s/^/$target: /"
    grep -qE '^saved_(crashes|hangs) +: [1-9]' "$stats" && found=1
  else
    echo "$target: afl-fuzz did not start; see $out/$target.log" >&2
    tail -n 20 "$out/$target.log" >&2
    found=1
  fi
done
exit "$found"
