package org.hlspipeline.processor.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.hlspipeline.processor.hls.AlternativeDescription;
import org.hlspipeline.processor.hls.AlternativeRendition;
import org.hlspipeline.processor.hls.MasterPlaylist;
import org.hlspipeline.processor.hls.PlaylistRenderer;
import org.hlspipeline.processor.hls.RenditionType;
import org.hlspipeline.processor.hls.Variant;
import org.hlspipeline.processor.hls.VariantDescription;
import org.junit.jupiter.api.Test;

class SignedMasterTest {

    private static final long EXPIRES = 1_700_000_000L;
    private static final UrlSigner SIGNER = new UrlSigner(List.of("first-key-0123456789"),
            Clock.fixed(Instant.ofEpochSecond(EXPIRES), ZoneOffset.UTC));

    @Test
    void relativeUrisStayRelativeAndAreSignedForTheirResolvedPath() {
        String signed = SignedMaster.signed("renditions/720p/playlist.m3u8", "/streams/x/master.m3u8", EXPIRES,
                SIGNER);
        assertThat(signed).startsWith("renditions/720p/playlist.m3u8?expires=1700000000&signature=");
        String query = signed.substring(signed.indexOf('?') + 1);
        assertThat(SIGNER.verify("/streams/x/renditions/720p/playlist.m3u8", query).valid()).isTrue();
        assertThat(SIGNER.verify("/streams/x/master.m3u8", query).valid()).isFalse();
    }

    @Test
    void dotSegmentsAndRootedPathsResolveAsAPlayerResolvesThem() {
        String up = SignedMaster.signed("../y/playlist.m3u8?_HLS_skip=YES", "/streams/x/master.m3u8", EXPIRES,
                SIGNER);
        assertThat(up).startsWith("../y/playlist.m3u8?_HLS_skip=YES&expires=");
        assertThat(SIGNER.verify("/streams/y/playlist.m3u8", up.substring(up.indexOf('?') + 1)).valid()).isTrue();
        String rooted = SignedMaster.signed("/other/playlist.m3u8", "/streams/x/master.m3u8", EXPIRES, SIGNER);
        assertThat(SIGNER.verify("/other/playlist.m3u8", rooted.substring(rooted.indexOf('?') + 1)).valid())
                .isTrue();
    }

    @Test
    void absoluteUrisAreNotTheAppsToSign() {
        assertThat(SignedMaster.signed("https://cdn.example/a.m3u8", "/streams/x/master.m3u8", EXPIRES, SIGNER))
                .isEqualTo("https://cdn.example/a.m3u8");
        assertThat(SignedMaster.signed("//cdn.example/a.m3u8", "/streams/x/master.m3u8", EXPIRES, SIGNER))
                .isEqualTo("//cdn.example/a.m3u8");
    }

    @Test
    void variantsAndGroupMembersAreSignedWithTheMastersExpiry() {
        VariantDescription video = new VariantDescription(2_500_000, null, null, null, null, "aac", null, false);
        AlternativeDescription audio = new AlternativeDescription(RenditionType.AUDIO, "aac", "English", "en", true,
                true, false, "2", null);
        MasterPlaylist master = new MasterPlaylist(List.of(new Variant("renditions/720p/playlist.m3u8", video)),
                List.of(new AlternativeRendition("renditions/en/playlist.m3u8", audio)), List.of());
        MasterPlaylist signed = SignedMaster.sign(master, "/channels/c/master.m3u8", EXPIRES, SIGNER);
        String text = PlaylistRenderer.renderMaster(signed);
        assertThat(text).contains("URI=\"renditions/en/playlist.m3u8?expires=1700000000&signature=")
                .contains("\nrenditions/720p/playlist.m3u8?expires=1700000000&signature=");
        String variantUri = signed.variants().get(0).uri();
        assertThat(SIGNER.verify("/channels/c/renditions/720p/playlist.m3u8",
                variantUri.substring(variantUri.indexOf('?') + 1)).valid()).isTrue();
        String audioUri = signed.alternatives().get(0).uri();
        assertThat(SIGNER.verify("/channels/c/renditions/en/playlist.m3u8",
                audioUri.substring(audioUri.indexOf('?') + 1)).valid()).isTrue();
    }
}
