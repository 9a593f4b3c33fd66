package org.dacsderms.runtime.platform.lookup;

/** A flow needed a lookup entry that the table does not have. */
public class MissingLookupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MissingLookupException(String table, String key) {
        super("lookup " + LookupTables.TABLE_PREFIX + table + " has no entry for '" + key + "'");
    }
}
