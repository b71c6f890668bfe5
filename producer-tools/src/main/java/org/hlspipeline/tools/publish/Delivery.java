package org.hlspipeline.tools.publish;

/** Where an acknowledged record landed. */
public record Delivery(String topic, int partition, long offset) {

    /** {@code topic[partition]@offset}, as printed on success. */
    @Override
    public String toString() {
        return topic + "[" + partition + "]@" + offset;
    }
}
