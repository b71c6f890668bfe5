package org.hlspipeline.schemas.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hlspipeline.schemas.stream.ByteRange;
import org.junit.jupiter.api.Test;

/** The one reader of the byte range text that segments, item renditions and playlists' EXT-X-MAP share. */
class SegmentMediaJsonTest {

    @Test
    void aByteRangeIsLengthAtOffsetTheOffsetAlwaysGiven() {
        assertThat(SegmentMediaJson.byteRange("byteRange", "720@16")).isEqualTo(new ByteRange(720L, 16L));
        for (String bad : new String[] {"720", "@0", "720@", "-1@0", "1@2@3", " 1@0", "1e3@0"}) {
            assertThatThrownBy(() -> SegmentMediaJson.byteRange("byteRange", bad))
                    .isInstanceOf(InvalidCommandException.class)
                    .hasMessage("byteRange must be <length>@<offset> in bytes, e.g. 720@0, was '" + bad + "'");
        }
        assertThat(SegmentMediaJson.text(new ByteRange(1000L, 720L))).isEqualTo("1000@720");
    }

    @Test
    void aMapsRangeIsNamedAfterTheMap() {
        assertThat(SegmentMediaJson.map("map", "init.mp4", null).getByteRange()).isNull();
        assertThatThrownBy(() -> SegmentMediaJson.map("items[0].map", "init.mp4", "720"))
                .hasMessageStartingWith("items[0].map.byteRange must be <length>@<offset>");
    }
}
