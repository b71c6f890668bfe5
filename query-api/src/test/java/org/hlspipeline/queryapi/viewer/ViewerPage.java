package org.hlspipeline.queryapi.viewer;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The viewer page ({@code GET /}) in a real browser, read the way a person would see it (its tables, its
 * playlist panel) and through what it records in {@code window.viewer}: every hls.js ERROR event and every
 * segment change ({@code FRAG_CHANGED}) with the player's position at that moment.
 */
public final class ViewerPage {

    /** An hls.js ERROR event as the page recorded it. */
    public record PlayerError(String type, String details, boolean fatal, String url) {
    }

    /**
     * A segment the player moved onto: its media sequence number, its discontinuity count (hls.js's {@code cc}),
     * its URL, and the player's position then.
     */
    public record PlayedSegment(long sequence, long discontinuity, String url, double currentTime) {
    }

    private final ChromeDriver driver;
    private final String baseUrl;

    public ViewerPage(HeadlessChromium chromium, String baseUrl) {
        this.driver = chromium.driver();
        this.baseUrl = baseUrl;
    }

    /** Loads the page at {@code pathAndQuery} ({@code /}, {@code /?channel=tv}). */
    public void open(String pathAndQuery) {
        driver.get(baseUrl + pathAndQuery);
    }

    /** Waits for the Play button of the stream or channel in the lists, and clicks it. */
    public void clickPlay(String kind, String id) {
        By button = By.cssSelector("button[data-kind='" + kind + "'][data-id='" + id + "']");
        WebElement play = await(kind + " " + id + " listed on the page").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> driver.findElements(button).stream().findFirst().orElse(null), e -> e != null);
        play.click();
    }

    /** The text of the row listing this stream or channel. */
    String listedRow(String kind, String id) {
        return driver.findElement(By.cssSelector("tr[data-" + kind + "='" + id + "']")).getText();
    }

    public double currentTime() {
        return number(script("return document.getElementById('video').currentTime;"));
    }

    public boolean paused() {
        return Boolean.TRUE.equals(script("return document.getElementById('video').paused;"));
    }

    /** The playlist hls.js was given. */
    String source() {
        return (String) script("return window.viewer.playing && window.viewer.playing.source;");
    }

    List<PlayerError> errors() {
        List<PlayerError> errors = new ArrayList<>();
        for (Map<String, Object> e : entries("return window.viewer.errors;")) {
            errors.add(new PlayerError((String) e.get("type"), (String) e.get("details"),
                    Boolean.TRUE.equals(e.get("fatal")), (String) e.get("url")));
        }
        return errors;
    }

    public List<PlayerError> fatalErrors() {
        return errors().stream().filter(PlayerError::fatal).toList();
    }

    public List<PlayedSegment> playedSegments() {
        List<PlayedSegment> played = new ArrayList<>();
        for (Map<String, Object> f : entries("return window.viewer.fragments;")) {
            played.add(new PlayedSegment((long) number(f.get("sn")), (long) number(f.get("cc")),
                    (String) f.get("url"), number(f.get("currentTime"))));
        }
        return played;
    }

    /** The media playlist the page shows, as text. */
    String playlistText() {
        return driver.findElement(By.id("playlist")).getText();
    }

    /** The playlist line the page marks as playing, or null. */
    String markedLine() {
        List<WebElement> marked = driver.findElements(By.cssSelector("#playlist .playing"));
        return marked.isEmpty() ? null : marked.get(0).getText().strip();
    }

    /** The text of an element of the position panel ({@code current-time}, {@code segment}, {@code latency}). */
    String position(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    /** Every URL the page has fetched so far (Resource Timing), the page itself included. */
    @SuppressWarnings("unchecked")
    public List<String> fetchedUrls() {
        return (List<String>) script("return [location.href].concat("
                + "performance.getEntriesByType('resource').map(function (e) { return e.name; }));");
    }

    /**
     * An alternative rendition as hls.js lists it ({@code hls.audioTracks}, {@code hls.subtitleTracks}): its
     * index there, and the EXT-X-MEDIA attributes it read.
     */
    public record Track(int id, String groupId, String name, String language, boolean isDefault, String url) {
    }

    public List<Track> audioTracks() {
        return tracks("audioTracks");
    }

    public List<Track> subtitleTracks() {
        return tracks("subtitleTracks");
    }

    /** The index of the audio track hls.js plays ({@code hls.audioTrack}), -1 before it has chosen. */
    public int audioTrack() {
        return (int) number(script("return window.viewer.hls ? window.viewer.hls.audioTrack : -1;"));
    }

    /** Has hls.js switch to the audio track {@code id}, as a player's language menu does. */
    public void selectAudioTrack(int id) {
        script("window.viewer.hls.audioTrack = " + id + ";");
    }

    /** Has hls.js show the subtitle track {@code id} ({@code hls.subtitleTrack}). */
    public void selectSubtitleTrack(int id) {
        script("window.viewer.hls.subtitleTrack = " + id + ";");
    }

    /** The text of every cue the video element's text tracks hold (what hls.js parsed out of WebVTT segments). */
    @SuppressWarnings("unchecked")
    public List<String> subtitleCues() {
        return (List<String>) script("var cues = []; var tracks = document.getElementById('video').textTracks;"
                + "for (var i = 0; i < tracks.length; i++) { var c = tracks[i].cues;"
                + " for (var j = 0; c && j < c.length; j++) { cues.push(c[j].text); } } return cues;");
    }

    private List<Track> tracks(String list) {
        List<Track> tracks = new ArrayList<>();
        for (Map<String, Object> t : entries("var h = window.viewer.hls; return h ? h." + list + ".map(function (t)"
                + " { return { id: t.id, groupId: t.groupId, name: t.name, lang: t.lang || null,"
                + " isDefault: !!t.default, url: t.url }; }) : [];")) {
            tracks.add(new Track((int) number(t.get("id")), (String) t.get("groupId"), (String) t.get("name"),
                    (String) t.get("lang"), Boolean.TRUE.equals(t.get("isDefault")), (String) t.get("url")));
        }
        return tracks;
    }

    /** What the player recorded, for failure messages. */
    public String recorded() {
        return "errors " + errors() + "\nsegments " + playedSegments();
    }

    private Object script(String js) {
        return driver.executeScript(js);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> entries(String js) {
        Object value = script(js);
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    private static double number(Object value) {
        return value == null ? Double.NaN : ((Number) value).doubleValue();
    }
}
