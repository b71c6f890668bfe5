package org.hlspipeline.queryapi.registry;

import java.util.Map;

/** The cluster's client settings (bootstrap servers, security) for each kind of client the schema log opens. */
record KafkaClients(Map<String, Object> admin, Map<String, Object> producer, Map<String, Object> consumer) {

    KafkaClients {
        admin = Map.copyOf(admin);
        producer = Map.copyOf(producer);
        consumer = Map.copyOf(consumer);
    }
}
