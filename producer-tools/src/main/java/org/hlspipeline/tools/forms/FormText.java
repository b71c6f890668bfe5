package org.hlspipeline.tools.forms;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A JSON form as one line of text: what a dry run prints, one command per line, ready to be read back. */
public final class FormText {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FormText() {
    }

    public static String line(JsonNode form) {
        return JSON.writeValueAsString(form);
    }
}
