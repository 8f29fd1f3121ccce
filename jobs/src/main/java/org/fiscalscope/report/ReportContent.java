package org.fiscalscope.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Everything one report shows, already aggregated and bounded; an empty part means its gold table is not in the
 * lake yet and the page says so.
 */
record ReportContent(LocalDate runDate, Instant generatedAt, Headline headline, Optional<ExecutionRanking> ranking,
    Optional<ScoreHistograms> scores, Optional<ThreePublicBreaks> threePublic, Optional<DisclosureRanking> disclosure, Optional<FlagList> flags,
    List<UnitHistory> units, List<String> csvTables, String workbookFile) {}
