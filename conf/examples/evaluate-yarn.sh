#!/usr/bin/env bash
# Evaluate on YARN. HADOOP_CONF_DIR (or YARN_CONF_DIR) must point at the cluster's configuration.
#
# In client mode the report is written on this machine (--out is a local folder). In cluster mode
# the driver runs in a YARN container: give --out a folder that container can write, and read the
# summary from the application's driver log (yarn logs -applicationId ...).
# --table reads a catalog table: that needs the cluster's metastore (spark.sql.catalogImplementation=hive).
set -euo pipefail
cd "$(dirname "$0")/../.."
export SPARK_HOME="${SPARK_HOME:?set SPARK_HOME to a Spark 4.1 install}"
export HADOOP_CONF_DIR="${HADOOP_CONF_DIR:-/etc/hadoop/conf}"

./submit.sh \
  --master yarn \
  --deploy-mode client \
  --queue default \
  --num-executors 8 --executor-cores 2 --executor-memory 4g \
  evaluate \
    --table analytics.predictions_daily \
    --task regression --weight exposure \
    --loss mse --loss mae --metric r2 --metric mean_error \
    --slice region,channel \
    --out out/daily
