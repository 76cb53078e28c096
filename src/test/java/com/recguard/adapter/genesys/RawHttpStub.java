package com.recguard.adapter.genesys;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bare HTTP/1.1 responder on 127.0.0.1 that sends header names exactly as written. WireMock's
 * Jetty rewrites well-known names into their canonical case ("retry-after" becomes "Retry-After"),
 * which would hide the case-sensitivity pitfall of the SDK.
 */
final class RawHttpStub implements AutoCloseable {

    private final ServerSocket server;
    private final Thread acceptor;
    private final AtomicInteger requests = new AtomicInteger();

    RawHttpStub(String statusLine, String headers, String body) throws IOException {
        server = new ServerSocket(0, 8, InetAddress.getByName("127.0.0.1"));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        byte[] response = (statusLine + "\r\n" + headers + "Content-Length: " + bytes.length
                + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);
        acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    s.setSoTimeout(5000);
                    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
                    String line;
                    while ((line = in.readLine()) != null && !line.isEmpty()) {
                        // request line and headers; a GET has no body
                    }
                    requests.incrementAndGet();
                    OutputStream out = s.getOutputStream();
                    out.write(response);
                    out.flush();
                } catch (IOException e) {
                    // closed, or the client went away
                }
            }
        }, "raw-http-stub");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    int requests() {
        return requests.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
