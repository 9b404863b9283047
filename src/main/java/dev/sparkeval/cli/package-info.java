/** The command line: one class per command (args4j), parsing and printing only; the work is in spark/ and below. */
package dev.sparkeval.cli;
