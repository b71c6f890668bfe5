package org.hlspipeline.tools.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Where the parts of one JSON form came from. A form the tool builds (a schedule's enqueue, an item given by
 * flags with an asset file) is made of pieces of documents the user wrote; the shared reader and the processor's
 * rules name what is wrong by the form's paths ({@code items[0].vod.segmentCount}). This turns such a message
 * back into the user's terms: the document, the line and column, and the path in that document.
 */
public final class FormSources {

    /** A leading path in a rule's message: {@code items[1] "ep2": ...}, {@code ladder[0] "720p": ...}. */
    private static final Pattern LEADING_PATH =
            Pattern.compile("^[A-Za-z]+(?:\\[\\d+])?(?:\\.[A-Za-z]+(?:\\[\\d+])?)*");

    private record Source(String formPath, Document document, String documentPath, String context) {
    }

    private final JsonNode form;
    private final List<Source> sources = new ArrayList<>();

    /** @param form the form whose parts are traced */
    public FormSources(JsonNode form) {
        this.form = form;
    }

    /** The form's value at {@code formPath} (and what is inside it) came from {@code documentPath} of a document. */
    public FormSources add(String formPath, Document document, String documentPath) {
        return add(formPath, document, documentPath, null);
    }

    /**
     * As {@link #add(String, Document, String)}, with a note on how that document was reached, for a document
     * that another names ("the asset of items[2], schedule.yaml line 14, column 12").
     */
    public FormSources add(String formPath, Document document, String documentPath, String context) {
        sources.add(new Source(formPath, document, documentPath, context));
        return this;
    }

    /**
     * A problem with the form's value at {@code formPath}, as the user would look for it: {@code schedule.yaml
     * line 20, column 7: items[4].vod.segmentCount is required}, the message's leading form path rewritten to the
     * document's. Empty when no document gave that value (it came from flags): then the message stands as is.
     */
    public Optional<String> place(String formPath, String message) {
        Source source = sourceOf(formPath);
        if (source == null) {
            return Optional.empty();
        }
        String documentPath = JsonPaths.rebase(formPath, source.formPath(), source.documentPath());
        String text = message;
        if (!formPath.isEmpty() && message.startsWith(formPath)) {
            String rest = message.substring(formPath.length());
            text = documentPath.isEmpty() ? "the document" + rest : documentPath + rest;
        }
        String context = source.context() == null ? "" : " (" + source.context() + ")";
        return Optional.of(source.document().where(documentPath) + context + ": " + text);
    }

    /**
     * A rule's reason about the whole form, placed by the path it starts with when the form has that path
     * ({@code items[1] "ep2": rendition 480p of the ladder is missing}), else at the form itself.
     */
    public Optional<String> placeReason(String reason) {
        Matcher leading = LEADING_PATH.matcher(reason);
        if (leading.find() && JsonPaths.find(form, leading.group()) != null) {
            return place(leading.group(), reason);
        }
        return place("", reason);
    }

    /** The source holding {@code formPath} most closely: the one with the longest path it lies within. */
    private Source sourceOf(String formPath) {
        Source best = null;
        for (Source source : sources) {
            if (JsonPaths.within(formPath, source.formPath())
                    && (best == null || source.formPath().length() > best.formPath().length())) {
                best = source;
            }
        }
        return best;
    }
}
