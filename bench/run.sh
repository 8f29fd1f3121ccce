#!/usr/bin/env bash
# The benchmark in one command: builds the jobs and bench jars, times the demo nightly from a cold JVM, then runs
# org.fiscalscope.bench.Bench (scales, DuckDB comparison, extraction) and writes bench/RESULTS.md.
# Usage: bench/run.sh [--scales 1000,10000,100000] [--reps 3] [--large-reps 1] [--out FILE] …  (--help for all)
#        bench/run.sh --cluster   (the demo and a 10k district on a Spark standalone cluster, compared with local runs)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
echo "bench: building the jobs and bench jars …" >&2
./mvnw -q -B -DskipTests package -pl bench -am >&2

load_before="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
cold=NaN
archived=""
# Seconds of one demo nightly from a cold JVM into a fresh lake (NaN when it failed; exit 3 is a run with flags).
demo() {
  rm -rf "$scratch/lake" "$scratch/reports"
  local start rc=0
  start=$(date +%s.%N)
  ./fiscalscope nightly --lake "$scratch/lake" --report "$scratch/reports" --master 'local[2]' >/dev/null 2>&1 || rc=$?
  if [ "$rc" != 0 ] && [ "$rc" != 3 ]; then
    echo "bench: the demo nightly failed (exit $rc); its time is not reported" >&2
    echo NaN
  else
    echo "$(date +%s.%N) - $start" | bc
  fi
}
case " $* " in
  *" --cluster "*|*" --help "*|*" -h "*) ;;  # the cluster comparison does not report the cold demo
  *)
    # The first run of a build has no class-data-sharing archive (it records the classes it loads); the launcher's
    # archive is then written as an installation script would (FISCALSCOPE_CDS=wait), and three runs map it.
    rm -rf "${FISCALSCOPE_CDS_DIR:-$root/jobs/target/cds}"
    echo "bench: demo nightly from a cold JVM, the first run of this build …" >&2
    cold=$(demo)
    echo "bench: writing the launcher's class-data-sharing archive …" >&2
    FISCALSCOPE_CDS=wait ./fiscalscope --help >/dev/null 2>&1 || true
    for i in 1 2 3; do
      echo "bench: demo nightly from a cold JVM with the archive, run $i of 3 …" >&2
      archived="$archived${archived:+,}$(demo)"
    done
    ;;
esac

read -r -a jvm_flags < "$root/jobs/target/jvm.options"
exec java -Xmx"${FISCALSCOPE_HEAP:-8g}" -XX:+UseParallelGC "${jvm_flags[@]}" \
  -Dlog4j2.configurationFile="$root/conf/log4j2.properties" \
  -cp "$root/bench/target/fiscalscope-bench.jar:$root/bench/target/lib/*:$root/jobs/target/fiscalscope.jar:$root/jobs/target/lib/*" \
  org.fiscalscope.bench.Bench --cold-demo-seconds "$cold" ${archived:+--cold-demo-archive-seconds "$archived"} --load-before "$load_before" "$@"
