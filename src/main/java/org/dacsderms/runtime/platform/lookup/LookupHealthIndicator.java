package org.dacsderms.runtime.platform.lookup;

import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** Reports a lookup file that could not be read after an edit (its table still has its previous entries). */
@Component("lookups")
public class LookupHealthIndicator implements HealthIndicator {

    private final LookupTables tables;

    public LookupHealthIndicator(LookupTables tables) {
        this.tables = tables;
    }

    @Override
    public Health health() {
        Map<String, String> broken = tables.brokenTables();
        return (broken.isEmpty() ? Health.up() : Health.down())
                .withDetails(broken)
                .build();
    }
}
