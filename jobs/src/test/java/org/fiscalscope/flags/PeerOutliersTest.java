package org.fiscalscope.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fiscalscope.metrics.SilverFixtures;
import org.junit.jupiter.api.Test;

class PeerOutliersTest extends SilverFixtures {

  @Test
  void sparkRobustZMatchesJavaAndFlagsTheFarUnit() {
    double[] rates = {95, 96, 97, 98, 99, 100, 94, 93, 96, 97, 40};
    List<String> json = new ArrayList<>();
    for (int i = 0; i < rates.length; i++) {
      json.add(String.format("{\"unit_id\":\"U%02d\",\"fiscal_year\":2023,\"unit_kind\":\"事业\","
          + "\"budget_initial\":100,\"actual_final\":%s}", i, rates[i]));
    }
    json.add("{\"unit_id\":\"X\",\"fiscal_year\":2023,\"unit_kind\":\"行政\",\"budget_initial\":100,\"actual_final\":10}");
    Dataset<Row> unitYear = unitYears(json.toArray(String[]::new));
    Dataset<Row> z = PeerOutliers.robustZ(unitYear, PeerOutliers.peerOf(unitYear, functionLines(), "kind"))
        .where("metric = 'execution_rate' AND peer_group = 'kind:事业'");
    for (Row r : z.collectAsList()) {
      double x = r.getAs("x");
      assertEquals(RobustZ.z(x, rates), (double) r.getAs("z"), 1e-9, "unit " + r.getAs("unit_id"));
    }
    Dataset<Row> flags = PeerOutliers.flags(PeerOutliers.robustZ(unitYear,
        PeerOutliers.peerOf(unitYear, functionLines(), "kind")), FlagsConfig.defaults().robustZ());
    assertEquals(List.of("[robust_z_execution_rate,U10]"), sorted(flags.select("rule", "unit_id")),
        "40% is far from the 96% median; the lone 行政 unit has too few peers to judge");
  }
}
