#!/usr/bin/env bash
# Losses and metrics with SQL: per-slice values of a prediction table written as CSV.
# The `sql` command registers every loss and metric as an aggregate function; --view names a file.
set -euo pipefail
cd "$(dirname "$0")/../.."

./submit.sh sql \
  --view preds=out/demo/diabetes_predictions.parquet \
  "SELECT sex, COUNT(*) AS n, mse(label, prediction) AS mse, rmse(label, prediction) AS rmse,
          huber(label, prediction, 'delta=50') AS huber, r2(label, prediction) AS r2
   FROM preds GROUP BY sex ORDER BY sex" \
  --out out/sql-report
# Prints the table and writes out/sql-report/result.csv (run ./submit.sh demo first for the input).
