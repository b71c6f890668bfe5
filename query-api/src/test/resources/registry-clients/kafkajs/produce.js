// Registers a StreamEvent schema with the app's registry, as any auto-registering Confluent serializer does,
// and publishes segments with it. Arguments: brokers registry topic schemaFile stream rendition first count
// [extra: a JSON object of fields the schema adds to the envelope].
// Prints one JSON line: {"id": <schema id>, "sent": <records>}.
'use strict';
const fs = require('fs');
const { Kafka, Partitioners, logLevel } = require('kafkajs');
const { SchemaRegistry, SchemaType } = require('@kafkajs/confluent-schema-registry');

async function main() {
  const [brokers, host, topic, schemaFile, stream, rendition, first, count, extra] = process.argv.slice(2);
  const registry = new SchemaRegistry({ host });
  const { id } = await registry.register(
    { type: SchemaType.AVRO, schema: fs.readFileSync(schemaFile, 'utf8') },
    { subject: `${topic}-value` });
  const kafka = new Kafka({ clientId: 'kafkajs-transcoder', brokers: brokers.split(','), logLevel: logLevel.ERROR });
  // Java's murmur2 partitioner, kafkajs' default since 2.0: the record lands where the app looks for it.
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const messages = [];
  for (let n = Number(first); n < Number(first) + Number(count); n++) {
    const event = {
      streamId: stream,
      eventId: null,
      payload: {
        'org.hlspipeline.schemas.stream.Segment': {
          rendition, sequence: n, durationMicros: 2000000, uri: `/js/${n}.ts`, programDateTime: null,
          discontinuity: false,
        },
      },
    };
    Object.assign(event, JSON.parse(extra || '{}'));
    messages.push({ key: stream, value: await registry.encode(id, event) });
  }
  await producer.send({ topic, messages });
  await producer.disconnect();
  console.log(JSON.stringify({ id, sent: messages.length }));
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});
