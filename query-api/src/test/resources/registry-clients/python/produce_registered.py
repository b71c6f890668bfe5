"""A Python transcoder with Confluent's own Python clients: confluent-kafka's SchemaRegistryClient registers the
shipped StreamEvent schema file with the registry the app serves, a breaking schema is refused, and segments are
produced with librdkafka's murmur2 partitioner in the Confluent wire format under the id the registry gave
(the Avro body written by the avro library; Debian has no fastavro for confluent-kafka's AvroSerializer).

Usage: produce_registered.py BOOTSTRAP REGISTRY TOPIC SCHEMA_FILE STREAM_ID FIRST LAST
Prints one JSON line: {"id": ..., "breaking": <HTTP status>, "breakingCode": <error_code>, "sent": ...}.
"""
import io
import json
import struct
import sys

import avro.io
import avro.schema
from confluent_kafka import Producer
from confluent_kafka.schema_registry import Schema, SchemaRegistryClient
from confluent_kafka.schema_registry.error import SchemaRegistryError


def main(bootstrap, registry_url, topic, schema_file, stream_id, first, last):
    with open(schema_file, encoding="utf-8") as f:
        text = f.read()
    registry = SchemaRegistryClient({"url": registry_url})
    subject = topic + "-value"
    schema_id = registry.register_schema(subject, Schema(text, "AVRO"))

    # streamId as a number cannot read what the string wrote: BACKWARD refuses it.
    breaking = json.loads(text)
    breaking["fields"][0]["type"] = "long"
    try:
        registry.register_schema(subject, Schema(json.dumps(breaking), "AVRO"))
        refused = (200, None)
    except SchemaRegistryError as e:
        refused = (e.http_status_code, e.error_code)

    schema = avro.schema.parse(text)
    delivered = []
    errors = []

    def report(error, message):
        if error is not None:
            errors.append(str(error))
        else:
            delivered.append(message.offset())

    producer = Producer({"bootstrap.servers": bootstrap, "partitioner": "murmur2_random"})
    for sequence in range(first, last + 1):
        event = {"streamId": stream_id, "eventId": None,
                 "payload": {"rendition": "720p", "sequence": sequence, "durationMicros": 2_000_000,
                             "uri": "/py/%d.ts" % sequence, "programDateTime": None, "discontinuity": False}}
        out = io.BytesIO()
        out.write(struct.pack(">bI", 0, schema_id))
        avro.io.DatumWriter(schema).write(event, avro.io.BinaryEncoder(out))
        producer.produce(topic, key=stream_id.encode("utf-8"), value=out.getvalue(), on_delivery=report)
    producer.flush(30)
    if errors or len(delivered) != last - first + 1:
        sys.exit("not delivered: %s" % errors)
    print(json.dumps({"id": schema_id, "breaking": refused[0], "breakingCode": refused[1], "sent": len(delivered)}))


if __name__ == "__main__":
    args = sys.argv[1:]
    main(args[0], args[1], args[2], args[3], args[4], int(args[5]), int(args[6]))
