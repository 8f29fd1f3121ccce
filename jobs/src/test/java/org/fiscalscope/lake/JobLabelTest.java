package org.fiscalscope.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.apache.spark.SparkContext;
import org.fiscalscope.SparkTest;
import org.junit.jupiter.api.Test;

/** A label names the thread's jobs (group, description) and is their call site, so Spark walks no stack for one. */
class JobLabelTest extends SparkTest {

  @Test
  void aLabelIsTheJobsGroupDescriptionAndCallSiteUntilCleared() {
    SparkContext sc = spark.sparkContext();
    JobLabel.set(spark, "INGEST", "normalise into silver.unit_year");
    assertEquals("INGEST", sc.getLocalProperty("spark.jobGroup.id"));
    assertEquals("normalise into silver.unit_year", sc.getLocalProperty("spark.job.description"));
    assertEquals("normalise into silver.unit_year", sc.getCallSite().shortForm());
    assertEquals("normalise into silver.unit_year", sc.getCallSite().longForm());

    JobLabel.callSite(spark, "nightly run r1");
    assertEquals("INGEST", sc.getLocalProperty("spark.jobGroup.id"), "a call site alone keeps the group");
    assertEquals("nightly run r1", sc.getCallSite().shortForm());

    JobLabel.clear(spark);
    assertNull(sc.getLocalProperty("spark.jobGroup.id"));
    assertNotEquals("nightly run r1", sc.getCallSite().shortForm(), "Spark names the call site itself again");
  }

  @Test
  void aStageLabelsItsJobsWithTheGroupTheRunGivesTheStageOfItsName() {
    SparkContext sc = spark.sparkContext();
    for (LakeTable.Owner owner : LakeTable.Owner.values()) {
      JobLabel.set(spark, owner, "write");
      assertEquals(JobLabel.group(owner.verb()), sc.getLocalProperty("spark.jobGroup.id"));
    }
    assertEquals("FLAGS", JobLabel.group(LakeTable.Owner.FLAGS.verb()));
    JobLabel.clear(spark);
  }
}
