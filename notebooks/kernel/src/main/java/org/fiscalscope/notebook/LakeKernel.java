package org.fiscalscope.notebook;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.fiscalscope.FiscalScopeException;
import org.fiscalscope.lake.LakeCatalog;
import org.fiscalscope.lake.LakeSql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Jupyter kernel whose cells are Spark SQL over the lake, with magics: {@code %lake}, {@code %as_of},
 * {@code %snapshot}, {@code %source}, {@code %chart}, {@code %max_rows}. Every failure becomes one line in the
 * notebook; an interrupt cancels the running Spark jobs.
 */
public final class LakeKernel extends BaseKernel {

  private static final Logger LOG = LoggerFactory.getLogger(LakeKernel.class);
  private static final List<String> KEYWORDS = List.of("SELECT", "FROM", "WHERE", "GROUP BY", "ORDER BY", "HAVING",
      "LIMIT", "JOIN", "LEFT JOIN", "WITH", "UNION ALL", "EXCEPT", "DESCRIBE", "SHOW TABLES", "VERSION AS OF");
  private static final List<String> MAGICS = List.of("%lake", "%as_of", "%snapshot", "%source", "%chart", "%max_rows");

  private final LakeSession session;
  private final AtomicInteger cells = new AtomicInteger();
  private volatile Thread running;
  private volatile boolean interrupted;
  private int maxRows = 50;

  LakeKernel(LakeSession session) {
    super("fiscalscope-sql", version(), new LanguageInfo.Builder("sql").version("Spark SQL 4.1").mimetype("text/x-sql")
            .fileExtension(".sql").pygments("sql").codemirror("sql").build(), List.of(), null,
        new JupyterIO(StandardCharsets.UTF_8), new CommManager(), new Renderer(), null, null, false,
        new StringStyler.Builder().build());
    this.session = session;
  }

  private static String version() {
    String v = LakeKernel.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  @Override
  public Object evalRaw(String source) {
    running = Thread.currentThread();
    interrupted = false;
    String group = "cell-" + cells.incrementAndGet();
    try {
      return evaluate(source, group);
    } catch (SqlError e) {
      throw interrupted ? new SqlError("cancelled: the cell was interrupted (stop button or cell timeout)") : e;
    } catch (Throwable e) {
      if (e instanceof FiscalScopeException) {
        LOG.debug("cell failed", e);
      } else {
        LOG.warn("cell failed", e);
      }
      if (interrupted) {
        throw new SqlError("cancelled: the cell was interrupted (stop button or cell timeout)");
      }
      throw new SqlError(LakeSql.oneLine(e));
    } finally {
      running = null;
      Thread.interrupted();
      if (session.started()) {
        session.spark().sparkContext().clearJobGroup();
      }
    }
  }

  private DisplayData evaluate(String source, String group) {
    Cell cell = Cell.parse(source, System::getenv);
    ChartSpec chart = null;
    List<DisplayData> outputs = new ArrayList<>();
    for (MagicLine magic : cell.magics()) {
      switch (magic.name()) {
        case "lake" -> outputs.add(text(session.open(magic.arg(0, null))));
        case "as_of" -> outputs.add(text(session.pin(required(magic, 0, "%as_of <run id | run number | latest | previous | date | off>"))));
        case "snapshot" -> outputs.add(text(session.snapshot(required(magic, 0, "%snapshot <layer.table> <run> <view>"),
            required(magic, 1, "%snapshot <layer.table> <run> <view>"), required(magic, 2, "%snapshot <layer.table> <run> <view>"))));
        case "source" -> {
          startGroup(group, "%source");
          outputs.add(SourceLookup.show(session, magic, maxRows));
        }
        case "chart" -> chart = ChartSpec.of(magic);
        case "max_rows" -> {
          maxRows = Integer.parseInt(required(magic, 0, "%max_rows <N>"));
          outputs.add(text("showing at most " + maxRows + " rows per result"));
        }
        default -> throw new SqlError("unknown magic %" + magic.name() + "; known: " + String.join(", ", MAGICS));
      }
    }
    if (chart != null && cell.statements().isEmpty()) {
      throw new SqlError("%chart needs a query below it in the same cell");
    }
    for (int i = 0; i < cell.statements().size(); i++) {
      String sql = cell.statements().get(i);
      startGroup(group, sql);
      Dataset<Row> df = session.query(sql);
      boolean last = i == cell.statements().size() - 1;
      if (last && chart != null) {
        outputs.add(chart(chart, df));
      } else if (df.columns().length > 0) {
        outputs.add(table(df, maxRows));
      }
    }
    if (outputs.isEmpty()) {
      return null;
    }
    for (DisplayData d : outputs.subList(0, outputs.size() - 1)) {
      display(d);
    }
    return outputs.get(outputs.size() - 1);
  }

  private void startGroup(String group, String what) {
    if (interrupted) {
      throw new SqlError("cancelled");
    }
    String description = what.length() > 200 ? what.substring(0, 200) : what;
    session.spark().sparkContext().setJobGroup(group, description, true);
  }

  private static String required(MagicLine magic, int i, String usage) {
    String v = magic.arg(i, null);
    if (v == null) {
      throw new SqlError("usage: " + usage);
    }
    return v;
  }

  /** The first rows (as text) and the total count of a result. */
  static HtmlTable collect(Dataset<Row> df, int cap) {
    List<String> columns = List.of(df.columns());
    String[] positional = new String[columns.size()];
    Column[] cols = new Column[columns.size()];
    for (int i = 0; i < cols.length; i++) {
      positional[i] = "c" + i;
      cols[i] = functions.col(positional[i]).cast("string");
    }
    List<Row> rows = df.toDF(positional).select(cols).limit(cap + 1).collectAsList();
    List<List<String>> shown = new ArrayList<>();
    for (Row r : rows.subList(0, Math.min(cap, rows.size()))) {
      List<String> cells = new ArrayList<>(r.length());
      for (int i = 0; i < r.length(); i++) {
        cells.add(r.isNullAt(i) ? null : r.getString(i));
      }
      shown.add(cells);
    }
    long total = rows.size() > cap ? df.count() : rows.size();
    return new HtmlTable(columns, shown, total);
  }

  static DisplayData table(Dataset<Row> df, int cap) {
    HtmlTable t = collect(df, cap);
    DisplayData d = new DisplayData(t.text());
    d.putHTML(t.html());
    return d;
  }

  /** Charts at most 5000 rows; beyond that the chart says it shows the first ones. */
  private static DisplayData chart(ChartSpec spec, Dataset<Row> df) {
    HtmlTable t = collect(df, 5000);
    byte[] png = ChartRenderer.png(spec, t.columns(), t.rows());
    DisplayData d = new DisplayData(spec.type() + " chart of " + t.caption() + (spec.title().isEmpty() ? "" : ": " + spec.title()));
    d.putData("image/png", Base64.getEncoder().encodeToString(png));
    return d;
  }

  static DisplayData text(String s) {
    return new DisplayData(s);
  }

  @Override
  public void interrupt() {
    interrupted = true;
    session.cancel();
    Thread t = running;
    if (t != null && !session.started()) {
      t.interrupt();
    }
  }

  @Override
  public List<String> formatError(Throwable e) {
    return List.of(e.getClass().getSimpleName() + ": " + e.getMessage());
  }

  @Override
  public DisplayData inspect(String code, int at, boolean extraDetail) {
    return null;
  }

  @Override
  public ReplacementOptions complete(String code, int at) {
    int start = at;
    while (start > 0 && (Character.isLetterOrDigit(code.charAt(start - 1)) || "_.%".indexOf(code.charAt(start - 1)) >= 0)) {
      start--;
    }
    String prefix = code.substring(start, at).toLowerCase(Locale.ROOT);
    if (prefix.isEmpty()) {
      return null;
    }
    List<String> candidates = new ArrayList<>(MAGICS);
    candidates.addAll(KEYWORDS);
    if (session.started()) {
      try {
        LakeCatalog.tables(session.lake().lake()).forEach(t -> candidates.add(t.toString()));
      } catch (RuntimeException e) {
        LOG.debug("no table names to complete", e);
      }
    }
    List<String> matches = candidates.stream().filter(c -> c.toLowerCase(Locale.ROOT).startsWith(prefix)).toList();
    return new ReplacementOptions(matches, start, at);
  }

  @Override
  public String isComplete(String code) {
    return IS_COMPLETE_YES;
  }
}
