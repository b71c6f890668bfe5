package org.hlspipeline.queryapi.e2e;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's walk-through as its source marks it: {@code <!-- walkthrough:ID command -->} before the fenced
 * block a reader pastes, {@code <!-- walkthrough:ID output -->} before the fenced block that shows what it prints.
 * A command marked {@code , repeated until the output matches} is a read whose answer the README says comes a
 * little later (a channel's configure takes effect a second after it was received), so it is run again until it
 * prints the sample.
 */
final class ReadmeWalkthrough {

    private static final Pattern MARKER = Pattern.compile(
            "<!-- walkthrough:([a-z0-9-]+) (command|output)(, repeated until the output matches)? -->");

    /** One command and the output the README shows for it; {@code line} is the command marker's line number. */
    record Step(String id, String command, String output, boolean repeated, int line) {
    }

    private ReadmeWalkthrough() {
    }

    /**
     * The repository's README.md. The tests run in the query-api module's folder and their classes sit in its
     * {@code target/test-classes}, so the root is the first parent of either that holds README.md beside a
     * query-api folder; looking from both keeps this true when an IDE runs the test from elsewhere.
     */
    static Path readme() {
        List<Path> starts = new ArrayList<>();
        try {
            starts.add(Path.of(ReadmeWalkthrough.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | SecurityException e) {
            // Then the working directory alone has to do.
        }
        starts.add(Path.of(System.getProperty("user.dir")));
        for (Path start : starts) {
            for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("query-api"))) {
                    return dir.resolve("README.md");
                }
            }
        }
        return fail("No README.md beside a query-api folder above %s", starts);
    }

    static List<Step> steps(Path readme) {
        try {
            return steps(Files.readAllLines(readme, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Step> steps(List<String> lines) {
        Map<String, String[]> blocks = new LinkedHashMap<>();
        Map<String, Integer> commandLines = new LinkedHashMap<>();
        Map<String, Boolean> repeated = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher marker = MARKER.matcher(lines.get(i).strip());
            if (!marker.matches()) {
                if (lines.get(i).strip().startsWith("<!-- walkthrough")) {
                    fail("README.md line %d looks like a walk-through marker but is not one: %s", i + 1,
                            lines.get(i));
                }
                continue;
            }
            String id = marker.group(1);
            boolean command = marker.group(2).equals("command");
            String[] pair = blocks.computeIfAbsent(id, k -> new String[2]);
            int slot = command ? 0 : 1;
            if (pair[slot] != null) {
                fail("README.md line %d: a second %s for walk-through step %s", i + 1, marker.group(2), id);
            }
            if (!command && pair[0] == null) {
                fail("README.md line %d: the output of walk-through step %s comes before its command", i + 1, id);
            }
            if (command) {
                commandLines.put(id, i + 1);
                repeated.put(id, marker.group(3) != null);
            } else if (marker.group(3) != null) {
                fail("README.md line %d: only a command can be repeated", i + 1);
            }
            pair[slot] = fencedBlockAfter(lines, i);
        }
        List<Step> steps = new ArrayList<>();
        blocks.forEach((id, pair) -> {
            if (pair[1] == null) {
                fail("README.md: walk-through step %s has a command but no output", id);
            }
            steps.add(new Step(id, pair[0], pair[1], repeated.get(id), commandLines.get(id)));
        });
        return steps;
    }

    /** The content of the fenced block that starts on the line after the marker, ending with a newline. */
    private static String fencedBlockAfter(List<String> lines, int marker) {
        int open = marker + 1;
        if (open >= lines.size() || !lines.get(open).startsWith("```")) {
            fail("README.md line %d: a walk-through marker must be followed at once by a fenced block", marker + 1);
        }
        StringBuilder content = new StringBuilder();
        for (int i = open + 1; i < lines.size(); i++) {
            if (lines.get(i).equals("```")) {
                return content.toString();
            }
            content.append(lines.get(i)).append('\n');
        }
        return fail("README.md line %d: the fenced block is never closed", open + 1);
    }
}
