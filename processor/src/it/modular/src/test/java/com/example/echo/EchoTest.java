package com.example.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.WskProvider;
import io.wsk4j.WskListenSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
public class EchoTest {
    @Test
    public void runsOnTheModulePath() {
        assertEquals("com.example.echo", EchoServer.class.getModule().getName());
        assertEquals("io.wsk4j", WskProvider.class.getModule().getName());
    }

    @Test
    public void generatedClassesCarryGeneratedBecauseTheModuleReadsJavaCompiler() throws Exception {
        String source = Files.readString(
                Path.of("target/generated-sources/annotations/com/example/echo/EchoServerDispatch.java"));
        assertTrue(source.contains("@Generated("), "no @Generated in the generated EchoServerDispatch");
    }

    @Test
    public void theClientGetsItsEchoFromTheServer() throws Exception {
        try (WskProvider provider = WskProvider.open()) {
            WskListenSocket listening = EchoServer.create()
                    .listen(provider, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                    .get(10, TimeUnit.SECONDS);
            CompletableFuture<SocketAddress> address = new CompletableFuture<>();
            Irp irp = Irp.allocate();
            irp.setCompletionRoutine((done, future) -> {
                future.complete(done.address());
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, address, true, true, true);
            listening.dispatch().getLocalAddress(listening, irp);
            SocketAddress server = address.get(10, TimeUnit.SECONDS);

            String echo = EchoClient.create().call(provider, server, "hello from the module path")
                    .get(10, TimeUnit.SECONDS);
            assertEquals("hello from the module path", echo);

            CompletableFuture<NtStatus> closed = new CompletableFuture<>();
            irp.reuse(NtStatus.SUCCESS);
            irp.setCompletionRoutine((done, future) -> {
                future.complete(done.status());
                return NtStatus.MORE_PROCESSING_REQUIRED;
            }, closed, true, true, true);
            listening.dispatch().closeSocket(listening, irp);
            assertEquals(NtStatus.SUCCESS, closed.get(10, TimeUnit.SECONDS));
            irp.free();
        }
    }
}
