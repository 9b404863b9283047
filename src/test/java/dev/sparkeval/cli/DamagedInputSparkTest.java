package dev.sparkeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparkeval.testkit.BadInput;
import dev.sparkeval.testkit.Cli;
import dev.sparkeval.testkit.SparkTests;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged inputs that only show once Spark reads them, and checks made from the data before the pass. */
class DamagedInputSparkTest {
  @TempDir static Path dir;

  @Test
  void aPartFileSparkCannotReadIsNamedWithExit2() throws Exception {
    Path t = dir.resolve("t.parquet");
    SparkTests.spark().range(20).selectExpr("cast(id as double) as label", "cast(id as double) + 0.5 as prediction")
        .coalesce(1).write().parquet(t.toString());
    // framed like a parquet file (magic at both ends, a footer length that fits) but with a garbage footer
    ByteBuffer b = ByteBuffer.allocate(4 + 32 + 4 + 4).order(ByteOrder.LITTLE_ENDIAN);
    b.put("PAR1".getBytes(StandardCharsets.US_ASCII)).put(new byte[32]).putInt(16).put("PAR1".getBytes(StandardCharsets.US_ASCII));
    Files.write(t.resolve("part-99999-broken.parquet"), b.array());
    Cli.Run r = BadInput.expect(dir, List.of("cannot read the input file", "part-99999-broken.parquet", "FAILED_READ_FILE",
        "remove it or write the table again"), List.of("evaluate", "--input", t.toString(), "--task", "regression"));
    assertTrue(!r.err().contains("\tat "), "no stack trace: " + r.err());
  }

  @Test
  void classWeightsOfTheWrongLengthAreRefusedBeforeThePass() throws Exception {
    Path t = dir.resolve("mc.parquet");
    SparkTests.spark().range(30).selectExpr("cast(id % 3 as double) as label", "array(0.2d, 0.3d, 0.5d) as probability")
        .write().parquet(t.toString());
    BadInput.expect(dir, List.of("--class-weights gives 2 weights but the prediction vectors have 3 classes (first row)"),
        List.of("evaluate", "--input", t.toString(), "--task", "multiclass", "--loss", "cross_entropy", "--class-weights", "1,2"));
    Path d = dir.resolve("dist.parquet");
    SparkTests.spark().range(10).selectExpr("array(0.5d, 0.5d) as label", "array(0.4d, 0.6d) as prediction")
        .write().parquet(d.toString());
    BadInput.expect(dir, List.of("--class-weights gives 3 weights but the prediction vectors have 2 entries (first row)"),
        List.of("evaluate", "--input", d.toString(), "--task", "distribution", "--loss", "cross_entropy", "--class-weights", "1,2,3"));
  }

  @Test
  void aCheckpointWhoseWeightsDoNotFitTheModelIsRefused() throws Exception {
    Path ck = dir.resolve("ck");
    List<String> args = List.of("train", "--train", "data/diabetes.csv", "--label", "progression", "--epochs", "1",
        "--checkpoint", ck.toString(), "--out", dir.resolve("t1").toString());
    assertEquals(0, Cli.run(args.toArray(new String[0])).code());
    ObjectMapper json = new ObjectMapper();
    ObjectNode c = (ObjectNode) json.readTree(ck.resolve("checkpoint.json").toFile());
    ((ArrayNode) c.get("weights")).remove(0);
    Files.writeString(ck.resolve("checkpoint.json"), c.toString());
    BadInput.expect(dir, List.of("--resume: checkpoint " + ck.resolve("checkpoint.json"),
        "field 'weights' must be a list of 11 numbers (this run's model has 11 parameters), got a list of 10"),
        List.of("train", "--train", "data/diabetes.csv", "--label", "progression", "--epochs", "2", "--checkpoint", ck.toString(),
            "--resume"));
  }
}
