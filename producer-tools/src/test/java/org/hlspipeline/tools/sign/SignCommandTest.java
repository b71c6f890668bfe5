package org.hlspipeline.tools.sign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.hlspipeline.processor.signing.UrlSigner;
import org.hlspipeline.processor.signing.Verification;
import org.hlspipeline.tools.RecordingPublisher;
import org.hlspipeline.tools.ToolRun;
import org.hlspipeline.tools.cli.ExitCodes;
import org.junit.jupiter.api.Test;

/** What {@code sign} prints is accepted by the verifier the app runs, and only for what was signed. */
class SignCommandTest {

    private static final String KEY = "sign-test-key-0123456789";
    private final RecordingPublisher publisher = new RecordingPublisher();

    private static UrlSigner appAt(long epochSecond, String... keys) {
        return new UrlSigner(List.of(keys), Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    private static Verification verify(UrlSigner app, String signed) {
        int query = signed.indexOf('?');
        return app.verify(signed.substring(0, query), signed.substring(query + 1));
    }

    @Test
    void printsAPathTheAppAcceptsUntilItExpires() {
        long before = Instant.now().getEpochSecond();
        ToolRun run = ToolRun.run(publisher, "sign", "--key", KEY, "--expires-in", "3600",
                "/streams/x/master.m3u8");
        long after = Instant.now().getEpochSecond();
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.outLines()).hasSize(1);
        String signed = run.outLines().get(0);
        assertThat(signed).matches("/streams/x/master\\.m3u8\\?expires=[0-9]+&signature=[A-Za-z0-9_-]{43}");
        long expires = Long.parseLong(signed.replaceAll(".*expires=([0-9]+)&.*", "$1"));
        assertThat(expires).isBetween(before + 3600, after + 3600);

        assertThat(verify(appAt(before, KEY), signed).valid()).isTrue();
        assertThat(verify(appAt(expires, KEY), signed).valid()).isTrue();
        assertThat(verify(appAt(expires + 1, KEY), signed).outcome()).isEqualTo(Verification.Outcome.EXPIRED);
        assertThat(verify(appAt(before, "another-key-0123456789"), signed).outcome())
                .isEqualTo(Verification.Outcome.WRONG);
        assertThat(verify(appAt(before, KEY), signed.replace("/x/", "/y/")).outcome())
                .isEqualTo(Verification.Outcome.WRONG);
        assertThat(publisher.opened).isEmpty();
    }

    @Test
    void takesTheFirstKeyOfTheAppsSettingAndSignsEveryPathAndUrl() {
        ToolRun run = ToolRun.run(publisher, Map.of("HLS_SIGNED_URL_KEYS", " " + KEY + ",old-key-0123456789abc"),
                "sign", "--expires", "2000000000", "/channels/tv1/master.m3u8",
                "https://cdn.example/streams/x/renditions/720p/playlist.m3u8?_HLS_msn=3");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.outLines()).hasSize(2);
        UrlSigner app = appAt(1_900_000_000L, "rotated-key-0123456789", KEY);
        assertThat(verify(app, run.outLines().get(0)).valid()).isTrue();
        String url = run.outLines().get(1);
        assertThat(url).startsWith("https://cdn.example/streams/x/renditions/720p/playlist.m3u8?_HLS_msn=3"
                + "&expires=2000000000&signature=");
        assertThat(app.verify("/streams/x/renditions/720p/playlist.m3u8", url.substring(url.indexOf('?') + 1))
                .valid()).isTrue();
    }

    @Test
    void refusesWithoutAUsableKeyOrPath() {
        assertThat(ToolRun.run(publisher, "sign", "/streams/x/master.m3u8").err())
                .contains("give --key, or set HLS_SIGNED_URL_KEYS");
        ToolRun shortKey = ToolRun.run(publisher, "sign", "--key", "short", "/streams/x/master.m3u8");
        assertThat(shortKey.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(shortKey.err()).contains("keys need at least 16");
        ToolRun relative = ToolRun.run(publisher, "sign", "--key", KEY, "streams/x/master.m3u8");
        assertThat(relative.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(relative.err()).contains("give an absolute path");
        assertThat(ToolRun.run(publisher, "sign", "--key", KEY, "--expires-in", "0", "/a.m3u8").exitCode())
                .isEqualTo(ExitCodes.USAGE);
    }
}
