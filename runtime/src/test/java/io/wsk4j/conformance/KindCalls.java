package io.wsk4j.conformance;

import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.WskBasicSocket;
import io.wsk4j.WskClientConnectionDispatch;
import io.wsk4j.WskEvent;
import io.wsk4j.WskListenSocket;
import io.wsk4j.WskOption;
import io.wsk4j.WskSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The calls of SPEC K as a test makes them, each awaited through its {@link Network}: options set and read, a
 * listening socket made and bound, accept IRPs whose completions (socket, peer address) are kept in order.
 */
final class KindCalls {
    /** One completion of an IRP made here. */
    record Done(String name, NtStatus status, WskSocket socket, SocketAddress address, Object value) {}

    private final Network net;
    private final List<Done> done = new ArrayList<>();

    KindCalls(Network net) {
        this.net = net;
    }

    /**
     * {@return an IRP whose completion is recorded under {@code name}} With an {@code option}, the recorded
     * {@link Done#value()} is the option's value (a get); without, {@link Done#socket()} is the socket it made.
     */
    <T> Irp irp(String name, WskOption<T> option) {
        Irp irp = Irp.allocate();
        irp.setCompletionRoutine((completed, label) -> {
            synchronized (this) {
                Object value = option == null || !completed.status().isSuccess() ? null
                        : completed.optionValue(option);
                WskSocket socket = completed.status().isSuccess() && option == null ? socketOf(completed) : null;
                done.add(new Done(label, completed.status(), socket, completed.address(), value));
                notifyAll();
            }
            completed.free();
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }, name, true, true, true);
        return irp;
    }

    private static WskSocket socketOf(Irp irp) {
        try {
            return irp.socket();
        } catch (IllegalStateException otherKind) {
            return null; // a listening socket's request: the test reads it with listenSocket() itself
        }
    }

    Done await(String name) throws InterruptedException {
        net.await(this, () -> find(name) != null, "the completion of " + name + "; seen: " + names());
        return find(name);
    }

    synchronized Done find(String name) {
        for (Done d : done) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        return null;
    }

    synchronized List<String> names() {
        List<String> names = new ArrayList<>();
        for (Done d : done) {
            names.add(d.name());
        }
        return names;
    }

    private int calls;

    <T> NtStatus set(WskBasicSocket socket, WskOption<T> option, T value) throws InterruptedException {
        String name = "set-" + option + "-" + ++calls;
        socket.dispatch().controlSocket(socket, option, value, irp(name, null));
        return await(name).status();
    }

    /** {@return the option's value} Fails the test unless the get completes SUCCESS. */
    <T> T get(WskBasicSocket socket, WskOption<T> option) throws InterruptedException {
        String name = "get-" + option + "-" + ++calls;
        socket.dispatch().controlSocket(socket, option, irp(name, option));
        Done d = await(name);
        org.junit.jupiter.api.Assertions.assertEquals(NtStatus.SUCCESS, d.status(), "get " + option);
        return option.valueType().cast(d.value());
    }

    /** {@return the status of a get of {@code option}} */
    NtStatus getStatus(WskBasicSocket socket, WskOption<?> option) throws InterruptedException {
        String name = "get-" + option + "-" + ++calls;
        socket.dispatch().controlSocket(socket, option, irp(name, option));
        return await(name).status();
    }

    NtStatus control(WskBasicSocket socket, WskEvent event, boolean enable) throws InterruptedException {
        String name = "control-" + event + "-" + ++calls;
        socket.dispatch().controlSocket(socket, event, enable, irp(name, null));
        return await(name).status();
    }

    /** {@return an unbound listening socket (WskSocket with WSK_FLAG_LISTEN_SOCKET)} */
    <L> WskListenSocket listenSocket(L context, io.wsk4j.WskClientListenDispatch<L> dispatch)
            throws InterruptedException {
        String name = "listen-socket-" + ++calls;
        Irp irp = Irp.allocate();
        WskListenSocket[] made = new WskListenSocket[1];
        irp.setCompletionRoutine((completed, box) -> {
            synchronized (this) {
                box[0] = completed.listenSocket();
                done.add(new Done(name, completed.status(), null, null, null));
                notifyAll();
            }
            completed.free();
            return NtStatus.MORE_PROCESSING_REQUIRED;
        }, made, true, true, true);
        net.provider().listenSocket(context, dispatch, irp);
        org.junit.jupiter.api.Assertions.assertEquals(NtStatus.SUCCESS, await(name).status(), "listenSocket");
        synchronized (this) {
            return made[0];
        }
    }

    /**
     * Binds {@code socket} to the network's loopback address (127.0.0.1 or ::1) at a port of the transport's choosing;
     * {@return its status}
     */
    NtStatus bind(WskListenSocket socket) throws InterruptedException {
        String name = "bind-" + ++calls;
        socket.dispatch().bind(socket, new InetSocketAddress(net.loopback(), 0), irp(name, null));
        return await(name).status();
    }

    /** Starts an accept; its completion is recorded under {@code name}. */
    <A> NtStatus accept(WskListenSocket socket, String name, A context, WskClientConnectionDispatch<A> dispatch) {
        return socket.dispatch().accept(socket, context, dispatch, irp(name, null));
    }
}
