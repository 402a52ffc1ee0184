package io.switchboard.testing;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy in front of PostgreSQL that counts the round trips its clients make, as they cross
 * the wire: every extended-protocol Sync ('S') and every simple Query ('Q') ends a request the
 * client then waits on. A Sync whose request executed nothing (Parse/Describe only: a statement
 * prepared before its first execution on a connection) is counted apart as a preparation, so that a
 * test can hold the steady state exactly and still report the whole. Measured, not inferred from
 * code.
 */
public final class RoundTripProxy implements AutoCloseable {
  private static final int SSL_REQUEST = 80877103;
  private static final int GSS_REQUEST = 80877104;

  private final ServerSocket server;
  private final int targetPort;
  private final AtomicLong executions = new AtomicLong();
  private final AtomicLong preparations = new AtomicLong();

  /** Listens on a free loopback port and forwards to PostgreSQL on {@code targetPort}. */
  public RoundTripProxy(int targetPort) throws IOException {
    this.server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
    this.targetPort = targetPort;
    Thread.ofPlatform().daemon().name("pg-round-trip-proxy").start(this::acceptAll);
  }

  public int port() {
    return server.getLocalPort();
  }

  /** Round trips that executed statements (simple queries, and syncs after an Execute). */
  public long executions() {
    return executions.get();
  }

  /** Round trips that only prepared statements. */
  public long preparations() {
    return preparations.get();
  }

  /** Every round trip. */
  public long roundTrips() {
    return executions.get() + preparations.get();
  }

  private void acceptAll() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket database = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        client.setTcpNoDelay(true);
        database.setTcpNoDelay(true);
        Thread.ofVirtual().start(() -> clientToDatabase(client, database));
        Thread.ofVirtual().start(() -> copy(database, client));
      } catch (IOException e) {
        // closed while accepting, or the database refused: the client sees its socket close
      }
    }
  }

  private void clientToDatabase(Socket client, Socket database) {
    try (client;
        database) {
      DataInputStream in = new DataInputStream(client.getInputStream());
      OutputStream out = new BufferedOutputStream(database.getOutputStream(), 64 * 1024);
      // Untyped start: SSL/GSS requests (answered 'N' by the server) until the startup message.
      int code;
      do {
        int length = in.readInt();
        byte[] body = in.readNBytes(length - 4);
        code = length >= 8 ? ((body[0] & 0xff) << 24) | ((body[1] & 0xff) << 16) : 0;
        code |= length >= 8 ? ((body[2] & 0xff) << 8) | (body[3] & 0xff) : 0;
        write(out, null, length, body);
        out.flush();
      } while (code == SSL_REQUEST || code == GSS_REQUEST);
      boolean executed = false;
      while (true) {
        byte type = in.readByte();
        int length = in.readInt();
        byte[] body = in.readNBytes(length - 4);
        if (type == 'E') {
          executed = true;
        } else if (type == 'Q') {
          executions.incrementAndGet();
        } else if (type == 'S') {
          (executed ? executions : preparations).incrementAndGet();
          executed = false;
        }
        write(out, type, length, body);
        if (in.available() == 0) {
          out.flush();
        }
      }
    } catch (IOException e) {
      // connection closed by either side
    }
  }

  private static void write(OutputStream out, Byte type, int length, byte[] body)
      throws IOException {
    if (type != null) {
      out.write(type);
    }
    out.write(length >>> 24);
    out.write(length >>> 16);
    out.write(length >>> 8);
    out.write(length);
    out.write(body);
  }

  private static void copy(Socket from, Socket to) {
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      in.transferTo(out);
    } catch (IOException e) {
      // connection closed by either side
    } finally {
      try {
        to.close();
      } catch (IOException e) {
        // already closed
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
