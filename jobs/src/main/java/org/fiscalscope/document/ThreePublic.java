package org.fiscalscope.document;

/** 三公经费: budget and actual per category, and the counts the disclosure states. */
public record ThreePublic(
    ThreePublicAmounts budget,
    ThreePublicAmounts actual,
    Integer outboundGroups,
    Integer outboundPersons,
    Integer vehiclesPurchased,
    Integer vehiclesHeld,
    Integer receptionBatches,
    Integer receptionPersons) {}
