package org.fiscalscope.pipeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The JSON summary of a run (for {@code --summary FILE} and the run log). {@code error} and {@code errorCode}: the
 * one-line error of a failed run and its code of the error catalogue (null when it did not fail).
 * {@code outsideChanges}: one line per table found changed outside a FiscalScope run when the run started (null when
 * none).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunSummary(
    String runId,
    String verb,
    String status,
    String error,
    String errorCode,
    Instant startedAt,
    Instant finishedAt,
    String lake,
    String landing,
    String report,
    String configHash,
    long newDocuments,
    long skippedDocuments,
    long rejectedDocuments,
    List<StageReport> stages,
    Map<String, Long> rowsPerTable,
    Map<String, Long> tableVersions,
    List<String> outsideChanges) {

  public static final String SUCCEEDED = "succeeded";
  public static final String SUCCEEDED_WITH_REJECTS = "succeeded_with_rejects";
  public static final String FAILED = "failed";

  private static final ObjectMapper JSON = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();

  /** Exit code of the run: 0 success, 1 failure, 3 success with rejected inputs. */
  public int exitCode() {
    return switch (status) {
      case SUCCEEDED -> 0;
      case SUCCEEDED_WITH_REJECTS -> 3;
      default -> 1;
    };
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String stagesJson() {
    try {
      return JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(stages);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the summary to {@code location}: a local path (relative to the working folder) or a Hadoop URI. */
  public void writeTo(String location, org.apache.hadoop.conf.Configuration hadoop) {
    org.fiscalscope.lake.Locations.write(location, toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8), hadoop);
  }

}
