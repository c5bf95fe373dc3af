package io.wsk4j.engine;

/** What an IRP asks of the provider; the names are the WSK functions' names, used in messages. */
enum Operation {
    SOCKET("WskSocket", false),
    SOCKET_CONNECT("WskSocketConnect", true),
    LISTEN("WskSocket(listen)", false),
    BIND("WskBind", false),
    CONNECT("WskConnect", true),
    SEND("WskSend", true),
    RECEIVE("WskReceive", true),
    DISCONNECT("WskDisconnect", true),
    CLOSE("WskCloseSocket", false),
    CONTROL("WskControlSocket", false),
    SET_OPTION("WskControlSocket(WskSetOption)", false),
    GET_OPTION("WskControlSocket(WskGetOption)", false),
    ACCEPT("WskAccept", true),
    LOCAL_ADDRESS("WskGetLocalAddress", false),
    REMOTE_ADDRESS("WskGetRemoteAddress", false),
    /** A datagram socket's WskSendTo (SPEC G1). */
    SEND_TO("WskSendTo", true),
    /** A datagram socket's WskReceiveFrom (SPEC G2). */
    RECEIVE_FROM("WskReceiveFrom", true),
    GET_ADDRESS_INFO("WskGetAddressInfo", true);

    final String wskName;
    /** Whether {@code Irp.cancel()} can take effect while the operation waits. */
    final boolean cancellable;

    Operation(String wskName, boolean cancellable) {
        this.wskName = wskName;
        this.cancellable = cancellable;
    }
}
