package org.fiscalscope.extract;

import java.util.Random;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.generate.DisclosureTextRenderer;

/**
 * Single-threaded extraction throughput (documents per second per core) on sample-sized disclosures: the real
 * sample and generated documents padded with its narrative to the same size. Run its main; not part of the tests.
 */
public final class ExtractionBenchmark {

  private ExtractionBenchmark() {}

  public static void main(String[] args) {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    byte[] sample = Corpus.bytes(Corpus.SAMPLE);
    String padding = new String(sample, java.nio.charset.StandardCharsets.UTF_8);
    RandomFinalAccounts generator = new RandomFinalAccounts(7L);
    byte[][] docs = new byte[64][];
    docs[0] = sample;
    long bytes = sample.length;
    for (int i = 1; i < docs.length; i++) {
      FinalAccount doc = generator.next();
      String text = DisclosureTextRenderer.render(doc, new Random(i));
      int pad = Math.max(0, sample.length - text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length) / 3;
      docs[i] = (padding.substring(0, Math.min(padding.length(), pad)) + "\n" + text)
          .getBytes(java.nio.charset.StandardCharsets.UTF_8);
      bytes += docs[i].length;
    }
    System.out.printf("documents: %d, mean size %.1f KB%n", docs.length, bytes / (double) docs.length / 1024);
    run(docs, 3);
    double rate = run(docs, seconds);
    System.out.printf("extraction throughput: %.0f documents per CPU-second (one core)%n", rate);
  }

  /** Documents per second of this thread's CPU time, so other processes on the machine do not skew the figure. */
  private static double run(byte[][] docs, int seconds) {
    java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    long start = cpu.getCurrentThreadCpuTime();
    long n = 0;
    int figures = 0;
    while (System.nanoTime() < end) {
      FinalAccount doc = DisclosureExtractor.extractPartial(docs[(int) (n % docs.length)], "bench.txt");
      figures += doc.provenance().size();
      n++;
    }
    double elapsed = (cpu.getCurrentThreadCpuTime() - start) / 1e9;
    if (figures < 0) {
      throw new IllegalStateException();
    }
    return n / elapsed;
  }
}
