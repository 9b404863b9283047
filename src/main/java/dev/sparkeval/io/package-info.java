/** Writing files safely: every file of a report (or model, or checkpoint) replaced together or not at all. */
package dev.sparkeval.io;
