/**
 * Reports: the JSON model of a run (report.json), the human report rendered from that same model
 * (report.html: a Pebble template, JFreeChart charts as inline SVG) and metrics.csv.
 */
package dev.sparkeval.report;
