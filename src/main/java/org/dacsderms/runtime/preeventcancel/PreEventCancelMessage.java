package org.dacsderms.runtime.preeventcancel;

/** What DERMS posts to {@code /event-cancellation-to-dacs} (contract messages.md section 7). */
public record PreEventCancelMessage(
        String drmsInstanceId, String messageId, String eventId, String cancellationMessageText) {}
