"""Produces segment events as a third-party Python transcoder would: confluent-kafka (librdkafka) with its
default partitioner, and the Confluent wire format written by hand (magic byte 0, the 4-byte big-endian schema
id, then Avro binary written by the avro library from the repository's frozen, self-contained schema file of
StreamEvent version 1, whose bundled id is 1).

Usage: produce_segments.py BOOTSTRAP TOPIC SCHEMA_FILE STREAM_ID FIRST LAST [PARTITIONER]
PARTITIONER is librdkafka's "partitioner" setting; without it, librdkafka's default.
Prints one line "<sequence> <partition>" per delivered record, in sequence order; exits non-zero on any error.
"""
import io
import json
import struct
import sys

import avro.io
import avro.schema
from confluent_kafka import Producer

BUNDLED_STREAM_EVENT_V1 = 1


def stream_event_schema(schema_file):
    with open(schema_file, encoding="utf-8") as f:
        return avro.schema.parse(f.read())


def wire_format(schema, event):
    out = io.BytesIO()
    out.write(struct.pack(">bI", 0, BUNDLED_STREAM_EVENT_V1))
    avro.io.DatumWriter(schema).write(event, avro.io.BinaryEncoder(out))
    return out.getvalue()


def main(bootstrap, topic, schema_file, stream_id, first, last, partitioner=None):
    schema = stream_event_schema(schema_file)
    delivered = {}
    errors = []

    def on_delivery(sequence):
        def report(error, message):
            if error is not None:
                errors.append(str(error))
            else:
                delivered[sequence] = message.partition()
        return report

    config = {"bootstrap.servers": bootstrap}
    if partitioner:
        config["partitioner"] = partitioner
    producer = Producer(config)
    for sequence in range(first, last + 1):
        event = {"streamId": stream_id, "eventId": None,
                 "payload": {"rendition": "720p", "sequence": sequence, "durationMicros": 2_000_000,
                             "uri": "/segments/%d.ts" % sequence, "programDateTime": None,
                             "discontinuity": False}}
        producer.produce(topic, key=stream_id.encode("utf-8"), value=wire_format(schema, event),
                         on_delivery=on_delivery(sequence))
    remaining = producer.flush(30)
    if errors or remaining:
        sys.exit("not delivered: %s, %d left in the queue" % (errors, remaining))
    for sequence in sorted(delivered):
        print(sequence, delivered[sequence])


if __name__ == "__main__":
    a = sys.argv[1:]
    main(a[0], a[1], a[2], a[3], int(a[4]), int(a[5]), *a[6:])
