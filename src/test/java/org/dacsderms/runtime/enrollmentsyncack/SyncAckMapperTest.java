package org.dacsderms.runtime.enrollmentsyncack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SyncAckMapperTest {

    private final SyncAckMapper mapper = new SyncAckMapper(90000, 1001);

    @Test
    void aSuccessHasNoExceptionEvenWhenDermsListedErrors() {
        SyncRequestUpdate update = mapper.toDacs(
                new SyncAckMessage("1", "SUCCESS", List.of(new SyncAckMessage.DermsError("W1", "warning"))));

        assertThat(update.exceptionInfo()).isEmpty();
    }

    @Test
    void anErrorWithoutDetailsStillGetsOneExceptionNamingTheAckType() {
        SyncRequestUpdate update = mapper.toDacs(new SyncAckMessage("1", "ERROR", null));

        assertThat(update.exceptionInfo())
                .containsExactly(new SyncRequestUpdate.ExceptionInfo(
                        1,
                        90000,
                        1001,
                        "DERMS answered ERROR without error details",
                        List.of(new SyncRequestUpdate.MessageParameter(1, "ERROR"))));
    }

    @Test
    void anErrorWithoutCodeHasNoMessageParameter() {
        SyncRequestUpdate update = mapper.toDacs(
                new SyncAckMessage("1", "ERROR", List.of(new SyncAckMessage.DermsError(null, "text only"))));

        assertThat(update.exceptionInfo().get(0).messageParameters()).isEmpty();
        assertThat(update.exceptionInfo().get(0).comments()).isEqualTo("text only");
    }
}
