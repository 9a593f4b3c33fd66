package org.dacsderms.runtime.enrollmentsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class EnrollmentSyncMapperTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void subscriptionTimesBecomeUtcWithMillisecondsAndAMissingZoneMeansUtc() {
        assertThat(EnrollmentSyncMapper.dermsTime("2026-06-01T07:00:00+02:00")).isEqualTo("2026-06-01T05:00:00.000Z");
        assertThat(EnrollmentSyncMapper.dermsTime("2026-06-01T05:00:00")).isEqualTo("2026-06-01T05:00:00.000Z");
        assertThat(EnrollmentSyncMapper.dermsTime(null)).isNull();
    }

    @Test
    void eachDermsResponseThatIsNotSuccessIsOneErrorWithItsCodeAndText() {
        String body = "{\"MsgAck\":{\"ackType\":\"ERROR\",\"responses\":{\"response\":["
                + "{\"id\":\"1\",\"value\":\"fine\",\"responseCode\":\"SUCCESS\"},"
                + "{\"id\":\"1\",\"value\":\"person id is missing\",\"responseCode\":\"ERROR\"}]}}}";

        SyncAckRequest ack = DermsSyncAnswer.read("42", body, json).orElseThrow();

        assertThat(ack.dacsMessageId()).isEqualTo("42");
        assertThat(ack.ackType()).isEqualTo("ERROR");
        assertThat(ack.errors()).containsExactly(new SyncAckRequest.Error("ERROR", "person id is missing"));
    }

    @Test
    void aSingleResponseObjectIsReadLikeAListOfOne() {
        String body = "{\"MsgAck\":{\"ackType\":\"FAILURE\",\"responses\":{\"response\":"
                + "{\"value\":\"head-end down\",\"responseCode\":\"FAILURE\"}}}}";

        assertThat(DermsSyncAnswer.read("42", body, json).orElseThrow().errors())
                .containsExactly(new SyncAckRequest.Error("FAILURE", "head-end down"));
    }

    @Test
    void aBodyWithoutAckTypeIsNoAnswer() {
        assertThat(DermsSyncAnswer.read("42", "{\"status\":\"ok\"}", json)).isEmpty();
        assertThat(DermsSyncAnswer.read("42", "not json", json)).isEmpty();
    }
}
