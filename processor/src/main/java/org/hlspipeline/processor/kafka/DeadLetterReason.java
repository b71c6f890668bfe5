package org.hlspipeline.processor.kafka;

/** Why a record went to the dead-letter topic; the value of header {@value DeadLetters#REASON}. */
public enum DeadLetterReason {
    /** Not Confluent wire format, unknown schema id, or an unreadable Avro body. */
    DESERIALIZATION("deserialization"),
    /** Well-formed but breaks a rule: bad id, URI, duration, sequence, or a key that disagrees with the body. */
    INVALID("invalid"),
    /** Same sequence as a recorded segment, another URI: the first one wins. */
    CONFLICT("conflict"),
    /** A segment for a stream that has ended. */
    STREAM_ENDED("stream-ended");

    private final String code;

    DeadLetterReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
