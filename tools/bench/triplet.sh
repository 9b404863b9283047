#!/usr/bin/env bash
# Performance sanity for docs/BENCHMARKS.md: triplet loss on 128-dimensional embeddings beside a
# bare scan of the same parquet table. Usage: tools/bench/triplet.sh [ROWS] [DIM] [PATH] [RUNS]
# The table is generated on first use (1M x 3 x 128 doubles is about 3 GB) and kept for reruns.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -B -o test-compile
CP_FILE=target/test-classpath.txt
[ -f "$CP_FILE" ] && [ ! pom.xml -nt "$CP_FILE" ] || \
  mvn -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE"
OPENS="$(sed -n 's:.*<spark.java.opens>\(.*\)</spark.java.opens>.*:\1:p' pom.xml)"
# shellcheck disable=SC2086
exec java $OPENS ${BENCH_JAVA_OPTS:-} -Xmx${BENCH_HEAP:-6g} -Dspark.master="${BENCH_MASTER:-local[*]}" \
  -Dlog4j2.configurationFile=file:conf/log4j2.properties \
  -cp "target/test-classes:target/classes:$(cat "$CP_FILE")" dev.sparkeval.bench.TripletBench "$@"
