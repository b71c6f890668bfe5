package org.hlspipeline.queryapi.broker;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The broker's helpers log under the broker's own logger name, so one logging setting covers all of them. */
final class BrokerLog {

    static final Logger LOG = LoggerFactory.getLogger("org.hlspipeline.queryapi.broker.EmbeddedKafkaBroker");

    private BrokerLog() {
    }
}
