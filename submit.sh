#!/usr/bin/env bash
# Runs sparkeval through spark-submit:  ./submit.sh [SPARK-SUBMIT OPTIONS] COMMAND [OPTIONS]
# Everything before COMMAND goes to spark-submit unchanged. With SPARK_HOME set, that install's
# spark-submit is used; otherwise Spark's own SparkSubmit runs from the jars Maven resolved.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
JAR="$HERE/target/sparkeval.jar"
CP_FILE="$HERE/target/classpath.txt"
export SPARKEVAL_HOME="$HERE"

# Split spark-submit options from the command: the first word that is not an option (or an
# option's value) is the command.
submit_opts=()
has_master=0
takes_value='^--(master|deploy-mode|class|name|jars|packages|exclude-packages|repositories|py-files|files|archives|conf|properties-file|driver-memory|driver-java-options|driver-library-path|driver-class-path|executor-memory|proxy-user|driver-cores|total-executor-cores|executor-cores|num-executors|queue|principal|keytab|supervise-no)$'
while [ $# -gt 0 ]; do
  case "$1" in
    --help|-h) set -- help; break ;;  # ours (commands, where Spark's options go); --spark-help is spark-submit's
    --spark-help) submit_opts+=(--help); shift ;;
    -c) submit_opts+=("$1" "$2"); shift 2 ;;
    --*=*) [[ "$1" == --master=* ]] && has_master=1; submit_opts+=("$1"); shift ;;
    --*)
      [ "$1" = "--master" ] && has_master=1
      if [[ "$1" =~ $takes_value ]]; then submit_opts+=("$1" "$2"); shift 2; else submit_opts+=("$1"); shift; fi ;;
    *) break ;;
  esac
done
[ $has_master -eq 1 ] || submit_opts=(--master 'local[*]' "${submit_opts[@]+"${submit_opts[@]}"}")
if [[ " ${submit_opts[*]-} " == *" --help "* ]]; then set --; elif [ $# -eq 0 ]; then set -- demo; fi

# Build when the jar (or the class path made with it) is missing or older than any source. Maven's
# output goes to a log: shown only when the build fails.
if [ ! -f "$JAR" ] || [ ! -f "$CP_FILE" ] || [ -n "$(find "$HERE/src/main" "$HERE/pom.xml" -newer "$JAR" -print -quit)" ]; then
  echo "sparkeval: building $JAR (log: target/build.log) ..." >&2
  mkdir -p "$HERE/target"
  if ! (cd "$HERE" && mvn -B -DskipTests package) > "$HERE/target/build.log" 2>&1; then
    sed 's/\x1b\[[0-9;]*m//g' "$HERE/target/build.log" | grep -E 'ERROR|BUILD' | head -40 >&2
    echo "sparkeval: the build failed; the whole log is in $HERE/target/build.log" >&2
    exit 1
  fi
fi

LOG_OPT="-Dlog4j2.configurationFile=file:$HERE/conf/log4j2.properties"
if [ -n "${SPARK_HOME:-}" ]; then
  exec "$SPARK_HOME/bin/spark-submit" --driver-java-options "$LOG_OPT" "${submit_opts[@]}" \
    --class dev.sparkeval.cli.Main "$JAR" "$@"
fi

# The module flags Spark's launcher adds on Java 17 (JavaModuleOptions), kept in one place: the pom.
OPENS="$(sed -n 's:.*<spark.java.opens>\(.*\)</spark.java.opens>.*:\1:p' "$HERE/pom.xml")"
# MLlib's Java BLAS is vectorised only with the incubator module, which makes the JVM print a warning:
# added for bench alone, where MLlib is timed.
[ "${1:-}" = bench ] && OPENS="$OPENS --add-modules=jdk.incubator.vector"
export SPARK_CONF_DIR="${SPARK_CONF_DIR:-$HERE/conf}"
# shellcheck disable=SC2086
exec java $OPENS ${SPARKEVAL_JAVA_OPTS:--Xmx4g} "$LOG_OPT" -cp "$HERE/conf:$(cat "$CP_FILE")" \
  org.apache.spark.deploy.SparkSubmit "${submit_opts[@]}" --class dev.sparkeval.cli.Main "$JAR" "$@"
