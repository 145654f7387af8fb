#!/usr/bin/env bash
# Makes the screenshots of the cluster view and the canary report in this directory, for docs/standalone.md.
#
#   docs/screenshots/make.sh            (from any directory; about 3 minutes, most of it the Maven build)
#
# It builds the standalone server with the reactor (never `mvn install`) and runs
# standalone/src/test/java/io/clusterdeploy/standalone/server/DocScreenshots.java through surefire, which starts the
# real server and Debian's Chromium (apt-get install -y chromium chromium-driver) like the browser tests, and writes:
#   cluster-view.png              a small application on two local accounts (one protected), a deploy running
#   action-resize-plan.png        the resize dialog with its plan and a reason
#   action-protected-destroy.png  a destroy on the protected account, asking for the account's name
#   action-cancel.png             the cancel dialog of the running deploy, with a reason
#   operation-cancelled.png       its timeline once cancelled: who asked for the cancel and why
#   instance-panel.png            an instance's panel: its details and the end of its log
#   cluster-view-filtered.png     the view filtered (stack and enabled/disabled, kept in the URL)
#   applications-overview.png     the overview of every application
#   big-application.png           the 10,000-group application of the synthetic account
#   canary-report.png             the report of a canary deploy whose canary is 20 ms slower
# Each scene waits for what it shows and the run fails naming the scene otherwise; nothing is written for a scene
# that failed. It is not part of the build or of .ci/run: DocScreenshots is outside surefire's default includes and
# skips itself without -Dcd.screenshots. After changing the view, run it, look at every picture, and commit them.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$root/docs/screenshots"
for tool in chromium chromedriver mvn; do
  command -v "$tool" >/dev/null || { echo "make.sh: $tool is needed (apt-get install -y chromium chromium-driver maven)" >&2; exit 2; }
done
cd "$root"
log="$(mktemp -t doc-screenshots.XXXXXX.log)"
if ! mvn -B -pl standalone -am verify -Dsurefire.failIfNoSpecifiedTests=false -Dtest=DocScreenshots \
    -Dcd.screenshots="$out" >"$log" 2>&1; then
  grep -E "DocScreenshots|ERROR|FAIL|Condition with alias" "$log" | head -60 >&2
  echo "make.sh: failed; the whole Maven output is in $log" >&2
  exit 1
fi
grep -h "DocScreenshots:" "$log" "$root"/standalone/target/surefire-reports/*DocScreenshots*-output.txt 2>/dev/null | sort -u || true
if ! grep -q "Tests run: 1, Failures: 0, Errors: 0, Skipped: 0" "$log"; then
  echo "make.sh: DocScreenshots did not run (skipped?); the Maven output is in $log" >&2
  exit 1
fi
rm -f "$log"
ls -l "$out"/*.png
