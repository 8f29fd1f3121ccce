package org.fiscalscope.document;

import java.math.BigDecimal;

/** The four three-public categories and their total, in 万元. */
public record ThreePublicAmounts(
    BigDecimal outboundTravel,
    BigDecimal vehiclePurchase,
    BigDecimal vehicleOperation,
    BigDecimal reception,
    BigDecimal total) {}
