package com.linetrace.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Tells a live plant from a dead one: a plant holds an operating-system lock on {@code <data-dir>/plant.lock} for
 * as long as it runs, and the operating system lets go of it when the process dies, however it dies. So a lock
 * that can be taken means no plant runs on the directory, and whatever servers a dead plant left there are orphans.
 */
public final class DataDirectoryLock implements AutoCloseable {

    private static final String FILE = "plant.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the data directory for this process.
     *
     * @throws DataDirectoryInUseException when a live plant holds it, naming that process
     */
    public static DataDirectoryLock acquire(Path dataDirectory) {
        try {
            // The servers' data and their passwords live here: no other user of the machine may read it.
            KeptSecret.ownerOnlyDirectory(dataDirectory);
            var file = dataDirectory.resolve(FILE);
            var channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                var holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
                channel.close();
                throw new DataDirectoryInUseException(dataDirectory, holder);
            }
            var self = ProcessHandle.current();
            // The executable only: the command line may carry a password.
            var holder = "pid " + self.pid() + ", " + self.info().command().orElse("java") + ", since " + Instant.now();
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new DataDirectoryLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not lock the data directory " + dataDirectory, e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Another live process runs a plant on the same data directory. */
    public static final class DataDirectoryInUseException extends IllegalStateException {
        DataDirectoryInUseException(Path dataDirectory, String holder) {
            super("The data directory " + dataDirectory + " is in use by another running LineTrace plant ("
                    + (holder.isEmpty() ? "process unknown" : holder)
                    + "). Stop that plant first, or start this one with another --linetrace.data-dir.");
        }
    }
}
