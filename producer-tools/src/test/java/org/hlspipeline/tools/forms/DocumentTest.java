package org.hlspipeline.tools.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.hlspipeline.tools.cli.ExitCodes;
import org.hlspipeline.tools.cli.ToolFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentTest {

    @TempDir
    Path dir;

    private static Document yaml(String text) throws ToolFailure {
        return DocumentReader.parse("s.yaml", Path.of("."), text, Document.Format.YAML);
    }

    private static Document json(String text) throws ToolFailure {
        return DocumentReader.parse("c.json", Path.of("."), text, Document.Format.JSON);
    }

    @Test
    void everyValueOfAYamlDocumentKnowsItsLineAndColumn() throws ToolFailure {
        Document document = yaml("""
                channel: tv1
                items:
                  - itemId: ep1
                    vod:
                      segmentCount: 90
                  - {itemId: ep2, start: 2026-11-21T20:00:00Z}
                """);

        assertThat(document.where("channel")).isEqualTo("s.yaml line 1, column 10");
        assertThat(document.where("items[0].vod.segmentCount")).isEqualTo("s.yaml line 5, column 21");
        assertThat(document.where("items[1].start")).isEqualTo("s.yaml line 6, column 26");
        assertThat(document.root().path("items").get(1).path("start").asString())
                .as("a YAML timestamp stays the text it was").isEqualTo("2026-11-21T20:00:00Z");
    }

    @Test
    void aMissingValueIsPlacedAtWhatWouldHoldIt() throws ToolFailure {
        Document document = json("{\n  \"items\": [\n    {\"itemId\": \"ep1\"}\n  ]\n}");

        assertThat(document.where("items[0].vod.segmentCount")).isEqualTo("c.json line 3, column 5");
        assertThat(document.where("nothing")).isEqualTo("c.json line 1, column 1");
    }

    @Test
    void decimalsStayExact() throws ToolFailure {
        Document document = yaml("segmentDuration: 2.002\ndurations: [0.1, 6.006006]\ncount: 90\n");

        assertThat(document.root().get("segmentDuration").decimalValue()).isEqualTo(new BigDecimal("2.002"));
        assertThat(document.root().get("durations").get(1).decimalValue()).isEqualTo(new BigDecimal("6.006006"));
        assertThat(document.root().get("count").longValue()).isEqualTo(90);
    }

    @Test
    void syntaxErrorsNameTheLineAndColumnOfTheProblem() {
        assertThatThrownBy(() -> yaml("channel: tv1\nconfigure:\n  ladder: [\n  - x\n"))
                .isInstanceOf(ToolFailure.class)
                .hasMessage("s.yaml line 4, column 3: not valid YAML: while parsing a flow node: expected the node "
                        + "content, but found '-'");
        assertThatThrownBy(() -> json("{\"a\": 1,\n \"b\": }"))
                .hasMessageStartingWith("c.json line 2, column 7: not valid JSON: Unexpected character ('}'");
    }

    @Test
    void aKeyGivenTwiceIsAnErrorNotAnOverride() {
        assertThatThrownBy(() -> yaml("channel: tv1\nchannel: tv2\n"))
                .hasMessageStartingWith("s.yaml line 2, column ").hasMessageContaining("Duplicate Object property "
                        + "\"channel\"");
        assertThatThrownBy(() -> json("{\"type\": \"skip\", \"type\": \"end\"}"))
                .hasMessageContaining("Duplicate Object property \"type\"");
    }

    @Test
    void oneDocumentAndNotNone() {
        assertThatThrownBy(() -> yaml("channel: tv1\n---\nchannel: tv2\n"))
                .hasMessage("s.yaml line 3, column 1: more than one YAML document; give one");
        assertThatThrownBy(() -> yaml("")).hasMessage("s.yaml is empty");
        assertThatThrownBy(() -> json("   \n")).hasMessage("c.json is empty");
    }

    @Test
    void filesThatCannotBeReadAreInputFailures() throws Exception {
        Path binary = Files.write(dir.resolve("latin1.json"), new byte[] {'{', '"', (byte) 0xE9, '"', '}'});

        assertThatThrownBy(() -> DocumentReader.read(dir.resolve("missing.yaml"), Document.Format.YAML))
                .isInstanceOf(ToolFailure.class).hasMessage(dir.resolve("missing.yaml") + " does not exist")
                .satisfies(e -> assertThat(((ToolFailure) e).exitCode()).isEqualTo(ExitCodes.INPUT));
        assertThatThrownBy(() -> DocumentReader.read(binary, Document.Format.JSON))
                .hasMessage(binary + " is not UTF-8 text");
        assertThatThrownBy(() -> DocumentReader.read(dir, Document.Format.JSON))
                .hasMessage("cannot read " + dir + ": it is a folder");
        assertThatThrownBy(() -> DocumentReader.read("a\u0000b.json", Document.Format.JSON,
                        InputStream.nullInputStream()))
                .isInstanceOf(ToolFailure.class).hasMessageStartingWith("'a\u0000b.json' is not a file path");
    }

    @Test
    void theFormatFollowsTheExtensionAndDashIsStdin() throws ToolFailure {
        Document stdin = DocumentReader.read("-", Document.Format.JSON,
                new ByteArrayInputStream("{\"type\": \"skip\"}".getBytes(StandardCharsets.UTF_8)));

        assertThat(stdin.name()).isEqualTo("<stdin>");
        assertThat(stdin.root().get("type").asString()).isEqualTo("skip");
        assertThat(Document.Format.of("a.YML", Document.Format.JSON)).isEqualTo(Document.Format.YAML);
        assertThat(Document.Format.of("a.json", Document.Format.YAML)).isEqualTo(Document.Format.JSON);
        assertThat(Document.Format.of("a.txt", Document.Format.YAML)).isEqualTo(Document.Format.YAML);
    }
}
