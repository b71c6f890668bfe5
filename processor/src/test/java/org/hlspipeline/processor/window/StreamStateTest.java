package org.hlspipeline.processor.window;

import org.hlspipeline.processor.ingest.StreamStateCodecs;
import static org.assertj.core.api.Assertions.assertThat;

import org.hlspipeline.processor.hls.Variant;
import org.hlspipeline.processor.hls.VariantDescription;
import org.hlspipeline.processor.kafka.EarlierStateSchemas;
import org.hlspipeline.schemas.state.StreamStateRecord;
import org.junit.jupiter.api.Test;

class StreamStateTest {

    private static final VariantDescription HD = VariantDescription.of(2_500_000, null, "1280x720", null, null);
    private static final VariantDescription SD = VariantDescription.of(800_000, null, "640x360", null, null);

    @Test
    void theMasterPlaylistListsDescribedRenditionsWithSegmentsLowestBandwidthFirst() {
        StreamState stream = StreamState.start("news", 0)
                .describe("720p", HD, 1).describe("360p", SD, 1).describe("1080p", HD, 1)
                .withRendition("720p", 2).withRendition("360p", 2).withRendition("240p", 2);

        assertThat(stream.toMasterPlaylist().orElseThrow().variants()).extracting(Variant::uri)
                .containsExactly("renditions/360p/playlist.m3u8", "renditions/720p/playlist.m3u8");
    }

    @Test
    void aDescribedRenditionWithoutSegmentsIsNotPlayableYet() {
        StreamState described = StreamState.start("news", 0).describe("720p", HD, 1);

        assertThat(described.hasPlayableRendition()).isFalse();
        assertThat(described.renditions()).isEmpty();
        assertThat(described.withRendition("720p", 2).hasPlayableRendition()).isTrue();
    }

    @Test
    void theStoreCodecRoundTripsDescriptionsAndRenditions() {
        StreamState stream = StreamState.start("news", 5).describe("720p",
                VariantDescription.of(2_500_000, 2_000_000L, "1280x720", "avc1.4d401f,mp4a.40.2", 29.97), 6)
                .withRendition("720p", 7).end(8);

        assertThat(StreamStateCodecs.STREAM.decode(StreamStateCodecs.STREAM.encode(stream))).isEqualTo(stream);
    }

    /** A stream stored by the release before renditions had types and groups restores unchanged. */
    @Test
    void aStreamStoredByTheFirstReleaseStillDecodes() {
        StreamState stream = StreamState.start("news", 5).describe("720p",
                VariantDescription.of(2_500_000, 2_000_000L, "1280x720", "avc1.4d401f,mp4a.40.2", 29.97), 6)
                .withRendition("720p", 7);
        byte[] current = StreamStateCodecs.STREAM.encode(stream);

        byte[] stored = EarlierStateSchemas.asWrittenBy("StreamStateRecord-v1.avsc", StreamStateRecord.class,
                StreamStateRecord.getClassSchema(), current);

        assertThat(stored).isNotEqualTo(current);
        assertThat(StreamStateCodecs.STREAM.decode(stored)).isEqualTo(stream);
    }
}
