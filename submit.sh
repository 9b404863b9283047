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
    -c) submit_opts+=("$1" "$2"); shift 2 ;;
    --*=*) [[ "$1" == --master=* ]] && has_master=1; submit_opts+=("$1"); shift ;;
    --*)
      [ "$1" = "--master" ] && has_master=1
      if [[ "$1" =~ $takes_value ]]; then submit_opts+=("$1" "$2"); shift 2; else submit_opts+=("$1"); shift; fi ;;
    *) break ;;
  esac
done
[ $has_master -eq 1 ] || submit_opts=(--master 'local[*]' "${submit_opts[@]+"${submit_opts[@]}"}")
[ $# -gt 0 ] || set -- demo

# Build when the jar is missing or older than any source.
if [ ! -f "$JAR" ] || [ -n "$(find "$HERE/src/main" "$HERE/pom.xml" -newer "$JAR" -print -quit)" ]; then
  echo "sparkeval: building $JAR ..." >&2
  (cd "$HERE" && mvn -q -B -DskipTests package) >&2
fi

LOG_OPT="-Dlog4j2.configurationFile=file:$HERE/conf/log4j2.properties"
if [ -n "${SPARK_HOME:-}" ]; then
  exec "$SPARK_HOME/bin/spark-submit" --driver-java-options "$LOG_OPT" "${submit_opts[@]}" \
    --class dev.sparkeval.cli.Main "$JAR" "$@"
fi

if [ ! -f "$CP_FILE" ] || [ "$HERE/pom.xml" -nt "$CP_FILE" ]; then
  (cd "$HERE" && mvn -q -B dependency:build-classpath -Dmdep.includeScope=compile -Dmdep.outputFile="$CP_FILE") >&2
fi
# The module flags Spark's launcher adds on Java 17 (JavaModuleOptions), kept in one place: the pom.
OPENS="$(sed -n 's:.*<spark.java.opens>\(.*\)</spark.java.opens>.*:\1:p' "$HERE/pom.xml")"
export SPARK_CONF_DIR="${SPARK_CONF_DIR:-$HERE/conf}"
# shellcheck disable=SC2086
exec java $OPENS ${SPARKEVAL_JAVA_OPTS:--Xmx4g} "$LOG_OPT" -cp "$HERE/conf:$(cat "$CP_FILE")" \
  org.apache.spark.deploy.SparkSubmit "${submit_opts[@]}" --class dev.sparkeval.cli.Main "$JAR" "$@"
