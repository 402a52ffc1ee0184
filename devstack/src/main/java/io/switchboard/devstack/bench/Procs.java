package io.switchboard.devstack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What Linux's {@code /proc} tells about the stack's processes: who listens on a port, resident
 * memory, CPU time. The stack may have been started by another shell, so the benchmark finds its
 * processes by their ports rather than by holding their handles.
 */
final class Procs {
  /** Clock ticks per second of {@code /proc/<pid>/stat}; 100 on every Linux this runs on. */
  static final long TICKS_PER_SECOND = 100;

  private Procs() {}

  /** The process listening on a TCP port of this machine. */
  static OptionalLong listening(int port) {
    Set<String> inodes = new HashSet<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      try {
        List<String> lines = Files.readAllLines(Path.of(table));
        for (String line : lines.subList(1, lines.size())) {
          // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
          String[] f = line.trim().split("\\s+");
          String local = f[1];
          int localPort = Integer.parseInt(local.substring(local.indexOf(':') + 1), 16);
          if (localPort == port && f[3].equals("0A")) {
            inodes.add("socket:[" + f[9] + "]");
          }
        }
      } catch (IOException | IndexOutOfBoundsException e) {
        // no IPv6 table, or read while changing: the other table may still answer
      }
    }
    if (inodes.isEmpty()) {
      return OptionalLong.empty();
    }
    try (Stream<Path> pids = Files.list(Path.of("/proc"))) {
      for (Path dir : pids.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        try (Stream<Path> fds = Files.list(dir.resolve("fd"))) {
          for (Path fd : fds.toList()) {
            try {
              if (inodes.contains(Files.readSymbolicLink(fd).toString())) {
                return OptionalLong.of(Long.parseLong(dir.getFileName().toString()));
              }
            } catch (IOException gone) {
              // closed meanwhile
            }
          }
        } catch (IOException | SecurityException gone) {
          // exited, or not ours to read
        }
      }
    } catch (IOException e) {
      return OptionalLong.empty();
    }
    return OptionalLong.empty();
  }

  /** VmRSS in bytes. */
  static OptionalLong rss(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          String[] f = line.split("\\s+");
          return OptionalLong.of(Long.parseLong(f[1]) * 1024);
        }
      }
    } catch (IOException | RuntimeException e) {
      // exited
    }
    return OptionalLong.empty();
  }

  /** User plus system CPU time in ticks, of the process alone (not its children). */
  static long cpuTicks(long pid) {
    return stat(pid).map(f -> Long.parseLong(f[13]) + Long.parseLong(f[14])).orElse(0L);
  }

  /**
   * CPU ticks of a process and its live children: PostgreSQL does its work in one backend process
   * per connection.
   */
  static long cpuTicksWithChildren(long pid) {
    long total = cpuTicks(pid);
    for (long child : children(pid)) {
      total += cpuTicks(child);
    }
    return total;
  }

  static List<Long> children(long parent) {
    List<Long> children = new ArrayList<>();
    try (Stream<Path> pids = Files.list(Path.of("/proc"))) {
      for (Path dir : pids.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        long pid = Long.parseLong(dir.getFileName().toString());
        Optional<String[]> stat = stat(pid);
        if (stat.isPresent() && Long.parseLong(stat.get()[3]) == parent) {
          children.add(pid);
        }
      }
    } catch (IOException e) {
      // leaves what was found
    }
    return children;
  }

  /**
   * The fields of {@code /proc/<pid>/stat}, numbered as in proc(5) minus one; the command name
   * (field 2, in parentheses, may hold spaces) is skipped over.
   */
  private static Optional<String[]> stat(long pid) {
    try {
      String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      int close = line.lastIndexOf(')');
      String[] rest = line.substring(close + 2).trim().split("\\s+");
      String[] fields = new String[rest.length + 2];
      fields[0] = Long.toString(pid);
      fields[1] = "(comm)";
      System.arraycopy(rest, 0, fields, 2, rest.length);
      return Optional.of(fields);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Busy and total ticks of the whole machine, all cores, from {@code /proc/stat}. */
  static long[] machineTicks() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
      // cpu user nice system idle iowait irq softirq steal
      long total = 0;
      for (int i = 1; i < Math.min(f.length, 9); i++) {
        total += Long.parseLong(f[i]);
      }
      long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
      return new long[] {total - idle, total};
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0};
    }
  }
}
