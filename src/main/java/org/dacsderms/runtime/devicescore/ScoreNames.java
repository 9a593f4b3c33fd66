package org.dacsderms.runtime.devicescore;

import java.util.List;

/** Which names a transfer takes: those starting with the configured prefix and carrying no marker prefix. */
final class ScoreNames {

    private ScoreNames() {}

    static boolean wanted(String name, String prefix, List<String> markers) {
        if (!name.startsWith(prefix)) {
            return false;
        }
        return markers.stream().noneMatch(marker -> !marker.isEmpty() && name.startsWith(marker));
    }
}
