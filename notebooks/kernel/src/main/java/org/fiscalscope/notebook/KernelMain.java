package org.fiscalscope.notebook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.fiscalscope.lake.DeltaMerge;
import org.fiscalscope.lake.Lake;
import org.fiscalscope.lake.LakeTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the kernel on the connection file Jupyter passes ({@code KernelMain <connection.json>}), or with
 * {@code --warmup} runs typical cells against a scratch lake once, so install-kernel.sh can archive the classes a
 * notebook loads (class-data sharing) and later start-ups skip loading them.
 */
public final class KernelMain {

  private static final Logger LOG = LoggerFactory.getLogger(KernelMain.class);

  private KernelMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 1 && args[0].equals("--warmup")) {
      warmup();
      System.exit(0);
    }
    if (args.length != 1) {
      System.err.println("usage: KernelMain <connection file> | --warmup");
      System.exit(2);
    }
    KernelConnectionProperties props = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
    LakeSession session = new LakeSession();
    LakeKernel kernel = new LakeKernel(session);
    JupyterConnection connection = new JupyterConnection(props);
    kernel.becomeHandlerForConnection(connection);
    connection.connect();
    kernel.onStartup();
    LOG.info("kernel connected on {}", props.getIp());
    connection.waitUntilClose();
    LOG.info("kernel closed");
    System.exit(0);
  }

  private static void warmup() throws Exception {
    Path lakeDir = Files.createTempDirectory("fiscalscope-warmup");
    LakeSession session = new LakeSession();
    Lake lake = new Lake(session.spark(), lakeDir.toString());
    lake.ensure(LakeTable.SILVER_UNIT_YEAR);
    lake.ensure(LakeTable.OPS_RUNS);
    DeltaMerge.insertNew(lake, LakeTable.SILVER_UNIT_YEAR,
        session.spark().sql("SELECT 'U1' AS unit_id, 2023 AS fiscal_year, 'unit' AS unit_name"));
    LakeKernel kernel = new LakeKernel(session);
    for (String cell : List.of(
        "%lake " + lakeDir,
        "SELECT unit_id, fiscal_year, count(*) AS n FROM silver.unit_year GROUP BY unit_id, fiscal_year",
        "%chart bar x=unit_id y=n\nSELECT unit_id, count(*) AS n FROM silver.unit_year GROUP BY unit_id",
        "%chart line\nSELECT fiscal_year, count(*) AS n FROM silver.unit_year GROUP BY fiscal_year",
        "%chart hist\nSELECT fiscal_year FROM silver.unit_year",
        "SELECT * FROM ops.runs")) {
      kernel.evalRaw(cell);
    }
    try {
      kernel.evalRaw("SELECT * FROM silver.nope");
    } catch (SqlError expected) {
      LOG.debug("warm-up error path: {}", expected.getMessage());
    }
    session.spark().stop();
  }
}
