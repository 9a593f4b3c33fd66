package org.dacsderms.runtime.sandbox;

/**
 * A DERMS instance simulator: the endpoints of contract flows.md ("Outbound to a DERMS instance") below base path
 * PeerSimulator derms = EventFileSimulation.addToDerms(
 * new PeerSimulator("DERMS " + instance, BASE_PATH, username, password))
 */
public final class DermsSimulator {

    public static final String BASE_PATH = "/nms-drms/rest/v1";

    private DermsSimulator() {}

    public static PeerSimulator create(String instance, String username, String password) {
        PeerSimulator derms = EventFileSimulation.addToDerms(
                        new PeerSimulator("DERMS " + instance, BASE_PATH, username, password))
                .on("ping", "GET", "", call -> SimResponse.json(200, "{\"instance\":\"" + instance + "\"}"))
                .onStream(DeviceScoreReceiver.PATH, new DeviceScoreReceiver(instance));
        return DermsSyncEndpoints.addTo(derms);
    }
}
