package io.wsk4j.examples.seed;

import io.wsk4j.CompletionRoutine;
import io.wsk4j.DisconnectMode;
import io.wsk4j.Irp;
import io.wsk4j.NtStatus;
import io.wsk4j.WskProviderConnectionDispatch;
import io.wsk4j.WskSocket;

/**
 * The seed's {@code DisconnectSocket} function, three ways, each a graceful disconnect with no final data whose
 * completion routine gets the socket as its context.
 */
public final class DisconnectSocket {
    private DisconnectSocket() {}

    /** 1. By hand, as the C code does it: allocate the IRP, set the routine and context, call the dispatch table. */
    public static NtStatus byHand(WskSocket socket, CompletionRoutine<WskSocket> disconnectComplete) {
        // Get the socket's provider dispatch structure
        WskProviderConnectionDispatch dispatch = socket.dispatch();

        // Allocate an IRP (Java has no NULL result to check: allocation failure is an OutOfMemoryError)
        Irp irp = Irp.allocate();

        // Set the completion routine for the IRP; the socket is the context, and it stays a WskSocket
        irp.setCompletionRoutine(disconnectComplete, socket, true, true, true);

        // Initiate the disconnect operation on the socket: no final data, graceful
        return dispatch.disconnect(socket, null, DisconnectMode.GRACEFUL, irp);
    }

    /** 2. The seed's shape with generated glue: the caller allocates the IRP, the faithful handler frees it. */
    public static NtStatus faithful(SeedRoutinesDispatch glue, WskSocket socket) {
        return glue.disconnect(socket, Irp.allocate(), socket);
    }

    /** 3. The simple shape: the glue takes a pooled IRP, sets the typed routine and gives the IRP back itself. */
    public static NtStatus simple(SimpleRoutinesDispatch glue, WskSocket socket) {
        return glue.disconnect(socket, socket);
    }
}
