package org.hlspipeline.processor.hls;

/**
 * SCTE-35 {@code splice_info_section()}s carrying one {@code splice_insert()}, for the {@code SCTE35-OUT} and
 * {@code SCTE35-IN} attributes of a break's {@code EXT-X-DATERANGE}. Immediate splices without a splice time,
 * since the pipeline does not know the media's timestamps; field by field in docs/hls-output.md, SCTE-35
 * splice_insert. Pure and deterministic.
 */
public final class Scte35 {

    /** The 33-bit ceiling of PTS-like fields. */
    static final long MAX_TICKS = (1L << 33) - 1;

    private static final int[] CRC_TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int crc = i << 24;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000_0000) != 0 ? (crc << 1) ^ 0x04C1_1DB7 : crc << 1;
            }
            CRC_TABLE[i] = crc;
        }
    }

    private Scte35() {
    }

    /** The splice_info_section that takes the channel out of the network for {@code breakDurationMicros}. */
    public static byte[] spliceOut(long spliceEventId, long breakDurationMicros) {
        if (breakDurationMicros < 0) {
            throw new IllegalArgumentException("break duration must not be negative");
        }
        long ticks = Math.min(ticks90kHz(breakDurationMicros), MAX_TICKS);
        byte[] command = new byte[15];
        writeEventHeader(command, spliceEventId, true, true);
        // break_duration(): auto_return 1, 6 reserved bits '1', duration 33 bits.
        command[6] = (byte) (0xFE | (int) (ticks >>> 32));
        command[7] = (byte) (ticks >>> 24);
        command[8] = (byte) (ticks >>> 16);
        command[9] = (byte) (ticks >>> 8);
        command[10] = (byte) ticks;
        // unique_program_id, avail_num, avails_expected: bytes 11..14 stay 0.
        return section(command);
    }

    /** The splice_info_section that returns the channel to the network. */
    public static byte[] spliceIn(long spliceEventId) {
        byte[] command = new byte[10];
        writeEventHeader(command, spliceEventId, false, false);
        // unique_program_id, avail_num, avails_expected: bytes 6..9 stay 0.
        return section(command);
    }

    /** Microseconds as 90 kHz ticks, half-up: 30 s → 2 700 000. */
    public static long ticks90kHz(long micros) {
        return Math.floorDiv(micros * 9 + 50, 100);
    }

    /** Upper-case hex digits, two per byte, without {@code 0x}. */
    public static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = Character.toUpperCase(Character.forDigit((bytes[i] >> 4) & 0xF, 16));
            out[2 * i + 1] = Character.toUpperCase(Character.forDigit(bytes[i] & 0xF, 16));
        }
        return new String(out);
    }

    /** The MPEG-2 CRC-32 of {@code length} bytes from {@code offset}. */
    public static int crc32Mpeg2(byte[] bytes, int offset, int length) {
        int crc = 0xFFFF_FFFF;
        for (int i = offset; i < offset + length; i++) {
            crc = (crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ bytes[i]) & 0xFF];
        }
        return crc;
    }

    /** splice_event_id, the cancel byte and the flags byte of splice_insert(), at the start of {@code command}. */
    private static void writeEventHeader(byte[] command, long spliceEventId, boolean outOfNetwork, boolean duration) {
        command[0] = (byte) (spliceEventId >>> 24);
        command[1] = (byte) (spliceEventId >>> 16);
        command[2] = (byte) (spliceEventId >>> 8);
        command[3] = (byte) spliceEventId;
        command[4] = 0x7F; // splice_event_cancel_indicator 0, 7 reserved bits '1'
        // out_of_network_indicator, program_splice_flag 1, duration_flag, splice_immediate_flag 1,
        // event_id_compliance_flag 1 and 3 reserved bits '1'.
        command[5] = (byte) ((outOfNetwork ? 0x80 : 0) | 0x40 | (duration ? 0x20 : 0) | 0x10 | 0x0F);
    }

    private static byte[] section(byte[] command) {
        // After section_length: protocol_version (1), encrypted_packet/encryption_algorithm/pts_adjustment (5),
        // cw_index (1), tier/splice_command_length (3), splice_command_type (1), the command,
        // descriptor_loop_length (2), CRC_32 (4).
        int sectionLength = 1 + 5 + 1 + 3 + 1 + command.length + 2 + 4;
        byte[] out = new byte[3 + sectionLength];
        out[0] = (byte) 0xFC;
        out[1] = (byte) (0x30 | (sectionLength >>> 8)); // syntax 0, private 0, sap_type '11'
        out[2] = (byte) sectionLength;
        // out[3] protocol_version 0; out[4..8] encryption 0 and pts_adjustment 0
        out[9] = (byte) 0xFF; // cw_index
        out[10] = (byte) 0xFF; // tier, high 8 bits
        out[11] = (byte) (0xF0 | (command.length >>> 8)); // tier low 4 bits, splice_command_length high 4
        out[12] = (byte) command.length;
        out[13] = 0x05; // splice_insert
        System.arraycopy(command, 0, out, 14, command.length);
        // descriptor_loop_length 0: two zero bytes
        int crcAt = out.length - 4;
        int crc = crc32Mpeg2(out, 0, crcAt);
        out[crcAt] = (byte) (crc >>> 24);
        out[crcAt + 1] = (byte) (crc >>> 16);
        out[crcAt + 2] = (byte) (crc >>> 8);
        out[crcAt + 3] = (byte) crc;
        return out;
    }
}
