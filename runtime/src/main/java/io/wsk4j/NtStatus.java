package io.wsk4j;

import java.util.Locale;

/**
 * The NTSTATUS codes that wsk4j produces, with their real values (SPEC A1).
 *
 * <p>{@link #isSuccess()} has the meaning of the kernel's {@code NT_SUCCESS} macro: every code whose sign bit is
 * clear. {@link #PENDING} therefore counts as success although the operation is not done yet; wait for the
 * completion routine to learn the final status.
 */
public enum NtStatus {
    /** The operation completed successfully. */
    SUCCESS(0x00000000),
    /** The operation was queued; its completion routine reports the final status. */
    PENDING(0x00000103),
    /** STATUS_BUFFER_OVERFLOW, a warning: a datagram longer than the buffer, its first bytes delivered (SPEC G2). */
    BUFFER_OVERFLOW(0x80000005),
    /** Returned by a completion routine: the application keeps the IRP (it freed or reused it). */
    MORE_PROCESSING_REQUIRED(0xC0000016),
    /** An unexpected failure that no more specific status describes; the provider's error channel has details. */
    UNSUCCESSFUL(0xC0000001),
    /** An argument is invalid, for example a buffer passed with an abortive disconnect. */
    INVALID_PARAMETER(0xC000000D),
    /** The provider could not get the resources for the request (for example, it is shutting down). */
    INSUFFICIENT_RESOURCES(0xC000009A),
    /** The request uses a flag or feature that this provider does not implement. */
    NOT_SUPPORTED(0xC00000BB),
    /** The IRP was cancelled by {@link Irp#cancel()} or flushed by a close. */
    CANCELLED(0xC0000120),
    /** The socket is not connected (it was never connected, or its connect failed). */
    INVALID_CONNECTION(0xC0000140),
    /** The request is not valid in the socket's current state, for example a second disconnect. */
    INVALID_DEVICE_STATE(0xC0000184),
    /** A send after this side's graceful disconnect: the sending direction is closed. */
    PIPE_DISCONNECTED(0xC00000B0),
    /** The operation did not finish in time. */
    IO_TIMEOUT(0xC00000B5),
    /** The socket was closed while the request was outstanding. */
    FILE_FORCED_CLOSED(0xC00000B6),
    /** The local address is already in use by another socket. */
    ADDRESS_ALREADY_EXISTS(0xC000020A),
    /** The peer reset the connection (it sent RST). */
    CONNECTION_RESET(0xC000020D),
    /** Nothing listens at the remote address. */
    CONNECTION_REFUSED(0xC0000236),
    /** The socket is already connected or connecting. */
    CONNECTION_ACTIVE(0xC000023B),
    /** The remote network cannot be reached. */
    NETWORK_UNREACHABLE(0xC000023C),
    /** The remote host cannot be reached. */
    HOST_UNREACHABLE(0xC000023D),
    /** This side aborted the connection (abortive disconnect or close). */
    CONNECTION_ABORTED(0xC0000241),
    /** An event callback did not accept the data it was offered. */
    DATA_NOT_ACCEPTED(0xC000021B),
    /** The application rejected an incoming connection. */
    REQUEST_NOT_ACCEPTED(0xC00000D0),
    /** STATUS_NOT_FOUND: a name that does not resolve (SPEC N1). */
    NOT_FOUND(0xC0000225);

    private static final NtStatus[] VALUES = values();

    private final int code;
    /** Made once: statuses are printed per completion in traces and logs. */
    private final String text;

    NtStatus(int code) {
        this.code = code;
        this.text = String.format(Locale.ROOT, "STATUS_%s(0x%08X)", name(), code);
    }

    /** {@return the real 32-bit NTSTATUS value, for example {@code 0xC0000120} for {@link #CANCELLED}} */
    public int code() {
        return code;
    }

    /** {@return {@code NT_SUCCESS(status)}: true for success and informational codes, {@link #PENDING} included} */
    public boolean isSuccess() {
        return code >= 0;
    }

    /**
     * The status with the given NTSTATUS value.
     *
     * @param code a 32-bit NTSTATUS value, such as {@code 0x00000103}
     * @return the constant whose {@link #code()} is {@code code}
     * @throws IllegalArgumentException if wsk4j does not produce that code
     */
    public static NtStatus of(int code) {
        for (NtStatus status : VALUES) {
            if (status.code == code) {
                return status;
            }
        }
        throw new IllegalArgumentException(
                String.format("0x%08X is not an NTSTATUS that wsk4j produces; see NtStatus for the known codes", code));
    }

    @Override
    public String toString() {
        return text;
    }
}
