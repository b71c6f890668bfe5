package org.hlspipeline.tools.schedule;

import java.util.ArrayList;
import java.util.List;

import org.hlspipeline.schemas.json.ChannelCommandJson;
import org.hlspipeline.schemas.json.InvalidCommandException;
import org.hlspipeline.tools.cli.ToolFailure;
import org.hlspipeline.tools.forms.Document;
import org.hlspipeline.tools.forms.FormSources;
import org.hlspipeline.tools.forms.JsonPaths;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a schedule into the channel commands that build it, in the order they are sent:
 * <ol>
 *   <li>a {@code configure} from the {@code configure} section;</li>
 *   <li>an {@code enqueue} (position END) of the items before the first one with a start time, effective with the
 *       configuration;</li>
 *   <li>for each item with a start time, one command effective at that time for it and the items after it up to
 *       the next timed one (a block): a {@code replace} (when NOW), which cuts what airs at the first segment
 *       boundary at or after the start and makes the block the queue; or, when the item has an
 *       {@code interrupt} section, an {@code interrupt} with its priority and resume policy, after which the
 *       channel goes back to what it cut.</li>
 * </ol>
 * Each form is read by the shared reader; a problem is reported where the schedule (or an asset descriptor it
 * names) has the offending value.
 */
final class SchedulePlan {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Schedule schedule;
    private final List<PlanStep> steps = new ArrayList<>();

    private SchedulePlan(Schedule schedule) {
        this.schedule = schedule;
    }

    /**
     * @throws ToolFailure (input) for the first form the shared reader refuses, placed in the file
     */
    static List<PlanStep> of(Schedule schedule) throws ToolFailure {
        SchedulePlan plan = new SchedulePlan(schedule);
        plan.configure();
        plan.blocks();
        return CommandIds.assign(schedule.id(), plan.steps);
    }

    private void configure() throws ToolFailure {
        Schedule.Configuration configure = schedule.configure();
        ObjectNode form = NODES.objectNode();
        form.put("type", "configure");
        form.setAll(configure.form());
        FormSources sources = new FormSources(form).add("", schedule.document(), Schedule.Configuration.PATH);
        if (configure.fillerAsset() != null) {
            traceAsset(sources, "filler.vod", configure.fillerAsset());
        }
        add(form, sources);
    }

    private void blocks() throws ToolFailure {
        List<Schedule.Entry> items = schedule.items();
        int firstTimed = 0;
        while (firstTimed < items.size() && !items.get(firstTimed).timed()) {
            firstTimed++;
        }
        if (firstTimed > 0) {
            ObjectNode form = NODES.objectNode();
            form.put("type", "enqueue");
            if (schedule.configure().effectiveAt() != null) {
                form.put("effectiveAt", schedule.configure().effectiveAt().toString());
            }
            FormSources sources = items(form, items.subList(0, firstTimed));
            form.put("position", "END");
            add(form, sources);
        }
        int i = firstTimed;
        while (i < items.size()) {
            int end = i + 1;
            while (end < items.size() && !items.get(end).timed()) {
                end++;
            }
            Schedule.Entry timed = items.get(i);
            ObjectNode form = NODES.objectNode();
            form.put("type", timed.interrupt() == null ? "replace" : "interrupt");
            form.put("effectiveAt", timed.start().toString());
            FormSources sources = items(form, items.subList(i, end));
            sources.add("effectiveAt", schedule.document(), JsonPaths.field(timed.path(), "start"));
            if (timed.interrupt() == null) {
                form.put("when", "NOW");
            } else {
                form.setAll(timed.interrupt());
                String interruptPath = JsonPaths.field(timed.path(), "interrupt");
                sources.add("priority", schedule.document(), JsonPaths.field(interruptPath, "priority"));
                sources.add("resume", schedule.document(), JsonPaths.field(interruptPath, "resume"));
            }
            add(form, sources);
            i = end;
        }
    }

    /**
     * Puts the entries in the form's {@code items} and traces each to the file; the command as a whole is placed
     * at its first entry.
     */
    private FormSources items(ObjectNode form, List<Schedule.Entry> entries) {
        ArrayNode items = form.putArray("items");
        FormSources sources = new FormSources(form).add("", schedule.document(), entries.get(0).path());
        for (Schedule.Entry entry : entries) {
            String formPath = JsonPaths.element("items", items.size());
            items.add(entry.form());
            sources.add(formPath, schedule.document(), entry.path());
            if (entry.asset() != null) {
                traceAsset(sources, JsonPaths.field(formPath, "vod"), entry.asset());
            }
        }
        return sources;
    }

    private void traceAsset(FormSources sources, String formPath, Schedule.Asset asset) {
        Document document = schedule.document();
        sources.add(formPath, asset.document(), "", "the asset of " + asset.reference().replace(".asset", "")
                + ", " + document.where(asset.reference()));
    }

    private void add(ObjectNode form, FormSources sources) throws ToolFailure {
        try {
            steps.add(new PlanStep(ChannelCommandJson.parseCommand(schedule.channelId(), form), sources));
        } catch (InvalidCommandException e) {
            throw ToolFailure.input(sources.place(e.field(), e.getMessage()).orElse(e.getMessage()));
        }
    }
}
