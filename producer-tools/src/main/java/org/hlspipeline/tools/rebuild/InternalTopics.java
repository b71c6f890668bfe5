package org.hlspipeline.tools.rebuild;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which topics belong to a Kafka Streams application as its internal topics: {@code <application.id>-<name>}
 * followed by one of the suffixes Kafka Streams gives them (changelogs, repartition topics, foreign-key join
 * subscription topics), the rule Kafka's own streams application reset tool applies.
 *
 * <p>That rule alone would also take another application's topics when its id starts with this one's and a dash
 * ({@code hls-pipeline-2-stream-windows-changelog} for {@code hls-pipeline}), so topics that a known group with
 * such an id owns are set apart.
 */
final class InternalTopics {

    /** What follows {@code <application.id>-}: a store or processor name and the suffix. */
    private static final Pattern NAME = Pattern.compile(
            ".+-(changelog|repartition|subscription-registration-topic|subscription-response-topic)"
                    + "|KTABLE-FK-JOIN-SUBSCRIPTION-(REGISTRATION|RESPONSE)-\\d+-topic");

    private InternalTopics() {
    }

    /** Named as an internal topic of {@code applicationId}, whoever owns it. */
    static boolean namedAsInternal(String applicationId, String topic) {
        String prefix = applicationId + "-";
        return topic.startsWith(prefix) && NAME.matcher(topic.substring(prefix.length())).matches();
    }

    /**
     * The other applications a topic named as {@code applicationId}'s could belong to: each longer prefix of it
     * that ends before a dash ({@code hls-pipeline-2} for {@code hls-pipeline-2-streams-changelog}).
     */
    static Set<String> possibleOtherOwners(String applicationId, String topic) {
        Set<String> owners = new TreeSet<>();
        if (namedAsInternal(applicationId, topic)) {
            for (int dash = topic.indexOf('-', applicationId.length() + 1); dash > 0;
                 dash = topic.indexOf('-', dash + 1)) {
                String owner = topic.substring(0, dash);
                if (namedAsInternal(owner, topic)) {
                    owners.add(owner);
                }
            }
        }
        return owners;
    }

    /**
     * The other application that owns a topic named as {@code applicationId}'s: the longest known group id that
     * extends {@code applicationId} with a dash and prefixes the topic.
     */
    static Optional<String> otherOwner(String applicationId, String topic, Collection<String> groupIds) {
        return groupIds.stream()
                .filter(group -> !group.equals(applicationId) && group.startsWith(applicationId + "-"))
                .filter(group -> namedAsInternal(group, topic))
                .max((a, b) -> Integer.compare(a.length(), b.length()));
    }
}
