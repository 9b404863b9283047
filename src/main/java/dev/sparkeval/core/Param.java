package dev.sparkeval.core;

/** One parameter of a loss or metric: its name, default (as text) and meaning. */
public record Param(String name, String defaultValue, String doc) {}
