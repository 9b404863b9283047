/**
 * Reports: {@link dev.sparkeval.report.Report}, the typed report of a run (records, written to
 * report.json by Jackson in the order and snake-case names of CONTRACT.md), the human page drawn
 * from the same record (report.html: a Pebble template, JFreeChart charts as inline SVG),
 * metrics.csv, and {@link dev.sparkeval.report.ReportWriter}, which writes all of them together.
 */
package dev.sparkeval.report;
