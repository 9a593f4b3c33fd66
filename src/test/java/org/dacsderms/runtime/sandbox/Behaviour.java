package org.dacsderms.runtime.sandbox;

import java.util.Set;

/**
 * How one simulated endpoint misbehaves, set at run time over {@code POST /__sim/behaviour} or from a test.
 *
 * @param endpoint the endpoint's short name (see the simulator's README section)
 * @param delayMs answer this many milliseconds late
 * @param status answer every call with this HTTP status and a generic body instead of the contract's answer
 * @param noAnswer keep the connection open and never answer
 * @param businessErrorFor ids (message id, sync request id, ...) that get the endpoint's business error
 * @param alreadyEnrolledFor ids that get DACS message 10589 (already enrolled)
 * @param failAfterCalls answer normally this many calls, then with {@code status} (0: from the first call)
 */
public record Behaviour(
        String endpoint,
        Long delayMs,
        Integer status,
        Boolean noAnswer,
        Set<String> businessErrorFor,
        Set<String> alreadyEnrolledFor,
        Integer failAfterCalls) {

    public static Behaviour normal(String endpoint) {
        return new Behaviour(endpoint, 0L, null, false, Set.of(), Set.of(), 0);
    }

    public Behaviour {
        delayMs = delayMs == null ? 0L : delayMs;
        noAnswer = noAnswer != null && noAnswer;
        businessErrorFor = businessErrorFor == null ? Set.of() : Set.copyOf(businessErrorFor);
        alreadyEnrolledFor = alreadyEnrolledFor == null ? Set.of() : Set.copyOf(alreadyEnrolledFor);
        failAfterCalls = failAfterCalls == null ? 0 : failAfterCalls;
    }

    public Behaviour withDelay(long millis) {
        return new Behaviour(endpoint, millis, status, noAnswer, businessErrorFor, alreadyEnrolledFor, failAfterCalls);
    }

    public Behaviour withStatus(int code) {
        return new Behaviour(endpoint, delayMs, code, noAnswer, businessErrorFor, alreadyEnrolledFor, failAfterCalls);
    }

    public Behaviour withNoAnswer() {
        return new Behaviour(endpoint, delayMs, status, true, businessErrorFor, alreadyEnrolledFor, failAfterCalls);
    }

    public Behaviour withBusinessErrorFor(String... ids) {
        return new Behaviour(endpoint, delayMs, status, noAnswer, Set.of(ids), alreadyEnrolledFor, failAfterCalls);
    }

    public Behaviour withAlreadyEnrolledFor(String... ids) {
        return new Behaviour(endpoint, delayMs, status, noAnswer, businessErrorFor, Set.of(ids), failAfterCalls);
    }

    public Behaviour withStatusAfter(int calls, int code) {
        return new Behaviour(endpoint, delayMs, code, noAnswer, businessErrorFor, alreadyEnrolledFor, calls);
    }
}
