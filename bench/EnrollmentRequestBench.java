import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.StringJoiner;

/**
 * Posts one enrollment batch of N requests to a running sandbox (make run) whose DACS simulator answers each enroll
 * call after a fixed delay, and prints the time taken, the most calls DACS saw at once, and what the same batch
 * would take one call at a time. Run: java bench/EnrollmentRequestBench.java [requests] [delayMs]; a sandbox on moved
 * ports is reached with RUNTIME_URL and DACS_CONTROL_URL.
 */
public class EnrollmentRequestBench {

    private static final String RUNTIME = System.getenv().getOrDefault("RUNTIME_URL", "http://127.0.0.1:8080");
    private static final String DACS_CONTROL =
            System.getenv().getOrDefault("DACS_CONTROL_URL", "http://127.0.0.1:18081/__sim");

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int delayMs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        HttpClient http = HttpClient.newHttpClient();
        control(http, "DELETE", "/behaviour", null);
        control(http, "DELETE", "/journal", null);
        control(http, "POST", "/behaviour", "{\"endpoint\":\"enroll\",\"delayMs\":" + delayMs + "}");

        String batch = batch(requests);
        String auth = Base64.getEncoder().encodeToString("sandbox:sandbox".getBytes(StandardCharsets.UTF_8));
        HttpRequest post = HttpRequest.newBuilder(URI.create(RUNTIME + "/enroll-to-dacs"))
                .header("Authorization", "Basic " + auth)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(batch))
                .build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(post, HttpResponse.BodyHandlers.ofString());
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        String stats = control(http, "GET", "/stats", null);
        control(http, "DELETE", "/behaviour", null);

        int successes = count(response.body(), "\"responseCode\":\"SUCCESS\"");
        System.out.printf("requests            %d%n", requests);
        System.out.printf("DACS delay per call %d ms%n", delayMs);
        System.out.printf("HTTP status         %d, %d entries SUCCESS%n", response.statusCode(), successes);
        System.out.printf("elapsed             %d ms (%.0f requests/s)%n", elapsedMs, requests * 1000.0 / elapsedMs);
        System.out.printf("one at a time       >= %d ms%n", (long) requests * delayMs);
        System.out.printf("DACS simulator      %s%n", stats);
    }

    private static String batch(int requests) {
        StringJoiner params = new StringJoiner(",", "{\"params\":[", "]}");
        for (int i = 1; i <= requests; i++) {
            params.add(("{\"messageId\":\"BENCH-%06d\",\"drmsInstanceId\":\"NMS1\","
                            + "\"customerInfo\":{\"cisPersonId\":\"82%08d\",\"cisAccountId\":\"44%08d\","
                            + "\"name\":\"Bench,Customer\",\"homePhone\":\"5125550134\",\"email\":\"b@example.org\"},"
                            + "\"programInfo\":{\"cisServiceAgreementId\":\"77%08d\",\"programCode\":\"BYOT-SUMMER\","
                            + "\"startDateTimeISO\":\"2026-06-01T05:00:00.000Z\"},"
                            + "\"locationInfo\":{\"division\":\"TX01\",\"cisPremiseId\":\"55%08d\","
                            + "\"postal\":\"78745\"},"
                            + "\"assetInfo\":{\"installationMethod\":\"X1SI\",\"assetOwnership\":\"W1CO\","
                            + "\"assetList\":"
                            + "[{\"sequence\":1,\"assetId\":\"TSTAT-%06d\",\"specification\":\"ECOBEE!SMART-PREMIUM\","
                            + "\"assetType\":\"THERMOSTAT\",\"nicId\":\"ECB-%08d\",\"headEndSystem\":\"ECOBEE\"}]}}")
                    .formatted(i, i, i, i, i, i, i));
        }
        return params.toString();
    }

    private static String control(HttpClient http, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(DACS_CONTROL + path));
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }
}
