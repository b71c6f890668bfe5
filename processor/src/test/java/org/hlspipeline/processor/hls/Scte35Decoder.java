package org.hlspipeline.processor.hls;

/**
 * Reads a splice_info_section carrying a splice_insert (ANSI/SCTE 35 §9.6, §9.7.3), for tests. Written from the
 * standard's field tables, independently of {@link Scte35}: a bit reader, and a bit-by-bit MPEG-2 CRC-32
 * (polynomial 0x04C11DB7, initial value 0xFFFFFFFF, no reflection, no final XOR).
 */
public final class Scte35Decoder {

    /** The fields of one splice_info_section with a splice_insert; {@code -1} for what is absent. */
    public record SpliceInsert(
            int tableId, int sectionSyntaxIndicator, int privateIndicator, int sapType, int sectionLength,
            int protocolVersion, int encryptedPacket, int encryptionAlgorithm, long ptsAdjustment, int cwIndex,
            int tier, int spliceCommandLength, int spliceCommandType,
            long spliceEventId, int cancelIndicator, int outOfNetworkIndicator, int programSpliceFlag,
            int durationFlag, int spliceImmediateFlag, int flagsReservedBits, long spliceTimePts,
            int autoReturn, long breakDurationTicks, int uniqueProgramId, int availNum, int availsExpected,
            int descriptorLoopLength, long crc32, long computedCrc32, int totalBytes) {

        public boolean crcOk() {
            return crc32 == computedCrc32;
        }
    }

    private final byte[] bytes;
    private int bit;

    private Scte35Decoder(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Reads {@code hex} (with or without {@code 0x}). */
    public static SpliceInsert decode(String hex) {
        String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
        byte[] bytes = new byte[digits.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return decode(bytes);
    }

    public static SpliceInsert decode(byte[] bytes) {
        return new Scte35Decoder(bytes).read();
    }

    /** The MPEG-2 CRC-32 of {@code length} bytes, one bit at a time. */
    public static long crc32Mpeg2(byte[] data, int length) {
        long crc = 0xFFFF_FFFFL;
        for (int i = 0; i < length; i++) {
            for (int b = 7; b >= 0; b--) {
                long inBit = (data[i] >> b) & 1;
                long topBit = (crc >>> 31) & 1;
                crc = (crc << 1) & 0xFFFF_FFFFL;
                if ((inBit ^ topBit) != 0) {
                    crc ^= 0x04C1_1DB7L;
                }
            }
        }
        return crc;
    }

    private SpliceInsert read() {
        int tableId = (int) bits(8);
        int syntax = (int) bits(1);
        int priv = (int) bits(1);
        int sap = (int) bits(2);
        int sectionLength = (int) bits(12);
        if (sectionLength + 3 != bytes.length) {
            throw new IllegalArgumentException("section_length " + sectionLength + " does not match " + bytes.length
                    + " bytes");
        }
        int protocol = (int) bits(8);
        int encrypted = (int) bits(1);
        int algorithm = (int) bits(6);
        long ptsAdjustment = bits(33);
        int cwIndex = (int) bits(8);
        int tier = (int) bits(12);
        int commandLength = (int) bits(12);
        int commandType = (int) bits(8);
        if (commandType != 0x05) {
            throw new IllegalArgumentException("not a splice_insert: command type " + commandType);
        }
        int commandStart = bit / 8;
        long eventId = bits(32);
        int cancel = (int) bits(1);
        bits(7);
        int out = -1;
        int program = -1;
        int duration = -1;
        int immediate = -1;
        int reservedFlags = -1;
        long pts = -1;
        int autoReturn = -1;
        long breakTicks = -1;
        int uniqueProgramId = -1;
        int availNum = -1;
        int availsExpected = -1;
        if (cancel == 0) {
            out = (int) bits(1);
            program = (int) bits(1);
            duration = (int) bits(1);
            immediate = (int) bits(1);
            reservedFlags = (int) bits(4);
            if (program == 0) {
                throw new IllegalArgumentException("component splice mode is not read here");
            }
            if (immediate == 0) {
                int timeSpecified = (int) bits(1);
                if (timeSpecified == 1) {
                    bits(6);
                    pts = bits(33);
                } else {
                    bits(7);
                }
            }
            if (duration == 1) {
                autoReturn = (int) bits(1);
                bits(6);
                breakTicks = bits(33);
            }
            uniqueProgramId = (int) bits(16);
            availNum = (int) bits(8);
            availsExpected = (int) bits(8);
        }
        if (bit / 8 - commandStart != commandLength) {
            throw new IllegalArgumentException("splice_command_length " + commandLength + " but the command has "
                    + (bit / 8 - commandStart) + " bytes");
        }
        int descriptorLoopLength = (int) bits(16);
        bit += descriptorLoopLength * 8;
        int crcAt = bit / 8;
        long crc = bits(32);
        if (bit / 8 != bytes.length) {
            throw new IllegalArgumentException((bytes.length - bit / 8) + " bytes after CRC_32");
        }
        return new SpliceInsert(tableId, syntax, priv, sap, sectionLength, protocol, encrypted, algorithm,
                ptsAdjustment, cwIndex, tier, commandLength, commandType, eventId, cancel, out, program, duration,
                immediate, reservedFlags, pts, autoReturn, breakTicks, uniqueProgramId, availNum, availsExpected,
                descriptorLoopLength, crc, crc32Mpeg2(bytes, crcAt), bytes.length);
    }

    private long bits(int count) {
        long value = 0;
        for (int i = 0; i < count; i++) {
            int byteIndex = bit / 8;
            if (byteIndex >= bytes.length) {
                throw new IllegalArgumentException("section ends early, at byte " + byteIndex);
            }
            value = (value << 1) | ((bytes[byteIndex] >> (7 - bit % 8)) & 1);
            bit++;
        }
        return value;
    }
}
