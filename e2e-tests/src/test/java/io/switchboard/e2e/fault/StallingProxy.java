package io.switchboard.e2e.fault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy between the services and PostgreSQL that can make the database unreachable the way a
 * network partition does, not the way a stopped server does: while stalled, open connections
 * forward no byte in either direction and new connections are accepted but never answered, so
 * clients meet their timeouts instead of a quick "connection refused". When the stall ends, every
 * connection that lived through it is reset (RST) and forwarding resumes for new ones.
 */
final class StallingProxy implements AutoCloseable {
  private final ServerSocket server;
  private final int targetPort;
  private final Object gate = new Object();
  private final Set<Link> links = ConcurrentHashMap.newKeySet();
  private final Set<Socket> unanswered = ConcurrentHashMap.newKeySet();
  private final AtomicLong forwardedBytes = new AtomicLong();
  private final AtomicLong heldBytes = new AtomicLong();
  private volatile boolean stalled;
  private volatile boolean closed;

  StallingProxy(int targetPort) {
    this.targetPort = targetPort;
    try {
      server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread.ofPlatform().daemon().name("pg-proxy-accept").start(this::acceptLoop);
  }

  int port() {
    return server.getLocalPort();
  }

  void stall() {
    synchronized (gate) {
      stalled = true;
    }
  }

  /** Ends a stall: resets every connection that lived through it, then forwards again. */
  int resetAndResume() {
    int reset;
    synchronized (gate) {
      reset = links.size() + unanswered.size();
      links.forEach(Link::reset);
      unanswered.forEach(StallingProxy::rst);
      unanswered.clear();
      stalled = false;
      gate.notifyAll();
    }
    return reset;
  }

  int openConnections() {
    return links.size();
  }

  int unansweredConnections() {
    return unanswered.size();
  }

  long forwardedBytes() {
    return forwardedBytes.get();
  }

  /** Bytes a client or the server sent during a stall that never reached the other side. */
  long heldBytes() {
    return heldBytes.get();
  }

  private void acceptLoop() {
    while (!closed) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        if (!closed) {
          System.err.println("PostgreSQL proxy stopped accepting: " + e);
        }
        return;
      }
      synchronized (gate) {
        if (stalled) {
          unanswered.add(client);
          continue;
        }
      }
      Socket upstream = new Socket();
      try {
        upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 2000);
      } catch (IOException refused) {
        // The server is down (killed): the client hears what it would hear from the server itself.
        rst(client);
        closeQuietly(upstream);
        continue;
      }
      Link link = new Link(client, upstream);
      links.add(link);
      link.start();
    }
  }

  private void awaitOpen(Link link) throws InterruptedException {
    synchronized (gate) {
      while (stalled && !link.reset) {
        gate.wait();
      }
    }
  }

  private static void rst(Socket socket) {
    try {
      socket.setSoLinger(true, 0);
    } catch (IOException ignored) {
      // Already closed: nothing to reset.
    }
    closeQuietly(socket);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Closing is all that is left to do.
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException ignored) {
      // Shutting down.
    }
    resetAndResume();
  }

  /** One client connection and its connection to the server. */
  private final class Link {
    private final Socket client;
    private final Socket upstream;
    private volatile boolean reset;
    private int pumpsRunning = 2;

    Link(Socket client, Socket upstream) {
      this.client = client;
      this.upstream = upstream;
    }

    void start() {
      Thread.ofPlatform().daemon().stackSize(256 * 1024).start(() -> pump(client, upstream));
      Thread.ofPlatform().daemon().stackSize(256 * 1024).start(() -> pump(upstream, client));
    }

    private void pump(Socket from, Socket to) {
      byte[] buffer = new byte[16 * 1024];
      try {
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        int n;
        while ((n = in.read(buffer)) >= 0) {
          if (stalled) {
            heldBytes.addAndGet(n);
          }
          awaitOpen(this);
          if (reset) {
            return;
          }
          out.write(buffer, 0, n);
          out.flush();
          forwardedBytes.addAndGet(n);
        }
        to.shutdownOutput();
      } catch (IOException | InterruptedException gone) {
        // Either side went away (or the proxy reset the link): the other side must hear of it.
        reset();
      } finally {
        done();
      }
    }

    private synchronized void done() {
      if (--pumpsRunning == 0) {
        closeQuietly(client);
        closeQuietly(upstream);
        links.remove(this);
      }
    }

    void reset() {
      reset = true;
      rst(client);
      rst(upstream);
      links.remove(this);
    }
  }
}
