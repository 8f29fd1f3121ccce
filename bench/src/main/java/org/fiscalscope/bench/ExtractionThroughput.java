package org.fiscalscope.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.extract.DisclosureExtractor;
import org.fiscalscope.generate.DisclosureTextRenderer;
import org.fiscalscope.generate.DistrictGenerator;
import org.fiscalscope.generate.GeneratorSpec;

/**
 * Extraction throughput in documents per CPU-second of one thread, on disclosure texts the size of the real sample:
 * the sample itself and generated documents rendered as text, padded with the sample's narrative to its size.
 * CPU time, not wall-clock, so other processes on the machine do not lower the figure.
 */
public final class ExtractionThroughput {

  /** Result: documents extracted, their mean size and documents per CPU-second. */
  public record Result(int documents, double meanKb, double docsPerCpuSecond) {}

  private ExtractionThroughput() {}

  public static List<byte[]> documents(byte[] sample, int count, long seed) {
    String padding = new String(sample, StandardCharsets.UTF_8);
    List<byte[]> docs = new ArrayList<>();
    docs.add(sample);
    Iterator<FinalAccount> generated = new DistrictGenerator(GeneratorSpec.of(count, 1, seed)).documents();
    for (int i = 1; i < count && generated.hasNext(); i++) {
      String text = DisclosureTextRenderer.render(generated.next(), new Random(seed + i));
      int pad = Math.max(0, sample.length - text.getBytes(StandardCharsets.UTF_8).length) / 3;
      docs.add((padding.substring(0, Math.min(padding.length(), pad)) + "\n" + text).getBytes(StandardCharsets.UTF_8));
    }
    return docs;
  }

  /** Extracts round-robin for {@code seconds} of wall-clock after a warm-up of the same length. */
  public static Result measure(List<byte[]> docs, double seconds) {
    loop(docs, seconds);
    double rate = loop(docs, seconds);
    double kb = docs.stream().mapToInt(d -> d.length).average().orElse(0) / 1024;
    return new Result(docs.size(), kb, rate);
  }

  private static double loop(List<byte[]> docs, double seconds) {
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long end = System.nanoTime() + (long) (seconds * 1e9);
    long start = cpu.getCurrentThreadCpuTime();
    long n = 0;
    long figures = 0;
    while (System.nanoTime() < end) {
      FinalAccount doc = DisclosureExtractor.extractPartial(docs.get((int) (n % docs.size())), "bench.txt");
      figures += doc.provenance().size();
      n++;
    }
    if (figures == 0) {
      throw new IllegalStateException("extraction found no figures: the benchmark measured nothing");
    }
    return n / ((cpu.getCurrentThreadCpuTime() - start) / 1e9);
  }
}
