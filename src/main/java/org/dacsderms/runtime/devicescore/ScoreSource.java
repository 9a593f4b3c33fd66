package org.dacsderms.runtime.devicescore;

import java.util.Arrays;
import java.util.Optional;
import org.dacsderms.runtime.platform.Flow;

/** The two places device score files come from, by the operator endpoint's {@code source} parameter. */
public enum ScoreSource {
    FTP("ftp", Flow.DEVICE_SCORE_FTP),
    OBJECT_STORAGE("os", Flow.DEVICE_SCORE_OBJECT_STORAGE);

    private final String parameter;
    private final Flow flow;

    ScoreSource(String parameter, Flow flow) {
        this.parameter = parameter;
        this.flow = flow;
    }

    public String parameter() {
        return parameter;
    }

    public Flow flow() {
        return flow;
    }

    /** The {@code direct:} endpoint of the flow's route. */
    public String endpoint() {
        return "direct:" + flow.routeId();
    }

    public static Optional<ScoreSource> byParameter(String value) {
        return Arrays.stream(values())
                .filter(source -> source.parameter.equals(value))
                .findFirst();
    }
}
