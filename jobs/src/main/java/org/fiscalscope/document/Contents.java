package org.fiscalscope.document;

import java.util.List;

/**
 * What a disclosure contains besides its figures: the {@link DisclosurePart} ids found in it (in the order found),
 * the number of projects it says were self-evaluated, and — when the source gives them — the dates its accounts were
 * approved (批复) and it was published (公开), as ISO dates. Null where the source cannot tell (a dataset row states
 * figures, not a document's parts).
 */
public record Contents(List<String> parts, Integer projectsStated, String approvedOn, String publishedOn) {}
