package org.hlspipeline.queryapi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The query API: runs the topology, serves playlists and the HTTP API, and starts the embedded broker. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HlsPipelineApplication {

    public static void main(String[] args) {
        SpringApplication.run(HlsPipelineApplication.class, args);
    }
}
