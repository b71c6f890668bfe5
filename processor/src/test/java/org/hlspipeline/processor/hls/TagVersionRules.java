package org.hlspipeline.processor.hls;

import java.util.ArrayList;
import java.util.List;

/**
 * The versions that EXT-X-MAP, EXT-X-BYTERANGE and EXT-X-KEY's attributes require (RFC 8216 §7): written from
 * the RFC's list, not from the renderer, so a renderer that writes a lower EXT-X-VERSION than its tags need fails.
 */
final class TagVersionRules {

    private TagVersionRules() {
    }

    static List<String> violations(String text) {
        List<String> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        long version = 1;
        for (String line : lines) {
            if (line.startsWith("#EXT-X-VERSION:")) {
                version = Long.parseLong(line.substring("#EXT-X-VERSION:".length()).trim());
            }
        }
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int needed = 1;
            if (line.startsWith("#EXT-X-MAP:")) {
                needed = 6;
            } else if (line.startsWith("#EXT-X-BYTERANGE:")) {
                needed = 4;
            } else if (line.startsWith("#EXT-X-KEY:")) {
                if (line.contains("METHOD=SAMPLE-AES") || line.contains("KEYFORMAT=")
                        || line.contains("KEYFORMATVERSIONS=")) {
                    needed = 5;
                } else if (line.contains(",IV=")) {
                    needed = 2;
                }
            }
            if (version < needed) {
                HlsRuleSupport.add(out, i + 1, line, HlsRuleSupport.VERSION, "needs version " + needed
                        + " (RFC 8216 §7), the playlist says " + version);
            }
        }
        return out;
    }
}
