package org.fiscalscope.document;

/**
 * A consistency finding raised while reading a document: stable rule id, severity (info|warning|error),
 * the message in Chinese and in English, and the evidence (figures and source lines involved).
 */
public record Finding(String rule, String severity, String message, String messageEn, String evidence) {

  /** The words of {@link Severity} a finding's severity holds. */
  public static final String INFO = Severity.INFO.key();
  public static final String WARNING = Severity.WARNING.key();
  public static final String ERROR = Severity.ERROR.key();
}
