package org.hlspipeline.queryapi.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;

class MediaFilesTest {

    @TempDir
    Path base;
    private Path media;
    private MediaFiles files;

    @BeforeEach
    void folder() throws Exception {
        media = Files.createDirectories(base.resolve("media"));
        Files.createDirectories(media.resolve("live/720p"));
        Files.writeString(media.resolve("live/720p/seg1.ts"), "ts");
        Files.writeString(media.resolve("live/master.m3u8"), "#EXTM3U\n");
        Files.writeString(media.resolve(".env"), "secret");
        Files.createDirectories(media.resolve(".git"));
        Files.writeString(media.resolve(".git/config"), "secret");
        Files.writeString(base.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(media.resolve("escape.ts"), base.resolve("secret.txt"));
        Files.createSymbolicLink(media.resolve("outside"), base);
        Files.createSymbolicLink(media.resolve("alias.ts"), media.resolve("live/720p/seg1.ts"));
        files = MediaFiles.of(media);
    }

    @Test
    void servesRegularFilesInsideTheFolder() throws Exception {
        assertThat(files.resolve("/live/720p/seg1.ts")).contains(media.resolve("live/720p/seg1.ts").toRealPath());
        assertThat(files.resolve("live/master.m3u8")).isPresent();
        assertThat(files.resolve("//live//master.m3u8")).isPresent();
        // A link that stays inside the folder is fine.
        assertThat(files.resolve("/alias.ts")).contains(media.resolve("live/720p/seg1.ts").toRealPath());
    }

    @Test
    void refusesTraversalHiddenFilesDirectoriesLinksOutAndMissingFiles() {
        for (String path : new String[] {"/../secret.txt", "/live/../../secret.txt", "/live/./master.m3u8",
                "/..", "/.", "/.env", "/.git/config", "/live/..\\..\\secret.txt", "/live\0/master.m3u8",
                "/escape.ts", "/outside/secret.txt", "/", "", "/live", "/live/720p/", "/nope.ts", null}) {
            assertThat(files.resolve(path)).as(String.valueOf(path)).isEmpty();
        }
    }

    @Test
    void theFolderMustExist() {
        assertThatThrownBy(() -> MediaFiles.of(base.resolve("missing"))).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> MediaFiles.of(base.resolve("secret.txt"))).hasMessageContaining("not a directory");
    }

    @Test
    void contentTypesAreThoseHlsPlayersExpect() {
        assertThat(MediaFiles.typeOf("index.m3u8")).hasToString("application/vnd.apple.mpegurl");
        assertThat(MediaFiles.typeOf("SEG001.TS")).hasToString("video/mp2t");
        assertThat(MediaFiles.typeOf("chunk-1.m4s")).hasToString("video/iso.segment");
        assertThat(MediaFiles.typeOf("init.mp4")).hasToString("video/mp4");
        assertThat(MediaFiles.typeOf("audio.aac")).hasToString("audio/aac");
        assertThat(MediaFiles.typeOf("subs.vtt")).isEqualTo(MediaType.parseMediaType("text/vtt;charset=UTF-8"));
        assertThat(MediaFiles.typeOf("page.html")).isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
        assertThat(MediaFiles.typeOf("noextension")).isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
    }
}
