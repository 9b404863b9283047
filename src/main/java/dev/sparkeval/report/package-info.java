/** Reports: the JSON model of a run and atomic writing of report files. */
package dev.sparkeval.report;
