#!/usr/bin/env bash
# Builds the notebook kernel (notebooks/kernel) and registers it with Jupyter for this user as "fiscalscope-sql".
# The kernel JVM gets the project's Spark flags (jobs/target/jvm.options, from the parent pom), C1-only JIT and a
# class-data-sharing archive of the classes a notebook loads, recorded here by a warm-up run: both cut start-up.
# Environment: MVN_FLAGS (extra Maven flags, e.g. -o), FISCALSCOPE_KERNEL_HEAP (default 3g),
# JUPYTER_DATA_DIR (where kernelspecs live, default ~/.local/share/jupyter).
# Options: --build-only (build only: no warm-up, nothing registered), --no-build (warm up and register what an earlier
# --build-only built).
set -euo pipefail
build=yes register=yes
case "${1:-}" in
  --build-only) register=no ;;  # no warm-up either: --no-build records it
  --no-build) build=no ;;
  "") ;;
  -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "install-kernel: unknown option $1 (--build-only, --no-build or none)" >&2; exit 2 ;;
esac
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
target="$here/kernel/target"

if [ "$build" = yes ]; then
  echo "install-kernel: building the kernel …" >&2
  # shellcheck disable=SC2086
  (cd "$root" && ./mvnw -B -q ${MVN_FLAGS:-} -DskipTests package -pl notebooks/kernel -am) >&2
fi
[ "$register" = yes ] || exit 0
[ -f "$target/fiscalscope-kernel.jar" ] || { echo "install-kernel: no kernel built in $target; run without --no-build" >&2; exit 1; }

read -r -a jvm_flags < "$root/jobs/target/jvm.options"
classpath="$target/fiscalscope-kernel.jar"
while IFS= read -r jar; do classpath="$classpath:$jar"; done < <(find "$target/lib" -name '*.jar' | sort)
java_bin="$(readlink -f "$(command -v java)")"
flags=(-XX:TieredStopAtLevel=1 -XX:+UseParallelGC "-Xmx${FISCALSCOPE_KERNEL_HEAP:-3g}" -Djava.awt.headless=true
  "${jvm_flags[@]}")

archive="$target/fiscalscope-kernel.jsa"
rm -f "$archive"
echo "install-kernel: recording the class-data-sharing archive (warm-up run) …" >&2
started=$(date +%s)
FISCALSCOPE_LOG_DIR="$target" "$java_bin" "${flags[@]}" -Xlog:cds=off -Xlog:cds+dynamic=off \
  -XX:ArchiveClassesAtExit="$archive" -cp "$classpath" org.fiscalscope.notebook.KernelMain --warmup >&2 || {
  echo "install-kernel: the warm-up run failed; the kernel starts without the archive" >&2
  rm -f "$archive"
}
echo "install-kernel: warm-up took $(( $(date +%s) - started )) s" >&2
[ -f "$archive" ] && flags+=("-XX:SharedArchiveFile=$archive" -Xshare:auto)

spec="${JUPYTER_DATA_DIR:-$HOME/.local/share/jupyter}/kernels/fiscalscope-sql"
mkdir -p "$spec"
python3 - "$spec/kernel.json" "$java_bin" "$classpath" "${flags[@]}" <<'PY'
import json, sys
out, java, classpath, flags = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
json.dump({
    "argv": [java, *flags, "-cp", classpath, "org.fiscalscope.notebook.KernelMain", "{connection_file}"],
    "display_name": "FiscalScope SQL (Spark)",
    "language": "sql",
    "interrupt_mode": "message",
    "metadata": {"debugger": False},
}, open(out, "w"), indent=1)
PY
echo "install-kernel: kernel fiscalscope-sql registered in $spec" >&2
