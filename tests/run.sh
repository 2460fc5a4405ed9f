#!/usr/bin/env bash
# Runs the whole test suite: unit tests and interop tests against real SIP peers.
# As root it installs the Debian test tools that are missing; otherwise it says what to install.
# Ends with one line "N passed, N failed" counted from the TRX results.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

"$root/tests/install-test-tools.sh"

results="$root/TestResults"
rm -rf "$results"
status=0
dotnet test Softswitch.sln -c Release --nologo \
  --logger "trx" --results-directory "$results" -- NUnit.DefaultTimeout=300000 || status=$?

# Count outcomes from every TRX file the run wrote (one per test project).
passed=0; failed=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  p=$(grep -o '<Counters [^>]*' "$trx" | grep -o ' passed="[0-9]*"' | grep -o '[0-9]*' || echo 0)
  f=$(grep -o '<Counters [^>]*' "$trx" | grep -o ' failed="[0-9]*"' | grep -o '[0-9]*' || echo 0)
  passed=$((passed + p)); failed=$((failed + f))
done
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then
  echo "no test results found in $results" >&2
  status=1
fi
echo "${passed} passed, ${failed} failed"
exit "$status"
