package org.hlspipeline.queryapi.metrics;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.test.web.reactive.server.WebTestClient;

/** One scrape of an instance's {@code /actuator/prometheus}, read as an operator's Prometheus would. */
record Prometheus(String text) {

    static Prometheus scrape(WebTestClient http) {
        // Streamed line by line: with the Kafka clients' metrics a scrape is larger than a body may buffer.
        return new Prometheus(String.join("\n", http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk().returnResult(String.class).getResponseBody().collectList().block()));
    }

    /**
     * The value of the series {@code name} whose labels include every {@code label="value"} pair given; 0 when
     * there is none (a counter not yet incremented is not exported), and an error when several match.
     */
    double value(String name, String... labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{([^}]*)\\})? ([0-9.eE+-]+|NaN)$")
                .matcher(text);
        Double found = null;
        while (m.find()) {
            String present = m.group(1) == null ? "" : m.group(1);
            boolean all = true;
            for (int i = 0; i < labels.length; i += 2) {
                all &= present.contains(labels[i] + "=\"" + labels[i + 1] + "\"");
            }
            if (all) {
                if (found != null) {
                    throw new AssertionError("several series of " + name + " match " + String.join(",", labels));
                }
                found = Double.parseDouble(m.group(2));
            }
        }
        return found == null ? 0 : found;
    }

    /** {@link #value} as a whole number, for counts. */
    long count(String name, String... labels) {
        return Math.round(value(name, labels));
    }
}
