package org.hlspipeline.tools.schedule;

import org.hlspipeline.schemas.channel.ChannelCommand;
import org.hlspipeline.tools.forms.FormSources;

/**
 * A command of a schedule's plan, and where its form's parts are in the files. A file of its own because the plan
 * makes steps, the command ids rewrite them, and the check and the command read them, none through another.
 */
record PlanStep(ChannelCommand command, FormSources sources) {
}
