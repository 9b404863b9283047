/**
 * Training: models (an affine layer or a small MLP, backpropagation written out), the training
 * objectives built on the loss classes, optimizers, the seeded epoch shuffle, early stopping,
 * history and checkpoints. Plain Java; the Spark side (cached row blocks, one aggregation per
 * iteration) lives in {@code dev.sparkeval.spark.train} and calls into the per-block code here.
 */
package dev.sparkeval.train;
