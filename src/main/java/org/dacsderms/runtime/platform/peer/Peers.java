package org.dacsderms.runtime.platform.peer;

import java.util.Map;
import java.util.TreeMap;
import org.dacsderms.runtime.platform.lookup.LookupTables;
import org.springframework.stereotype.Component;

/**
 * The clients of DACS and of every configured DERMS instance. A DERMS instance is chosen through the Routing lookup;
 * an unknown division or instance is an error, never a call to some default.
 */
@Component
public class Peers {

    private final PeerClient dacs;
    private final Map<String, PeerClient> derms = new TreeMap<>();
    private final LookupTables lookups;

    public Peers(DacsProperties dacsProperties, DermsProperties dermsProperties, LookupTables lookups) {
        this.lookups = lookups;
        this.dacs = new PeerClient(
                "DACS", dacsProperties.connection(), dacsProperties.connectTimeout(), dacsProperties.readTimeout());
        dermsProperties
                .instances()
                .forEach((name, connection) -> derms.put(
                        name,
                        new PeerClient(
                                "DERMS " + name,
                                connection,
                                dermsProperties.connectTimeout(),
                                dermsProperties.readTimeout())));
    }

    public PeerClient dacs() {
        return dacs;
    }

    /** The DERMS instance configured under {@code name}. */
    public PeerClient derms(String name) {
        PeerClient client = derms.get(name);
        if (client == null) {
            throw new UnknownDermsInstanceException("no DERMS instance named '" + name + "' is configured");
        }
        return client;
    }

    /** The DERMS instance the Routing lookup names for a DACS division or a DERMS instance id. */
    public PeerClient dermsFor(String divisionOrInstanceId) {
        String name = lookups.find("Routing", divisionOrInstanceId)
                .orElseThrow(() -> new UnknownDermsInstanceException("lookup " + LookupTables.TABLE_PREFIX
                        + "Routing has no DERMS instance for '" + divisionOrInstanceId + "'"));
        return derms(name);
    }

    public Map<String, PeerClient> allDerms() {
        return Map.copyOf(derms);
    }
}
