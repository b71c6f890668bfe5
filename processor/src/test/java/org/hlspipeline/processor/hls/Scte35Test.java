package org.hlspipeline.processor.hls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.hlspipeline.processor.hls.Scte35Decoder.SpliceInsert;
import org.junit.jupiter.api.Test;

/** SCTE-35 sections, checked field by field with the independent {@link Scte35Decoder}. */
class Scte35Test {

    /**
     * splice_insert OUT, event 5, 30 s: the bytes laid out by hand from ANSI/SCTE 35 Tables 5 and 10 (see
     * {@link Scte35}); the CRC was worked out with a separate bit-by-bit implementation.
     */
    static final String OUT_5_30S = "FC" + "3020" + "00" + "0000000000" + "FF" + "FFF00F" + "05"
            + "00000005" + "7F" + "FF" + "FE002932E0" + "0000" + "00" + "00" + "0000" + "4A390024";
    /** splice_insert IN, event 5. */
    static final String IN_5 = "FC" + "301B" + "00" + "0000000000" + "FF" + "FFF00A" + "05"
            + "00000005" + "7F" + "5F" + "0000" + "00" + "00" + "0000" + "6F873B4A";

    @Test
    void theDecodersCrcIsTheMpeg2Crc() {
        // The CRC-32/MPEG-2 check value of "123456789".
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(Scte35Decoder.crc32Mpeg2(check, check.length)).isEqualTo(0x0376E6E7L);
        assertThat(Scte35.crc32Mpeg2(check, 0, check.length)).isEqualTo(0x0376E6E7);
    }

    @Test
    void theDecoderReadsASectionFromAnEncoderDocumentation() {
        // The SCTE35-OUT of the EXT-X-DATERANGE example in AWS Elemental Live's documentation: event 999, 30 s.
        SpliceInsert s = Scte35Decoder.decode(
                "0xFC302500000000000000FFF01405000003E77FEFFE0011FB9EFE002932E00001010100004D192A59");

        assertThat(s.crcOk()).isTrue();
        assertThat(s.spliceEventId()).isEqualTo(999);
        assertThat(s.outOfNetworkIndicator()).isEqualTo(1);
        assertThat(s.spliceImmediateFlag()).isZero();
        assertThat(s.spliceTimePts()).isEqualTo(0x11FB9EL);
        assertThat(s.breakDurationTicks()).isEqualTo(2_700_000);
        assertThat(s.uniqueProgramId()).isEqualTo(1);
    }

    @Test
    void spliceOutIsTheHandWrittenSection() {
        assertThat(Scte35.hex(Scte35.spliceOut(5, 30_000_000))).isEqualTo(OUT_5_30S);
        assertThat(Scte35.spliceOut(5, 30_000_000)).hasSize(35);
    }

    @Test
    void spliceInIsTheHandWrittenSection() {
        assertThat(Scte35.hex(Scte35.spliceIn(5))).isEqualTo(IN_5);
        assertThat(Scte35.spliceIn(5)).hasSize(30);
    }

    @Test
    void spliceOutDecodesToAnImmediateOutOfNetworkSpliceInsertWithItsBreakDuration() {
        SpliceInsert s = Scte35Decoder.decode(Scte35.spliceOut(0x1_2345_6789L, 30_000_000));

        assertThat(s.tableId()).isEqualTo(0xFC);
        assertThat(s.sectionSyntaxIndicator()).isZero();
        assertThat(s.privateIndicator()).isZero();
        assertThat(s.sapType()).isEqualTo(3);
        assertThat(s.sectionLength()).isEqualTo(32);
        assertThat(s.protocolVersion()).isZero();
        assertThat(s.encryptedPacket()).isZero();
        assertThat(s.ptsAdjustment()).isZero();
        assertThat(s.cwIndex()).isEqualTo(0xFF);
        assertThat(s.tier()).isEqualTo(0xFFF);
        assertThat(s.spliceCommandLength()).isEqualTo(15);
        assertThat(s.spliceCommandType()).isEqualTo(5);
        assertThat(s.spliceEventId()).isEqualTo(0x2345_6789L); // the low 32 bits
        assertThat(s.cancelIndicator()).isZero();
        assertThat(s.outOfNetworkIndicator()).isEqualTo(1);
        assertThat(s.programSpliceFlag()).isEqualTo(1);
        assertThat(s.durationFlag()).isEqualTo(1);
        assertThat(s.spliceImmediateFlag()).isEqualTo(1);
        assertThat(s.flagsReservedBits()).isEqualTo(0xF);
        assertThat(s.spliceTimePts()).isEqualTo(-1);
        assertThat(s.autoReturn()).isEqualTo(1);
        assertThat(s.breakDurationTicks()).isEqualTo(30 * 90_000);
        assertThat(s.uniqueProgramId()).isZero();
        assertThat(s.availNum()).isZero();
        assertThat(s.availsExpected()).isZero();
        assertThat(s.descriptorLoopLength()).isZero();
        assertThat(s.crcOk()).isTrue();
    }

    @Test
    void spliceInDecodesToAnImmediateReturnWithoutDuration() {
        SpliceInsert s = Scte35Decoder.decode(Scte35.spliceIn(77));

        assertThat(s.sectionLength()).isEqualTo(27);
        assertThat(s.spliceCommandLength()).isEqualTo(10);
        assertThat(s.spliceEventId()).isEqualTo(77);
        assertThat(s.outOfNetworkIndicator()).isZero();
        assertThat(s.programSpliceFlag()).isEqualTo(1);
        assertThat(s.durationFlag()).isZero();
        assertThat(s.spliceImmediateFlag()).isEqualTo(1);
        assertThat(s.breakDurationTicks()).isEqualTo(-1);
        assertThat(s.crcOk()).isTrue();
    }

    @Test
    void breakDurationsAreRoundedTo90kHzTicksAndCappedAt33Bits() {
        assertThat(Scte35.ticks90kHz(2_000_000)).isEqualTo(180_000);
        assertThat(Scte35.ticks90kHz(11)).isEqualTo(1); // 0.99 ticks
        assertThat(Scte35.ticks90kHz(5)).isZero(); // 0.45 ticks
        long tooLong = 100_000L * 3600 * 1_000_000; // 100 000 h
        assertThat(Scte35Decoder.decode(Scte35.spliceOut(1, tooLong)).breakDurationTicks()).isEqualTo((1L << 33) - 1);
        assertThatThrownBy(() -> Scte35.spliceOut(1, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCorruptedSectionFailsTheCrc() {
        byte[] section = Scte35.spliceOut(5, 30_000_000);
        section[20] ^= 0x01;

        assertThat(Scte35Decoder.decode(section).crcOk()).isFalse();
    }
}
