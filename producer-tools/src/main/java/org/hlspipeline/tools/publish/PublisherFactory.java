package org.hlspipeline.tools.publish;

import org.hlspipeline.tools.cli.ClientSettings;

/** Opens a publisher for the resolved connection settings; the commands call it once per run. */
@FunctionalInterface
public interface PublisherFactory {

    /**
     * @throws PublishException with {@link PublishException.Failure#INVALID_CONFIG} when the settings cannot make a
     *                          client, or another failure when a connection is needed up front and fails
     */
    EventPublisher open(ClientSettings settings) throws PublishException;
}
