package org.dacsderms.runtime.devicescore;

import java.util.List;

/** The text of a transfer run's process e-mail: the files transferred and those not transferred, with why. */
final class RunSummary {

    private RunSummary() {}

    static String text(String location, List<TransferRun.FileOutcome> sent, List<TransferRun.FileOutcome> notSent) {
        StringBuilder text = new StringBuilder();
        text.append("Location:     ").append(location).append("\n\n");
        section(text, "Files transferred", sent);
        section(text, "Files not transferred", notSent);
        return text.toString();
    }

    private static void section(StringBuilder text, String title, List<TransferRun.FileOutcome> outcomes) {
        text.append(title).append(" (").append(outcomes.size()).append("):\n");
        if (outcomes.isEmpty()) {
            text.append("  none\n");
        }
        for (TransferRun.FileOutcome outcome : outcomes) {
            text.append("  ")
                    .append(outcome.fileName())
                    .append(" (")
                    .append(outcome.size())
                    .append(" bytes): ")
                    .append(outcome.detail())
                    .append("\n");
        }
        text.append("\n");
    }
}
