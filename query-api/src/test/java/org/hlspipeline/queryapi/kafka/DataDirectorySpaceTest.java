package org.hlspipeline.queryapi.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DataDirectorySpaceTest {

    private static final long MB = 1024 * 1024;

    @Test
    void pausesBelowTheMinimumAndResumesOnlyWithAQuarterMore() {
        assertThat(new DataDirectorySpace(100 * MB, 100 * MB).pause(false)).isFalse();
        assertThat(new DataDirectorySpace(100 * MB - 1, 100 * MB).pause(false)).isTrue();
        // Paused: back at the minimum is not enough, a quarter more is.
        assertThat(new DataDirectorySpace(100 * MB, 100 * MB).pause(true)).isTrue();
        assertThat(new DataDirectorySpace(125 * MB - 1, 100 * MB).pause(true)).isTrue();
        assertThat(new DataDirectorySpace(125 * MB, 100 * MB).pause(true)).isFalse();
    }

    @Test
    void theReasonNamesTheDirectoryTheSpaceAndTheSetting() {
        assertThat(new DataDirectorySpace(3 * MB, 256 * MB).describe("/var/lib/hls", true))
                .isEqualTo("3072 KB free in /var/lib/hls, below HLS_DATA_DIR_MIN_FREE (256 MB): processing is "
                        + "paused, reads are answered from the stores, and writes go on to Kafka");
        assertThat(new DataDirectorySpace(900 * MB, 256 * MB).describe("/var/lib/hls", false))
                .isEqualTo("900 MB free in /var/lib/hls (HLS_DATA_DIR_MIN_FREE 256 MB)");
    }
}
