package org.dacsderms.runtime.platform.notify;

/** The process e-mails of the file and transfer flows, each with the subject words operators filter on. */
public enum ProcessMailKind {
    COMPLETE("process complete"),
    COMPLETE_WITH_ERRORS("process complete - error"),
    NO_FILE("no file");

    private final String subject;

    ProcessMailKind(String subject) {
        this.subject = subject;
    }

    public String subject() {
        return subject;
    }
}
