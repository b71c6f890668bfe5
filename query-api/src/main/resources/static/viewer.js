'use strict';
/*
 * The viewer page: lists the streams and channels (GET api/streams, api/channels), plays one with hls.js, and
 * shows the media playlist the player follows and where the player is in its window.
 *
 * Every URL here is relative to the page, so it only ever talks to the application that served it. Data from
 * the API is written with textContent only: titles are free text.
 *
 * window.viewer records what the player did (hls.js ERROR events, segment changes) so that a test driving a
 * real browser, or a person in the console, can read it afterwards.
 */
(function () {
  const LIST_REFRESH_MS = 5000;
  const DETAILS_REFRESH_MS = 2000;
  const POSITION_REFRESH_MS = 500;
  const MAX_RECORDED = 1000;

  const viewer = { errors: [], fragments: [], hls: null, playing: null };
  window.viewer = viewer;

  const $ = (id) => document.getElementById(id);
  const video = $('video');
  let session = null;

  // --- small helpers ---

  async function getJson(path) {
    const response = await fetch(path, { headers: { Accept: 'application/json' }, cache: 'no-cache' });
    if (!response.ok) {
      throw new Error(path + ' answered ' + response.status);
    }
    return response.json();
  }

  function element(tag, text, className) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) {
      e.textContent = text;
    }
    if (className) {
      e.className = className;
    }
    return e;
  }

  function row(cells) {
    const tr = document.createElement('tr');
    for (const c of cells) {
      const td = document.createElement('td');
      if (c instanceof Node) {
        td.appendChild(c);
      } else {
        td.textContent = c === undefined || c === null ? '–' : String(c);
      }
      tr.appendChild(td);
    }
    return tr;
  }

  function seconds(value) {
    return Number.isFinite(value) ? value.toFixed(1) + ' s' : '–';
  }

  function ago(isoInstant) {
    if (!isoInstant) {
      return '–';
    }
    const s = Math.max(0, Math.round((Date.now() - Date.parse(isoInstant)) / 1000));
    return s < 120 ? s + ' s ago' : Math.round(s / 60) + ' min ago';
  }

  function clock(isoInstant) {
    return isoInstant ? new Date(isoInstant).toLocaleTimeString() : '';
  }

  function setStatus(text) {
    $('status').textContent = text;
  }

  function record(list, entry) {
    list.push(entry);
    if (list.length > MAX_RECORDED) {
      list.shift();
    }
  }

  // --- the lists ---

  function playButton(kind, id) {
    const b = element('button', 'Play');
    b.type = 'button';
    b.dataset.kind = kind;
    b.dataset.id = id;
    b.addEventListener('click', () => select(kind, id));
    return b;
  }

  function streamState(s) {
    if (s.unavailable) {
      return 'unavailable';
    }
    return s.ended ? 'ended' : 'live';
  }

  function channelState(c) {
    if (c.unavailable) {
      return 'unavailable';
    }
    if (c.ended) {
      return 'ended';
    }
    return c.configured ? 'on air' : 'not configured yet';
  }

  function playingText(p) {
    return p ? p.title + ' (' + p.kind.toLowerCase() + ')' : null;
  }

  function renderStreams(listing) {
    const body = $('streams').tBodies[0];
    body.replaceChildren(...listing.streams.map((s) => {
      const tr = row([s.streamId, streamState(s),
        s.renditions ? s.renditions.map((r) => r.name).join(', ') : null,
        ago(s.lastActivity), playButton('stream', s.streamId)]);
      tr.dataset.stream = s.streamId;
      return tr;
    }));
    $('streams-empty').hidden = listing.streams.length > 0;
  }

  function renderChannels(listing) {
    const body = $('channels').tBodies[0];
    body.replaceChildren(...listing.channels.map((c) => {
      const next = c.upNext ? playingText(c.upNext) + ' at ' + clock(c.upNext.startsAt) : null;
      const tr = row([c.channelId, channelState(c), playingText(c.nowPlaying), next,
        playButton('channel', c.channelId)]);
      tr.dataset.channel = c.channelId;
      return tr;
    }));
    $('channels-empty').hidden = listing.channels.length > 0;
  }

  async function refreshLists() {
    try {
      const [streams, channels] = await Promise.all([getJson('api/streams'), getJson('api/channels')]);
      renderStreams(streams);
      renderChannels(channels);
      const missing = [...new Set(streams.unavailableInstances.concat(channels.unavailableInstances))];
      setStatus(missing.length ? 'Not answering: ' + missing.join(', ') : '');
    } catch (e) {
      setStatus('Cannot list streams and channels (' + e.message + '); retrying');
    }
  }

  // --- choosing what to play ---

  /** The playlist to give hls.js: the master playlist when it has a variant, else a rendition's playlist. */
  async function sourceOf(kind, id) {
    if (kind === 'channel') {
      const channel = await getJson('api/channels/' + encodeURIComponent(id));
      if (!channel.master) {
        throw new Error('channel ' + id + ' is not configured yet');
      }
      return channel.master;
    }
    const stream = await getJson('api/streams/' + encodeURIComponent(id));
    // The master playlist lists only renditions that are described and have segments (else it is a 404).
    if (stream.renditions.some((r) => r.description && r.segments > 0)) {
      return stream.master;
    }
    const withSegments = stream.renditions.find((r) => r.segments > 0);
    if (!withSegments) {
      throw new Error('stream ' + id + ' has no segment yet');
    }
    return withSegments.playlist;
  }

  async function select(kind, id) {
    history.replaceState(null, '', '?' + kind + '=' + encodeURIComponent(id));
    try {
      play(kind, id, await sourceOf(kind, id));
    } catch (e) {
      setStatus('Cannot play ' + kind + ' ' + id + ': ' + e.message);
    }
  }

  // --- playing ---

  function stop() {
    if (!session) {
      return;
    }
    clearInterval(session.detailsTimer);
    clearTimeout(session.playlistTimer);
    session.hls.destroy();
    session = null;
    viewer.hls = null;
  }

  function play(kind, id, source) {
    stop();
    if (!window.Hls || !Hls.isSupported()) {
      setStatus('This browser cannot play HLS with hls.js (no Media Source Extensions)');
      return;
    }
    const hls = new Hls();
    session = { kind, id, source, hls, fragment: null, playlistUrl: null, targetDuration: 2 };
    viewer.hls = hls;
    viewer.playing = { kind, id, source };
    $('player').hidden = false;
    $('title').textContent = (kind === 'channel' ? 'Channel ' : 'Stream ') + id;
    $('source').textContent = source;
    $('errors').replaceChildren();
    $('playlist').replaceChildren();

    hls.on(Hls.Events.ERROR, (event, data) => {
      const entry = { type: data.type, details: data.details, fatal: data.fatal, reason: data.reason || null,
        url: data.url || (data.frag && data.frag.url) || null, at: Date.now(), currentTime: video.currentTime };
      record(viewer.errors, entry);
      const li = element('li', new Date(entry.at).toLocaleTimeString() + ' ' + (entry.fatal ? 'FATAL ' : '')
        + entry.type + ' ' + entry.details + (entry.url ? ' ' + entry.url : ''), entry.fatal ? 'fatal' : '');
      $('errors').appendChild(li);
      if (data.fatal) {
        recover(hls, data);
      }
    });
    hls.on(Hls.Events.FRAG_CHANGED, (event, data) => {
      const f = data.frag;
      session.fragment = f;
      record(viewer.fragments, { sn: f.sn, cc: f.cc, url: f.url, start: f.start, duration: f.duration,
        level: f.level, at: Date.now(), currentTime: video.currentTime });
      highlightPlaying();
    });
    hls.on(Hls.Events.LEVEL_LOADED, (event, data) => {
      session.targetDuration = data.details.targetduration || session.targetDuration;
      if (!session.playlistUrl) {
        pollPlaylist();
      }
    });

    hls.on(Hls.Events.MANIFEST_PARSED, () => startPlayback());
    hls.attachMedia(video);
    hls.loadSource(source);
    session.detailsTimer = setInterval(showDetails, DETAILS_REFRESH_MS);
    showDetails();
  }

  /** Autoplay with sound may be refused without a click on the page; muted it is always allowed. */
  function startPlayback() {
    video.play().catch(() => {
      video.muted = true;
      video.play().catch(() => setStatus('Press play to start'));
    });
  }

  /** As hls.js recommends: reload on network errors, recover the decoder on media errors, else give up. */
  function recover(hls, data) {
    if (data.type === Hls.ErrorTypes.NETWORK_ERROR) {
      hls.startLoad();
    } else if (data.type === Hls.ErrorTypes.MEDIA_ERROR) {
      hls.recoverMediaError();
    } else {
      setStatus('Playback failed: ' + data.details);
    }
  }

  // --- the media playlist the player follows ---

  /** The media playlist hls.js plays now: its current level's, or the source when that is one. */
  function followedPlaylist() {
    const hls = session.hls;
    const level = hls.levels && hls.levels[hls.currentLevel >= 0 ? hls.currentLevel : 0];
    if (level) {
      // hls.js 1.4 keeps a level's URL in .uri (.url is a list of alternatives); later versions in .url.
      return level.uri || (Array.isArray(level.url) ? level.url[0] : level.url);
    }
    return session.source;
  }

  async function pollPlaylist() {
    const current = session;
    if (!current) {
      return;
    }
    const url = followedPlaylist();
    current.playlistUrl = url;
    $('playlist-url').textContent = new URL(url, location.href).pathname;
    try {
      const response = await fetch(url, { cache: 'no-cache' });
      const text = await response.text();
      if (session !== current) {
        return;
      }
      current.playlistLines = response.ok ? text.split('\n') : [response.status + ' ' + text];
      current.playlistBase = response.url || url;
      renderPlaylist();
    } catch (e) {
      $('playlist').textContent = 'Cannot read ' + url + ': ' + e.message;
    }
    if (session === current) {
      // Half the target duration: the cadence a player reloads a live playlist at.
      current.playlistTimer = setTimeout(pollPlaylist, Math.max(500, current.targetDuration * 500));
    }
  }

  function renderPlaylist() {
    const lines = session.playlistLines || [];
    const playing = session.fragment ? session.fragment.url : null;
    const pre = $('playlist');
    pre.replaceChildren(...lines.map((line) => {
      const isUri = line.length > 0 && !line.startsWith('#');
      const span = element('span', line + '\n');
      if (isUri && playing && resolve(line, session.playlistBase) === playing) {
        span.className = 'playing';
      }
      return span;
    }));
  }

  function resolve(uri, base) {
    try {
      return new URL(uri, base).href;
    } catch (e) {
      return null;
    }
  }

  function highlightPlaying() {
    if (session && session.playlistLines) {
      renderPlaylist();
    }
  }

  // --- where the player is ---

  function showPosition() {
    if (!session) {
      return;
    }
    const hls = session.hls;
    const t = video.currentTime;
    $('current-time').textContent = seconds(t) + (video.paused ? ' (paused)' : '');
    const bar = $('window');
    if (video.seekable.length > 0) {
      const start = video.seekable.start(0);
      const end = video.seekable.end(video.seekable.length - 1);
      $('seekable').textContent = seconds(start) + ' – ' + seconds(end) + ' (' + seconds(end - start) + ')';
      const span = Math.max(end - start, 0.001);
      const at = Math.min(Math.max((t - start) / span, 0), 1);
      $('playhead').style.left = (at * 100).toFixed(2) + '%';
      let ahead = 0;
      for (let i = 0; i < video.buffered.length; i++) {
        if (video.buffered.start(i) <= t && t <= video.buffered.end(i)) {
          ahead = video.buffered.end(i) - t;
        }
      }
      $('buffer').textContent = seconds(ahead);
      $('buffered').style.left = (at * 100).toFixed(2) + '%';
      $('buffered').style.width = (Math.min(ahead / span, 1 - at) * 100).toFixed(2) + '%';
      bar.hidden = false;
    } else {
      bar.hidden = true;
    }
    $('latency').textContent = hls.latency > 0 ? seconds(hls.latency) + ' (target ' + seconds(hls.targetLatency)
      + ')' : '–';
    const f = session.fragment;
    $('segment').textContent = f ? '#' + f.sn + ' ' + new URL(f.url).pathname + ', ' + seconds(t - f.start)
      + ' of ' + seconds(f.duration) + ', discontinuity ' + f.cc : '–';
    $('playing-date').textContent = hls.playingDate ? hls.playingDate.toISOString() : '–';
    const level = hls.levels && hls.levels[hls.currentLevel];
    $('level').textContent = level ? (level.height ? level.height + 'p ' : '') + Math.round(level.bitrate / 1000)
      + ' kbit/s' : '–';
  }

  // --- what the API says about it ---

  async function showDetails() {
    const current = session;
    if (!current) {
      return;
    }
    try {
      const path = (current.kind === 'channel' ? 'api/channels/' : 'api/streams/') + encodeURIComponent(current.id);
      const details = await getJson(path);
      if (session === current) {
        $('details').replaceChildren(current.kind === 'channel' ? channelDetails(details) : streamDetails(details));
      }
    } catch (e) {
      $('details').textContent = e.message;
    }
  }

  function table(head, rows) {
    const t = element('table');
    const thead = t.createTHead().insertRow();
    for (const h of head) {
      thead.appendChild(element('th', h));
    }
    const body = t.createTBody();
    for (const r of rows) {
      body.appendChild(row(r));
    }
    return t;
  }

  function channelDetails(c) {
    const box = element('div');
    const now = c.nowPlaying;
    box.appendChild(element('p', now ? 'On air: ' + now.title + ' (' + now.kind.toLowerCase() + ')'
      + (now.segment !== null ? ', segment ' + now.segment : '') + (now.position !== null ? ', '
      + seconds(now.position) + ' in' : '') + ', until ' + clock(now.endsAt) + (now.loops ? ', loops' : '')
      : 'Nothing on air'));
    box.appendChild(table(['Up next', 'Kind', 'Starts', 'Ends'],
      (c.upNext || []).map((u) => [u.title, u.kind.toLowerCase(), clock(u.startsAt), clock(u.endsAt)])));
    if (c.window) {
      box.appendChild(element('p', 'Air window: media sequence ' + c.window.mediaSequence + ', '
        + c.window.segments + ' segments (' + seconds(c.window.duration) + '), next at '
        + (c.window.nextAirTime ? clock(c.window.nextAirTime) : '–') + '; served by ' + c.servedBy
        + ' (' + c.role + ')', 'mono'));
    }
    return box;
  }

  function streamDetails(s) {
    const box = element('div');
    box.appendChild(element('p', (s.ended ? 'Ended' : 'Live') + '; served by ' + s.servedBy + ' (' + s.role + ')'));
    box.appendChild(table(['Rendition', 'Media sequence', 'Last sequence', 'Segments', 'Target', 'Pending', 'Lost'],
      s.renditions.map((r) => [r.name, r.mediaSequence, r.lastSequence, r.segments, r.targetDuration,
        r.pendingSegments, r.lostSegments])));
    return box;
  }

  // --- start ---

  function start() {
    refreshLists();
    setInterval(refreshLists, LIST_REFRESH_MS);
    setInterval(showPosition, POSITION_REFRESH_MS);
    video.addEventListener('timeupdate', showPosition);
    const params = new URLSearchParams(location.search);
    for (const kind of ['stream', 'channel']) {
      if (params.get(kind)) {
        select(kind, params.get(kind));
        break;
      }
    }
  }

  start();
}());
