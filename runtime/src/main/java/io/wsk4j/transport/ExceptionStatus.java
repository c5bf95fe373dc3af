package io.wsk4j.transport;

import io.wsk4j.NtStatus;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.channels.UnsupportedAddressTypeException;

/** The NTSTATUS for a Java networking exception (SPEC X3), for every transport: no exception reaches the caller. */
public final class ExceptionStatus {
    private ExceptionStatus() {}

    public static NtStatus of(Throwable e) {
        String message = String.valueOf(e.getMessage());
        if (e instanceof SocketTimeoutException || message.contains("timed out")) {
            // before the refusal below: Linux reports a connect it gave up on (ETIMEDOUT) as a ConnectException too
            return NtStatus.IO_TIMEOUT;
        }
        if (e instanceof ConnectException && !message.contains("unreachable")) {
            return NtStatus.CONNECTION_REFUSED;
        }
        if (e instanceof NoRouteToHostException || message.contains("No route to host")
                || message.contains("Host is unreachable")) {
            return NtStatus.HOST_UNREACHABLE;
        }
        if (message.contains("Network is unreachable") || message.contains("Network unreachable")) {
            return NtStatus.NETWORK_UNREACHABLE;
        }
        if (e instanceof BindException) {
            return NtStatus.ADDRESS_ALREADY_EXISTS;
        }
        if (e instanceof UnresolvedAddressException) {
            return NtStatus.HOST_UNREACHABLE;
        }
        if (e instanceof UnsupportedAddressTypeException || e instanceof IllegalArgumentException) {
            return NtStatus.INVALID_PARAMETER;
        }
        if (message.contains("Too many open files")) {
            return NtStatus.INSUFFICIENT_RESOURCES; // EMFILE, ENFILE: the same status wherever a socket is made
        }
        if (message.contains("reset") || message.contains("Broken pipe")) {
            return NtStatus.CONNECTION_RESET;
        }
        return NtStatus.UNSUCCESSFUL;
    }
}
