#!/usr/bin/env bash
# Evaluate on Kubernetes. The image must hold Spark 4.1 (for example apache/spark:4.1.0) and the
# application jar at the path given below (bake it in, or give an https:// or s3a:// URL instead).
set -euo pipefail
export SPARK_HOME="${SPARK_HOME:?set SPARK_HOME to a Spark 4.1 install (for its spark-submit)}"

# In cluster mode the driver runs in a pod and writes the report there: mount a volume for --out
# (here a persistent volume claim named sparkeval-reports) or read the summary from the driver log.
"$SPARK_HOME/bin/spark-submit" \
  --master k8s://https://kubernetes.example.com:6443 \
  --deploy-mode cluster \
  --name sparkeval \
  --conf spark.kubernetes.container.image=registry.example.com/spark-sparkeval:4.1.0 \
  --conf spark.kubernetes.namespace=ml \
  --conf spark.executor.instances=4 \
  --conf spark.kubernetes.driver.volumes.persistentVolumeClaim.reports.mount.path=/reports \
  --conf spark.kubernetes.driver.volumes.persistentVolumeClaim.reports.options.claimName=sparkeval-reports \
  --class dev.sparkeval.cli.Main \
  local:///opt/sparkeval/sparkeval.jar \
  evaluate --input s3a://bucket/predictions/ --format parquet --task regression \
    --loss mse --metric r2 --out /reports/latest
