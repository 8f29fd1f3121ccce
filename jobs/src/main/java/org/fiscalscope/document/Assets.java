package org.fiscalscope.document;

import com.fasterxml.jackson.annotation.JsonProperty;

/** 国有资产占用: counts of vehicles held and of equipment items worth one million yuan or more. */
public record Assets(Integer vehicles, @JsonProperty("equipment_over_1m") Integer equipmentOver1m) {}
