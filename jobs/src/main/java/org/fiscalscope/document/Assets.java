package org.fiscalscope.document;

/** 国有资产占用: counts of vehicles held and of equipment items worth one million yuan or more. */
public record Assets(Integer vehicles, Integer equipmentOver1m) {}
