/**
 * Losses and metrics as catalogue entries: each binds a spec to the states it needs and
 * finishes its value from them. Plain Java; metrics that share a state compute it once.
 */
package dev.sparkeval.metric;
