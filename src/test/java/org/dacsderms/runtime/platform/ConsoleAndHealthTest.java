package org.dacsderms.runtime.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.dacsderms.runtime.support.RuntimeTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ConsoleAndHealthTest extends RuntimeTestSupport {

    private static final String ROUTE_MBEAN =
            "org.apache.camel:context=dacs-derms-runtime,type=routes,name=\"enrollment-request\"";

    @Autowired
    private ObjectMapper json;

    @Test
    void livenessAndReadinessAnswerWithoutCredentials() {
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpResponse<String> response = send(request(probe).GET(), false);

            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            assertThat(response.body()).as(probe).contains("\"UP\"");
        }
    }

    @Test
    void everythingElseNeedsCredentials() {
        for (String path :
                new String[] {"/actuator/health", "/actuator/hawtio/", "/actuator/jolokia", "/", "/actuator/metrics"}) {
            assertThat(send(request(path).GET(), false).statusCode()).as(path).isEqualTo(401);
        }
    }

    @Test
    void healthReportsWhetherDacsAndEachDermsInstanceAnswer() throws Exception {
        JsonNode health = json.readTree(operatorGet("/actuator/health").body());

        assertThat(health.at("/components/dacs/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/derms/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/derms/details/nms1").asText()).isEqualTo("UP");
        assertThat(health.at("/components/derms/details/nms2").asText()).isEqualTo("UP");
    }

    @Test
    void healthReportsDacsDownWhenItsHealthCheckFails() throws Exception {
        SANDBOX.dacs().stop();
        try {
            JsonNode health = json.readTree(operatorGet("/actuator/health").body());

            assertThat(health.at("/components/dacs/status").asText()).isEqualTo("DOWN");
            assertThat(health.at("/components/dacs/details/error").asText())
                    .isEqualTo("DACS did not answer: " + "connection refused");
        } finally {
            SANDBOX.restartDacs();
        }
        assertThat(send(request("/actuator/health/readiness").GET(), false).statusCode())
                .isEqualTo(200);
    }

    @Test
    void anOperatorCanReadTheExecutionRecordOfACall() throws Exception {
        HttpResponse<String> call = post("/enroll-to-dacs", sample("enrollment-request.json"));
        String trackingId = call.headers().firstValue("X-Tracking-Id").orElseThrow();

        JsonNode record = json.readTree(operatorGet("/executions/" + trackingId).body());
        JsonNode latest = json.readTree(
                operatorGet("/executions?flow=enrollment-request&limit=5").body());

        assertThat(record.get("status").asText()).isEqualTo("SUCCESS");
        assertThat(record.get("recordCount").asInt()).isEqualTo(2);
        assertThat(latest.findValuesAsText("trackingId")).contains(trackingId);
        assertThat(operatorGet("/executions/no-such-id").statusCode()).isEqualTo(404);
        HttpResponse<String> noFlow = operatorGet("/executions");
        assertThat(noFlow.statusCode()).isEqualTo(400);
        assertThat(json.readTree(noFlow.body()).get("code").asText()).isEqualTo("FLOW_REQUIRED");
        HttpResponse<String> unknownFlow = operatorGet("/executions?flow=no-such-flow");
        assertThat(unknownFlow.statusCode()).isEqualTo(400);
        assertThat(json.readTree(unknownFlow.body()).get("code").asText()).isEqualTo("UNKNOWN_FLOW");
        assertThat(send(request("/executions/" + trackingId).GET(), false).statusCode())
                .isEqualTo(401);
    }

    @Test
    void theIntegrationUserHasNoAccessToTheConsoleAndTheOperatorNoneToTheFlows() {
        for (String path : new String[] {"/actuator/health", "/actuator/hawtio/", "/actuator/jolokia", "/executions"}) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(403);
        }

        HttpResponse<String> enroll = operatorPost("/enroll-to-dacs", sample("enrollment-request.json"));

        assertThat(enroll.statusCode()).isEqualTo(403);
        assertThat(enroll.body()).contains("\"code\":\"FORBIDDEN\"");
        assertThat(SANDBOX.dacs().journal(null)).isEmpty();
    }

    @Test
    void aRequestABrowserSendsForAnotherSiteIsRefused() {
        HttpResponse<String> enroll = send(
                request("/enroll-to-dacs")
                        .header("Origin", "http://elsewhere.example")
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString(sample("enrollment-request.json"))),
                true);
        HttpResponse<String> console = sendAs(
                request("/actuator/jolokia")
                        .header("Origin", "http://elsewhere.example")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"version\"}")),
                OPERATOR,
                OPERATOR_PASSWORD);

        assertThat(enroll.statusCode()).isEqualTo(403);
        assertThat(console.statusCode()).isEqualTo(403);
        assertThat(console.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(SANDBOX.dacs().journal(null)).isEmpty();
    }

    @Test
    void theConsoleMayNotRunJvmDiagnosticCommands() throws Exception {
        HttpResponse<String> response = sendAs(
                request("/actuator/jolokia")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"exec\",\"mbean\":"
                                + "\"com.sun.management:type=DiagnosticCommand\",\"operation\":\"vmCommandLine()\"}")),
                OPERATOR,
                OPERATOR_PASSWORD);

        assertThat(json.readTree(response.body()).get("status").asInt())
                .as(response.body())
                .isEqualTo(403);
        assertThat(response.body()).doesNotContain("-Xmx", "java.class.path");
    }

    @Test
    void answersSpringWritesItselfHaveTheContractsErrorBody() throws Exception {
        HttpResponse<String> unknownPath = get("/no-such-flow");
        HttpResponse<String> wrongResource =
                post("/ic/api/integration/v1/flows/rest/OUTL-BA-DRMS_DACS_ENROLLRQ/1.0/sendEnrollAck", "{}");

        for (HttpResponse<String> response : List.of(unknownPath, wrongResource)) {
            assertThat(response.statusCode()).isEqualTo(404);
            JsonNode error = json.readTree(response.body());
            assertThat(error.get("code").asText()).isEqualTo("NOT_FOUND");
            assertThat(error.has("trackingId")).isTrue();
            assertThat(response.body()).doesNotContain("timestamp", "Whitelabel");
        }
    }

    @Test
    void theConsoleMayNotSendMessagesThroughCamelNorReadSecretsWithThem() throws Exception {
        String request = "{\"type\":\"exec\",\"mbean\":\"org.apache.camel:context=dacs-derms-runtime,type=context,"
                + "name=\\\"dacs-derms-runtime\\\"\","
                + "\"operation\":\"requestStringBody(java.lang.String,java.lang.String)\","
                + "\"arguments\":[\"language:simple:${properties:inbound.password}\",\"x\"]}";

        HttpResponse<String> response = sendAs(
                request("/actuator/jolokia")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(request)),
                OPERATOR,
                OPERATOR_PASSWORD);

        assertThat(json.readTree(response.body()).get("status").asInt())
                .as(response.body())
                .isEqualTo(403);
        assertThat(response.body()).doesNotContain(PASSWORD);
    }

    @Test
    void theConsoleIsServedToAnAuthenticatedOperator() {
        HttpResponse<String> response = operatorGet("/actuator/hawtio/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).containsIgnoringCase("hawtio");
    }

    @Test
    void theConsoleCanStopAndStartAFlowRoute() throws Exception {
        assertThat(routeState()).isEqualTo("Started");

        jolokiaExec("stop()");
        try {
            assertThat(routeState()).isEqualTo("Stopped");
            HttpResponse<String> whileStopped = post("/enroll-to-dacs", sample("enrollment-request.json"));
            assertThat(whileStopped.statusCode()).isEqualTo(503);
            assertThat(json.readTree(whileStopped.body()).get("code").asText()).isEqualTo("FLOW_STOPPED");
            assertThat(SANDBOX.dacs().journal("enroll")).isEmpty();
        } finally {
            jolokiaExec("start()");
        }

        assertThat(routeState()).isEqualTo("Started");
        assertThat(post("/enroll-to-dacs", sample("enrollment-request.json")).statusCode())
                .isEqualTo(200);
    }

    private String routeState() throws Exception {
        String body = jolokia(
                "{\"type\":\"read\",\"mbean\":" + json.writeValueAsString(ROUTE_MBEAN) + ",\"attribute\":\"State\"}");
        return json.readTree(body).get("value").asText();
    }

    private void jolokiaExec(String operation) throws Exception {
        String body = jolokia("{\"type\":\"exec\",\"mbean\":" + json.writeValueAsString(ROUTE_MBEAN)
                + ",\"operation\":\"" + operation + "\"}");
        assertThat(json.readTree(body).get("status").asInt()).as(body).isEqualTo(200);
    }

    private String jolokia(String request) {
        HttpResponse<String> response = sendAs(
                request("/actuator/jolokia")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(request)),
                OPERATOR,
                OPERATOR_PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
