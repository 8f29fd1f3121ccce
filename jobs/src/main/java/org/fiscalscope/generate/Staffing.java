package org.fiscalscope.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import org.fiscalscope.document.FinalAccount;
import org.fiscalscope.document.Totals;
import org.fiscalscope.document.UnitKind;

/**
 * A generated unit's headcounts (编制人数, 实有人数, 其中在职人员) as its overview states them, and its 机关运行经费 as
 * its kind allows: staff in service are what the year's personnel spending pays at the unit's cost per person (a
 * 事业单位's lower than an office's, rising 3% a year), the authorised posts hold them with a few vacant, and the
 * actual staff add the retired; a 事业单位 has no operating costs at all (not applicable, absent), while 行政 and
 * 参公 units keep theirs. Drawn from a stream of their own, so a district without headcounts is unchanged.
 */
final class Staffing {

  /** Wage growth a year, applied to the unit's cost per person from the first generated year. */
  private static final BigDecimal GROWTH = new BigDecimal("1.03");

  private Staffing() {}

  /** {@code doc} with the headcounts of its unit-year and operating costs only where the unit's kind has them. */
  static FinalAccount apply(FinalAccount doc, UnitProfile profile, long seed, int firstYear) {
    Random random = new Random(Seeds.mix(seed, profile.index(), 11));
    boolean publicService = !hasOperatingCosts(profile.unit().kind());
    // 万元 per person in service: 9–16 in a 事业单位, 15–22 in an office.
    BigDecimal cost = publicService ? Money.fraction(random, 90_000, 160_000) : Money.fraction(random, 150_000, 220_000);
    int vacantPct = random.nextInt(13);
    int retiredPct = random.nextInt(36);
    Totals t = doc.totals();
    BigDecimal yearCost = cost.multiply(GROWTH.pow(doc.fiscalYear() - firstYear));
    int inService = Math.max(1, t.personnelExpense().divide(yearCost, 0, RoundingMode.HALF_UP).intValueExact());
    int authorised = inService + (inService * vacantPct + 50) / 100;
    int actual = inService + (inService * retiredPct + 50) / 100;
    Totals staffed = t.withStaff(authorised, actual, inService);
    return new FinalAccount(doc.schemaVersion(), doc.fiscalYear(), doc.amountUnit(), doc.unit(), doc.source(), staffed,
        doc.functions(), doc.threePublic(), publicService ? null : doc.operatingCosts(), doc.procurement(),
        doc.assets(), doc.performance(), doc.findings(), doc.provenance(), doc.contents());
  }

  private static boolean hasOperatingCosts(String kind) {
    for (UnitKind k : UnitKind.values()) {
      if (kind != null && kind.contains(k.zh())) {
        return k.hasOperatingCosts();
      }
    }
    return true;
  }
}
