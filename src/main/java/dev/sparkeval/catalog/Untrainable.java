package dev.sparkeval.catalog;

/** Why a metric cannot be a training loss, in the words {@code train} prints when it is asked to. */
final class Untrainable {
  private Untrainable() {}

  static final String STEP = "it counts right and wrong decisions, a step function of the prediction: its gradient is zero"
      + " almost everywhere (and undefined at the steps), so gradient descent gets no signal from it";
  static final String RANK = "it depends on the predictions only through their ranking, a step function: its gradient is"
      + " zero almost everywhere";
  static final String BINS = "it bins the predictions, so it is piecewise constant: its gradient is zero almost everywhere";
  static final String VARIANCE_RATIO = "it is 1 - mse / Var(y) (up to the mean error), so minimising mse maximises it";
  static final String EVALUATION_ONLY = "it is an evaluation metric, not a training loss here";
  static final String UNBOUNDED = "the mean signed error is unbounded below: minimising it drives every prediction to minus infinity";
  static final String ORDER = "it is an order statistic of the errors (a maximum, median or quantile): its gradient reaches only"
      + " the one or two rows at that order";
  static final String DEVIANCE_RATIO = "it is 1 - deviance / deviance of a constant prediction, so minimising the deviance maximises it";
  static final String METRIC_FORM = "it is the metric form of a probability loss; train with the loss itself";
}
