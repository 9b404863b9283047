/**
 * Loss functions for one row: value and derivative with respect to the prediction. Plain Java,
 * shared by evaluation (summed by the states in core) and training (the chain rule).
 */
package dev.sparkeval.loss;
