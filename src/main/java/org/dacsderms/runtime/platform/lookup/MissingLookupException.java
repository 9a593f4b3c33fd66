package org.dacsderms.runtime.platform.lookup;

import java.nio.file.Path;

/** A flow needed a lookup entry that the table does not have. */
public class MissingLookupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MissingLookupException(String table, String key) {
        super("lookup " + LookupTables.TABLE_PREFIX + table + " has no entry for '" + key + "'");
    }

    /** The whole table is missing: no file for it in the lookup folder. */
    public MissingLookupException(String table, String key, Path directory) {
        super("lookup " + LookupTables.TABLE_PREFIX + table + " is missing (no file " + LookupTables.TABLE_PREFIX
                + table + ".properties in " + directory + "), needed for '" + key + "'");
    }
}
