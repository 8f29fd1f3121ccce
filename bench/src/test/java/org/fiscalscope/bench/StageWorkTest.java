package org.fiscalscope.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.scheduler.JobSucceeded$;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.StageInfo;
import org.fiscalscope.lake.LakeTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StageWorkTest {

  private static SparkListenerJobStart start(int job, long millis, String group) {
    return start(job, millis, group, null);
  }

  private static SparkListenerJobStart start(int job, long millis, String group, String description) {
    Properties p = new Properties();
    if (group != null) {
      p.setProperty("spark.jobGroup.id", group);
    }
    if (description != null) {
      p.setProperty("spark.job.description", description);
    }
    return new SparkListenerJobStart(job, millis,
        scala.jdk.javaapi.CollectionConverters.asScala(List.<StageInfo>of()).toSeq(), p);
  }

  private static SparkListenerJobEnd end(int job, long millis) {
    return new SparkListenerJobEnd(job, millis, JobSucceeded$.MODULE$);
  }

  @Test
  void jobsAreCountedPerGroupAndOverlappingJobsCountTheirTimeOnce() {
    StageWork work = new StageWork();
    work.onJobStart(start(1, 0, "REPORT"));
    work.onJobStart(start(2, 5_000, "REPORT"));
    work.onJobEnd(end(1, 10_000));
    work.onJobEnd(end(2, 15_000));
    work.onJobStart(start(3, 20_000, "REPORT"));
    work.onJobEnd(end(3, 21_000));
    work.onJobStart(start(4, 30_000, null));
    work.onJobEnd(end(4, 30_500));

    Map<String, StageWork.Work> taken = work.take();
    assertEquals(new StageWork.Work(0.0, 3, 0, 0, 16.0), taken.get("REPORT"), "0–15 s and 20–21 s");
    assertEquals(new StageWork.Work(0.0, 1, 0, 0, 0.5), taken.get("other"));
    assertEquals(Map.of(), work.take(), "counting starts afresh");
  }

  @Test
  void deltasOwnJobsAreCountedByTheDescriptionDeltaGivesThem() {
    StageWork work = new StageWork();
    // As Delta labels them under the stage's description: a scan plan, a log replay inside a scan plan, and a job of
    // the stage's own.
    work.onJobStart(start(1, 0, "FLAGS", "Delta: flags run r: gold metrics → gold.flags: Filtering files for query"));
    work.onJobStart(start(2, 0, "FLAGS", "Delta: Delta: flags run r: gold metrics → gold.flags: Filtering files for "
        + "query: Compute snapshot for version: 3"));
    work.onJobStart(start(3, 0, "FLAGS", "flags run r: gold metrics → gold.flags"));
    work.onJobStart(start(4, 0, "REPORT", "Delta: report run r: Filtering files for query"));
    work.onJobStart(start(5, 0, "REPORT", null));

    Map<String, StageWork.Work> taken = work.take();
    assertEquals(3, taken.get("FLAGS").jobs());
    assertEquals(1, taken.get("FLAGS").logReplays(), "the replay inside a scan plan counts as a replay");
    assertEquals(1, taken.get("FLAGS").scanPlans());
    assertEquals(0, taken.get("REPORT").logReplays());
    assertEquals(1, taken.get("REPORT").scanPlans());
  }

  @Test
  void commitsCountPerOwningStageAndOnlyCommitFilesCount(@TempDir Path lake) throws IOException {
    commitFiles(lake, LakeTable.SILVER_UNIT_YEAR, 3);
    commitFiles(lake, LakeTable.BRONZE_DOCUMENTS, 2);
    commitFiles(lake, LakeTable.GOLD_FLAGS, 1);
    commitFiles(lake, LakeTable.OPS_RUNS, 2);
    Path log = lake.resolve("silver/unit_year/_delta_log");
    Files.writeString(log.resolve("00000000000000000010.checkpoint.parquet"), "");
    Files.writeString(log.resolve("00000000000000000000.crc"), "");

    assertEquals(Map.of("ingest", 5, "flags", 1, "nightly", 2), StageWork.commits(lake));
  }

  private static void commitFiles(Path lake, LakeTable table, int n) throws IOException {
    Path log = lake.resolve(table.tableName().layer()).resolve(table.tableName().table()).resolve("_delta_log");
    Files.createDirectories(log);
    for (int i = 0; i < n; i++) {
      Files.writeString(log.resolve(String.format("%020d.json", i)), "{}\n");
    }
  }
}
