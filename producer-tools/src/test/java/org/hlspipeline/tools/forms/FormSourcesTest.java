package org.hlspipeline.tools.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.hlspipeline.tools.cli.ToolFailure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class FormSourcesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Document schedule = DocumentReader.parse("s.yaml", Path.of("."), """
            items:
              - {itemId: a, asset: a.json}
              - itemId: b
                asset: b.json
            """, Document.Format.YAML);
    private final Document asset = DocumentReader.parse("b.json", Path.of("."), "{\n  \"segmentCount\": \"x\"\n}",
            Document.Format.JSON);
    private final ObjectNode form = (ObjectNode) JSON.readTree("""
            {"type": "enqueue", "items": [{"itemId": "b", "vod": {"segmentCount": "x"}}]}""");

    FormSourcesTest() throws ToolFailure {
    }

    private FormSources sources() {
        return new FormSources(form)
                .add("", schedule, "items[1]")
                .add("items[0]", schedule, "items[1]")
                .add("items[0].vod", asset, "", "the asset of items[1]");
    }

    @Test
    void aProblemIsPlacedInTheDocumentThatGaveTheValueWithItsPath() {
        assertThat(sources().place("items[0].vod.segmentCount", "items[0].vod.segmentCount must be an integer"))
                .hasValue("b.json line 2, column 19 (the asset of items[1]): segmentCount must be an integer");
        assertThat(sources().place("items[0].title", "items[0].title must be a string"))
                .hasValue("s.yaml line 3, column 5: items[1].title must be a string");
    }

    @Test
    void aRulesReasonIsPlacedByThePathItStartsWithWhenTheFormHasIt() {
        assertThat(sources().placeReason("items[0] \"b\": rendition 480p of the ladder is missing"))
                .hasValue("s.yaml line 3, column 5: items[1] \"b\": rendition 480p of the ladder is missing");
        assertThat(sources().placeReason("channel tv1 is not configured: send a configure command first"))
                .as("'channel' is no path of the form: the reason is placed at the command's own source")
                .hasValue("s.yaml line 3, column 5: channel tv1 is not configured: send a configure command first");
    }

    @Test
    void whatNoDocumentGaveIsLeftUnplaced() {
        FormSources flags = new FormSources(form).add("items[0].vod", asset, "");

        assertThat(flags.place("items[0].title", "items[0].title must be a string")).isEmpty();
        assertThat(flags.placeReason("priority must be at least 1 (got 0)")).isEmpty();
    }
}
