package org.hlspipeline.queryapi.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

import org.hlspipeline.queryapi.config.HlsProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The time of a token check tells nothing of the token. A wrong token of the right length takes as long as the
 * right one, whether it differs in its first byte or only in its last; and every candidate, of any length, takes as
 * long against the real secret as against another secret one byte shorter, so the time does not show when a
 * candidate has the secret's length (a candidate's own length may cost its own time: hashing it). Timed at unit
 * level, since over HTTP the network's noise would hide what is measured. Each sample times a batch of calls; the
 * checks are interleaved in a new random order each round, so that the machine's drifts (other processes,
 * frequency, GC) fall on all of them alike, and medians are compared. With {@code MessageDigest.isEqual} on the raw
 * bytes, candidates whose length differed from the secret's took 10 to 20 % longer, and this test failed. Figures:
 * docs/operations.md, Security.
 */
class WriteTokensTimingTest {

    /** Median differences below this are noise on a shared 2-core machine; a leak of the comparison is larger. */
    private static final double BOUND = 0.05;

    private static volatile int sink;

    /**
     * @param length 64 bytes is a token as generated for use; 4096 makes the comparison itself most of the call,
     *               so that a comparison that stopped early would show (see the next test)
     */
    @ParameterizedTest(name = "token of {0} bytes")
    @CsvSource({"64, 64, 4000", "4096, 4, 2000"})
    void aRefusalTellsNothingOfTheToken(int length, int batch, int rounds) {
        Random random = new Random(11);
        String token = token(random, length);
        WriteTokens real = tokens(token);
        // Another secret, one byte shorter: a candidate's time must not change with the secret it is checked
        // against, or the time would tell when a candidate has the secret's length.
        WriteTokens other = tokens(token(random, length - 1));
        Map<String, String> candidates = candidates(token);
        candidates.forEach((name, candidate) -> assertThat(real.accepts("Bearer " + candidate))
                .as(name).isEqualTo(candidate.equals(token)));

        Map<String, Predicate<String>> checks = new LinkedHashMap<>();
        candidates.forEach((name, candidate) -> {
            checks.put(name, c -> real.accepts("Bearer " + candidate));
            checks.put("other secret, " + name, c -> other.accepts("Bearer " + candidate));
        });
        Map<String, Double> medians = report("WriteTokens.accepts", length, measure(checks, batch, rounds));
        double right = medians.get("right");
        for (String name : List.of("wrong first byte", "wrong last byte")) {
            assertThat(Math.abs(medians.get(name) / right - 1)).as(name + " vs right, " + medians)
                    .isLessThan(BOUND);
        }
        for (String name : candidates.keySet()) {
            assertThat(Math.abs(medians.get("other secret, " + name) / medians.get(name) - 1))
                    .as(name + ", against a secret of another length, " + medians).isLessThan(BOUND);
        }
    }

    /**
     * The JDK's {@code Arrays.equals} stops at the first differing byte. Measured alike on the bytes alone, the
     * harness sees that: it resolves a difference of some tens of nanoseconds.
     */
    @Test
    void theMeasurementSeesAComparisonThatStopsEarly() {
        String token = token(new Random(11), 4096);
        byte[] secret = token.getBytes(StandardCharsets.UTF_8);
        Map<String, Predicate<String>> checks = new LinkedHashMap<>();
        candidates(token).forEach((name, candidate) -> {
            byte[] presented = candidate.getBytes(StandardCharsets.UTF_8);
            checks.put(name, c -> Arrays.equals(secret, presented));
        });
        Map<String, Double> medians = report("Arrays.equals", 4096, measure(checks, 16, 2000));
        assertThat(1 - medians.get("wrong first byte") / medians.get("right")).as(medians.toString())
                .isGreaterThan(2 * BOUND);
    }

    private static Map<String, Double> report(String what, int length, Map<String, Double> medians) {
        double right = medians.get("right");
        System.out.printf("%s, ns per call (medians), token of %d bytes:%n", what, length);
        medians.forEach((name, median) -> System.out.printf("  %-36s %9.1f  (%+.1f%% of right)%n", name, median,
                100 * (median / right - 1)));
        return medians;
    }

    private static WriteTokens tokens(String token) {
        return new WriteTokens(new HlsProperties(null, 0, null, null, null, 0, 0, null, null, null, null, null,
                new HlsProperties.Security(List.of(token), null, List.of())));
    }

    private static Map<String, String> candidates(String token) {
        Map<String, String> candidates = new LinkedHashMap<>();
        candidates.put("right", token);
        candidates.put("wrong first byte", flip(token, 0));
        candidates.put("wrong last byte", flip(token, token.length() - 1));
        candidates.put("one byte shorter", token.substring(0, token.length() - 1));
        candidates.put("one byte longer", token + "x");
        candidates.put("8 bytes", token.substring(0, 8));
        candidates.put("twice as long", token + token);
        return candidates;
    }

    /** Medians, in ns per call, of every check's batches, the checks interleaved in a new order each round. */
    private static Map<String, Double> measure(Map<String, Predicate<String>> checks, int batch, int rounds) {
        List<String> names = new ArrayList<>(checks.keySet());
        Map<String, long[]> samples = new LinkedHashMap<>();
        names.forEach(name -> samples.put(name, new long[rounds]));
        Random order = new Random(7);
        for (int warm = 0; warm < rounds / 3; warm++) {
            for (String name : names) {
                time(checks.get(name), batch);
            }
        }
        for (int round = 0; round < rounds; round++) {
            Collections.shuffle(names, order);
            for (String name : names) {
                samples.get(name)[round] = time(checks.get(name), batch);
            }
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        checks.keySet().forEach(name -> {
            long[] sorted = samples.get(name).clone();
            Arrays.sort(sorted);
            medians.put(name, sorted[rounds / 2] / (double) batch);
        });
        return medians;
    }

    private static long time(Predicate<String> check, int batch) {
        int accepted = 0;
        long start = System.nanoTime();
        for (int i = 0; i < batch; i++) {
            accepted += check.test(null) ? 1 : 0;
        }
        long elapsed = System.nanoTime() - start;
        sink += accepted;
        return elapsed;
    }

    private static String token(Random random, int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < length; i++) {
            token.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return token.toString();
    }

    private static String flip(String token, int at) {
        char[] chars = token.toCharArray();
        chars[at] = chars[at] == 'A' ? 'B' : 'A';
        return new String(chars);
    }
}
