package org.dacsderms.runtime.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * An HTTP simulator of one peer system (DACS or a DERMS instance) on loopback, for the sandbox and the tests. It
 * serves the contract's endpoints, checks HTTP Basic, keeps a journal of what it received, and can be told per
 * endpoint to answer late, with a given status, with a business error for given ids, or not at all.
 *
 * <p>Control, over HTTP on the simulator's own port:
 *
 * <ul>
 *   <li>{@code GET /__sim/journal} what it received ({@code ?endpoint=enroll} to filter), {@code DELETE} to clear;
 *   <li>{@code POST /__sim/behaviour} with a {@link Behaviour} as JSON, {@code DELETE /__sim/behaviour} to reset all;
 *   <li>{@code GET /__sim/stats} calls per endpoint and the most it answered at once;
 *   <li>{@code GET /__sim/endpoints} the endpoints it serves.
 * </ul>
 */
public class PeerSimulator implements AutoCloseable {

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm and delayed
        // ACKs add about 40 ms to every keep-alive answer, which no real DACS or DERMS does.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final int JOURNAL_LIMIT = 20_000;
    /** Characters of request bodies the journal keeps at most, so a bench of large uploads runs in a small heap. */
    private static final long JOURNAL_BODY_CHARS = 8_000_000;

    private static final String CONTROL = "/__sim";

    private final String name;
    private final String basePath;
    private final String authorization;
    private final ObjectMapper json =
            JsonMapper.builder().addModule(new JavaTimeModule()).build();
    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Deque<SimRequest> journal = new ConcurrentLinkedDeque<>();
    private final Map<String, EndpointStats> stats = new ConcurrentHashMap<>();
    private final AtomicLong journalChars = new AtomicLong();
    private final ExecutorService workers = Executors.newCachedThreadPool(daemon());
    private final Map<String, StreamEndpoint> streamEndpoints = new LinkedHashMap<>();
    private HttpServer server;

    /**
     * An endpoint that reads the request body itself, as a stream (big uploads), instead of having it journaled as a
     * string. It is reset with the simulator.
     */
    public interface StreamEndpoint extends com.sun.net.httpserver.HttpHandler {
        void reset();

        /** Serves {@code /__sim/<name>} on the simulator's port (no authentication, like the other controls). */
        default void control(HttpExchange exchange) throws IOException {
            send(exchange, SimResponse.json(404, "{\"message\":\"unknown control path\"}"));
        }
    }

    /** A simulated endpoint: short name, method, path below the base path, and what it answers. */
    public record Endpoint(String name, String method, String path, Function<SimCall, SimResponse> handler) {}

    /** A call as a handler sees it: the request and the behaviour in force for its endpoint. */
    public record SimCall(SimRequest request, Behaviour behaviour, ObjectMapper json, String pathTail) {}

    public PeerSimulator(String name, String basePath, String username, String password) {
        this.name = name;
        this.basePath = basePath;
        String pair = username + ":" + password;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds an endpoint; a path ending in {@code /*} matches any tail (handed to the handler). */
    public PeerSimulator on(String endpoint, String method, String path, Function<SimCall, SimResponse> handler) {
        endpoints.put(endpoint, new Endpoint(endpoint, method, path, handler));
        return this;
    }

    /** Adds an endpoint that streams its request body (see {@link StreamEndpoint}); HTTP Basic is checked first. */
    public PeerSimulator onStream(String path, StreamEndpoint endpoint) {
        streamEndpoints.put(path, endpoint);
        return this;
    }

    /** The stream endpoint served at {@code path} below the base path. */
    public StreamEndpoint streamEndpoint(String path) {
        return streamEndpoints.get(path);
    }

    private void serveStream(HttpExchange exchange, StreamEndpoint endpoint) throws IOException {
        try (exchange) {
            if (!authorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, SimResponse.json(401, "{\"message\":\"authentication required\"}"));
                return;
            }
            endpoint.handle(exchange);
        }
    }

    public PeerSimulator start(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        streamEndpoints.forEach((path, endpoint) -> {
            server.createContext(basePath + path, exchange -> serveStream(exchange, endpoint));
            server.createContext(CONTROL + path, exchange -> {
                try (exchange) {
                    endpoint.control(exchange);
                }
            });
        });
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String name() {
        return name;
    }

    /** The base URL the runtime is configured with. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + basePath;
    }

    public void behave(Behaviour behaviour) {
        if (!endpoints.containsKey(behaviour.endpoint())) {
            throw new IllegalArgumentException(name + " has no endpoint '" + behaviour.endpoint() + "'");
        }
        behaviours.put(behaviour.endpoint(), behaviour);
        calls.remove(behaviour.endpoint());
    }

    public Behaviour behaviour(String endpoint) {
        return behaviours.getOrDefault(endpoint, Behaviour.normal(endpoint));
    }

    /** Back to the contract's answers, and an empty journal. */
    public void reset() {
        stats.clear();
        streamEndpoints.values().forEach(StreamEndpoint::reset);
        behaviours.clear();
        calls.clear();
        journal.clear();
        journalChars.set(0);
    }

    public List<SimRequest> journal(String endpoint) {
        return journal.stream()
                .filter(r -> endpoint == null || endpoint.equals(r.endpoint()))
                .toList();
    }

    /** Stops answering: connections are refused until {@link #restart()}. */
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Serves again on the port it had. */
    public void restart() throws IOException {
        int previous = port();
        start(previous);
    }

    @Override
    public void close() {
        stop();
        workers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith(CONTROL)) {
                control(exchange, path.substring(CONTROL.length()));
                return;
            }
            if (!authorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, SimResponse.json(401, "{\"message\":\"authentication required\"}"));
                return;
            }
            serve(exchange, path);
        }
    }

    private void serve(HttpExchange exchange, String path) throws IOException {
        String method = exchange.getRequestMethod();
        for (Endpoint endpoint : endpoints.values()) {
            String tail = match(endpoint, method, path);
            if (tail != null) {
                EndpointStats counters = stats.computeIfAbsent(endpoint.name(), e -> new EndpointStats());
                counters.enter();
                try {
                    serve(exchange, endpoint, tail);
                } finally {
                    counters.leave();
                }
                return;
            }
        }
        send(exchange, SimResponse.json(404, "{\"message\":\"no such endpoint on the " + name + " simulator\"}"));
    }

    private void serve(HttpExchange exchange, Endpoint endpoint, String tail) throws IOException {
        SimRequest request = record(endpoint.name(), exchange);
        Behaviour behaviour = behaviour(endpoint.name());
        if (!misbehave(exchange, endpoint.name(), behaviour)) {
            send(exchange, answer(endpoint, new SimCall(request, behaviour, json, tail)));
        }
    }

    private static SimResponse answer(Endpoint endpoint, SimCall call) {
        try {
            return endpoint.handler().apply(call);
        } catch (RuntimeException e) {
            return SimResponse.json(
                    400,
                    "{\"problemDetailDocument\":{\"httpStatus\":400,"
                            + "\"detail\":\"the simulator cannot read the request body\"}}");
        }
    }

    private String match(Endpoint endpoint, String method, String path) {
        if (!endpoint.method().equals(method)) {
            return null;
        }
        String full = basePath + endpoint.path();
        if (full.endsWith("/*")) {
            String prefix = full.substring(0, full.length() - 1);
            return path.startsWith(prefix) && path.length() > prefix.length() ? path.substring(prefix.length()) : null;
        }
        return full.equals(path) ? "" : null;
    }

    /** Applies delay, forced status and silence; true when the answer has been given (or withheld). */
    private boolean misbehave(HttpExchange exchange, String endpoint, Behaviour behaviour) throws IOException {
        if (behaviour.delayMs() > 0) {
            sleep(behaviour.delayMs());
        }
        if (behaviour.noAnswer()) {
            sleep(TimeUnit.MINUTES.toMillis(10));
            return true;
        }
        int call = calls.computeIfAbsent(endpoint, e -> new AtomicInteger()).incrementAndGet();
        if (behaviour.status() != null && call > behaviour.failAfterCalls()) {
            send(
                    exchange,
                    SimResponse.json(
                            behaviour.status(),
                            "{\"message\":\"simulated HTTP " + behaviour.status() + " from " + name + "\"}"));
            return true;
        }
        return false;
    }

    private SimRequest record(String endpoint, HttpExchange exchange) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((key, values) -> {
            if (!"Authorization".equalsIgnoreCase(key)) {
                headers.put(key.toLowerCase(), String.join(",", values));
            }
        });
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        SimRequest request = new SimRequest(
                endpoint,
                exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(),
                headers,
                body,
                Instant.now());
        journal.addLast(request);
        journalChars.addAndGet(body.length());
        while (journal.size() > JOURNAL_LIMIT || journalChars.get() > JOURNAL_BODY_CHARS) {
            SimRequest dropped = journal.pollFirst();
            if (dropped == null) {
                break;
            }
            journalChars.addAndGet(-dropped.body().length());
        }
        return request;
    }

    private void control(HttpExchange exchange, String path) throws IOException {
        String method = exchange.getRequestMethod();
        if (path.equals("/journal") && method.equals("GET")) {
            String query = exchange.getRequestURI().getQuery();
            String endpoint = query != null && query.startsWith("endpoint=") ? query.substring(9) : null;
            send(exchange, SimResponse.json(200, json.writeValueAsString(journal(endpoint))));
        } else if (path.equals("/stats") && method.equals("GET")) {
            send(exchange, SimResponse.json(200, json.writeValueAsString(stats)));
        } else if (path.equals("/journal") && method.equals("DELETE")) {
            journal.clear();
            stats.clear();
            journalChars.set(0);
            send(exchange, SimResponse.json(204, ""));
        } else if (path.equals("/behaviour") && method.equals("POST")) {
            controlBehaviour(exchange);
        } else if (path.equals("/behaviour") && method.equals("DELETE")) {
            behaviours.clear();
            calls.clear();
            send(exchange, SimResponse.json(204, ""));
        } else if (path.equals("/endpoints") && method.equals("GET")) {
            List<Map<String, String>> list = new ArrayList<>();
            endpoints
                    .values()
                    .forEach(e ->
                            list.add(Map.of("endpoint", e.name(), "method", e.method(), "path", basePath + e.path())));
            send(exchange, SimResponse.json(200, json.writeValueAsString(list)));
        } else {
            send(exchange, SimResponse.json(404, "{\"message\":\"unknown control path\"}"));
        }
    }

    private void controlBehaviour(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            Behaviour behaviour = json.readValue(in, Behaviour.class);
            behave(behaviour);
            send(exchange, SimResponse.json(200, json.writeValueAsString(behaviour)));
        } catch (IOException | IllegalArgumentException e) {
            send(exchange, SimResponse.json(400, json.writeValueAsString(Map.of("message", e.getMessage()))));
        }
    }

    /** Calls received by one endpoint and the most it was answering at once. */
    public static final class EndpointStats {
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicInteger calls = new AtomicInteger();
        private final AtomicInteger maxInFlight = new AtomicInteger();

        void enter() {
            calls.incrementAndGet();
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        }

        void leave() {
            inFlight.decrementAndGet();
        }

        public int getCalls() {
            return calls.get();
        }

        public int getMaxInFlight() {
            return maxInFlight.get();
        }
    }

    static void send(HttpExchange exchange, SimResponse response) throws IOException {
        byte[] bytes = response.body() == null ? new byte[0] : response.body().getBytes(StandardCharsets.UTF_8);
        if (response.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
        }
        boolean empty = bytes.length == 0;
        exchange.sendResponseHeaders(response.status(), empty ? -1 : bytes.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "simulator-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
