package org.dacsderms.runtime.eventfile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code message} part of an event file upload (messages.md sections 6 and 8). The outcome message carries only
 * the instance and message ids; the reservation message describes the event as well.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventFileMessage(
        String drmsInstanceId,
        String messageId,
        String eventId,
        String eventType,
        String eventStatus,
        String eventStartDateTime,
        String eventEndDateTime) {

    /** Message id, event id and file name, as the execution record and the e-mails show them. */
    public String businessIds(String fileName) {
        StringBuilder ids = new StringBuilder("messageId=").append(messageId);
        if (eventId != null) {
            ids.append(", eventId=").append(eventId);
        }
        return ids.append(", file=").append(fileName).toString();
    }
}
