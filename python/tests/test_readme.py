"""The README's Python example runs as written on a Classic session (over Connect: test_connect)."""
from conftest import readme_example, run_readme_example


def test_the_readme_example_runs_as_written(spark, tmp_path):
    names = run_readme_example(readme_example(), tmp_path)
    result = names["result"]
    assert result.via == "engine" and result.passed
    assert set(result.values) == {"bce", "auc_roc", "f1", "log_loss"}
    assert sorted(p.name for p in (tmp_path / "out" / "python-eval").iterdir()) == [
        "metrics.csv", "report.html", "report.json"]
    assert len(names["cv"].avgMetrics) == 3
