package org.fiscalscope.document;

import java.math.BigDecimal;

/** 政府采购: total, split by goods/works/services, and the amounts awarded to SMEs and small-micro firms. */
public record Procurement(
    BigDecimal total, BigDecimal goods, BigDecimal works, BigDecimal services,
    BigDecimal smeAwarded, BigDecimal smallMicroAwarded) {}
