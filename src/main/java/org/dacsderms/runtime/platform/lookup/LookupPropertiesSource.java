package org.dacsderms.runtime.platform.lookup;

import org.apache.camel.spi.PropertiesSource;
import org.springframework.stereotype.Component;

/**
 * Exposes every lookup entry as a Camel property named {@code <table>.<key>}, for example
 * {@code ConfigProps.notification.email.flag} or {@code Email_ID.to}. Read with {@code ${properties:...}} in a route,
 * an entry is looked up per message and follows edits; {@code {{...}}} is resolved once, when the route starts.
 */
@Component
public class LookupPropertiesSource implements PropertiesSource {

    private final LookupTables tables;

    public LookupPropertiesSource(LookupTables tables) {
        this.tables = tables;
    }

    @Override
    public String getName() {
        return "lookups";
    }

    @Override
    public String getProperty(String name) {
        int dot = name.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        return tables.find(name.substring(0, dot), name.substring(dot + 1)).orElse(null);
    }
}
