package org.fiscalscope.extract;

import org.fiscalscope.FiscalScopeException;

/** A disclosure the extractor cannot turn into a document; the message is one sentence a clerk can act on. */
public class ExtractionException extends FiscalScopeException {

  public ExtractionException(String message) {
    super(message);
  }
}
