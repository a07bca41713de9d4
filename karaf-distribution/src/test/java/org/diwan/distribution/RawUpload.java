package org.diwan.distribution;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A multipart POST written byte by byte on a socket, the way an attacker's client would: the head may declare any
 * length, the body may be sent in part, or streamed chunked without end, while the answer is read as it comes. It
 * shows what the server decided before it had the body, and how much of a body it took before it stopped.
 */
final class RawUpload implements AutoCloseable {

    static final String BOUNDARY = "----probe7MA4YWxkTrZu0gW";

    /** What came back: the status (0 when the connection ended before any answer) and the head and body text. */
    record Answer(int status, String text, long bytesSent) {
    }

    private final Socket socket;
    private final AtomicLong sent = new AtomicLong();

    private RawUpload(Socket socket) {
        this.socket = socket;
    }

    static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;

    /** Opens the connection and sends a multipart request's head; {@code contentLength} -1 means chunked. */
    static RawUpload open(int port, String path, String cookieHeader, long contentLength) throws IOException {
        return open(port, path, cookieHeader, contentLength, MULTIPART);
    }

    /** Opens the connection and sends the request head; {@code contentLength} -1 means chunked. */
    static RawUpload open(int port, String path, String cookieHeader, long contentLength, String contentType, String... extraHeaders)
            throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(60_000);
        StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n")
                .append("Content-Type: ").append(contentType).append("\r\n");
        if (cookieHeader != null && !cookieHeader.isEmpty()) {
            head.append("Cookie: ").append(cookieHeader).append("\r\n");
        }
        head.append(contentLength >= 0 ? "Content-Length: " + contentLength : "Transfer-Encoding: chunked").append("\r\n");
        for (String header : extraHeaders) {
            head.append(header).append("\r\n");
        }
        head.append("\r\n");
        socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        return new RawUpload(socket);
    }

    /** The start of a file part, as a browser sends it before the file's bytes. */
    static byte[] partHead(String fileName) {
        return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Sends bytes of the body as they are (for a declared length). */
    RawUpload send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
        sent.addAndGet(bytes.length);
        return this;
    }

    /**
     * Streams up to {@code total} bytes of file content in chunks, in the background, stopping quietly when the
     * server closes the connection; the answer is read meanwhile.
     */
    CompletableFuture<Void> streamChunked(byte[] first, long total) {
        return CompletableFuture.runAsync(() -> {
            try {
                OutputStream out = socket.getOutputStream();
                chunk(out, first);
                byte[] block = new byte[64 * 1024];
                java.util.Arrays.fill(block, (byte) 'A');
                while (sent.get() < total) {
                    chunk(out, block);
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException closedByServer) {
                // the server stopped reading and closed: what this probe wants to see
            }
        });
    }

    /** Streams up to {@code total} raw bytes (a body of declared length) in the background, as {@link #streamChunked}. */
    CompletableFuture<Void> streamRaw(byte[] first, long total) {
        return CompletableFuture.runAsync(() -> {
            try {
                OutputStream out = socket.getOutputStream();
                out.write(first);
                sent.addAndGet(first.length);
                byte[] block = new byte[64 * 1024];
                java.util.Arrays.fill(block, (byte) 'A');
                while (sent.get() < total) {
                    out.write(block);
                    sent.addAndGet(block.length);
                }
                out.flush();
            } catch (IOException closedByServer) {
                // the server stopped reading and closed
            }
        });
    }

    private void chunk(OutputStream out, byte[] bytes) throws IOException {
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        sent.addAndGet(bytes.length);
    }

    /** Reads the answer's head and as much of its body as arrives before the connection ends or 64 KiB. */
    Answer answer() throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while (got.size() < 64 * 1024 && (n = in.read(buffer)) > 0) {
                got.write(buffer, 0, n);
                String text = got.toString(StandardCharsets.UTF_8);
                int headEnd = text.indexOf("\r\n\r\n");
                if (headEnd > 0 && complete(text, headEnd)) {
                    break;
                }
            }
        } catch (IOException resetAfterAnswer) {
            // a reset after the answer arrived loses nothing already read
        }
        String text = got.toString(StandardCharsets.UTF_8);
        int status = text.startsWith("HTTP/1.1 ") && text.length() >= 12 ? Integer.parseInt(text.substring(9, 12)) : 0;
        return new Answer(status, text, sent.get());
    }

    /** Whether a head and its Content-Length worth of body (or a chunked end) have arrived. */
    private static boolean complete(String text, int headEnd) {
        String head = text.substring(0, headEnd).toLowerCase(java.util.Locale.ROOT);
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("content-length: *(\\d+)").matcher(head);
        if (length.find()) {
            return text.getBytes(StandardCharsets.UTF_8).length - headEnd - 4 >= Long.parseLong(length.group(1));
        }
        return head.contains("transfer-encoding: chunked") ? text.endsWith("0\r\n\r\n") : false;
    }

    long bytesSent() {
        return sent.get();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** Waits for a background stream to end after the socket is closed. */
    static void settle(CompletableFuture<Void> streaming) {
        try {
            streaming.get(60, TimeUnit.SECONDS);
        } catch (Exception stillRunning) {
            streaming.cancel(true);
        }
    }
}
