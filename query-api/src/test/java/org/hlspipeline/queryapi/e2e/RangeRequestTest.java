package org.hlspipeline.queryapi.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The Range headers {@link MediaServer} answers, against RFC 9110 §14.1.2 (byte ranges) and §14.4 (Content-Range). */
class RangeRequestTest {

    private static final long LENGTH = 1000;

    @Test
    void aClosedRangeIsSentAsAskedWithItsContentRange() {
        RangeRequest range = RangeRequest.of("bytes=100-199", LENGTH);

        assertThat(range.status()).isEqualTo(206);
        assertThat(range.first()).isEqualTo(100);
        assertThat(range.last()).isEqualTo(199);
        assertThat(range.count()).isEqualTo(100);
        assertThat(range.contentRange()).isEqualTo("bytes 100-199/1000");
    }

    @Test
    void anOpenRangeRunsToTheEnd() {
        RangeRequest range = RangeRequest.of("bytes=990-", LENGTH);

        assertThat(range.contentRange()).isEqualTo("bytes 990-999/1000");
        assertThat(range.count()).isEqualTo(10);
    }

    @Test
    void aLastBytePastTheEndIsClampedToTheEnd() {
        assertThat(RangeRequest.of("bytes=500-5000", LENGTH).contentRange()).isEqualTo("bytes 500-999/1000");
    }

    @Test
    void oneByteAtEachEnd() {
        assertThat(RangeRequest.of("bytes=0-0", LENGTH).contentRange()).isEqualTo("bytes 0-0/1000");
        assertThat(RangeRequest.of("bytes=999-999", LENGTH).contentRange()).isEqualTo("bytes 999-999/1000");
    }

    @Test
    void theUnitIsCaseInsensitiveAndSpacesAroundTheRangeAreTolerated() {
        assertThat(RangeRequest.of("Bytes= 10-19 ", LENGTH).contentRange()).isEqualTo("bytes 10-19/1000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=1000-", "bytes=1000-1001", "bytes=5000-6000", "bytes=99999999999999999999-"})
    void aRangeThatStartsAtOrPastTheEndIsUnsatisfiable(String header) {
        RangeRequest range = RangeRequest.of(header, LENGTH);

        assertThat(range.status()).isEqualTo(416);
        assertThat(range.contentRange()).isEqualTo("bytes */1000");
        assertThat(range.count()).isZero();
    }

    @Test
    void anEmptyFileSatisfiesNoRange() {
        assertThat(RangeRequest.of("bytes=0-", 0).status()).isEqualTo(416);
    }

    /** ffmpeg's HTTP client asks {@code bytes=0-} of every file; the whole file is the answer to that either way. */
    @ParameterizedTest
    @ValueSource(strings = {"bytes=0-", "bytes=0-999", "bytes=0-5000"})
    void aRangeThatCoversTheWholeFileIsAnsweredAsAPlainGet(String header) {
        RangeRequest range = RangeRequest.of(header, LENGTH);

        assertThat(range.status()).isEqualTo(200);
        assertThat(range.count()).isEqualTo(LENGTH);
        assertThat(range.contentRange()).isNull();
    }

    @Test
    void aRangeThatStopsOneByteShortOfTheEndIsAPart() {
        assertThat(RangeRequest.of("bytes=0-998", LENGTH).contentRange()).isEqualTo("bytes 0-998/1000");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "items=0-9", "bytes=", "bytes=-", "bytes=-100", "bytes=20-10", "bytes=a-9",
            "bytes=0-9,20-29", "bytes=0-x", "bytes=+1-9"})
    void anyOtherHeaderIsIgnoredAndTheWholeFileSent(String header) {
        RangeRequest range = RangeRequest.of(header, LENGTH);

        assertThat(range.status()).isEqualTo(200);
        assertThat(range.count()).isEqualTo(LENGTH);
        assertThat(range.contentRange()).isNull();
    }
}
