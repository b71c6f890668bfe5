package org.hlspipeline.tools.publish;

import java.io.PrintWriter;

import org.hlspipeline.tools.cli.ClientSettings;
import org.hlspipeline.tools.cli.ExitCodes;

/**
 * A subcommand that publishes one event: build it from the options (refusing invalid input with exit code 2 before
 * connecting anywhere), resolve the connection, publish, and report one line.
 */
abstract class PublishCommand extends KafkaCommand {

    /** Builds the event from the options; calls {@link #check} for every rule. */
    abstract Outgoing event();

    @Override
    public final Integer call() {
        Outgoing outgoing = event();
        ClientSettings settings = settings();
        PrintWriter out = out();
        try (EventPublisher publisher = tools().publishers().open(settings)) {
            Delivery delivery = publisher.publish(settings.topic(), outgoing.key(), outgoing.value());
            out.println("published " + outgoing.description() + " to " + delivery);
            out.flush();
            return ExitCodes.OK;
        } catch (PublishException e) {
            return failed(e);
        }
    }
}
