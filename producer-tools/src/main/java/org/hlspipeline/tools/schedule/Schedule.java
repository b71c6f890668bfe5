package org.hlspipeline.tools.schedule;

import java.time.Instant;
import java.util.List;

import org.hlspipeline.tools.forms.Document;
import tools.jackson.databind.node.ObjectNode;

/**
 * A schedule file, read and checked for the fields that are its own (the JSON forms' fields are the shared
 * reader's to check): the channel, its configuration, and its items in airing order.
 *
 * @param document  the file
 * @param channelId the channel it programs
 * @param id        the schedule's id, from which the command ids are derived; null for random command ids
 * @param configure the channel's configuration
 * @param items     the items in file order
 */
record Schedule(Document document, String channelId, String id, Configuration configure, List<Entry> items) {

    /**
     * The {@code configure} section: a configure command's form without its type.
     *
     * @param form        the form's fields, an {@code asset} of the filler already replaced by its {@code vod}
     * @param fillerAsset the filler's asset descriptor, or null
     * @param effectiveAt when the configuration takes effect, or null for on receipt
     */
    record Configuration(ObjectNode form, Asset fillerAsset, Instant effectiveAt) {
        static final String PATH = "configure";
    }

    /**
     * One item of the file.
     *
     * @param path      where it is in the file: {@code items[3]}
     * @param form      its JSON form as an item of a command, an {@code asset} already replaced by its {@code vod}
     * @param asset     its asset descriptor, or null
     * @param start     when it starts, or null for after the item before it
     * @param interrupt the {@code interrupt} section's fields (priority, resume), or null for a replace
     */
    record Entry(String path, ObjectNode form, Asset asset, Instant start, ObjectNode interrupt) {

        boolean timed() {
            return start != null;
        }

        String itemId() {
            return form.path("itemId").asString("");
        }
    }

    /** An asset descriptor named by the file, and where it was named ({@code items[3].asset}). */
    record Asset(Document document, String reference) {
    }
}
