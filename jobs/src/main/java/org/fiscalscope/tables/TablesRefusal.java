package org.fiscalscope.tables;

/** Why a file's standard tables cannot be read: what is wrong and where, and the fix (the file name is added by the caller). */
final class TablesRefusal extends Exception {

  private static final long serialVersionUID = 1L;

  TablesRefusal(String what) {
    super(what, null, false, false);
  }
}
