package io.switchboard.devstack.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JVM's heap as of its last garbage collection, from its hsperfdata file ({@code
 * /tmp/hsperfdata_<user>/<pid>}, the counters jstat reads): used in the survivor and old spaces
 * ({@code sun.gc.generation.N.space.M.used}, eden excluded), which is what the service kept alive
 * through the last collection, and the heap's committed capacity. The JVM keeps these counters in a
 * memory-mapped file; reading them costs the service nothing, so they are sampled often.
 *
 * <p>Eden's live fill is not there: with the serial collector its counter is only updated at a
 * collection (jstat shows EU 0). The used heap including eden comes from the services' {@code
 * /q/metrics}, scraped less often because a scrape costs the service CPU (see {@link Sampler}).
 */
final class HeapReader {
  private static final int MAGIC = 0xcafec0c0;
  private static final Pattern SPACE =
      Pattern.compile("sun\\.gc\\.generation\\.(\\d+)\\.space\\.(\\d+)\\.(used|capacity)");

  /** Bytes: survivors and old generation in use after the last collection; heap committed. */
  record Heap(long afterGc, long committed) {}

  private HeapReader() {}

  static Optional<Heap> read(Path file) {
    if (file == null) {
      return Optional.empty();
    }
    try {
      ByteBuffer buffer = ByteBuffer.wrap(Files.readAllBytes(file));
      if (buffer.order(ByteOrder.BIG_ENDIAN).getInt(0) != MAGIC) {
        return Optional.empty();
      }
      buffer.order(buffer.get(4) == 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
      int entry = buffer.getInt(24);
      int entries = buffer.getInt(28);
      long afterGc = 0;
      long committed = 0;
      boolean found = false;
      for (int i = 0; i < entries && entry > 0 && entry < buffer.limit(); i++) {
        // PerfDataEntry: length, name offset, vector length, type, flags, units, variability,
        // data offset; name and data relative to the entry.
        int length = buffer.getInt(entry);
        int nameStart = entry + buffer.getInt(entry + 4);
        int vectorLength = buffer.getInt(entry + 8);
        byte type = buffer.get(entry + 12);
        int data = entry + buffer.getInt(entry + 16);
        if (type == 'J' && vectorLength == 0) {
          Matcher space = SPACE.matcher(name(buffer, nameStart));
          if (space.matches()) {
            long value = buffer.getLong(data);
            boolean eden = space.group(1).equals("0") && space.group(2).equals("0");
            if (space.group(3).equals("capacity")) {
              committed += value;
            } else if (!eden) {
              afterGc += value;
            }
            found = true;
          }
        }
        if (length <= 0) {
          break;
        }
        entry += length;
      }
      return found ? Optional.of(new Heap(afterGc, committed)) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String name(ByteBuffer buffer, int start) {
    int end = start;
    while (end < buffer.limit() && buffer.get(end) != 0) {
      end++;
    }
    byte[] bytes = new byte[end - start];
    buffer.get(start, bytes);
    return new String(bytes, StandardCharsets.US_ASCII);
  }

  /** The hsperfdata file of a JVM, or null when it has none (or is no JVM). */
  static Path file(long pid) {
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(Path.of("/tmp"), "hsperfdata_*")) {
      for (Path dir : dirs) {
        Path file = dir.resolve(Long.toString(pid));
        if (Files.isRegularFile(file)) {
          return file;
        }
      }
    } catch (IOException e) {
      return null;
    }
    return null;
  }
}
