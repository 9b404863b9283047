#!/usr/bin/env bash
# Evaluate a prediction table on an existing Spark standalone cluster.
#
# SPARK_HOME is the cluster's Spark 4.1 install (Scala 2.13); ./submit.sh then uses its spark-submit,
# so the cluster's Spark and configuration are used and only target/sparkeval.jar travels.
# The input path must be readable by every executor (HDFS, S3, or a shared file system).
set -euo pipefail
cd "$(dirname "$0")/../.."
export SPARK_HOME="${SPARK_HOME:?set SPARK_HOME to the cluster Spark install}"

./submit.sh \
  --master spark://master-host:7077 \
  --deploy-mode client \
  --total-executor-cores 16 \
  --executor-memory 4g \
  --conf spark.sql.shuffle.partitions=64 \
  evaluate \
    --input hdfs:///data/predictions/2024-06.parquet \
    --task regression \
    --loss mse --loss huber:delta=0.5 --metric r2 \
    --slice segment \
    --gate 'r2>=0.8' \
    --out out/evaluate-2024-06
# Exit codes: 0 ok, 2 bad usage or input (one line on stderr names the fault), 3 the gate failed.
