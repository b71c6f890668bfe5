package org.hlspipeline.queryapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import org.hlspipeline.queryapi.testing.PipelineInstance;
import org.hlspipeline.queryapi.testing.TestPipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The start-up banner tells a user the app is up only once it can answer: after Kafka Streams first runs. */
@ExtendWith(OutputCaptureExtension.class)
class StartupBannerIT {

    @Test
    void theBannerSaysUpOnceKafkaStreamsRuns(CapturedOutput output, @TempDir Path dataDir) {
        try (PipelineInstance app = PipelineInstance.start(TestPipeline.unique("banner"), dataDir)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> output.getOut().contains("HLS pipeline is up"));
            String out = output.getOut();
            int running = out.indexOf("Kafka Streams: REBALANCING -> RUNNING");
            assertThat(running).as(out).isNotNegative().isLessThan(out.indexOf("HLS pipeline is up"));
            assertThat(out).contains("master playlist:     " + app.baseUrl() + "/streams/{stream}/master.m3u8");
        }
    }
}
