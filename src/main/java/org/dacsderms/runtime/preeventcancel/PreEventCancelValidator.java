package org.dacsderms.runtime.preeventcancel;

import java.util.ArrayList;
import java.util.List;

/** The rules a cancellation from DERMS must meet before DACS is called: who sent it, its id and the event. */
final class PreEventCancelValidator {

    private PreEventCancelValidator() {}

    static List<String> defectsOf(PreEventCancelMessage message) {
        List<String> defects = new ArrayList<>();
        required(defects, "drmsInstanceId", message.drmsInstanceId());
        required(defects, "messageId", message.messageId());
        required(defects, "eventId", message.eventId());
        return defects;
    }

    private static void required(List<String> defects, String field, String value) {
        if (value == null || value.isBlank()) {
            defects.add(field + " is missing");
        }
    }
}
