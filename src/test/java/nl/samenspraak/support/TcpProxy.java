package nl.samenspraak.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on loopback between the service and a server (PostgreSQL), that a test can cut and restore: cut
 * drops every open connection and swallows new ones (accepted, never answered, as a broken network does), restore
 * lets connections through again. Freeze is the harsher network: open connections stay open but nothing more goes
 * through them (a database host gone without a word, a firewall that drops packets), and new ones are swallowed.
 * Thaw heals such a partition the way a real one often heals: new connections pass again, but those open during the
 * freeze stay half-open (the other end forgot them), passing nothing, until their client gives up on them.
 */
public final class TcpProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    /** Connections left half-open by a thaw: kept open, passing nothing. */
    private final Set<Socket> halfOpen = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;
    private volatile boolean frozen;

    public TcpProxy(int targetPort) {
        this.targetPort = targetPort;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "tcp-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Drops every connection and swallows new ones. */
    public void cut() {
        cut = true;
        closeAll();
    }

    /** Keeps every open connection open but passes nothing more through it, and swallows new ones. */
    public void freeze() {
        frozen = true;
        cut = true;
    }

    /** Lets connections through again (the swallowed and frozen ones are dropped, their clients try anew). */
    public void restore() {
        cut = false;
        frozen = false;
        halfOpen.clear();
        closeAll();
    }

    /**
     * Lets new connections through again, but leaves every connection open now (frozen or swallowed) half-open: open,
     * passing nothing, never closed by this side (a partition healed after the database forgot those connections).
     */
    public void thaw() {
        halfOpen.addAll(open);
        frozen = false;
        cut = false;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
                if (cut) {
                    continue;
                }
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                // the server socket closed, or the target refused: the client sees its connection drop
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    while ((frozen || halfOpen.contains(from)) && !from.isClosed()) {
                        Thread.sleep(20);
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                close(from);
                close(to);
            }
        }, "tcp-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private void closeAll() {
        for (Socket s : open) {
            close(s);
        }
    }

    private void close(Socket s) {
        open.remove(s);
        halfOpen.remove(s);
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        closeAll();
    }
}
