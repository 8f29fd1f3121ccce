package org.fiscalscope.pipeline;

import java.util.Map;

/** What one stage of a run did: its name, wall-clock seconds and the counts it reports. */
public record StageReport(String name, double seconds, Map<String, Long> counts) {}
