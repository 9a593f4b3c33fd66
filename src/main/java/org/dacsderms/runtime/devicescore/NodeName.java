package org.dacsderms.runtime.devicescore;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** This runtime's name in the lease table and the file ledger: configured, or host name, process id and a suffix. */
@Component
public class NodeName {

    private final String value;

    public NodeName(DeviceScoreProperties properties) {
        String configured = properties.nodeName();
        this.value = configured != null && !configured.isBlank() ? configured : generated();
    }

    public String value() {
        return value;
    }

    private static String generated() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        // The suffix tells apart two runtimes started in one process (as the multi-node test does).
        return host + "/" + ProcessHandle.current().pid() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
