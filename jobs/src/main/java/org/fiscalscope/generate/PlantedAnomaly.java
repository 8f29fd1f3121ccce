package org.fiscalscope.generate;

/**
 * One deliberately planted anomaly: the unit-year, the kind (see {@link AnomalyKind}), the subject it concerns
 * (a project name, a three-public category key, or "unit") and a one-line detail with the figures involved.
 */
public record PlantedAnomaly(String unitCode, int fiscalYear, String kind, String subject, String detail) {}
