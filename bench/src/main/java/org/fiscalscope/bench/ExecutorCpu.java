package org.fiscalscope.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;

/**
 * Executor CPU seconds per job group (the nightly's stages set INGEST, METRICS, FLAGS): a figure that, unlike wall
 * clock, barely moves when other processes share the machine, so runs on a busy machine stay comparable.
 */
public final class ExecutorCpu extends SparkListener {

  private final Map<Integer, String> groupOfStage = new ConcurrentHashMap<>();
  private final Map<String, Long> nanos = new ConcurrentHashMap<>();

  @Override
  public void onJobStart(SparkListenerJobStart job) {
    String group = job.properties() == null ? null : job.properties().getProperty("spark.jobGroup.id");
    String name = group == null ? "other" : group;
    scala.jdk.javaapi.CollectionConverters.asJava(job.stageInfos())
        .forEach((StageInfo s) -> groupOfStage.put(s.stageId(), name));
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd task) {
    if (task.taskMetrics() != null) {
      nanos.merge(groupOfStage.getOrDefault(task.stageId(), "other"), task.taskMetrics().executorCpuTime(), Long::sum);
    }
  }

  /** CPU seconds per group since the last call, and starts counting afresh. */
  public synchronized Map<String, Double> takeSeconds() {
    Map<String, Double> out = new java.util.TreeMap<>();
    nanos.forEach((group, n) -> out.put(group, n / 1e9));
    nanos.clear();
    return out;
  }
}
