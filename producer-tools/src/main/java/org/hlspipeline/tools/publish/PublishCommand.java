package org.hlspipeline.tools.publish;

import java.io.PrintWriter;

import org.hlspipeline.tools.cli.ClientSettings;
import org.hlspipeline.tools.cli.ExitCodes;

/**
 * A subcommand that publishes one event: build it from the options (refusing invalid input with exit code 2 before
 * connecting anywhere), resolve the connection, ask the app when the command knows what its state may refuse
 * (exit code 7), publish, and report one line.
 */
abstract class PublishCommand extends KafkaCommand {

    /** Builds the event from the options; calls {@link #check} for every rule. */
    abstract Outgoing event();

    /** What the app's state says of the event before it is sent; by default the app is not asked. */
    AppStateCheck.Verdict verdict(Outgoing outgoing) {
        return AppStateCheck.Verdict.SEND;
    }

    @Override
    public final Integer call() {
        Outgoing outgoing = event();
        ClientSettings settings = settings();
        PrintWriter out = out();
        AppStateCheck.Verdict verdict = verdict(outgoing);
        if (verdict.refusal() != null) {
            err().println(commandSpec().qualifiedName() + ": " + verdict.refusal());
            err().flush();
            return ExitCodes.APP_REFUSES;
        }
        try (EventPublisher publisher = tools().publishers().open(settings)) {
            Delivery delivery = publisher.publish(settings.topic(), outgoing.key(), outgoing.value());
            out.println("published " + outgoing.description() + " to " + delivery);
            out.flush();
            if (verdict.note() != null) {
                err().println(commandSpec().qualifiedName() + ": " + verdict.note());
                err().flush();
            }
            return ExitCodes.OK;
        } catch (PublishException e) {
            return failed(e);
        }
    }
}
