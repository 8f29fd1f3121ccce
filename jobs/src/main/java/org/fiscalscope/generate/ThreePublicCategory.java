package org.fiscalscope.generate;

/** The four three-public categories, with the document key used as the anomaly subject. */
enum ThreePublicCategory {
  OUTBOUND_TRAVEL("outbound_travel"),
  VEHICLE_PURCHASE("vehicle_purchase"),
  VEHICLE_OPERATION("vehicle_operation"),
  RECEPTION("reception");

  private final String key;

  ThreePublicCategory(String key) {
    this.key = key;
  }

  String key() {
    return key;
  }
}
