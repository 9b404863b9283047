/**
 * The evaluate request as every way in makes it: its options ({@link dev.sparkeval.request.EvaluateOptions},
 * the evaluate command's, with one parser and one set of messages), its report ({@link
 * dev.sparkeval.request.EvaluationRequest}: settings, gates, report.json), and the SQL functions that return
 * whole evaluations and reports without py4j, so Python works over Spark Connect too:
 * {@code sparkeval_evaluate} (one aggregate over the engine's own states), {@code sparkeval_report},
 * {@code sparkeval_metric}, registered by {@link dev.sparkeval.request.RequestExtensions}.
 */
package dev.sparkeval.request;
