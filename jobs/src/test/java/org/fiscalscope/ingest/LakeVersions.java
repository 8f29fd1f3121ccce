package org.fiscalscope.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import org.fiscalscope.lake.Lake;
import org.fiscalscope.lake.LakeTable;

/** The Delta version of every table ingest writes (bronze and silver), to show what a run committed. */
final class LakeVersions {

  private LakeVersions() {}

  static Map<String, Long> ofIngestTables(Lake lake) {
    Map<String, Long> v = new LinkedHashMap<>();
    for (LakeTable t : LakeTable.ownedBy(LakeTable.Owner.INGEST)) {
      v.put(t.toString(), lake.version(t));
    }
    return v;
  }
}
