package org.hlspipeline.tools.schedule;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hlspipeline.schemas.json.InvalidCommandException;
import org.hlspipeline.schemas.json.JsonFields;
import org.hlspipeline.tools.cli.InputChecks;
import org.hlspipeline.tools.cli.ToolFailure;
import org.hlspipeline.tools.forms.Document;
import org.hlspipeline.tools.forms.DocumentReader;
import org.hlspipeline.tools.forms.JsonPaths;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a schedule file's own fields, with the line and column of whatever is wrong: {@code channel}, {@code id},
 * {@code configure}, {@code items}, and an item's {@code asset}, {@code start} and {@code interrupt}. Asset
 * descriptors are read here (relative to the schedule's folder), so the forms handed on are complete. The fields
 * of the JSON forms themselves are left to the shared reader, which the plan applies next.
 */
final class ScheduleReader {

    /** Longest schedule id: room for {@code .<n>.<hash>} within the 128 characters of a command id. */
    static final int MAX_ID_LENGTH = 100;

    private static final String[] ITEM_FIELDS = {"itemId", "kind", "title", "loop", "continuousTimestamps", "vod",
        "live", "in", "out"};
    private static final String[] CONFIGURE_FIELDS = {"ladder", "windowSize", "targetDuration", "filler",
        "programDateTime", "adMarkers", "effectiveAt"};

    private final Document document;
    private final Map<Path, Document> assets = new HashMap<>();

    private ScheduleReader(Document document) {
        this.document = document;
    }

    /**
     * @param channelFlag the {@code --channel} flag, or null
     * @throws ToolFailure (input) naming the file, line and column of the first problem; (usage) when the channel
     *                     is given nowhere or differently in the file and the flag
     */
    static Schedule read(Document document, String channelFlag) throws ToolFailure {
        return new ScheduleReader(document).schedule(channelFlag);
    }

    private Schedule schedule(String channelFlag) throws ToolFailure {
        if (!document.root().isObject()) {
            throw ToolFailure.input(document.where("") + ": a schedule is a mapping with channel, configure and "
                    + "items");
        }
        try {
            JsonFields top = JsonFields.of(document.root(), "");
            top.only("channel", "id", "configure", "items");
            String channel = channel(top.string("channel", false), channelFlag);
            String id = top.string("id", false);
            if (id != null) {
                check("id", InputChecks.idProblem("id", id));
                if (id.length() > MAX_ID_LENGTH) {
                    throw new InvalidCommandException("id", "id is " + id.length() + " characters long, more than "
                            + MAX_ID_LENGTH + " (command ids add a suffix to it)");
                }
            }
            top.object(Schedule.Configuration.PATH, true);
            Schedule.Configuration configure = configure((ObjectNode) document.root().get(Schedule.Configuration.PATH));
            List<Schedule.Entry> items = new ArrayList<>();
            if (top.array("items", false, (node, path) -> node) != null) {
                JsonNode array = document.root().get("items");
                for (int i = 0; i < array.size(); i++) {
                    items.add(entry(array.get(i), JsonPaths.element("items", i)));
                }
            }
            checkTimes(configure, items);
            return new Schedule(document, channel, id, configure, items);
        } catch (InvalidCommandException e) {
            throw ToolFailure.input(document.where(e.field()) + ": " + e.getMessage());
        }
    }

    private String channel(String inFile, String flag) throws ToolFailure {
        if (inFile != null && flag != null && !inFile.equals(flag)) {
            throw ToolFailure.usage("--channel " + flag + " differs from the schedule's channel " + inFile
                    + " (" + document.where("channel") + ")");
        }
        String channel = flag != null ? flag : inFile;
        if (channel == null) {
            throw ToolFailure.usage(document.name() + " names no channel: give \"channel\" in the file or "
                    + "--channel");
        }
        if (flag == null) {
            check("channel", InputChecks.idProblem("channel", channel));
        } else {
            Optional<String> problem = InputChecks.idProblem("--channel", channel);
            if (problem.isPresent()) {
                throw ToolFailure.usage(problem.get());
            }
        }
        return channel;
    }

    private Schedule.Configuration configure(ObjectNode section) throws ToolFailure {
        String path = Schedule.Configuration.PATH;
        JsonFields fields = JsonFields.of(section, path);
        fields.only(CONFIGURE_FIELDS);
        Instant effectiveAt = fields.instant("effectiveAt", false);
        ObjectNode form = section.deepCopy();
        Schedule.Asset fillerAsset = null;
        if (fields.object("filler", false) != null) {
            String fillerPath = JsonPaths.field(path, "filler");
            ObjectNode filler = (ObjectNode) section.get("filler");
            JsonFields.of(filler, fillerPath).only(with(ITEM_FIELDS, "asset"));
            ObjectNode fillerForm = filler.deepCopy();
            fillerAsset = takeAsset(fillerForm, fillerPath);
            form.set("filler", fillerForm);
        }
        return new Schedule.Configuration(form, fillerAsset, effectiveAt);
    }

    private Schedule.Entry entry(JsonNode node, String path) throws ToolFailure {
        JsonFields fields = JsonFields.of(node, path);
        fields.only(with(ITEM_FIELDS, "asset", "start", "interrupt"));
        Instant start = fields.instant("start", false);
        JsonFields interrupt = fields.object("interrupt", false);
        if (interrupt != null) {
            interrupt.only("priority", "resume");
            if (start == null) {
                throw new InvalidCommandException(JsonPaths.field(path, "interrupt"), path + " interrupts, so it "
                        + "needs a start: the time it cuts in");
            }
        }
        ObjectNode form = ((ObjectNode) node).deepCopy();
        form.remove(List.of("start", "interrupt"));
        Schedule.Asset asset = takeAsset(form, path);
        return new Schedule.Entry(path, form, asset,
                start, interrupt == null ? null : (ObjectNode) node.get("interrupt").deepCopy());
    }

    /** Replaces the item form's {@code asset} by the descriptor it names, as the form's {@code vod}. */
    private Schedule.Asset takeAsset(ObjectNode item, String path) throws ToolFailure {
        String assetPath = JsonPaths.field(path, "asset");
        String reference = JsonFields.of(item, path).string("asset", false);
        if (reference == null) {
            return null;
        }
        if (item.has("vod") || item.has("live")) {
            throw new InvalidCommandException(assetPath, path + " gives asset and " + (item.has("vod") ? "vod" : "live")
                    + "; give one source");
        }
        Path file = document.folder().resolve(reference).normalize();
        Document descriptor = assets.get(file);
        if (descriptor == null) {
            try {
                descriptor = DocumentReader.read(file, Document.Format.of(reference, Document.Format.JSON));
            } catch (ToolFailure e) {
                throw ToolFailure.input(document.where(assetPath) + ": " + assetPath + ": " + e.getMessage());
            }
            assets.put(file, descriptor);
        }
        item.remove("asset");
        item.set("vod", descriptor.root());
        return new Schedule.Asset(descriptor, assetPath);
    }

    /**
     * Start times must come in order, and none before the configuration takes effect: a schedule is read top to
     * bottom as the channel will air it, and an item listed after a later one is almost always a typo.
     */
    private static void checkTimes(Schedule.Configuration configure, List<Schedule.Entry> items) {
        Schedule.Entry previous = null;
        for (Schedule.Entry entry : items) {
            if (!entry.timed()) {
                continue;
            }
            String startPath = JsonPaths.field(entry.path(), "start");
            if (configure.effectiveAt() != null && entry.start().isBefore(configure.effectiveAt())) {
                throw new InvalidCommandException(startPath, startPath + " " + entry.start() + " is before "
                        + "configure.effectiveAt " + configure.effectiveAt() + ", when the channel is configured");
            }
            if (previous != null && !entry.start().isAfter(previous.start())) {
                throw new InvalidCommandException(startPath, startPath + " " + entry.start() + " is not after "
                        + previous.path() + ".start " + previous.start() + ": list timed items in the order they "
                        + "start");
            }
            previous = entry;
        }
    }

    private static void check(String field, Optional<String> problem) {
        problem.ifPresent(message -> {
            throw new InvalidCommandException(field, message);
        });
    }

    private static String[] with(String[] fields, String... more) {
        String[] all = new String[fields.length + more.length];
        System.arraycopy(fields, 0, all, 0, fields.length);
        System.arraycopy(more, 0, all, fields.length, more.length);
        return all;
    }
}
