package io.wsk4j;

/**
 * WSK_PROVIDER_BASIC_DISPATCH: the functions every socket kind has (SPEC K1). The table of each kind extends it:
 * {@link WskProviderConnectionDispatch}, {@link WskProviderListenDispatch}, {@link WskProviderDatagramDispatch}.
 *
 * <p>Every function takes the socket first and an {@link Irp} with a completion routine last. It returns the final
 * status when the IRP has already completed (its routine has run), or {@link NtStatus#PENDING}; the completion
 * routine always runs exactly once either way (SPEC I1). Network conditions never throw; only programming errors do:
 * a null socket or IRP, an IRP without a completion routine or still pending, a closed socket (SPEC B1, C5).
 */
public interface WskProviderBasicDispatch {
    /**
     * WskControlSocket with WskSetOption or WskIoctl: sets {@code option} to {@code value} (SPEC K3, K4). An option
     * the socket's kind does not have, or that the JDK cannot give here, completes NOT_SUPPORTED; a null or
     * out-of-range value INVALID_PARAMETER; an option that must precede bind, set after it, INVALID_DEVICE_STATE. A
     * failed set changes nothing.
     *
     * @param <T> the option's value type
     * @param socket the socket, which must come from this provider and not be closed
     * @param option the option, one of {@link WskOption}'s constants
     * @param value the new value
     * @param irp a ready IRP with a completion routine; it belongs to the provider until the routine runs (SPEC I3)
     * @return the final status if the IRP has already completed, else {@link NtStatus#PENDING}
     */
    <T> NtStatus controlSocket(WskBasicSocket socket, WskOption<T> option, T value, Irp irp);

    /**
     * WskControlSocket with WskGetOption: reads {@code option}; on success the value is
     * {@link Irp#optionValue(WskOption) irp.optionValue(option)} (SPEC K3).
     *
     * @param <T> the option's value type
     * @param socket the socket, which must come from this provider and not be closed
     * @param option the option, one of {@link WskOption}'s constants
     * @param irp a ready IRP with a completion routine; it belongs to the provider until the routine runs (SPEC I3)
     * @return the final status if the IRP has already completed, else {@link NtStatus#PENDING}
     */
    <T> NtStatus controlSocket(WskBasicSocket socket, WskOption<T> option, Irp irp);

    /**
     * WskControlSocket with SO_WSK_EVENT_CALLBACK: enables or disables one event callback (SPEC E1). An event of
     * another socket kind completes NOT_SUPPORTED.
     *
     * @param socket the socket, which must come from this provider and not be closed
     * @param event the callback to switch
     * @param enable true to enable it, false to disable it
     * @param irp a ready IRP with a completion routine; it belongs to the provider until the routine runs (SPEC I3)
     * @return the final status if the IRP has already completed, else {@link NtStatus#PENDING}
     */
    NtStatus controlSocket(WskBasicSocket socket, WskEvent event, boolean enable, Irp irp);

    /**
     * WskCloseSocket (SPEC C1–C5, K5, G4): completes every other pending IRP of the socket, stops its events, closes
     * it (a connection abortively unless both directions are already disconnected) and completes {@code irp} with
     * SUCCESS.
     *
     * @param socket the socket, which must come from this provider and not be closed
     * @param irp a ready IRP with a completion routine; it belongs to the provider until the routine runs (SPEC I3)
     * @return the final status if the IRP has already completed, else {@link NtStatus#PENDING}
     */
    NtStatus closeSocket(WskBasicSocket socket, Irp irp);
}
