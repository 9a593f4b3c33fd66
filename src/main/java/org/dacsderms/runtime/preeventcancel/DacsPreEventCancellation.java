package org.dacsderms.runtime.preeventcancel;

/**
 * The body of DACS {@code preEventCancellation}. DACS takes 100 characters of cancel message; a longer DERMS text is
 * cut there rather than refused, since it is free text and the cancellation matters more than its wording.
 */
public record DacsPreEventCancellation(String eventExternalIdentifier, String cancelMessage) {

    static final int MAX_CANCEL_MESSAGE = 100;

    static DacsPreEventCancellation of(PreEventCancelMessage message) {
        String text = message.cancellationMessageText();
        if (text != null && text.length() > MAX_CANCEL_MESSAGE) {
            text = text.substring(0, MAX_CANCEL_MESSAGE);
        }
        return new DacsPreEventCancellation(message.eventId(), text);
    }
}
