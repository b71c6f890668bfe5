package org.hlspipeline.queryapi.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 over a raw socket, byte for byte as given: no client library in between that would refuse, encode or
 * repair a malformed request line, header or body, which is what these tests send.
 */
final class RawHttp {

    private RawHttp() {
    }

    /** Sends {@code request} on a new connection and reads one response; the server's close ends the read. */
    static Response exchange(int port, byte[] request, int timeoutMillis) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            return Response.read(socket.getInputStream());
        }
    }

    /**
     * Like {@link #exchange}, but reads only once {@code answered} has returned: the server has answered and, if it
     * closes, closed by then. A server that closes with unread request bytes resets the connection, and the reset
     * discards the answer before the client reads it.
     */
    static Response exchangeOnceAnswered(int port, byte[] request, int timeoutMillis, Runnable answered)
            throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(timeoutMillis);
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
            } catch (IOException stoppedReading) {
                // The server answered and stopped reading; the answer is what counts.
            }
            answered.run();
            return Response.read(socket.getInputStream());
        }
    }

    /**
     * Like {@link #exchange}, for requests that may be broken: a write the server cut short still reads what it
     * answered, {@code halfClose} ends the request's bytes (for a body shorter than it announced), and an answer
     * to HEAD is read to the close. Empty when the connection ended without an answer.
     */
    static java.util.Optional<Response> exchangeAny(int port, byte[] request, int timeoutMillis, boolean head,
                                                    boolean halfClose) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(timeoutMillis);
            try {
                OutputStream out = socket.getOutputStream();
                out.write(request);
                out.flush();
                if (halfClose) {
                    socket.shutdownOutput();
                }
            } catch (IOException cutShort) {
                // The server answered and closed before reading everything (413, 431, 400): read its answer.
            }
            InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
            try {
                in.mark(1);
                if (in.read() < 0) {
                    return java.util.Optional.empty();
                }
                in.reset();
                return java.util.Optional.ofNullable(head ? Response.readHead(in) : Response.read(in));
            } catch (java.net.SocketTimeoutException hung) {
                throw hung;
            } catch (IOException resetOrCut) {
                return java.util.Optional.empty();
            }
        }
    }

    static byte[] request(String method, String target, List<String> headers, byte[] body) {
        return request(method, target, headers, body, true);
    }

    /** A request as given; {@code contentLength} false sends a body without saying how long it is. */
    static byte[] request(String method, String target, List<String> headers, byte[] body, boolean contentLength) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1\r\n");
        headers.forEach(h -> head.append(h).append("\r\n"));
        if (body != null && contentLength) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            bytes.writeBytes(body);
        }
        return bytes.toByteArray();
    }

    /** A response as read: status, headers (names in lower case) and body (by length, chunked, or to the close). */
    record Response(int status, List<String[]> headers, byte[] body) {

        String header(String name) {
            return headers.stream().filter(h -> h[0].equals(name)).map(h -> h[1]).findFirst().orElse(null);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The answer to HEAD: a head, and whatever follows to the close (which must be nothing); null for none. */
        static Response readHead(InputStream in) throws IOException {
            String statusLine = finalStatusLine(in);
            if (statusLine == null) {
                return null;
            }
            List<String[]> headers = headers(in);
            return new Response(Integer.parseInt(statusLine.split(" ")[1]), headers, toClose(in));
        }

        /** The status line of the final answer, past any interim 1xx (100 Continue) with its headers. */
        private static String finalStatusLine(InputStream in) throws IOException {
            String statusLine = line(in);
            while (statusLine != null && statusLine.matches("HTTP/1\\.[01] 1\\d\\d.*")
                    && !statusLine.contains(" 101")) {
                headers(in);
                statusLine = line(in);
            }
            return statusLine;
        }

        private static List<String[]> headers(InputStream in) throws IOException {
            List<String[]> headers = new ArrayList<>();
            for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                headers.add(new String[] {header.substring(0, Math.max(colon, 0)).trim().toLowerCase(Locale.ROOT),
                    header.substring(colon + 1).trim()});
            }
            return headers;
        }

        static Response read(InputStream in) throws IOException {
            String statusLine = finalStatusLine(in);
            if (statusLine == null) {
                throw new IOException("connection closed before a response");
            }
            List<String[]> headers = new ArrayList<>();
            long length = -1;
            boolean chunked = false;
            for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                String name = header.substring(0, Math.max(colon, 0)).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                headers.add(new String[] {name, value});
                if (name.equals("content-length")) {
                    length = Long.parseLong(value);
                }
                chunked |= name.equals("transfer-encoding") && value.toLowerCase(Locale.ROOT).contains("chunked");
            }
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            byte[] body;
            if (chunked) {
                body = chunks(in);
            } else if (length >= 0) {
                body = in.readNBytes((int) length);
            } else if (status == 204 || status == 304 || status / 100 == 1) {
                body = new byte[0];
            } else {
                body = toClose(in);
            }
            return new Response(status, headers, body);
        }

        private static byte[] toClose(InputStream in) throws IOException {
            try {
                return in.readAllBytes();
            } catch (SocketTimeoutException e) {
                throw new IOException("no end of a body without length", e);
            }
        }

        private static byte[] chunks(InputStream in) throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int size = chunkSize(line(in)); size > 0; size = chunkSize(line(in))) {
                body.writeBytes(in.readNBytes(size));
                line(in);
            }
            for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                // no trailer matters here
            }
            return body.toByteArray();
        }

        private static int chunkSize(String line) {
            int extension = line.indexOf(';');
            return Integer.parseInt((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
        }

        /** One line without its CR LF, or null at the end of the stream. */
        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
                }
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
