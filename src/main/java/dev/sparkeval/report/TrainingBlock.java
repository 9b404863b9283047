package dev.sparkeval.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sparkeval.spark.train.Training;
import dev.sparkeval.train.Epoch;
import dev.sparkeval.train.Trainer;
import java.util.List;
import java.util.Map;

/** The {@code training} block of a train run's report.json: the set-up, the loop's course and the diagnosis. */
public record TrainingBlock(String model, String loss, String optimizer, double learningRate, long batchSize, int epochs,
                            double l2, String earlyStopping, long seed, boolean standardized, long rowsTrain,
                            long rowsValidation, long iterationsPerEpoch, int epochsRun, int bestEpoch, Double bestValLoss,
                            int stoppedEpoch, boolean stoppedEarly, boolean restoredBestWeights, int finalWeightsEpoch,
                            String diagnosis, String fit, Integer overfittingFromEpoch, List<Map<String, Object>> flaggedEpochs,
                            Double iterationMs, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings) {

  static TrainingBlock of(Training.Outcome o, Training.Settings s) {
    Trainer.Result r = o.result();
    Double bestValLoss = r.history().stream().filter(e -> e.epoch() == r.bestEpoch()).map(Epoch::valLoss).findFirst().orElse(null);
    return new TrainingBlock(o.model().model(), o.model().loss(), s.optimizer(), s.learningRate(), s.loop().batchSize(),
        s.loop().epochs(), s.loop().l2(), s.loop().earlyStopping(), s.loop().seed(), s.standardize(), o.trainRows(),
        o.validationRows(), r.iterationsPerEpoch(), r.history().size(), r.bestEpoch(), bestValLoss, r.stoppedEpoch(),
        r.stoppedEarly(), r.restored(), r.restored() ? r.bestEpoch() : r.stoppedEpoch(), o.diagnosis().text(),
        o.diagnosis().kind(), o.diagnosis().overfitFrom(), o.diagnosis().flagged(),
        Double.isFinite(r.iterationMs()) ? r.iterationMs() : null, o.warnings());
  }
}
