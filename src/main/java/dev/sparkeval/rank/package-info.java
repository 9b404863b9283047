/**
 * Per-query ranking metrics (nDCG, average precision, reciprocal rank, precision, recall, hit rate
 * and ROC AUC at a cutoff k), each a row function of one {@code RankedQuery}. Score ties count as
 * every order of the tied items equally likely: each value is its expectation over those orders
 * (scikit-learn's tie-averaged DCG and half-credit AUC are this expectation). Plain Java.
 */
package dev.sparkeval.rank;
