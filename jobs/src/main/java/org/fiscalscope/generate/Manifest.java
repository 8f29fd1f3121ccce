package org.fiscalscope.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fiscalscope.document.DocumentJson;

/**
 * The answer key of a generated landing zone ({@code _manifest.json}): how it was generated, how many documents,
 * and every planted anomaly. Ingest skips it (its name starts with {@code _}); flag evaluation reads it.
 */
public record Manifest(
    String generator,
    int units,
    int years,
    int firstYear,
    int lastYear,
    long seed,
    long documents,
    Map<String, Long> anomaliesByKind,
    List<PlantedAnomaly> anomalies) {

  public static final String FILE_NAME = "_manifest.json";
  public static final String GENERATOR = "fiscalscope generate";

  public static Manifest of(GeneratorSpec spec, long documents, List<PlantedAnomaly> anomalies) {
    Map<String, Long> byKind = new TreeMap<>();
    for (AnomalyKind kind : AnomalyKind.values()) {
      byKind.put(kind.id(), 0L);
    }
    anomalies.forEach(a -> byKind.merge(a.kind(), 1L, Long::sum));
    return new Manifest(GENERATOR, spec.units(), spec.years(), spec.firstYear(), spec.lastYear(), spec.seed(),
        documents, byKind, List.copyOf(anomalies));
  }

  /** Snake_case JSON, like the documents. */
  public void write(Path file) throws IOException {
    mapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), this);
  }

  public static Manifest read(Path file) throws IOException {
    return mapper().readValue(file.toFile(), Manifest.class);
  }

  private static ObjectMapper mapper() {
    return DocumentJson.mapper();
  }
}
