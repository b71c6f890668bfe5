package org.hlspipeline.tools.alert;

import org.hlspipeline.tools.cli.ToolFailure;
import org.hlspipeline.tools.cli.VersionProvider;
import org.hlspipeline.tools.forms.FormSources;
import tools.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "cancel-alert", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Withdraw an alert (a CancelAlert on hls.broadcasts, keyed by the alert id) and print the alert id: "
                    + "channels airing it go back to their programming at the next segment boundary, and those "
                    + "it has not reached yet never air it."
        },
        footer = {
            "",
            "Example:",
            "  producer-tools cancel-alert --alert-id storm-1"
        })
public final class CancelAlertCommand extends BroadcastSender {

    @Option(names = "--alert-id", paramLabel = "<id>", order = 1,
            description = "The alert's id. Required without --file.")
    String alertId;

    @Override
    String type() {
        return "cancel-alert";
    }

    @Override
    boolean formFlagsGiven() {
        return alertId != null;
    }

    @Override
    void fill(ObjectNode form, FormSources sources) throws ToolFailure {
        if (alertId == null) {
            throw ToolFailure.usage("give --alert-id (or --file)");
        }
        form.put("type", "cancel-alert");
        form.put("alertId", alertId);
    }
}
