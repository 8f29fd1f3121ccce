package org.fiscalscope.document;

/** The budget unit: code when the dataset gives one, name, region, kind (行政/事业/参公), parent department. */
public record Unit(String code, String name, String region, String kind, String parentName) {}
