package org.fiscalscope.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RobustZTest {

  @Test
  void medianAndMadOfSmallSamples() {
    assertEquals(3.0, RobustZ.median(new double[] {5, 1, 3}));
    assertEquals(2.5, RobustZ.median(new double[] {4, 1, 3, 2}), "even count averages the middle two");
    assertEquals(1.0, RobustZ.mad(new double[] {1, 2, 3, 4, 100}), "deviations 2,1,0,1,97");
  }

  @Test
  void zScoresTheFarValueOnly() {
    double[] peers = {1, 2, 3, 4, 100};
    assertEquals(0.6745 * 97, RobustZ.z(100, peers), 1e-9);
    assertEquals(0.0, RobustZ.z(3, peers), 1e-9);
    assertTrue(Double.isNaN(RobustZ.z(5, new double[] {5, 5, 5, 1})), "MAD 0: no z");
  }
}
