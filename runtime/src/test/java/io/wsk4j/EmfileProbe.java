package io.wsk4j;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Run by {@link EmfileTest} in a JVM of its own with few file descriptors: a connection waits while the process has
 * none left, so every accept() fails with EMFILE; it prints what the provider did meanwhile, then after fds are free.
 */
final class EmfileProbe {
    private EmfileProbe() {}

    public static void main(String[] args) throws Exception {
        preloadClasses(Path.of(args[0])); // loading a class from a folder needs a descriptor, which will be gone
        List<String> reports = new CopyOnWriteArrayList<>();
        CountDownLatch accepted = new CountDownLatch(1);
        try (WskProvider provider = WskProvider.builder().ioThreads(1).closeTimeout(Duration.ofSeconds(1))
                .errorHandler((message, error) -> reports.add(message + ": " + error)).build()) {
            BlockingQueue<Irp> done = new LinkedBlockingQueue<>();
            CompletionRoutine<BlockingQueue<Irp>> keep = (irp, queue) -> {
                queue.add(irp);
                return NtStatus.MORE_PROCESSING_REQUIRED;
            };
            Irp irp = Irp.allocate();
            irp.setCompletionRoutine(keep, done, true, true, true);
            List<WskSocket> sockets = new CopyOnWriteArrayList<>();
            provider.socketListen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), accepted,
                    (latch, socket, local, remote) -> {
                        sockets.add(socket);
                        latch.countDown();
                        return WskAccept.accept(null, null);
                    }, irp);
            WskListenSocket listening = done.poll(10, TimeUnit.SECONDS).listenSocket();
            irp.reuse(NtStatus.SUCCESS);
            irp.setCompletionRoutine(keep, done, true, true, true);
            listening.dispatch().getLocalAddress(listening, irp);
            SocketAddress address = done.poll(10, TimeUnit.SECONDS).address();

            ThreadMXBean threads = ManagementFactory.getThreadMXBean(); // its native library loads now, while it can
            long ioThread = ioThreadId();
            threads.getThreadCpuTime(ioThread);
            SocketChannel client = SocketChannel.open(); // made while descriptors are left
            List<FileChannel> hog = new ArrayList<>();
            try {
                for (int i = 0; i < 100_000; i++) {
                    hog.add(FileChannel.open(Path.of("/dev/null")));
                }
            } catch (IOException outOfDescriptors) {
                // the process has none left
            }
            client.connect(address); // the kernel completes it; the listener's accept() cannot
            long cpuBefore = threads.getThreadCpuTime(ioThread);
            boolean acceptedWhileOut = accepted.await(1500, TimeUnit.MILLISECONDS); // a bounded wait for the failure
            long cpuNanos = threads.getThreadCpuTime(ioThread) - cpuBefore;
            long failures = reports.stream().filter(r -> r.contains("accept() failed")).count();
            for (FileChannel file : hog) {
                file.close();
            }
            boolean acceptedAfter = accepted.await(5, TimeUnit.SECONDS);
            System.out.println("hogged=" + hog.size() + " reportsWhileOut=" + failures + " ioThreadCpuMillisWhileOut="
                    + TimeUnit.NANOSECONDS.toMillis(cpuNanos) + " acceptedWhileOut=" + acceptedWhileOut
                    + " acceptedAfter=" + acceptedAfter);
            for (WskSocket socket : sockets) {
                closeAndWait(socket, keep, done);
            }
            closeAndWait(listening, keep, done);
            client.close();
        }
    }

    private static void closeAndWait(WskBasicSocket socket, CompletionRoutine<BlockingQueue<Irp>> keep,
            BlockingQueue<Irp> done) throws InterruptedException {
        Irp irp = Irp.allocate();
        irp.setCompletionRoutine(keep, done, true, true, true);
        socket.dispatch().closeSocket(socket, irp);
        done.poll(10, TimeUnit.SECONDS);
    }

    private static long ioThreadId() {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("wsk4j-io-")) {
                return thread.getId();
            }
        }
        throw new IllegalStateException("no I/O thread");
    }

    private static void preloadClasses(Path classes) throws IOException {
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = classes.relativize(file).toString();
                if (name.endsWith(".class") && !name.contains("module-info")) {
                    try {
                        Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), false,
                                EmfileProbe.class.getClassLoader());
                    } catch (ClassNotFoundException | LinkageError e) {
                        // not needed here
                    }
                }
            }
        }
    }
}
